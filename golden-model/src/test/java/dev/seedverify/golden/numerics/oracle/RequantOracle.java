package dev.seedverify.golden.numerics.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Reference requant (spec §2.4) in exact arithmetic, written as the mathematics rather than as
 * the spec's C-style formulas:
 * <ul>
 * <li>the wrapping left shift is x·2^left reduced mod 2^32 into [−2^31, 2^31);</li>
 * <li>SRDHM(a, b) = floor(a·b / 2^31 + 1/2), saturated to int32. Claim: this equals the spec's
 *     {@code (p + n) / 2^31} with n = p ≥ 0 ? 2^30 : 1 − 2^30 and truncating division.
 *     For p ≥ 0, truncation is floor, so (p + 2^30)/2^31 → floor(p/2^31 + 1/2). For p &lt; 0 the
 *     dividend p + 1 − 2^30 is negative, truncation is ceil, and for integers
 *     ceil(N / D) = floor((N + D − 1) / D), so ceil((p + 1 − 2^30)/2^31)
 *     = floor((p + 2^30)/2^31) = floor(p/2^31 + 1/2) again. The only result outside int32 is
 *     a = b = −2^31 (p = 2^62 gives 2^31), which the spec saturates to 2^31 − 1. The random
 *     tests check the claim against the production code;</li>
 * <li>RDBPOT(x, e) = x / 2^e rounded to nearest, ties away from zero (BigDecimal HALF_UP);</li>
 * <li>r = v + z, clamp to [−128, 127], SAT iff clamped.</li>
 * </ul>
 */
public final class RequantOracle {

    public static final int SAT = 1;

    private static final BigInteger TWO_32 = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger TWO_31 = BigInteger.ONE.shiftLeft(31);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    /** The clamped int8 result and the flags. */
    public record Result(int value, int flags) {
    }

    private RequantOracle() {
    }

    /** x · 2^left as a two's-complement int32 (the bits a 32-bit shifter keeps). */
    public static int wrappingShift(int x, int left) {
        BigInteger r = BigInteger.valueOf(x).shiftLeft(left).mod(TWO_32);   // [0, 2^32)
        if (r.compareTo(TWO_31) >= 0) {
            r = r.subtract(TWO_32);
        }
        return r.intValueExact();
    }

    /** floor(a·b/2^31 + 1/2), saturated at 2^31 − 1. */
    public static int srdhm(int a, int b) {
        BigDecimal scaled = BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(b)).multiply(Pow2.of(-31));
        BigInteger r = scaled.add(HALF).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        return r.min(INT_MAX).intValueExact();
    }

    /** x / 2^e, nearest, ties away from zero. */
    public static int rdbpot(int x, int e) {
        return BigDecimal.valueOf(x).multiply(Pow2.of(-e)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /** The unclamped r = v + z. */
    public static long beforeClamp(int x, int multiplier, int shift, int zeroPoint) {
        int left = Math.max(shift, 0);
        int right = Math.max(-shift, 0);
        int v = wrappingShift(x, left);
        v = srdhm(v, multiplier);
        v = rdbpot(v, right);
        return (long) v + zeroPoint;
    }

    public static Result requant(int x, int multiplier, int shift, int zeroPoint) {
        long r = beforeClamp(x, multiplier, shift, zeroPoint);
        long clamped = Math.max(-128, Math.min(127, r));
        return new Result((int) clamped, clamped != r ? SAT : 0);
    }
}
