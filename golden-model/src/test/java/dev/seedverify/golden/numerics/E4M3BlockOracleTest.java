package dev.seedverify.golden.numerics;

import dev.seedverify.golden.numerics.oracle.Binary32Oracle;
import dev.seedverify.golden.numerics.oracle.BlockOracle;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** tmma.e4m3 elements against the BigDecimal {@link BlockOracle}. */
class E4M3BlockOracleTest {

    private static final int ROWS = 100_000;

    private static void check(int d, byte[] tiles, int aOff, int bOff, int sa, int sb) {
        Binary32Oracle.Result want = BlockOracle.element(d, tiles, aOff, tiles, bOff, sa, sb);
        long packed = E4M3Block.element(d, tiles, aOff, bOff, sa, sb);
        if (Binary32.result(packed) != want.bits() || Binary32.flags(packed) != want.flags()) {
            throw new AssertionError(String.format(
                    "element(d=0x%08X, A=%s, B=%s, sa=%d, sb=%d) = 0x%08X flags %d, oracle %s",
                    d, hex(tiles, aOff), hex(tiles, bOff), sa, sb, Binary32.result(packed),
                    Binary32.flags(packed), want));
        }
    }

    private static String hex(byte[] tiles, int off) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 32; k++) {
            sb.append(String.format("%02X", tiles[off + k] & 0xFF));
        }
        return sb.toString();
    }

    @Test
    void everyCodePairAtKZeroMatchesOracleForSeveralScalesAndAccumulators() {
        byte[] tiles = new byte[8 * 256];
        int aOff = 256 * 2 + 32 * 7;   // m2 row 7
        int bOff = 256 * 5;            // m5 row 0
        int[][] scales = {{127, 127}, {0, 0}, {254, 254}, {137, 97}, {60, 61}};
        int[] accumulators = {0x00000000, 0x80000000, 0x3F800000, 0xC2C80000, 0x00000001, 0xFF800000};
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                tiles[aOff] = (byte) a;
                tiles[bOff] = (byte) b;
                for (int s = 0; s < scales.length; s++) {
                    // rotate the accumulator so every (pair, scale) meets a different one
                    int d = accumulators[(a + b + s) % accumulators.length];
                    check(d, tiles, aOff, bOff, scales[s][0], scales[s][1]);
                }
            }
        }
    }

    @Test
    void hundredThousandRandomRowsMatchOracle() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0401L);
        byte[] tiles = new byte[8 * 256];
        int[] favouriteScales = {0, 0xFF, 254, 127, 1, 126, 128};
        for (int i = 0; i < ROWS; i++) {
            int aOff = 256 * rnd.nextInt(8) + 32 * rnd.nextInt(8);
            int bOff = 256 * rnd.nextInt(8) + 32 * rnd.nextInt(8);
            if (aOff == bOff) {
                bOff = (bOff + 256) % 2048;
            }
            boolean sparse = rnd.nextInt(4) == 0;
            for (int k = 0; k < 32; k++) {
                tiles[aOff + k] = (byte) (sparse && rnd.nextBoolean() ? 0 : Generators.biasedE4m3(rnd));
                tiles[bOff + k] = (byte) (sparse && rnd.nextBoolean() ? 0 : Generators.biasedE4m3(rnd));
            }
            if (rnd.nextInt(20) == 0) {                           // a NaN code in A or B
                int row = rnd.nextBoolean() ? aOff : bOff;
                tiles[row + rnd.nextInt(32)] = (byte) (rnd.nextBoolean() ? 0x7F : 0xFF);
            }
            int sa = rnd.nextInt(3) == 0 ? favouriteScales[rnd.nextInt(favouriteScales.length)] : rnd.nextInt(256);
            int sb = rnd.nextInt(3) == 0 ? favouriteScales[rnd.nextInt(favouriteScales.length)] : rnd.nextInt(256);
            if (rnd.nextInt(3) == 0) {
                // steer sa + sb: near 2^0 for normal block results, or near 2^−154 for
                // subnormal ones (P is typically 2^25..2^40 units of 2^−18)
                int total = rnd.nextBoolean() ? 254 + rnd.nextInt(-40, 41) : 100 + rnd.nextInt(-30, 31);
                sa = rnd.nextInt(Math.max(0, total - 254), Math.min(254, total) + 1);
                sb = total - sa;
            }
            int d = Generators.biasedFloat(rnd);
            check(d, tiles, aOff, bOff, sa, sb);
        }
    }

    /**
     * The whole-instruction path (rows decoded once, P from the halves of q) against the oracle
     * and against {@link E4M3Block#element}, element by element, over random tiles with NaN
     * codes, zero rows, NaN scales and steered scale sums.
     */
    @Test
    void wholeTileProductsMatchOracleAndElement() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0403L);
        byte[] tiles = new byte[8 * 256];
        E4M3Block.Rows rows = new E4M3Block.Rows();
        int[] acc = new int[64], before = new int[64], sa = new int[8], sb = new int[8];
        for (int n = 0; n < 600; n++) {
            for (int k = 0; k < tiles.length; k++) tiles[k] = (byte) (rnd.nextInt(6) == 0 ? 0 : Generators.biasedE4m3(rnd));
            if (rnd.nextInt(3) == 0) tiles[rnd.nextInt(512)] = (byte) (rnd.nextBoolean() ? 0x7F : 0xFF);
            int total = rnd.nextBoolean() ? 254 + rnd.nextInt(-40, 41) : 100 + rnd.nextInt(-30, 31);
            for (int r = 0; r < 8; r++) {
                sa[r] = rnd.nextInt(Math.max(0, total - 254), Math.min(254, total) + 1);
                sb[r] = rnd.nextInt(10) == 0 ? 0xFF : total - sa[r];
                if (sb[r] < 0 || sb[r] > 255) sb[r] = rnd.nextInt(256);
            }
            for (int w = 0; w < 64; w++) acc[w] = before[w] = Generators.biasedFloat(rnd);
            int flags = E4M3Block.product(tiles, 0, 256, acc, sa, sb, rows);
            int expectedFlags = 0;
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    long one = E4M3Block.element(before[8 * i + j], tiles, 32 * i, 256 + 32 * j, sa[i], sb[j]);
                    expectedFlags |= Binary32.flags(one);
                    if (acc[8 * i + j] != Binary32.result(one)) {
                        throw new AssertionError(String.format("tile %d element [%d][%d]: product 0x%08X, element 0x%08X",
                                n, i, j, acc[8 * i + j], Binary32.result(one)));
                    }
                    if (j == i) { // the oracle is slow: the diagonal of every tile
                        Binary32Oracle.Result want = BlockOracle.element(before[8 * i + j], tiles, 32 * i, tiles, 256 + 32 * j, sa[i], sb[j]);
                        if (acc[8 * i + j] != want.bits()) {
                            throw new AssertionError(String.format("tile %d element [%d][%d]: 0x%08X, oracle %s", n, i, j, acc[8 * i + j], want));
                        }
                    }
                }
            }
            if (flags != expectedFlags) throw new AssertionError("tile " + n + ": flags " + flags + ", elements " + expectedFlags);
        }
    }

    @Test
    void blockSumsThatCancelExactlyMatchOracle() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0402L);
        byte[] tiles = new byte[8 * 256];
        for (int i = 0; i < 10_000; i++) {
            Arrays.fill(tiles, (byte) 0);
            // A = (x, x, …), B = (y, −y, y, −y …) with a few tweaks: P = 0 or tiny
            for (int k = 0; k < 32; k += 2) {
                int x = Generators.biasedE4m3(rnd);
                int y = Generators.biasedE4m3(rnd);
                tiles[k] = (byte) x;
                tiles[k + 1] = (byte) x;
                tiles[256 + k] = (byte) y;
                tiles[256 + k + 1] = (byte) (y ^ 0x80);
            }
            if (rnd.nextBoolean()) {
                tiles[rnd.nextInt(32)] = (byte) rnd.nextInt(8);
            }
            int d = rnd.nextBoolean() ? 0x80000000 : Generators.biasedFloat(rnd);
            check(d, tiles, 0, 256, rnd.nextInt(255), rnd.nextInt(255));
        }
    }
}
