package dev.seedverify.kernels.cases;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.ref.Reference;
import dev.seedverify.kernels.ref.Reference.ConvShape;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * conv2d_i8 (cout output channels, filter cout x kh x kw x c) or, with {@code depthwise},
 * depthwise_conv2d_i8 (filter kh x kw x c, cout = c).
 */
public record ConvCase(boolean depthwise, ConvShape s, int cout, byte[] in, byte[] filter, int[] bias, int inZp, int mul, int shift,
                       int zp) implements KernelCase {
    public ConvCase {
        int f = depthwise ? s.kh() * s.kw() * s.c() : cout * s.kh() * s.kw() * s.c();
        if (depthwise && cout != s.c()) throw new IllegalArgumentException("depthwise: cout must equal c");
        if (in.length != s.h() * s.w() * s.c() || filter.length != f || bias.length != cout) {
            throw new IllegalArgumentException("convolution tensor sizes do not match " + s);
        }
    }

    /** Output extent of an input extent for a window (TFLite: padding on both sides). */
    public static int outSize(int in, int k, int stride, int padBefore, int padAfter, int dil) {
        return (in + padBefore + padAfter - dil * (k - 1) - 1) / stride + 1;
    }

    public static ConvCase random(SplittableRandom r, boolean depthwise, ConvShape s, int cout) {
        int depth = depthwise ? s.kh() * s.kw() : s.kh() * s.kw() * s.c();
        int shift = -(Math.max(1, 31 - Integer.numberOfLeadingZeros(depth * 128 * 64)) - 7 + r.nextInt(-2, 3));
        int f = depthwise ? depth * s.c() : cout * depth;
        return new ConvCase(depthwise, s, cout, Tensors.int8(r, s.h() * s.w() * s.c()), Tensors.int8(r, f), Tensors.int32(r, cout, 1 << 12),
                r.nextInt(-128, 128), 0x4000_0000 + r.nextInt(0x3FFF_FFFF), Math.max(-31, shift), r.nextInt(-128, 128));
    }

    @Override public Kernel kernel() { return depthwise ? Kernel.DEPTHWISE_CONV2D_I8 : Kernel.CONV2D_I8; }

    @Override
    public Map<String, Integer> scalars() {
        Map<String, Integer> m = new HashMap<>();
        m.put("h", s.h());
        m.put("w", s.w());
        m.put(depthwise ? "c" : "cin", s.c());
        if (!depthwise) m.put("cout", cout);
        m.put("kh", s.kh());
        m.put("kw", s.kw());
        m.put("oh", s.oh());
        m.put("ow", s.ow());
        m.put("stride_h", s.strideH());
        m.put("stride_w", s.strideW());
        m.put("pad_top", s.padTop());
        m.put("pad_left", s.padLeft());
        m.put("dil_h", s.dilH());
        m.put("dil_w", s.dilW());
        m.put("in_zp", inZp);
        m.put("q_mul", mul);
        m.put("q_shift", shift);
        m.put("q_zp", zp);
        return m;
    }

    @Override public Map<String, byte[]> inputs() { return Map.of("in", in, "filter", filter, "bias", Tensors.words(bias)); }

    @Override public Map<String, int[]> outputs() { return Map.of("out", new int[] {s.oh(), s.ow(), cout}); }

    @Override
    public Map<String, byte[]> expected() {
        return Map.of("out", depthwise ? Reference.depthwise(s, in, filter, bias, inZp, mul, shift, zp)
                : Reference.conv2d(s, cout, in, filter, bias, inZp, mul, shift, zp));
    }

    @Override
    public long macs() { return (long) s.oh() * s.ow() * cout * s.kh() * s.kw() * (depthwise ? 1 : s.c()); }

    @Override
    public String toString() {
        return String.format("%s %s cout=%d in_zp=%d requant(mul=%d, shift=%d, zp=%d) in=%s filter=%s bias=%s", kernel().cName(), s, cout,
                inZp, mul, shift, zp, Tensors.preview(in), Tensors.preview(filter), Tensors.preview(bias));
    }
}
