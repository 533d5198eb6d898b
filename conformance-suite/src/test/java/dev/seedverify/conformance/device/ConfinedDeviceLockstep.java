package dev.seedverify.conformance.device;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A {@link DeviceLockstep} on a thread of its own: jqwik shrinks on another thread than the one
 * that ran the tries, and a Verilator model runs only on the thread that created it.
 */
final class ConfinedDeviceLockstep implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "device-lockstep");
        t.setDaemon(true);
        return t;
    });
    private final DeviceLockstep lockstep;

    ConfinedDeviceLockstep(Supplier<DeviceLockstep> factory) { lockstep = call(factory::get); }

    DeviceLockstep.Result run(DeviceCase c) { return call(() -> lockstep.run(c)); }

    DeviceShrinker.Shrunk shrink(DeviceCase c, DeviceLockstep.Result r) { return call(() -> new DeviceShrinker(lockstep).shrink(c, r)); }

    <T> T call(Callable<T> task) {
        try {
            return thread.submit(task).get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            call(() -> {
                lockstep.close();
                return null;
            });
        } finally {
            thread.shutdownNow();
        }
    }
}
