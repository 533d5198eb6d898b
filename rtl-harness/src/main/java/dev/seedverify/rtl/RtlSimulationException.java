package dev.seedverify.rtl;

import dev.seedverify.cosim.BackendFailure;

/**
 * The RTL simulation could not go on: the model crashed ({@code $fatal}, {@code $stop},
 * {@code $finish}, a failed assertion, a Verilator internal error, a C++ exception; kind
 * {@link Kind#CRASH}, the simulator is dead afterwards) or the RTL broke the commit-port
 * contract (kind {@link Kind#ERROR}). It is a {@link BackendFailure}, so the lockstep comparator
 * reports it as a divergence; the JVM is never affected.
 */
public class RtlSimulationException extends BackendFailure {
    private static final long serialVersionUID = 1L;
    private final long cycle;
    private final String modelOutput;

    public RtlSimulationException(Kind kind, String message, long cycle, String modelOutput) {
        super(kind, message);
        this.cycle = cycle;
        this.modelOutput = modelOutput == null ? "" : modelOutput;
    }

    /** Cycles since reset when it happened. */
    public long cycle() { return cycle; }

    /** The tail of what the model printed ($display, Verilator messages) up to the failure. */
    public String modelOutput() { return modelOutput; }
}
