package dev.seedverify.golden.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Directed tmma.e4m3 element cases (spec §2.4 steps 1–4), values worked out by hand. */
class E4M3BlockTest {

    private static final int A = 256 * 1 + 32 * 3;   // tile m1, row 3
    private static final int B = 256 * 6 + 32 * 5;   // tile m6, row 5
    private static final int ONE = 0x38;             // E4M3 1.0
    private static final int UNIT = 127;             // UE8M0 2^0
    private static final long NAN_NV = ((long) XseedFlags.NV << 32) | Binary32.CANONICAL_NAN;

    private final byte[] tiles = new byte[8 * 256];

    private void fillRow(int offset, int code) {
        Arrays.fill(tiles, offset, offset + 32, (byte) code);
    }

    private static long ok(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFFFFFFL;
    }

    private static long ok(int bits) {
        return bits & 0xFFFFFFFFL;
    }

    @Test
    void dotOfAllOnesIs32In2ToMinus18Units() {
        fillRow(A, ONE);
        fillRow(B, ONE);
        assertThat(E4M3Block.dot(tiles, A, B)).isEqualTo(32L << 18);
    }

    @Test
    void dotIsExactAtTheExtremes() {
        fillRow(A, 0x7E);                                  // 448
        fillRow(B, 0xFE);                                  // −448
        assertThat(E4M3Block.dot(tiles, A, B)).isEqualTo(-32L * 229376 * 229376);
        tiles[B + 7] = 0x01;                               // 2^−9
        assertThat(E4M3Block.dot(tiles, A, B)).isEqualTo(-31L * 229376 * 229376 + 229376);
    }

    @Test
    void dotReadsOnlyTheAddressedRows() {
        fillRow(A, ONE);
        fillRow(B, ONE);
        fillRow(A + 32, 0x7E);
        fillRow(B - 32, 0x7E);
        assertThat(E4M3Block.dot(tiles, A, B)).isEqualTo(32L << 18);
    }

    @Test
    void elementWithUnitScalesIsTheDotProductPlusD() {
        fillRow(A, ONE);
        fillRow(B, ONE);
        assertThat(E4M3Block.element(0, tiles, A, B, UNIT, UNIT)).isEqualTo(ok(32f));
        assertThat(E4M3Block.element(Float.floatToRawIntBits(1f), tiles, A, B, UNIT, UNIT)).isEqualTo(ok(33f));
    }

    @Test
    void elementScalesByBothUe8m0Exponents() {
        fillRow(A, ONE);
        fillRow(B, ONE);
        // 32 · 2^(130−127) · 2^(120−127) = 32 · 2^−4 = 2
        assertThat(E4M3Block.element(0, tiles, A, B, 130, 120)).isEqualTo(ok(2f));
    }

    @Test
    void elementIsNaNWithNvWhenScaleAIsNaN() {
        fillRow(A, ONE);
        fillRow(B, ONE);
        assertThat(E4M3Block.element(0, tiles, A, B, 0xFF, UNIT)).isEqualTo(NAN_NV);
    }

    @Test
    void elementIsNaNWithNvWhenScaleBIsNaN() {
        assertThat(E4M3Block.element(0, tiles, A, B, UNIT, 0xFF)).isEqualTo(NAN_NV);
    }

    @Test
    void elementIsNaNWithNvWhenAnACodeIsNaNEvenIfMultipliedByZero() {
        tiles[A + 31] = 0x7F;                               // B[31] is 0
        assertThat(E4M3Block.element(0, tiles, A, B, UNIT, UNIT)).isEqualTo(NAN_NV);
    }

    @Test
    void elementIsNaNWithNvWhenABCodeIsNegativeNaN() {
        tiles[B] = (byte) 0xFF;
        assertThat(E4M3Block.element(0, tiles, A, B, UNIT, UNIT)).isEqualTo(NAN_NV);
    }

    @Test
    void elementIsNaNWithNvWhenTheAccumulatorIsNaN() {
        assertThat(E4M3Block.element(0x7F800001, tiles, A, B, UNIT, UNIT)).isEqualTo(NAN_NV);
        assertThat(E4M3Block.element(0xFFC00000, tiles, A, B, UNIT, UNIT)).isEqualTo(NAN_NV);
    }

    @Test
    void elementWithZeroProductAddsPositiveZero() {
        // P = 0 gives blk = +0.0, so a −0 accumulator becomes +0 (IEEE −0 + +0 = +0)
        assertThat(E4M3Block.element(0x80000000, tiles, A, B, UNIT, UNIT)).isEqualTo(ok(0x00000000));
        assertThat(E4M3Block.element(0xBF800000, tiles, A, B, UNIT, UNIT)).isEqualTo(ok(0xBF800000));
    }

    @Test
    void elementKeepsSubnormalBlockResults() {
        tiles[A] = ONE;
        tiles[B] = ONE;
        // 1 · 2^(57−127) · 2^(57−127) = 2^−140 = 2^9 · 2^−149, a subnormal
        assertThat(E4M3Block.element(0, tiles, A, B, 57, 57)).isEqualTo(ok(0x00000200));
    }

    @Test
    void elementBlockResultTooSmallForBinary32BecomesZero() {
        tiles[A] = 0x01;
        tiles[B] = 0x01;
        // 2^−18 · 2^−254 = 2^−272 → +0; d unchanged
        assertThat(E4M3Block.element(0x00000001, tiles, A, B, 0, 0)).isEqualTo(ok(0x00000001));
    }

    @Test
    void elementNegativeBlockResultTooSmallForBinary32IsNegativeZero() {
        // P = −1 (−2^−9 · 2^−9): −2^−272 rounds to −0 (IEEE keeps the sign of an underflow;
        // only an exact P = 0 is +0), so a −0 accumulator stays −0 and a +0 one stays +0.
        tiles[A] = (byte) 0x81;
        tiles[B] = 0x01;
        assertThat(E4M3Block.element(0x80000000, tiles, A, B, 0, 0)).isEqualTo(ok(0x80000000));
        assertThat(E4M3Block.element(0x00000000, tiles, A, B, 0, 0)).isEqualTo(ok(0x00000000));
    }

    @Test
    void elementOverflowsTheBlockResultToInfinity() {
        fillRow(A, 0x7E);
        fillRow(B, 0x7E);
        assertThat(E4M3Block.element(0, tiles, A, B, 254, 254)).isEqualTo(ok(0x7F800000));
        assertThat(E4M3Block.element(0xFF7FFFFF, tiles, A, B, 254, 254)).isEqualTo(ok(0x7F800000));
    }

    @Test
    void elementInfinityMinusInfinityIsNaNWithNv() {
        fillRow(A, 0x7E);
        fillRow(B, 0x7E);
        assertThat(E4M3Block.element(0xFF800000, tiles, A, B, 254, 254)).isEqualTo(NAN_NV);
    }

    @Test
    void elementRoundsTheBlockSumOnceBeforeAddingD() {
        // P = 448·448 + 2^−9·2^−9 needs 36 bits: blk rounds to 448² = 200704, so
        // −200704 + blk = +0 although the exact sum is 2^−18.
        tiles[A] = 0x7E;
        tiles[B] = 0x7E;
        tiles[A + 1] = 0x01;
        tiles[B + 1] = 0x01;
        assertThat(E4M3Block.dot(tiles, A, B)).isEqualTo(229376L * 229376 + 1);
        assertThat(E4M3Block.element(Float.floatToRawIntBits(-200704f), tiles, A, B, UNIT, UNIT))
                .isEqualTo(ok(0x00000000));
    }
}
