package dev.seedverify.cosim;

/**
 * How a lockstep run ended.
 *
 * @param records     records compared and found equal
 * @param tohostValue the value both sides wrote to tohost when {@link Outcome#HALTED}
 * @param divergence  the first divergence when {@link Outcome#DIVERGED}, else null
 */
public record LockstepResult(Outcome outcome, long records, int tohostValue, Divergence divergence) {

    public enum Outcome {
        /** Bare mode: both halted on the same record with identical histories. */
        HALTED,
        /** Command mode: both completed the same command with identical histories. */
        COMPLETED,
        /** Command mode: both went idle with identical histories. */
        IDLE,
        /** The record budget ran out with identical histories (a timeout of the program). */
        BUDGET,
        /** They differ: see {@link #divergence()}. */
        DIVERGED
    }

    public boolean diverged() { return outcome == Outcome.DIVERGED; }

    /** HTIF: both halted with tohost = 1. */
    public boolean passed() { return outcome == Outcome.HALTED && tohostValue == 1; }
}
