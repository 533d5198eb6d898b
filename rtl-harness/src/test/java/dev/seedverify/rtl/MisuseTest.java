package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfFormatException;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wrong uses fail with clear exceptions and leave the simulator as it was. */
class MisuseTest {
    private static final int BASE = RtlSimulator.DRAM_BASE;

    private static ElfImage image(int address, int size, Map<String, Integer> symbols) {
        return new ElfImage("bad.elf", BASE, List.of(new ElfImage.LoadSegment(address, new byte[size], size)), symbols);
    }

    @Test
    void imageOutsideDramIsRejectedBeforeAnythingIsTouched() {
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.writeWord(BASE + 0x100, 0x12345678);
            int end = BASE + sim.dramBytes();
            assertThatThrownBy(() -> sim.load(image(end - 4, 8, Map.of()))).isInstanceOf(ElfFormatException.class)
                    .hasMessageContaining("lies outside DRAM");
            assertThatThrownBy(() -> sim.load(image(BASE - 16, 8, Map.of()))).isInstanceOf(ElfFormatException.class);
            assertThatThrownBy(() -> sim.load(image(BASE, 8, Map.of("tohost", BASE + 2))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tohost");
            assertThatThrownBy(() -> sim.load(image(BASE, 8, Map.of("tohost", end))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tohost");
            assertThat(sim.readWord(BASE + 0x100)).isEqualTo(0x12345678);
            assertThat(sim.isAlive()).isTrue();
        }
    }

    @Test
    void backdoorRangesAreChecked() {
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            int end = BASE + sim.dramBytes();
            assertThatThrownBy(() -> sim.writeDram(end - 2, new byte[4])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside DRAM");
            assertThatThrownBy(() -> sim.readDram(BASE - 4, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.readDram(BASE, -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.readWord(BASE + 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.setTohost(0x1000)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.gpr(32)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..31");
            assertThatThrownBy(() -> sim.run(10, 11, new CommitLog(10))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("room for 10");
            assertThatThrownBy(() -> sim.setHangBudget(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void dramSizeMustMatchTheBuiltModel() {
        assertThatThrownBy(() -> RtlSimulator.create(RtlModel.builtIn(), Memory.MIN_BYTES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built with DRAM_BYTES = " + Memory.DEFAULT_BYTES);
    }

    @Test
    void useAfterCloseThrows() {
        RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn());
        sim.close();
        sim.close();   // idempotent
        assertThat(sim.isClosed()).isTrue();
        assertThatThrownBy(() -> sim.run(10, 10, null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> sim.load(TestSupport.smallProgram())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sim.readWord(BASE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sim::resetBare).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void useFromAnotherThreadThrows() throws Exception {
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(TestSupport.smallProgram());
            sim.resetBare();
            for (Runnable misuse : List.<Runnable>of(() -> sim.run(10, 10, null), sim::resetBare, () -> sim.readWord(BASE),
                    () -> sim.load(TestSupport.smallProgram()), sim::close, sim::pc)) {
                CompletableFuture<Void> f = CompletableFuture.runAsync(misuse);
                assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("runs only on the thread that created it");
            }
            // still fine on its own thread
            assertThat(sim.run(100_000, 1000, new CommitLog(1000)).status()).isEqualTo(RunResult.Status.HALTED);
        }
    }

    @Test
    void notAModelLibrary() throws Exception {
        Path junk = TestSupport.testOut().resolve("junk/libs1model.so");
        Files.createDirectories(junk.getParent());
        Files.writeString(junk, "not a shared object");
        assertThatThrownBy(() -> RtlModel.load(junk)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot load model library");
        assertThatThrownBy(() -> RtlModel.load(junk.resolveSibling("missing.so"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no model library");
    }

    @Test
    void brokenRtlFailsTheBuildWithVerilatorsMessage() {
        Path src = TestSupport.testOut().resolve("broken-src");
        TestSupport.write(src.resolve("s1_top.sv"), "module s1_top(input logic clk);\n  this is not verilog;\nendmodule\n");
        assertThatThrownBy(() -> RtlModel.build(src, TestSupport.testOut().resolve("broken")))
                .isInstanceOf(RtlBuildException.class).hasMessageContaining("verilator failed").hasMessageContaining("%Error");
    }
}
