package dev.seedverify.golden.device;

/**
 * A completion record (spec §4.2) as the device writes it: status and tag in word 0, the result
 * (x10 at ecall, mcause on TRAP), mtval on TRAP, and the instructions the kernel retired.
 *
 * @param status the raw status code (a {@link CompletionStatus} code on a conforming device)
 */
public record Completion(int status, int tag, int result, int tval, int retired) {

    public static Completion of(CompletionStatus status, int tag, int result, int tval, int retired) {
        return new Completion(status.code(), tag & DeviceTable.HEADER_TAG_MASK, result, tval, retired);
    }

    /** Decodes the four words. */
    public static Completion fromWords(int w0, int w1, int w2, int w3) {
        return new Completion(w0 & DeviceTable.COMP_STATUS_MASK, w0 >>> DeviceTable.COMP_TAG_SHIFT, w1, w2, w3);
    }

    /** Decodes {@link DeviceTable#COMPLETION_BYTES} little-endian bytes at {@code off}. */
    public static Completion fromBytes(byte[] b, int off) {
        int[] w = new int[DeviceTable.COMPLETION_WORDS];
        for (int i = 0; i < w.length; i++) {
            int o = off + 4 * i;
            w[i] = (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | b[o + 3] << 24;
        }
        return fromWords(w[0], w[1], w[2], w[3]);
    }

    /** The status, or null for a code the spec does not define. */
    public CompletionStatus statusEnum() { return CompletionStatus.of(status); }

    public int word(int i) {
        return switch (i) {
            case DeviceTable.COMP_W_STATUS_TAG -> (status & DeviceTable.COMP_STATUS_MASK) | tag << DeviceTable.COMP_TAG_SHIFT;
            case DeviceTable.COMP_W_RESULT -> result;
            case DeviceTable.COMP_W_TVAL -> tval;
            case DeviceTable.COMP_W_RETIRED -> retired;
            default -> throw new IndexOutOfBoundsException("completion word " + i);
        };
    }

    @Override
    public String toString() {
        CompletionStatus s = statusEnum();
        return String.format("%s tag=%d result=0x%08x tval=0x%08x retired=%d", s == null ? "status " + status : s.name(), tag,
                result, tval, retired);
    }
}
