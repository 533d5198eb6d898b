package dev.seedverify.conformance.device;

import dev.seedverify.conformance.prop.ModelThread;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A {@link DeviceLockstep} on a thread of its own: jqwik shrinks on another thread than the one
 * that ran the tries, and a Verilator model runs only on the thread that created it.
 */
final class ConfinedDeviceLockstep implements AutoCloseable {
    private final ModelThread thread = new ModelThread("device-lockstep");
    private final DeviceLockstep lockstep;

    ConfinedDeviceLockstep(Supplier<DeviceLockstep> factory) { lockstep = call(factory::get); }

    DeviceLockstep.Result run(DeviceCase c) { return call(() -> lockstep.run(c)); }

    DeviceShrinker.Shrunk shrink(DeviceCase c, DeviceLockstep.Result r) { return call(() -> new DeviceShrinker(lockstep).shrink(c, r)); }

    <T> T call(Callable<T> task) { return thread.call(task); }

    @Override
    public void close() { thread.close(lockstep); }
}
