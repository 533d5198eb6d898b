package dev.seedverify.golden.lockstep;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.ArchState;

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

    /**
     * The architectural state once the program has stopped ({@link FinalStateCheck}), or empty
     * when this source cannot report it (the default). A source that has instructions in flight
     * past its last record (a pipelined core commits the next instructions before the halting
     * store's record comes out) first completes them and appends their records to
     * {@code inFlight}, so that every change of the state it reports is in a record.
     *
     * @throws TargetFailure when the target hangs, crashes or reports an error meanwhile
     */
    default Optional<ArchState> finalState(CommitLog inFlight) { return Optional.empty(); }

    /** The waveform file of this run, when tracing is on. */
    default Optional<Path> waveform() { return Optional.empty(); }

    @Override
    default void close() {}
}
