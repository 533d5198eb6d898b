import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.TraceFormat;
import dev.seedverify.golden.elf.ElfLoader;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The golden model that issue 14 measured against Spike (commit fb9a5cb, before the translator),
 * run the way {@code dev.seedverify.bench.Workloads run} runs today's: the same modes, the same
 * log size and record consumer, the same output line. Spike is not installable here, so
 * {@code run-workloads.sh --reference} re-measures this build beside today's and scales Spike's
 * figure by the ratios the issue measured between the two. Compiled by that script against the
 * reference build's classes only (it uses nothing that build lacks); not part of the Maven build.
 *
 * <p>Usage: {@code IssueReference off|records|trace BUDGET ELF}
 */
public final class IssueReference {
    public static void main(String[] args) throws IOException {
        String mode = args[0];
        long budget = Long.parseLong(args[1]);
        Path elf = Path.of(args[2]);
        Hart hart = new Hart(new Memory(Memory.DEFAULT_BYTES));
        BareMetal.load(hart, ElfLoader.read(elf));
        var threads = ManagementFactory.getThreadMXBean();
        var os = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        long p0 = os.getProcessCpuTime(), c0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        BareMetal.Result result = switch (mode) {
            case "off" -> BareMetal.run(hart, budget);
            case "records" -> records(hart, budget);
            case "trace" -> trace(hart, budget);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        double process = (os.getProcessCpuTime() - p0) / 1e9;
        String name = elf.getFileName().toString().replaceFirst("\\.elf$", "");
        System.out.println(String.format(Locale.ROOT, "%s reference %s %d %.4f %.3f %.4f %.3f %s %.4f %.3f", name, mode, result.steps(),
                seconds, result.steps() / seconds / 1e6, cpu, result.steps() / cpu / 1e6, result.verdict(), process,
                result.steps() / process / 1e6));
    }

    /** As Workloads.records: every record read (a checksum over its fields) before the log is reused. */
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

    /** As that build's {@code s1run --trace} (its RunProgram.traced), to /dev/null. */
    private static BareMetal.Result trace(Hart hart, long budget) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(Path.of("/dev/null"), StandardCharsets.UTF_8))) {
            hart.setCommitLog(new CommitLog(4096));
            return BareMetal.run(hart, budget, log -> {
                try {
                    for (int i = 0; i < log.size(); i++) w.write(TraceFormat.line(log.get(i)) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
