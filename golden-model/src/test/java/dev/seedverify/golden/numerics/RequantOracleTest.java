package dev.seedverify.golden.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.numerics.oracle.RequantOracle;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Requant against the exact-arithmetic {@link RequantOracle}. */
class RequantOracleTest {

    private static final int RANDOM_CASES = 1_000_000;

    private static final int[] EDGE_VALUES = {
        0, 1, -1, 2, -2, 127, -128, 255, -256, 1 << 15, -(1 << 15), (1 << 30) - 1, 1 << 30, -(1 << 30),
        (1 << 30) + 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE, Integer.MIN_VALUE + 1,
        0x55555555, 0xAAAAAAAA, 1518500250, -1518500250,
    };
    private static final int[] EDGE_SHIFTS = {-31, -30, -16, -2, -1, 0, 1, 2, 16, 29, 30};
    private static final int[] EDGE_ZERO_POINTS = {-128, -127, -1, 0, 1, 126, 127};

    private static void check(int x, int m, int s, int z) {
        RequantOracle.Result expected = RequantOracle.requant(x, m, s, z);
        int packed = Requant.requant(x, m, s, z);
        if (Requant.value(packed) != expected.value() || Requant.flags(packed) != expected.flags()) {
            throw new AssertionError(String.format(
                    "requant(x=%d, M=%d, s=%d, z=%d) = %d flags %d, oracle %d flags %d (r: model %d, oracle %d)",
                    x, m, s, z, Requant.value(packed), Requant.flags(packed), expected.value(), expected.flags(),
                    Requant.beforeClamp(x, m, s, z), RequantOracle.beforeClamp(x, m, s, z)));
        }
    }

    @Test
    void srdhmEqualsFloorOfHalfUpOnRandomAndExtremeOperands() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0001L);
        for (int a : EDGE_VALUES) {
            for (int b : EDGE_VALUES) {
                assertThat(Requant.srdhm(a, b)).as("SRDHM(%d, %d)", a, b).isEqualTo(RequantOracle.srdhm(a, b));
            }
        }
        for (int i = 0; i < 200_000; i++) {
            int a = Generators.biasedInt(rnd);
            int b = Generators.biasedMultiplier(rnd);
            int got = Requant.srdhm(a, b);
            int want = RequantOracle.srdhm(a, b);
            if (got != want) {
                throw new AssertionError("SRDHM(" + a + ", " + b + ") = " + got + ", oracle " + want);
            }
        }
    }

    @Test
    void srdhmTiesRoundTowardsPlusInfinityOnBothSides() {
        // p = a·b = ±2^30·(2k+1): p/2^31 = ±(k + 1/2), an exact tie; floor(t + 1/2) = t + 1/2.
        for (int k = 0; k < 1000; k++) {
            int odd = 2 * k + 1;
            assertThat(Requant.srdhm(odd, 1 << 30)).isEqualTo(k + 1).isEqualTo(RequantOracle.srdhm(odd, 1 << 30));
            assertThat(Requant.srdhm(-odd, 1 << 30)).isEqualTo(-k).isEqualTo(RequantOracle.srdhm(-odd, 1 << 30));
        }
    }

    @Test
    void rdbpotMatchesHalfAwayFromZeroForEveryExponentIncludingExactTies() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0002L);
        for (int e = 0; e <= 31; e++) {
            for (int x : EDGE_VALUES) {
                assertThat(Requant.rdbpot(x, e)).as("RDBPOT(%d, %d)", x, e).isEqualTo(RequantOracle.rdbpot(x, e));
            }
            for (int i = 0; i < 2000; i++) {
                int x = Generators.biasedInt(rnd);
                assertThat(Requant.rdbpot(x, e)).as("RDBPOT(%d, %d)", x, e).isEqualTo(RequantOracle.rdbpot(x, e));
            }
            if (e == 0) {
                continue;
            }
            // exact ties k·2^e ± 2^(e−1): positive ones round up, negative ones round down
            for (int i = 0; i < 200; i++) {
                long k = rnd.nextLong(-(1L << (31 - e)), 1L << (31 - e));
                long tie = (k << e) + (1L << (e - 1));
                if (tie < Integer.MIN_VALUE || tie > Integer.MAX_VALUE) {
                    continue;
                }
                int x = (int) tie;
                long awayFromZero = x >= 0 ? k + 1 : k;
                assertThat(Requant.rdbpot(x, e)).as("RDBPOT tie %d, %d", x, e)
                        .isEqualTo((int) awayFromZero).isEqualTo(RequantOracle.rdbpot(x, e));
            }
        }
    }

    @Test
    void wrappingShiftMatchesModularReduction() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0003L);
        for (int i = 0; i < 100_000; i++) {
            int x = Generators.biasedInt(rnd);
            int left = rnd.nextInt(31);
            assertThat(x << left).isEqualTo(RequantOracle.wrappingShift(x, left));
        }
    }

    @Test
    void requantMatchesOracleOnEdgeCombinations() {
        for (int x : EDGE_VALUES) {
            for (int m : EDGE_VALUES) {
                for (int s : EDGE_SHIFTS) {
                    for (int z : EDGE_ZERO_POINTS) {
                        check(x, m, s, z);
                    }
                }
            }
        }
    }

    @Test
    void requantMatchesOracleOnAMillionBiasedRandomOperands() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0004L);
        int saturated = 0;
        for (int i = 0; i < RANDOM_CASES; i++) {
            int x = Generators.biasedInt(rnd);
            int m = Generators.biasedMultiplier(rnd);
            int s = rnd.nextInt(-31, 31);          // uniform in [−31, 30]
            int z = rnd.nextInt(-128, 128);        // uniform in [−128, 127]
            check(x, m, s, z);
            saturated += Requant.flags(Requant.requant(x, m, s, z));
        }
        // sanity: the distribution exercises both the clamped and the in-range paths
        assertThat(saturated).isBetween(RANDOM_CASES / 20, RANDOM_CASES - RANDOM_CASES / 20);
    }
}
