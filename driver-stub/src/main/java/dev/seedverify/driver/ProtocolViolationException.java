package dev.seedverify.driver;

/** Thrown by a strict {@link BusMonitor} at the bus access that broke the protocol. */
public final class ProtocolViolationException extends DriverException {
    private final ProtocolViolation violation;

    public ProtocolViolationException(ProtocolViolation violation) {
        super("bus protocol violation: " + violation);
        this.violation = violation;
    }

    public ProtocolViolation violation() { return violation; }
}
