package dev.seedverify.driver;

/** The device broke spec §4 as the driver observes it (a wrong ID, a completion with a foreign tag, a backend failure). */
public final class DeviceProtocolException extends DriverException {
    public DeviceProtocolException(String message) { super(message); }

    public DeviceProtocolException(String message, Throwable cause) { super(message, cause); }
}
