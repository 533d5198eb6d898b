package dev.seedverify.golden.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.numerics.oracle.Binary32Oracle;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Binary32.roundScaled (step 3 of tmma.e4m3): directed cases and the BigDecimal oracle. */
class RoundScaledTest {

    private static void check(long p, int exp2) {
        int want = Binary32Oracle.roundScaled(p, exp2);
        int got = Binary32.roundScaled(p, exp2);
        if (got != want) {
            throw new AssertionError(String.format("roundScaled(%d, %d) = 0x%08X, oracle 0x%08X", p, exp2, got, want));
        }
    }

    @Test
    void zeroIsPositiveZero() {
        assertThat(Binary32.roundScaled(0, -300)).isZero();
        assertThat(Binary32.roundScaled(0, 300)).isZero();
    }

    @Test
    void exactValuesAreEncodedExactly() {
        assertThat(Binary32.roundScaled(1, 0)).isEqualTo(0x3F800000);
        assertThat(Binary32.roundScaled(-3, -1)).isEqualTo(Float.floatToRawIntBits(-1.5f));
        assertThat(Binary32.roundScaled(1L << 40, -40)).isEqualTo(0x3F800000);
        assertThat(Binary32.roundScaled(0xFFFFFF, 104)).isEqualTo(0x7F7FFFFF);   // largest finite
    }

    @Test
    void keepsTheSmallestSubnormal() {
        assertThat(Binary32.roundScaled(1, -149)).isEqualTo(0x00000001);
        assertThat(Binary32.roundScaled(-1, -149)).isEqualTo(0x80000001);
        assertThat(Binary32.roundScaled(1L << 20, -169)).isEqualTo(0x00000001);
    }

    @Test
    void halfTheSmallestSubnormalIsATieThatRoundsToZeroWithTheSignKept() {
        assertThat(Binary32.roundScaled(1, -150)).isEqualTo(0x00000000);
        assertThat(Binary32.roundScaled(-1, -150)).isEqualTo(0x80000000);
        assertThat(Binary32.roundScaled(3, -151)).isEqualTo(0x00000001);   // 0.75 ulp → 1
        assertThat(Binary32.roundScaled(3, -150)).isEqualTo(0x00000002);   // 1.5 ulp → 2 (even)
        assertThat(Binary32.roundScaled(5, -150)).isEqualTo(0x00000002);   // 2.5 ulp → 2 (even)
    }

    @Test
    void tinyValuesUnderflowToSignedZero() {
        assertThat(Binary32.roundScaled(1L << 41, -300)).isEqualTo(0x00000000);
        assertThat(Binary32.roundScaled(-(1L << 41), -300)).isEqualTo(0x80000000);
    }

    @Test
    void roundingUpFromTheLargestSubnormalGivesTheSmallestNormal() {
        // (2^24 − 1)·2^−150 = largest subnormal + half an ulp: tie, odd → up
        assertThat(Binary32.roundScaled((1L << 24) - 1, -150)).isEqualTo(0x00800000);
    }

    @Test
    void rounds42BitProductsToNearestEven() {
        // 2^41 + 2^17 is halfway between 2^41 and 2^41 + 2^18 → 2^41 (even)
        assertThat(Binary32.roundScaled((1L << 41) + (1L << 17), 0)).isEqualTo(Float.floatToRawIntBits(0x1p41f));
        assertThat(Binary32.roundScaled((1L << 41) + (3L << 17), 0)).isEqualTo(Float.floatToRawIntBits(0x1.000004p41f));
        assertThat(Binary32.roundScaled((1L << 41) + (1L << 17) + 1, 0)).isEqualTo(Float.floatToRawIntBits(0x1.000002p41f));
    }

    @Test
    void overflowsToInfinityAtTheThreshold() {
        // (2^25 − 1)·2^103 = (2 − 2^−24)·2^127: the threshold → ∞; one less → largest finite
        assertThat(Binary32.roundScaled((1L << 25) - 1, 103)).isEqualTo(0x7F800000);
        assertThat(Binary32.roundScaled(-((1L << 25) - 1), 103)).isEqualTo(0xFF800000);
        assertThat(Binary32.roundScaled((1L << 26) - 3, 102)).isEqualTo(0x7F7FFFFF);
        assertThat(Binary32.roundScaled(1, 128)).isEqualTo(0x7F800000);
        assertThat(Binary32.roundScaled(1L << 41, 236)).isEqualTo(0x7F800000);
    }

    @Test
    void matchesOracleOnBoundaries() {
        long[] ps = {1, -1, 2, 3, 5, 7, (1L << 23) - 1, 1L << 23, (1L << 24) - 1, 1L << 24, (1L << 24) + 1,
            (1L << 25) - 1, (1L << 25) + 1, (1L << 25) + 3, (1L << 41) - 1, 1L << 41, -(1L << 41) + 1, (1L << 42) - 1};
        for (long p : ps) {
            for (int e = -320; e <= 300; e++) {
                check(p, e);
                check(-p, e);
            }
        }
    }

    @Test
    void matchesOracleOnRandom42BitProductsOverTheWholeExponentRange() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0201L);
        for (int i = 0; i < 300_000; i++) {
            int bits = rnd.nextInt(1, 43);
            long p = rnd.nextLong(1L << (bits - 1), 1L << bits);
            if (rnd.nextInt(4) == 0) {
                p &= -1L << rnd.nextInt(bits);          // trailing zeros: ties and exact cases
                p |= 1L << (bits - 1);
            }
            if (rnd.nextBoolean()) {
                p = -p;
            }
            int e = rnd.nextInt(4) == 0 ? rnd.nextInt(-300, 301) : rnd.nextInt(-200, 100) - bits;
            check(p, e);
        }
    }
}
