package dev.seedverify.kernels.cases;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.ref.QuantParams;
import dev.seedverify.kernels.ref.SoftmaxReference;

import java.util.Map;
import java.util.SplittableRandom;

/** softmax_i8 of a rows x cols matrix. */
public record SoftmaxCase(int rows, int cols, byte[] in, int mul, int leftShift, int diffMin) implements KernelCase {
    public SoftmaxCase {
        if (in.length != rows * cols) throw new IllegalArgumentException("softmax input size does not match " + rows + "x" + cols);
    }

    /** Parameters as TFLite derives them for beta 1 and an input scale in [1/64, 1/4]. */
    public static SoftmaxCase random(SplittableRandom r, int rows, int cols) {
        QuantParams.Softmax p = QuantParams.softmax(1.0, 1.0 / 64 + r.nextDouble() * (1.0 / 4 - 1.0 / 64));
        return new SoftmaxCase(rows, cols, Tensors.int8(r, rows * cols), p.multiplier(), p.leftShift(), p.diffMin());
    }

    @Override public Kernel kernel() { return Kernel.SOFTMAX_I8; }

    @Override
    public Map<String, Integer> scalars() {
        return Map.of("rows", rows, "cols", cols, "input_mul", mul, "input_left_shift", leftShift, "diff_min", diffMin);
    }

    @Override public Map<String, byte[]> inputs() { return Map.of("in", in); }

    @Override public Map<String, int[]> outputs() { return Map.of("out", new int[] {rows, cols}); }

    @Override public Map<String, byte[]> expected() { return Map.of("out", SoftmaxReference.softmax(in, rows, cols, mul, leftShift, diffMin)); }

    @Override
    public String toString() {
        return String.format("softmax_i8 %dx%d input(mul=%d, left_shift=%d, diff_min=%d) in=%s", rows, cols, mul, leftShift, diffMin,
                Tensors.preview(in));
    }
}
