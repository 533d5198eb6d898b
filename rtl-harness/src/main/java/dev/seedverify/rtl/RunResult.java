package dev.seedverify.rtl;

/**
 * How one {@link RtlSimulator#run} call ended and what it did.
 *
 * @param status      why it returned
 * @param cycles      cycles simulated by the call
 * @param records     commit records delivered by the call, instruction records and device events
 *                    (appended to the log when one was given)
 * @param events      of those, device event records (command mode)
 * @param retired     of those, instruction records that did not trap
 * @param tohostValue the word at tohost when {@link Status#HALTED}, else 0
 * @param totalCycles cycles since reset
 * @param lastOrder   rvfi_order of the last record since reset, or -1
 * @param lastPc      pc of that record (the reset pc if none)
 * @param lastPcNext  its next pc
 * @param corePc      the core's public pc (oldest not-yet-retired instruction), or -1 if not public
 * @param message     for {@link Status#HANG}: what a {@code BackendFailure} reports, else null
 */
public record RunResult(Status status, long cycles, int records, int events, int retired, int tohostValue, long totalCycles,
                        long lastOrder, int lastPc, int lastPcNext, long corePc, String message) {

    public enum Status {
        /** The requested number of records was produced; the program goes on. */
        RECORD_LIMIT,
        /** The requested number of cycles was simulated. */
        CYCLE_LIMIT,
        /** The last record's store left a non-zero word at tohost (bare mode). */
        HALTED,
        /** stop_on_trap is set and the last record trapped. */
        TRAPPED,
        /** No record for more than the hang budget; the simulator stays usable (inspect it, trace it). */
        HANG,
        /** Command mode: the last record is a command's completion event. */
        COMPLETED,
        /** Command mode: the device is idle (nothing executing, nothing to consume); nothing was simulated after. */
        IDLE
    }
}
