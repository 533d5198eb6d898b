package dev.seedverify.kernels;

import dev.seedverify.kernels.cases.AddCase;
import dev.seedverify.kernels.cases.ClampCase;
import dev.seedverify.kernels.cases.ConvCase;
import dev.seedverify.kernels.cases.GemmI8Case;
import dev.seedverify.kernels.cases.GemmMxfp8Case;
import dev.seedverify.kernels.cases.KernelCase;
import dev.seedverify.kernels.cases.PoolCase;
import dev.seedverify.kernels.cases.SoftmaxCase;
import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.launch.KernelPlacement;
import dev.seedverify.kernels.launch.KernelRunner;
import dev.seedverify.kernels.ref.QuantParams;
import dev.seedverify.kernels.ref.Reference.ConvShape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of kernel cases. Shapes come from the tile edges (1, 7, 8, 9, 31, 32, 33) and a
 * few larger sizes; data are whole byte arrays (jqwik mixes in -128, 127, 0, +-1 and shrinks
 * every element towards 0); quantisation parameters mix realistic values with the extremes (zero
 * points -128/127, shifts -31/30, multipliers 2^30, 2^31 - 1, -2^31), E4M3 codes with NaN, +-448
 * and subnormals, scales 0, 254 and 0xFF. Shrinking goes to the smallest shape, then the
 * simplest data.
 */
public final class KernelArbitraries {
    private KernelArbitraries() {}

    /** A tile-edge extent, now and then a larger one. */
    public static Arbitrary<Integer> dim() {
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(1, 7, 8, 9, 31, 32, 33)), Tuple.of(1, Arbitraries.integers().between(34, 72)));
    }

    /** How the tensors are filled: shrinks towards zeros and small values. */
    public static Arbitrary<DataSpec> data() {
        return Combinators.combine(Arbitraries.of(DataSpec.Flavour.values()), Arbitraries.longs().between(0, 1_000_000))
                .as(DataSpec::new).withoutEdgeCases();
    }

    static Arbitrary<Integer> zeroPoint() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(-128, 127)), Tuple.of(1, Arbitraries.of(0, -128, 127)));
    }

    /** A requant multiplier: mostly TFLite's normalised [2^30, 2^31), sometimes an extreme. */
    static Arbitrary<Integer> multiplier() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(1 << 30, Integer.MAX_VALUE)),
                Tuple.of(2, Arbitraries.of(1 << 30, Integer.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, -(1 << 30), 1, 0)));
    }

    /** A requant shift: mostly the right shifts that scale an accumulator into int8, sometimes an end of the range. */
    static Arbitrary<Integer> shift() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(-16, 0)), Tuple.of(1, Arbitraries.integers().between(-31, 30)),
                Tuple.of(1, Arbitraries.of(-31, 30, 1)));
    }

    /** Requant parameters (multiplier, shift, zero point). */
    record Requant(int mul, int shift, int zp) {}

    static Arbitrary<Requant> requant() { return Combinators.combine(multiplier(), shift(), zeroPoint()).as(Requant::new); }

    public static Arbitrary<GemmI8Case> gemmI8() {
        return Combinators.combine(dim(), dim(), dim(), zeroPoint(), requant(), data()).as((m, n, k, aZp, q, d) ->
                new GemmI8Case(m, n, k, d.int8(m * k, 0), d.int8(n * k, 1), d.int32(n, 1 << 20, 2), aZp, q.mul(), q.shift(), q.zp()));
    }

    public static Arbitrary<GemmMxfp8Case> gemmMxfp8() {
        return Combinators.combine(dim(), dim(), dim(), data()).as((m, n, k, d) -> {
            int blocks = (k + 31) / 32;
            return new GemmMxfp8Case(m, n, k, d.codes(m * k, 0), d.codes(n * k, 1), d.scales(m * blocks, 2), d.scales(n * blocks, 3));
        });
    }

    /** Shape of a convolution or pooling before the output extent is derived. */
    record Window(int h, int w, int c, int kh, int kw, int sh, int sw, int dil) {}

    /** Convolution shapes with stride, padding and dilation; the output extent follows TFLite's rule. */
    static Arbitrary<ConvShape> convShape(boolean pooling) {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 9);
        Arbitrary<Integer> channels = pooling ? Arbitraries.of(1, 3, 8, 9, 17) : Arbitraries.of(1, 3, 4, 8, 9);
        Arbitrary<Integer> window = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> stride = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> dilation = pooling ? Arbitraries.just(1) : Arbitraries.integers().between(1, 2);
        Arbitrary<Integer> pad = Arbitraries.integers().between(0, 2);
        Arbitrary<Window> win = Combinators.combine(size, size, channels, window, window, stride, stride, dilation).as(Window::new);
        return Combinators.combine(win, pad, pad, pad, pad, dilation).as((x, pt, pb, pl, pr, dw) -> {
            int top = pooling ? Math.min(pt, x.kh() - 1) : pt, left = pooling ? Math.min(pl, x.kw() - 1) : pl;
            int bottom = pooling ? Math.min(pb, x.kh() - 1) : pb, right = pooling ? Math.min(pr, x.kw() - 1) : pr;
            int dwv = pooling ? 1 : dw;
            int oh = ConvCase.outSize(x.h(), x.kh(), x.sh(), top, bottom, x.dil()), ow = ConvCase.outSize(x.w(), x.kw(), x.sw(), left, right, dwv);
            return new ConvShape(x.h(), x.w(), x.c(), x.kh(), x.kw(), oh, ow, x.sh(), x.sw(), top, left, x.dil(), dwv);
        }).filter(s -> s.oh() >= 1 && s.ow() >= 1 && (!pooling || ((s.oh() - 1) * s.strideH() - s.padTop() < s.h()
                && (s.ow() - 1) * s.strideW() - s.padLeft() < s.w())));
    }

    public static Arbitrary<ConvCase> conv(boolean depthwise) {
        Arbitrary<Integer> cout = Arbitraries.of(1, 5, 8, 9);
        return Combinators.combine(convShape(false), cout, zeroPoint(), requant(), data()).as((s, co, inZp, q, d) -> {
            int outC = depthwise ? s.c() : co;
            int f = depthwise ? s.kh() * s.kw() * s.c() : outC * s.kh() * s.kw() * s.c();
            return new ConvCase(depthwise, s, outC, d.int8(s.h() * s.w() * s.c(), 0), d.int8(f, 1), d.int32(outC, 1 << 16, 2), inZp, q.mul(),
                    q.shift(), q.zp());
        });
    }

    public static Arbitrary<ClampCase> clamp(boolean six) {
        Arbitrary<Integer> n = Arbitraries.of(1, 7, 8, 31, 32, 33, 255, 256, 257, 280, 281, 600);
        return Combinators.combine(n, zeroPoint(), zeroPoint(), data()).as((len, lo, hi, d) -> new ClampCase(six, d.int8(len, 0), lo, six ? hi : 127));
    }

    public static Arbitrary<PoolCase> pool(boolean average) {
        return Combinators.combine(convShape(true), data()).as((s, d) -> new PoolCase(average, s, d.int8(s.h() * s.w() * s.c(), 0)));
    }

    public static Arbitrary<AddCase> add() {
        Arbitrary<Integer> n = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(1, 7, 8, 63, 64, 65)), Tuple.of(1, Arbitraries.integers().between(2, 200)));
        Arbitrary<Integer> inShift = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(-3, 0)), Tuple.of(1, Arbitraries.integers().between(-31, 0)));
        Arbitrary<Integer> outShift = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(-22, -14)), Tuple.of(1, Arbitraries.integers().between(-31, 0)));
        Arbitrary<Integer> left = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(20)), Tuple.of(1, Arbitraries.integers().between(0, 20)));
        Arbitrary<Requant> in1 = Combinators.combine(multiplier(), inShift, zeroPoint()).as(Requant::new);
        Arbitrary<Requant> in2 = Combinators.combine(multiplier(), inShift, zeroPoint()).as(Requant::new);
        Arbitrary<Requant> out = Combinators.combine(multiplier(), outShift, zeroPoint()).as(Requant::new);
        return Combinators.combine(n, left, in1, in2, out, data()).as((len, l, a, b, o, d) ->
                new AddCase(d.int8(len, 0), d.int8(len, 1), a.zp(), b.zp(), l, a.mul(), a.shift(), b.mul(), b.shift(), o.mul(), o.shift(), o.zp()));
    }

    public static Arbitrary<SoftmaxCase> softmax() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> cols = Arbitraries.of(1, 7, 8, 9, 31, 32, 33, 64, 65, 100, 256);
        Arbitrary<int[]> realistic = Arbitraries.integers().between(1, 64).map(i -> i / 128.0).map(scale -> {
            QuantParams.Softmax p = QuantParams.softmax(1.0, scale);
            return new int[] {p.multiplier(), p.leftShift(), p.diffMin()};
        });
        Arbitrary<int[]> raw = Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(-255, 0)).as((m, l, dm) -> new int[] {m, l, dm});
        Arbitrary<int[]> params = Arbitraries.frequencyOf(Tuple.of(3, realistic), Tuple.of(1, raw));
        return Combinators.combine(rows, cols, params, data()).as((r, c, p, d) -> new SoftmaxCase(r, c, d.int8(r * c, 0), p[0], p[1], p[2]));
    }

    /** Cases of {@code kernel}. */
    public static Arbitrary<? extends KernelCase> of(Kernel kernel) {
        return switch (kernel) {
            case GEMM_I8 -> gemmI8();
            case GEMM_MXFP8 -> gemmMxfp8();
            case CONV2D_I8 -> conv(false);
            case DEPTHWISE_CONV2D_I8 -> conv(true);
            case RELU_I8 -> clamp(false);
            case RELU6_I8 -> clamp(true);
            case MAXPOOL_I8 -> pool(false);
            case AVGPOOL_I8 -> pool(true);
            case ADD_I8 -> add();
            case SOFTMAX_I8 -> softmax();
        };
    }

    /** Bytes allocated before a case's placement (up to 64 KiB, a multiple of the placement alignment): it moves the image and buffers. */
    public static Arbitrary<Integer> filler() {
        return Arbitraries.integers().between(0, 1023).map(i -> i * KernelPlacement.ALIGN);
    }
}
