package dev.seedverify.golden.exec;

/** Why {@link Hart#run} returned. */
public enum StopReason {
    /** A store wrote a non-zero word to {@code tohost} (bare mode). */
    HALTED,
    /** The step budget of this call ran out. */
    BUDGET,
    /** The commit log is full; drain it and call run again. */
    LOG_FULL,
    /** Command mode: the kernel trapped (ecall included); see mcause/mtval. */
    TRAPPED
}
