package dev.seedverify.golden.device;

import java.util.Arrays;

/**
 * One command descriptor (spec §4.2): eight little-endian words as the host writes them into the
 * ring. A value type for host code, tests and reports; the factories build well-formed
 * descriptors, {@link #of(int...)} takes any eight words (malformed ones included).
 */
public final class Descriptor {
    private final int[] words;

    private Descriptor(int[] words) { this.words = words; }

    /** Any eight words, as they would lie in the ring. */
    public static Descriptor of(int... words) {
        if (words.length != DeviceTable.DESCRIPTOR_WORDS) {
            throw new IllegalArgumentException("a descriptor has " + DeviceTable.DESCRIPTOR_WORDS + " words, not " + words.length);
        }
        return new Descriptor(words.clone());
    }

    /** Decodes {@link DeviceTable#DESCRIPTOR_BYTES} little-endian bytes at {@code off}. */
    public static Descriptor fromBytes(byte[] b, int off) {
        int[] w = new int[DeviceTable.DESCRIPTOR_WORDS];
        for (int i = 0; i < w.length; i++) {
            int o = off + 4 * i;
            w[i] = (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | b[o + 3] << 24;
        }
        return new Descriptor(w);
    }

    public static Descriptor launch(int tag, int entry, int a0, int sp, int windowBase, int windowLimit, int budget, int completion) {
        int[] w = new int[DeviceTable.DESCRIPTOR_WORDS];
        w[DeviceTable.DESC_W_HEADER] = DeviceTable.header(Opcode.LAUNCH.code(), 0, tag);
        w[DescriptorField.LAUNCH_ENTRY.word()] = entry;
        w[DescriptorField.LAUNCH_A0.word()] = a0;
        w[DescriptorField.LAUNCH_SP.word()] = sp;
        w[DescriptorField.LAUNCH_WINDOW_BASE.word()] = windowBase;
        w[DescriptorField.LAUNCH_WINDOW_LIMIT.word()] = windowLimit;
        w[DescriptorField.LAUNCH_BUDGET.word()] = budget;
        w[DeviceTable.DESC_W_COMPLETION] = completion;
        return new Descriptor(w);
    }

    public static Descriptor copy(int tag, int src, int dst, int length, int completion) {
        int[] w = new int[DeviceTable.DESCRIPTOR_WORDS];
        w[DeviceTable.DESC_W_HEADER] = DeviceTable.header(Opcode.COPY.code(), 0, tag);
        w[DescriptorField.COPY_SRC.word()] = src;
        w[DescriptorField.COPY_DST.word()] = dst;
        w[DescriptorField.COPY_LENGTH.word()] = length;
        w[DeviceTable.DESC_W_COMPLETION] = completion;
        return new Descriptor(w);
    }

    public static Descriptor fill(int tag, int dst, int length, int pattern, int completion) {
        int[] w = new int[DeviceTable.DESCRIPTOR_WORDS];
        w[DeviceTable.DESC_W_HEADER] = DeviceTable.header(Opcode.FILL.code(), 0, tag);
        w[DescriptorField.FILL_DST.word()] = dst;
        w[DescriptorField.FILL_LENGTH.word()] = length;
        w[DescriptorField.FILL_PATTERN.word()] = pattern;
        w[DeviceTable.DESC_W_COMPLETION] = completion;
        return new Descriptor(w);
    }

    public static Descriptor nop(int tag, int completion) {
        int[] w = new int[DeviceTable.DESCRIPTOR_WORDS];
        w[DeviceTable.DESC_W_HEADER] = DeviceTable.header(Opcode.NOP.code(), 0, tag);
        w[DeviceTable.DESC_W_COMPLETION] = completion;
        return new Descriptor(w);
    }

    public int word(int i) { return words[i]; }

    public int[] words() { return words.clone(); }

    /** The opcode byte (may be a bad opcode). */
    public int opcodeCode() { return DeviceTable.headerOpcode(words[DeviceTable.DESC_W_HEADER]); }

    /** The opcode, or null for a bad one. */
    public Opcode opcode() { return Opcode.of(opcodeCode()); }

    public int flags() { return DeviceTable.headerFlags(words[DeviceTable.DESC_W_HEADER]); }

    public int tag() { return DeviceTable.headerTag(words[DeviceTable.DESC_W_HEADER]); }

    public int completionAddress() { return words[DeviceTable.DESC_W_COMPLETION]; }

    /** The value of {@code field} (its opcode's word). */
    public int get(DescriptorField field) { return words[field.word()]; }

    /** A copy with word {@code i} replaced (to make malformed descriptors in tests). */
    public Descriptor with(int i, int value) {
        int[] w = words.clone();
        w[i] = value;
        return new Descriptor(w);
    }

    /** The 32 little-endian bytes the host writes into the ring. */
    public byte[] toBytes() {
        byte[] b = new byte[DeviceTable.DESCRIPTOR_BYTES];
        for (int i = 0; i < words.length; i++) {
            int v = words[i];
            b[4 * i] = (byte) v;
            b[4 * i + 1] = (byte) (v >>> 8);
            b[4 * i + 2] = (byte) (v >>> 16);
            b[4 * i + 3] = (byte) (v >>> 24);
        }
        return b;
    }

    @Override
    public boolean equals(Object o) { return o instanceof Descriptor d && Arrays.equals(words, d.words); }

    @Override
    public int hashCode() { return Arrays.hashCode(words); }

    @Override
    public String toString() {
        Opcode op = opcode();
        StringBuilder s = new StringBuilder(op == null ? String.format("opcode 0x%02x", opcodeCode()) : op.name());
        s.append(String.format(" tag=%d", tag()));
        if (flags() != 0) s.append(String.format(" flags=0x%02x", flags()));
        for (int i = 1; i < DeviceTable.DESC_W_COMPLETION; i++) {
            if (op != null && op.uses(i)) {
                for (DescriptorField f : op.fields()) {
                    if (f.word() == i) s.append(' ').append(f.name().substring(op.name().length() + 1).toLowerCase(java.util.Locale.ROOT));
                }
                s.append(String.format("=0x%08x", words[i]));
            } else if (words[i] != 0) {
                s.append(String.format(" w%d=0x%08x", i, words[i]));
            }
        }
        return s.append(String.format(" completion=0x%08x", completionAddress())).toString();
    }
}
