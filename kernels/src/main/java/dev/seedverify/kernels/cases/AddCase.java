package dev.seedverify.kernels.cases;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.ref.QuantParams;
import dev.seedverify.kernels.ref.Reference;

import java.util.Map;
import java.util.SplittableRandom;

/** add_i8 with TFLite's parameters. */
public record AddCase(byte[] in1, byte[] in2, int zp1, int zp2, int leftShift, int mul1, int shift1, int mul2, int shift2, int outMul,
                      int outShift, int outZp) implements KernelCase {
    public AddCase {
        if (in1.length != in2.length) throw new IllegalArgumentException("add_i8 inputs differ in length");
    }

    /** Parameters as TFLite derives them from three scales (left shift 20). */
    public static AddCase random(SplittableRandom r, int n) {
        double s1 = 0.01 + r.nextDouble() * 0.1, s2 = 0.01 + r.nextDouble() * 0.1, so = 0.02 + r.nextDouble() * 0.2;
        double twice = 2 * Math.max(s1, s2);
        QuantParams.Multiplier m1 = QuantParams.quantize(s1 / twice), m2 = QuantParams.quantize(s2 / twice);
        QuantParams.Multiplier mo = QuantParams.quantize(twice / ((1 << 20) * so));
        return new AddCase(Tensors.int8(r, n), Tensors.int8(r, n), r.nextInt(-128, 128), r.nextInt(-128, 128), 20, m1.multiplier(),
                m1.shift(), m2.multiplier(), m2.shift(), mo.multiplier(), mo.shift(), r.nextInt(-128, 128));
    }

    @Override public Kernel kernel() { return Kernel.ADD_I8; }

    @Override
    public Map<String, Integer> scalars() {
        return Map.ofEntries(Map.entry("n", in1.length), Map.entry("in1_zp", zp1), Map.entry("in2_zp", zp2),
                Map.entry("left_shift", leftShift), Map.entry("in1_mul", mul1), Map.entry("in1_shift", shift1), Map.entry("in2_mul", mul2),
                Map.entry("in2_shift", shift2), Map.entry("out_mul", outMul), Map.entry("out_shift", outShift), Map.entry("out_zp", outZp));
    }

    @Override public Map<String, byte[]> inputs() { return Map.of("in1", in1, "in2", in2); }

    @Override public Map<String, int[]> outputs() { return Map.of("out", new int[] {in1.length}); }

    @Override
    public Map<String, byte[]> expected() {
        return Map.of("out", Reference.add(in1, in2, zp1, zp2, leftShift, mul1, shift1, mul2, shift2, outMul, outShift, outZp));
    }

    @Override
    public String toString() {
        return String.format("add_i8 n=%d zp=(%d, %d) left=%d in1=(%d, %d) in2=(%d, %d) out=(%d, %d, zp %d) in1=%s in2=%s", in1.length,
                zp1, zp2, leftShift, mul1, shift1, mul2, shift2, outMul, outShift, outZp, Tensors.preview(in1), Tensors.preview(in2));
    }
}
