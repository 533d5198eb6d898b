package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.exec.Memory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Two chips driven as one: every host action goes to a reference and a DUT backend, and what they
 * give back is compared. A host driver, a test or a property runs against it exactly as against a
 * single chip; the first difference raises a {@link DivergenceException} carrying a
 * {@link Divergence} (the result model of bare-mode {@link Lockstep}, so reports and buckets treat
 * both alike). Compared:
 * <ul>
 *   <li>every record {@link #advance} produces, instruction or device event ({@link RecordComparator};
 *       the completion records are in the COMPLETION events' words), and why each side stopped;
 *       implementation-defined CSR reads (mcycle) are synchronised as in {@link Lockstep};</li>
 *   <li>DRAM after every command completion, by digest ({@link Backend#dramDigest}), where the DUT
 *       has not run on into a later command (the RTL executes queued commands while the host uses
 *       its ports; then its DRAM is compared at the next point where it has not, at the latest when
 *       both are idle); on a mismatch the divergence names the first differing range with both
 *       contents ({@link Divergence.Kind#DRAM});</li>
 *   <li>DRAM, every register and the irq level whenever {@link #advance} finds both devices idle;</li>
 *   <li>what the host reads ({@link #mmioRead}, {@link #irq}, {@link #hostRead}): registers whose
 *       value does not depend on timing (ID, DRAM_KIB, STATUS.QERR, CQ_BASE, CQ_ENTRIES, CQ_TAIL,
 *       IRQ_ENABLE, unmapped words) always; the rest (STATUS.BUSY, CQ_HEAD, DONE_COUNT, IRQ_STATUS,
 *       irq, DRAM through the host port) only when both devices are idle, because mid-command their
 *       values are implementation-defined (the golden model runs a command only inside
 *       {@link #advance}; the RTL also while the host waits on its ports);</li>
 *   <li>except IRQ_STATUS and irq after the host cleared IRQ_STATUS bits while a command ran: which
 *       completions that write-1-to-clear caught depends on each side's timing, so they are
 *       compared again from the next idle point where the two agree;</li>
 *   <li>bare mode: the tohost value at a halt and the state after it ({@link FinalStateCheck}'s rules).</li>
 * </ul>
 * Reads return the reference's value. After a divergence every call but a reset or {@link #close}
 * throws, so nothing runs on from a state that is already wrong.
 *
 * <p>Opened by {@link Backends} as {@code lockstep} (golden vs rtl) or {@code lockstep:REF,DUT}
 * ({@link LockstepBackendProvider}).
 */
public final class LockstepBackend implements Backend {
    /** Records per comparison batch (at most this many per {@link #advance}). */
    public static final int BATCH = 4096;
    /** Bytes shown of each side for a DRAM or host-read difference. */
    static final int SHOWN_BYTES = 64;
    /** Words named in the differences of a DRAM divergence. */
    static final int SHOWN_WORDS = 8;

    private final Backend reference;
    private final Backend dut;
    /**
     * The host cleared IRQ_STATUS bits (W1C) while a command was running on either side: whether a
     * bit the command sets was set before or after the write depends on each side's timing, so
     * IRQ_STATUS and the irq level may legitimately differ until the two agree again at an idle point.
     */
    private boolean irqStatusRacy;
    private CommitLog refLog, prevRef;
    private final CommitLog dutLog;
    /** The order the next instruction record will carry (for divergences without a record). */
    private long nextOrder;
    /** COMPLETION events delivered since the reset (DONE_COUNT as the reference has it). */
    private long completions;
    private Divergence divergence;

    /** Compares {@code dut} against {@code reference}; both are closed with this backend. */
    public LockstepBackend(Backend reference, Backend dut) { this(reference, dut, BATCH); }

    public LockstepBackend(Backend reference, Backend dut, int batch) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.dut = Objects.requireNonNull(dut, "dut");
        if (reference.dramBytes() != dut.dramBytes()) {
            throw new IllegalArgumentException("lockstep needs equal DRAM: " + reference.name() + " has " + reference.dramBytes()
                    + " bytes, " + dut.name() + " " + dut.dramBytes());
        }
        refLog = new CommitLog(batch);
        prevRef = new CommitLog(batch);
        dutLog = new CommitLog(batch);
    }

    public Backend reference() { return reference; }

    public Backend dut() { return dut; }

    /** The divergence found since the last reset, if any. */
    public Optional<Divergence> divergence() { return Optional.ofNullable(divergence); }

    @Override
    public String name() { return LockstepBackendProvider.PREFIX + reference.name() + "," + dut.name(); }

    @Override
    public String describe() { return "lockstep of " + dut.describe() + " against " + reference.describe(); }

    @Override
    public int dramBytes() { return reference.dramBytes(); }

    // ------------------------------------------------------------------ modes

    @Override
    public void loadBare(ElfImage image) {
        reference.loadBare(image);
        dut.loadBare(image);
        restart();
    }

    @Override
    public void resetCommand() {
        reference.resetCommand();
        dut.resetCommand();
        restart();
    }

    private void restart() {
        irqStatusRacy = false;
        divergence = null;
        nextOrder = 0;
        completions = 0;
        refLog.clear();
        prevRef.clear();
        dutLog.clear();
    }

    // ------------------------------------------------------------------ running

    /**
     * In batches of at most {@link #BATCH} records: the DUT runs first, the reference runs as many
     * records, and the two batches are compared; the reference's records (equal to the DUT's) go to {@code log}.
     *
     * @throws DivergenceException at the first difference (records, stop, tohost, DRAM, idle registers)
     */
    @Override
    public Status advance(CommitLog log, int maxRecords) {
        requireAgreement();
        int remaining = Math.min(maxRecords, log.capacity() - log.size());
        if (remaining <= 0) throw new IllegalArgumentException("advance needs room for a record: maxRecords " + maxRecords + ", " + log);
        while (true) {
            int before = log.size();
            Status s = compareBatch(log, Math.min(remaining, dutLog.capacity()));
            remaining -= log.size() - before;
            if (s != Status.RUNNING || remaining <= 0) return s;
        }
    }

    /** One batch of at most {@code n} records (n >= 1): the DUT, the reference, the comparison. */
    private Status compareBatch(CommitLog log, int n) {
        dutLog.clear();
        Status dutStatus = null;
        BackendFailure failure = null;
        try {
            dutStatus = dut.advance(dutLog, n);
        } catch (BackendFailure f) {
            failure = f;
        }
        CommitLog swap = prevRef;
        prevRef = refLog;
        refLog = swap;
        refLog.clear();
        Status refStatus = Status.RUNNING;
        if (!dutLog.isEmpty()) refStatus = Lockstep.follow(reference, dutLog, refLog);
        else if (failure == null) refStatus = reference.advance(refLog, n);

        int common = Math.min(refLog.size(), dutLog.size());
        for (int i = 0; i < common; i++) {
            if (!RecordComparator.equal(refLog, i, dutLog, i)) {
                throw diverged(Divergence.Kind.MISMATCH, refLog.order(i), "records differ",
                        RecordComparator.differences(refLog, i, dutLog, i), refLog.get(i), dutLog.get(i), i);
            }
        }
        long orderAfter = common == 0 ? nextOrder : refLog.order(common - 1) + (refLog.isEvent(common - 1) ? 0 : 1);
        if (failure != null) {
            Divergence.Kind kind = switch (failure.kind()) {
                case HANG -> Divergence.Kind.DUT_HANG;
                case CRASH -> Divergence.Kind.DUT_CRASH;
                case ERROR -> Divergence.Kind.DUT_ERROR;
            };
            throw diverged(kind, orderAfter, failure.getMessage(), List.of(), null, null, common);
        }
        if (refLog.size() < dutLog.size()) {
            throw diverged(Divergence.Kind.REFERENCE_STOPPED_EARLY, dutLog.order(common), reference.name() + " " + describe(refStatus)
                    + " but " + dut.name() + " went on", List.of(), null, dutLog.get(common), common);
        }
        if (refLog.size() > dutLog.size()) {
            throw diverged(Divergence.Kind.DUT_STOPPED_EARLY, refLog.order(common), dut.name() + " " + describe(dutStatus) + " but "
                    + reference.name() + " went on", List.of(), refLog.get(common), null, common);
        }
        if (dutStatus != refStatus) {
            boolean dutStopped = dutStatus != Status.RUNNING;
            int last = common - 1;
            String msg = dut.name() + " " + describe(dutStatus) + " after this record; " + reference.name() + " " + describe(refStatus);
            throw diverged(dutStopped ? Divergence.Kind.DUT_STOPPED_EARLY : Divergence.Kind.REFERENCE_STOPPED_EARLY,
                    last >= 0 ? refLog.order(last) : nextOrder, msg, List.of(), last >= 0 ? refLog.get(last) : null,
                    last >= 0 ? dutLog.get(last) : null, Math.max(0, last));
        }
        nextOrder = orderAfter;
        for (int i = 0; i < common; i++) {
            if (refLog.isEvent(i) && refLog.field(i, CommitLog.EV_KIND) == DeviceEvent.COMPLETION.code()) completions++;
        }
        switch (dutStatus) {
            case HALTED -> {
                if (dut.tohostValue() != reference.tohostValue()) {
                    throw diverged(Divergence.Kind.MISMATCH, refLog.order(common - 1), "tohost values differ",
                            List.of(new FieldDifference("tohost", reference.tohostValue() & 0xFFFF_FFFFL, dut.tohostValue() & 0xFFFF_FFFFL)),
                            refLog.get(common - 1), dutLog.get(common - 1), common - 1);
                }
            }
            case COMPLETED -> {
                if (dutStoppedAtThisCompletion()) compareDramAfterCompletion(common);
            }
            case IDLE -> compareAtIdle();
            case RUNNING -> { }
        }
        log.appendFrom(refLog, 0, refLog.size());
        return refStatus;
    }

    /**
     * Whether the DUT's DRAM is still that of the moment after the completion just delivered: it
     * has no command in flight (STATUS.BUSY, read first) and completed no later one (DONE_COUNT, read
     * next: nothing can complete in between, and a command that starts in between has not reached
     * its DMA yet when the digest is taken). The RTL runs on while
     * the host uses its ports, so with more commands queued it may be ahead of its records; its DRAM
     * is then compared at the next point where it is not (at the latest, when both are idle).
     */
    private boolean dutStoppedAtThisCompletion() {
        if ((dut.mmioRead(MmioRegister.STATUS.offset()) & DeviceTable.STATUS_BUSY) != 0) return false;
        return dut.mmioRead(MmioRegister.DONE_COUNT.offset()) == (int) completions;
    }

    /** DRAM after the command whose COMPLETION event is the batch's last record. */
    private void compareDramAfterCompletion(int records) {
        long r = reference.dramDigest(), d = dut.dramDigest();
        if (r == d) return;
        int completion = records - 1;
        int shown = completion;
        int index = refLog.field(completion, CommitLog.EV_INDEX);
        // The command's DMA write, when it is in this batch: its unit names the bucket (event:dma_write).
        for (int i = completion - 1; i >= 0 && refLog.isEvent(i); i--) {
            if (refLog.field(i, CommitLog.EV_KIND) == DeviceEvent.DMA_WRITE.code() && refLog.field(i, CommitLog.EV_INDEX) == index) shown = i;
        }
        List<FieldDifference> diffs = new ArrayList<>();
        diffs.add(new FieldDifference("dram_digest", r, d));
        String where = firstDifference(diffs);
        throw diverged(Divergence.Kind.DRAM, refLog.order(completion), String.format(
                "every record agreed but DRAM differs after the completion of ring entry %d: %s", index, where), diffs,
                refLog.get(shown), dutLog.get(shown), shown);
    }

    /**
     * Scans both DRAMs through the backdoors: adds the first differing words to {@code diffs} and
     * describes the first differing range with both contents and the count of differing words.
     */
    private String firstDifference(List<FieldDifference> diffs) {
        int size = reference.dramBytes();
        int chunk = 64 << 10;
        int first = -1, rangeEnd = -1;
        long words = 0;
        for (int off = 0; off < size; off += chunk) {
            int len = Math.min(chunk, size - off);
            byte[] a = reference.peekDram(Memory.BASE + off, len), b = dut.peekDram(Memory.BASE + off, len);
            if (Arrays.equals(a, b)) continue;
            for (int w = 0; w < len; w += 4) {
                int x = word(a, w), y = word(b, w);
                if (x == y) continue;
                words++;
                int at = off + w;
                if (first < 0) first = at;
                if (at - first < SHOWN_BYTES) rangeEnd = at + 4;
                if (diffs.size() <= SHOWN_WORDS) {
                    diffs.add(new FieldDifference(String.format("dram@0x%08x", Memory.BASE + at), x & 0xFFFF_FFFFL, y & 0xFFFF_FFFFL));
                }
            }
        }
        if (first < 0) return "the digests differ but no byte does (a backdoor digest is wrong)";
        byte[] a = reference.peekDram(Memory.BASE + first, rangeEnd - first), b = dut.peekDram(Memory.BASE + first, rangeEnd - first);
        return String.format("the first differing range is [0x%08x, 0x%08x) (%d word%s in all)%n  %-8s %s%n  %-8s %s",
                Memory.BASE + first, Memory.BASE + rangeEnd, words, words == 1 ? " differs" : "s differ", reference.name() + ":", hex(a),
                dut.name() + ":", hex(b));
    }

    /** At an idle point DRAM, every register and the irq level must agree (a quiescent snapshot of the device). */
    private void compareAtIdle() {
        if (!reference.idle() || !dut.idle()) return; // bare mode never returns IDLE
        long refDigest = reference.dramDigest(), dutDigest = dut.dramDigest();
        if (refDigest != dutDigest) {
            List<FieldDifference> diffs = new ArrayList<>();
            diffs.add(new FieldDifference("dram_digest", refDigest, dutDigest));
            String where = firstDifference(diffs);
            throw diverged(Divergence.Kind.DRAM, nextOrder, "every record agreed but DRAM differs with both devices idle: " + where,
                    diffs, null, null, refLog.size());
        }
        boolean irqStatusAgrees = true;
        for (MmioRegister reg : MmioRegister.values()) {
            int r = reference.mmioRead(reg.offset()), d = dut.mmioRead(reg.offset());
            if (reg == MmioRegister.IRQ_STATUS) irqStatusAgrees = r == d;
            if (r != d && !(reg == MmioRegister.IRQ_STATUS && irqStatusRacy)) {
                throw hostView("mmio." + reg.name(), r, d, "both idle after advance, " + reg.name() + " differs");
            }
        }
        boolean ri = reference.irq(), di = dut.irq();
        if (ri != di && !irqStatusRacy) throw hostView("irq", ri ? 1 : 0, di ? 1 : 0, "both idle, irq differs");
        if (irqStatusAgrees && ri == di) irqStatusRacy = false;
    }

    @Override
    public int tohostValue() { return reference.tohostValue(); }

    // ------------------------------------------------------------------ host bus

    /**
     * Reads the register on both; the reference's value. A difference diverges when the bits are
     * timing-independent ({@link #timingIndependentBits}) or both devices are idle.
     */
    @Override
    public int mmioRead(int offset) {
        requireAgreement();
        int r = reference.mmioRead(offset), d = dut.mmioRead(offset);
        if (r != d) {
            MmioRegister reg = MmioRegister.at(offset);
            String field = reg == null ? String.format("mmio@0x%02x", offset) : "mmio." + reg.name();
            if (((r ^ d) & timingIndependentBits(reg)) != 0) throw hostView(field, r, d, "a timing-independent register differs");
            if (bothIdle() && !(reg == MmioRegister.IRQ_STATUS && irqStatusRacy)) {
                throw hostView(field, r, d, "both devices idle, the register differs");
            }
        }
        return r;
    }

    /**
     * The bits of {@code reg} whose value does not depend on how far a command has got: all but
     * STATUS.BUSY, CQ_HEAD, DONE_COUNT and IRQ_STATUS (which change when a command starts or
     * completes, and the RTL runs on while the host waits on its ports). A word without a register reads 0.
     */
    static int timingIndependentBits(MmioRegister reg) {
        if (reg == null) return -1;
        return switch (reg) {
            case STATUS -> DeviceTable.STATUS_QERR;
            case CQ_HEAD, DONE_COUNT, IRQ_STATUS -> 0;
            default -> -1;
        };
    }

    @Override
    public void mmioWrite(int offset, int value) {
        requireAgreement();
        if (offset == MmioRegister.IRQ_STATUS.offset() && !bothIdle()) irqStatusRacy = true;
        reference.mmioWrite(offset, value);
        dut.mmioWrite(offset, value);
    }

    @Override
    public void hostWrite(int address, byte[] data, int offset, int length) {
        requireAgreement();
        reference.hostWrite(address, data, offset, length);
        dut.hostWrite(address, data, offset, length);
    }

    /** Reads on both; the reference's bytes. A difference diverges when both devices are idle (a command may be writing them). */
    @Override
    public byte[] hostRead(int address, int length) {
        requireAgreement();
        byte[] r = reference.hostRead(address, length), d = dut.hostRead(address, length);
        if (!Arrays.equals(r, d) && bothIdle()) {
            int i = Arrays.mismatch(r, d);
            int from = i & ~3, to = Math.min(length, from + SHOWN_BYTES);
            throw hostView("host_read", word(r, i), word(d, i), String.format(
                    "both devices idle, a host read of %d bytes at 0x%08x differs from 0x%08x on%n  %-8s %s%n  %-8s %s", length,
                    address, address + i, reference.name() + ":", hex(Arrays.copyOfRange(r, from, to)), dut.name() + ":",
                    hex(Arrays.copyOfRange(d, from, to))));
        }
        return r;
    }

    /** The reference's level; a difference diverges when both devices are idle. */
    @Override
    public boolean irq() {
        requireAgreement();
        boolean r = reference.irq(), d = dut.irq();
        if (r != d && bothIdle() && !irqStatusRacy) throw hostView("irq", r ? 1 : 0, d ? 1 : 0, "both devices idle, the irq level differs");
        return r;
    }

    @Override
    public boolean idle() { return reference.idle(); }

    private boolean bothIdle() { return reference.idle() && dut.idle(); }

    // ------------------------------------------------------------------ backdoors and state

    @Override
    public long dramDigest() { return reference.dramDigest(); }

    @Override
    public byte[] peekDram(int address, int length) { return reference.peekDram(address, length); }

    /** A lockstep pair follows its DUT's implementation-defined values; it cannot be a reference itself. */
    @Override
    public void setCsr(int address, int value) {
        throw new UnsupportedOperationException(name() + " cannot be a lockstep reference (its DUT's CSRs are not writable)");
    }

    /**
     * The DUT completes what it has in flight, the reference follows, their records are compared
     * (and appended to {@code inFlight}), then the states (registers, CSRs, tiles, DRAM digest).
     * The reference's state.
     */
    @Override
    public Optional<ArchState> finalState(CommitLog inFlight) {
        requireAgreement();
        CommitLog dutTail = new CommitLog(FinalStateCheck.IN_FLIGHT_CAPACITY);
        Optional<ArchState> dutState;
        try {
            dutState = dut.finalState(dutTail);
        } catch (BackendFailure f) {
            throw diverged(f.kind() == BackendFailure.Kind.HANG ? Divergence.Kind.DUT_HANG
                    : f.kind() == BackendFailure.Kind.CRASH ? Divergence.Kind.DUT_CRASH : Divergence.Kind.DUT_ERROR, nextOrder,
                    "while completing the instructions in flight: " + f.getMessage(), List.of(), null, null, 0);
        }
        swapToFreshBatch();
        CommitLog refTail = new CommitLog(Math.max(1, dutTail.size()));
        Lockstep.follow(reference, dutTail, refTail);
        for (int i = 0; i < dutTail.size(); i++) {
            if (i == refTail.size()) {
                throw diverged(Divergence.Kind.REFERENCE_STOPPED_EARLY, dutTail.order(i), reference.name() + " stopped but " + dut.name()
                        + " completed more instructions", List.of(), null, dutTail.get(i), 0);
            }
            if (!RecordComparator.equal(refTail, i, dutTail, i)) {
                throw diverged(Divergence.Kind.MISMATCH, refTail.order(i), "records differ (an instruction completed in flight)",
                        RecordComparator.differences(refTail, i, dutTail, i), refTail.get(i), dutTail.get(i), 0);
            }
        }
        Optional<ArchState> refState = reference.finalState(new CommitLog(1));
        if (refState.isEmpty()) throw new IllegalStateException(reference.name() + " cannot report its state: it cannot be a reference");
        if (dutState.isPresent()) {
            List<FieldDifference> diffs = ArchStateComparison.differences(refState.get(), dutState.get());
            if (!diffs.isEmpty()) {
                throw diverged(Divergence.Kind.FINAL_STATE, nextOrder + refTail.size(),
                        "every record agreed but the state after the last one differs: " + diffs.get(0).field()
                                + (diffs.size() > 1 ? " and " + (diffs.size() - 1) + " more" : ""), diffs, null, null, 0);
            }
        }
        inFlight.appendFrom(refTail, 0, refTail.size());
        return refState;
    }

    /** The records of the last batch become the history of what follows. */
    private void swapToFreshBatch() {
        CommitLog swap = prevRef;
        prevRef = refLog;
        refLog = swap;
        refLog.clear();
    }

    @Override
    public Optional<Path> waveform() { return dut.waveform(); }

    @Override
    public void traceInto(Path file) { dut.traceInto(file); }

    @Override
    public void close() {
        try {
            dut.close();
        } finally {
            reference.close();
        }
    }

    // ------------------------------------------------------------------ divergences

    private void requireAgreement() {
        if (divergence != null) {
            throw new IllegalStateException(name() + " already diverged (" + divergence.kind() + " at order " + divergence.order()
                    + "); reset it before using it again");
        }
    }

    /** Records the divergence and returns the exception to throw; {@code at} is the batch index (for the history). */
    private DivergenceException diverged(Divergence.Kind kind, long order, String message, List<FieldDifference> diffs,
                                         CommitRecord ref, CommitRecord d, int at) {
        divergence = new Divergence(kind, order, message, List.copyOf(diffs), ref, d, history(at), reference.name(), dut.name(),
                dut.waveform().orElse(null));
        return new DivergenceException(divergence);
    }

    private DivergenceException hostView(String field, long r, long d, String message) {
        return diverged(Divergence.Kind.HOST_READ, nextOrder, message,
                List.of(new FieldDifference(field, r & 0xFFFF_FFFFL, d & 0xFFFF_FFFFL)), null, null, refLog.size());
    }

    /** Up to {@link Lockstep#HISTORY} reference records before index {@code i} of the current batch. */
    private List<CommitRecord> history(int i) {
        List<CommitRecord> h = new ArrayList<>();
        int fromCurrent = Math.max(0, Math.min(i, refLog.size()));
        int fromPrevious = Math.min(prevRef.size(), Lockstep.HISTORY - Math.min(Lockstep.HISTORY, fromCurrent));
        for (int k = prevRef.size() - fromPrevious; k < prevRef.size(); k++) h.add(prevRef.get(k));
        for (int k = Math.max(0, fromCurrent - Lockstep.HISTORY); k < fromCurrent; k++) h.add(refLog.get(k));
        return h;
    }

    private static String describe(Status s) {
        if (s == null) return "failed";
        return switch (s) {
            case HALTED -> "halted (tohost written)";
            case COMPLETED -> "completed a command";
            case IDLE -> "went idle";
            case RUNNING -> "was still running";
        };
    }

    private static int word(byte[] b, int i) {
        int w = 0;
        int from = i & ~3;
        for (int k = 0; k < 4 && from + k < b.length; k++) w |= (b[from + k] & 0xFF) << (8 * k);
        return w;
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i++) s.append(i == 0 ? "" : i % 4 == 0 ? "  " : " ").append(String.format("%02x", b[i] & 0xFF));
        return s.toString();
    }
}
