package dev.seedverify.golden.numerics;

/**
 * OCP MX UE8M0 scale byte (spec §2.4): value 2^(x−127); x = 0xFF is NaN. There is no zero
 * and no sign. Only the low 8 bits of the argument are used.
 */
public final class UE8M0 {

    /** The NaN scale encoding. */
    public static final int NAN_SCALE = 0xFF;

    /** The bias: a scale byte x stands for 2^(x − BIAS). */
    public static final int BIAS = 127;

    private UE8M0() {
    }

    /** True iff the scale byte is the NaN encoding 0xFF. */
    public static boolean isNaN(int scale) {
        return (scale & 0xFF) == NAN_SCALE;
    }

    /**
     * The power of two the scale stands for: {@code (scale & 0xFF) − 127}, in [−127, 127] for
     * non-NaN scales (128 for the NaN encoding, which callers must test first).
     */
    public static int exponent(int scale) {
        return (scale & 0xFF) - BIAS;
    }
}
