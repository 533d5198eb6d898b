package dev.seedverify.driver;

import dev.seedverify.golden.exec.Memory;

/**
 * How a device is opened.
 *
 * @param dramBytes        DRAM of the backend (when the driver opens it by name)
 * @param ringEntries      command ring entries, a power of two 2..65536 (a ring of one entry can never hold a
 *                         command: head == tail means empty, spec §4.1)
 * @param waitMode         polling DONE_COUNT or waiting for {@code irq}
 * @param pollRecords      device records (instructions and events) between two polls of the bus
 * @param timeoutRecords   device records a wait lets pass before it gives up
 * @param monitor          whether the bus protocol monitor watches the driver's traffic
 * @param bug              an injected driver bug, or null for the correct driver
 */
public record DeviceOptions(int dramBytes, int ringEntries, WaitMode waitMode, int pollRecords, long timeoutRecords, boolean monitor,
                            DriverBug bug) {
    public static final int DEFAULT_RING_ENTRIES = 64;
    public static final int DEFAULT_POLL_RECORDS = 256;
    /** Twice the default LAUNCH budget: a kernel that spends its whole budget completes well before. */
    public static final long DEFAULT_TIMEOUT_RECORDS = 1L << 25;

    public static DeviceOptions defaults() {
        return new DeviceOptions(Memory.DEFAULT_BYTES, DEFAULT_RING_ENTRIES, WaitMode.POLL, DEFAULT_POLL_RECORDS, DEFAULT_TIMEOUT_RECORDS,
                true, null);
    }

    public DeviceOptions withDramBytes(int bytes) { return new DeviceOptions(bytes, ringEntries, waitMode, pollRecords, timeoutRecords, monitor, bug); }

    public DeviceOptions withRingEntries(int n) { return new DeviceOptions(dramBytes, n, waitMode, pollRecords, timeoutRecords, monitor, bug); }

    public DeviceOptions withWaitMode(WaitMode m) { return new DeviceOptions(dramBytes, ringEntries, m, pollRecords, timeoutRecords, monitor, bug); }

    public DeviceOptions withPollRecords(int n) { return new DeviceOptions(dramBytes, ringEntries, waitMode, n, timeoutRecords, monitor, bug); }

    public DeviceOptions withTimeoutRecords(long n) { return new DeviceOptions(dramBytes, ringEntries, waitMode, pollRecords, n, monitor, bug); }

    public DeviceOptions withMonitor(boolean on) { return new DeviceOptions(dramBytes, ringEntries, waitMode, pollRecords, timeoutRecords, on, bug); }

    public DeviceOptions withBug(DriverBug b) { return new DeviceOptions(dramBytes, ringEntries, waitMode, pollRecords, timeoutRecords, monitor, b); }
}
