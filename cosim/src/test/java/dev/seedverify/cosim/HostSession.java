package dev.seedverify.cosim;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.device.Opcode;
import dev.seedverify.golden.elf.ElfImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A host driving a backend in command mode, as the device tests need it: register access by
 * name, a command ring it fills and rings, kernels assembled into DRAM, and the stream of records
 * (the kernels' instructions and the device's events, spec §5) the backend produced, in order.
 */
final class HostSession {
    /** Most instruction records kept as values; later ones are only counted (a watchdog at 2^24). */
    static final int KEPT_INSTRUCTIONS = 100_000;
    /** Instruction records a session may see, by default, before the test calls the device hung. */
    static final long DEFAULT_RECORD_LIMIT = 1 << 20;

    /** One entry of the record stream: an instruction record or a device event. */
    sealed interface Entry permits Insn, Event {
        long order();
    }

    record Insn(CommitRecord record) implements Entry {
        @Override
        public long order() { return record.order(); }
    }

    /** A device event record with its {@code EV_*} fields (see {@link CommitLog}). */
    record Event(DeviceEvent kind, long order, int index, int addr, int arg, int w0, int w1, int w2, int w3) implements Entry {
        /** The COMPLETION event of command {@code index}, whose record {@code c} went (or not) to {@code addr}. */
        static Event completion(long order, int index, int addr, boolean written, Completion c) {
            return new Event(DeviceEvent.COMPLETION, order, index, addr, written ? 1 : 0, c.word(0), c.word(1), c.word(2), c.word(3));
        }

        static Event dmaWrite(long order, int index, int dst, int length, Opcode op, int sourceOrPattern) {
            return new Event(DeviceEvent.DMA_WRITE, order, index, dst, length, op.code(), sourceOrPattern, 0, 0);
        }

        /** The completion words of a COMPLETION event. */
        Completion completionWords() { return Completion.fromWords(w0, w1, w2, w3); }
    }

    final Backend chip;
    private final CommitLog log = new CommitLog(4096);
    private final List<Entry> stream = new ArrayList<>();
    private long instructionCount;
    private int ringBase, ringEntries, tail;
    private long recordLimit = DEFAULT_RECORD_LIMIT;

    HostSession(Backend chip) { this.chip = chip; }

    // ------------------------------------------------------------------ registers

    int reg(MmioRegister r) { return chip.mmioRead(r.offset()); }

    void set(MmioRegister r, int value) { chip.mmioWrite(r.offset(), value); }

    /** Configures the ring (CQ_BASE, then CQ_ENTRIES) and restarts the host's tail at 0. */
    void ring(int base, int entries) {
        set(MmioRegister.CQ_BASE, base);
        set(MmioRegister.CQ_ENTRIES, entries);
        ringBase = base;
        ringEntries = entries;
        tail = 0;
    }

    /** Writes {@code d} into the next free ring slot without ringing the doorbell; returns its index. */
    int put(Descriptor d) {
        if (ringEntries == 0) throw new IllegalStateException("configure the ring first");
        int index = tail;
        write(ringBase + DeviceTable.DESCRIPTOR_BYTES * index, d.toBytes());
        tail = (tail + 1) % ringEntries;
        return index;
    }

    /** Writes CQ_TAIL with the host's tail. */
    void doorbell() { set(MmioRegister.CQ_TAIL, tail); }

    /** {@link #put} and {@link #doorbell}; returns the descriptor's index. */
    int submit(Descriptor d) {
        int index = put(d);
        doorbell();
        return index;
    }

    // ------------------------------------------------------------------ memory

    void write(int address, byte[] data) { chip.hostWrite(address, data, 0, data.length); }

    byte[] read(int address, int length) { return chip.hostRead(address, length); }

    void writeWord(int address, int value) {
        write(address, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
    }

    int word(int address) {
        byte[] b = read(address, 4);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | b[3] << 24;
    }

    Completion completion(int address) { return Completion.fromBytes(read(address, DeviceTable.COMPLETION_BYTES), 0); }

    /** Assembles {@code source} at {@code address} and writes it into DRAM through the host port. */
    ElfImage load(String source, int address) {
        ElfImage image = Assembler.assemble(source, "kernel.S", address);
        for (ElfImage.LoadSegment s : image.segments()) {
            byte[] bytes = Arrays.copyOf(s.data(), s.memorySize());
            write(s.address(), bytes);
        }
        return image;
    }

    // ------------------------------------------------------------------ running

    /** One {@link Backend#advance} of at most {@code maxRecords} records, kept in the stream. */
    Backend.Status advance(int maxRecords) {
        int from = log.size();
        Backend.Status status = chip.advance(log, maxRecords);
        int appended = log.size() - from;
        if (appended > maxRecords || (status == Backend.Status.RUNNING && appended < maxRecords)) {
            throw new AssertionError("advance(" + maxRecords + ") returned " + status + " after " + appended + " records");
        }
        drain();
        return status;
    }

    /** Advances until the device is idle. */
    void runUntilIdle() {
        while (advanceBounded() != Backend.Status.IDLE) { }
    }

    /** Advances until a command completes (or fails the test if the device goes idle first). */
    void runUntilCompletion() {
        Backend.Status s;
        while ((s = advanceBounded()) == Backend.Status.RUNNING) { }
        if (s != Backend.Status.COMPLETED) throw new AssertionError("the device went " + s + " before a command completed");
    }

    /** Raises the number of instruction records after which a run is called hung (for kernels that run long). */
    void allowInstructionRecords(long limit) { recordLimit = limit; }

    private Backend.Status advanceBounded() {
        if (instructionCount > recordLimit) throw new AssertionError("the device is still busy after " + recordLimit + " instruction records");
        return advance(log.capacity());
    }

    private void drain() {
        for (int i = 0; i < log.size(); i++) {
            if (log.isEvent(i)) {
                DeviceEvent kind = DeviceEvent.of(log.field(i, CommitLog.EV_KIND));
                if (kind == null) throw new AssertionError("event record of unknown kind " + log.field(i, CommitLog.EV_KIND));
                stream.add(new Event(kind, log.order(i), log.field(i, CommitLog.EV_INDEX), log.field(i, CommitLog.EV_ADDR),
                        log.field(i, CommitLog.EV_ARG), log.field(i, CommitLog.EV_W0), log.field(i, CommitLog.EV_W1),
                        log.field(i, CommitLog.EV_W2), log.field(i, CommitLog.EV_W3)));
            } else {
                if (instructionCount < KEPT_INSTRUCTIONS) stream.add(new Insn(log.get(i)));
                instructionCount++;
            }
        }
        log.clear();
    }

    // ------------------------------------------------------------------ the record stream

    /** Every kept record since this session started, in stream order. */
    List<Entry> stream() { return List.copyOf(stream); }

    List<Event> events() {
        List<Event> out = new ArrayList<>();
        for (Entry e : stream) if (e instanceof Event ev) out.add(ev);
        return out;
    }

    /** The kept instruction records, in order. */
    List<CommitRecord> instructions() {
        List<CommitRecord> out = new ArrayList<>();
        for (Entry e : stream) if (e instanceof Insn i) out.add(i.record());
        return out;
    }

    /** Instruction records produced since the session started (kept or not). */
    long instructionCount() { return instructionCount; }

    /** The last entry of the stream. */
    Entry last() {
        if (stream.isEmpty()) throw new AssertionError("no record yet");
        return stream.get(stream.size() - 1);
    }

    /** Forgets the stream so far (the count too). */
    void clearStream() {
        stream.clear();
        instructionCount = 0;
    }
}
