package dev.seedverify.conformance;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.LockstepResult;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.reports.DivergenceReport;

import java.util.function.Supplier;

/**
 * Runs conformance programs on the golden model and a DUT in lockstep (the sign-off list on any
 * target): PASS when both halt on the same record with tohost = 1 and every record agreed (and the
 * state at the end, see {@link dev.seedverify.cosim.FinalStateCheck});
 * DIVERGED when they disagree (the detail names the bucket and the order); FAIL when both report
 * the same failing sub-test; TIMEOUT when the budget runs out with both still equal. Not thread-safe; the DUT is
 * opened lazily on the calling thread.
 */
public final class LockstepTarget implements ProgramTarget, AutoCloseable {
    private final Supplier<? extends Backend> factory;
    private final long budget;
    private final String name;
    private LockstepRunner runner;
    private LockstepRunner.Outcome last;
    private String lastProgram;

    public LockstepTarget(String dutName, Supplier<? extends Backend> factory, long budget) {
        this.name = "golden==" + dutName;
        this.factory = factory;
        this.budget = budget;
    }

    @Override
    public String name() { return name; }

    @Override
    public ProgramOutcome run(ConformanceProgram program) {
        return run(program.path(), program.image());
    }

    /** Runs any bare-mode image in lockstep; {@code name} identifies it in outcomes and reports. */
    public ProgramOutcome run(String name, ElfImage image) {
        String warning = BareMetal.entryWarning(image);
        if (warning != null) return ProgramOutcome.error(name, warning);
        if (image.tohost().isEmpty()) return ProgramOutcome.error(name, "no tohost symbol");
        if (runner == null) runner = new LockstepRunner(factory, budget);
        LockstepRunner.Outcome o = runner.run(image);
        last = o;
        lastProgram = name;
        LockstepResult r = o.result();
        long instret = runner.referenceInstretAtStop();
        return switch (r.outcome()) {
            case HALTED -> {
                int v = r.tohostValue();
                boolean pass = v == 1;
                yield new ProgramOutcome(name, pass ? ProgramOutcome.Status.PASS : ProgramOutcome.Status.FAIL,
                        pass || (v & 1) == 0 ? 0 : v >>> 1, v, instret, r.records(), pass ? "" : "both sides report the failure");
            }
            case BUDGET -> new ProgramOutcome(name, ProgramOutcome.Status.TIMEOUT, 0, 0, instret, r.records(),
                    "budget of " + budget + " records ran out, both sides equal");
            case DIVERGED -> new ProgramOutcome(name, ProgramOutcome.Status.DIVERGED, 0, 0, instret, r.records(),
                    "diverged at order " + o.divergence().order() + ": " + o.signature() + " (" + o.divergence().message() + ")");
            case COMPLETED, IDLE -> ProgramOutcome.error(name, "ended as in command mode (" + r.outcome() + ") in a bare-mode run");
        };
    }

    /** The golden reference, holding the last program's final state (DRAM included), or null before the first run. */
    public GoldenBackend reference() { return runner == null ? null : runner.reference(); }

    /** What the DUT is (model, version, sources), or null before the first run opened it. */
    public String dutDescription() { return runner == null ? null : runner.dut().describe(); }

    /** The last run's lockstep outcome (result and bucket), or null before the first run. */
    public LockstepRunner.Outcome lastOutcome() { return last; }

    /** The last run's divergence report, or null when it did not diverge. */
    public DivergenceReport lastReport() {
        return last == null || !last.diverged() ? null
                : new DivergenceReport(last.divergence(), lastProgram, runner.dut().describe(), null);
    }

    @Override
    public void close() {
        if (runner != null) runner.close();
    }
}
