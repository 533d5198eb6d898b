package dev.seedverify.kernels.cases;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.ref.Reference;

import java.util.Map;
import java.util.SplittableRandom;

/** gemm_mxfp8: E4M3 a (m x k) and b (n x k) with UE8M0 scales per 32-wide block, binary32 c. */
public record GemmMxfp8Case(int m, int n, int k, byte[] a, byte[] b, byte[] aScale, byte[] bScale) implements KernelCase {
    public GemmMxfp8Case {
        int blocks = (k + 31) / 32;
        if (a.length != m * k || b.length != n * k || aScale.length != m * blocks || bScale.length != n * blocks) {
            throw new IllegalArgumentException("gemm_mxfp8 tensor sizes do not match " + m + "x" + n + "x" + k);
        }
    }

    /** Seeded finite codes (no NaN) and scales near 1.0. */
    public static GemmMxfp8Case random(SplittableRandom r, int m, int n, int k) {
        int blocks = (k + 31) / 32;
        return new GemmMxfp8Case(m, n, k, codes(r, m * k), codes(r, n * k), scales(r, m * blocks), scales(r, n * blocks));
    }

    static byte[] codes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(256);
            if ((c & 0x7F) == 0x7F) c &= 0xFE; // finite
            b[i] = (byte) c;
        }
        return b;
    }

    static byte[] scales(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (127 + r.nextInt(-8, 9));
        return b;
    }

    @Override public Kernel kernel() { return Kernel.GEMM_MXFP8; }

    @Override public Map<String, Integer> scalars() { return Map.of("m", m, "n", n, "k", k); }

    @Override public Map<String, byte[]> inputs() { return Map.of("a", a, "b", b, "a_scale", aScale, "b_scale", bScale); }

    @Override public Map<String, int[]> outputs() { return Map.of("c", new int[] {m, n}); }

    @Override
    public Map<String, byte[]> expected() { return Map.of("c", Tensors.words(Reference.gemmMxfp8(m, n, k, a, b, aScale, bScale))); }

    @Override public long macs() { return (long) m * n * k; }

    @Override
    public String toString() {
        return String.format("gemm_mxfp8 m=%d n=%d k=%d a=%s b=%s a_scale=%s b_scale=%s", m, n, k, Tensors.preview(a), Tensors.preview(b),
                Tensors.preview(aScale), Tensors.preview(bScale));
    }
}
