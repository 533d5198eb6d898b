package dev.seedverify.kernels;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.BuildConfig;
import dev.seedverify.kernels.build.KernelBuilder;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.cases.KernelCase;
import dev.seedverify.kernels.cases.TinyCnn;
import dev.seedverify.kernels.gate.GateSuite;
import dev.seedverify.kernels.launch.KernelRunner;
import dev.seedverify.kernels.launch.KernelDevice;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kernels through the driver on the lockstep backend (golden device vs RTL device: every record,
 * event, DRAM image and idle register equal, else the divergence report is raised) and the
 * outputs equal to the reference. The default tier runs every kernel of the gate suite in
 * both variants, the tiny CNN and a few generated cases per kernel on the standard build; the soak
 * tier runs the whole build matrix and many more cases.
 */
class LockstepKernelsTest {
    /** Per thread: an RTL model runs only on the thread that opened it, and jqwik may shrink on another thread. */
    private static final java.util.List<KernelDevice> OPENED = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private static final ThreadLocal<KernelDevice> DEVICE = ThreadLocal.withInitial(() -> {
        KernelDevice d = KernelDevice.open("lockstep");
        OPENED.add(d);
        return d;
    });

    static KernelDevice device() { return DEVICE.get(); }

    @AfterContainer
    static void close() {
        // each simulator is closed by the thread that owns it; this one's here, others' with their threads
        KernelDevice mine = DEVICE.get();
        mine.close();
        DEVICE.remove();
    }

    @Example
    void everyKernelAgreesWithTheRtlAndTheReference() {
        KernelLibrary lib = KernelChecks.standard();
        for (GateSuite.Row row : GateSuite.rows(2)) {
            KernelRunner.Outcome o = KernelRunner.run(row.kase(), lib, row.variant(), device());
            assertThat(o.passed()).as("%s", o).isTrue();
            assertThat(o.launch().cycles()).as("%s: RTL cycles", row.name()).isGreaterThan(o.launch().retired());
        }
    }

    @Example
    void theTinyCnnAgreesWithTheRtlAndTheReference() {
        for (Variant v : Variant.values()) {
            TinyCnn.Outcome o = TinyCnn.seeded(4).run(KernelChecks.standard(), v, device(), KernelRunner.DEFAULT_BUDGET);
            assertThat(o.passed()).as("%s:%n%s", v, o).isTrue();
        }
    }

    @Property(seed = "77", tries = 20)
    void generatedCasesAgreeWithTheRtl(@ForAll("small") KernelCase c) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, device(), 0);
    }

    /** The soak tier: the whole build matrix in lockstep. */
    @Example
    @AddLifecycleHook(Tier.SoakOnly.class)
    void everyBuildAgreesWithTheRtlSoak() {
        for (BuildConfig config : BuildConfig.matrix()) {
            KernelLibrary lib = KernelBuilder.build(config);
            for (GateSuite.Row row : GateSuite.rows(5)) {
                KernelRunner.Outcome o = KernelRunner.run(row.kase(), lib, row.variant(), device());
                assertThat(o.passed()).as("%s %s", config, o).isTrue();
            }
        }
    }

    @Property(tries = 300)
    @AddLifecycleHook(Tier.SoakOnly.class)
    void generatedCasesAgreeWithTheRtlSoak(@ForAll("small") KernelCase c) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, device(), 0);
    }

    /** Cases of every kernel with shapes of at most 33 per dimension (lockstep runs about 2 M instructions a second). */
    @Provide
    Arbitrary<KernelCase> small() {
        return Arbitraries.of(Kernel.values()).flatMap(k -> KernelArbitraries.of(k).map(c -> (KernelCase) c))
                .filter(c -> c.inputs().values().stream().mapToInt(b -> b.length).sum() <= 4096);
    }
}
