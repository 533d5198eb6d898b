package dev.seedverify.golden.lockstep;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.StopReason;

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
 * ({@link CommitSource#finalState}); the golden model executes as many records and those are
 * compared like any others. Then GPRs, pc, CSRs, tiles and the DRAM digest are compared
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
     * @param golden the golden hart of the run, at the halt
     * @param dut    the DUT of the run, at the halt
     */
    public static LockstepResult afterHalt(Hart golden, CommitSource dut, LockstepResult halted) {
        if (halted.outcome() != LockstepResult.Outcome.HALTED) return halted;
        CommitLog dutTail = new CommitLog(IN_FLIGHT_CAPACITY);
        Optional<ArchState> dutState;
        try {
            dutState = dut.finalState(dutTail);
        } catch (TargetFailure f) {
            Divergence.Kind kind = switch (f.kind()) {
                case HANG -> Divergence.Kind.DUT_HANG;
                case CRASH -> Divergence.Kind.DUT_CRASH;
                case ERROR -> Divergence.Kind.DUT_ERROR;
            };
            return diverged(kind, golden.order(), "while completing the instructions in flight after the halt: " + f.getMessage(),
                    List.of(), null, null, List.of(), dut);
        }
        if (dutState.isEmpty()) return halted;

        CommitLog goldTail = catchUp(golden, dutTail);
        List<CommitRecord> history = new ArrayList<>();
        for (int i = 0; i < dutTail.size(); i++) {
            if (i == goldTail.size()) {
                return diverged(Divergence.Kind.GOLDEN_STOPPED_EARLY, dutTail.order(i), "golden model stopped at a trap but the DUT"
                        + " completed more instructions after the halt", List.of(), null, dutTail.get(i), history, dut);
            }
            if (!RecordComparator.equal(goldTail, i, dutTail, i)) {
                return diverged(Divergence.Kind.MISMATCH, goldTail.order(i), "records differ (an instruction completed after the halt)",
                        RecordComparator.differences(goldTail, i, dutTail, i), goldTail.get(i), dutTail.get(i), history, dut);
            }
            history.add(goldTail.get(i));
        }

        List<FieldDifference> diffs = ArchStateComparison.differences(ArchState.of(golden), dutState.get());
        if (diffs.isEmpty()) return halted;
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < diffs.size() && i < 8; i++) names.append(i == 0 ? "" : ", ").append(diffs.get(i).field());
        if (diffs.size() > 8) names.append(", ... (").append(diffs.size()).append(" fields)");
        return diverged(Divergence.Kind.FINAL_STATE, golden.order() - 1,
                "every record agreed but the state after the last one differs: " + names, diffs, null, null, history, dut);
    }

    /** The golden model executes as many records as the DUT completed, reading mcycle as the DUT did. */
    private static CommitLog catchUp(Hart golden, CommitLog dutTail) {
        int n = dutTail.size();
        CommitLog goldTail = new CommitLog(Math.max(1, n));
        CommitLog previous = golden.commitLog();
        golden.setCommitLog(goldTail);
        golden.setCounterSource((csr, order, own) -> {
            for (int i = 0; i < n; i++) {
                if (dutTail.order(i) == order && (dutTail.flags(i) & CommitLog.FLAG_CSR_READ) != 0 && dutTail.csrAddr(i) == csr.address()) {
                    return dutTail.csrRdata(i);
                }
            }
            return own;
        });
        try {
            // A halt (another tohost store) only pauses run(); a trap stop ends the program.
            while (goldTail.size() < n) {
                if (golden.run(n - goldTail.size()) == StopReason.TRAPPED) break;
            }
        } finally {
            golden.setCounterSource(null);
            golden.setCommitLog(previous);
        }
        return goldTail;
    }

    private static LockstepResult diverged(Divergence.Kind kind, long order, String message, List<FieldDifference> diffs,
                                           CommitRecord g, CommitRecord d, List<CommitRecord> history, CommitSource dut) {
        List<CommitRecord> last = history.size() <= Lockstep.HISTORY ? history
                : history.subList(history.size() - Lockstep.HISTORY, history.size());
        Divergence div = new Divergence(kind, order, message, diffs, g, d, List.copyOf(last), dut.waveform().orElse(null));
        return new LockstepResult(LockstepResult.Outcome.DIVERGED, order, 0, div);
    }
}
