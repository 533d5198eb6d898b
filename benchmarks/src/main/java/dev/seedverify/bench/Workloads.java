package dev.seedverify.bench;

import dev.seedverify.golden.cli.RunProgram;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.elf.ElfLoader;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.ExecutionEngine;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.toolchain.CrossCompiler;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark workloads (C sources in {@code /workloads/}: a 64x64 int32 matmul, a bitwise
 * CRC-32 and a quicksort, 375-410 M instructions each; {@code crc32.h} is conformance-suite's,
 * copied in by the build) built for the S1 and run on the golden model, one run per process.
 * {@code benchmarks/run-workloads.sh} pairs these runs (and Spike's).
 *
 * <pre>
 * Workloads build DIR                      builds DIR/{matmul,crc32,qsort,empty}.elf (riscv64-unknown-elf-gcc -O2)
 * Workloads run [--engine interpreter|translator] [--mode off|records|trace] [--budget N] [--trace-out FILE] ELF
 * </pre>
 *
 * {@code run} prints one line: {@code name engine mode instructions wall-seconds wall-M-instr/s
 * cpu-seconds cpu-M-instr/s verdict process-cpu-seconds process-cpu-M-instr/s}. The time is the
 * run alone (after the JVM has started and the ELF is loaded), so JIT and translation costs count
 * and process start-up does not; the CPU time is the running thread's, which a machine shared
 * with other jobs inflates much less than the wall time; the process CPU time adds the JVM's own
 * threads (HotSpot compiling the translations, GC), which run beside the thread on spare cores.
 * {@code --budget} stops the run after N instructions (verdict TIMEOUT): the text
 * trace of a whole workload is tens of gigabytes. Modes: {@code off} no commit records;
 * {@code records} binary commit records into a 4096-record log, drained by a consumer that reads
 * them (what lockstep does before comparing); {@code trace} the {@code s1run --trace} text,
 * written to {@code --trace-out} (default /dev/null).
 */
public final class Workloads {
    public static final List<String> NAMES = List.of("matmul", "crc32", "qsort");
    static final long BUDGET = 2_000_000_000L;

    private Workloads() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("build")) {
            build(Path.of(args[1]));
            return;
        }
        if (args.length >= 2 && args[0].equals("run")) {
            System.out.println(run(args));
            return;
        }
        System.err.println("""
                usage: Workloads build DIR
                       Workloads run [--engine interpreter|translator] [--mode off|records|trace] [--budget N] [--trace-out FILE] ELF""");
        System.exit(2);
    }

    /** Compiles the workloads (and an empty program, for start-up times) into {@code dir}. */
    static void build(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : concat(NAMES, "empty")) {
            Path src = CrossCompiler.extractSource("/workloads/" + name + ".c", dir);
            CrossCompiler.compileProgram(List.of(src), dir.resolve(name + ".elf"), List.of("-O2"));
            System.out.println("built " + dir.resolve(name + ".elf"));
        }
    }

    private static List<String> concat(List<String> a, String b) {
        return java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(b)).toList();
    }

    static String run(String[] args) throws IOException {
        ExecutionEngine engine = ExecutionEngine.defaultEngine();
        String mode = "off";
        Path traceOut = Path.of("/dev/null");
        Path elf = null;
        long budget = BUDGET;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engine = ExecutionEngine.parse(args[++i]);
                case "--budget" -> budget = Long.parseLong(args[++i].replace("_", ""));
                case "--mode" -> mode = args[++i];
                case "--trace-out" -> traceOut = Path.of(args[++i]);
                default -> elf = Path.of(args[i]);
            }
        }
        if (elf == null) throw new IllegalArgumentException("no ELF given");
        if (!List.of("off", "records", "trace").contains(mode)) throw new IllegalArgumentException("unknown mode " + mode);
        ElfImage image = ElfLoader.read(elf);
        Hart hart = new Hart(new Memory(Memory.DEFAULT_BYTES), engine);
        BareMetal.load(hart, image);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        long p0 = os.getProcessCpuTime();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        BareMetal.Result result = switch (mode) {
            case "off" -> BareMetal.run(hart, budget);
            case "records" -> records(hart, budget);
            default -> trace(hart, budget, traceOut);
        };
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        double process = (os.getProcessCpuTime() - p0) / 1e9;
        String name = elf.getFileName().toString().replaceFirst("\\.elf$", "");
        return String.format(Locale.ROOT, "%s %s %s %d %.4f %.1f %.4f %.1f %s %.4f %.1f", name, engine.label(), mode, result.steps(),
                seconds, result.steps() / seconds / 1e6, cpu, result.steps() / cpu / 1e6, result.verdict(), process,
                result.steps() / process / 1e6);
    }

    /** Binary records: every record is read (a checksum over its fields) before the log is reused. */
    private static BareMetal.Result records(Hart hart, long budget) {
        hart.setCommitLog(new CommitLog(4096));
        long[] sum = {0};
        BareMetal.Result r = BareMetal.run(hart, budget, log -> {
            long s = sum[0];
            for (int i = 0; i < log.size(); i++) s = s * 31 + log.pcNext(i) + log.rdWdata(i) + log.memCount(i);
            sum[0] = s;
        });
        if (sum[0] == 42) System.err.println("(checksum " + sum[0] + ")"); // keeps the reads observable
        return r;
    }

    private static BareMetal.Result trace(Hart hart, long budget, Path out) throws IOException {
        try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            return RunProgram.traced(hart, budget, w);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
