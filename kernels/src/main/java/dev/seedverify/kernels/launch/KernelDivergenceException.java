package dev.seedverify.kernels.launch;

import dev.seedverify.cosim.Divergence;

/** Golden model and RTL did not agree while running a kernel in lockstep; the message is the divergence report. */
public class KernelDivergenceException extends RuntimeException {
    private final transient Divergence divergence;

    public KernelDivergenceException(String message, Divergence divergence) {
        super(message);
        this.divergence = divergence;
    }

    /** The first divergence of the records, or null when the memories differed after equal records. */
    public Divergence divergence() { return divergence; }
}
