package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.StopReason;
import dev.seedverify.golden.isa.Csr;

import java.util.Optional;

/**
 * The golden model as a {@link Backend}: the reference of every comparison, and a DUT in the
 * comparator's self-tests. One hart is reused: a reset restores the empty-DRAM snapshot (only the
 * pages written since are copied back), so back-to-back programs cost little and share nothing.
 */
public final class GoldenBackend implements Backend {
    private final Hart hart;
    private final Hart.Snapshot empty;

    public GoldenBackend(int dramBytes) {
        hart = new Hart(new Memory(dramBytes));
        empty = hart.snapshot();
    }

    /** The hart, for tests and tools that inspect the reference directly. */
    public Hart hart() { return hart; }

    @Override
    public String name() { return Backends.GOLDEN; }

    @Override
    public String describe() { return "golden model"; }

    @Override
    public int dramBytes() { return hart.memory().size(); }

    @Override
    public void loadBare(ElfImage image) {
        image.requireWithin(Memory.BASE, hart.memory().size());
        hart.restore(empty);
        hart.memory().load(image);
        hart.resetBare();
        if (image.tohost().isPresent()) hart.setTohost(image.tohost().getAsInt());
        else hart.clearTohost();
    }

    @Override
    public void resetCommand() {
        throw commandModeMissing();
    }

    @Override
    public Status advance(CommitLog log, int maxRecords) {
        CommitLog previous = hart.commitLog();
        hart.setCommitLog(log);
        try {
            int target = log.size() + maxRecords;
            while (true) {
                StopReason stop = hart.run(target - log.size());
                switch (stop) {
                    case HALTED: return Status.HALTED;
                    case BUDGET: if (log.size() >= target) return Status.RUNNING; break;
                    case LOG_FULL: return Status.RUNNING;
                    case TRAPPED: throw new IllegalStateException("the golden hart stopped at a trap outside command mode");
                    default: throw new AssertionError(stop);
                }
            }
        } finally {
            hart.setCommitLog(previous);
        }
    }

    @Override
    public int tohostValue() { return hart.tohostValue(); }

    @Override
    public int mmioRead(int offset) { throw commandModeMissing(); }

    @Override
    public void mmioWrite(int offset, int value) { throw commandModeMissing(); }

    @Override
    public void hostWrite(int address, byte[] data, int offset, int length) { throw commandModeMissing(); }

    @Override
    public byte[] hostRead(int address, int length) { throw commandModeMissing(); }

    @Override
    public boolean irq() { throw commandModeMissing(); }

    private static UnsupportedOperationException commandModeMissing() {
        return new UnsupportedOperationException("the golden device of spec §4 (command mode) is not part of this build yet");
    }

    @Override
    public void setCsr(int address, int value) {
        Csr csr = Csr.byAddress(address);
        if (csr == null) throw new IllegalArgumentException(String.format("no CSR at 0x%03x", address));
        hart.setCsr(csr, value);
    }

    /** The hart's state: it executes one instruction at a time, so nothing is ever in flight. */
    @Override
    public Optional<ArchState> finalState(CommitLog inFlight) { return Optional.of(ArchState.of(hart)); }

    @Override
    public void close() {}
}
