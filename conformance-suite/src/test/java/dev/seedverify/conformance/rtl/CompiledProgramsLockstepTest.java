package dev.seedverify.conformance.rtl;

import dev.seedverify.conformance.CProgram;
import dev.seedverify.conformance.ProgramOutcome;
import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.rtl.RtlModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** GCC-built C programs (loops, calls, MUL/DIV, libgcc) pass on the golden model and in lockstep with the RTL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompiledProgramsLockstepTest {
    @TempDir
    Path dir;
    private LockstepTarget target;

    @BeforeAll
    void openSimulator() {
        target = new LockstepTarget("rtl", () -> new RtlBackend(RtlModel.builtIn(), "rtl"), 5_000_000);
    }

    @AfterAll
    void closeSimulator() {
        if (target != null) target.close();
    }

    Stream<Arguments> programs() {
        return CProgram.list().stream().flatMap(p -> Stream.of(Arguments.of(p, "-O0"), Arguments.of(p, "-O2")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("programs")
    void compiledProgramPassesInLockstep(CProgram program, String optimisation) {
        ElfImage image = program.build(dir.resolve(program.name() + optimisation), optimisation);
        assertThat(BareMetal.run(image, Memory.DEFAULT_BYTES, 5_000_000).verdict())
                .as("%s %s on the golden model alone", program.name(), optimisation).isEqualTo(BareMetal.Verdict.PASS);
        ProgramOutcome outcome = target.run(program.name() + " " + optimisation, image);
        assertThat(outcome.status())
                .as(() -> target.lastReport() != null ? target.lastReport().text() : outcome.verdict() + " " + outcome.detail())
                .isEqualTo(ProgramOutcome.Status.PASS);
        assertThat(outcome.instret()).isGreaterThan(500);
    }
}
