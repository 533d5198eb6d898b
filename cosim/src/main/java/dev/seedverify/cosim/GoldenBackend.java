package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Device;
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
 * Command mode runs the golden {@link Device} around the same hart.
 */
public final class GoldenBackend implements Backend {
    private final Hart hart;
    private final Hart.Snapshot empty;
    private final Device device;
    /** Set by {@link #resetCommand}, cleared by {@link #loadBare}: which mode {@link #advance} runs. */
    private boolean commandMode;

    public GoldenBackend(int dramBytes) {
        hart = new Hart(new Memory(dramBytes));
        empty = hart.snapshot();
        device = new Device(hart);
    }

    /** The hart, for tests and tools that inspect the reference directly. */
    public Hart hart() { return hart; }

    /** The command-mode device around the hart, for tests and tools that inspect it directly. */
    public Device device() { return device; }

    @Override
    public String name() { return Backends.GOLDEN; }

    @Override
    public String describe() { return "golden model"; }

    @Override
    public int dramBytes() { return hart.memory().size(); }

    @Override
    public void loadBare(ElfImage image) {
        image.requireWithin(Memory.BASE, hart.memory().size());
        commandMode = false;
        hart.restore(empty);
        hart.memory().load(image);
        hart.resetBare();
        if (image.tohost().isPresent()) hart.setTohost(image.tohost().getAsInt());
        else hart.clearTohost();
    }

    @Override
    public void resetCommand() {
        device.reset();
        commandMode = true;
    }

    @Override
    public Status advance(CommitLog log, int maxRecords) {
        if (commandMode) {
            return switch (device.run(log, maxRecords)) {
                case COMPLETED -> Status.COMPLETED;
                case IDLE -> Status.IDLE;
                case RECORD_LIMIT -> Status.RUNNING;
            };
        }
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
    public int mmioRead(int offset) { return commandDevice().mmioRead(offset); }

    @Override
    public void mmioWrite(int offset, int value) { commandDevice().mmioWrite(offset, value); }

    @Override
    public void hostWrite(int address, byte[] data, int offset, int length) { commandDevice().hostWrite(address, data, offset, length); }

    @Override
    public byte[] hostRead(int address, int length) { return commandDevice().hostRead(address, length); }

    @Override
    public boolean irq() { return commandDevice().irq(); }

    /** The device, once the chip was reset into command mode: the host bus exists only there. */
    private Device commandDevice() {
        if (!commandMode) throw new IllegalStateException("the host bus exists in command mode only: call resetCommand() first");
        return device;
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
