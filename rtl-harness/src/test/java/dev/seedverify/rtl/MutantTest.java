package dev.seedverify.rtl;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.cosim.LockstepResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deliberately broken copy of the real RTL, built at test time into its own library and loaded
 * next to the real model in the same JVM. The mutation wraps the real s1_top (renamed) in a top
 * that flips bit 0 of every x12 write on the commit port, so it does not depend on the core's
 * internals, which are still changing.
 */
class MutantTest {
    private static RtlModel mutant;

    static final String WRAPPER = """
            // Mutant wrapper (dev.seedverify.rtl.MutantTest): the real top with x12 writes corrupted.
            """ + TestTop.S1_TOP_PORTS + """
              logic [31:0] orig_rd_wdata;
              s1_top_orig #(.DRAM_BYTES(DRAM_BYTES)) u_orig (.rvfi_rd_wdata(orig_rd_wdata), .*);
              assign rvfi_rd_wdata = rvfi_rd_addr == 5'd12 ? orig_rd_wdata ^ 32'd1 : orig_rd_wdata;
            endmodule
            """;

    @BeforeAll
    static void buildMutant() throws IOException {
        Path src = TestSupport.testOut().resolve("mutant-x12-src");
        TestSupport.deleteTree(src);
        TestSupport.copyTree(TestSupport.rtlSources(), src);
        Path top = src.resolve("s1_top.sv");
        String text = Files.readString(top);
        Matcher m = Pattern.compile("\\bmodule\\s+s1_top\\b").matcher(text);
        assertThat(m.find()).as("s1_top.sv declares module s1_top").isTrue();
        Files.writeString(top, m.replaceFirst("module s1_top_orig"));
        Files.writeString(src.resolve("s1_mutant_top.sv"), WRAPPER);
        Path list = src.resolve("s1_files.f");
        if (Files.exists(list)) Files.writeString(list, Files.readString(list).stripTrailing() + "\ns1_mutant_top.sv\n");
        mutant = RtlModel.build(src, TestSupport.testOut().resolve("mutant-x12"));
    }

    @Test
    void mutantIsASeparateLibrary() {
        assertThat(mutant).isNotSameAs(RtlModel.builtIn());
        assertThat(mutant.library()).isNotEqualTo(RtlModel.builtIn().library());
        assertThat(mutant.info("rtl")).endsWith("mutant-x12-src");
        assertThat(mutant.dramBytes()).isEqualTo(RtlModel.builtIn().dramBytes());
    }

    @Test
    void lockstepCatchesTheMutantAndPassesTheRealRtl() {
        ElfImage program = TestSupport.smallProgram();
        LockstepResult real = RtlSimulatorTest.lockstep(RtlModel.builtIn(), program, 64);
        LockstepResult bad = RtlSimulatorTest.lockstep(mutant, program, 64);
        assertThat(real.passed()).isTrue();
        assertThat(bad.diverged()).isTrue();
        Divergence d = bad.divergence();
        assertThat(d.kind()).isEqualTo(Divergence.Kind.MISMATCH);
        assertThat(d.firstField()).isEqualTo("rd_wdata");
        assertThat(d.reference().insn()).isEqualTo(Assembler.assembleInstruction("add a2, a0, a1", RtlSimulator.DRAM_BASE)[0]);
        assertThat(d.reference().rdWdata()).isEqualTo(12);
        assertThat(d.dut().rdWdata()).isEqualTo(13);
        assertThat(d.message()).isEqualTo("records differ");
    }

    @Test
    void realAndMutantRunInterleavedInOneJvm() {
        ElfImage program = TestSupport.smallProgram();
        try (RtlSimulator real = RtlSimulator.create(RtlModel.builtIn()); RtlSimulator bad = RtlSimulator.create(mutant)) {
            for (RtlSimulator s : new RtlSimulator[] {real, bad}) {
                s.load(program);
                s.resetBare();
            }
            CommitLog lr = new CommitLog(1000), lb = new CommitLog(1000);
            for (int i = 0; i < 100; i++) {
                real.run(3, 1000 - lr.size(), lr);
                bad.run(3, 1000 - lb.size(), lb);
            }
            assertThat(lr.size()).isEqualTo(lb.size()).isPositive();
            int differing = 0;
            for (int i = 0; i < lr.size(); i++) {
                if (lr.rdWdata(i) != lb.rdWdata(i)) {
                    differing++;
                    assertThat(lr.rdAddr(i)).isEqualTo(12);
                    assertThat(lb.rdWdata(i)).isEqualTo(lr.rdWdata(i) ^ 1);
                }
            }
            assertThat(differing).isEqualTo(1);
            assertThat(real.gpr(12)).isEqualTo(12);
            assertThat(bad.gpr(12)).isEqualTo(12);   // only the commit port is mutated
        }
    }
}
