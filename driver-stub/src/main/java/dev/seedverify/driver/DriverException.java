package dev.seedverify.driver;

/** Everything the driver reports as an exception: bad requests, failed commands, a silent device. */
public abstract class DriverException extends RuntimeException {
    protected DriverException(String message) { super(message); }

    protected DriverException(String message, Throwable cause) { super(message, cause); }
}
