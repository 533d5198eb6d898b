package dev.seedverify.conformance.rtl;

import dev.seedverify.conformance.ConformanceList;
import dev.seedverify.conformance.ConformanceProgram;
import dev.seedverify.conformance.ProgramOutcome;
import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.rtl.RtlModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every program of the sign-off list runs on the RTL in lockstep with the golden model. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RtlLockstepConformanceTest {
    private LockstepTarget target;

    @BeforeAll
    void openSimulator() {
        target = new LockstepTarget("rtl", () -> new RtlBackend(RtlModel.builtIn(), "rtl"), 1_000_000);
    }

    @AfterAll
    void closeSimulator() {
        if (target != null) target.close();
    }

    List<ConformanceProgram> programs() {
        return ConformanceList.load().programs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void programPassesWithGoldenAndRtlAgreeingOnEveryRecord(ConformanceProgram program) {
        ProgramOutcome outcome = target.run(program);
        assertThat(outcome.status())
                .as(() -> target.lastReport() != null ? target.lastReport().text() : outcome.verdict() + " " + outcome.detail())
                .isEqualTo(ProgramOutcome.Status.PASS);
    }
}
