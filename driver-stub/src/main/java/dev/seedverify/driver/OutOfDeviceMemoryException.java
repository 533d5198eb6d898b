package dev.seedverify.driver;

/** No hole of device memory fits an allocation; nothing was allocated. */
public final class OutOfDeviceMemoryException extends DriverException {
    private final long requested, freeBytes, largestHole;

    public OutOfDeviceMemoryException(long requested, long alignment, long freeBytes, long largestHole) {
        super(String.format("out of device memory: %d bytes aligned to %d requested; %d bytes free, the largest hole %d bytes",
                requested, alignment, freeBytes, largestHole));
        this.requested = requested;
        this.freeBytes = freeBytes;
        this.largestHole = largestHole;
    }

    public long requested() { return requested; }

    public long freeBytes() { return freeBytes; }

    public long largestHole() { return largestHole; }
}
