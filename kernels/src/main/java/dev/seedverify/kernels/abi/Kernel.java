package dev.seedverify.kernels.abi;

import java.util.List;
import java.util.Locale;

import static dev.seedverify.kernels.abi.Arg.i32;
import static dev.seedverify.kernels.abi.Arg.ptr;
import static dev.seedverify.kernels.abi.Arg.u32;
import static dev.seedverify.kernels.abi.ArgType.IN_I32;
import static dev.seedverify.kernels.abi.ArgType.IN_I8;
import static dev.seedverify.kernels.abi.ArgType.IN_U8;
import static dev.seedverify.kernels.abi.ArgType.OUT_I8;
import static dev.seedverify.kernels.abi.ArgType.OUT_U32;

/**
 * The kernel ABI: every kernel of the library and the layout of its argument block, the one
 * definition that {@code s1_kernels.h} (C structs with static offset checks, entry points) is
 * generated from and that the launcher writes argument blocks with. A launch passes the block's
 * address in a0; word i of the block is argument i. The exact semantics of each kernel are in
 * kernels/README.md and in the comment at the top of its C source.
 */
public enum Kernel {
    GEMM_I8("int8 GEMM: c[m][n] = requant(bias[n] + sum_k (a[m][k] - a_zp) * b[n][k])",
            ptr("a", IN_I8, "m x k, row-major"), ptr("b", IN_I8, "n x k, row-major (the weights, transposed)"),
            ptr("bias", IN_I32, "n"), ptr("c", OUT_I8, "m x n, row-major"),
            u32("m", "rows of a and c, >= 1"), u32("n", "rows of b, columns of c, >= 1"), u32("k", "depth, >= 1"),
            i32("a_zp", "zero point of a, -128..127"), i32("q_mul", "requant multiplier"),
            i32("q_shift", "requant shift, -31..30"), i32("q_zp", "output zero point, -128..127")),
    GEMM_MXFP8("MXFP8 GEMM: c[m][n] = binary32 sum over 32-wide k blocks of tmma.e4m3 block products (spec §2.4)",
            ptr("a", IN_U8, "m x k E4M3 codes"), ptr("b", IN_U8, "n x k E4M3 codes"),
            ptr("a_scale", IN_U8, "m x ceil(k/32) UE8M0 scales"), ptr("b_scale", IN_U8, "n x ceil(k/32) UE8M0 scales"),
            ptr("c", OUT_U32, "m x n binary32 bits"), u32("m", ">= 1"), u32("n", ">= 1"), u32("k", ">= 1")),
    CONV2D_I8("int8 2-D convolution, NHWC with batch 1, filter OHWI: requant(bias + sum (x - in_zp) * f), padding contributes 0",
            ptr("in", IN_I8, "h x w x cin"), ptr("filter", IN_I8, "cout x kh x kw x cin"), ptr("bias", IN_I32, "cout"),
            ptr("out", OUT_I8, "oh x ow x cout"),
            u32("h", ">= 1"), u32("w", ">= 1"), u32("cin", ">= 1"), u32("cout", ">= 1"), u32("kh", ">= 1"), u32("kw", ">= 1"),
            u32("oh", ">= 1"), u32("ow", ">= 1"), u32("stride_h", ">= 1"), u32("stride_w", ">= 1"),
            u32("pad_top", "rows of padding above"), u32("pad_left", "columns of padding to the left"),
            u32("dil_h", "dilation, >= 1"), u32("dil_w", "dilation, >= 1"),
            i32("in_zp", "-128..127"), i32("q_mul", "requant multiplier"), i32("q_shift", "-31..30"), i32("q_zp", "-128..127")),
    DEPTHWISE_CONV2D_I8("int8 depthwise convolution (depth multiplier 1), NHWC, filter kh x kw x c",
            ptr("in", IN_I8, "h x w x c"), ptr("filter", IN_I8, "kh x kw x c"), ptr("bias", IN_I32, "c"),
            ptr("out", OUT_I8, "oh x ow x c"),
            u32("h", ">= 1"), u32("w", ">= 1"), u32("c", ">= 1"), u32("kh", ">= 1"), u32("kw", ">= 1"),
            u32("oh", ">= 1"), u32("ow", ">= 1"), u32("stride_h", ">= 1"), u32("stride_w", ">= 1"),
            u32("pad_top", ""), u32("pad_left", ""), u32("dil_h", ">= 1"), u32("dil_w", ">= 1"),
            i32("in_zp", "-128..127"), i32("q_mul", "requant multiplier"), i32("q_shift", "-31..30"), i32("q_zp", "-128..127")),
    RELU_I8("quantised ReLU: out = max(in, lo)",
            ptr("in", IN_I8, "n"), ptr("out", OUT_I8, "n"), u32("n", ">= 1"), i32("lo", "the output zero point, -128..127")),
    RELU6_I8("quantised ReLU6: out = min(max(in, lo), hi)",
            ptr("in", IN_I8, "n"), ptr("out", OUT_I8, "n"), u32("n", ">= 1"), i32("lo", "-128..127"),
            i32("hi", "the quantised 6, -128..127")),
    MAXPOOL_I8("int8 max pooling, NHWC: the maximum over the window's positions inside the input",
            ptr("in", IN_I8, "h x w x c"), ptr("out", OUT_I8, "oh x ow x c"),
            u32("h", ">= 1"), u32("w", ">= 1"), u32("c", ">= 1"), u32("kh", ">= 1"), u32("kw", ">= 1"),
            u32("oh", ">= 1"), u32("ow", ">= 1"), u32("stride_h", ">= 1"), u32("stride_w", ">= 1"),
            u32("pad_top", "< kh"), u32("pad_left", "< kw")),
    AVGPOOL_I8("int8 average pooling, NHWC: the rounded mean over the window's positions inside the input",
            ptr("in", IN_I8, "h x w x c"), ptr("out", OUT_I8, "oh x ow x c"),
            u32("h", ">= 1"), u32("w", ">= 1"), u32("c", ">= 1"), u32("kh", ">= 1"), u32("kw", ">= 1"),
            u32("oh", ">= 1"), u32("ow", ">= 1"), u32("stride_h", ">= 1"), u32("stride_w", ">= 1"),
            u32("pad_top", "< kh"), u32("pad_left", "< kw")),
    ADD_I8("quantised elementwise add with rescaling (TFLite's int8 ADD)",
            ptr("in1", IN_I8, "n"), ptr("in2", IN_I8, "n"), ptr("out", OUT_I8, "n"), u32("n", ">= 1"),
            i32("in1_zp", "-128..127"), i32("in2_zp", "-128..127"), i32("left_shift", "0..20"),
            i32("in1_mul", ""), i32("in1_shift", "-31..0"), i32("in2_mul", ""), i32("in2_shift", "-31..0"),
            i32("out_mul", ""), i32("out_shift", "-31..0"), i32("out_zp", "-128..127")),
    SOFTMAX_I8("int8 softmax over each row (TFLite's integer softmax, gemmlowp fixed point); output zero point -128, scale 1/256",
            ptr("in", IN_I8, "rows x cols"), ptr("out", OUT_I8, "rows x cols"), u32("rows", ">= 1"), u32("cols", ">= 1"),
            i32("input_mul", "input_beta_multiplier, >= 0"), i32("input_left_shift", "0..31"),
            i32("diff_min", "<= 0"));

    private final String summary;
    private final List<Arg> args;

    Kernel(String summary, Arg... args) {
        this.summary = summary;
        this.args = List.of(args);
    }

    /** The C name, e.g. {@code gemm_i8}. */
    public String cName() { return name().toLowerCase(Locale.ROOT); }

    public String summary() { return summary; }

    /** The argument block, word by word. */
    public List<Arg> args() { return args; }

    /** Bytes of the argument block. */
    public int argBlockBytes() { return 4 * args.size(); }

    /** Word index of argument {@code name}. */
    public int argIndex(String name) {
        for (int i = 0; i < args.size(); i++) if (args.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException(cName() + " has no argument '" + name + "'");
    }

    /** The C function implementing {@code variant}, e.g. {@code s1k_gemm_i8_scalar}. */
    public String function(Variant variant) { return "s1k_" + cName() + variant.suffix(); }

    /** The entry symbol a LAUNCH starts at: calls {@link #function} and ends with ecall. */
    public String entrySymbol(Variant variant) { return "s1k_entry_" + cName() + variant.suffix(); }

    /** The C struct of the argument block. */
    public String argStruct() { return "struct s1k_" + cName() + "_args"; }
}
