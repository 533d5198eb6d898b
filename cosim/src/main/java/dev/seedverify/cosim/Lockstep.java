package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.isa.Csr;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a reference and a DUT {@link Backend} on the same loaded program and compares every
 * record, stopping at the first divergence.
 *
 * <p>The DUT runs a batch first; the reference then runs as many records. Values the spec calls
 * implementation-defined (mcycle and its aliases, spec §1.1) are what the DUT read: before the
 * reference executes an instruction whose DUT record read such a CSR, the comparator writes the
 * DUT's value into the reference ({@link Backend#setCsr}), so those reads never diverge and are
 * never skipped. The previous batch is kept so a divergence report can show the records leading
 * up to it without copying anything per instruction.
 */
public final class Lockstep {
    public static final int HISTORY = 16;
    public static final int DEFAULT_BATCH = 4096;

    private final Backend reference;
    private final Backend dut;
    private CommitLog refLog, dutLog, prevRef;

    /** {@code reference} and {@code dut} hold the same program, reset, when {@link #run} is called. */
    public Lockstep(Backend reference, Backend dut) {
        this(reference, dut, DEFAULT_BATCH);
    }

    public Lockstep(Backend reference, Backend dut, int batch) {
        this.reference = reference;
        this.dut = dut;
        refLog = new CommitLog(batch);
        dutLog = new CommitLog(batch);
        prevRef = new CommitLog(batch);
    }

    public Backend reference() { return reference; }

    public Backend dut() { return dut; }

    /** Compares up to {@code maxRecords} records. */
    public LockstepResult run(long maxRecords) {
        long compared = 0;
        // Both reference logs: the first batch's history must not show the previous run's records.
        prevRef.clear();
        refLog.clear();
        while (compared < maxRecords) {
            int n = (int) Math.min(dutLog.capacity(), maxRecords - compared);
            dutLog.clear();
            Backend.Status dutStatus;
            BackendFailure failure = null;
            try {
                dutStatus = dut.advance(dutLog, n);
            } catch (BackendFailure f) {
                failure = f;
                dutStatus = null;
            }
            CommitLog swap = prevRef;
            prevRef = refLog;
            refLog = swap;
            refLog.clear();
            Backend.Status refStatus = dutLog.isEmpty() ? Backend.Status.RUNNING : advanceReference(dutLog.size());

            int common = Math.min(refLog.size(), dutLog.size());
            for (int i = 0; i < common; i++) {
                if (!RecordComparator.equal(refLog, i, dutLog, i)) {
                    return diverged(Divergence.Kind.MISMATCH, i, "records differ",
                            RecordComparator.differences(refLog, i, dutLog, i), refLog.get(i), dutLog.get(i), compared + i);
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
            if (refLog.size() < dutLog.size()) {
                return diverged(Divergence.Kind.REFERENCE_STOPPED_EARLY, common,
                        reference.name() + " " + describe(refStatus) + " but " + dut.name() + " went on", List.of(), null,
                        dutLog.get(common), compared);
            }
            boolean dutStopped = dutStatus != Backend.Status.RUNNING;
            boolean refStopped = refStatus != Backend.Status.RUNNING;
            if (dutStopped != refStopped || (dutStopped && dutStatus != refStatus)) {
                int last = common - 1;
                String msg = dutStopped
                        ? dut.name() + " " + describe(dutStatus) + " after this record; " + reference.name() + " did not"
                        : reference.name() + " " + describe(refStatus) + " after this record; " + dut.name() + " did not";
                return diverged(dutStopped ? Divergence.Kind.DUT_STOPPED_EARLY : Divergence.Kind.REFERENCE_STOPPED_EARLY,
                        last, msg, List.of(), last >= 0 ? refLog.get(last) : null, last >= 0 ? dutLog.get(last) : null,
                        compared - 1);
            }
            if (dutStatus == Backend.Status.HALTED) {
                if (dut.tohostValue() != reference.tohostValue()) {
                    return diverged(Divergence.Kind.MISMATCH, common - 1, "tohost values differ",
                            List.of(new FieldDifference("tohost", reference.tohostValue() & 0xFFFF_FFFFL, dut.tohostValue() & 0xFFFF_FFFFL)),
                            refLog.get(common - 1), dutLog.get(common - 1), compared - 1);
                }
                return new LockstepResult(LockstepResult.Outcome.HALTED, compared, dut.tohostValue(), null);
            }
            if (dutStatus == Backend.Status.COMPLETED) return new LockstepResult(LockstepResult.Outcome.COMPLETED, compared, 0, null);
            if (dutStatus == Backend.Status.IDLE) return new LockstepResult(LockstepResult.Outcome.IDLE, compared, 0, null);
            if (dutLog.size() < n) {
                throw new IllegalStateException(dut.describe() + " returned RUNNING with " + dutLog.size() + " of " + n + " records");
            }
        }
        return new LockstepResult(LockstepResult.Outcome.BUDGET, compared, 0, null);
    }

    /** Runs the reference for as many records as the DUT produced (see {@link #follow}). */
    private Backend.Status advanceReference(int records) {
        return follow(reference, dutLog, refLog, records);
    }

    /**
     * Runs {@code reference} until {@code into} holds as many records as {@code dut}, stopping
     * before each record whose DUT counterpart read an implementation-defined CSR to give the
     * reference that value. A bare-mode halt only pauses the reference; any other stop ends it.
     */
    static Backend.Status follow(Backend reference, CommitLog dut, CommitLog into) {
        Backend.Status s = Backend.Status.RUNNING;
        while (into.size() < dut.size()) {
            int before = into.size();
            s = follow(reference, dut, into, dut.size());
            if ((s != Backend.Status.RUNNING && s != Backend.Status.HALTED) || into.size() == before) break;
        }
        return s;
    }

    private static Backend.Status follow(Backend reference, CommitLog dut, CommitLog into, int records) {
        Backend.Status s = Backend.Status.RUNNING;
        for (int i = into.size(); i < records; i++) {
            if ((dut.flags(i) & CommitLog.FLAG_CSR_READ) == 0) continue;
            Csr csr = Csr.byAddress(dut.csrAddr(i));
            if (csr == null || !csr.implementationDefined()) continue;
            if (i > into.size()) {
                s = reference.advance(into, i - into.size());
                if (s != Backend.Status.RUNNING || into.size() < i) return s;
            }
            reference.setCsr(csr.address(), dut.csrRdata(i));
        }
        if (into.size() < records) s = reference.advance(into, records - into.size());
        return s;
    }

    private LockstepResult diverged(Divergence.Kind kind, int index, String message, List<FieldDifference> diffs,
                                    CommitRecord ref, CommitRecord d, long order) {
        Divergence div = new Divergence(kind, order, message, diffs, ref, d, history(index), reference.name(), dut.name(),
                dut.waveform().orElse(null));
        return new LockstepResult(LockstepResult.Outcome.DIVERGED, order, 0, div);
    }

    /** Up to {@link #HISTORY} reference records before index {@code i} of the current batch. */
    private List<CommitRecord> history(int i) {
        List<CommitRecord> h = new ArrayList<>();
        int fromCurrent = Math.max(0, Math.min(i, refLog.size()));
        int fromPrevious = Math.min(prevRef.size(), HISTORY - Math.min(HISTORY, fromCurrent));
        for (int k = prevRef.size() - fromPrevious; k < prevRef.size(); k++) h.add(prevRef.get(k));
        for (int k = Math.max(0, fromCurrent - HISTORY); k < fromCurrent; k++) h.add(refLog.get(k));
        return h;
    }

    private static String describe(Backend.Status s) {
        return switch (s) {
            case HALTED -> "halted (tohost written)";
            case COMPLETED -> "completed a command";
            case IDLE -> "went idle";
            case RUNNING -> "was still running";
        };
    }
}
