package dev.seedverify.golden.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.numerics.oracle.Binary32Oracle;
import dev.seedverify.golden.numerics.oracle.E4M3Oracle;
import dev.seedverify.golden.numerics.oracle.Pow2;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** E4M3 decode and to_e4m3 against the exact-arithmetic {@link E4M3Oracle}. */
class E4M3OracleTest {

    private static final int RANDOM_CASES = 1_000_000;

    private static void checkEncode(int floatBits) {
        E4M3Oracle.Result expected = E4M3Oracle.encode(floatBits);
        int packed = E4M3.fromBinary32(floatBits);
        if (E4M3.code(packed) != expected.code() || E4M3.flags(packed) != expected.flags()) {
            throw new AssertionError(String.format("to_e4m3(0x%08X = %s) = 0x%02X flags %d, oracle %s",
                    floatBits, Float.intBitsToFloat(floatBits), E4M3.code(packed), E4M3.flags(packed), expected));
        }
    }

    /** The binary32 encoding of an exact value that a binary32 can hold. */
    private static int bitsOf(BigDecimal exact) {
        int bits = Binary32Oracle.round(exact);
        assertThat(Binary32Oracle.exactValue(bits)).isEqualByComparingTo(exact);
        return bits;
    }

    private static void checkAround(int bits) {
        checkEncode(bits);
        checkEncode(Float.floatToRawIntBits(Math.nextUp(Float.intBitsToFloat(bits))));
        checkEncode(Float.floatToRawIntBits(Math.nextDown(Float.intBitsToFloat(bits))));
        checkEncode(bits ^ 0x80000000);
    }

    @Test
    void toQTimes2ToMinus9IsTheExactValueOfEveryCode() {
        for (int c = 0; c < 256; c++) {
            if (E4M3Oracle.isNaN(c)) {
                assertThat(E4M3.isNaN(c)).isTrue();
                continue;
            }
            assertThat(E4M3.isNaN(c)).isFalse();
            BigDecimal viaQ = BigDecimal.valueOf(E4M3.toQ(c)).multiply(Pow2.of(-9));
            assertThat(viaQ).as("code 0x%02X", c).isEqualByComparingTo(E4M3Oracle.decode(c));
        }
    }

    @Test
    void productOfQsIsTheExactProductIn2ToMinus18UnitsForAllCodePairs() {
        BigDecimal[] value = new BigDecimal[256];
        for (int c = 0; c < 256; c++) {
            value[c] = E4M3Oracle.isNaN(c) ? null : E4M3Oracle.decode(c).multiply(Pow2.of(18));
        }
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                if (value[a] == null || value[b] == null) {
                    continue;
                }
                long product = (long) E4M3.toQ(a) * E4M3.toQ(b);
                BigDecimal exact = value[a].multiply(value[b]).multiply(Pow2.of(-18));
                if (exact.compareTo(BigDecimal.valueOf(product)) != 0) {
                    throw new AssertionError("q(" + a + ")·q(" + b + ") = " + product + ", exact " + exact);
                }
            }
        }
    }

    @Test
    void oracleFastSearchAgreesWithTheBigDecimalExhaustiveSearch() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0101L);
        for (int i = 0; i < 20_000; i++) {
            int bits = rnd.nextBoolean() ? rnd.nextInt() & 0x7FFFFFFF
                    : Float.floatToRawIntBits(rnd.nextInt(0, 1 << 24) * 0x1p-14f);
            if (((bits >>> 23) & 0xFF) == 0xFF) {
                continue;
            }
            BigDecimal a = Binary32Oracle.exactValue(bits);
            assertThat(E4M3Oracle.nearestGridCode(a)).isEqualTo(E4M3Oracle.nearestGridCodeBig(a));
        }
    }

    @Test
    void toE4m3IsExactOnEveryE4m3Value() {
        for (int c = 0; c < 256; c++) {
            if (E4M3Oracle.isNaN(c)) {
                continue;
            }
            int bits = bitsOf(E4M3Oracle.decode(c));
            if (c == 0x80) {
                bits = 0x80000000;                                   // −0 keeps its sign
            }
            assertThat(E4M3.fromBinary32(bits)).as("code 0x%02X", c).isEqualTo(c);
            checkAround(bits);
        }
    }

    @Test
    void toE4m3MatchesOracleAtEveryMidpointAndItsNeighbours() {
        // midpoints between consecutive grid values 0..448, plus 448..480 (= 464)
        for (int c = 0; c < 0x7F; c++) {
            BigDecimal mid = E4M3Oracle.gridValue(c).add(E4M3Oracle.gridValue(c + 1)).multiply(Pow2.of(-1));
            checkAround(bitsOf(mid));
        }
    }

    @Test
    void toE4m3MatchesOracleOnSpecialValues() {
        float[] values = {448f, 464f, 480f, 496f, 512f, 0x1p-10f, 0x1p-9f, 0x1p-11f, 0x1p-6f, 0x1p-7f,
            Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, 1f, 0f};
        for (float v : values) {
            checkAround(Float.floatToRawIntBits(v));
        }
        int[] specials = {0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000, 0x7F800001, 0xFF800001, 0x7FFFFFFF,
            0xFFFFFFFF, 0x7FA00000, 0x7FC00001, 0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF, 0x80000000};
        for (int bits : specials) {
            checkEncode(bits);
        }
    }

    @Test
    void toE4m3MatchesOracleOnEveryBinary32Exponent() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0102L);
        for (int e = 0; e < 256; e++) {
            for (int i = 0; i < 200; i++) {
                checkEncode((rnd.nextInt(2) << 31) | (e << 23) | rnd.nextInt(1 << 23));
            }
            checkEncode(e << 23);
            checkEncode((e << 23) | 0x7FFFFF);
        }
    }

    @Test
    void toE4m3MatchesOracleOnHalfAMillionUniformBitPatterns() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0103L);
        for (int i = 0; i < RANDOM_CASES / 2; i++) {
            checkEncode(rnd.nextInt());
        }
    }

    @Test
    void toE4m3MatchesOracleOnHalfAMillionValuesInTheE4m3Range() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0104L);
        for (int i = 0; i < RANDOM_CASES / 2; i++) {
            int sign = rnd.nextInt(2) << 31;
            if (rnd.nextBoolean()) {
                // log-uniform, 2^−12 … 2^10: zero rounding, subnormals, every binade, saturation
                int exponent = rnd.nextInt(127 - 12, 127 + 10);
                checkEncode(sign | (exponent << 23) | rnd.nextInt(1 << 23));
            } else {
                // uniform in value over [0, 500): k·2^−14 is exact in binary32 (k < 2^23)
                int k = rnd.nextInt(500 << 14);
                checkEncode(sign | Float.floatToRawIntBits(k * 0x1p-14f));
            }
        }
    }
}
