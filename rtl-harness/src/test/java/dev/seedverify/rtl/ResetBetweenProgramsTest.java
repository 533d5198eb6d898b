package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One simulator, many programs (issue 13): nothing of a program that halted may reach the next.
 * When a program halts, the instructions after the halting store are still in the pipeline; the
 * reset that starts the next program must not let them write memory (an instruction that never
 * retired changes nothing, spec §1.1, §5), and the harness loads the next image only after that
 * reset.
 */
class ResetBetweenProgramsTest {
    private static final int BASE = RtlSimulator.DRAM_BASE;

    /** Halts, then (two instructions later, in EX at the halt) stores 0xDEADBEEF at {@code marker}. */
    static final String STORE_IN_FLIGHT = """
            _start:
                    li      t3, 0xDEADBEEF
                    la      t2, marker
                    li      t0, 1
                    la      t1, tohost
                    sw      t0, 0(t1)           # halts: in WB when the run stops
                    nop                         # in MEM
                    sw      t3, 0(t2)           # in EX
            spin:   j       spin
                    .balign 64
            tohost: .word   0, 0
            marker: .word   0
            """;

    /** Halts with a tile store right behind: at the halt it has passed its check and is about to move row 0. */
    static final String TILE_STORE_IN_FLIGHT = """
            _start:
                    li      a0, 0x11223344
                    tput    m1, a0, zero
                    la      t2, rows
                    li      t3, 32
                    li      t0, 1
                    la      t1, tohost
                    sw      t0, 0(t1)           # halts
                    tst     m1, (t2), t3        # in EX, check done, row 0 next
            spin:   j       spin
                    .balign 64
            tohost: .word   0, 0
                    .balign 256
            rows:   .space  256
            """;

    /**
     * The public riscv-tests case of the issue, in miniature: "ld_st" ends like every rv32ui test
     * ({@code sw TESTNUM, tohost; sw zero, tohost + 4}), with its tohost where "lh" keeps its data.
     */
    static final String LD_ST = """
            _start:
                    li      t0, 1
                    la      t5, tohost
                    sw      t0, 0(t5)           # halts
                    nop                         # (auipc t5, ... in riscv-tests)
                    sw      zero, 4(t5)         # in EX at the halt
            spin:   j       spin
                    .balign 4096
            tohost: .word   0, 0
            """;

    /** "lh": test 4 loads the halfword that LD_ST's tohost + 4 overlays. */
    static final String LH = """
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

    private static RunResult runToHalt(RtlSimulator sim) {
        RunResult r = sim.run(100_000, 10_000, new CommitLog(10_000));
        assertThat(r.status()).as("%s", r).isEqualTo(RunResult.Status.HALTED);
        return r;
    }

    @Test
    void aStoreInFlightWhenTheProgramHaltsDoesNotWriteMemoryDuringTheReset() {
        ElfImage image = TestSupport.assemble("store-in-flight.S", STORE_IN_FLIGHT);
        int marker = image.symbols().get("marker");
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.loadBare(image);
            runToHalt(sim);
            assertThat(sim.readWord(marker)).as("the store behind the halt has not retired").isZero();
            sim.resetBare();
            assertThat(sim.readWord(marker)).as("the reset let the store in EX write memory").isZero();
        }
    }

    @Test
    void aTileStoreCutOffByTheResetWritesNoRow() {
        ElfImage image = TestSupport.assemble("tile-store-in-flight.S", TILE_STORE_IN_FLIGHT);
        int rows = image.symbols().get("rows");
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.loadBare(image);
            runToHalt(sim);
            sim.resetBare();
            assertThat(sim.readDram(rows, 256)).as("rows written by a tst that never retired").containsOnly(0);
        }
    }

    /**
     * The bug as it was seen: the next program is loaded before the reset (the order the raw API
     * allows), so a store of the previous program performed at the first reset edge lands in it.
     */
    @Test
    void lhPassesAfterLdStOnTheSameSimulatorEvenWhenLoadedBeforeTheReset() {
        ElfImage ldSt = TestSupport.assemble("ld_st.S", LD_ST), lh = TestSupport.assemble("lh.S", LH);
        assertThat(ldSt.symbols().get("tohost") + 4).as("the test's premise").isEqualTo(lh.symbols().get("tdat") + 4);
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(lh);
            sim.resetBare();
            assertThat(runToHalt(sim).tohostValue()).as("lh on a fresh simulator").isEqualTo(1);

            sim.load(ldSt);
            sim.resetBare();
            runToHalt(sim);
            sim.load(lh);
            sim.resetBare();
            assertThat(runToHalt(sim).tohostValue()).as("lh after ld_st (tohost 9 = test 4 failed)").isEqualTo(1);
        }
    }

    /**
     * A run cut off mid-program (a divergence, a timeout: no halt, no drain) with a store loop in
     * flight, then the next program loaded before the reset: whichever stage the store is in when
     * the run stops, the next image is intact.
     */
    @Test
    void aRunCutOffWithStoresInFlightLeavesTheNextImageIntact() {
        ElfImage storing = TestSupport.assemble("store-loop.S", """
                _start:
                        li      t3, 0xDEADBEEF
                        li      t2, 0x80001000
                loop:   sw      t3, 0(t2)
                        j       loop
                """);
        ElfImage next = TestSupport.assemble("next.S", """
                _start: j       _start
                        .balign 4096
                data:   .word   0x12345678
                """);
        assertThat(next.symbols().get("data")).isEqualTo(BASE + 0x1000);
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            for (int records = 20; records < 26; records++) {   // every phase of the sw / j / bubble loop
                sim.load(storing);
                sim.resetBare();
                assertThat(sim.run(100_000, records, new CommitLog(records)).status()).isEqualTo(RunResult.Status.RECORD_LIMIT);
                sim.load(next);
                sim.resetBare();
                assertThat(sim.readWord(BASE + 0x1000)).as("stopped after %d records", records).isEqualTo(0x12345678);
            }
        }
    }

    /**
     * {@link RtlSimulator#loadBare} resets before it loads: with a core that does write memory
     * during reset (the test top's RESET_WRITE mode, word 1), the write lands in the old image and
     * the new one is intact; loading first and resetting afterwards would corrupt it.
     */
    @Test
    void loadBareResetsTheCoreBeforeWritingTheImage() {
        ElfImage image = TestSupport.assemble("reset-write.S", """
                _start: .word %d, 0x12345678
                """.formatted(TestTop.RESET_WRITE));
        try (RtlSimulator sim = RtlSimulator.create(TestSupport.testTop())) {
            sim.setEcho(0);
            sim.load(image);                        // the previous program: its DRAM says RESET_WRITE
            sim.loadBare(image);
            assertThat(sim.readWord(BASE + 4)).isEqualTo(0x12345678);

            sim.load(image);                        // the other order
            sim.resetBare();
            assertThat(sim.readWord(BASE + 4)).isEqualTo(TestTop.RESET_WRITE_VALUE);
        }
    }
}
