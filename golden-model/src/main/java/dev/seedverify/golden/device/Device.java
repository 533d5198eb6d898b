package dev.seedverify.golden.device;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.StopReason;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.TrapCause;

import java.util.Objects;

/**
 * The golden S1 in command mode (spec §4): the MMIO registers, the command processor that consumes
 * the ring in order, the DMA engine (COPY, FILL), and the core, which idles until a LAUNCH. The
 * readings where the spec is silent are those of the design document and the README ("Device
 * readings"); the numbers all come from {@link DeviceTable} and its enums.
 *
 * <p>The device is sequential: {@link #run} executes commands one after the other and appends, in
 * one ordered stream, the kernel's instruction records and the device's event records (spec §5).
 * It stops after a given number of records, so a host can act between any two records; a command
 * is <em>in flight</em> (STATUS.BUSY) from the moment its descriptor is read until its completion
 * event. Host actions made while a command is in flight see the intermediate state, which the
 * spec leaves implementation-defined (§4.3).
 *
 * <p>The device allocates nothing per command; the core's loop is the {@link Hart}'s (a LAUNCH
 * decodes its kernel afresh, as the hart drops decoded code when the window changes). Not
 * thread-safe.
 */
public final class Device {

    /** Why {@link #run} returned. */
    public enum Stop {
        /** The last record appended is a command's completion event. */
        COMPLETED,
        /** Nothing to do: no command in flight and the ring empty or misconfigured (QERR). */
        IDLE,
        /** {@code maxRecords} records were appended (or the log is full); there is more to do. */
        RECORD_LIMIT
    }

    /** What the command in flight does next. */
    private enum Phase {
        /** No command in flight. */
        NONE,
        /** A LAUNCHed kernel is running. */
        KERNEL,
        /** The command's work is done; its completion (record, registers, event) is next. */
        COMPLETING
    }

    /** FILL writes through a pattern buffer of this many bytes (a multiple of 4 keeps the phase). */
    private static final int FILL_CHUNK = 4096;

    private final Hart hart;
    private final Memory mem;
    private final int[] descriptor = new int[DeviceTable.DESCRIPTOR_WORDS];
    /** FILL's bytes for the last pattern and start phase (dst mod 4), kept for the next FILL. */
    private final byte[] fillChunk = new byte[FILL_CHUNK];
    private int fillChunkPattern, fillChunkPhase;
    private boolean fillChunkValid;

    // MMIO registers (spec §4.1); STATUS is made of busy and qerr.
    private int cqBase, cqEntries, cqTail, cqHead, irqStatus, irqEnable, doneCount;
    private boolean qerr;

    // The command in flight.
    private Phase phase;
    private int index, tag, completionAddress, status, result, tval, retired;
    /** LAUNCH: the hart's record count when the kernel started, and the kernel's budget. */
    private long kernelStart, budget;

    /** A device with its own core and {@code dramBytes} of DRAM, in its command-mode reset state. */
    public Device(int dramBytes) {
        this(new Hart(new Memory(dramBytes)));
    }

    /**
     * A device around {@code hart} and its memory (a backend that also runs the hart in bare mode
     * shares it). The registers start at their reset values; {@link #reset} also zeroes DRAM and
     * the core, as the chip's command-mode reset does.
     */
    public Device(Hart hart) {
        this.hart = Objects.requireNonNull(hart, "hart");
        this.mem = hart.memory();
        resetRegisters();
    }

    public Hart hart() { return hart; }

    public Memory memory() { return mem; }

    // ------------------------------------------------------------------ reset

    /**
     * Command-mode reset (spec §3, §4.3): DRAM zeroed, registers at their reset values (ID,
     * DRAM_KIB, STATUS = QERR, all else 0), core state zero and the core idle, no command in flight.
     */
    public void reset() {
        mem.clear();
        hart.resetBare();
        hart.clearTohost();
        resetRegisters();
    }

    private void resetRegisters() {
        cqBase = cqEntries = cqTail = cqHead = irqStatus = irqEnable = doneCount = 0;
        qerr = !ringValid(cqBase, cqEntries);
        phase = Phase.NONE;
    }

    // ------------------------------------------------------------------ MMIO (spec §4.1, §4.3)

    /**
     * Reads the register at {@code offset}; a word of the window without a register reads 0.
     *
     * @throws IllegalArgumentException if {@code offset} is not a word offset inside the window
     */
    public int mmioRead(int offset) {
        MmioRegister r = MmioRegister.at(offset);
        if (r == null) return 0;
        return switch (r) {
            case ID -> DeviceTable.ID_VALUE;
            case DRAM_KIB -> mem.size() / 1024;
            case STATUS -> (busy() ? DeviceTable.STATUS_BUSY : 0) | (qerr ? DeviceTable.STATUS_QERR : 0);
            case CQ_BASE -> cqBase;
            case CQ_ENTRIES -> cqEntries;
            case CQ_TAIL -> cqTail;
            case CQ_HEAD -> cqHead;
            case IRQ_STATUS -> irqStatus;
            case IRQ_ENABLE -> irqEnable;
            case DONE_COUNT -> doneCount;
        };
    }

    /**
     * Writes the register at {@code offset} with its rules: read-only registers and words without
     * a register ignore writes; the ring configuration changes only while the ring is empty and
     * no command is in flight; the doorbell ignores indices past the ring and a misconfigured
     * ring; IRQ_STATUS clears the bits written as 1.
     *
     * @throws IllegalArgumentException if {@code offset} is not a word offset inside the window
     */
    public void mmioWrite(int offset, int value) {
        MmioRegister r = MmioRegister.at(offset);
        if (r == null || r.access() == MmioRegister.Access.RO) return;
        switch (r) {
            case CQ_BASE, CQ_ENTRIES -> {
                if (cqHead != cqTail || busy()) return;
                if (r == MmioRegister.CQ_BASE) cqBase = value;
                else cqEntries = value;
                cqHead = cqTail = 0;
                qerr = !ringValid(cqBase, cqEntries);
            }
            case CQ_TAIL -> {
                if (qerr || Integer.compareUnsigned(value, cqEntries) >= 0) return;
                cqTail = value;
            }
            case IRQ_STATUS -> irqStatus &= ~value;
            case IRQ_ENABLE -> irqEnable = value & DeviceTable.IRQ_MASK;
            default -> throw new AssertionError("writable register without a rule: " + r);
        }
    }

    /** QERR's negation (§4.3): entries a power of two in 1..65536, base aligned, the ring inside DRAM. */
    private boolean ringValid(int base, int entries) {
        return Integer.bitCount(entries) == 1 && Integer.compareUnsigned(entries, DeviceTable.RING_MAX_ENTRIES) <= 0
                && (base & (DeviceTable.RING_ALIGN - 1)) == 0 && mem.contains(base, entries * DeviceTable.DESCRIPTOR_BYTES);
    }

    /** The level of the {@code irq} output: {@code |(IRQ_STATUS & IRQ_ENABLE)}. */
    public boolean irq() { return (irqStatus & irqEnable) != 0; }

    /** STATUS.BUSY: a command is in flight. */
    public boolean busy() { return phase != Phase.NONE; }

    /** Nothing to do: no command in flight, and the ring empty or misconfigured. */
    public boolean idle() { return phase == Phase.NONE && (cqHead == cqTail || qerr); }

    // ------------------------------------------------------------------ host memory port

    /**
     * Writes {@code data[offset .. offset+length)} into DRAM at {@code address}.
     *
     * @throws IllegalArgumentException if the range is not inside DRAM (a harness error, not a bus fault)
     */
    public void hostWrite(int address, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        requireDram(address, length);
        mem.write(address - Memory.BASE, data, offset, length);
    }

    /**
     * Reads {@code length} bytes of DRAM at {@code address}.
     *
     * @throws IllegalArgumentException if the range is not inside DRAM
     */
    public byte[] hostRead(int address, int length) {
        requireDram(address, length);
        byte[] out = new byte[length];
        mem.read(address - Memory.BASE, out, 0, length);
        return out;
    }

    private void requireDram(int address, int length) {
        if (!mem.contains(address, length)) {
            throw new IllegalArgumentException(String.format(
                    "host memory access of %d bytes at 0x%08x is outside DRAM [0x%08x, 0x%08x)",
                    length, address, Memory.BASE, mem.end()));
        }
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs the device: consumes the ring in order and appends to {@code log} the kernels'
     * instruction records and the device's event records, until {@code maxRecords} records were
     * appended (or the log is full), a command completed (right after its completion event), or
     * the device is idle.
     */
    public Stop run(CommitLog log, int maxRecords) {
        Objects.requireNonNull(log, "log");
        if (maxRecords < 0) throw new IllegalArgumentException("maxRecords must not be negative: " + maxRecords);
        int limit = log.size() + Math.min(maxRecords, log.capacity() - log.size());
        while (true) {
            if (idle()) return Stop.IDLE;
            if (log.size() >= limit) return Stop.RECORD_LIMIT;
            switch (phase) {
                case NONE -> start(log);
                case KERNEL -> runKernel(log, limit);
                case COMPLETING -> {
                    complete(log);
                    return Stop.COMPLETED;
                }
            }
        }
    }

    /**
     * Starts entry CQ_HEAD: reads its descriptor, checks it (BAD_COMMAND, then BAD_ADDRESS) and
     * executes it; a COPY or FILL moves its data here and appends its DMA_WRITE event.
     */
    private void start(CommitLog log) {
        index = cqHead;
        int at = cqBase + DeviceTable.DESCRIPTOR_BYTES * index - Memory.BASE;
        for (int w = 0; w < descriptor.length; w++) descriptor[w] = mem.loadWord(at + 4 * w);
        int header = descriptor[DeviceTable.DESC_W_HEADER];
        tag = DeviceTable.headerTag(header);
        completionAddress = descriptor[DeviceTable.DESC_W_COMPLETION];
        result = tval = retired = 0;
        phase = Phase.COMPLETING;
        Opcode op = Opcode.of(DeviceTable.headerOpcode(header));
        if (op == null || !reservedFieldsZero(op, header)) {
            status = CompletionStatus.BAD_COMMAND.code();
            return;
        }
        if (!addressesValid(op)) {
            status = CompletionStatus.BAD_ADDRESS.code();
            return;
        }
        status = CompletionStatus.OK.code();
        switch (op) {
            case LAUNCH -> {
                long b = field(DescriptorField.LAUNCH_BUDGET) & 0xFFFF_FFFFL;
                budget = b == 0 ? DeviceTable.LAUNCH_DEFAULT_BUDGET : b;
                hart.launch(field(DescriptorField.LAUNCH_ENTRY), field(DescriptorField.LAUNCH_A0),
                        field(DescriptorField.LAUNCH_SP), field(DescriptorField.LAUNCH_WINDOW_BASE),
                        field(DescriptorField.LAUNCH_WINDOW_LIMIT));
                kernelStart = hart.order();
                phase = Phase.KERNEL;
            }
            case COPY -> {
                int src = field(DescriptorField.COPY_SRC), dst = field(DescriptorField.COPY_DST);
                int length = field(DescriptorField.COPY_LENGTH);
                if (length != 0) {
                    mem.move(src - Memory.BASE, dst - Memory.BASE, length);
                    dmaWritten(log, dst, length, src);
                }
            }
            case FILL -> {
                int dst = field(DescriptorField.FILL_DST), length = field(DescriptorField.FILL_LENGTH);
                int pattern = field(DescriptorField.FILL_PATTERN);
                if (length != 0) {
                    fill(dst, length, pattern);
                    dmaWritten(log, dst, length, pattern);
                }
            }
            case NOP -> { }
        }
    }

    private int field(DescriptorField f) { return descriptor[f.word()]; }

    /** No flag is defined in v1, and the words 1..6 the opcode does not use must be zero. */
    private boolean reservedFieldsZero(Opcode op, int header) {
        if (DeviceTable.headerFlags(header) != 0) return false;
        for (int w = DeviceTable.DESC_W_HEADER + 1; w < DeviceTable.DESC_W_COMPLETION; w++) {
            if (descriptor[w] != 0 && !op.uses(w)) return false;
        }
        return true;
    }

    /** The BAD_ADDRESS rules of each opcode; the entry pc and sp are not checked against the window. */
    private boolean addressesValid(Opcode op) {
        return switch (op) {
            case LAUNCH -> {
                int entry = field(DescriptorField.LAUNCH_ENTRY), sp = field(DescriptorField.LAUNCH_SP);
                int base = field(DescriptorField.LAUNCH_WINDOW_BASE), limit = field(DescriptorField.LAUNCH_WINDOW_LIMIT);
                yield ((entry | sp | base | limit) & (DeviceTable.LAUNCH_ALIGN - 1)) == 0
                        && Integer.compareUnsigned(base, limit) < 0 && mem.contains(base, limit - base);
            }
            case COPY -> mem.contains(field(DescriptorField.COPY_SRC), field(DescriptorField.COPY_LENGTH))
                    && mem.contains(field(DescriptorField.COPY_DST), field(DescriptorField.COPY_LENGTH));
            case FILL -> mem.contains(field(DescriptorField.FILL_DST), field(DescriptorField.FILL_LENGTH));
            case NOP -> true;
        };
    }

    /** The byte at address a gets byte (a mod 4) of the little-endian pattern. */
    private void fill(int dst, int length, int pattern) {
        if (!fillChunkValid || pattern != fillChunkPattern || (dst & 3) != fillChunkPhase) {
            for (int i = 0; i < FILL_CHUNK; i++) fillChunk[i] = (byte) (pattern >>> 8 * ((dst + i) & 3));
            fillChunkPattern = pattern;
            fillChunkPhase = dst & 3;
            fillChunkValid = true;
        }
        int off = dst - Memory.BASE;
        for (int done = 0; done < length; done += FILL_CHUNK) {
            mem.write(off + done, fillChunk, 0, Math.min(FILL_CHUNK, length - done));
        }
    }

    private void dmaWritten(CommitLog log, int dst, int length, int sourceOrPattern) {
        log.event(hart.order(), DeviceEvent.DMA_WRITE.code(), index, dst, length, DeviceTable.headerOpcode(descriptor[DeviceTable.DESC_W_HEADER]),
                sourceOrPattern, 0, 0);
    }

    /**
     * Runs the kernel until it ends or the records run out. It ends at its first trap (ecall: OK
     * with x10; any other: TRAP with mcause and mtval) or when its retired instructions reach the
     * budget (WATCHDOG). Every record before a trap is a retirement, so the hart's step budget is
     * the retirement budget.
     */
    private void runKernel(CommitLog log, int limit) {
        long ran = hart.order() - kernelStart;
        CommitLog previous = hart.commitLog();
        hart.setCommitLog(log);
        StopReason stop;
        try {
            stop = hart.run(Math.min(budget - ran, limit - log.size()));
        } finally {
            hart.setCommitLog(previous);
        }
        ran = hart.order() - kernelStart;
        switch (stop) {
            case TRAPPED -> {
                retired = (int) (ran - 1);
                int cause = hart.csr(Csr.MCAUSE);
                if (cause == TrapCause.ECALL.code()) {
                    status = CompletionStatus.OK.code();
                    result = hart.x(10);
                } else {
                    status = CompletionStatus.TRAP.code();
                    result = cause;
                    tval = hart.csr(Csr.MTVAL);
                }
                phase = Phase.COMPLETING;
            }
            case BUDGET, LOG_FULL -> {
                if (ran == budget) {
                    retired = (int) ran;
                    status = CompletionStatus.WATCHDOG.code();
                    phase = Phase.COMPLETING;
                }
            }
            case HALTED -> throw new IllegalStateException("a kernel halted on tohost, which LAUNCH disarms");
        }
    }

    /**
     * Completes the command in flight, all at once: the completion record into DRAM (unless its
     * address is bad), DONE_COUNT, CQ_HEAD and IRQ_STATUS, then the COMPLETION event.
     */
    private void complete(CommitLog log) {
        int w0 = (status & DeviceTable.COMP_STATUS_MASK) | tag << DeviceTable.COMP_TAG_SHIFT;
        boolean written = (completionAddress & (DeviceTable.COMPLETION_ALIGN - 1)) == 0
                && mem.contains(completionAddress, DeviceTable.COMPLETION_BYTES);
        if (written) {
            int off = completionAddress - Memory.BASE;
            mem.storeWord(off + 4 * DeviceTable.COMP_W_STATUS_TAG, w0);
            mem.storeWord(off + 4 * DeviceTable.COMP_W_RESULT, result);
            mem.storeWord(off + 4 * DeviceTable.COMP_W_TVAL, tval);
            mem.storeWord(off + 4 * DeviceTable.COMP_W_RETIRED, retired);
        }
        doneCount++;
        cqHead = (cqHead + 1) % cqEntries;
        irqStatus |= DeviceTable.IRQ_DONE;
        if (status != CompletionStatus.OK.code() || !written) irqStatus |= DeviceTable.IRQ_ERROR;
        phase = Phase.NONE;
        log.event(hart.order(), DeviceEvent.COMPLETION.code(), index, completionAddress, written ? 1 : 0, w0, result, tval,
                retired);
    }
}
