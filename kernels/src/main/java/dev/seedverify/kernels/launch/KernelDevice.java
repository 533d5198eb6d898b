package dev.seedverify.kernels.launch;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.ForwardingBackend;
import dev.seedverify.cosim.LockstepBackend;
import dev.seedverify.driver.DeviceOptions;
import dev.seedverify.driver.KernelTrapException;
import dev.seedverify.driver.Launch;
import dev.seedverify.driver.S1Device;
import dev.seedverify.driver.WatchdogException;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.rtl.RtlSimulator;

import java.util.function.Consumer;

/**
 * An S1 opened through the host driver ({@link S1Device}) for running kernels, on a backend by
 * name: {@code golden}, {@code rtl}, or {@code lockstep} (golden vs RTL: every record, event, DRAM
 * image and idle register compared; a difference raises the backend's divergence exception out of
 * the driver call). Kernels are loaded, buffers allocated, written and read, and launches run by
 * the driver ({@link KernelPlacement} does that); a launch's end is the driver's: its result, or
 * its {@link KernelTrapException} / {@link WatchdogException}, turned into a {@link LaunchResult}.
 *
 * <p>Two things come from below the bus, never into the driver: the commit records the backend
 * delivers while a launch runs (a tap between driver and backend; for the xseed.h ordering check
 * and the compiler gate's store search), and the RTL's clock (cycles per launch, when an RTL is
 * below). Used on the thread that opened it (an RTL model runs only there).
 */
public final class KernelDevice implements AutoCloseable {
    /** Device records between two looks at DONE_COUNT: kernels are long, and an idle device is noticed at once anyway. */
    static final int POLL_RECORDS = 4096;

    private final String name;
    private final RecordTap tap;
    private final S1Device driver;
    private final RtlSimulator rtl;

    private KernelDevice(String name, Backend backend) {
        this.name = name;
        this.tap = new RecordTap(backend);
        this.rtl = rtlOf(backend);
        DeviceOptions options = DeviceOptions.defaults().withDramBytes(backend.dramBytes()).withPollRecords(POLL_RECORDS)
                .withTimeoutRecords(2 * S1Device.MAX_BUDGET);
        this.driver = S1Device.open(tap, options);
    }

    /** Opens backend {@code name} ({@code golden}, {@code rtl}, {@code lockstep}, ...) with the default DRAM. */
    public static KernelDevice open(String name) {
        Backend b = Backends.open(name, Memory.DEFAULT_BYTES);
        try {
            return new KernelDevice(name, b);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    private static RtlSimulator rtlOf(Backend b) {
        if (b instanceof RtlBackend r) return r.simulator();
        if (b instanceof LockstepBackend l) return rtlOf(l.dut());
        return null;
    }

    /** The backend's name as opened ({@code golden}, {@code rtl}, {@code lockstep}). */
    public String name() { return name; }

    /** The host driver of this device. */
    public S1Device driver() { return driver; }

    /** Whether launches report RTL cycles. */
    public boolean hasClock() { return rtl != null; }

    /** Runs a launch through the driver to its end; {@code records} (null: none) sees the commit records of the launch. */
    public LaunchResult launch(Launch launch, Consumer<CommitLog> records) {
        long start = rtl == null ? 0 : rtl.cycles();
        Completion c;
        String trap = null;
        tap.sink = records;
        try {
            c = driver.launch(launch).completion();
        } catch (KernelTrapException e) {
            c = e.completion();
            trap = String.format("pc 0x%08x: %s", e.pc(), e.disassembly());
        } catch (WatchdogException e) {
            c = e.completion();
        } finally {
            tap.sink = null;
        }
        return new LaunchResult(c.statusEnum(), c.result(), c.tval(), Integer.toUnsignedLong(c.retired()), rtl == null ? -1 : rtl.cycles() - start,
                trap);
    }

    public LaunchResult launch(Launch launch) { return launch(launch, null); }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            tap.close();
        }
    }

    /** Hands the records each advance of the backend delivered to a sink (the driver clears its log after every advance). */
    private static final class RecordTap extends ForwardingBackend {
        Consumer<CommitLog> sink;

        RecordTap(Backend inner) { super(inner); }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            int from = log.size();
            Status s = inner.advance(log, maxRecords);
            if (sink != null && log.size() > from) {
                if (from != 0) throw new IllegalStateException("the driver advanced the device into a log holding " + from + " records");
                sink.accept(log);
            }
            return s;
        }
    }
}
