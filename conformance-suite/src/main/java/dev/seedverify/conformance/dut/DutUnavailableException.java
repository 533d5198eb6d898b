package dev.seedverify.conformance.dut;

/** A DUT cannot be opened here; the message says why and what to do. */
public final class DutUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DutUnavailableException(String message) { super(message); }

    public DutUnavailableException(String message, Throwable cause) { super(message, cause); }
}
