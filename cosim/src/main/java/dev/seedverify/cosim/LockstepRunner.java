package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs bare-mode programs on the golden model and a DUT in lockstep, one after another, reusing
 * everything: one golden backend (reset by restoring its empty-DRAM snapshot), one DUT (reloaded,
 * never rebuilt) and one {@link Lockstep} with its logs. Images in, outcomes out. One runner per
 * worker thread, because a DUT is bound to the thread that opened it.
 *
 * <p>The DUT comes from a factory so any backend plugs in; after a DUT crash (an RTL model is
 * dead afterwards) the runner opens a fresh one for the next program.
 */
public final class LockstepRunner implements AutoCloseable {
    /** Records per lockstep run before a program counts as timed out (generated programs need a few hundred). */
    public static final long DEFAULT_BUDGET = 20_000;
    public static final int BATCH = 512;

    private final Supplier<? extends Backend> factory;
    private final long budget;
    private final GoldenBackend reference;
    private Backend dut;
    private Lockstep lockstep;
    private CommitLog referenceLog;
    /** The golden model that replays a program to attribute a divergence ({@link OperandCause}); made on first use. */
    private GoldenBackend replay;
    private long programs;
    private long referenceInstretAtStop;

    /** The outcome of one program: the lockstep result and, when it diverged, its bucket. */
    public record Outcome(LockstepResult result, BucketSignature signature) {
        public boolean diverged() { return result.diverged(); }

        /** Both sides halted with tohost = 1 and agreed all the way. */
        public boolean passed() { return result.passed(); }

        /** The record budget ran out with both sides still equal. */
        public boolean timedOut() { return result.outcome() == LockstepResult.Outcome.BUDGET; }

        public Divergence divergence() { return result.divergence(); }
    }

    /** How the reference alone ran a program: halted with a tohost value, or out of budget. */
    public record ReferenceRun(boolean halted, int tohostValue, long records) {}

    public LockstepRunner(Supplier<? extends Backend> factory) { this(factory, DEFAULT_BUDGET); }

    public LockstepRunner(Supplier<? extends Backend> factory, long budget) {
        this.factory = factory;
        this.budget = budget;
        this.dut = factory.get();
        reference = new GoldenBackend(dut.dramBytes());
        lockstep = new Lockstep(reference, dut, BATCH);
    }

    public Backend dut() { return dut; }

    /** The golden reference (its state is the last program's). */
    public GoldenBackend reference() { return reference; }

    public long budget() { return budget; }

    /** Programs run so far. */
    public long programs() { return programs; }

    /** minstret of the reference where the last lockstep run stopped (before the end-of-program check ran on). */
    public long referenceInstretAtStop() { return referenceInstretAtStop; }

    /** Loads {@code image} on both sides (bare-mode reset) and compares them record by record. */
    public Outcome run(ElfImage image) {
        programs++;
        reference.loadBare(image);
        dut.loadBare(image);
        LockstepResult r = lockstep.run(budget);
        referenceInstretAtStop = reference.hart().instret();
        // ---- end-of-program state (issue 13): a write that no record shows diverges as FINAL_STATE ----
        r = FinalStateCheck.afterHalt(reference, dut, r);
        // ----
        if (r.diverged() && !OperandCause.suspects(r.divergence()).isEmpty()) {
            // a consumer right after a writer of its operand: replayed on a golden model of its own (the reference keeps its end state)
            if (replay == null) replay = new GoldenBackend(reference.dramBytes());
            Divergence d = OperandCause.attribute(r.divergence(), image, replay, this::experiment);
            if (d != r.divergence()) r = new LockstepResult(r.outcome(), r.records(), r.tohostValue(), d);
        }
        Outcome o = new Outcome(r, r.diverged() ? BucketSignature.of(r.divergence()) : null);
        if (r.diverged() && r.divergence().kind() == Divergence.Kind.DUT_CRASH) reopen();
        return o;
    }

    /**
     * An attribution's experiment ({@link OperandCause}): {@code image} in lockstep on the DUT
     * against the replay golden model (the reference keeps the program's end state). A DUT that
     * crashed or hung is replaced, as after a program.
     */
    private LockstepResult experiment(ElfImage image, long maxRecords) {
        replay.loadBare(image);
        dut.loadBare(image);
        LockstepResult r = new Lockstep(replay, dut, BATCH).run(maxRecords);
        if (r.diverged() && (r.divergence().kind() == Divergence.Kind.DUT_CRASH || r.divergence().kind() == Divergence.Kind.DUT_HANG)) reopen();
        return r;
    }

    /**
     * Runs {@code image} on the reference alone, handing every batch of records to {@code sink}
     * (coverage) before the log is reused.
     */
    public ReferenceRun runReference(ElfImage image, Consumer<CommitLog> sink) {
        if (referenceLog == null) referenceLog = new CommitLog(BATCH);
        reference.loadBare(image);
        long records = 0;
        while (records < budget) {
            referenceLog.clear();
            Backend.Status s = reference.advance(referenceLog, (int) Math.min(BATCH, budget - records));
            records += referenceLog.size();
            sink.accept(referenceLog);
            if (s == Backend.Status.HALTED) return new ReferenceRun(true, reference.tohostValue(), records);
        }
        return new ReferenceRun(false, 0, records);
    }

    private void reopen() {
        try {
            dut.close();
        } catch (RuntimeException e) {
            // a dead model may refuse; the new one is what matters
        }
        dut = factory.get();
        lockstep = new Lockstep(reference, dut, BATCH);
    }

    @Override
    public void close() { dut.close(); }
}
