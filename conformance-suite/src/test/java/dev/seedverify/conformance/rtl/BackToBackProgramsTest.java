package dev.seedverify.conformance.rtl;

import dev.seedverify.conformance.ConformanceList;
import dev.seedverify.conformance.ConformanceProgram;
import dev.seedverify.conformance.ProgramOutcome;
import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.rtl.RtlModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many programs, one reused RTL simulator (issue 13): the sign-off list in an order shuffled with
 * a fixed seed, a random generated program after each, and the riscv-tests tail case (a program
 * whose halting store is followed by another store, then a program whose result depends on the
 * memory that store would hit). Golden == RTL on every record and on the state at the end of each
 * program; a leak from one program into the next fails the program that receives it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackToBackProgramsTest {
    static final long SHUFFLE_SEED = 20261213L;

    /** Ends like every rv32ui test: {@code sw TESTNUM, tohost; sw zero, tohost + 4} (the second in EX at the halt). */
    static final String LD_ST_TAIL = """
            _start:
                    li      t0, 1
                    la      t5, tohost
                    sw      t0, 0(t5)
                    nop
                    sw      zero, 4(t5)
            spin:   j       spin
                    .balign 4096
            tohost: .word   0, 0
            """;

    /** Test 4 reads the halfword LD_ST_TAIL's tohost + 4 overlays. */
    static final String LH_AT_ITS_TOHOST = """
            _start:
                    la      s0, tdat
                    li      gp, 4
                    lh      a0, 4(s0)
                    li      a1, 0x0ff0
                    bne     a0, a1, fail
                    li      t0, 1
                    j       done
            fail:   slli    t0, gp, 1
                    ori     t0, t0, 1
            done:   la      t1, tohost
                    sw      t0, 0(t1)
            spin:   j       spin
                    .balign 4096
            tdat:   .half   0x00ff, 0xff00, 0x0ff0, 0xf00f
                    .balign 64
            tohost: .word   0, 0
            """;

    private LockstepTarget target;

    @BeforeAll
    void openOneSimulatorForAll() {
        target = new LockstepTarget("rtl", () -> new RtlBackend(RtlModel.builtIn(), "rtl"), 1_000_000);
    }

    @AfterAll
    void close() {
        if (target != null) target.close();
    }

    private DynamicTest passes(String name, ElfImage image) {
        return DynamicTest.dynamicTest(name, () -> {
            ProgramOutcome o = target.run(name, image);
            assertThat(o.status()).as(() -> target.lastReport() != null ? target.lastReport().text() : o.verdict() + " " + o.detail())
                    .isEqualTo(ProgramOutcome.Status.PASS);
        });
    }

    /** In this order, on the one simulator: each is its own test in the report. */
    @TestFactory
    Stream<DynamicTest> shuffledSignOffListWithRandomProgramsInterleavedAllPassOnOneSimulator() {
        ElfImage ldSt = Assembler.assemble(LD_ST_TAIL, "ld_st-tail.S"), lh = Assembler.assemble(LH_AT_ITS_TOHOST, "lh-at-tohost.S");
        Map<String, Integer> a = ldSt.symbols(), b = lh.symbols();
        assertThat(a.get("tohost") + 4).as("the leak case's premise").isEqualTo(b.get("tdat") + 4);

        List<ConformanceProgram> list = new ArrayList<>(ConformanceList.load().programs());
        Collections.shuffle(list, new Random(SHUFFLE_SEED));
        ProgramGenerator gen = new ProgramGenerator(Weights.DEFAULT);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(passes("ld_st-tail", ldSt));
        tests.add(passes("lh after ld_st-tail", lh));
        for (int i = 0; i < list.size(); i++) {
            ConformanceProgram p = list.get(i);
            tests.add(passes(p.path(), p.image()));
            long seed = SHUFFLE_SEED + i;
            tests.add(passes("generated seed " + seed, ProgramRenderer.image(gen.generate(seed)).image()));
            if (i == list.size() / 2) {
                tests.add(passes("ld_st-tail (again)", ldSt));
                tests.add(passes("lh after ld_st-tail (again)", lh));
            }
        }
        assertThat(tests).hasSize(2 * list.size() + 4);
        return tests.stream();
    }
}
