package dev.seedverify.golden.isa;

/**
 * A bit field of a 32-bit instruction word that carries an operand. Each field knows how its
 * value is scattered over the word, its value range and alignment, so decoder, encoder,
 * assembler and generators all share one description.
 */
public enum Field {
    RD(5, false, 1) {
        @Override public int extract(int w) { return (w >>> 7) & 31; }
        @Override int place(int v) { return (v & 31) << 7; }
    },
    RS1(5, false, 1) {
        @Override public int extract(int w) { return (w >>> 15) & 31; }
        @Override int place(int v) { return (v & 31) << 15; }
    },
    RS2(5, false, 1) {
        @Override public int extract(int w) { return (w >>> 20) & 31; }
        @Override int place(int v) { return (v & 31) << 20; }
    },
    /** Shift amount of slli/srli/srai: bits 24:20 (bit 25 is fixed 0 on RV32). */
    SHAMT(5, false, 1) {
        @Override public int extract(int w) { return (w >>> 20) & 31; }
        @Override int place(int v) { return (v & 31) << 20; }
    },
    /** 5-bit zero-extended immediate of csrr*i, in the rs1 position. */
    ZIMM(5, false, 1) {
        @Override public int extract(int w) { return (w >>> 15) & 31; }
        @Override int place(int v) { return (v & 31) << 15; }
    },
    CSR(12, false, 1) {
        @Override public int extract(int w) { return w >>> 20; }
        @Override int place(int v) { return (v & 0xFFF) << 20; }
    },
    IMM_I(12, true, 1) {
        @Override public int extract(int w) { return w >> 20; }
        @Override int place(int v) { return (v & 0xFFF) << 20; }
    },
    IMM_S(12, true, 1) {
        @Override public int extract(int w) { return ((w >> 25) << 5) | ((w >>> 7) & 31); }
        @Override int place(int v) { return ((v >> 5) & 0x7F) << 25 | (v & 31) << 7; }
    },
    IMM_B(13, true, 2) {
        @Override public int extract(int w) {
            return ((w >> 31) << 12) | (((w >>> 7) & 1) << 11) | (((w >>> 25) & 0x3F) << 5) | (((w >>> 8) & 0xF) << 1);
        }
        @Override int place(int v) {
            return ((v >> 12) & 1) << 31 | ((v >> 5) & 0x3F) << 25 | ((v >> 1) & 0xF) << 8 | ((v >> 11) & 1) << 7;
        }
    },
    /** The 20-bit field of lui/auipc, as written in assembly (value = imm[31:12]). */
    IMM_U(20, false, 1) {
        @Override public int extract(int w) { return w >>> 12; }
        @Override int place(int v) { return (v & 0xFFFFF) << 12; }
    },
    IMM_J(21, true, 2) {
        @Override public int extract(int w) {
            return ((w >> 31) << 20) | (((w >>> 12) & 0xFF) << 12) | (((w >>> 20) & 1) << 11) | (((w >>> 21) & 0x3FF) << 1);
        }
        @Override int place(int v) {
            return ((v >> 20) & 1) << 31 | ((v >> 1) & 0x3FF) << 21 | ((v >> 11) & 1) << 20 | ((v >> 12) & 0xFF) << 12;
        }
    },
    /** The I-type immediate bits 31:20 as an unsigned number: the imm field fence.i ignores. */
    IMM_I_UNSIGNED(12, false, 1) {
        @Override public int extract(int w) { return w >>> 20; }
        @Override int place(int v) { return (v & 0xFFF) << 20; }
    },
    /** fence mode (bits 31:28): 1000 with pred = succ = rw is fence.tso; every value is a plain fence on the S1. */
    FM(4, false, 1) {
        @Override public int extract(int w) { return w >>> 28; }
        @Override int place(int v) { return (v & 0xF) << 28; }
    },
    /** fence predecessor set (bits 27:24: i o r w). */
    PRED(4, false, 1) {
        @Override public int extract(int w) { return (w >>> 24) & 0xF; }
        @Override int place(int v) { return (v & 0xF) << 24; }
    },
    /** fence successor set (bits 23:20: i o r w). */
    SUCC(4, false, 1) {
        @Override public int extract(int w) { return (w >>> 20) & 0xF; }
        @Override int place(int v) { return (v & 0xF) << 20; }
    };

    private final int width;
    private final boolean signed;
    private final int step;
    private final int bits;

    Field(int width, boolean signed, int step) {
        this.width = width;
        this.signed = signed;
        this.step = step;
        this.bits = computeBits();
    }

    /** The operand value this field holds in {@code word} (sign-extended where signed). */
    public abstract int extract(int word);

    /** Bits of the word that hold {@code value}; the value must already be {@link #accepts accepted}. */
    abstract int place(int value);

    /** The instruction-word bits this field occupies. */
    public int bits() { return bits; }

    public int width() { return width; }

    public boolean signed() { return signed; }

    /** Alignment of the value: 2 for branch and jump offsets, else 1. */
    public int step() { return step; }

    /** The smallest legal value. */
    public int min() { return signed ? -(1 << (width - 1)) : 0; }

    /** The largest legal value: a multiple of {@link #step()} (4094 for branch offsets), so {@code accepts(max())}. */
    public int max() { return signed ? (1 << (width - 1)) - step : (int) ((1L << width) - 1); }

    public boolean accepts(int value) {
        return value >= min() && value <= max() && value % step == 0;
    }

    /** Encodes {@code value} into its bits, or throws naming the field and its range. */
    public int encode(int value) {
        if (!accepts(value)) {
            throw new IllegalArgumentException(String.format("%s value %d out of range [%d, %d]%s",
                    name(), value, min(), max(), step > 1 ? " or not a multiple of " + step : ""));
        }
        return place(value);
    }

    private int computeBits() {
        // Derived from place() so the mask can never disagree with the layout.
        int all = 0;
        for (int b = 0; b < width; b++) all |= place(1 << b);
        return all;
    }
}
