package dev.seedverify.kernels.cases;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.KernelStatus;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.launch.KernelDevice;
import dev.seedverify.kernels.launch.KernelPlacement;
import dev.seedverify.kernels.launch.LaunchResult;
import dev.seedverify.kernels.ref.QuantParams;
import dev.seedverify.kernels.ref.Reference;
import dev.seedverify.kernels.ref.Reference.ConvShape;
import dev.seedverify.kernels.ref.SoftmaxReference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small INT8 CNN with seeded weights that chains eight kernels through device buffers, one
 * LAUNCH each, nothing copied back to the host between layers:
 * <pre>
 *   image 10x10x4 -conv2d 3x3 pad 1-> 10x10x8 -relu-> -maxpool 2x2/2-> 5x5x8 (p)
 *   p -depthwise 3x3 pad 1-> 5x5x8 (d);  d + p -add-> 5x5x8 -avgpool 2x2/2-> 2x2x8
 *   -> fully connected (gemm_i8, 32 -> 10) -> softmax -> 10 probabilities (zero point -128, scale 1/256)
 * </pre>
 * Every intermediate buffer is compared with the composition of the Java references, so a
 * wrong layer is named.
 */
public final class TinyCnn {
    static final int H = 10, W = 10, C = 4, F = 8, CLASSES = 10;

    /** One launch: its argument block name (also the layer's name), kernel and arguments. */
    public record Layer(String name, Kernel kernel, Map<String, Object> args, String output) {}

    private final long seed;
    private final Map<String, byte[]> inputs = new LinkedHashMap<>();
    private final Map<String, Integer> buffers = new LinkedHashMap<>();
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, byte[]> expected = new LinkedHashMap<>();

    private TinyCnn(long seed) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        byte[] image = Tensors.int8(r, H * W * C);
        inputs.put("picture", image);

        ConvShape conv = new ConvShape(H, W, C, 3, 3, H, W, 1, 1, 1, 1, 1, 1);
        byte[] convW = Tensors.int8(r, F * 9 * C);
        int[] convB = Tensors.int32(r, F, 2000);
        int zp1 = r.nextInt(-20, 20);
        QuantParams.Multiplier q1 = QuantParams.quantize(0.0021);
        inputs.put("conv_w", convW);
        inputs.put("conv_b", Tensors.words(convB));
        byte[] x1 = Reference.conv2d(conv, F, image, convW, convB, 3, q1.multiplier(), q1.shift(), zp1);
        layer("conv", Kernel.CONV2D_I8, "conv_out", x1, Map.ofEntries(e("in", "picture"), e("filter", "conv_w"), e("bias", "conv_b"),
                e("out", "conv_out"), e("h", H), e("w", W), e("cin", C), e("cout", F), e("kh", 3), e("kw", 3), e("oh", H), e("ow", W),
                e("stride_h", 1), e("stride_w", 1), e("pad_top", 1), e("pad_left", 1), e("dil_h", 1), e("dil_w", 1), e("in_zp", 3),
                e("q_mul", q1.multiplier()), e("q_shift", q1.shift()), e("q_zp", zp1)));

        byte[] x2 = Reference.clamp(x1, zp1, 127);
        layer("relu", Kernel.RELU_I8, "relu_out", x2, Map.of("in", "conv_out", "out", "relu_out", "n", x1.length, "lo", zp1));

        ConvShape pool = new ConvShape(H, W, F, 2, 2, H / 2, W / 2, 2, 2, 0, 0, 1, 1);
        byte[] x3 = Reference.pool(pool, x2, false);
        layer("maxpool", Kernel.MAXPOOL_I8, "pool_out", x3, poolArgs("relu_out", "pool_out", pool));

        ConvShape dw = new ConvShape(H / 2, W / 2, F, 3, 3, H / 2, W / 2, 1, 1, 1, 1, 1, 1);
        byte[] dwW = Tensors.int8(r, 9 * F);
        int[] dwB = Tensors.int32(r, F, 500);
        int zp4 = r.nextInt(-10, 10);
        QuantParams.Multiplier q4 = QuantParams.quantize(0.0105);
        inputs.put("dw_w", dwW);
        inputs.put("dw_b", Tensors.words(dwB));
        byte[] x4 = Reference.depthwise(dw, x3, dwW, dwB, zp1, q4.multiplier(), q4.shift(), zp4);
        layer("depthwise", Kernel.DEPTHWISE_CONV2D_I8, "dw_out", x4, Map.ofEntries(e("in", "pool_out"), e("filter", "dw_w"),
                e("bias", "dw_b"), e("out", "dw_out"), e("h", H / 2), e("w", W / 2), e("c", F), e("kh", 3), e("kw", 3), e("oh", H / 2),
                e("ow", W / 2), e("stride_h", 1), e("stride_w", 1), e("pad_top", 1), e("pad_left", 1), e("dil_h", 1), e("dil_w", 1),
                e("in_zp", zp1), e("q_mul", q4.multiplier()), e("q_shift", q4.shift()), e("q_zp", zp4)));

        QuantParams.Multiplier m1 = QuantParams.quantize(0.5), m2 = QuantParams.quantize(0.35), mo = QuantParams.quantize(1.0 / (1 << 20) / 0.6);
        int zp5 = r.nextInt(-10, 10);
        byte[] x5 = Reference.add(x4, x3, zp4, zp1, 20, m1.multiplier(), m1.shift(), m2.multiplier(), m2.shift(), mo.multiplier(), mo.shift(), zp5);
        layer("add", Kernel.ADD_I8, "add_out", x5, Map.ofEntries(e("in1", "dw_out"), e("in2", "pool_out"), e("out", "add_out"),
                e("n", x4.length), e("in1_zp", zp4), e("in2_zp", zp1), e("left_shift", 20), e("in1_mul", m1.multiplier()),
                e("in1_shift", m1.shift()), e("in2_mul", m2.multiplier()), e("in2_shift", m2.shift()), e("out_mul", mo.multiplier()),
                e("out_shift", mo.shift()), e("out_zp", zp5)));

        ConvShape avg = new ConvShape(H / 2, W / 2, F, 2, 2, 2, 2, 2, 2, 0, 0, 1, 1);
        byte[] x6 = Reference.pool(avg, x5, true);
        layer("avgpool", Kernel.AVGPOOL_I8, "avg_out", x6, poolArgs("add_out", "avg_out", avg));

        int k = x6.length;
        byte[] fcW = Tensors.int8(r, CLASSES * k);
        int[] fcB = Tensors.int32(r, CLASSES, 1000);
        int zp7 = r.nextInt(-10, 10);
        QuantParams.Multiplier q7 = QuantParams.quantize(0.0032);
        inputs.put("fc_w", fcW);
        inputs.put("fc_b", Tensors.words(fcB));
        byte[] x7 = Reference.gemmI8(1, CLASSES, k, x6, fcW, fcB, zp5, q7.multiplier(), q7.shift(), zp7);
        layer("fc", Kernel.GEMM_I8, "logits", x7, Map.ofEntries(e("a", "avg_out"), e("b", "fc_w"), e("bias", "fc_b"), e("c", "logits"),
                e("m", 1), e("n", CLASSES), e("k", k), e("a_zp", zp5), e("q_mul", q7.multiplier()), e("q_shift", q7.shift()), e("q_zp", zp7)));

        QuantParams.Softmax sm = QuantParams.softmax(1.0, 0.1);
        byte[] x8 = SoftmaxReference.softmax(x7, 1, CLASSES, sm.multiplier(), sm.leftShift(), sm.diffMin());
        layer("softmax", Kernel.SOFTMAX_I8, "probs", x8, Map.of("in", "logits", "out", "probs", "rows", 1, "cols", CLASSES,
                "input_mul", sm.multiplier(), "input_left_shift", sm.leftShift(), "diff_min", sm.diffMin()));
    }

    public static TinyCnn seeded(long seed) { return new TinyCnn(seed); }

    private static Map.Entry<String, Object> e(String k, Object v) { return Map.entry(k, v); }

    private static Map<String, Object> poolArgs(String in, String out, ConvShape s) {
        return Map.ofEntries(e("in", in), e("out", out), e("h", s.h()), e("w", s.w()), e("c", s.c()), e("kh", s.kh()), e("kw", s.kw()),
                e("oh", s.oh()), e("ow", s.ow()), e("stride_h", s.strideH()), e("stride_w", s.strideW()), e("pad_top", s.padTop()),
                e("pad_left", s.padLeft()));
    }

    private void layer(String name, Kernel kernel, String output, byte[] reference, Map<String, Object> args) {
        buffers.put(output, reference.length);
        expected.put(output, reference);
        layers.add(new Layer(name, kernel, args, output));
    }

    public long seed() { return seed; }

    public List<Layer> layers() { return List.copyOf(layers); }

    /** The reference value of every layer's output buffer. */
    public Map<String, byte[]> expected() { return Map.copyOf(expected); }

    /** The class probabilities of the reference (the last layer's output). */
    public byte[] referenceOutput() { return expected.get("probs").clone(); }

    /** Weights, image and every intermediate buffer allocated on the device, one argument block per layer. */
    public KernelPlacement place(KernelLibrary library, KernelDevice device) {
        KernelPlacement.Builder b = KernelPlacement.builder(library);
        inputs.forEach(b::input);
        buffers.forEach(b::output);
        for (Layer l : layers) b.args(l.name(), l.kernel(), l.args());
        return b.on(device);
    }

    /** How one layer's launch went. */
    public record LayerOutcome(Layer layer, LaunchResult launch, String problem) {}

    /** The network's run: per layer, and whether every buffer equals the reference. */
    public record Outcome(List<LayerOutcome> layers, byte[] output) {
        public boolean passed() { return layers.stream().allMatch(l -> l.problem() == null); }

        public long retired() { return layers.stream().mapToLong(l -> l.launch().retired()).sum(); }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (LayerOutcome l : layers) {
                s.append(String.format("  %-10s %-20s %s%s%n", l.layer().name(), l.layer().kernel().cName(), l.launch(),
                        l.problem() == null ? "" : " -- " + l.problem()));
            }
            return s.toString();
        }
    }

    /** Runs the eight launches through {@code device}'s driver, each reading the buffers the previous ones wrote. */
    public Outcome run(KernelLibrary library, Variant variant, KernelDevice device, long budget) {
        try (KernelPlacement p = place(library, device)) {
            byte[] before = p.contents();
            List<LayerOutcome> out = new ArrayList<>();
            for (Layer l : layers) {
                LaunchResult r = device.launch(p.launch(l.name(), variant, budget));
                byte[] after = p.readBack();
                String problem = null;
                if (!r.ok() || r.result() != KernelStatus.OK.code()) {
                    problem = "launch ended with " + r;
                } else {
                    byte[] got = p.slice(after, l.output()), want = expected.get(l.output());
                    int i = java.util.Arrays.mismatch(got, want);
                    List<String> stray = p.strayWrites(before, after, l.name());
                    if (i >= 0) problem = String.format("%s[%d] = %d, the reference is %d", l.output(), i, got[i], want[i]);
                    else if (!stray.isEmpty()) problem = "stray write: " + stray.get(0);
                }
                out.add(new LayerOutcome(l, r, problem));
                if (problem != null) return new Outcome(out, null);
                before = after;
            }
            return new Outcome(out, p.slice(before, "probs"));
        }
    }
}
