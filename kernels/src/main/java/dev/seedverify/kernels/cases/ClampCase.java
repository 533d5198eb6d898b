package dev.seedverify.kernels.cases;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.ref.Reference;

import java.util.Map;

/** relu_i8 (out = max(in, lo)) or, with {@code six}, relu6_i8 (out = min(max(in, lo), hi)). */
public record ClampCase(boolean six, byte[] in, int lo, int hi) implements KernelCase {
    @Override public Kernel kernel() { return six ? Kernel.RELU6_I8 : Kernel.RELU_I8; }

    @Override
    public Map<String, Integer> scalars() { return six ? Map.of("n", in.length, "lo", lo, "hi", hi) : Map.of("n", in.length, "lo", lo); }

    @Override public Map<String, byte[]> inputs() { return Map.of("in", in); }

    @Override public Map<String, int[]> outputs() { return Map.of("out", new int[] {in.length}); }

    @Override public Map<String, byte[]> expected() { return Map.of("out", Reference.clamp(in, lo, six ? hi : 127)); }

    @Override
    public String toString() {
        return String.format("%s n=%d lo=%d%s in=%s", kernel().cName(), in.length, lo, six ? " hi=" + hi : "", Tensors.preview(in));
    }
}
