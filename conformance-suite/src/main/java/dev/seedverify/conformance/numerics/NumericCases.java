package dev.seedverify.conformance.numerics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Operand sets for the numeric cross-checks of the Xseed datapath (spec §2.4): every E4M3
 * product, every to_e4m3 boundary, and biased random binary32 additions and requant inputs.
 */
public final class NumericCases {
    private NumericCases() {}

    /**
     * All 65,536 (a, b) E4M3 code pairs as tmma.e4m3 operand blocks: in block (ga, gb), row i of A
     * holds code 8 ga + i at k = 0 and row j of B holds code 8 gb + j at k = 0 (zeros elsewhere),
     * so element D[i][j] is exactly the block-path result of that pair.
     */
    public static int[] allE4m3Pairs() {
        int[] words = new int[32 * 32 * 128];
        int at = 0;
        for (int ga = 0; ga < 32; ga++) {
            for (int gb = 0; gb < 32; gb++) {
                byte[] a = new byte[256], b = new byte[256];
                for (int r = 0; r < 8; r++) {
                    a[32 * r] = (byte) (8 * ga + r);
                    b[32 * r] = (byte) (8 * gb + r);
                }
                NumericSweep.putBytes(words, at, a);
                NumericSweep.putBytes(words, at + 64, b);
                at += 128;
            }
        }
        return words;
    }

    /**
     * binary32 values at and around every to_e4m3 decision point: each E4M3 grid value, each
     * midpoint between neighbours (and the float just below and above it), 448, 464, 480 and
     * beyond, 2^-10 and 2^-9, subnormal floats, ±0, ±infinity, NaNs with several payloads; both
     * signs. Padded with copies to whole tiles.
     */
    public static int[] toE4m3Boundaries() {
        List<Integer> v = new ArrayList<>();
        List<Float> grid = new ArrayList<>();
        for (int code = 0; code < 0x7F; code++) grid.add(e4m3(code));
        grid.add(480f); // the point above 448 that rounding can reach
        for (int i = 0; i < grid.size(); i++) {
            float g = grid.get(i);
            addAround(v, g);
            if (i + 1 < grid.size()) addAround(v, (g + grid.get(i + 1)) / 2); // midpoints are exact in binary32
        }
        for (float f : new float[] {448f, 464f, 472f, 480f, 500f, 1e6f, Float.MAX_VALUE, 0x1p-10f, 0x1p-9f,
                0x1.8p-10f, 0x1p-11f, Float.MIN_VALUE, Float.MIN_NORMAL, 0x1p-149f * 3}) {
            addAround(v, f);
        }
        int[] specials = {0, 0x8000_0000, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 0xFFC0_0000, 0x7F80_0001, 0x7FBF_FFFF,
                0xFFFF_FFFF, 0x0000_0001, 0x007F_FFFF, 0x8000_0001};
        for (int s : specials) v.add(s);
        int n = v.size();
        int padded = (n + 63) / 64 * 64;
        int[] out = new int[padded];
        for (int i = 0; i < padded; i++) out[i] = v.get(i % n);
        return out;
    }

    private static void addAround(List<Integer> v, float f) {
        for (float x : new float[] {f, Math.nextDown(f), Math.nextUp(f)}) {
            v.add(Float.floatToRawIntBits(x));
            v.add(Float.floatToRawIntBits(-x));
        }
    }

    /** The value of E4M3 code {@code code} (0..0x7E), computed from its fields. */
    static float e4m3(int code) {
        int e = (code >> 3) & 0xF, m = code & 7;
        return e == 0 ? m * 0x1p-9f : (8 + m) * (float) Math.pow(2, e - 10);
    }

    /**
     * {@code pairs} binary32 additions as tadd.f32 blocks, biased to the hard cases: subnormal
     * operands and results, exact ties at random exponents, cancellation, ±0, ±infinity, NaNs of
     * several payloads, overflow and the largest finite values.
     */
    public static int[] binary32Additions(int pairs, long seed) {
        int blocks = (pairs + 63) / 64;
        int[] words = new int[blocks * 128];
        SplittableRandom r = new SplittableRandom(seed);
        for (int blk = 0; blk < blocks; blk++) {
            for (int e = 0; e < 64; e++) {
                int a = operand(r), b;
                switch (r.nextInt(6)) {
                    case 0 -> b = a ^ 0x8000_0000 ^ (r.nextInt(4));               // cancellation
                    case 1 -> b = tieWith(a, r);                                   // exact tie after alignment
                    default -> b = operand(r);
                }
                words[blk * 128 + e] = a;
                words[blk * 128 + 64 + e] = b;
            }
        }
        return words;
    }

    private static int operand(SplittableRandom r) {
        int sign = r.nextBoolean() ? 0x8000_0000 : 0;
        return sign | switch (r.nextInt(12)) {
            case 0 -> r.nextInt(0x0080_0000);                               // subnormal
            case 1 -> 0;                                                    // zero
            case 2 -> 0x7F80_0000;                                          // infinity
            case 3 -> 0x7F80_0000 | (1 + r.nextInt(0x007F_FFFF));           // NaN (quiet or signalling)
            case 4 -> 0x7F00_0000 | r.nextInt(0x0080_0000);                 // near overflow
            case 5 -> (1 + r.nextInt(8)) << 23 | r.nextInt(0x0080_0000);    // smallest normals
            default -> r.nextInt(0x7F80_0000);                              // any finite
        };
    }

    /** b with an exponent 24 or 25 below a and low bits making the sum a tie (when both are normal). */
    private static int tieWith(int a, SplittableRandom r) {
        int exp = (a >>> 23) & 0xFF;
        int e = Math.max(1, exp - 24 - r.nextInt(2));
        return (r.nextBoolean() ? 0x8000_0000 : 0) | e << 23 | (r.nextBoolean() ? 0 : 0x0040_0000);
    }

    /** Random int32 requant inputs biased to the extremes and to values near rounding ties. */
    public static int[] requantInputs(int count, long seed) {
        int[] words = new int[(count + 63) / 64 * 64];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < words.length; i++) {
            words[i] = switch (r.nextInt(8)) {
                case 0 -> Integer.MIN_VALUE;
                case 1 -> Integer.MAX_VALUE;
                case 2 -> r.nextInt(-300, 300);
                case 3 -> (r.nextInt(1 << 16) << 15) | (1 << 14); // halves after a 15-bit shift
                default -> r.nextInt();
            };
        }
        return words;
    }
}
