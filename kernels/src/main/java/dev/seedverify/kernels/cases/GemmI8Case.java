package dev.seedverify.kernels.cases;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.ref.Reference;

import java.util.Map;
import java.util.SplittableRandom;

/** gemm_i8: a (m x k), b (n x k), bias (n), c = requant(bias + (a - aZp) b^T). */
public record GemmI8Case(int m, int n, int k, byte[] a, byte[] b, int[] bias, int aZp, int mul, int shift, int zp) implements KernelCase {
    public GemmI8Case {
        if (a.length != m * k || b.length != n * k || bias.length != n) throw new IllegalArgumentException("gemm_i8 tensor sizes do not match " + m + "x" + n + "x" + k);
    }

    /** Seeded data; the requant scale maps the accumulator range onto int8 with some saturation. */
    public static GemmI8Case random(SplittableRandom r, int m, int n, int k) {
        int shift = -(Math.max(1, 31 - Integer.numberOfLeadingZeros(k * 128 * 64)) - 7 + r.nextInt(-2, 3));
        return new GemmI8Case(m, n, k, Tensors.int8(r, m * k), Tensors.int8(r, n * k), Tensors.int32(r, n, 1 << 14),
                r.nextInt(-128, 128), 0x4000_0000 + r.nextInt(0x3FFF_FFFF), Math.max(-31, shift), r.nextInt(-128, 128));
    }

    @Override public Kernel kernel() { return Kernel.GEMM_I8; }

    @Override
    public Map<String, Integer> scalars() {
        return Map.of("m", m, "n", n, "k", k, "a_zp", aZp, "q_mul", mul, "q_shift", shift, "q_zp", zp);
    }

    @Override public Map<String, byte[]> inputs() { return Map.of("a", a, "b", b, "bias", Tensors.words(bias)); }

    @Override public Map<String, int[]> outputs() { return Map.of("c", new int[] {m, n}); }

    @Override public Map<String, byte[]> expected() { return Map.of("c", Reference.gemmI8(m, n, k, a, b, bias, aZp, mul, shift, zp)); }

    @Override public long macs() { return (long) m * n * k; }

    @Override
    public String toString() {
        return String.format("gemm_i8 m=%d n=%d k=%d a_zp=%d requant(mul=%d, shift=%d, zp=%d) a=%s b=%s bias=%s", m, n, k, aZp, mul, shift, zp,
                Tensors.preview(a), Tensors.preview(b), Tensors.preview(bias));
    }
}
