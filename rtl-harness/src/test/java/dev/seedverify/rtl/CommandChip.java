package dev.seedverify.rtl;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.elf.ElfImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real RTL in command mode, driven as a host driver would: kernels and data through the host
 * memory port, a command ring configured and rung through MMIO, runs until completion events.
 * Everything goes through {@link RtlSimulator}'s host-side API (the same calls a co-simulation
 * backend makes).
 */
final class CommandChip implements AutoCloseable {
    static final int BASE = RtlSimulator.DRAM_BASE;
    /** Where tests put kernels, the ring, completion records and data. */
    static final int KERNEL = BASE + 0x1000;
    static final int RING = BASE + 0x4_0000;
    static final int COMPLETIONS = BASE + 0x5_0000;
    static final int DATA = BASE + 0x6_0000;
    /** A run that needs more cycles than this is a test failure. */
    static final long MAX_CYCLES = 20_000_000;

    final RtlSimulator sim;
    final CommitLog log = new CommitLog(1 << 17);
    private int entries = 1;
    private int ringBase = RING;
    private int tail;

    CommandChip() {
        sim = RtlSimulator.create(RtlModel.builtIn());
        sim.resetCommand();
    }

    int read(MmioRegister r) { return sim.mmioRead(r.offset()); }

    void write(MmioRegister r, int value) { sim.mmioWrite(r.offset(), value); }

    /** Configures a ring of {@code n} entries at {@code base} (expects it to be valid). */
    CommandChip ring(int base, int n) {
        write(MmioRegister.CQ_BASE, base);
        write(MmioRegister.CQ_ENTRIES, n);
        assertThat(read(MmioRegister.STATUS) & DeviceTable.STATUS_QERR).as("QERR after configuring the ring").isZero();
        ringBase = base;
        entries = n;
        tail = 0;
        return this;
    }

    CommandChip ring(int n) { return ring(RING, n); }

    /** Writes {@code d} into the ring at the current tail without ringing the doorbell; returns its index. */
    int place(Descriptor d) {
        int index = tail;
        sim.hostWrite(ringBase + DeviceTable.DESCRIPTOR_BYTES * index, d.toBytes());
        tail = (tail + 1) % entries;
        return index;
    }

    /** Rings the doorbell with the tail after the placed descriptors. */
    void doorbell() { write(MmioRegister.CQ_TAIL, tail); }

    /** Places {@code d} and rings the doorbell; returns its ring index. */
    int submit(Descriptor d) {
        int index = place(d);
        doorbell();
        return index;
    }

    /** Runs until the next completion event (asserted), appending to {@link #log}. */
    RunResult runToCompletion() {
        RunResult r = sim.run(MAX_CYCLES, log.capacity() - log.size(), log);
        assertThat(r.status()).as("run result %s", r).isEqualTo(RunResult.Status.COMPLETED);
        return r;
    }

    /** Submits {@code d}, runs to its completion and returns the record the device wrote at {@code d}'s address. */
    Completion execute(Descriptor d) {
        submit(d);
        runToCompletion();
        return completionAt(d.completionAddress());
    }

    /** Runs through any number of completions until the device is idle (asserted); returns the last run's result. */
    RunResult runToIdle() {
        RunResult r;
        do {
            r = sim.run(MAX_CYCLES, log.capacity() - log.size(), log);
        } while (r.status() == RunResult.Status.COMPLETED);
        assertThat(r.status()).as("run result %s", r).isEqualTo(RunResult.Status.IDLE);
        return r;
    }

    Completion completionAt(int address) { return Completion.fromBytes(sim.hostRead(address, DeviceTable.COMPLETION_BYTES), 0); }

    /** Assembles {@code source} at {@code base} and writes it through the host memory port. */
    ElfImage kernel(int base, String source) {
        ElfImage image = Assembler.assemble(source, "kernel@" + Integer.toHexString(base), base);
        for (ElfImage.LoadSegment seg : image.segments()) sim.hostWrite(seg.address(), seg.data());
        return image;
    }

    /** The last record of the log (the completion event after {@link #runToCompletion()}). */
    int last() { return log.size() - 1; }

    int hostWord(int address) {
        byte[] b = sim.hostRead(address, 4);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | b[3] << 24;
    }

    void hostWord(int address, int value) {
        sim.hostWrite(address, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
    }

    @Override
    public void close() { sim.close(); }
}
