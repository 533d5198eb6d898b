package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.cosim.BackendFailure;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Tiles;
import dev.seedverify.rtl.jni.S1Glue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One simulation of an {@link RtlModel}: its own Verilator context, DRAM backdoor, commit-record
 * draining and waveform. Cycles run inside native code ({@link #run} makes one JNI call per batch
 * of records, never one per cycle or instruction); records come back through direct buffers in
 * {@link CommitLog}'s layout and are bulk-appended with {@link CommitLog#appendRaw}.
 *
 * <p><b>Threads:</b> a simulator is used only on the thread that created it (Verilator's rule);
 * any call from another thread throws {@link IllegalStateException}. Simulators on different
 * threads run in parallel.
 *
 * <p><b>Failures:</b> a model crash ($fatal, $stop, $finish, failed assertion, Verilator internal
 * error, C++ exception) ends the call with an {@link RtlSimulationException} (a
 * {@link BackendFailure} of kind CRASH); the simulator is then dead: every call except
 * {@link #close()} throws {@link IllegalStateException}. A core that stops retiring returns
 * {@link RunResult.Status#HANG} after the hang budget. Nothing ends the JVM.
 *
 * <p>Typical use, bare mode: {@code create}, {@link #loadBare(ElfImage)} (reset, then load), {@link #run}
 * (or {@link RtlBackend} for co-simulation), {@link #drain} and {@link #archState()} for the state
 * at the end, {@link #close()}. Command mode (spec §4): {@link #resetCommand()}, kernels and data
 * into DRAM with {@link #hostWrite}, the ring configured and rung with {@link #mmioWrite}, then
 * {@link #run} until {@link RunResult.Status#COMPLETED} (one command done; its completion event is
 * the last record) or {@link RunResult.Status#IDLE}; the log holds the kernels' instruction records
 * and the device events (CommitLog FLAG_EVENT) in the order the chip produced them. MMIO and host
 * memory accesses go through the model's real ports and take simulated cycles; what the chip
 * produces meanwhile is delivered by the next run.
 */
public final class RtlSimulator implements AutoCloseable {
    public static final int DRAM_BASE = Memory.BASE;
    /** Default hang budget: cycles without a record before {@link RunResult.Status#HANG}. */
    public static final long DEFAULT_HANG_CYCLES = 10_000;
    /** Default number of records drained per native call. */
    public static final int DEFAULT_BATCH = 256;
    /** Cycles rst_n is held low. */
    public static final int RESET_CYCLES = 5;
    /** Cycles {@link #drain} waits for the pipeline to empty (a divide takes 34 in EX). */
    public static final long DRAIN_CYCLES = 1_000;

    private static final Cleaner CLEANER = Cleaner.create();

    /** What must be freed when the simulator is closed or unreachable. */
    private static final class Native implements Runnable {
        long sim;

        Native(long sim) { this.sim = sim; }

        @Override
        public void run() {
            if (sim != 0) {
                S1Glue.destroy(sim);
                sim = 0;
            }
        }
    }

    private final RtlModel model;
    private final int dramBytes;
    private final Thread owner;
    private final Native nat;
    private final Cleaner.Cleanable cleanable;
    private final int capacity;
    private final IntBuffer recBuf, accBuf, tileBuf;
    private final LongBuffer result;
    private final int[] recTmp, accTmp, tileTmp;
    private boolean buffersAttached;
    private boolean closed;
    private String deathMessage;
    private long hangBudget = DEFAULT_HANG_CYCLES;
    private int resetPc = DRAM_BASE;
    private boolean commandMode;
    private int tohostValue;
    private Path traceFile;
    /** A drain ended and nothing ran since: the CSR view holds the current values. */
    private boolean drained;

    private RtlSimulator(RtlModel model, long sim, int capacity) {
        this.model = model;
        this.dramBytes = model.dramBytes();
        this.owner = Thread.currentThread();
        this.nat = new Native(sim);
        this.cleanable = CLEANER.register(this, nat);
        this.capacity = capacity;
        recBuf = direct(capacity * CommitLog.RECORD_INTS);
        accBuf = direct(capacity * CommitLog.MAX_ACCESSES * CommitLog.ACCESS_INTS);
        tileBuf = direct(capacity * CommitLog.TILE_INTS);
        result = ByteBuffer.allocateDirect(S1Glue.R_COUNT * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
        recTmp = new int[capacity * CommitLog.RECORD_INTS];
        accTmp = new int[capacity * CommitLog.MAX_ACCESSES * CommitLog.ACCESS_INTS];
        tileTmp = new int[capacity * CommitLog.TILE_INTS];
        S1Glue.setEcho(sim, 2);
        S1Glue.setHangBudget(sim, hangBudget);
    }

    private static IntBuffer direct(int ints) {
        return ByteBuffer.allocateDirect(ints * Integer.BYTES).order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    /** A simulator with the model's DRAM size and the default batch, bound to the calling thread. */
    public static RtlSimulator create(RtlModel model) {
        return create(model, model.dramBytes(), DEFAULT_BATCH);
    }

    /**
     * A simulator bound to the calling thread.
     *
     * @param dramBytes must equal the model's built DRAM_BYTES (the size is fixed at Verilator time)
     * @throws IllegalArgumentException if {@code dramBytes} differs from the built size
     * @throws RtlSimulationException   if the model crashes while starting (e.g. $fatal at time 0)
     * @throws IllegalStateException    if the model has no DRAM backdoor or its DRAM is not the built size
     */
    public static RtlSimulator create(RtlModel model, int dramBytes) {
        return create(model, dramBytes, DEFAULT_BATCH);
    }

    /** As {@link #create(RtlModel, int)} with {@code batch} records drained per native call. */
    public static RtlSimulator create(RtlModel model, int dramBytes, int batch) {
        Objects.requireNonNull(model, "model");
        if (dramBytes != model.dramBytes()) {
            throw new IllegalArgumentException("DRAM size " + dramBytes + " bytes requested but " + model.library()
                    + " was built with DRAM_BYTES = " + model.dramBytes() + " (rebuild with BuildOptions.withDramBytes)");
        }
        if (batch < 1 || batch > (1 << 20)) throw new IllegalArgumentException("batch must be 1..2^20: " + batch);
        long sim = S1Glue.create(model.handle());
        if (sim == 0) {
            String message = S1Glue.error();
            // "model crashed while starting: ...", "C++ exception while starting the model: ..."
            if (message.contains("while starting")) throw new RtlSimulationException(BackendFailure.Kind.CRASH, message, 0, "");
            throw new IllegalStateException(model.library() + ": " + message);
        }
        return new RtlSimulator(model, sim, batch);
    }

    // ------------------------------------------------------------------ checks

    private long sim() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("RtlSimulator created on thread \"" + owner.getName() + "\" used on thread \""
                    + Thread.currentThread().getName() + "\": a Verilator model runs only on the thread that created it");
        }
        if (closed) throw new IllegalStateException("RtlSimulator is closed");
        if (deathMessage != null) {
            throw new IllegalStateException("RtlSimulator is dead after a crash and cannot continue (close it): " + deathMessage);
        }
        return nat.sim;
    }

    /** Turns a non-OK status of a non-run call into an exception. */
    private void check(long sim, int status, String what) {
        switch (status) {
            case S1Glue.OK -> { }
            case S1Glue.BAD_ARGUMENT -> throw new IllegalArgumentException(what + ": " + S1Glue.simError(sim));
            case S1Glue.UNSUPPORTED -> throw new UnsupportedOperationException(what + ": " + S1Glue.simError(sim));
            case S1Glue.CRASH -> throw crashed(sim);
            case S1Glue.DEAD -> throw new IllegalStateException("RtlSimulator is dead: " + S1Glue.simError(sim));
            default -> throw new IllegalStateException(what + ": status " + status + ": " + S1Glue.simError(sim));
        }
    }

    private RtlSimulationException crashed(long sim) {
        deathMessage = S1Glue.simError(sim);
        return new RtlSimulationException(BackendFailure.Kind.CRASH, deathMessage, S1Glue.cycles(sim), S1Glue.simOutput(sim));
    }

    /**
     * Selects mutant {@code id} of a mutant model of the mutation engine (0: the original design);
     * it holds until changed, so select before resetting. Refused ({@link UnsupportedOperationException})
     * by a model without a mutant select, e.g. the real RTL.
     */
    public void selectMutant(int id) {
        long s = sim();
        check(s, S1Glue.selectMutant(s, id), "select mutant " + id);
    }

    // ------------------------------------------------------------------ reset and memory

    /** Bare-mode reset (spec §3): pc = 0x8000_0000, window = all of DRAM, stop_on_trap = 0. */
    public void resetBare() {
        reset(DRAM_BASE, DRAM_BASE, DRAM_BASE + dramBytes, false);
    }

    /**
     * Holds rst_n low for {@value #RESET_CYCLES} cycles with these inputs, then releases it. Keeps
     * DRAM and the tohost address; clears the record counters and the tohost value.
     */
    public void reset(int resetPc, int windowLo, int windowHi, boolean stopOnTrap) {
        long s = sim();
        drained = false;
        check(s, S1Glue.reset(s, S1Glue.MODE_BARE, resetPc, windowLo, windowHi, stopOnTrap ? 1 : 0, RESET_CYCLES), "reset");
        this.resetPc = resetPc;
        commandMode = false;
        tohostValue = 0;
    }

    /**
     * Command-mode reset (spec §3, §4.3): rst_n held low for {@value #RESET_CYCLES} cycles with
     * cmd_mode set, then all of DRAM zeroed (so every model starts from the same memory; the chip is
     * idle then, so nothing of a previous run can land in it). Afterwards the device registers have
     * their reset values (ID, DRAM_KIB, STATUS = QERR, the rest 0), irq is low and the core idles
     * until a LAUNCH. tohost is switched off.
     */
    public void resetCommand() {
        long s = sim();
        drained = false;
        check(s, S1Glue.reset(s, S1Glue.MODE_COMMAND, DRAM_BASE, DRAM_BASE, DRAM_BASE + dramBytes, 0, RESET_CYCLES),
                "reset");
        check(s, S1Glue.dramFill(s, 0, dramBytes, 0), "clear DRAM");
        resetPc = DRAM_BASE;
        commandMode = true;
        tohostValue = 0;
    }

    /** Whether the last reset was into command mode. */
    public boolean isCommandMode() { return commandMode; }

    /**
     * Starts a bare-mode program: resets the core ({@link #resetBare()}), then {@link #load loads}
     * {@code image}. In this order the image is written after the last clock edge at which anything
     * of the previous program could still act (the reset edges; a core whose in-flight store reached
     * memory during reset, as the S1 RTL's once did, then writes into the old image, which the load
     * overwrites), and the first edge after it starts from an empty pipeline. Loading first and then
     * resetting lets such a store land in the new program.
     */
    public void loadBare(ElfImage image) {
        sim();
        // A bad image leaves the simulator as it was: checked before the reset.
        image.requireWithin(DRAM_BASE, dramBytes);
        if (image.tohost().isPresent()) checkTohost(image.tohost().getAsInt());
        resetBare();
        load(image);
    }

    /**
     * Loads an image through the DRAM backdoor: checks that every segment fits DRAM and that
     * tohost (if the image defines it) is a word in DRAM before touching anything, then zeroes all
     * of DRAM, copies the segments and sets the tohost address (cleared when the image has none).
     * Does not reset the core: {@link #loadBare} resets it first, which is the safe order on a
     * simulator that ran a program before.
     *
     * @throws dev.seedverify.golden.elf.ElfFormatException if a segment lies outside DRAM
     * @throws IllegalArgumentException if tohost is not a word-aligned DRAM address
     */
    public void load(ElfImage image) {
        long s = sim();
        image.requireWithin(DRAM_BASE, dramBytes);
        if (image.tohost().isPresent()) checkTohost(image.tohost().getAsInt());
        check(s, S1Glue.dramFill(s, 0, dramBytes, 0), "clear DRAM");
        for (ElfImage.LoadSegment seg : image.segments()) {
            byte[] data = seg.data();
            check(s, S1Glue.dramWrite(s, seg.address() - DRAM_BASE, data, 0, data.length), "load " + image.name());
        }
        if (image.tohost().isPresent()) setTohost(image.tohost().getAsInt());
        else clearTohost();
    }

    private void checkTohost(int address) {
        if ((address & 3) != 0 || !inDram(address, 4)) {
            throw new IllegalArgumentException(String.format("tohost 0x%08x must be a word-aligned DRAM address", address));
        }
    }

    private boolean inDram(int address, long length) {
        long off = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(DRAM_BASE);
        return off >= 0 && length >= 0 && off + length <= dramBytes;
    }

    private int offset(int address, long length) {
        if (!inDram(address, length)) {
            throw new IllegalArgumentException(String.format("[0x%08x, 0x%09x) is outside DRAM [0x%08x, 0x%09x)", address,
                    Integer.toUnsignedLong(address) + length, DRAM_BASE, Integer.toUnsignedLong(DRAM_BASE) + dramBytes));
        }
        return address - DRAM_BASE;
    }

    /** Writes bytes into DRAM through the backdoor (no simulated time passes). */
    public void writeDram(int address, byte[] data) {
        writeDram(address, data, 0, data.length);
    }

    public void writeDram(int address, byte[] data, int off, int len) {
        long s = sim();
        Objects.checkFromIndexSize(off, len, data.length);
        int o = offset(address, len);
        check(s, S1Glue.dramWrite(s, o, data, off, len), "write DRAM");
    }

    /** Reads bytes from DRAM through the backdoor. */
    public byte[] readDram(int address, int length) {
        long s = sim();
        if (length < 0) throw new IllegalArgumentException("negative length");
        int o = offset(address, length);
        byte[] out = new byte[length];
        check(s, S1Glue.dramRead(s, o, out, 0, length), "read DRAM");
        return out;
    }

    /** Fills DRAM bytes with {@code value}. */
    public void fillDram(int address, int length, int value) {
        long s = sim();
        int o = offset(address, length);
        check(s, S1Glue.dramFill(s, o, length, value), "fill DRAM");
    }

    /** The little-endian word at a word-aligned DRAM address. */
    public int readWord(int address) {
        if ((address & 3) != 0) throw new IllegalArgumentException(String.format("0x%08x is not word-aligned", address));
        byte[] b = readDram(address, 4);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | b[3] << 24;
    }

    public void writeWord(int address, int value) {
        if ((address & 3) != 0) throw new IllegalArgumentException(String.format("0x%08x is not word-aligned", address));
        writeDram(address, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
    }

    // ------------------------------------------------------------------ host side of the device

    /**
     * Reads an MMIO register through the host MMIO port (spec §4.1; one simulated cycle).
     *
     * @param offset a word offset in the register window (DeviceTable.MMIO_BYTES); a word without a register reads 0
     * @throws IllegalArgumentException for any other offset
     */
    public int mmioRead(int offset) {
        long s = sim();
        drained = false;   // the chip runs during the access
        DeviceTable.requireMmioOffset(offset);
        long v = S1Glue.mmioRead(s, offset);
        if (v < 0) check(s, (int) -v, String.format("MMIO read at 0x%02x", offset));
        return (int) v;
    }

    /** Writes an MMIO register through the host MMIO port (one simulated cycle). */
    public void mmioWrite(int offset, int value) {
        long s = sim();
        drained = false;   // the chip runs during the access
        DeviceTable.requireMmioOffset(offset);
        check(s, S1Glue.mmioWrite(s, offset, value), String.format("MMIO write at 0x%02x", offset));
    }

    /**
     * Writes bytes into DRAM through the host memory port: byte-masked word writes, each clocking
     * the model until the port acknowledges it (the core's tile unit has priority on the port).
     *
     * @throws IllegalArgumentException if the range is not inside DRAM
     */
    public void hostWrite(int address, byte[] data, int off, int len) {
        long s = sim();
        drained = false;   // the chip runs during the access
        Objects.checkFromIndexSize(off, len, data.length);
        int o = offset(address, len);
        check(s, S1Glue.hostWrite(s, o, data, off, len), String.format("host write at 0x%08x", address));
    }

    public void hostWrite(int address, byte[] data) {
        hostWrite(address, data, 0, data.length);
    }

    /** Reads bytes of DRAM through the host memory port (word reads). */
    public byte[] hostRead(int address, int length) {
        long s = sim();
        drained = false;   // the chip runs during the access
        if (length < 0) throw new IllegalArgumentException("negative length");
        int o = offset(address, length);
        byte[] out = new byte[length];
        check(s, S1Glue.hostRead(s, o, out, 0, length), String.format("host read at 0x%08x", address));
        return out;
    }

    /** The level of the irq output (spec §4.3). */
    public boolean irq() {
        long s = sim();
        int v = S1Glue.irq(s);
        if (v < 0) check(s, -v, "irq");
        return v != 0;
    }

    // ------------------------------------------------------------------ tohost, hang budget

    /** A store that leaves a non-zero word at {@code address} halts the run (bare mode, spec §3). */
    public void setTohost(int address) {
        long s = sim();
        checkTohost(address);
        check(s, S1Glue.setTohost(s, 1, address), "set tohost");
        tohostValue = 0;
    }

    public void clearTohost() {
        long s = sim();
        check(s, S1Glue.setTohost(s, 0, 0), "clear tohost");
        tohostValue = 0;
    }

    /** The non-zero word written to tohost once a run {@link RunResult.Status#HALTED}, else 0. */
    public int tohostValue() {
        return tohostValue;
    }

    /** Cycles without a record before a run returns {@link RunResult.Status#HANG}; 0 never. */
    public void setHangBudget(long cycles) {
        long s = sim();
        if (cycles < 0) throw new IllegalArgumentException("negative hang budget");
        hangBudget = cycles;
        S1Glue.setHangBudget(s, cycles);
    }

    public long hangBudget() { return hangBudget; }

    // ------------------------------------------------------------------ running

    /**
     * Simulates until {@code maxCycles} cycles have passed, {@code maxRecords} records were
     * delivered, the program halted (tohost) or trapped out (stop_on_trap), a command completed or
     * the device is idle (command mode), or the chip hung (no instruction record, device event or
     * device DRAM transfer for the hang budget). With a {@code log}, the records (instructions and
     * device events) are appended to it (it must have room for {@code maxRecords}); with null they
     * are only counted.
     *
     * @throws RtlSimulationException kind CRASH when the model crashed (the records produced before
     *         are appended first; the simulator is dead afterwards), kind ERROR when the RTL broke
     *         the commit port contract
     */
    public RunResult run(long maxCycles, long maxRecords, CommitLog log) {
        long s = sim();
        if (maxCycles < 0 || maxRecords < 0) throw new IllegalArgumentException("negative budget");
        if (log != null && maxRecords > log.capacity() - log.size()) {
            throw new IllegalArgumentException("the log has room for " + (log.capacity() - log.size()) + " records, not "
                    + maxRecords);
        }
        if ((log != null) != buffersAttached) {
            int r = log != null ? S1Glue.setBuffers(s, recBuf, accBuf, tileBuf, capacity) : S1Glue.clearBuffers(s);
            check(s, r, "commit buffers");
            buffersAttached = log != null;
        }
        drained = false;
        long cycles = 0, records = 0, retired = 0, events = 0;
        LongBuffer res = result;
        int status;
        while (true) {
            long n = log == null ? maxRecords - records : Math.min(capacity, maxRecords - records);
            status = S1Glue.run(s, maxCycles - cycles, n, res);
            cycles += res.get(S1Glue.R_CYCLES);
            int got = (int) res.get(S1Glue.R_RECORDS);
            records += got;
            retired += res.get(S1Glue.R_RETIRED);
            events += res.get(S1Glue.R_EVENTS);
            if (log != null && got > 0) drain(log, got);
            if (status == S1Glue.RECORD_LIMIT && records < maxRecords && cycles < maxCycles) continue;
            break;
        }
        if (status == S1Glue.RECORD_LIMIT && records < maxRecords) status = S1Glue.CYCLE_LIMIT;
        switch (status) {
            case S1Glue.CRASH -> throw crashed(s);
            case S1Glue.PROTOCOL -> throw new RtlSimulationException(BackendFailure.Kind.ERROR, S1Glue.simError(s),
                    res.get(S1Glue.R_TOTAL_CYCLES), S1Glue.simOutput(s));
            case S1Glue.DEAD -> throw new IllegalStateException("RtlSimulator is dead: " + S1Glue.simError(s));
            case S1Glue.BAD_ARGUMENT -> throw new IllegalArgumentException(S1Glue.simError(s));
            default -> { }
        }
        RunResult.Status st = switch (status) {
            case S1Glue.RECORD_LIMIT -> RunResult.Status.RECORD_LIMIT;
            case S1Glue.CYCLE_LIMIT -> RunResult.Status.CYCLE_LIMIT;
            case S1Glue.HALTED -> RunResult.Status.HALTED;
            case S1Glue.TRAPPED -> RunResult.Status.TRAPPED;
            case S1Glue.HANG -> RunResult.Status.HANG;
            case S1Glue.COMPLETED -> RunResult.Status.COMPLETED;
            case S1Glue.IDLE -> RunResult.Status.IDLE;
            default -> throw new IllegalStateException("unexpected native status " + status);
        };
        if (st == RunResult.Status.HALTED) tohostValue = (int) res.get(S1Glue.R_TOHOST);
        long lastOrder = res.get(S1Glue.R_LAST_ORDER);
        int lastPc = (int) res.get(S1Glue.R_LAST_PC), lastPcNext = (int) res.get(S1Glue.R_LAST_PC_NEXT);
        long corePc = res.get(S1Glue.R_CORE_PC);
        String message = null;
        if (st == RunResult.Status.HANG) {
            message = "no instruction retired in " + hangBudget + " cycles after "
                    + (lastOrder < 0 ? String.format("reset (reset pc 0x%08x", resetPc)
                       : String.format("order %d at pc 0x%08x (next pc 0x%08x", lastOrder, lastPc, lastPcNext))
                    + (corePc >= 0 ? String.format(", core pc 0x%08x)", corePc) : ")")
                    + " at cycle " + res.get(S1Glue.R_TOTAL_CYCLES);
        }
        return new RunResult(st, cycles, (int) Math.min(Integer.MAX_VALUE, records), (int) Math.min(Integer.MAX_VALUE, events),
                (int) Math.min(Integer.MAX_VALUE, retired),
                st == RunResult.Status.HALTED ? tohostValue : 0, res.get(S1Glue.R_TOTAL_CYCLES), lastOrder, lastPc, lastPcNext,
                corePc, message);
    }

    /** Runs until {@code maxRecords} records, halt, trap stop, completion, idle device or hang, without a cycle limit. */
    public RunResult run(long maxRecords, CommitLog log) {
        return run(Long.MAX_VALUE, maxRecords, log);
    }

    /** Bulk-copies the batch the native run just wrote into {@code log}. */
    private void drain(CommitLog log, int n) {
        int accesses = (int) result.get(S1Glue.R_ACCESSES);
        recBuf.get(0, recTmp, 0, n * CommitLog.RECORD_INTS);
        if (accesses > 0) accBuf.get(0, accTmp, 0, accesses * CommitLog.ACCESS_INTS);
        if (result.get(S1Glue.R_TILE_RECORDS) > 0) {
            // Only tile data of records that wrote a tile is significant: copy from the first one on.
            int first = (int) result.get(S1Glue.R_FIRST_TILE);
            tileBuf.get(first * CommitLog.TILE_INTS, tileTmp, first * CommitLog.TILE_INTS, (n - first) * CommitLog.TILE_INTS);
        }
        log.appendRaw(recTmp, n, accTmp, accesses, tileTmp);
    }

    // ------------------------------------------------------------------ state

    /**
     * Ends the program at an instruction boundary: the core fetches nothing new and the
     * instructions already in its pipeline complete (the model's {@code drain} input, until
     * {@code drained}). Their records, which {@link #run} stopped short of (a halt is seen in WB,
     * when the next instructions have already passed the commit point), are appended to
     * {@code log}. Afterwards {@link #archState()} is the state after the last record. Fetch
     * resumes with the next {@link #run}.
     *
     * @return the records appended
     * @throws RtlSimulationException kind HANG when the pipeline is still busy after
     *         {@value #DRAIN_CYCLES} cycles, CRASH or ERROR as for {@link #run}
     */
    public int drain(CommitLog log) {
        long s = sim();
        Objects.requireNonNull(log, "log");
        if (!buffersAttached) {
            check(s, S1Glue.setBuffers(s, recBuf, accBuf, tileBuf, capacity), "commit buffers");
            buffersAttached = true;
        }
        int total = 0;
        long cycles = 0;
        while (true) {
            int status = S1Glue.drain(s, DRAIN_CYCLES - cycles, result);
            cycles += result.get(S1Glue.R_CYCLES);
            int got = (int) result.get(S1Glue.R_RECORDS);
            if (got > log.capacity() - log.size()) {
                throw new IllegalArgumentException("the log has room for " + (log.capacity() - log.size()) + " records, the pipeline held "
                        + got + " more");
            }
            if (got > 0) drain(log, got);
            total += got;
            switch (status) {
                case S1Glue.DRAINED -> {
                    drained = true;
                    return total;
                }
                case S1Glue.RECORD_LIMIT -> { }
                case S1Glue.HANG -> throw new RtlSimulationException(BackendFailure.Kind.HANG, S1Glue.simError(s),
                        result.get(S1Glue.R_TOTAL_CYCLES), S1Glue.simOutput(s));
                case S1Glue.CRASH -> throw crashed(s);
                case S1Glue.PROTOCOL -> throw new RtlSimulationException(BackendFailure.Kind.ERROR, S1Glue.simError(s),
                        result.get(S1Glue.R_TOTAL_CYCLES), S1Glue.simOutput(s));
                default -> check(s, status, "drain");
            }
        }
    }

    /** What CSR {@code csr} read at the end of the last {@link #drain} (the model samples its CSR view while draining). */
    public int csr(Csr csr) {
        long s = sim();
        if (!drained) throw new IllegalStateException("read " + csr.mnemonic() + ": drain() first (the model samples its CSRs while draining)");
        long v = S1Glue.readCsr(s, csr.address());
        if (v < 0) check(s, (int) -v, "read " + csr.mnemonic());
        return (int) v;
    }

    /** A copy of tile {@code index}'s 256 bytes (row r at bytes 32r..32r+31), through the tile backdoor. */
    public byte[] tile(int index) {
        long s = sim();
        byte[] out = new byte[Tiles.TILE_BYTES];
        check(s, S1Glue.readTile(s, index, out, 0), "read tile " + index);
        return out;
    }

    /** The {@link dev.seedverify.golden.exec.DramDigest} of all of DRAM, computed natively. */
    public long dramDigest() {
        long s = sim();
        long[] d = new long[1];
        check(s, S1Glue.dramDigest(s, d), "DRAM digest");
        return d[0];
    }

    /**
     * The architectural state through the backdoors: GPRs, the public pc, every CSR, the tiles
     * and the DRAM digest. Meaningful at an instruction boundary, i.e. after {@link #drain}.
     */
    public ArchState archState() {
        int[] x = new int[32];
        for (int r = 1; r < 32; r++) x[r] = gpr(r);
        Map<Integer, Integer> csrs = new LinkedHashMap<>();
        for (Csr c : Csr.values()) csrs.put(c.address(), csr(c));
        byte[][] tiles = new byte[Tiles.COUNT][];
        for (int t = 0; t < Tiles.COUNT; t++) tiles[t] = tile(t);
        return ArchState.of(x, pc(), csrs, tiles, dramDigest());
    }

    /** Register x{@code index} through the public register file. */
    public int gpr(int index) {
        long s = sim();
        long v = S1Glue.readGpr(s, index);
        if (v < 0) check(s, (int) -v, "read x" + index);
        return (int) v;
    }

    /** The core's public pc (oldest instruction not yet retired). */
    public int pc() {
        long s = sim();
        long v = S1Glue.readPc(s);
        if (v < 0) check(s, (int) -v, "read pc");
        return (int) v;
    }

    /** Cycles since reset. */
    public long cycles() {
        return S1Glue.cycles(sim());
    }

    /** The tail (up to ~8 KiB) of what the model printed ($display, Verilator messages). */
    public String modelOutput() {
        if (Thread.currentThread() != owner) throw new IllegalStateException("wrong thread");
        if (closed) throw new IllegalStateException("RtlSimulator is closed");
        return S1Glue.simOutput(nat.sim);
    }

    /** Where the model's output is echoed besides being kept: 0 nowhere, 1 stdout, 2 stderr (default). */
    public void setEcho(int fd) {
        S1Glue.setEcho(sim(), fd);
    }

    public RtlModel model() { return model; }

    public int dramBytes() { return dramBytes; }

    /** False once the model crashed. */
    public boolean isAlive() { return !closed && deathMessage == null; }

    public boolean isClosed() { return closed; }

    // ------------------------------------------------------------------ waveforms

    /**
     * Traces the following cycles (FST) into {@code file}, replacing a trace already open. Costs
     * about 27x in speed: trace the replay of a short failing run.
     *
     * @throws UnsupportedOperationException if the model was built without tracing
     */
    public void traceOpen(Path file) {
        long s = sim();
        if (!model.tracing()) throw new UnsupportedOperationException(model.library() + " was built without tracing");
        Path abs = file.toAbsolutePath();
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(s, S1Glue.traceOpen(s, abs.toString()), "open trace " + abs);
        traceFile = abs;
    }

    public void traceFlush() {
        long s = sim();
        check(s, S1Glue.traceFlush(s), "flush trace");
    }

    /** Closes the trace file (complete and readable afterwards); allowed after a crash. */
    public void traceClose() {
        if (Thread.currentThread() != owner) sim(); // throws the wrong-thread message
        if (closed) throw new IllegalStateException("RtlSimulator is closed");
        S1Glue.traceClose(nat.sim);
    }

    /** The trace file of the current or last traced run. */
    public Optional<Path> traceFile() { return Optional.ofNullable(traceFile); }

    /**
     * Closes the trace file (if open) and frees the model. Idempotent; allowed on a dead simulator;
     * must be called on the owner thread.
     */
    @Override
    public void close() {
        if (closed) return;
        if (Thread.currentThread() != owner) sim(); // throws the wrong-thread message
        closed = true;
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "RtlSimulator[" + model.library() + (closed ? ", closed" : deathMessage != null ? ", dead" : "") + "]";
    }
}
