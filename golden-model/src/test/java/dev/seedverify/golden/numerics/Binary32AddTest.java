package dev.seedverify.golden.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Directed tadd.f32 cases (spec §2.4), values worked out by hand. */
class Binary32AddTest {

    private static final int NV = XseedFlags.NV;

    private static long ok(int bits) {
        return bits & 0xFFFFFFFFL;
    }

    private static long nv(int bits) {
        return ((long) NV << 32) | (bits & 0xFFFFFFFFL);
    }

    private static int f(float v) {
        return Float.floatToRawIntBits(v);
    }

    @Test
    void addsExactSums() {
        assertThat(Binary32.add(f(1f), f(1f))).isEqualTo(ok(f(2f)));
        assertThat(Binary32.add(f(1.5f), f(-0.25f))).isEqualTo(ok(f(1.25f)));
        assertThat(Binary32.add(f(-3f), f(-5f))).isEqualTo(ok(f(-8f)));
    }

    @Test
    void roundsTiesToEvenDownward() {
        // 1 + 2^−24: halfway between 1 (even) and 1 + 2^−23 (odd) → 1
        assertThat(Binary32.add(0x3F800000, f(0x1p-24f))).isEqualTo(ok(0x3F800000));
    }

    @Test
    void roundsTiesToEvenUpward() {
        // (1 + 2^−23) + 2^−24: halfway between 1 + 2^−23 (odd) and 1 + 2^−22 (even) → up
        assertThat(Binary32.add(0x3F800001, f(0x1p-24f))).isEqualTo(ok(0x3F800002));
        // negative operands round symmetrically
        assertThat(Binary32.add(0xBF800001, f(-0x1p-24f))).isEqualTo(ok(0xBF800002));
    }

    @Test
    void roundsJustAboveATieUp() {
        // 1 + 2^−24 + 2^−47 is above the midpoint → 1 + 2^−23
        assertThat(Binary32.add(0x3F800000, f(0x1.000002p-24f))).isEqualTo(ok(0x3F800001));
    }

    @Test
    void roundsAFarSmallerAddendAwayWithoutChangingTheLargerOne() {
        assertThat(Binary32.add(f(1f), Float.floatToRawIntBits(Float.MIN_VALUE))).isEqualTo(ok(f(1f)));
        // subtracting a tiny value from a power of two rounds back up to it
        assertThat(Binary32.add(f(1f), 0x80000001)).isEqualTo(ok(f(1f)));
        // … but 2^−25 + a little below 1 lands on the value just below 1
        assertThat(Binary32.add(f(1f), f(-0x1.000002p-25f))).isEqualTo(ok(0x3F7FFFFF));
    }

    @Test
    void cancellationIsExact() {
        // (1 + 2^−23) − 1 = 2^−23
        assertThat(Binary32.add(0x3F800001, 0xBF800000)).isEqualTo(ok(f(0x1p-23f)));
    }

    @Test
    void exactCancellationGivesPositiveZero() {
        assertThat(Binary32.add(f(1.5f), f(-1.5f))).isEqualTo(ok(0x00000000));
        assertThat(Binary32.add(f(-1.5f), f(1.5f))).isEqualTo(ok(0x00000000));
        assertThat(Binary32.add(0x80000001, 0x00000001)).isEqualTo(ok(0x00000000));
    }

    @Test
    void zeroPlusZeroIsNegativeOnlyWhenBothAreNegative() {
        assertThat(Binary32.add(0x80000000, 0x80000000)).isEqualTo(ok(0x80000000));
        assertThat(Binary32.add(0x80000000, 0x00000000)).isEqualTo(ok(0x00000000));
        assertThat(Binary32.add(0x00000000, 0x80000000)).isEqualTo(ok(0x00000000));
        assertThat(Binary32.add(0x00000000, 0x00000000)).isEqualTo(ok(0x00000000));
    }

    @Test
    void addingAZeroReturnsTheOtherOperandUnchanged() {
        assertThat(Binary32.add(0x80000001, 0x00000000)).isEqualTo(ok(0x80000001));
        assertThat(Binary32.add(0x00000000, 0x80000001)).isEqualTo(ok(0x80000001));
        assertThat(Binary32.add(0xC0490FDB, 0x80000000)).isEqualTo(ok(0xC0490FDB));
    }

    @Test
    void keepsSubnormalInputsAndOutputs() {
        // smallest + smallest subnormal = 2·2^−149
        assertThat(Binary32.add(0x00000001, 0x00000001)).isEqualTo(ok(0x00000002));
        // largest subnormal + smallest subnormal = smallest normal
        assertThat(Binary32.add(0x007FFFFF, 0x00000001)).isEqualTo(ok(0x00800000));
        // smallest normal − smallest subnormal = largest subnormal (no flush)
        assertThat(Binary32.add(0x00800000, 0x80000001)).isEqualTo(ok(0x007FFFFF));
    }

    @Test
    void overflowsToInfinity() {
        int max = Float.floatToRawIntBits(Float.MAX_VALUE);
        assertThat(Binary32.add(max, max)).isEqualTo(ok(0x7F800000));
        assertThat(Binary32.add(max | 0x80000000, max | 0x80000000)).isEqualTo(ok(0xFF800000));
    }

    @Test
    void theOverflowThresholdIsATieThatRoundsToInfinity() {
        int max = Float.floatToRawIntBits(Float.MAX_VALUE);    // (2 − 2^−23)·2^127, odd mantissa
        // + 2^103 (half an ulp) is exactly (2 − 2^−24)·2^127 → ∞
        assertThat(Binary32.add(max, f(0x1p103f))).isEqualTo(ok(0x7F800000));
        // + 2^102 stays below the threshold → max
        assertThat(Binary32.add(max, f(0x1p102f))).isEqualTo(ok(max));
        assertThat(Binary32.add(max, f(0x1.fffffep102f))).isEqualTo(ok(max));
    }

    @Test
    void infinityPlusFiniteIsInfinityWithoutFlags() {
        assertThat(Binary32.add(0x7F800000, f(-1e30f))).isEqualTo(ok(0x7F800000));
        assertThat(Binary32.add(f(5f), 0xFF800000)).isEqualTo(ok(0xFF800000));
        assertThat(Binary32.add(0x7F800000, 0x7F800000)).isEqualTo(ok(0x7F800000));
        assertThat(Binary32.add(0xFF800000, 0xFF800000)).isEqualTo(ok(0xFF800000));
    }

    @Test
    void infinityMinusInfinityIsCanonicalNaNWithNv() {
        assertThat(Binary32.add(0x7F800000, 0xFF800000)).isEqualTo(nv(Binary32.CANONICAL_NAN));
        assertThat(Binary32.add(0xFF800000, 0x7F800000)).isEqualTo(nv(Binary32.CANONICAL_NAN));
    }

    @Test
    void aQuietNaNOperandGivesCanonicalNaNWithNv() {
        assertThat(Binary32.add(0x7FC00000, f(1f))).isEqualTo(nv(Binary32.CANONICAL_NAN));
        assertThat(Binary32.add(f(1f), 0xFFC12345)).isEqualTo(nv(Binary32.CANONICAL_NAN));
    }

    @Test
    void aSignalingNaNOperandGivesCanonicalNaNWithNv() {
        assertThat(Binary32.add(0x7F800001, f(1f))).isEqualTo(nv(Binary32.CANONICAL_NAN));
        assertThat(Binary32.add(0x00000000, 0xFFBFFFFF)).isEqualTo(nv(Binary32.CANONICAL_NAN));
    }

    @Test
    void aNaNWinsOverInfinity() {
        assertThat(Binary32.add(0x7F800000, 0x7FC00001)).isEqualTo(nv(Binary32.CANONICAL_NAN));
        assertThat(Binary32.add(0xFFFFFFFF, 0xFF800000)).isEqualTo(nv(Binary32.CANONICAL_NAN));
    }

    @Test
    void packedValueUnpacksToResultAndFlags() {
        long packed = Binary32.add(0x7F800000, 0xFF800000);
        assertThat(Binary32.result(packed)).isEqualTo(Binary32.CANONICAL_NAN);
        assertThat(Binary32.flags(packed)).isEqualTo(NV);
        assertThat(Binary32.flags(Binary32.add(0xBF800000, 0x00000000))).isZero();
        assertThat(Binary32.result(Binary32.add(0xBF800000, 0x00000000))).isEqualTo(0xBF800000);
    }
}
