package dev.seedverify.kernels.cases;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.ref.Reference;
import dev.seedverify.kernels.ref.Reference.ConvShape;

import java.util.Map;

/** maxpool_i8 or, with {@code average}, avgpool_i8 (the shape's dilation is 1). */
public record PoolCase(boolean average, ConvShape s, byte[] in) implements KernelCase {
    public PoolCase {
        if (s.dilH() != 1 || s.dilW() != 1) throw new IllegalArgumentException("pooling has no dilation");
        if (in.length != s.h() * s.w() * s.c()) throw new IllegalArgumentException("pooling input size does not match " + s);
    }

    @Override public Kernel kernel() { return average ? Kernel.AVGPOOL_I8 : Kernel.MAXPOOL_I8; }

    @Override
    public Map<String, Integer> scalars() {
        return Map.ofEntries(Map.entry("h", s.h()), Map.entry("w", s.w()), Map.entry("c", s.c()), Map.entry("kh", s.kh()),
                Map.entry("kw", s.kw()), Map.entry("oh", s.oh()), Map.entry("ow", s.ow()), Map.entry("stride_h", s.strideH()),
                Map.entry("stride_w", s.strideW()), Map.entry("pad_top", s.padTop()), Map.entry("pad_left", s.padLeft()));
    }

    @Override public Map<String, byte[]> inputs() { return Map.of("in", in); }

    @Override public Map<String, int[]> outputs() { return Map.of("out", new int[] {s.oh(), s.ow(), s.c()}); }

    @Override public Map<String, byte[]> expected() { return Map.of("out", Reference.pool(s, in, average)); }

    @Override
    public String toString() { return String.format("%s %s in=%s", kernel().cName(), s, Tensors.preview(in)); }
}
