package dev.seedverify.golden.lockstep;

import dev.seedverify.golden.commit.CommitLog;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Anything that executes a program and produces commit records: the RTL simulation, another
 * RVFI core, or the golden model itself. The lockstep comparator only sees this interface.
 */
public interface CommitSource extends AutoCloseable {

    /** Why {@link #advance} returned. */
    enum Status {
        /** {@code maxRecords} records were appended; the program goes on. */
        RUNNING,
        /** The program wrote tohost (bare mode); the last record is the store that did it. */
        HALTED,
        /** Command mode: the kernel stopped at a trap (ecall included). */
        TRAPPED
    }

    /**
     * Executes until {@code maxRecords} records have been appended to {@code log} (which has room
     * for them) or the program stops.
     *
     * @throws TargetFailure when the target hangs, crashes or reports an error
     */
    Status advance(CommitLog log, int maxRecords);

    /** The word written to tohost once {@link Status#HALTED}. */
    int tohostValue();

    /** Short description for reports, e.g. "RTL s1_top (Verilator 5.006)". */
    String describe();

    /** The waveform file of this run, when tracing is on. */
    default Optional<Path> waveform() { return Optional.empty(); }

    @Override
    default void close() {}
}
