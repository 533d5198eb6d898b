package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.isa.Csr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Branches and jumps (spec §1): taken/not taken with signed and unsigned comparisons, links, and
 * the decision that a taken branch / jal / jalr to a target not a multiple of 4 traps AT the jump
 * (cause 0, mtval = target, rd not written, mepc = the jump's pc).
 */
class Rv32iControlTransferTest {

    /** Runs "op a1, a2, taken" and reports whether the branch was taken. */
    private static boolean taken(String op, int a, int b) {
        Sim s = Sim.load("""
                    li a0, 0
                br: %s a1, a2, yes
                    j done
                yes: li a0, 1
                done:
                """.formatted(op)).set("a1", a).set("a2", b).go();
        assertThat(s.trapped()).isFalse();
        return s.x("a0") == 1;
    }

    @ParameterizedTest(name = "{0} {1}, {2} taken={3}")
    @CsvSource({
            "beq, 5, 5, true", "beq, 5, 6, false", "beq, -1, 0xffffffff, true",
            "bne, 5, 5, false", "bne, 5, 6, true", "bne, 0x80000000, 0, true",
            "blt, -1, 1, true", "blt, 1, -1, false", "blt, 3, 3, false", "blt, 0x80000000, 0x7fffffff, true",
            "bge, -1, 1, false", "bge, 1, -1, true", "bge, 3, 3, true", "bge, 0x7fffffff, 0x80000000, true",
            "bltu, -1, 1, false", "bltu, 1, -1, true", "bltu, 3, 3, false", "bltu, 0, 0x80000000, true",
            "bgeu, -1, 1, true", "bgeu, 1, -1, false", "bgeu, 3, 3, true", "bgeu, 0x7fffffff, 0x80000000, false",
    })
    void branchComparesRs1WithRs2(String op, String a, String b, boolean expected) {
        assertThat(taken(op, parse(a), parse(b))).isEqualTo(expected);
    }

    private static int parse(String s) {
        return s.startsWith("0x") ? Integer.parseUnsignedInt(s.substring(2), 16) : Integer.parseInt(s);
    }

    @Test
    void takenBranchGoesToPcPlusOffsetAndNotTakenToPcPlus4() {
        Sim s = Sim.run("""
                    li a1, 1
                t:  beq a1, a1, target
                    nop
                target:
                n:  bne a1, a1, t
                    nop
                """);
        assertThat(s.at("t").pcNext()).isEqualTo(s.sym("target"));
        assertThat(s.at("n").pcNext()).isEqualTo(s.sym("n") + 4);
    }

    @Test
    void backwardBranchLoops() {
        Sim s = Sim.run("""
                    li a0, 0
                    li a1, 10
                loop: addi a0, a0, 1
                    bne a0, a1, loop
                """);
        assertThat(s.x("a0")).isEqualTo(10);
    }

    @Test
    void jalWritesPcPlus4ToRdAndJumps() {
        Sim s = Sim.run("""
                j1: jal a0, target
                    li a2, 99
                target:
                    nop
                """);
        assertThat(s.x("a0")).isEqualTo(s.sym("j1") + 4);
        assertThat(s.x("a2")).isZero();
        assertThat(s.at("j1").pcNext()).isEqualTo(s.sym("target"));
    }

    @Test
    void jalBackwardWithNegativeOffset() {
        Sim s = Sim.run("""
                    j start
                back: li a1, 5
                    j done
                start:
                j1: jal a0, back
                done:
                """);
        assertThat(s.x("a1")).isEqualTo(5);
        assertThat(s.x("a0")).isEqualTo(s.sym("j1") + 4);
    }

    @Test
    void jalrJumpsToRs1PlusImmediateAndLinks() {
        Sim s = Sim.run("""
                    la a1, target - 8
                j1: jalr a0, 8(a1)
                    li a2, 99
                target:
                    nop
                """);
        assertThat(s.x("a0")).isEqualTo(s.sym("j1") + 4);
        assertThat(s.x("a2")).isZero();
        assertThat(s.at("j1").pcNext()).isEqualTo(s.sym("target"));
    }

    @Test
    void jalrClearsBitZeroOfTheTarget() {
        Sim s = Sim.run("""
                    la a1, target
                j1: jalr a0, 1(a1)
                    li a2, 99
                target:
                    nop
                """);
        assertThat(s.trapped()).isFalse();
        assertThat(s.at("j1").pcNext()).isEqualTo(s.sym("target"));
        assertThat(s.x("a2")).isZero();
    }

    @Test
    void jalrReadsRs1BeforeWritingRdWhenTheyAreTheSameRegister() {
        Sim s = Sim.run("""
                    la ra, target
                j1: jalr ra, 0(ra)
                    li a2, 99
                target:
                    nop
                """);
        assertThat(s.at("j1").pcNext()).isEqualTo(s.sym("target"));
        assertThat(s.x("ra")).isEqualTo(s.sym("j1") + 4);
    }

    @Test
    void jalToATargetNotAMultipleOf4TrapsAtTheJumpWithCause0AndTvalTheTarget() {
        Sim s = Sim.run("""
                    li a0, 7
                j1: jal a0, . + 6
                    nop
                    nop
                """);
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("j1"));
        assertThat(r.cause()).isZero();
        assertThat(r.tval()).isEqualTo(s.sym("j1") + 6);
        assertThat(s.csr(Csr.MCAUSE)).isZero();
        assertThat(s.csr(Csr.MTVAL)).isEqualTo(s.sym("j1") + 6);
        assertThat(s.csr(Csr.MEPC)).isEqualTo(s.sym("j1"));
        assertThat(s.x("a0")).as("rd is not written").isEqualTo(7);
        assertThat(r.rdAddr()).isZero();
    }

    @Test
    void takenBranchToATargetNotAMultipleOf4TrapsAtTheBranch() {
        Sim s = Sim.run("""
                b1: beq zero, zero, . + 10
                    nop
                    nop
                    nop
                """);
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("b1"));
        assertThat(r.cause()).isZero();
        assertThat(r.tval()).isEqualTo(s.sym("b1") + 10);
        assertThat(s.csr(Csr.MEPC)).isEqualTo(s.sym("b1"));
    }

    @Test
    void notTakenBranchToAMisalignedTargetDoesNotTrap() {
        Sim s = Sim.run("""
                    bne zero, zero, . + 6
                    li a0, 1
                    nop
                """);
        assertThat(s.trapped()).isFalse();
        assertThat(s.x("a0")).isEqualTo(1);
    }

    @Test
    void jalrToATargetWithBit1SetTrapsAndDoesNotWriteRd() {
        Sim s = Sim.run("""
                    la a1, target
                    li a0, 7
                j1: jalr a0, 2(a1)
                target:
                    nop
                    nop
                """);
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("j1"));
        assertThat(r.cause()).isZero();
        assertThat(r.tval()).isEqualTo(s.sym("target") + 2);
        assertThat(s.x("a0")).isEqualTo(7);
        assertThat(s.csr(Csr.MEPC)).isEqualTo(s.sym("j1"));
    }

    @Test
    void jalrMisalignedTargetTvalHasBitZeroCleared() {
        Sim s = Sim.run("""
                    la a1, target
                j1: jalr a0, 3(a1)
                target:
                    nop
                    nop
                """);
        assertThat(s.trapRecord().tval()).isEqualTo(s.sym("target") + 2);
    }

    @Test
    void jumpOutsideDramRetiresTheJumpThenFaultsOnFetchWithCause1() {
        Sim s = Sim.run("""
                    li a1, 0x1000
                j1: jalr a0, 0(a1)
                """);
        assertThat(s.at("j1").trap()).isFalse();
        assertThat(s.x("a0")).isEqualTo(s.sym("j1") + 4);
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(0x1000);
        assertThat(r.insn()).as("a fetch fault has no instruction").isZero();
        assertThat(r.cause()).isEqualTo(1);
        assertThat(r.tval()).isEqualTo(0x1000);
        assertThat(s.csr(Csr.MEPC)).isEqualTo(0x1000);
        assertThat(r.pcNext()).isEqualTo(s.sym("_trap"));
    }

    @Test
    void fetchFromTheWordJustBelowDramFaults() {
        Sim s = Sim.run("""
                    li a1, 0x7ffffffc
                    jr a1
                """);
        assertThat(s.trapRecord().cause()).isEqualTo(1);
        assertThat(s.trapRecord().tval()).isEqualTo(0x7FFFFFFC);
    }

    @Test
    void runningOffTheEndOfDramFaultsOnFetch() {
        // The last word of DRAM is a nop; the next fetch is at the DRAM end.
        Sim s = Sim.load("nop");
        int last = Sim.BASE + Sim.DEFAULT_DRAM - 4;
        s.hart.memory().storeWord(last - Sim.BASE, 0x00000013);
        s.hart.setPc(last);
        s.step(2);
        assertThat(s.records()).hasSize(2);
        assertThat(s.records().get(1).trap()).isTrue();
        assertThat(s.records().get(1).cause()).isEqualTo(1);
        assertThat(s.records().get(1).tval()).isEqualTo(Sim.BASE + Sim.DEFAULT_DRAM);
    }
}
