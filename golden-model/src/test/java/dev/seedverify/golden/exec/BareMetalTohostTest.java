package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal.Result;
import dev.seedverify.golden.exec.BareMetal.Verdict;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bare mode and the tohost protocol (spec §3): pc starts at 0x8000_0000; the run halts when a
 * store leaves a non-zero word at tohost (1 = pass, odd v = fail test v >> 1); the instruction
 * budget counts executed instructions, traps included (TIMEOUT).
 */
class BareMetalTohostTest {

    private static ElfImage program(String code) {
        return Assembler.assemble("_start:\n" + code + "\nspin: j spin\n.align 3\npad: .space 512\ntohost: .word 0, 0\nscratch: .space 512\n", "tohost.S");
    }

    private static Result run(String code, long budget) {
        return BareMetal.run(program(code), Memory.MIN_BYTES, budget);
    }

    @Test
    void bareModeStartsAtTheDramBase() {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(h, program("nop"));
        assertThat(h.pc()).isEqualTo(0x80000000);
    }

    @Test
    void storingOneToTohostPasses() {
        Result r = run("la t0, tohost\nli t1, 1\nsw t1, 0(t0)", 1000);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.tohostValue()).isEqualTo(1);
        assertThat(r.instret()).as("the halting store retires").isEqualTo(4);
    }

    @Test
    void storingAnOddValueFailsWithTestNumberValueShiftedRight() {
        Result r = run("la t0, tohost\nli t1, 11\nsw t1, 0(t0)", 1000);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.failedTest()).isEqualTo(5);
        assertThat(r.tohostValue()).isEqualTo(11);
    }

    @Test
    void storingAnEvenValueOtherThanZeroHaltsAsAFailureWithoutATestNumber() {
        Result r = run("la t0, tohost\nli t1, 4\nsw t1, 0(t0)", 1000);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.failedTest()).isZero();
    }

    @Test
    void storingZeroToTohostDoesNotHalt() {
        Result r = run("la t0, tohost\nsw zero, 0(t0)\nli t1, 1\nsw t1, 0(t0)", 1000);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.instret()).isEqualTo(5);
    }

    @Test
    void byteStoreThatLeavesANonZeroWordAtTohostHalts() {
        Result r = run("la t0, tohost\nli t1, 1\nsb t1, 0(t0)", 1000);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.tohostValue()).isEqualTo(1);
    }

    @Test
    void halfStoreToTheUpperHalfOfTohostHaltsWithTheWholeWord() {
        Result r = run("la t0, tohost\nli t1, 3\nsh t1, 2(t0)", 1000);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.tohostValue()).isEqualTo(0x30000);
    }

    @Test
    void theVerdictIsTheAlignedWordAfterTheStoreWhicheverBytesItWrote() {
        // Spec §3 (v1.2): a store of a zero byte ends the run when the rest of the word is non-zero.
        ElfImage img = Assembler.assemble("_start: la t0, tohost\nsb zero, 0(t0)\nspin: j spin\n.align 3\ntohost: .word 0x100, 0\n",
                "tohost-rest.S");
        Result r = BareMetal.run(img, Memory.MIN_BYTES, 1000);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.tohostValue()).isEqualTo(0x100);
        assertThat(r.instret()).isEqualTo(3);
    }

    @Test
    void storeNextToTohostDoesNotHalt() {
        Result r = run("la t0, tohost\nli t1, 1\nsw t1, 4(t0)\nsw t1, -4(t0)\nsw t1, 0(t0)", 1000);
        assertThat(r.instret()).isEqualTo(6);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void tileStoreCoveringTohostHalts() {
        Result r = run("""
                li t1, 7
                li t2, 3
                tput m1, t1, t2      # word 3 of row 0 = 7
                la t0, tohost
                addi t0, t0, -12     # row 0 byte 12 is tohost
                li t3, 32
                tst m1, (t0), t3
                """, 1000);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.failedTest()).isEqualTo(3);
    }

    @Test
    void narrowTileStoreCoveringTohostWithALaterRowHalts() {
        Result r = run("""
                li t1, 1
                li t2, 25            # row 3, word 1
                tput m1, t1, t2
                la t0, tohost
                addi t0, t0, -100    # row 3 at -100 + 96 = -4: its bytes 4..7 are tohost
                li t3, 32
                tstn m1, (t0), t3
                """, 1000);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void tileStoreWritingZeroToTohostDoesNotHalt() {
        Result r = run("la t0, tohost\nli t3, 32\ntst m0, (t0), t3\nli t1, 1\nsw t1, 0(t0)", 1000);
        assertThat(r.instret()).isEqualTo(6);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void budgetRunsOutWithTimeoutAfterExactlyBudgetInstructions() {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(h, program("loop: addi a0, a0, 1\nj loop"));
        Result r = BareMetal.run(h, 1001);
        assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(r.steps()).isEqualTo(1001);
        assertThat(h.x(10)).isEqualTo(501);
    }

    @Test
    void budgetCountsTrapsToo() {
        // mtvec points at an ecall: every step is a trap; nothing retires.
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        ElfImage img = program("e: ecall");
        BareMetal.load(h, img);
        h.setCsr(dev.seedverify.golden.isa.Csr.MTVEC, img.symbol("e").getAsInt());
        Result r = BareMetal.run(h, 100);
        assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(r.steps()).isEqualTo(100);
        assertThat(r.instret()).isZero();
    }

    @Test
    void runWithALogDrainsEveryRecordEvenWhenTheLogFillsUp() {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        BareMetal.load(h, program("li a0, 100\nloop: addi a0, a0, -1\nbnez a0, loop\nla t0, tohost\nli t1, 1\nsw t1, 0(t0)"));
        h.setCommitLog(new CommitLog(16));
        AtomicLong seen = new AtomicLong();
        AtomicLong lastOrder = new AtomicLong(-1);
        Result r = BareMetal.run(h, 10_000, log -> {
            for (int i = 0; i < log.size(); i++) {
                assertThat(log.order(i)).isEqualTo(lastOrder.get() + 1);
                lastOrder.set(log.order(i));
            }
            seen.addAndGet(log.size());
        });
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(seen.get()).isEqualTo(r.steps()).isEqualTo(1 + 200 + 4);
    }

    @Test
    void loadResetsTheHartAndDram() {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        h.setX(5, 99);
        h.memory().storeWord(0x1000, 0x1234);
        h.tiles().setWord(3, 3, 3);
        BareMetal.load(h, program("nop"));
        assertThat(h.x(5)).isZero();
        assertThat(h.memory().loadWord(0x1000)).isZero();
        assertThat(h.tiles().word(3, 3)).isZero();
        assertThat(h.order()).isZero();
        assertThat(h.instret()).isZero();
    }

    @Test
    void withoutATohostSymbolNothingHalts() {
        ElfImage img = Assembler.assemble("_start: li t1, 1\nla t0, flag\nsw t1, 0(t0)\nspin: j spin\nflag: .word 0", "no-tohost.S");
        Result r = BareMetal.run(img, Memory.MIN_BYTES, 100);
        assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
    }
}
