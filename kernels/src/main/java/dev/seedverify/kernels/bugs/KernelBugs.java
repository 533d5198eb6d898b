package dev.seedverify.kernels.bugs;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.SourcePatch;

import java.util.List;

/**
 * The catalogue of injected kernel bugs (kernels/README.md, "Injected bugs"): each is a small
 * patch of a real source, of the kinds that reach a kernel library in practice. The injected-bug
 * tests check that the properties catch every one and shrink it; {@code ci/kernel-gate.sh
 * --candidate-bug NAME} shows how the compiler gate reports one.
 */
public final class KernelBugs {
    private KernelBugs() {}

    public static final KernelBug REQUANT_TIES_UP = new KernelBug("requant-ties-up",
            "RoundingDivideByPOT in C rounds negative ties up instead of away from zero (the threshold lost its +1 for x < 0)",
            List.of(new SourcePatch("s1k.h", "int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);", "int32_t threshold = mask >> 1;")),
            Kernel.ADD_I8, Variant.SCALAR);

    public static final KernelBug TILE_EDGE_OFF_BY_ONE = new KernelBug("tile-edge-off-by-one",
            "the int8 block store takes a block with 7 valid rows for a whole one and stores 8 rows with tstn",
            List.of(new SourcePatch("s1k_tile.h", "if ((r0) + 8 <= (rows) && (c0) + 8 <= (cols)", "if ((r0) + 8 <= (rows) + 1 && (c0) + 8 <= (cols)")),
            Kernel.GEMM_I8, Variant.XSEED);

    public static final KernelBug CONV_WRONG_STRIDE = new KernelBug("conv-wrong-stride",
            "the im2col gather steps input rows with stride_w instead of stride_h",
            List.of(new SourcePatch("conv2d_i8.c", "base_y[r] = (int32_t)((pix / p->ow) * p->stride_h)", "base_y[r] = (int32_t)((pix / p->ow) * p->stride_w)")),
            Kernel.CONV2D_I8, Variant.XSEED);

    public static final KernelBug MXFP8_MISSED_SCALE = new KernelBug("mxfp8-missed-scale",
            "the scales of B rows 4..7 are not updated per k block: every block uses the first block's",
            List.of(new SourcePatch("gemm_mxfp8.c", "xs_write_xsbscl1(scales4(p->b_scale, nb, n, j0 + 4, b));",
                    "xs_write_xsbscl1(scales4(p->b_scale, nb, n, j0 + 4, 0));")),
            Kernel.GEMM_MXFP8, Variant.XSEED);

    public static final KernelBug POOL_UNSIGNED_LOAD = new KernelBug("pool-unsigned-load",
            "the scalar pooling loop reads the int8 input through an unsigned pointer (a signedness slip)",
            List.of(new SourcePatch("pool_i8_scalar.c", "int32_t v = in[((uint32_t)y * w + (uint32_t)x) * c + ch];",
                    "int32_t v = ((const uint8_t *)in)[((uint32_t)y * w + (uint32_t)x) * c + ch];")),
            Kernel.MAXPOOL_I8, Variant.SCALAR);

    /**
     * The fences around the edge stage's tile store placed after the copy-out. The compiler sees
     * no write between the zeroing and the reads (tstn's memory effect is the fence's business)
     * and GCC at -O2/-Os forwards the zeros: every edge block comes out 0. At -O0, and with Clang
     * 14, the loads stay and the bug is latent.
     */
    public static final KernelBug MISPLACED_FENCE = new KernelBug("misplaced-fence",
            "the fences around the edge stage's tstn are placed after the copy-out instead of around the tile store",
            List.of(new SourcePatch("s1k_tile.h", "xs_fence(); /* the zeros are written before the tile store */", ""),
                    new SourcePatch("s1k_tile.h", "xs_fence(); /* the tile's bytes are in the stage before C reads them */", ""),
                    new SourcePatch("s1k_tile.h", "} /* copied out */", "} xs_fence(); xs_fence(); /* copied out */")),
            Kernel.GEMM_I8, Variant.XSEED);

    public static final KernelBug SOFTMAX_BOUNDARY = new KernelBug("softmax-boundary",
            "softmax drops the elements exactly at diff_min (> where TFLite has >=)",
            List.of(new SourcePatch("softmax.h", "if (d >= diff_min) sum =", "if (d > diff_min) sum ="),
                    new SourcePatch("softmax.h", "if (d >= diff_min) {", "if (d > diff_min) {")),
            Kernel.SOFTMAX_I8, Variant.SCALAR);

    /** Every injected bug. */
    public static List<KernelBug> all() {
        return List.of(REQUANT_TIES_UP, TILE_EDGE_OFF_BY_ONE, CONV_WRONG_STRIDE, MXFP8_MISSED_SCALE, POOL_UNSIGNED_LOAD, MISPLACED_FENCE,
                SOFTMAX_BOUNDARY);
    }

    public static KernelBug named(String name) {
        for (KernelBug b : all()) if (b.name().equals(name)) return b;
        throw new IllegalArgumentException("no injected kernel bug named '" + name + "'; known: "
                + all().stream().map(KernelBug::name).toList());
    }
}
