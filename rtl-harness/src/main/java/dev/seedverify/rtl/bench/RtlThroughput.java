package dev.seedverify.rtl.bench;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.elf.ElfLoader;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.RtlSimulator;
import dev.seedverify.rtl.RunResult;

import java.nio.file.Path;

/**
 * Throughput of the RTL simulation through the Java binding, the counterpart of the native
 * {@code s1bench} (src/main/cpp/bench_main.cpp): same model library, same program, same batches.
 * Each run loads the ELF, resets in bare mode and runs to the tohost halt, draining every batch of
 * records into a {@link CommitLog} (what {@link dev.seedverify.rtl.RtlBackend} does for the lockstep
 * comparator). One untimed warm-up run, then the best of {@code --reps} timed runs.
 *
 * <p>usage: {@code RtlThroughput --elf program.elf [--lib libs1model.so] [--batch 256] [--reps 3]
 * [--max-cycles N] [--count-only]}; see {@code src/main/scripts/bench.sh}. {@code --count-only} runs
 * without a log (records only counted). Rates are reported per wall-clock second and per CPU
 * second of the running thread (robust against other processes on a shared machine).
 */
public final class RtlThroughput {
    private RtlThroughput() {}

    record Stats(long cycles, long records, long retired, double seconds, double cpuSeconds, RunResult.Status status,
                 int tohost) {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path elf = null, lib = null;
        int batch = 256, reps = 3;
        boolean countOnly = false;
        long maxCycles = 2_000_000_000L;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--count-only")) {
                countOnly = true;
                continue;
            }
            if (i + 1 >= args.length) usage("missing value after " + a);
            switch (a) {
                case "--elf" -> elf = Path.of(args[++i]);
                case "--lib" -> lib = Path.of(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--max-cycles" -> maxCycles = Long.decode(args[++i]);
                default -> usage("unknown option " + a);
            }
        }
        if (elf == null) usage("--elf is required");
        RtlModel model = lib != null ? RtlModel.load(lib) : RtlModel.builtIn();
        ElfImage image = ElfLoader.read(elf);
        try (RtlSimulator sim = RtlSimulator.create(model, model.dramBytes(), batch)) {
            CommitLog log = countOnly ? null : new CommitLog(batch);
            Stats warm = runOnce(sim, image, log, batch, maxCycles);
            if (warm.status() != RunResult.Status.HALTED) {
                throw new IllegalStateException("the program did not halt: " + warm.status());
            }
            Stats best = null, bestCpu = null;
            for (int r = 0; r < reps; r++) {
                Stats s = runOnce(sim, image, log, batch, maxCycles);
                System.out.printf("run %d: %.3fs (cpu %.3fs) cycles=%d retired=%d records=%d -> %.0f cycles/s %.0f instr/s%n",
                        r + 1, s.seconds(), s.cpuSeconds(), s.cycles(), s.retired(), s.records(), s.cycles() / s.seconds(),
                        s.retired() / s.seconds());
                if (best == null || s.seconds() < best.seconds()) best = s;
                if (bestCpu == null || s.cpuSeconds() < bestCpu.cpuSeconds()) bestCpu = s;
            }
            System.out.printf("java: batch=%d%s cycles=%d retired=%d tohost=%d best=%.3fs cycles/s=%.0f instr/s=%.0f records/s=%.0f "
                            + "cpu_cycles/s=%.0f cpu_instr/s=%.0f%n",
                    batch, countOnly ? " count-only" : "", best.cycles(), best.retired(), best.tohost(), best.seconds(),
                    best.cycles() / best.seconds(), best.retired() / best.seconds(), best.records() / best.seconds(),
                    bestCpu.cycles() / bestCpu.cpuSeconds(), bestCpu.retired() / bestCpu.cpuSeconds());
        }
    }

    /** One run to the halt, batch by batch, as RtlBackend.advance does it. */
    static Stats runOnce(RtlSimulator sim, ElfImage image, CommitLog log, int batch, long maxCycles) {
        sim.load(image);
        sim.resetBare();
        long cycles = 0, records = 0, retired = 0, sink = 0;
        RunResult r;
        long t0 = System.nanoTime(), c0 = THREADS.getCurrentThreadCpuTime();
        while (true) {
            if (log != null) log.clear();
            r = sim.run(maxCycles - cycles, batch, log);
            cycles += r.cycles();
            records += r.records();
            retired += r.retired();
            // Touch the drained batch like a consumer would (as s1bench does: one int per record).
            if (log != null) for (int i = 0; i < log.size(); i++) sink += log.pc(i);
            if (r.status() != RunResult.Status.RECORD_LIMIT || cycles >= maxCycles) break;
        }
        double secs = (System.nanoTime() - t0) / 1e9, cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        if (sink == 42) System.out.print(' ');
        return new Stats(cycles, records, retired, secs, cpu, r.status(), r.tohostValue());
    }

    private static void usage(String message) {
        System.err.println("RtlThroughput: " + message);
        System.err.println("usage: RtlThroughput --elf program.elf [--lib libs1model.so] [--batch 256] [--reps 3] [--max-cycles N] "
                + "[--count-only]");
        System.exit(2);
    }
}
