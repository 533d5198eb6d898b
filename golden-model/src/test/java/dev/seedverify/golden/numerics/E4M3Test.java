package dev.seedverify.golden.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Directed E4M3 and UE8M0 cases from spec §2.4. */
class E4M3Test {

    private static int f(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static int code(float v) {
        return E4M3.code(E4M3.fromBinary32(f(v)));
    }

    private static int flags(float v) {
        return E4M3.flags(E4M3.fromBinary32(f(v)));
    }

    // ---- decoding -------------------------------------------------------------------------

    @Test
    void subnormalCodesAreThoseWithAZeroExponentAndANonZeroMantissa() {
        for (int code = 0; code < 256; code++) {
            boolean expected = (code & 0x7F) >= 1 && (code & 0x7F) <= 7;
            assertThat(E4M3.isSubnormal(code)).as("code 0x%02x", code).isEqualTo(expected);
        }
    }

    @Test
    void toQOfOneIs512() {
        assertThat(E4M3.toQ(0x38)).isEqualTo(512);      // 0.0111.000 = 2^0
        assertThat(E4M3.toQ(0xB8)).isEqualTo(-512);
    }

    @Test
    void toQOfSubnormalsIsTheMantissa() {
        for (int m = 0; m < 8; m++) {
            assertThat(E4M3.toQ(m)).isEqualTo(m);
            assertThat(E4M3.toQ(0x80 | m)).isEqualTo(-m);
        }
    }

    @Test
    void toQOfSmallestNormalContinuesTheSubnormalSteps() {
        assertThat(E4M3.toQ(0x08)).isEqualTo(8);        // 2^−6
        assertThat(E4M3.toQ(0x09)).isEqualTo(9);
        assertThat(E4M3.toQ(0x10)).isEqualTo(16);
    }

    @Test
    void toQOfMaxNormalIs448In2ToMinus9Units() {
        assertThat(E4M3.toQ(E4M3.MAX_CODE)).isEqualTo(448 * 512);
        assertThat(E4M3.toQ(0xFE)).isEqualTo(-448 * 512);
    }

    @Test
    void toQOfNegativeZeroIsZero() {
        assertThat(E4M3.toQ(0x80)).isZero();
    }

    @Test
    void onlyAllOnesExponentAndMantissaIsNaN() {
        for (int c = 0; c < 256; c++) {
            assertThat(E4M3.isNaN(c)).as("code %02X", c).isEqualTo(c == 0x7F || c == 0xFF);
        }
        assertThat(E4M3.isNaN(0x17F)).isTrue();           // only the low 8 bits count
    }

    // ---- to_e4m3 --------------------------------------------------------------------------

    @Test
    void toE4m3EncodesExactValues() {
        assertThat(code(1.0f)).isEqualTo(0x38);
        assertThat(code(-1.5f)).isEqualTo(0xBC);
        assertThat(code(448f)).isEqualTo(0x7E);
        assertThat(code(0x1p-9f)).isEqualTo(0x01);
        assertThat(code(0x1p-6f)).isEqualTo(0x08);
        assertThat(flags(448f)).isZero();
    }

    @Test
    void toE4m3MapsNaNToPositiveNaNAndSetsNv() {
        assertThat(E4M3.fromBinary32(0x7FC00000)).isEqualTo(XseedFlags.NV << 8 | 0x7F);
        assertThat(E4M3.fromBinary32(0xFF800001)).isEqualTo(XseedFlags.NV << 8 | 0x7F);   // −sNaN
        assertThat(E4M3.fromBinary32(0x7FBFFFFF)).isEqualTo(XseedFlags.NV << 8 | 0x7F);
    }

    @Test
    void toE4m3SaturatesInfinitiesTo448AndSetsSat() {
        assertThat(E4M3.fromBinary32(0x7F800000)).isEqualTo(XseedFlags.SAT << 8 | 0x7E);
        assertThat(E4M3.fromBinary32(0xFF800000)).isEqualTo(XseedFlags.SAT << 8 | 0xFE);
    }

    @Test
    void toE4m3RoundsTiesToEvenAt464() {
        // 464 is halfway between 448 (mantissa 110, even) and 480 (111): even wins, no SAT.
        assertThat(E4M3.fromBinary32(f(464f))).isEqualTo(0x7E);
        assertThat(E4M3.fromBinary32(f(-464f))).isEqualTo(0xFE);
    }

    @Test
    void toE4m3BetweenMaxAndTheTieRoundsTo448WithoutSat() {
        assertThat(E4M3.fromBinary32(f(449f))).isEqualTo(0x7E);
        assertThat(E4M3.fromBinary32(f(Math.nextDown(464f)))).isEqualTo(0x7E);
    }

    @Test
    void toE4m3SaturatesWhenRoundingReaches480() {
        assertThat(E4M3.fromBinary32(f(Math.nextUp(464f)))).isEqualTo(XseedFlags.SAT << 8 | 0x7E);
        assertThat(E4M3.fromBinary32(f(480f))).isEqualTo(XseedFlags.SAT << 8 | 0x7E);
        assertThat(E4M3.fromBinary32(f(-500f))).isEqualTo(XseedFlags.SAT << 8 | 0xFE);
        assertThat(E4M3.fromBinary32(f(Float.MAX_VALUE))).isEqualTo(XseedFlags.SAT << 8 | 0x7E);
    }

    @Test
    void toE4m3RoundsHalfTheSmallestSubnormalToZeroKeepingTheSign() {
        // 2^−10 is halfway between 0 (even) and 2^−9 (code 1, odd)
        assertThat(E4M3.fromBinary32(f(0x1p-10f))).isEqualTo(0x00);
        assertThat(E4M3.fromBinary32(f(-0x1p-10f))).isEqualTo(0x80);
        assertThat(E4M3.fromBinary32(f(Math.nextUp(0x1p-10f)))).isEqualTo(0x01);
        assertThat(E4M3.fromBinary32(f(-Math.nextUp(0x1p-10f)))).isEqualTo(0x81);
    }

    @Test
    void toE4m3FlushesBinary32SubnormalsAndZerosToSignedZero() {
        assertThat(E4M3.fromBinary32(0x00000001)).isEqualTo(0x00);
        assertThat(E4M3.fromBinary32(0x807FFFFF)).isEqualTo(0x80);
        assertThat(E4M3.fromBinary32(0x00000000)).isEqualTo(0x00);
        assertThat(E4M3.fromBinary32(0x80000000)).isEqualTo(0x80);
    }

    @Test
    void toE4m3RoundsSubnormalTiesToEven() {
        assertThat(code(3 * 0x1p-10f)).isEqualTo(0x02);     // 1.5 steps → 2
        assertThat(code(5 * 0x1p-10f)).isEqualTo(0x02);     // 2.5 steps → 2
        assertThat(code(15 * 0x1p-10f)).isEqualTo(0x08);    // 7.5 steps → 8 = smallest normal
    }

    @Test
    void toE4m3RoundingCarriesIntoTheExponent() {
        // 1.9375 = 1.1111b is halfway between 1.875 (m = 7) and 2.0 (next binade, m = 0)
        assertThat(code(1.9375f)).isEqualTo(0x40);
        assertThat(code(1.9f)).isEqualTo(0x3F);
    }

    @Test
    void toE4m3RoundsNormalTiesToEven() {
        assertThat(code(1.0625f)).isEqualTo(0x38);         // 1 + 1/16: between m=0 and m=1
        assertThat(code(1.1875f)).isEqualTo(0x3A);         // 1 + 3/16: between m=1 and m=2
        assertThat(code(-1.1875f)).isEqualTo(0xBA);
    }

    // ---- UE8M0 ----------------------------------------------------------------------------

    @Test
    void ue8m0ScaleFFIsNaN() {
        assertThat(UE8M0.isNaN(0xFF)).isTrue();
        assertThat(UE8M0.isNaN(0xFE)).isFalse();
        assertThat(UE8M0.isNaN(0x00)).isFalse();
    }

    @Test
    void ue8m0ExponentIsScaleMinus127() {
        assertThat(UE8M0.exponent(127)).isZero();
        assertThat(UE8M0.exponent(0)).isEqualTo(-127);
        assertThat(UE8M0.exponent(254)).isEqualTo(127);
    }
}
