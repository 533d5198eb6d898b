package dev.seedverify.golden.numerics;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * tmma.e4m3's whole-tile path rounds with the JVM's floating point
 * ({@link E4M3Block#accumulateInHardware}); the integer {@link Binary32} steps are the reference.
 * They agree bit for bit and flag for flag on every boundary the rounding has (ties, carries into
 * the exponent, the subnormal range and its edge, overflow, signed zeros, infinite accumulators)
 * and on a million random cases; and every code pair through the whole-tile path equals
 * {@link E4M3Block#element}.
 */
class E4M3BlockHardwareTest {

    private static void same(int d, long p, int sa, int sb) {
        long want = E4M3Block.accumulate(d, p, sa, sb);
        long got = E4M3Block.accumulateInHardware(d, (double) p, sa, sb);
        if (want != got) {
            throw new AssertionError(String.format("d=0x%08X P=%d sa=%d sb=%d: integer 0x%08X flags %d, hardware 0x%08X flags %d",
                    d, p, sa, sb, Binary32.result(want), Binary32.flags(want), Binary32.result(got), Binary32.flags(got)));
        }
    }

    /** P values at every rounding boundary: m·2^k with m around 2^24 (ties, carries) and small, both signs. */
    private static long[] boundaryP() {
        long[] out = new long[42 * 24 * 2];
        int n = 0;
        long[] m = {1, 2, 3, 5, 7, (1 << 24) - 1, 1 << 24, (1 << 24) + 1, (1 << 25) - 1, (1 << 25) + 1, (1 << 25) + 3,
            (3 << 23) + 1, 0x1FFFFFF, 0x2000001, 0x2000003, 0x3FFFFFF, 0xFFFFFF, 0x1000003, 0x1800001, 0xFFFFFE, 0x1FFFFFE, 0x2FFFFFF, 0x17FFFFF, 0x1000001};
        for (int k = 0; k < 42; k++) {
            for (long v : m) {
                long p = v << k;
                if (p >= 1L << 42 || p <= 0) p = v;
                out[n++] = p;
                out[n++] = -p;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void roundingBoundariesAgreeForEveryScaleSum() {
        int[] accumulators = {0, 0x80000000, 0x3F800000, 0xBF800000, 0x00000001, 0x80000001, 0x007FFFFF, 0x00800000,
            0x7F7FFFFF, 0xFF7FFFFF, 0x7F800000, 0xFF800000, 0x4B800000, 0xCB000001};
        for (long p : boundaryP()) {
            for (int total = 0; total <= 508; total++) {
                int sa = Math.min(254, total), sb = total - sa;
                for (int d : accumulators) same(d, p, sa, sb);
            }
        }
        for (int total = 0; total <= 508; total++) same(0x80000000, 0, Math.min(254, total), total - Math.min(254, total));
    }

    @Test
    void aMillionRandomCasesAgree() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0404L);
        for (int i = 0; i < 1_000_000; i++) {
            long p = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextLong(-(1L << 42) + 1, 1L << 42);
                case 1 -> rnd.nextLong(-(1 << 20), 1 << 20);
                case 2 -> (rnd.nextBoolean() ? 1 : -1) * (rnd.nextLong(1L << 26) << rnd.nextInt(17));
                default -> 0;
            };
            int total = rnd.nextInt(3) == 0 ? rnd.nextInt(509) : 254 + rnd.nextInt(-60, 61);
            int sa = rnd.nextInt(Math.max(0, total - 254), Math.min(254, total) + 1);
            same(Generators.biasedFloat(rnd), p, sa, total - sa);
        }
    }

    @Test
    void everyCodePairThroughTheWholeTileEqualsElement() {
        byte[] tiles = new byte[2 * 256];
        E4M3Block.Rows rows = new E4M3Block.Rows();
        int[] acc = new int[64], sa = {127, 0, 254, 137, 60, 127, 1, 200}, sb = {127, 0, 254, 97, 61, 254, 1, 54};
        int[] accumulators = {0x00000000, 0x80000000, 0x3F800000, 0xC2C80000, 0x00000001, 0xFF800000, 0x7F800000, 0x7FC00001};
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                // row r of A and of B hold the pair at k = r (each element [i][j] sees one or no product)
                for (int r = 0; r < 8; r++) {
                    tiles[32 * r + r] = (byte) a;
                    tiles[256 + 32 * r + r] = (byte) b;
                }
                for (int w = 0; w < 64; w++) acc[w] = accumulators[(a + b + w) % accumulators.length];
                int[] before = acc.clone();
                int flags = E4M3Block.product(tiles, 0, 256, acc, sa, sb, rows);
                int expectedFlags = 0;
                for (int i = 0; i < 8; i++) {
                    for (int j = 0; j < 8; j++) {
                        long e = E4M3Block.element(before[8 * i + j], tiles, 32 * i, 256 + 32 * j, sa[i], sb[j]);
                        expectedFlags |= Binary32.flags(e);
                        if (acc[8 * i + j] != Binary32.result(e)) {
                            throw new AssertionError(String.format("codes 0x%02X, 0x%02X element [%d][%d]: 0x%08X, element 0x%08X",
                                    a, b, i, j, acc[8 * i + j], Binary32.result(e)));
                        }
                    }
                }
                if (flags != expectedFlags) throw new AssertionError("codes " + a + ", " + b + ": flags " + flags + " vs " + expectedFlags);
            }
        }
    }
}
