package dev.seedverify.golden.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Directed requant cases, each value worked out by hand from spec §2.4. */
class RequantTest {

    private static final int HALF = 1 << 30;   // M = 2^30 stands for 0.5

    // ---- SRDHM ----------------------------------------------------------------------------

    @Test
    void srdhmSaturatesWhenBothOperandsAreIntMin() {
        assertThat(Requant.srdhm(Integer.MIN_VALUE, Integer.MIN_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void srdhmDoesNotSaturateWhenOnlyOneOperandIsIntMin() {
        // p = −2^31·(2^31−1) = −2^62 + 2^31; (p + 1 − 2^30)/2^31 = −2^31 + 1 − 0.49999… → −2^31 + 1
        assertThat(Requant.srdhm(Integer.MIN_VALUE, Integer.MAX_VALUE)).isEqualTo(-2147483647);
        // p = −2^31·1; (−2^31 + 1 − 2^30)/2^31 = −1.4999… → −1
        assertThat(Requant.srdhm(Integer.MIN_VALUE, 1)).isEqualTo(-1);
    }

    @Test
    void srdhmIsTheRoundedHighWordOfTheDoubledProduct() {
        // 100·2^30·2/2^32 = 50 exactly
        assertThat(Requant.srdhm(100, HALF)).isEqualTo(50);
        assertThat(Requant.srdhm(-100, HALF)).isEqualTo(-50);
    }

    @Test
    void srdhmRoundsAPositiveTieUp() {
        // 1·2^30 / 2^31 = 0.5 → 1
        assertThat(Requant.srdhm(1, HALF)).isEqualTo(1);
    }

    @Test
    void srdhmRoundsANegativeTieTowardsPlusInfinity() {
        // −1·2^30 / 2^31 = −0.5: (−2^30 + 1 − 2^30)/2^31 truncates to 0 (not −1)
        assertThat(Requant.srdhm(-1, HALF)).isEqualTo(0);
        // just past the tie: −(2^30 + 1)/2^31 → −1
        assertThat(Requant.srdhm(-1, HALF + 1)).isEqualTo(-1);
    }

    // ---- RDBPOT ---------------------------------------------------------------------------

    @Test
    void rdbpotWithExponentZeroIsIdentity() {
        assertThat(Requant.rdbpot(12345, 0)).isEqualTo(12345);
        assertThat(Requant.rdbpot(Integer.MIN_VALUE, 0)).isEqualTo(Integer.MIN_VALUE);
        assertThat(Requant.rdbpot(-7, 0)).isEqualTo(-7);
    }

    @Test
    void rdbpotRoundsPositiveTiesAwayFromZero() {
        assertThat(Requant.rdbpot(5, 1)).isEqualTo(3);   // 2.5 → 3
        assertThat(Requant.rdbpot(6, 2)).isEqualTo(2);   // 1.5 → 2
        assertThat(Requant.rdbpot(2, 2)).isEqualTo(1);   // 0.5 → 1
    }

    @Test
    void rdbpotRoundsNegativeTiesAwayFromZero() {
        assertThat(Requant.rdbpot(-5, 1)).isEqualTo(-3); // −2.5 → −3
        assertThat(Requant.rdbpot(-6, 2)).isEqualTo(-2); // −1.5 → −2
        assertThat(Requant.rdbpot(-2, 2)).isEqualTo(-1); // −0.5 → −1
    }

    @Test
    void rdbpotRoundsNonTiesToNearest() {
        assertThat(Requant.rdbpot(-5, 2)).isEqualTo(-1); // −1.25
        assertThat(Requant.rdbpot(-7, 2)).isEqualTo(-2); // −1.75
        assertThat(Requant.rdbpot(5, 2)).isEqualTo(1);   // 1.25
        assertThat(Requant.rdbpot(7, 2)).isEqualTo(2);   // 1.75
    }

    @Test
    void rdbpotWithExponent31UsesTheFullMask() {
        assertThat(Requant.rdbpot(Integer.MIN_VALUE, 31)).isEqualTo(-1);   // −1 exactly
        assertThat(Requant.rdbpot(1 << 30, 31)).isEqualTo(1);               // 0.5 → 1
        assertThat(Requant.rdbpot(-(1 << 30), 31)).isEqualTo(-1);           // −0.5 → −1
        assertThat(Requant.rdbpot((1 << 30) - 1, 31)).isEqualTo(0);         // just below 0.5
        assertThat(Requant.rdbpot(-(1 << 30) + 1, 31)).isEqualTo(0);
        assertThat(Requant.rdbpot(Integer.MAX_VALUE, 31)).isEqualTo(1);     // 0.99999…
    }

    // ---- requant --------------------------------------------------------------------------

    @Test
    void requantWithHalfMultiplierAndShiftOneIsIdentity() {
        // v = 37·2 = 74; SRDHM(74, 2^30) = 37; RDBPOT(37, 0) = 37
        int packed = Requant.requant(37, HALF, 1, 0);
        assertThat(Requant.value(packed)).isEqualTo(37);
        assertThat(Requant.flags(packed)).isZero();
    }

    @Test
    void requantAddsTheZeroPointAfterRounding() {
        assertThat(Requant.value(Requant.requant(37, HALF, 1, -40))).isEqualTo(-3);
        assertThat(Requant.beforeClamp(37, HALF, 1, 127)).isEqualTo(164L);
    }

    @Test
    void requantRoundsTwiceLikeTflite() {
        // exact x·M·2^(s−31) = 1·2^30·2^−32 = 0.25 would round to 0 once; TFLite rounds twice:
        // SRDHM(1, 2^30) = round(0.5) = 1, then RDBPOT(1, 1) = round(0.5) = 1.
        assertThat(Requant.value(Requant.requant(1, HALF, -1, 0))).isEqualTo(1);
    }

    @Test
    void requantSaturatesHighAndSetsSat() {
        int packed = Requant.requant(1000, HALF, 1, 0);   // 1000 → clamp 127
        assertThat(Requant.value(packed)).isEqualTo(127);
        assertThat(Requant.flags(packed)).isEqualTo(XseedFlags.SAT);
    }

    @Test
    void requantSaturatesLowAndSetsSat() {
        int packed = Requant.requant(-1000, HALF, 1, 0);  // −1000 → clamp −128
        assertThat(Requant.value(packed)).isEqualTo(-128);
        assertThat(Requant.flags(packed)).isEqualTo(XseedFlags.SAT);
    }

    @Test
    void requantReachingTheInt8BoundsExactlyDoesNotSetSat() {
        assertThat(Requant.requant(100, HALF, 1, 27)).isEqualTo(127);          // 100 + 27
        assertThat(Requant.requant(-100, HALF, 1, -28)).isEqualTo(0x80);       // −100 − 28
        assertThat(Requant.requant(101, HALF, 1, 27)).isEqualTo(XseedFlags.SAT << 8 | 0x7F);
        assertThat(Requant.requant(-101, HALF, 1, -28)).isEqualTo(XseedFlags.SAT << 8 | 0x80);
    }

    @Test
    void requantZeroPointIsAddedIn64BitsSoTheSaturatedSrdhmDoesNotWrap() {
        // v = SRDHM(−2^31, −2^31) = 2^31 − 1; r = 2^31 − 1 + 127 must not wrap to negative.
        assertThat(Requant.beforeClamp(Integer.MIN_VALUE, Integer.MIN_VALUE, 0, 127))
                .isEqualTo(2147483647L + 127);
        assertThat(Requant.requant(Integer.MIN_VALUE, Integer.MIN_VALUE, 0, 127))
                .isEqualTo(XseedFlags.SAT << 8 | 0x7F);
    }

    @Test
    void requantLeftShiftWrapsInInt32() {
        // 0x40000001 << 2 = 0x1_0000_0004 → 4 in int32; SRDHM(4, 2^30) = 2
        assertThat(Requant.requant(0x40000001, HALF, 2, 0)).isEqualTo(2);
        // 0x40000000 << 1 = INT_MIN; SRDHM(INT_MIN, INT_MIN) saturates to 2^31−1 → clamp 127
        assertThat(Requant.requant(0x40000000, Integer.MIN_VALUE, 1, 0)).isEqualTo(XseedFlags.SAT << 8 | 0x7F);
    }

    @Test
    void requantWithMaximumRightShiftDividesBy2To31() {
        // SRDHM(INT_MAX, INT_MAX) = 2^31 − 2 (0.99999…·(2^31−1) rounded), RDBPOT(·, 31) = 1
        assertThat(Requant.srdhm(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(2147483646);
        assertThat(Requant.requant(Integer.MAX_VALUE, Integer.MAX_VALUE, -31, 0)).isEqualTo(1);
        // SRDHM(INT_MIN, INT_MAX) = −2^31 + 1, RDBPOT(·, 31) = round(−0.99999…) = −1; −1 − 128 clamps
        assertThat(Requant.requant(Integer.MIN_VALUE, Integer.MAX_VALUE, -31, -128))
                .isEqualTo(XseedFlags.SAT << 8 | 0x80);
        assertThat(Requant.requant(Integer.MIN_VALUE, Integer.MAX_VALUE, -31, -127)).isEqualTo(0x80);
    }

    @Test
    void requantOfZeroIsTheZeroPoint() {
        for (int z = -128; z <= 127; z++) {
            assertThat(Requant.value(Requant.requant(0, 0x7FFFFFFF, -31, z))).isEqualTo(z);
            assertThat(Requant.flags(Requant.requant(0, Integer.MIN_VALUE, 30, z))).isZero();
        }
    }

    @Test
    void requantRejectsAShiftOutsideTheCsrRange() {
        assertThatThrownBy(() -> Requant.requant(1, 1, -32, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Requant.requant(1, 1, 31, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requantRejectsAZeroPointOutsideTheCsrRange() {
        assertThatThrownBy(() -> Requant.requant(1, 1, 0, 128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Requant.requant(1, 1, 0, -129)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packedResultUnpacksToSignExtendedValueAndFlags() {
        int packed = (XseedFlags.SAT << 8) | 0x80;
        assertThat(Requant.value(packed)).isEqualTo(-128);
        assertThat(Requant.flags(packed)).isEqualTo(XseedFlags.SAT);
        assertThat(Requant.value(0x7F)).isEqualTo(127);
        assertThat(Requant.flags(0xFF)).isZero();
    }
}
