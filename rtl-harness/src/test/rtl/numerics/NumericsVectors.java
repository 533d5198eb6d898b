import dev.seedverify.golden.numerics.Binary32;
import dev.seedverify.golden.numerics.E4M3;
import dev.seedverify.golden.numerics.E4M3Block;
import dev.seedverify.golden.numerics.Requant;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Test vectors for the RTL numerics (s1_fp32_pkg, s1_e4m3_pkg, s1_requant_pkg), computed by the
 * golden model's numerics classes. One vector per line, hex fields, expected result last:
 * <pre>
 *   A a b r                 Binary32.add (r = flags << 32 | bits)
 *   R p exp r               Binary32.roundScaled (p signed 64-bit hex, exp decimal)
 *   E d sa sb arow brow r   E4M3Block.element (rows: 64 hex digits, byte 0 last)
 *   C f r                   E4M3.fromBinary32 (r = flags << 8 | code)
 *   Q x m s z r             Requant.requant (r = flags << 8 | byte)
 * </pre>
 * usage: NumericsVectors SEED COUNT_PER_KIND
 */
public final class NumericsVectors {
    private static SplittableRandom rnd;

    public static void main(String[] args) throws IOException {
        rnd = new SplittableRandom(Long.parseLong(args[0]));
        int n = Integer.parseInt(args[1]);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 20);
        for (int i = 0; i < n; i++) {
            int a = f32(), b = (rnd.nextInt(3) == 0) ? near(a) : f32();
            if (rnd.nextInt(4) == 0) b ^= 0x80000000;
            out.write(String.format("A %08x %08x %09x%n", a, b, Binary32.add(a, b)));
        }
        for (int i = 0; i < n; i++) {
            int bitsLen = 1 + rnd.nextInt(42);
            long p = (rnd.nextLong() >>> (64 - bitsLen)) | (1L << (bitsLen - 1));
            if (rnd.nextInt(8) == 0) p = p & ~((1L << rnd.nextInt(bitsLen)) - 1);   // trailing zeros
            if (rnd.nextBoolean()) p = -p;
            if (rnd.nextInt(50) == 0) p = 0;
            int top = bitsLen - 1, exp;
            switch (rnd.nextInt(5)) {
                case 0 -> exp = -149 - top + rnd.nextInt(-30, 31);     // around the smallest subnormal
                case 1 -> exp = -126 - top + rnd.nextInt(-4, 5);       // subnormal/normal boundary
                case 2 -> exp = 127 - top + rnd.nextInt(-3, 4);        // overflow boundary
                default -> exp = rnd.nextInt(-272, 237);
            }
            out.write(String.format("R %016x %d %08x%n", p, exp, Binary32.roundScaled(p, exp)));
        }
        byte[] tiles = new byte[64];
        for (int i = 0; i < n; i++) {
            int mode = rnd.nextInt(4);
            for (int k = 0; k < 64; k++) tiles[k] = (byte) e4m3(mode);
            int sa = scale(), sb = scale();
            int d = rnd.nextInt(3) == 0 ? 0 : f32();
            long r = E4M3Block.element(d, tiles, 0, 32, sa, sb);
            out.write(String.format("E %08x %02x %02x %s %s %09x%n", d, sa, sb, row(tiles, 0), row(tiles, 32), r));
        }
        for (int i = 0; i < n; i++) {
            int f;
            int k = rnd.nextInt(6);
            if (k == 0) f = f32();
            else {
                // around the E4M3 range: exponents -14..9, mantissa sometimes a tie pattern
                int e = rnd.nextInt(-14, 10);
                int m = rnd.nextInt() & 0x7FFFFF;
                if (k == 1) m = (m & ~0xFFFFF) | 0x80000;                        // normal tie
                if (k == 2) m &= ~((1 << rnd.nextInt(23)) - 1);
                f = ((e + 127) << 23) | m | (rnd.nextBoolean() ? 0x80000000 : 0);
            }
            out.write(String.format("C %08x %03x%n", f, E4M3.fromBinary32(f)));
        }
        for (int i = 0; i < n; i++) {
            int x = int32(), m = int32();
            int s = rnd.nextInt(-31, 31), z = rnd.nextInt(-128, 128);
            out.write(String.format("Q %08x %08x %08x %08x %03x%n", x, m, s, z, Requant.requant(x, m, s, z)));
        }
        out.flush();
    }

    private static String row(byte[] t, int off) {
        StringBuilder s = new StringBuilder();
        for (int k = 31; k >= 0; k--) s.append(String.format("%02x", t[off + k] & 0xFF));
        return s.toString();
    }

    private static final int[] SPECIAL32 = {0x00000000, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7F800001,
            0xFFFFFFFF, 0x00000001, 0x80000001, 0x007FFFFF, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x3F800000, 0x43E00000,
            0x43E80000, 0x43F00000, 0x3A800000, 0x3A000000, 0x00400000};

    private static int f32() {
        switch (rnd.nextInt(6)) {
            case 0: return SPECIAL32[rnd.nextInt(SPECIAL32.length)];
            case 1: return rnd.nextInt() & 0x807FFFFF;                                  // subnormal
            case 2: return (rnd.nextInt() & 0x807FFFFF) | (rnd.nextInt(1, 4) << 23);    // tiny normal
            case 3: return (rnd.nextInt() & 0x807FFFFF) | (rnd.nextInt(250, 255) << 23); // huge
            default: return rnd.nextInt();
        }
    }

    /** A value with an exponent close to a's (cancellation, sticky boundaries). */
    private static int near(int a) {
        int e = (a >>> 23) & 0xFF;
        int d = rnd.nextInt(6) == 0 ? rnd.nextInt(20, 34) : rnd.nextInt(0, 4);
        int ne = Math.max(0, Math.min(254, e + (rnd.nextBoolean() ? d : -d)));
        int m = rnd.nextInt(3) == 0 ? (a & 0x7FFFFF) ^ (1 << rnd.nextInt(23)) : rnd.nextInt() & 0x7FFFFF;
        return (a & 0x80000000) | (ne << 23) | m;
    }

    private static final int[] SPECIAL8 = {0x00, 0x80, 0x7F, 0xFF, 0x7E, 0xFE, 0x01, 0x81, 0x08, 0x07, 0x38, 0xB8};

    private static int e4m3(int mode) {
        switch (mode) {
            case 0: return rnd.nextInt(256);
            case 1: { int c = rnd.nextInt(256); return (c & 0x7F) == 0x7F ? c ^ 1 : c; }       // no NaN
            case 2: return rnd.nextInt(40) == 0 ? SPECIAL8[rnd.nextInt(SPECIAL8.length)] : rnd.nextInt(0, 0x10) | (rnd.nextBoolean() ? 0x80 : 0);
            default: { int c = rnd.nextInt(0x70, 0x7F); return rnd.nextBoolean() ? c | 0x80 : c; } // large
        }
    }

    private static int scale() {
        switch (rnd.nextInt(8)) {
            case 0: return rnd.nextInt(0, 8);
            case 1: return rnd.nextInt(247, 256);
            case 2: return rnd.nextInt(256);
            default: return rnd.nextInt(110, 145);
        }
    }

    private static final int[] SPECIALI = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30, (1 << 30) + 1, -(1 << 30),
            0x40000000, 0x7FFFFFFE, 127, 128, -128, -129, 255};

    private static int int32() {
        switch (rnd.nextInt(4)) {
            case 0: return SPECIALI[rnd.nextInt(SPECIALI.length)];
            case 1: return rnd.nextInt(-100000, 100000);
            default: return rnd.nextInt();
        }
    }
}
