package dev.seedverify.conformance.gemm;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * An MXFP8 GEMM program ({@code mxfp8_gemm.S}) with seeded data, and its exact reference: per 8x8
 * block of C, two tmma.e4m3 steps (K blocks of 32) with per-row UE8M0 scales; each step's block
 * sum is exact and rounded once to binary32, then added to the accumulator in binary32 (spec
 * §2.4). The reference sums decoded E4M3 values as BigDecimal and rounds with
 * {@link BigDecimal#floatValue()} (correctly rounded); accumulation uses Java's IEEE float add.
 * Large rows overflow to infinity, and infinities of both signs give the canonical NaN.
 */
public final class Mxfp8Gemm {
    public static final int M = 32, N = 32, K = 64, BLOCK = 32;

    private final long seed;
    private final byte[] a = new byte[M * K], b = new byte[N * K];
    private final byte[] scaleA = new byte[(K / BLOCK) * M], scaleB = new byte[(K / BLOCK) * N];

    private Mxfp8Gemm(long seed) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        rows(r, a, scaleA, M);
        rows(r, b, scaleB, N);
    }

    /**
     * Each row gets one magnitude class for all its K blocks, so one block cannot swamp the other:
     * mostly values near 2^0; some rows of tiny scale and small codes, whose blocks land in the
     * binary32 subnormal range or underflow to zero; some rows of large scale.
     */
    private static void rows(SplittableRandom r, byte[] elements, byte[] scale, int rows) {
        for (int row = 0; row < rows; row++) {
            int cls = r.nextInt(8);
            for (int k = 0; k < K; k++) elements[row * K + k] = element(r, cls == 0);
            for (int kb = 0; kb < K / BLOCK; kb++) {
                int s = cls == 0 ? r.nextInt(0, 12) : cls == 1 ? r.nextInt(180, 200) : r.nextInt(118, 137);
                scale[kb * rows + row] = (byte) s;
            }
        }
    }

    /**
     * A finite E4M3 code (NaN is S.1111.111) biased towards zero, ±448 and subnormal codes; in
     * small rows only codes up to exponent field 2.
     */
    private static byte element(SplittableRandom r, boolean small) {
        int sign = r.nextBoolean() ? 0x80 : 0;
        int mag = small ? r.nextInt(0x18) : switch (r.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 0x7E;
            case 2 -> 1 + r.nextInt(7);
            default -> r.nextInt(0x7F);
        };
        return (byte) (sign | mag);
    }

    public static Mxfp8Gemm random(long seed) { return new Mxfp8Gemm(seed); }

    public String source() {
        StringBuilder s = new StringBuilder(GemmSource.kernel("mxfp8_gemm.S"));
        s.append(String.format("%n# data: seed %d%n        .align  5%n", seed));
        GemmSource.bytes(s, "scale_a", scaleA);
        GemmSource.bytes(s, "scale_b", scaleB);
        s.append("        .align  5\n");
        GemmSource.bytes(s, "mat_a", a);
        GemmSource.bytes(s, "mat_b", b);
        GemmSource.tail(s, M * N * 4);
        return s.toString();
    }

    public ElfImage image() { return Assembler.assemble(source(), "mxfp8_gemm-seed" + seed + ".S"); }

    /** binary32 bit patterns of C, row-major. */
    public int[] expected() {
        int[] c = new int[M * N];
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                float acc = 0.0f;
                for (int kb = 0; kb < K / BLOCK; kb++) {
                    BigDecimal p = BigDecimal.ZERO;
                    for (int k = kb * BLOCK; k < (kb + 1) * BLOCK; k++) {
                        p = p.add(decode(a[i * K + k]).multiply(decode(b[j * K + k])));
                    }
                    int e = (scaleA[kb * M + i] & 0xFF) + (scaleB[kb * N + j] & 0xFF) - 254;
                    BigDecimal scaled = e >= 0 ? p.multiply(pow2(e)) : p.divide(pow2(-e));
                    float block = scaled.signum() == 0 ? 0.0f : scaled.floatValue();
                    acc = acc + block;
                }
                // Java's NaN for inf - inf is the x86 default NaN 0xFFC00000; the spec's is 0x7FC00000.
                c[i * N + j] = Float.isNaN(acc) ? 0x7FC0_0000 : Float.floatToRawIntBits(acc);
            }
        }
        return c;
    }

    /** E4M3 (bias 7, no infinities) as an exact decimal. */
    static BigDecimal decode(byte code) {
        int e = (code >> 3) & 0xF, m = code & 7;
        BigDecimal v = e == 0
                ? BigDecimal.valueOf(m).divide(pow2(9))                       // m/8 * 2^-6
                : BigDecimal.valueOf(8 + m).multiply(pow2(e)).divide(pow2(10)); // (1 + m/8) * 2^(e-7)
        return code < 0 ? v.negate() : v;
    }

    private static BigDecimal pow2(int n) { return new BigDecimal(BigInteger.ONE.shiftLeft(n)); }

    public long seed() { return seed; }

    /** C as binary32 bit patterns, as the program left it in {@code memory} (after a run of {@link #image()}). */
    public int[] result(Memory memory, ElfImage image) {
        byte[] b = GemmSource.result(memory, image, M * N * 4);
        int[] w = new int[M * N];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(w);
        return w;
    }

    /** Null when {@code memory} holds the exact reference at {@code mat_c}, else the first differing element. */
    public String mismatch(Memory memory, ElfImage image) {
        int[] got = result(memory, image), want = expected();
        for (int i = 0; i < got.length; i++) {
            if (got[i] != want[i]) {
                return String.format("C[%d][%d] = 0x%08x (%s), the exact reference is 0x%08x (%s)", i / N, i % N,
                        got[i], Float.intBitsToFloat(got[i]), want[i], Float.intBitsToFloat(want[i]));
            }
        }
        return null;
    }
}
