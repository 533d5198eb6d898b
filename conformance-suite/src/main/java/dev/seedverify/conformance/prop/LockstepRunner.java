package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.bucket.BucketSignature;
import dev.seedverify.conformance.dut.DutTarget;
import dev.seedverify.conformance.dut.GoldenDut;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.ProgramValidator;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.lockstep.Divergence;
import dev.seedverify.golden.lockstep.FinalStateCheck;
import dev.seedverify.golden.lockstep.Lockstep;
import dev.seedverify.golden.lockstep.LockstepResult;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs programs on the golden model and a DUT in lockstep, one after another, reusing everything:
 * one golden hart (reset by restoring an empty-DRAM snapshot, which copies back only the pages the
 * last program wrote), one DUT instance (reloaded and reset, never rebuilt) and one
 * {@link Lockstep} with its commit logs. One runner per worker thread.
 *
 * <p>The DUT comes from a factory so any target plugs in; after a DUT crash (an RTL model is dead
 * afterwards) the runner opens a fresh one for the next program.
 */
public final class LockstepRunner implements AutoCloseable {
    /** Records per lockstep run before a program counts as timed out (generated programs need a few hundred). */
    public static final long DEFAULT_BUDGET = 20_000;
    static final int BATCH = 512;

    private final Supplier<? extends DutTarget> factory;
    private final long budget;
    private final Hart golden;
    private final Hart.Snapshot empty;
    private DutTarget dut;
    private Lockstep lockstep;
    private CommitLog coverageLog;
    private long programs;
    private long goldenInstretAtStop;

    /** The outcome of one program: the lockstep result and, when it diverged, its bucket. */
    public record Outcome(LockstepResult result, BucketSignature signature) {
        public boolean diverged() { return result.diverged(); }

        /** Both sides halted with tohost = 1 and agreed all the way. */
        public boolean passed() { return result.passed(); }

        /** The record budget ran out with both sides still equal. */
        public boolean timedOut() { return result.outcome() == LockstepResult.Outcome.BUDGET; }

        public Divergence divergence() { return result.divergence(); }
    }

    public LockstepRunner(Supplier<? extends DutTarget> factory) { this(factory, DEFAULT_BUDGET); }

    public LockstepRunner(Supplier<? extends DutTarget> factory, long budget) {
        this.factory = factory;
        this.budget = budget;
        this.dut = factory.get();
        golden = new Hart(new Memory(dut.dramBytes()));
        empty = golden.snapshot();
        lockstep = new Lockstep(golden, dut.source(), BATCH);
    }

    public DutTarget dut() { return dut; }

    /** The golden hart (its state is the last program's). */
    public Hart golden() { return golden; }

    public long budget() { return budget; }

    /** Programs run so far. */
    public long programs() { return programs; }

    /** minstret of the golden model where the last lockstep run stopped (before the end-of-program check ran on). */
    public long goldenInstretAtStop() { return goldenInstretAtStop; }

    public Outcome run(Program p) { return run(ProgramRenderer.image(p).image()); }

    /** Loads {@code image} on both sides (bare-mode reset) and compares them record by record. */
    public Outcome run(ElfImage image) {
        programs++;
        GoldenDut.load(golden, empty, image);
        dut.load(image);
        LockstepResult r = lockstep.run(budget);
        goldenInstretAtStop = golden.instret();
        // ---- end-of-program state (issue 13): a write that no record shows diverges as FINAL_STATE ----
        r = FinalStateCheck.afterHalt(golden, dut.source(), r);
        // ----
        Outcome o = new Outcome(r, r.diverged() ? BucketSignature.of(r.divergence()) : null);
        if (r.diverged() && r.divergence().kind() == Divergence.Kind.DUT_CRASH) reopen();
        return o;
    }

    /**
     * Runs {@code image} on the golden model alone, handing every batch of commit records to
     * {@code sink} (coverage); returns the bare-mode verdict.
     */
    public BareMetal.Result golden(ElfImage image, Consumer<CommitLog> sink) {
        if (coverageLog == null) coverageLog = new CommitLog(BATCH);
        GoldenDut.load(golden, empty, image);
        golden.setCommitLog(coverageLog);
        try {
            coverageLog.clear();
            return BareMetal.run(golden, budget, sink);
        } finally {
            golden.setCommitLog(null);
        }
    }

    /** The shrinker's oracle on this runner: the bucket of a valid program's divergence, else null. */
    public ProgramShrinker.Oracle oracle() {
        return p -> {
            if (!ProgramValidator.isValid(p)) return null;
            Outcome o = run(p);
            return o.signature();
        };
    }

    private void reopen() {
        try {
            dut.close();
        } catch (RuntimeException e) {
            // a dead model may refuse; the new one is what matters
        }
        dut = factory.get();
        lockstep = new Lockstep(golden, dut.source(), BATCH);
    }

    @Override
    public void close() { dut.close(); }
}
