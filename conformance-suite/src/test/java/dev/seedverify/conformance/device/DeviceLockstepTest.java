package dev.seedverify.conformance.device;

import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.rtl.RtlModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device scenarios of the mutation campaign's device checker: the golden device and the real
 * RTL agree on every one, and the scenarios do reach every completion status they are meant to.
 */
class DeviceLockstepTest {

    @Test
    void theGoldenDeviceAndTheRealRtlAgreeOnEveryScenario() {
        try (GoldenBackend golden = new GoldenBackend(Memory.DEFAULT_BYTES);
             RtlBackend rtl = new RtlBackend(RtlModel.builtIn(), "rtl")) {
            for (DeviceLockstep.Scenario s : DeviceLockstep.scenarios()) {
                assertThat(DeviceLockstep.run(golden, rtl, s)).as(s.name()).isNull();
            }
        }
    }

    @Test
    void theOpcodeScenarioEndsInEveryCompletionStatus() {
        try (GoldenBackend golden = new GoldenBackend(Memory.DEFAULT_BYTES);
             GoldenBackend twin = new GoldenBackend(Memory.DEFAULT_BYTES)) {
            assertThat(DeviceLockstep.run(golden, twin, DeviceLockstep.scenarios().get(0))).isNull();
            assertThat(java.util.stream.IntStream.range(0, 8).mapToObj(t -> DeviceLockstep.completionOf(golden, t).statusEnum()))
                    .containsExactly(CompletionStatus.OK, CompletionStatus.TRAP, CompletionStatus.WATCHDOG, CompletionStatus.OK,
                            CompletionStatus.OK, CompletionStatus.OK, CompletionStatus.BAD_COMMAND, CompletionStatus.BAD_ADDRESS);
        }
    }
}
