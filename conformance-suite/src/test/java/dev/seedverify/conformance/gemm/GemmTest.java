package dev.seedverify.conformance.gemm;

import dev.seedverify.conformance.ProgramOutcome;
import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.rtl.RtlModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GEMMs written in assembly match their exact Java reference, on the golden model and in lockstep with the RTL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GemmTest {
    private LockstepTarget lockstep;

    @BeforeAll
    void open() {
        lockstep = new LockstepTarget("rtl", () -> new RtlBackend(RtlModel.builtIn(), "rtl"), 2_000_000);
    }

    @AfterAll
    void close() {
        if (lockstep != null) lockstep.close();
    }

    private static Hart goldenRun(ElfImage image) {
        Hart hart = new Hart(new Memory(Memory.DEFAULT_BYTES));
        BareMetal.load(hart, image);
        assertThat(BareMetal.run(hart, 2_000_000).verdict()).isEqualTo(BareMetal.Verdict.PASS);
        return hart;
    }

    @org.junit.jupiter.api.Test
    void gemmDataReachesSaturationSubnormalsUnderflowOverflowAndNaN() {
        int saturated = 0, inRange = 0, subnormal = 0, zero = 0, infinite = 0, nan = 0;
        for (long seed = 1; seed <= 3; seed++) {
            for (byte v : Int8Gemm.random(seed).expected()) {
                if (v == -128 || v == 127) saturated++;
                else inRange++;
            }
            for (int w : Mxfp8Gemm.random(seed).expected()) {
                if ((w & 0x7FFF_FFFF) == 0) zero++;
                else if ((w & 0x7F80_0000) == 0) subnormal++;
                else if ((w & 0x7FFF_FFFF) == 0x7F80_0000) infinite++;
                else if (w == 0x7FC0_0000) nan++;
            }
        }
        assertThat(saturated).isPositive();
        assertThat(inRange).isPositive();
        assertThat(subnormal).isPositive();
        assertThat(zero).isPositive();
        assertThat(infinite).isPositive();
        assertThat(nan).isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void int8GemmRequantisedToInt8MatchesTheExactReferenceOnTheGoldenModel(long seed) {
        Int8Gemm gemm = Int8Gemm.random(seed);
        ElfImage image = gemm.image();
        assertThat(gemm.result(goldenRun(image).memory(), image)).containsExactly(gemm.expected());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void mxfp8GemmMatchesTheExactReferenceOnTheGoldenModel(long seed) {
        Mxfp8Gemm gemm = Mxfp8Gemm.random(seed);
        ElfImage image = gemm.image();
        assertThat(gemm.result(goldenRun(image).memory(), image)).containsExactly(gemm.expected());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void int8GemmPassesInLockstepAndMatchesTheReference(long seed) {
        Int8Gemm gemm = Int8Gemm.random(seed);
        ElfImage image = gemm.image();
        ProgramOutcome o = lockstep.run(image.name(), image);
        assertThat(o.status()).as(() -> lockstep.lastReport() == null ? o.detail() : lockstep.lastReport().text())
                .isEqualTo(ProgramOutcome.Status.PASS);
        assertThat(gemm.mismatch(lockstep.reference().hart().memory(), image)).isNull();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void mxfp8GemmPassesInLockstepAndMatchesTheReference(long seed) {
        Mxfp8Gemm gemm = Mxfp8Gemm.random(seed);
        ElfImage image = gemm.image();
        ProgramOutcome o = lockstep.run(image.name(), image);
        assertThat(o.status()).as(() -> lockstep.lastReport() == null ? o.detail() : lockstep.lastReport().text())
                .isEqualTo(ProgramOutcome.Status.PASS);
        assertThat(gemm.mismatch(lockstep.reference().hart().memory(), image)).isNull();
    }
}
