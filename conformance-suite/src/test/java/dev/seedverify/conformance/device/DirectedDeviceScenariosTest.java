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
class DirectedDeviceScenariosTest {

    @Test
    void theGoldenDeviceAndTheRealRtlAgreeOnEveryScenario() {
        try (GoldenBackend golden = new GoldenBackend(Memory.DEFAULT_BYTES);
             RtlBackend rtl = new RtlBackend(RtlModel.builtIn(), "rtl")) {
            for (DirectedDeviceScenarios.Scenario s : DirectedDeviceScenarios.scenarios()) {
                assertThat(DirectedDeviceScenarios.run(golden, rtl, s)).as(s.name()).isNull();
            }
        }
    }

    @Test
    void theOpcodeScenarioEndsInEveryCompletionStatus() {
        try (GoldenBackend golden = new GoldenBackend(Memory.DEFAULT_BYTES);
             GoldenBackend twin = new GoldenBackend(Memory.DEFAULT_BYTES)) {
            assertThat(DirectedDeviceScenarios.run(golden, twin, DirectedDeviceScenarios.scenarios().get(0))).isNull();
            assertThat(java.util.stream.IntStream.range(0, 8).mapToObj(t -> DirectedDeviceScenarios.completionOf(golden, t).statusEnum()))
                    .containsExactly(CompletionStatus.OK, CompletionStatus.TRAP, CompletionStatus.WATCHDOG, CompletionStatus.OK,
                            CompletionStatus.OK, CompletionStatus.OK, CompletionStatus.BAD_COMMAND, CompletionStatus.BAD_ADDRESS);
        }
    }
}
