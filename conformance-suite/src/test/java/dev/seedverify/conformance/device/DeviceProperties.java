package dev.seedverify.conformance.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.conformance.Tier;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.rtl.RtlBackendProvider;
import dev.seedverify.rtl.RtlModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Device scenarios on the golden model and the RTL in lockstep ({@code lockstep}): random descriptor
 * streams, valid and invalid, on rings of 2 to 64 entries at random bases, longer than the ring so
 * they wrap around, with waits and interrupt acknowledgements in between. Every record, event,
 * DRAM image after a command and quiescent register read must be equal. jqwik shrinks a failure
 * to the fewest commands (each command is an element of the list; its kernel instructions shrink
 * with the per-command choices); the device suite's own shrinker and reproducer handle the rest
 * ({@link DeviceSuite}).
 */
class DeviceProperties {
    static final int DRAM = RtlModel.builtIn().dramBytes();
    static final DeviceCaseGenerator GEN = new DeviceCaseGenerator(DRAM, DeviceSuite.MAX_COMMANDS);
    private static ConfinedDeviceLockstep rtl;

    static ConfinedDeviceLockstep rtl() {
        if (rtl == null) rtl = new ConfinedDeviceLockstep(() -> new DeviceLockstep(RtlBackendProvider.NAME, DRAM));
        return rtl;
    }

    @AfterContainer
    static void close() {
        if (rtl != null) rtl.close();
        rtl = null;
    }

    /** A scenario from jqwik's choices: the ring, then each command from its own seed (so a command shrinks alone). */
    @Provide
    Arbitrary<DeviceCase> scenarios() {
        Arbitrary<Integer> entries = Arbitraries.of(2, 4, 8, 16, 32, 64);
        Arbitrary<Integer> base = Arbitraries.integers().between(0, 0x1000 / DeviceTable.RING_ALIGN - 1);
        Arbitrary<Integer> irq = Arbitraries.integers().between(0, 3);
        Arbitrary<List<Long>> commands = Arbitraries.longs().list().ofMinSize(1).ofMaxSize(3 * DeviceSuite.MAX_COMMANDS);
        return Combinators.combine(entries, base, irq, commands).as((n, b, e, seeds) -> {
            List<DeviceCase.Command> cmds = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) cmds.add(GEN.command(new SplittableRandom(seeds.get(i)), i));
            return new DeviceCase(0, n, DeviceCase.RING_AREA + DeviceTable.RING_ALIGN * b, e, cmds);
        });
    }

    @Property(tries = 60, seed = "20261202")
    void goldenAndRtlAgreeOnRandomDescriptorStreams(@ForAll("scenarios") DeviceCase c) {
        DeviceLockstep.Result r = rtl().run(c);
        assertThat(r.divergence()).as("divergence of\n%s", c.script().text()).isNull();
        assertThat(r.outcome().completions()).isEqualTo(c.commands().size());
    }

    @Property(tries = 3000)
    @AddLifecycleHook(Tier.SoakOnly.class)
    void goldenAndRtlAgreeOnManyMoreRandomDescriptorStreams(@ForAll("scenarios") DeviceCase c) {
        DeviceLockstep.Result r = rtl().run(c);
        assertThat(r.divergence()).as("divergence of\n%s", c.script().text()).isNull();
    }
}
