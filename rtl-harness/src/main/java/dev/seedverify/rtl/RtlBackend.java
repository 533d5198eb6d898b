package dev.seedverify.rtl;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.BackendFailure;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.isa.Csr;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An RTL model (the built-in S1, a mutant, any library of the same C ABI) as a co-simulation
 * {@link Backend}: one {@link RtlSimulator}, reset and reloaded between programs, never rebuilt.
 * {@link #advance} runs natively until the batch is full, the tohost halt (bare mode), a command
 * completion or an idle device (command mode) or a hang, and bulk-appends the records (in command
 * mode the kernels' instruction records and the device events, in the order the chip produced
 * them). The host bus goes through the model's MMIO and host memory ports. A hang becomes
 * {@code BackendFailure(HANG, ...)}; a model crash an {@link RtlSimulationException} (kind CRASH)
 * after the records produced before it were appended.
 *
 * <p>Like its simulator, a backend is used on the thread that created it.
 */
public final class RtlBackend implements Backend {
    private final RtlSimulator sim;
    private final String name;
    private final String description;
    private Path nextTrace;

    /** A backend over a new simulator of {@code model}, named {@code name} ({@code rtl}, {@code mutant:X}). */
    public RtlBackend(RtlModel model, String name) {
        this(RtlSimulator.create(model), name, model.describe());
    }

    /** A backend over {@code sim} (closed with the backend), described as {@code description}. */
    public RtlBackend(RtlSimulator sim, String name, String description) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
    }

    public RtlSimulator simulator() { return sim; }

    @Override
    public String name() { return name; }

    @Override
    public String describe() { return description; }

    @Override
    public int dramBytes() { return sim.dramBytes(); }

    /** Resets, then loads ({@link RtlSimulator#loadBare}): nothing of the previous program can touch the new image. */
    @Override
    public void loadBare(ElfImage image) {
        if (sim.traceFile().isPresent()) sim.traceClose();
        sim.loadBare(image);
        startTrace();
    }

    /** The command-mode reset, then DRAM zeroed (the device's registers at their reset values, the core idle). */
    @Override
    public void resetCommand() {
        if (sim.traceFile().isPresent()) sim.traceClose();
        sim.resetCommand();
        startTrace();
    }

    private void startTrace() {
        if (nextTrace != null) {
            sim.traceOpen(nextTrace);
            nextTrace = null;
        }
    }

    @Override
    public Status advance(CommitLog log, int maxRecords) {
        RunResult r;
        try {
            r = sim.run(Long.MAX_VALUE, maxRecords, log);
        } catch (IllegalStateException e) {
            if (!sim.isAlive() && !sim.isClosed()) throw new BackendFailure(BackendFailure.Kind.CRASH, e.getMessage(), e);
            throw e;
        }
        return switch (r.status()) {
            case RECORD_LIMIT -> Status.RUNNING;
            case HALTED -> Status.HALTED;
            case TRAPPED -> throw new BackendFailure(BackendFailure.Kind.ERROR, "the core stopped at a trap in bare mode");
            case HANG -> throw new BackendFailure(BackendFailure.Kind.HANG, r.message());
            case CYCLE_LIMIT -> throw new BackendFailure(BackendFailure.Kind.ERROR, "cycle limit reached");
            case COMPLETED -> Status.COMPLETED;
            case IDLE -> Status.IDLE;
        };
    }

    @Override
    public int tohostValue() { return sim.tohostValue(); }

    @Override
    public int mmioRead(int offset) { return sim.mmioRead(offset); }

    @Override
    public void mmioWrite(int offset, int value) { sim.mmioWrite(offset, value); }

    @Override
    public void hostWrite(int address, byte[] data, int offset, int length) { sim.hostWrite(address, data, offset, length); }

    @Override
    public byte[] hostRead(int address, int length) { return sim.hostRead(address, length); }

    @Override
    public boolean irq() { return sim.irq(); }

    /** The RTL's CSRs are not writable from outside: it is a DUT, never a lockstep reference. */
    @Override
    public void setCsr(int address, int value) {
        Csr c = Csr.byAddress(address);
        throw new UnsupportedOperationException(name + " cannot write " + (c == null ? String.format("CSR 0x%03x", address) : c.mnemonic())
                + " from outside: the RTL can only be the DUT of a lockstep comparison");
    }

    /** Drains the pipeline (its records into {@code inFlight}), then reads the state through the backdoors. */
    @Override
    public Optional<ArchState> finalState(CommitLog inFlight) {
        sim.drain(inFlight);
        return Optional.of(sim.archState());
    }

    /** The trace file when tracing is or was on (flushed, so what is there so far is readable). */
    @Override
    public Optional<Path> waveform() {
        Optional<Path> f = sim.traceFile();
        if (f.isPresent() && sim.isAlive()) {
            try {
                sim.traceFlush();
            } catch (RuntimeException e) {
                // best effort: the file is completed by close()
            }
        }
        return f;
    }

    /** Traces the next program (from its reset on) into {@code file} (FST). */
    @Override
    public void traceInto(Path file) {
        if (!sim.model().tracing()) throw new UnsupportedOperationException(sim.model().library() + " was built without tracing");
        nextTrace = file;
    }

    @Override
    public void close() { sim.close(); }
}
