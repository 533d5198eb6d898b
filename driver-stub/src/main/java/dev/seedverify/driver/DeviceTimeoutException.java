package dev.seedverify.driver;

/**
 * A wait ended without the command completing: the timeout elapsed, or the device went idle with
 * the command still outstanding (it stopped responding). The submission stays outstanding: a later
 * wait may still collect it.
 */
public final class DeviceTimeoutException extends DriverException {
    public DeviceTimeoutException(String message) { super(message); }
}
