package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.exec.ArchState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The end-of-program comparison: after a lockstep run in which both sides halted with every record
 * equal, the architectural states must be equal too. Records show what each instruction did; this
 * catches what none of them shows (a store performed while the core was being reset, a tile or CSR
 * changed behind the pipeline's back, memory written by something else).
 *
 * <p>A pipelined DUT has already committed the instructions right after the halting store when that
 * store's record comes out, so the DUT first completes what it has in flight
 * ({@link Backend#finalState}); the reference executes as many records and those are compared like
 * any others. Then GPRs, pc, CSRs, tiles and the DRAM digest are compared
 * ({@link ArchStateComparison}); a difference is a {@link Divergence.Kind#FINAL_STATE} divergence.
 */
public final class FinalStateCheck {
    /** More records than any DUT has in flight (the S1 RTL: at most one per pipeline stage). */
    static final int IN_FLIGHT_CAPACITY = 8;

    private FinalStateCheck() {}

    /**
     * {@code halted} unchanged when it is not a halt, when the DUT cannot report its state or when
     * both states agree; otherwise the divergence found.
     *
     * @param reference the reference of the run, at the halt
     * @param dut       the DUT of the run, at the halt
     */
    public static LockstepResult afterHalt(Backend reference, Backend dut, LockstepResult halted) {
        if (halted.outcome() != LockstepResult.Outcome.HALTED) return halted;
        CommitLog dutTail = new CommitLog(IN_FLIGHT_CAPACITY);
        Optional<ArchState> dutState;
        try {
            dutState = dut.finalState(dutTail);
        } catch (BackendFailure f) {
            Divergence.Kind kind = switch (f.kind()) {
                case HANG -> Divergence.Kind.DUT_HANG;
                case CRASH -> Divergence.Kind.DUT_CRASH;
                case ERROR -> Divergence.Kind.DUT_ERROR;
            };
            return diverged(kind, halted.records(), "while completing the instructions in flight after the halt: " + f.getMessage(),
                    List.of(), null, null, List.of(), reference, dut);
        }
        if (dutState.isEmpty()) return halted;

        CommitLog refTail = new CommitLog(Math.max(1, dutTail.size()));
        Lockstep.follow(reference, dutTail, refTail);
        List<CommitRecord> history = new ArrayList<>();
        for (int i = 0; i < dutTail.size(); i++) {
            if (i == refTail.size()) {
                return diverged(Divergence.Kind.REFERENCE_STOPPED_EARLY, dutTail.order(i), reference.name() + " stopped but "
                        + dut.name() + " completed more instructions after the halt", List.of(), null, dutTail.get(i), history, reference, dut);
            }
            if (!RecordComparator.equal(refTail, i, dutTail, i)) {
                return diverged(Divergence.Kind.MISMATCH, refTail.order(i), "records differ (an instruction completed after the halt)",
                        RecordComparator.differences(refTail, i, dutTail, i), refTail.get(i), dutTail.get(i), history, reference, dut);
            }
            history.add(refTail.get(i));
        }

        Optional<ArchState> refState = reference.finalState(new CommitLog(1));
        if (refState.isEmpty()) throw new IllegalStateException(reference.name() + " cannot report its state: it cannot be a reference");
        List<FieldDifference> diffs = ArchStateComparison.differences(refState.get(), dutState.get());
        if (diffs.isEmpty()) return halted;
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < diffs.size() && i < 8; i++) names.append(i == 0 ? "" : ", ").append(diffs.get(i).field());
        if (diffs.size() > 8) names.append(", ... (").append(diffs.size()).append(" fields)");
        return diverged(Divergence.Kind.FINAL_STATE, halted.records() + refTail.size() - 1,
                "every record agreed but the state after the last one differs: " + names, diffs, null, null, history, reference, dut);
    }

    private static LockstepResult diverged(Divergence.Kind kind, long order, String message, List<FieldDifference> diffs,
                                           CommitRecord ref, CommitRecord d, List<CommitRecord> history, Backend reference, Backend dut) {
        List<CommitRecord> last = history.size() <= Lockstep.HISTORY ? history
                : history.subList(history.size() - Lockstep.HISTORY, history.size());
        Divergence div = new Divergence(kind, order, message, diffs, ref, d, List.copyOf(last), reference.name(), dut.name(),
                dut.waveform().orElse(null));
        return new LockstepResult(LockstepResult.Outcome.DIVERGED, order, 0, div);
    }
}
