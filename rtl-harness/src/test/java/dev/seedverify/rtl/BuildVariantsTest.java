package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.cosim.BackendFailure;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Build options reach the model: DRAM size, and a model that crashes while it starts. */
class BuildVariantsTest {
    private static final int BASE = RtlSimulator.DRAM_BASE;

    private static RtlModel buildTestTop(String name, int dramBytes) {
        Path src = TestSupport.testOut().resolve(name + "-src");
        TestTop.write(src);
        return RtlModel.build(src, TestSupport.testOut().resolve(name), RtlModel.BuildOptions.defaults().withDramBytes(dramBytes));
    }

    @Test
    void dramSizeIsABuildParameter() {
        RtlModel small = buildTestTop("test-top-64k", 64 * 1024);
        assertThat(small.dramBytes()).isEqualTo(64 * 1024);
        assertThat(small.info("dram_bytes")).isEqualTo("65536");
        assertThatThrownBy(() -> RtlSimulator.create(small, 1 << 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built with DRAM_BYTES = 65536");
        try (RtlSimulator sim = RtlSimulator.create(small, 64 * 1024)) {
            sim.setEcho(0);
            sim.writeWord(BASE + 64 * 1024 - 4, 0x5A5A5A5A);
            assertThat(sim.readWord(BASE + 64 * 1024 - 4)).isEqualTo(0x5A5A5A5A);
            assertThatThrownBy(() -> sim.readWord(BASE + 64 * 1024)).isInstanceOf(IllegalArgumentException.class);
            ElfImage tooBig = new ElfImage("big", BASE, List.of(new ElfImage.LoadSegment(BASE, new byte[16], 64 * 1024 + 4)), Map.of());
            assertThatThrownBy(() -> sim.load(tooBig)).hasMessageContaining("lies outside DRAM");
            sim.resetBare();
            CommitLog log = new CommitLog(10);
            assertThat(sim.run(100, 10, log).records()).isEqualTo(10);
        }
    }

    @Test
    void crashWhileTheModelStartsIsContained() {
        RtlModel model = buildTestTop("test-top-fatal-at-start", 128 * 1024);
        RtlSimulationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> RtlSimulator.create(model, 128 * 1024), RtlSimulationException.class);
        assertThat(e.kind()).isEqualTo(BackendFailure.Kind.CRASH);
        assertThat(e.getMessage()).startsWith("model crashed while starting: ").contains("test top: fatal at time 0");
        // the library stays usable for the next attempt, which fails the same way
        assertThatThrownBy(() -> RtlSimulator.create(model, 128 * 1024)).isInstanceOf(RtlSimulationException.class);
    }
}
