package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.rtl.RtlBackendProvider;
import dev.seedverify.conformance.Tier;
import dev.seedverify.cosim.Backends;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.golden.exec.Memory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main property: for random programs, the golden model and the DUT agree on every commit
 * record and the program halts with tohost = 1. The DUT comes from a factory named by
 * {@code -Dseedverify.dut} ({@code rtl}, the Verilator model, by default; {@code golden} checks the harness itself), one
 * instance reused by all tries; a failure shrinks within its bucket ({@link ProgramShrinkable}).
 */
class GoldenEqualsDutProperties {
    static final String DUT = System.getProperty("seedverify.dut", RtlBackendProvider.NAME);
    static final ProgramGenerator GEN = new ProgramGenerator(Weights.DEFAULT, Memory.DEFAULT_BYTES);
    private static ConfinedLockstep runner;

    /** One DUT for all tries, on a thread of its own (jqwik shrinks on another thread; an RTL model is thread-bound). */
    static ConfinedLockstep runner() {
        if (runner == null) runner = new ConfinedLockstep(() -> Backends.open(DUT, Memory.DEFAULT_BYTES), LockstepRunner.DEFAULT_BUDGET);
        return runner;
    }

    @AfterContainer
    static void close() {
        if (runner != null) runner.close();
        runner = null;
    }

    @Provide
    Arbitrary<Program> programs() { return ProgramArbitraries.programs(GEN, p -> runner().oracle().test(p)); }


    @Property(tries = 3000, seed = "20261122")
    void goldenAndDutAgreeOnEveryRecord(@ForAll("programs") Program p) {
        LockstepRunner.Outcome o = runner().run(p);
        assertThat(o.diverged()).as(() -> o.divergence() == null ? "" : o.signature() + "\n"
                + new dev.seedverify.reports.DivergenceReport(o.divergence(), "seed " + p.seed(), DUT, null).text()).isFalse();
        assertThat(o.passed()).as("halts with tohost = 1: %s", o.result()).isTrue();
    }

    @Property(tries = 20_000, seed = "20261123")
    @AddLifecycleHook(Tier.SoakOnly.class)
    void soakGoldenAndDutAgreeOnEveryRecord(@ForAll("programs") Program p) {
        goldenAndDutAgreeOnEveryRecord(p);
    }
}
