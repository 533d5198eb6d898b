package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * minstret/minstreth and the instret aliases (spec §1.1): the count of retired instructions; a
 * read returns the count before the reading instruction; traps do not count; a write takes
 * precedence over the writing instruction's own increment (the next instruction reads the
 * written value).
 */
class CounterTest {

    @Test
    void minstretStartsAtZeroAndAReadReturnsTheCountBeforeTheReadingInstruction() {
        Sim s = Sim.run("csrr a0, minstret\nnop\nnop\nnop\ncsrr a1, minstret\ncsrr a2, minstret");
        assertThat(s.x("a0")).isZero();
        assertThat(s.x("a1")).isEqualTo(4);
        assertThat(s.x("a2")).isEqualTo(5);
    }

    @Test
    void instretAliasReadsTheSameCountAsMinstret() {
        Sim s = Sim.run("nop\nrdinstret a0\ncsrr a1, minstret\nrdinstreth a2\ncsrr a3, minstreth");
        assertThat(s.x("a0")).isEqualTo(1);
        assertThat(s.x("a1")).isEqualTo(2);
        assertThat(s.x("a2")).isZero();
        assertThat(s.x("a3")).isZero();
    }

    @Test
    void trapsDoNotCount() {
        Sim s = Sim.run("""
                    la t0, handler
                    csrw mtvec, t0
                    csrr a0, minstret
                    ecall
                    ebreak
                    .word 0
                    csrr a1, minstret
                    j _end
                handler:
                    csrr t1, mepc
                    addi t1, t1, 4
                    csrw mepc, t1
                    mret
                """);
        // Between the two reads: csrr a0 itself, then 3 traps (not counted) each followed by a
        // 4-instruction handler (counted).
        assertThat(s.x("a1") - s.x("a0")).isEqualTo(1 + 3 * 4);
    }

    @Test
    void aCsrInstructionThatWritesMinstretOrMinstrethIsNotCountedTheWriteReplacesItsIncrement() {
        // Spec §1.1 (v1.2, Zicsr): whichever half is written, and even when the value written equals the
        // old one; csrrs with rs1 = x0 writes nothing and is counted.
        Sim s = Sim.run("""
                li a1, 0x100
                li a2, 1
                csrw minstret, a1
                csrrc a0, minstret, a2      # writes 0x100 & ~1 = 0x100: not counted
                csrw minstreth, zero        # not counted
                csrr a3, minstret
                csrrs a4, minstret, zero
                csrr a5, minstret
                """);
        assertThat(s.x("a3")).isEqualTo(0x100);
        assertThat(s.x("a4")).isEqualTo(0x101);
        assertThat(s.x("a5")).isEqualTo(0x102);
    }

    @Test
    void minstretWriteTakesPrecedenceOverTheWritingInstructionsIncrement() {
        Sim s = Sim.run("li t0, 100\ncsrw minstret, t0\ncsrr a0, minstret\ncsrr a1, minstret");
        assertThat(s.x("a0")).isEqualTo(100);
        assertThat(s.x("a1")).isEqualTo(101);
    }

    @Test
    void csrrwOnMinstretReturnsTheCountBeforeAndWritesTheNewValue() {
        Sim s = Sim.run("nop\nnop\nli t0, 1000\ncsrrw a0, minstret, t0\ncsrr a1, minstret");
        assertThat(s.x("a0")).isEqualTo(3);
        assertThat(s.x("a1")).isEqualTo(1000);
    }

    @Test
    void minstretSetAndClearFormsComputeFromTheCountBeforeTheInstruction() {
        Sim s = Sim.run("nop\nnop\nnop\nnop\nli t0, 0x100\ncsrrs a0, minstret, t0\ncsrr a1, minstret\ncsrrci a2, minstret, 0x1\ncsrr a3, minstret");
        // csrrs at count 5: writes 5 | 0x100 = 0x105; csrr reads 0x105; csrrci at 0x106 writes 0x106; csrr reads 0x106.
        assertThat(s.x("a0")).isEqualTo(5);
        assertThat(s.x("a1")).isEqualTo(0x105);
        assertThat(s.x("a2")).isEqualTo(0x106);
        assertThat(s.x("a3")).isEqualTo(0x106);
    }

    @Test
    void minstrethWriteIsReadBackAndTheLowHalfKeepsCounting() {
        Sim s = Sim.run("li t0, 7\ncsrw minstreth, t0\ncsrr a0, minstreth\ncsrr a1, minstret\ncsrr a2, minstret\ncsrr a3, minstreth");
        assertThat(s.x("a0")).isEqualTo(7);
        assertThat(s.x("a3")).isEqualTo(7);
        assertThat(s.x("a2") - s.x("a1")).isEqualTo(1);
    }

    @Test
    void minstrethWriteAlsoSuppressesTheWritingInstructionsIncrementOfTheLowHalf() {
        // Spec §1.1 (v1.2): an instruction that writes either half is not counted; the write replaces the count.
        Sim s = Sim.run("nop\ncsrw minstreth, zero\ncsrr a0, minstret");
        assertThat(s.x("a0")).isEqualTo(1);
    }

    @Test
    void lowHalfCarriesIntoMinstreth() {
        Sim s = Sim.run("li t0, -1\ncsrw minstret, t0\nnop\ncsrr a0, minstreth\ncsrr a1, minstret\ncsrr a2, instreth");
        // minstret = 0xffffffff after the write; the nop makes it 2^32.
        assertThat(s.x("a0")).isEqualTo(1);
        assertThat(s.x("a1")).isEqualTo(1);
        assertThat(s.x("a2")).isEqualTo(1);
    }

    @Test
    void aTrapRightAfterAWriteDoesNotChangeTheWrittenCount() {
        Sim s = Sim.run("""
                    la t0, handler
                    csrw mtvec, t0
                    li t0, 50
                    csrw minstret, t0
                    ecall
                handler:
                    csrr a0, minstret
                """);
        assertThat(s.x("a0")).isEqualTo(50);
    }

    @Test
    void hartInstretMatchesTheRetiredRecordCount() {
        Sim s = Sim.run("nop\necall");
        long retired = s.records().stream().filter(r -> !r.trap()).count();
        assertThat(s.instret()).isEqualTo(retired);
        assertThat(s.hart.order()).isEqualTo(s.records().size());
    }
}
