package dev.seedverify.golden.lockstep;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.isa.Csr;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the golden model and a DUT on the same program and compares every commit record, stopping
 * at the first divergence.
 *
 * <p>The DUT runs a batch first; the golden model then runs as many records, so values the spec
 * calls implementation-defined (mcycle reads) are taken from the DUT's records into the golden
 * model as it executes. The previous batch is kept so a divergence report can show the records
 * leading up to it without copying anything per instruction.
 */
public final class Lockstep {
    public static final int HISTORY = 16;
    public static final int DEFAULT_BATCH = 4096;

    private final Hart golden;
    private final GoldenSource goldenSource;
    private final CommitSource dut;
    private CommitLog goldLog, dutLog, prevGold;
    private long dutBatchStart;

    /** {@code golden} and {@code dut} are loaded with the same program and reset by the caller. */
    public Lockstep(Hart golden, CommitSource dut) {
        this(golden, dut, DEFAULT_BATCH);
    }

    public Lockstep(Hart golden, CommitSource dut, int batch) {
        this.golden = golden;
        this.goldenSource = new GoldenSource(golden);
        this.dut = dut;
        goldLog = new CommitLog(batch);
        dutLog = new CommitLog(batch);
        prevGold = new CommitLog(batch);
    }

    /** Compares up to {@code maxRecords} records. */
    public LockstepResult run(long maxRecords) {
        golden.setCounterSource(this::dutCounterValue);
        try {
            return compare(maxRecords);
        } finally {
            golden.setCounterSource(null);
        }
    }

    private LockstepResult compare(long maxRecords) {
        long compared = 0;
        // Both golden logs: the first batch's history must not show the previous run's records.
        prevGold.clear();
        goldLog.clear();
        while (compared < maxRecords) {
            int n = (int) Math.min(dutLog.capacity(), maxRecords - compared);
            dutLog.clear();
            dutBatchStart = golden.order();
            CommitSource.Status dutStatus;
            TargetFailure failure = null;
            try {
                dutStatus = dut.advance(dutLog, n);
            } catch (TargetFailure f) {
                failure = f;
                dutStatus = null;
            }
            CommitLog swap = prevGold;
            prevGold = goldLog;
            goldLog = swap;
            goldLog.clear();
            CommitSource.Status goldStatus = dutLog.isEmpty() ? CommitSource.Status.RUNNING
                    : goldenSource.advance(goldLog, dutLog.size());

            int common = Math.min(goldLog.size(), dutLog.size());
            for (int i = 0; i < common; i++) {
                if (!RecordComparator.equal(goldLog, i, dutLog, i)) {
                    return diverged(Divergence.Kind.MISMATCH, i, "records differ",
                            RecordComparator.differences(goldLog, i, dutLog, i), goldLog.get(i), dutLog.get(i), compared + i);
                }
            }
            compared += common;

            if (failure != null) {
                Divergence.Kind kind = switch (failure.kind()) {
                    case HANG -> Divergence.Kind.DUT_HANG;
                    case CRASH -> Divergence.Kind.DUT_CRASH;
                    case ERROR -> Divergence.Kind.DUT_ERROR;
                };
                return diverged(kind, common, failure.getMessage(), List.of(), null, null, compared);
            }
            if (goldLog.size() < dutLog.size()) {
                return diverged(Divergence.Kind.GOLDEN_STOPPED_EARLY, common,
                        "golden model " + describe(goldStatus) + " but the DUT went on", List.of(), null, dutLog.get(common), compared);
            }
            boolean dutStopped = dutStatus != CommitSource.Status.RUNNING;
            boolean goldStopped = goldStatus != CommitSource.Status.RUNNING;
            if (dutStopped != goldStopped || (dutStopped && dutStatus != goldStatus)) {
                int last = common - 1;
                String msg = dutStopped
                        ? "DUT " + describe(dutStatus) + " after this record; the golden model did not"
                        : "golden model " + describe(goldStatus) + " after this record; the DUT did not";
                return diverged(dutStopped ? Divergence.Kind.DUT_STOPPED_EARLY : Divergence.Kind.GOLDEN_STOPPED_EARLY,
                        last, msg, List.of(), last >= 0 ? goldLog.get(last) : null, last >= 0 ? dutLog.get(last) : null,
                        compared - 1);
            }
            if (dutStatus == CommitSource.Status.HALTED) {
                if (dut.tohostValue() != goldenSource.tohostValue()) {
                    return diverged(Divergence.Kind.MISMATCH, common - 1, "tohost values differ",
                            List.of(new FieldDifference("tohost", goldenSource.tohostValue() & 0xFFFF_FFFFL, dut.tohostValue() & 0xFFFF_FFFFL)),
                            goldLog.get(common - 1), dutLog.get(common - 1), compared - 1);
                }
                return new LockstepResult(LockstepResult.Outcome.HALTED, compared, dut.tohostValue(), null);
            }
            if (dutStatus == CommitSource.Status.TRAPPED) {
                return new LockstepResult(LockstepResult.Outcome.TRAPPED, compared, 0, null);
            }
            if (dutLog.size() < n) {
                throw new IllegalStateException(dut.describe() + " returned RUNNING with " + dutLog.size() + " of " + n + " records");
            }
        }
        return new LockstepResult(LockstepResult.Outcome.BUDGET, compared, 0, null);
    }

    /** mcycle and its aliases read what the DUT read at the same record. */
    private int dutCounterValue(Csr csr, long order, int own) {
        long i = order - dutBatchStart;
        if (i < 0 || i >= dutLog.size()) return own;
        int idx = (int) i;
        boolean read = (dutLog.flags(idx) & CommitLog.FLAG_CSR_READ) != 0;
        return read && dutLog.csrAddr(idx) == csr.address() ? dutLog.csrRdata(idx) : own;
    }

    private LockstepResult diverged(Divergence.Kind kind, int index, String message, List<FieldDifference> diffs,
                                    CommitRecord g, CommitRecord d, long order) {
        Divergence div = new Divergence(kind, order, message, diffs, g, d, history(index), dut.waveform().orElse(null));
        return new LockstepResult(LockstepResult.Outcome.DIVERGED, order, 0, div);
    }

    /** Up to {@link #HISTORY} golden records before index {@code i} of the current batch. */
    private List<CommitRecord> history(int i) {
        List<CommitRecord> h = new ArrayList<>();
        int fromCurrent = Math.max(0, Math.min(i, goldLog.size()));
        int fromPrevious = Math.min(prevGold.size(), HISTORY - Math.min(HISTORY, fromCurrent));
        for (int k = prevGold.size() - fromPrevious; k < prevGold.size(); k++) h.add(prevGold.get(k));
        for (int k = Math.max(0, fromCurrent - HISTORY); k < fromCurrent; k++) h.add(goldLog.get(k));
        return h;
    }

    private static String describe(CommitSource.Status s) {
        return switch (s) {
            case HALTED -> "halted (tohost written)";
            case TRAPPED -> "stopped at a trap";
            case RUNNING -> "was still running";
        };
    }
}
