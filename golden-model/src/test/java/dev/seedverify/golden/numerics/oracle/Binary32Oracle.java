package dev.seedverify.golden.numerics.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Reference binary32 arithmetic built on exact BigDecimal values, written from the IEEE-754
 * definitions rather than from bit manipulation:
 * <ul>
 * <li>a finite encoding is the number (−1)^s · 2^(e−127) · (1 + f/2^23), or
 *     (−1)^s · 2^−126 · f/2^23 when e = 0;</li>
 * <li>rounding finds the binade of the exact value by comparison with powers of two, expresses
 *     the value as a multiple of the binade's ulp and lets BigDecimal round it HALF_EVEN;</li>
 * <li>addition is the exact BigDecimal sum rounded once, with the IEEE special cases written
 *     out as a table of rules.</li>
 * </ul>
 */
public final class Binary32Oracle {

    public static final int CANONICAL_NAN = 0x7FC00000;
    public static final int NV = 2;

    /** IEEE: |v| ≥ (2 − 2^−24)·2^127 rounds to ∞ under round-to-nearest-even. */
    public static final BigDecimal OVERFLOW_THRESHOLD =
            BigDecimal.valueOf(2).subtract(Pow2.of(-24)).multiply(Pow2.of(127));

    private static final double LOG2_10 = Math.log(10) / Math.log(2);
    private static final BigInteger TWO_23 = BigInteger.ONE.shiftLeft(23);
    private static final BigInteger TWO_24 = BigInteger.ONE.shiftLeft(24);

    /** A binary32 result with its xsstat flags. */
    public record Result(int bits, int flags) {
        @Override
        public String toString() {
            return String.format("0x%08X flags=%d", bits, flags);
        }
    }

    private Binary32Oracle() {
    }

    public static boolean isNaN(int bits) {
        return ((bits >>> 23) & 0xFF) == 0xFF && (bits & 0x7FFFFF) != 0;
    }

    public static boolean isInfinite(int bits) {
        return ((bits >>> 23) & 0xFF) == 0xFF && (bits & 0x7FFFFF) == 0;
    }

    public static boolean isNegative(int bits) {
        return bits < 0;
    }

    /** The exact value of a finite encoding (both zeros give BigDecimal zero). */
    public static BigDecimal exactValue(int bits) {
        int e = (bits >>> 23) & 0xFF;
        int f = bits & 0x7FFFFF;
        if (e == 0xFF) {
            throw new IllegalArgumentException("not finite: " + Integer.toHexString(bits));
        }
        BigDecimal fraction = BigDecimal.valueOf(f).multiply(Pow2.of(-23));
        BigDecimal magnitude = e == 0
                ? fraction.multiply(Pow2.of(-126))
                : BigDecimal.ONE.add(fraction).multiply(Pow2.of(e - 127));
        return isNegative(bits) ? magnitude.negate() : magnitude;
    }

    /**
     * Rounds an exact value to binary32, round to nearest, ties to even. A zero value gives +0;
     * a non-zero value that rounds to zero gives a zero of its own sign.
     */
    public static int round(BigDecimal value) {
        int signum = value.signum();
        if (signum == 0) {
            return 0;
        }
        int signBit = signum < 0 ? 0x80000000 : 0;
        BigDecimal a = value.abs();
        if (a.compareTo(OVERFLOW_THRESHOLD) >= 0) {
            return signBit | 0x7F800000;
        }
        int binade = binade(a);                         // 2^binade ≤ a < 2^(binade+1)
        int ulpExponent = Math.max(binade, -126) - 23;  // spacing of binary32 values there
        BigInteger units = a.multiply(Pow2.of(-ulpExponent))
                .setScale(0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
        if (units.signum() == 0) {
            return signBit;                              // underflow to a signed zero
        }
        if (units.compareTo(TWO_23) < 0) {
            return signBit | units.intValueExact();      // subnormal: exponent field 0
        }
        if (units.equals(TWO_24)) {                      // rounded up into the next binade
            units = TWO_23;
            ulpExponent++;
        }
        int biased = ulpExponent + 23 + 127;
        if (biased >= 0xFF) {
            throw new AssertionError("overflow threshold missed for " + value);
        }
        return signBit | (biased << 23) | units.subtract(TWO_23).intValueExact();
    }

    /** floor(log2 a) for a &gt; 0, by exact comparison with powers of two. */
    static int binade(BigDecimal a) {
        double estimate = a.unscaledValue().bitLength() - 1 - a.scale() * LOG2_10;
        int k = (int) Math.floor(estimate);
        while (a.compareTo(Pow2.of(k)) < 0) {
            k--;
        }
        while (a.compareTo(Pow2.of(k + 1)) >= 0) {
            k++;
        }
        return k;
    }

    /** tadd.f32 / IEEE-754 addition with the chip's NaN rules. */
    public static Result add(int a, int b) {
        if (isNaN(a) || isNaN(b)) {
            return new Result(CANONICAL_NAN, NV);
        }
        if (isInfinite(a) && isInfinite(b)) {
            return isNegative(a) == isNegative(b) ? new Result(a, 0) : new Result(CANONICAL_NAN, NV);
        }
        if (isInfinite(a)) {
            return new Result(a, 0);
        }
        if (isInfinite(b)) {
            return new Result(b, 0);
        }
        BigDecimal sum = exactValue(a).add(exactValue(b));
        if (sum.signum() == 0) {
            // IEEE 754 §6.3: an exact zero sum is +0 in round-to-nearest, unless both addends
            // are −0.
            boolean bothNegativeZero = a == 0x80000000 && b == 0x80000000;
            return new Result(bothNegativeZero ? 0x80000000 : 0, 0);
        }
        return new Result(round(sum), 0);
    }

    /** p · 2^exp2 rounded once; p = 0 gives +0. */
    public static int roundScaled(long p, int exp2) {
        return round(BigDecimal.valueOf(p).multiply(Pow2.of(exp2)));
    }
}
