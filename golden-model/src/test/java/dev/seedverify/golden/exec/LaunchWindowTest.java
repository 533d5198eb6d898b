package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.isa.Csr;
import org.junit.jupiter.api.Test;

/**
 * Command-mode LAUNCH (spec §4.2 as the hart sees it): GPRs, tiles and Xseed CSRs reset, pc =
 * entry, x2 = sp, x10 = a0; every fetch, load and store (tile rows included) must lie in
 * [base, limit), else an access fault; the first trap stops the run with TRAPPED.
 */
class LaunchWindowTest {

    static final int BASE = Memory.BASE + 0x1000, LIMIT = Memory.BASE + 0x2000;
    static final int OUTSIDE = Memory.BASE + 0x3000;

    private Hart hart;
    private CommitLog log;
    private ElfImage image;

    /** Assembles {@code code} at the window base, loads it and launches at its start. */
    private StopReason launch(String code, int a0, int sp) {
        image = Assembler.assemble(code + "\nspin: j spin\n.align 5\ninside: .space 64\n", "kernel.S", BASE);
        hart = new Hart(new Memory(Memory.MIN_BYTES));
        hart.memory().load(image);
        log = new CommitLog(1024);
        hart.setCommitLog(log);
        hart.launch(BASE, a0, sp, BASE, LIMIT);
        return hart.run(10_000);
    }

    private StopReason launch(String code) { return launch(code, 0, LIMIT); }

    private int sym(String s) { return image.symbol(s).getAsInt(); }

    private CommitRecord last() { return log.get(log.size() - 1); }

    @Test
    void launchSetsPcSpAndA0AndClearsTheOtherGprsTilesAndXseedCsrs() {
        image = Assembler.assemble("spin: j spin", "k.S", BASE);
        hart = new Hart(new Memory(Memory.MIN_BYTES));
        hart.memory().load(image);
        for (int i = 1; i < 32; i++) hart.setX(i, 1000 + i);
        for (int t = 0; t < 8; t++) hart.tiles().setWord(t, 5, -1);
        for (Csr c : new Csr[] {Csr.XSSTAT, Csr.XSQMUL, Csr.XSQSHIFT, Csr.XSQZP, Csr.XSASCL0, Csr.XSASCL1, Csr.XSBSCL0, Csr.XSBSCL1}) {
            hart.setCsr(c, 3);
        }
        hart.launch(BASE, 0x1234, LIMIT - 16, BASE, LIMIT);
        assertThat(hart.pc()).isEqualTo(BASE);
        assertThat(hart.x(2)).isEqualTo(LIMIT - 16);
        assertThat(hart.x(10)).isEqualTo(0x1234);
        for (int i = 1; i < 32; i++) if (i != 2 && i != 10) assertThat(hart.x(i)).as("x%d", i).isZero();
        for (int t = 0; t < 8; t++) assertThat(hart.tiles().tile(t)).containsOnly(0);
        for (Csr c : new Csr[] {Csr.XSSTAT, Csr.XSQMUL, Csr.XSQSHIFT, Csr.XSQZP, Csr.XSASCL0, Csr.XSASCL1, Csr.XSBSCL0, Csr.XSBSCL1}) {
            assertThat(hart.csr(c)).as(c.mnemonic()).isZero();
        }
    }

    @Test
    void ecallStopsTheRunWithTrappedAndNothingAfterItRuns() {
        StopReason r = launch("addi a0, a0, 1\necall\nli a0, 99", 41, LIMIT);
        assertThat(r).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.x(10)).isEqualTo(42);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(11);
        assertThat(log.size()).isEqualTo(2);
    }

    @Test
    void firstTrapStopsTheRunEvenWithAHandlerInstalled() {
        StopReason r = launch("la t0, h\ncsrw mtvec, t0\nbad: .word 0\nh: li a0, 7\necall");
        assertThat(r).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(2);
        assertThat(hart.csr(Csr.MEPC)).isEqualTo(sym("bad"));
        assertThat(hart.x(10)).isZero();
        assertThat(last().trap()).isTrue();
    }

    @Test
    void fetchAtTheLimitFaults() {
        StopReason r = launch("li t0, " + LIMIT + "\njr t0");
        assertThat(r).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(1);
        assertThat(hart.csr(Csr.MTVAL)).isEqualTo(LIMIT);
        assertThat(last().insn()).isZero();
    }

    @Test
    void fetchBelowTheBaseFaultsEvenInsideDram() {
        StopReason r = launch("li t0, " + (BASE - 4) + "\njr t0");
        assertThat(r).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(1);
        assertThat(hart.csr(Csr.MTVAL)).isEqualTo(BASE - 4);
    }

    @Test
    void runningOffTheEndOfTheWindowFaultsOnFetch() {
        image = Assembler.assemble("nop", "k.S", LIMIT - 4);
        hart = new Hart(new Memory(Memory.MIN_BYTES));
        hart.memory().load(image);
        hart.launch(LIMIT - 4, 0, 0, BASE, LIMIT);
        assertThat(hart.run(100)).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(1);
        assertThat(hart.csr(Csr.MTVAL)).isEqualTo(LIMIT);
        assertThat(hart.instret()).isEqualTo(1);
    }

    @Test
    void loadsOutsideTheWindowFaultWithCause5() {
        for (int a : new int[] {BASE - 4, LIMIT, OUTSIDE, LIMIT + 1 - 1, 0x10}) {
            StopReason r = launch("li t0, " + a + "\nlw a0, 0(t0)");
            assertThat(r).isEqualTo(StopReason.TRAPPED);
            assertThat(hart.csr(Csr.MCAUSE)).as("0x%08x", a).isEqualTo(5);
            assertThat(hart.csr(Csr.MTVAL)).isEqualTo(a);
        }
    }

    @Test
    void loadOfTheLastWordOfTheWindowIsFine() {
        StopReason r = launch("li t0, " + (LIMIT - 4) + "\nlw a0, 0(t0)\nlbu a1, 3(t0)\necall");
        assertThat(r).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(11);
    }

    @Test
    void storeOutsideTheWindowFaultsWithCause7AndWritesNothing() {
        StopReason r = launch("li t0, " + OUTSIDE + "\nli t1, -1\nsb t1, 0(t0)");
        assertThat(r).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(7);
        assertThat(hart.csr(Csr.MTVAL)).isEqualTo(OUTSIDE);
        assertThat(hart.memory().loadWord(OUTSIDE - Memory.BASE)).isZero();
    }

    @Test
    void misalignedAccessInsideTheWindowIsStillMisaligned() {
        launch("la t0, inside\nlw a0, 2(t0)");
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(4);
    }

    @Test
    void tileRowCrossingTheLimitFaultsAndLeavesTheTileUnchanged() {
        StopReason r = launch("li t0, " + (LIMIT - 7 * 32 - 8) + "\nli t1, 32\nli t2, 5\ntput m1, t2, zero\ntld m1, (t0), t1");
        assertThat(r).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(5);
        assertThat(hart.csr(Csr.MTVAL)).isEqualTo(LIMIT);
        assertThat(hart.tiles().word(1, 0)).isEqualTo(5);
    }

    @Test
    void tileRowBelowTheBaseFaultsInRowOrder() {
        StopReason r = launch("li t0, " + (BASE + 32) + "\nli t1, -32\ntld m0, (t0), t1");
        assertThat(r).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MTVAL)).isEqualTo(BASE - 32);
    }

    @Test
    void tileStoreRowOutsideTheWindowFaultsAndWritesNothing() {
        byte[] before = new byte[Memory.MIN_BYTES];
        StopReason r = launch("li t0, " + (LIMIT - 8 * 8 + 4) + "\nli t1, 8\nli t2, -1\ntput m1, t2, t1\ntstn m1, (t0), t1");
        assertThat(r).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(7);
        assertThat(hart.csr(Csr.MTVAL)).isEqualTo(LIMIT);
        byte[] now = new byte[Memory.MIN_BYTES];
        hart.memory().read(0, now, 0, now.length);
        // Only the image was ever written.
        Memory fresh = new Memory(Memory.MIN_BYTES);
        fresh.load(image);
        fresh.read(0, before, 0, before.length);
        assertThat(now).isEqualTo(before);
    }

    @Test
    void tileStoreEntirelyInsideTheWindowIsFine() {
        StopReason r = launch("li t0, " + (LIMIT - 8 * 32) + "\nli t1, 32\ntst m1, (t0), t1\necall");
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(11);
        assertThat(r).isEqualTo(StopReason.TRAPPED);
    }

    @Test
    void tohostDoesNotApplyInCommandMode() {
        image = Assembler.assemble("la t0, tohost\nli t1, 1\nsw t1, 0(t0)\necall\n.align 3\ntohost: .word 0", "k.S", BASE);
        hart = new Hart(new Memory(Memory.MIN_BYTES));
        hart.memory().load(image);
        hart.setTohost(image.tohost().getAsInt());
        hart.launch(BASE, 0, 0, BASE, LIMIT);
        assertThat(hart.run(100)).isEqualTo(StopReason.TRAPPED);
        assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(11);
    }

    @Test
    void relaunchInTheSameWindowRunsTheSameCodeAgain() {
        image = Assembler.assemble("addi a0, a0, 1\necall", "k.S", BASE);
        hart = new Hart(new Memory(Memory.MIN_BYTES));
        hart.memory().load(image);
        for (int i = 0; i < 3; i++) {
            hart.launch(BASE, i, 0, BASE, LIMIT);
            assertThat(hart.run(100)).isEqualTo(StopReason.TRAPPED);
            assertThat(hart.x(10)).isEqualTo(i + 1);
        }
    }

    @Test
    void codeDecodedInAWiderWindowFaultsAfterARelaunchThatExcludesIt() {
        image = Assembler.assemble("nop\necall", "k.S", BASE);
        hart = new Hart(new Memory(Memory.MIN_BYTES));
        hart.memory().load(image);
        for (int[] window : new int[][] {{BASE + 4, LIMIT}, {BASE - 0x100, BASE + 4}}) {
            hart.launch(BASE, 0, 0, BASE, LIMIT); // decodes both words
            assertThat(hart.run(100)).isEqualTo(StopReason.TRAPPED);
            assertThat(hart.csr(Csr.MCAUSE)).isEqualTo(11);
            hart.launch(BASE + (window[0] > BASE ? 0 : 4), 0, 0, window[0], window[1]);
            assertThat(hart.run(100)).isEqualTo(StopReason.TRAPPED);
            assertThat(hart.csr(Csr.MCAUSE)).as("window [0x%08x, 0x%08x)", window[0], window[1]).isEqualTo(1);
        }
    }

    @Test
    void budgetStopsALoopingKernel() {
        image = Assembler.assemble("loop: j loop", "k.S", BASE);
        hart = new Hart(new Memory(Memory.MIN_BYTES));
        hart.memory().load(image);
        hart.launch(BASE, 0, 0, BASE, LIMIT);
        assertThat(hart.run(5000)).isEqualTo(StopReason.BUDGET);
        assertThat(hart.order()).isEqualTo(5000);
    }
}
