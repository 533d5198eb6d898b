package dev.seedverify.golden.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.numerics.oracle.Binary32Oracle;
import dev.seedverify.golden.numerics.oracle.Pow2;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * tadd.f32 against the BigDecimal {@link Binary32Oracle}, with Java's own float addition (IEEE
 * round-to-nearest-even, subnormals kept) as a second opinion wherever the result is not NaN.
 */
class Binary32OracleTest {

    private static final int RANDOM_CASES = 1_000_000;

    private static void check(int a, int b) {
        Binary32Oracle.Result want = Binary32Oracle.add(a, b);
        long packed = Binary32.add(a, b);
        int got = Binary32.result(packed);
        if (got != want.bits() || Binary32.flags(packed) != want.flags()) {
            throw new AssertionError(String.format("add(0x%08X, 0x%08X) = 0x%08X flags %d, oracle %s",
                    a, b, got, Binary32.flags(packed), want));
        }
        if (!Binary32Oracle.isNaN(got)) {
            int java = Float.floatToRawIntBits(Float.intBitsToFloat(a) + Float.intBitsToFloat(b));
            if (java != got) {
                throw new AssertionError(String.format("add(0x%08X, 0x%08X) = 0x%08X, Java float 0x%08X",
                        a, b, got, java));
            }
        }
    }

    @Test
    void oracleExactValueAgreesWithJavaForEveryExponent() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0301L);
        for (int e = 0; e < 255; e++) {
            for (int i = 0; i < 20; i++) {
                int bits = (rnd.nextInt(2) << 31) | (e << 23) | rnd.nextInt(1 << 23);
                BigDecimal java = new BigDecimal((double) Float.intBitsToFloat(bits));
                assertThat(Binary32Oracle.exactValue(bits)).isEqualByComparingTo(java);
                assertThat(Binary32Oracle.round(java)).isEqualTo(bits == 0x80000000 ? 0 : bits);
            }
        }
    }

    @Test
    void oracleOverflowThresholdIsTheMidpointAboveTheLargestFinite() {
        BigDecimal max = Binary32Oracle.exactValue(0x7F7FFFFF);
        BigDecimal threshold = max.add(Pow2.of(103));
        assertThat(Binary32Oracle.OVERFLOW_THRESHOLD).isEqualByComparingTo(threshold);
        assertThat(Binary32Oracle.round(threshold)).isEqualTo(0x7F800000);
        assertThat(Binary32Oracle.round(threshold.subtract(Pow2.of(-149)))).isEqualTo(0x7F7FFFFF);
    }

    @Test
    void matchesOracleForTiesAtEveryExponent() {
        // a with an even or odd last mantissa bit, plus or minus exactly half its ulp (and a
        // half ulp nudged by one ulp of itself): every binade that has a representable half ulp.
        for (int e = 25; e < 255; e++) {
            for (int mant : new int[] {0, 1, 2, 3, 0x7FFFFE, 0x7FFFFF, 0x400000, 0x400001}) {
                int a = (e << 23) | mant;
                int halfUlpExp = e - 24;
                for (int halfMant : new int[] {0, 1, 0x7FFFFF}) {
                    int h = (halfUlpExp << 23) | halfMant;
                    for (int signs = 0; signs < 4; signs++) {
                        check(a | (signs & 1) << 31, h | (signs >> 1) << 31);
                        check(h | (signs >> 1) << 31, a | (signs & 1) << 31);
                    }
                }
            }
        }
        // binades whose half ulp is subnormal (biased exponents 2..24)
        for (int e = 2; e <= 24; e++) {
            for (int mant : new int[] {0, 1, 0x7FFFFF}) {
                int a = (e << 23) | mant;
                int h = 1 << (e - 2);                       // 2^(e−150−1) as a subnormal
                check(a, h);
                check(a, h | 0x80000000);
                check(a | 0x80000000, h);
                check(a, h + 1);
                check(a, h - 1 == 0 ? 1 : h - 1);
            }
        }
    }

    @Test
    void matchesOracleOnAllSpecialOperandCombinations() {
        int[] specials = {0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF, 0x00800000,
            0x80800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000, 0x7F800001,
            0xFF800001, 0x7FBFFFFF, 0x7FFFFFFF, 0xFFFFFFFF, 0x3F800000, 0xBF800000, 0x4C800000, 0x33800000,
            0x7F000000, 0x73800000, 0xF3800000};
        for (int a : specials) {
            for (int b : specials) {
                check(a, b);
            }
        }
    }

    @Test
    void matchesOracleOnAMillionBiasedRandomPairs() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0302L);
        for (int i = 0; i < RANDOM_CASES; i++) {
            int a = Generators.biasedFloat(rnd);
            int b = rnd.nextInt(3) == 0 ? Generators.biasedFloat(rnd) : Generators.partner(rnd, a);
            if (rnd.nextBoolean()) {
                check(a, b);
            } else {
                check(b, a);
            }
        }
    }

    @Test
    void matchesOracleOnSubnormalPairsAndSubnormalResults() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0303L);
        for (int i = 0; i < 100_000; i++) {
            int a = (rnd.nextInt(2) << 31) | rnd.nextInt(0, 3 << 23);    // subnormal or lowest binades
            int b = (rnd.nextInt(2) << 31) | rnd.nextInt(0, 3 << 23);
            check(a, b);
        }
    }
}
