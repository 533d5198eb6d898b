package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One simulated S1 that co-simulation drives and observes: the golden model, the RTL simulation,
 * a mutant of it, or a third-party core behind the same interface. Everything the comparator,
 * the driver and the suites do to a chip goes through here: reset into bare or command mode
 * (spec §3), run while draining commit records and device events (spec §5), the host bus of
 * command mode (MMIO registers and the host memory port, spec §4.1), and state read-out.
 *
 * <p>A backend is used on the thread that opened it (a Verilator model runs only there) and is
 * reused across programs: every reset starts from zeroed DRAM, so nothing of one run leaks into
 * the next.
 */
public interface Backend extends AutoCloseable {

    /** Why {@link #advance} returned. */
    enum Status {
        /** {@code maxRecords} records were appended; there is more to do. */
        RUNNING,
        /** Bare mode: the last record's store left a non-zero word at tohost (spec §3). */
        HALTED,
        /** Command mode: the last record is a command's completion event. */
        COMPLETED,
        /** Command mode: the device has nothing to do (ring empty or misconfigured, core idle). */
        IDLE
    }

    /** The name it is selected by ({@code golden}, {@code rtl}, {@code mutant:NAME}, ...). */
    String name();

    /** What it is, for reports: the model, its build id and tool versions. */
    String describe();

    /** DRAM bytes (a power of two, spec §1). */
    int dramBytes();

    // ------------------------------------------------------------------ modes

    /**
     * Bare-mode reset (spec §3) with {@code image} loaded: DRAM zeroed, the image's segments
     * copied, registers and CSRs zero, pc = 0x8000_0000, the tohost symbol (if any) armed.
     *
     * @throws IllegalArgumentException if the image does not fit DRAM or its tohost is not a DRAM word
     */
    void loadBare(ElfImage image);

    /**
     * Command-mode reset (spec §3, §4.3): DRAM zeroed, device registers at their reset values,
     * the core idle until the command processor launches a kernel.
     */
    void resetCommand();

    // ------------------------------------------------------------------ running

    /**
     * Runs until {@code maxRecords} records (instructions and, in command mode, device events)
     * have been appended to {@code log}, which has room for them, or until a stop: a tohost halt
     * (bare), a command completion or an idle device (command mode).
     *
     * @throws BackendFailure when the simulation hangs, crashes or breaks its own protocol
     */
    Status advance(CommitLog log, int maxRecords);

    /** The word written to tohost once {@link Status#HALTED}, else 0. */
    int tohostValue();

    // ------------------------------------------------------------------ host bus (command mode)

    /** Reads an MMIO register (spec §4.1); {@code offset} is a word offset in the register window. */
    int mmioRead(int offset);

    /** Writes an MMIO register. */
    void mmioWrite(int offset, int value);

    /** Writes bytes into DRAM through the host memory port. */
    void hostWrite(int address, byte[] data, int offset, int length);

    /** Reads bytes of DRAM through the host memory port. */
    byte[] hostRead(int address, int length);

    /** The level of the {@code irq} output. */
    boolean irq();

    /**
     * Whether the device has nothing to do: no command executing, and the ring empty
     * (CQ_HEAD == CQ_TAIL) or misconfigured (QERR). A point where the timing-dependent registers
     * (STATUS.BUSY, CQ_HEAD, DONE_COUNT, IRQ_STATUS) of two implementations must agree.
     *
     * @throws IllegalStateException outside command mode
     */
    boolean idle();

    // ------------------------------------------------------------------ backdoors (no simulated time)

    /**
     * The {@link dev.seedverify.golden.exec.DramDigest} of all of DRAM, read through a backdoor:
     * no simulated time passes and nothing on the chip's ports moves.
     */
    long dramDigest();

    /** {@code length} bytes of DRAM at {@code address} through the same backdoor (for reports of a difference). */
    byte[] peekDram(int address, int length);

    // ------------------------------------------------------------------ state

    /**
     * Writes a CSR as a debugger would, between instructions. The comparator uses it to give the
     * reference the implementation-defined values (mcycle reads, spec §1.1) the DUT observed, so
     * a backend that serves as a lockstep reference must support it.
     *
     * @throws UnsupportedOperationException if this backend cannot write CSRs from outside
     */
    void setCsr(int address, int value);

    /**
     * The architectural state once a bare-mode program has stopped (GPRs, pc, CSRs, tiles, a digest
     * of DRAM), for the end-of-program comparison ({@link FinalStateCheck}). A pipelined backend
     * has committed instructions past its last record: it first stops fetching and completes them,
     * appending their records to {@code inFlight}, so that every change of the state it reports is
     * in a record. Empty when this backend cannot report its state. Reset before running again.
     *
     * @throws BackendFailure when the backend hangs or crashes meanwhile
     */
    Optional<ArchState> finalState(CommitLog inFlight);

    /** The waveform file of the current run, when tracing is on. */
    default Optional<Path> waveform() { return Optional.empty(); }

    /** Traces the following runs into {@code file} (FST for the RTL); unsupported by default. */
    default void traceInto(Path file) {
        throw new UnsupportedOperationException(name() + " does not produce waveforms");
    }

    @Override
    void close();
}
