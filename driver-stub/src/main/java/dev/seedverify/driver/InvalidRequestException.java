package dev.seedverify.driver;

/**
 * A request the driver refused before anything reached the device: the device and the driver's
 * state are exactly as they were before the call.
 */
public class InvalidRequestException extends DriverException {
    /** What was wrong with the request. */
    public enum Reason {
        ZERO_SIZE, NEGATIVE_SIZE, BAD_ALIGNMENT, MISALIGNED, OUT_OF_RANGE, DOUBLE_FREE, USE_AFTER_FREE, FOREIGN_HANDLE,
        BAD_RING, BAD_ARGUMENT, CLOSED
    }

    private final Reason reason;

    public InvalidRequestException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
