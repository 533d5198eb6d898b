package dev.seedverify.kernels.bench;

import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.BuildConfig;
import dev.seedverify.kernels.build.KernelBuilder;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.cases.GemmI8Case;
import dev.seedverify.kernels.cases.GemmMxfp8Case;
import dev.seedverify.kernels.cases.KernelCase;
import dev.seedverify.kernels.launch.KernelPlacement;
import dev.seedverify.kernels.launch.KernelRunner;
import dev.seedverify.driver.Launch;
import dev.seedverify.kernels.launch.KernelDevice;
import dev.seedverify.kernels.launch.LaunchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * GEMM throughput: multiply-accumulates per second of gemm_i8 and gemm_mxfp8 on the golden
 * model (the launch alone, records off, median of repeated launches after a second of warm-up) and cycles
 * per MAC on the RTL (cycles from the kernel's first instruction to its ecall), both variants,
 * with the outputs checked against the reference once per configuration.
 *
 * <pre>usage: KernelBenchmark [--config gcc:-O2] [--size 64] [--reps 5] [--no-rtl]</pre>
 */
public final class KernelBenchmark {
    private KernelBenchmark() {}

    public static void main(String[] args) {
        BuildConfig config = BuildConfig.standard();
        int size = 64, reps = 5;
        boolean rtl = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> config = BuildConfig.parse(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--no-rtl" -> rtl = false;
                default -> {
                    System.err.println("usage: KernelBenchmark [--config gcc:-O2] [--size 64] [--reps 5] [--no-rtl]");
                    System.exit(2);
                }
            }
        }
        KernelLibrary lib = KernelBuilder.build(config);
        SplittableRandom r = new SplittableRandom(1);
        List<KernelCase> cases = List.of(GemmI8Case.random(r, size, size, size), GemmMxfp8Case.random(r, size, size, size));
        System.out.printf("kernel GEMM benchmark: %s, m = n = k = %d (%d MACs), golden model median of %d launches%n%n", config, size,
                cases.get(0).macs(), reps);
        System.out.printf("%-22s %14s %14s %14s %12s%n", "kernel", "instructions", "golden MAC/s", "RTL cycles", "cycles/MAC");
        try (KernelDevice golden = KernelDevice.open("golden"); KernelDevice device = rtl ? KernelDevice.open("rtl") : null) {
            for (KernelCase c : cases) {
                for (Variant v : Variant.values()) {
                    KernelRunner.Outcome check = KernelRunner.run(c, lib, v, golden);
                    if (!check.passed()) throw new IllegalStateException("benchmark case fails: " + check);
                    double rate = goldenMacsPerSecond(c, lib, v, golden, reps);
                    long cycles = -1;
                    if (device != null) {
                        KernelRunner.Outcome o = KernelRunner.run(c, lib, v, device);
                        if (!o.passed()) throw new IllegalStateException("benchmark case fails on the RTL: " + o);
                        cycles = o.launch().cycles();
                    }
                    System.out.printf("%-22s %14d %14s %14s %12s%n", c.kernel().cName() + v.suffix(), check.launch().retired(),
                            String.format("%.3g", rate), cycles < 0 ? "-" : Long.toString(cycles),
                            cycles < 0 ? "-" : String.format("%.3f", (double) cycles / c.macs()));
                }
            }
        }
    }

    /** MACs per second of the launch alone (placement written once), median of {@code reps} after a second of warm-up launches (JIT). */
    static double goldenMacsPerSecond(KernelCase c, KernelLibrary lib, Variant v, KernelDevice golden, int reps) {
        try (KernelPlacement p = KernelRunner.place(c, lib, golden, 0)) {
            return macsPerSecond(c, golden, p.launch("args", v, KernelRunner.DEFAULT_BUDGET), reps);
        }
    }

    private static double macsPerSecond(KernelCase c, KernelDevice golden, Launch request, int reps) {
        long warm = System.nanoTime() + 1_000_000_000L;
        do {
            golden.launch(request);
        } while (System.nanoTime() < warm);
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            LaunchResult r = golden.launch(request);
            long dt = System.nanoTime() - t0;
            if (!r.ok()) throw new IllegalStateException("benchmark launch failed: " + r);
            rates.add(c.macs() / (dt / 1e9));
        }
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

}
