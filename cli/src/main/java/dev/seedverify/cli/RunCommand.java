package dev.seedverify.cli;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.TraceFormat;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.rtl.RtlBackendProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seedverify run}: one program on the golden model, on a DUT, or both in lockstep. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one program (an ELF, an assembly .S file or a C file, built with the S1 runtime at -O2) in bare mode and "
                + "prints PASS, FAIL, TIMEOUT or DIVERGED with tohost and instret.",
                "  --on golden     the golden model alone",
                "  --on rtl        the RTL alone (or any backend name: mutant:NAME, ...)",
                "  --on lockstep   the golden model and the RTL (--against NAME for another backend) record by record; "
                        + "a divergence prints its full report"},
        footer = {"", "Exit status: 0 PASS, 1 FAIL, TIMEOUT or DIVERGED, 2 usage or target unavailable, 3 bad input."})
final class RunCommand implements Callable<Integer> {
    static final String LOCKSTEP = "lockstep";

    @Parameters(paramLabel = "PROGRAM", description = "an ELF executable, an assembly file (.S) or a C file (.c)")
    Path program;

    @Option(names = "--on", paramLabel = "TARGET", defaultValue = LOCKSTEP, description = "golden, lockstep, rtl or a backend name (default: ${DEFAULT-VALUE})")
    String on;

    @Option(names = "--against", paramLabel = "NAME", defaultValue = RtlBackendProvider.NAME, description = "the DUT of --on lockstep (default: ${DEFAULT-VALUE})")
    String against;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "10000000", description = "instructions (records) before the run is a TIMEOUT (default: ${DEFAULT-VALUE})")
    long budget;

    @Option(names = "--dram", paramLabel = "SIZE", defaultValue = "1M", description = "DRAM size, a power of two 64K..64M (default: ${DEFAULT-VALUE})")
    String dram;

    @Option(names = "--waveform", paramLabel = "FILE", description = "trace the DUT into FILE (FST, for GTKWave); RTL backends only")
    Path waveform;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream out = SeedVerify.root(spec).out;
        if (budget < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--budget must be at least 1");
        int dramBytes = ProgramImages.dram(dram);
        ElfImage image = ProgramImages.load(program);
        String entry = BareMetal.entryWarning(image);
        if (entry != null) SeedVerify.root(spec).err.println("seedverify run: warning: " + entry);
        if (on.equals(LOCKSTEP)) return lockstep(image, dramBytes, out);
        if (on.equals(Backends.GOLDEN)) {
            if (waveform != null) throw new SeedVerify.UsageException("--waveform needs an RTL target, not the golden model");
            BareMetal.Result r = BareMetal.run(image, dramBytes, budget);
            out.println(r.summary() + " on golden");
            return r.verdict() == BareMetal.Verdict.PASS ? ExitCodes.PASS : ExitCodes.FAIL;
        }
        return alone(image, dramBytes, out);
    }

    private int lockstep(ElfImage image, int dramBytes, PrintStream out) {
        try (LockstepRunner runner = new LockstepRunner(() -> open(against, dramBytes), budget)) {
            LockstepRunner.Outcome o = runner.run(image);
            long instret = runner.referenceInstretAtStop();
            String on = "golden == " + against;
            if (o.diverged()) {
                out.print(new DivergenceReport(o.divergence(), program.toString(), runner.dut().describe(),
                        "seedverify run " + program + " --on lockstep --against " + against).text());
                out.println("DIVERGED at order " + o.divergence().order() + " (" + o.signature() + ") instret=" + instret + " on " + on
                        + waveNote(runner.dut()));
                return ExitCodes.FAIL;
            }
            if (o.timedOut()) {
                out.println("TIMEOUT after " + o.result().records() + " records, golden and " + against + " agreeing, instret=" + instret + " on " + on);
                return ExitCodes.FAIL;
            }
            BareMetal.Result judged = judge(o.result().tohostValue(), instret);
            out.println(judged.summary() + " on " + on + ", " + o.result().records() + " records equal" + waveNote(runner.dut()));
            return judged.verdict() == BareMetal.Verdict.PASS ? ExitCodes.PASS : ExitCodes.FAIL;
        }
    }

    private int alone(ElfImage image, int dramBytes, PrintStream out) {
        try (Backend dut = open(on, dramBytes)) {
            dut.loadBare(image);
            CommitLog log = new CommitLog(4096);
            long records = 0;
            Backend.Status s = Backend.Status.RUNNING;
            while (records < budget && s != Backend.Status.HALTED) {
                log.clear();
                s = dut.advance(log, (int) Math.min(log.capacity(), budget - records));
                records += log.size();
            }
            long instret = dut instanceof GoldenBackend g ? g.hart().instret() : records;
            if (s != Backend.Status.HALTED) {
                out.println("TIMEOUT tohost=0x00000000 instret=" + instret + " on " + on + waveNote(dut));
                return ExitCodes.FAIL;
            }
            BareMetal.Result judged = judge(dut.tohostValue(), instret);
            out.println(judged.summary() + " on " + on + waveNote(dut));
            return judged.verdict() == BareMetal.Verdict.PASS ? ExitCodes.PASS : ExitCodes.FAIL;
        }
    }

    /** The DUT, traced into {@link #waveform} when asked. */
    private Backend open(String name, int dramBytes) {
        Backend b = Backends.open(name, dramBytes);
        if (waveform != null) {
            try {
                b.traceInto(waveform.toAbsolutePath());
            } catch (UnsupportedOperationException e) {
                b.close();
                throw new SeedVerify.UsageException("--waveform: " + e.getMessage());
            }
        }
        return b;
    }

    private String waveNote(Backend dut) {
        return waveform == null ? "" : "; waveform " + dut.waveform().map(Path::toString).orElse(waveform.toString());
    }

    private static BareMetal.Result judge(int tohost, long instret) {
        return new BareMetal.Result(tohost == 1 ? BareMetal.Verdict.PASS : BareMetal.Verdict.FAIL, tohost, instret, instret);
    }

    /** Writes every record of {@code log} as a trace line. */
    static void trace(CommitLog log, Writer w) throws java.io.IOException {
        for (int i = 0; i < log.size(); i++) w.write(TraceFormat.line(log.get(i)) + "\n");
    }

    static int defaultDram() { return Memory.DEFAULT_BYTES; }
}
