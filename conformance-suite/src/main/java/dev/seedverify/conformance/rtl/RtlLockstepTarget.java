package dev.seedverify.conformance.rtl;

import dev.seedverify.conformance.ConformanceProgram;
import dev.seedverify.conformance.ProgramOutcome;
import dev.seedverify.conformance.ProgramTarget;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.lockstep.Lockstep;
import dev.seedverify.golden.lockstep.LockstepResult;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.RtlSimulator;
import dev.seedverify.rtl.RtlSource;

import java.nio.file.Path;

/**
 * The golden model in lockstep with the RTL simulation, as a conformance target: a program
 * passes when both agree on every commit record and it writes 1 to tohost. One simulator and one
 * golden hart are reset between programs (rebuilding costs far more than a run). Like its
 * simulator, a target is used on the thread that created it.
 */
public final class RtlLockstepTarget implements ProgramTarget, AutoCloseable {
    public static final long DEFAULT_BUDGET = 1_000_000;

    private final RtlSimulator sim;
    private final RtlSource source;
    private final Hart golden;
    private final long budget;
    private Path waveformDir;
    private LockstepResult last;
    private DivergenceReport lastReport;

    public RtlLockstepTarget(RtlModel model) {
        this(model, DEFAULT_BUDGET);
    }

    public RtlLockstepTarget(RtlModel model, long budget) {
        this.sim = RtlSimulator.create(model);
        this.source = new RtlSource(sim);
        this.golden = new Hart(new Memory(model.dramBytes()));
        this.budget = budget;
    }

    /** Traces every following run into {@code dir/<program>.fst}; null switches tracing off. */
    public RtlLockstepTarget tracingInto(Path dir) {
        this.waveformDir = dir;
        return this;
    }

    @Override
    public String name() { return "golden+rtl lockstep"; }

    @Override
    public ProgramOutcome run(ConformanceProgram program) {
        return run(program.path(), program.image());
    }

    /** Runs any bare-mode image in lockstep. */
    public ProgramOutcome run(String name, ElfImage image) {
        String warning = BareMetal.entryWarning(image);
        if (warning != null) return ProgramOutcome.error(name, warning);
        if (image.tohost().isEmpty()) return ProgramOutcome.error(name, "no tohost symbol");
        BareMetal.load(golden, image);
        sim.load(image);
        if (waveformDir != null) sim.traceOpen(waveformDir.resolve(name.replace('/', '_') + ".fst"));
        sim.resetBare();
        try {
            last = new Lockstep(golden, source).run(budget);
        } finally {
            if (waveformDir != null && sim.isAlive()) sim.traceClose();
        }
        lastReport = last.diverged() ? new DivergenceReport(last.divergence(), name, source.describe(), null) : null;
        return switch (last.outcome()) {
            case HALTED -> {
                int v = last.tohostValue();
                boolean pass = v == 1;
                yield new ProgramOutcome(name, pass ? ProgramOutcome.Status.PASS : ProgramOutcome.Status.FAIL,
                        !pass && (v & 1) != 0 ? v >>> 1 : 0, v, golden.instret(), golden.order(), "");
            }
            case BUDGET -> new ProgramOutcome(name, ProgramOutcome.Status.TIMEOUT, 0, 0, golden.instret(), golden.order(),
                    "budget of " + budget + " instructions ran out (golden and RTL agreed so far)");
            case TRAPPED -> ProgramOutcome.error(name, "stopped at a trap in bare mode");
            case DIVERGED -> new ProgramOutcome(name, ProgramOutcome.Status.DIVERGED, 0, 0, golden.instret(), golden.order(),
                    last.divergence().kind() + " at order " + last.divergence().order() + ": " + last.divergence().firstField());
        };
    }

    /** The last run's lockstep result. */
    public LockstepResult lastResult() { return last; }

    /** The last run's divergence report, or null when it did not diverge. */
    public DivergenceReport lastReport() { return lastReport; }

    public RtlSimulator simulator() { return sim; }

    @Override
    public void close() {
        sim.close();
    }
}
