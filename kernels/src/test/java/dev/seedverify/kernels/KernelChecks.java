package dev.seedverify.kernels;

import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.BuildConfig;
import dev.seedverify.kernels.build.KernelBuilder;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.cases.KernelCase;
import dev.seedverify.kernels.launch.KernelDevice;
import dev.seedverify.kernels.launch.KernelRunner;

/**
 * What every kernel property checks: the case run on a device, in each variant, ends with ecall
 * and status OK, every output element equals the reference, nothing outside the outputs and the
 * stack changed, and the run kept xseed.h's ordering contract (checked on the records the backend delivered).
 */
public final class KernelChecks {
    /**
     * One golden device per thread: jqwik's time-bounded shrinking may abandon a try that is still
     * running on another thread, and a hart must never run two launches at once.
     */
    private static final ThreadLocal<KernelDevice> GOLDEN = ThreadLocal.withInitial(() -> KernelDevice.open("golden"));

    private KernelChecks() {}

    /** The library the properties run on (gcc -O2), built once per JVM. */
    public static KernelLibrary standard() { return KernelBuilder.build(BuildConfig.standard()); }

    /** This thread's golden device (through the driver). */
    public static KernelDevice golden() { return GOLDEN.get(); }

    /** Throws an AssertionError naming what differs when {@code c} fails in {@code variant}. */
    public static void check(KernelLibrary library, KernelCase c, Variant variant, KernelDevice device, int filler) {
        KernelRunner.Outcome o = KernelRunner.run(c, library, variant, device, filler, KernelRunner.DEFAULT_BUDGET);
        if (!o.passed()) throw new AssertionError(library.config() + ": " + o);
    }

    /** Both variants. */
    public static void checkBoth(KernelLibrary library, KernelCase c, KernelDevice device, int filler) {
        for (Variant v : Variant.values()) check(library, c, v, device, filler);
    }
}
