package dev.seedverify.golden.numerics;

/**
 * {@code requant(x)} of {@code tquant.i8} (spec §2.4): TFLite's default "double rounding"
 * fixed-point requantization, bit-exact, in plain int/long arithmetic.
 *
 * <pre>
 * left = max(s,0); right = max(−s,0)
 * v = x · 2^left            (wrapping int32)
 * v = SRDHM(v, M)
 * v = RDBPOT(v, right)
 * r = v + z                 (64 bits)
 * result = clamp(r, −128, 127); SAT ← 1 if clamped
 * </pre>
 *
 * <p>{@link #requant} returns a packed int {@code (flags << 8) | (result & 0xFF)} so that the
 * hot path allocates nothing; unpack it with {@link #value} and {@link #flags}.
 */
public final class Requant {

    /** Smallest shift the xsqshift CSR can hold (WARL clamp, spec §2.3). */
    public static final int MIN_SHIFT = -31;
    /** Largest shift the xsqshift CSR can hold. */
    public static final int MAX_SHIFT = 30;
    /** Smallest zero point the xsqzp CSR can hold. */
    public static final int MIN_ZERO_POINT = -128;
    /** Largest zero point the xsqzp CSR can hold. */
    public static final int MAX_ZERO_POINT = 127;

    private Requant() {
    }

    /**
     * SaturatingRoundingDoublingHighMul exactly as the spec (and gemmlowp) write it:
     * a = b = −2^31 gives 2^31−1; otherwise {@code p = (int64)a·b},
     * {@code n = p ≥ 0 ? 2^30 : 1−2^30}, result {@code (p + n) / 2^31} with truncating division.
     * Mathematically this is {@code floor(p / 2^31 + 1/2)} (round half towards +∞ of 2ab/2^32).
     */
    public static int srdhm(int a, int b) {
        if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long p = (long) a * (long) b;
        long nudge = p >= 0 ? (1L << 30) : (1L - (1L << 30));
        // Java long division truncates towards zero, like C.
        return (int) ((p + nudge) / (1L << 31));
    }

    /**
     * RoundingDivideByPOT as the spec writes it, for {@code exponent} in [0, 31]:
     * {@code mask = 2^e − 1; rem = x & mask; thr = (mask >> 1) + (x < 0 ? 1 : 0);}
     * {@code result = (x >> e) + (rem > thr ? 1 : 0)} (arithmetic shift). This is x / 2^e
     * rounded to nearest, ties away from zero. The mask is formed in 64 bits so that
     * e = 31 gives 0x7FFFFFFF (no int overflow of 2^31).
     */
    public static int rdbpot(int x, int exponent) {
        int mask = (int) ((1L << exponent) - 1L);
        int rem = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (rem > threshold ? 1 : 0);
    }

    /**
     * The requant pipeline up to (not including) the clamp: returns {@code r = v + z} as a
     * 64-bit value. {@code shift} must be in [−31, 30] and {@code zeroPoint} in [−128, 127]
     * (the WARL CSRs guarantee both); anything else is rejected with
     * {@link IllegalArgumentException} (two compares; never taken on the executor's path).
     */
    public static long beforeClamp(int x, int multiplier, int shift, int zeroPoint) {
        if (shift < MIN_SHIFT || shift > MAX_SHIFT) {
            throw new IllegalArgumentException("requant shift out of [-31, 30]: " + shift);
        }
        if (zeroPoint < MIN_ZERO_POINT || zeroPoint > MAX_ZERO_POINT) {
            throw new IllegalArgumentException("requant zero point out of [-128, 127]: " + zeroPoint);
        }
        int left = shift > 0 ? shift : 0;
        int right = shift < 0 ? -shift : 0;
        int v = x << left; // wrapping int32, as the hardware shifter
        v = srdhm(v, multiplier);
        v = rdbpot(v, right);
        return (long) v + zeroPoint;
    }

    /**
     * Full {@code requant(x)}: returns {@code (flags << 8) | (result & 0xFF)}, where result is
     * {@code clamp(r, −128, 127)} and flags is {@link XseedFlags#SAT} iff the clamp changed r.
     */
    public static int requant(int x, int multiplier, int shift, int zeroPoint) {
        long r = beforeClamp(x, multiplier, shift, zeroPoint);
        if (r > 127) {
            return (XseedFlags.SAT << 8) | 0x7F;
        }
        if (r < -128) {
            return (XseedFlags.SAT << 8) | 0x80;
        }
        return (int) r & 0xFF;
    }

    /** The int8 result of a packed {@link #requant} value, sign-extended. */
    public static int value(int packed) {
        return (byte) packed;
    }

    /** The xsstat flags of a packed {@link #requant} value. */
    public static int flags(int packed) {
        return packed >>> 8;
    }
}
