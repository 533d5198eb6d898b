package dev.seedverify.kernels.gate;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.cases.AddCase;
import dev.seedverify.kernels.cases.ClampCase;
import dev.seedverify.kernels.cases.ConvCase;
import dev.seedverify.kernels.cases.GemmI8Case;
import dev.seedverify.kernels.cases.GemmMxfp8Case;
import dev.seedverify.kernels.cases.KernelCase;
import dev.seedverify.kernels.cases.PoolCase;
import dev.seedverify.kernels.cases.SoftmaxCase;
import dev.seedverify.kernels.cases.Tensors;
import dev.seedverify.kernels.ref.Reference.ConvShape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed workload of the compiler gate and the benchmarks: one seeded case per kernel with
 * shapes that cross tile edges in every dimension, each run in both variants (a row per kernel
 * and variant), and the tiny CNN.
 */
public final class GateSuite {
    /** One row of the gate: a kernel case in one variant. */
    public record Row(String name, KernelCase kase, Variant variant) {}

    private GateSuite() {}

    public static List<KernelCase> cases(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<KernelCase> list = new ArrayList<>();
        list.add(GemmI8Case.random(r, 33, 17, 65));
        list.add(GemmMxfp8Case.random(r, 17, 9, 70));
        list.add(ConvCase.random(r, false, new ConvShape(9, 9, 4, 3, 3, 5, 9, 2, 1, 1, 1, 1, 1), 9));
        list.add(ConvCase.random(r, true, new ConvShape(9, 9, 9, 3, 3, 9, 9, 1, 1, 2, 2, 2, 2), 9));
        list.add(new ClampCase(false, Tensors.int8(r, 1000), r.nextInt(-128, 0), 127));
        list.add(new ClampCase(true, Tensors.int8(r, 777), -100, 60));
        list.add(new PoolCase(false, new ConvShape(10, 10, 9, 3, 3, 5, 5, 2, 2, 1, 1, 1, 1), Tensors.int8(r, 900)));
        list.add(new PoolCase(true, new ConvShape(10, 10, 9, 3, 3, 5, 5, 2, 2, 1, 1, 1, 1), Tensors.int8(r, 900)));
        list.add(AddCase.random(r, 300));
        list.add(SoftmaxCase.random(r, 4, 100));
        if (list.stream().map(KernelCase::kernel).distinct().count() != Kernel.values().length) {
            throw new IllegalStateException("the gate suite must cover every kernel");
        }
        return list;
    }

    /** Every case in both variants. */
    public static List<Row> rows(long seed) {
        List<Row> rows = new ArrayList<>();
        for (KernelCase c : cases(seed)) {
            for (Variant v : Variant.values()) rows.add(new Row(c.kernel().cName() + v.suffix(), c, v));
        }
        return rows;
    }
}
