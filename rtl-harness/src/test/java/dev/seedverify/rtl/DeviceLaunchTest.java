package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.isa.TrapCause;
import org.junit.jupiter.api.Test;

import static dev.seedverify.golden.device.CompletionStatus.OK;
import static dev.seedverify.golden.device.CompletionStatus.TRAP;
import static dev.seedverify.golden.device.CompletionStatus.WATCHDOG;
import static dev.seedverify.rtl.CommandChip.COMPLETIONS;
import static dev.seedverify.rtl.CommandChip.KERNEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LAUNCH on the RTL device (spec §4.2 and the project's readings): register, tile and Xseed CSR
 * reset, pc / sp / a0, the window on every fetch, load, store and tile row, the end at ecall, at
 * the first other trap or at the budget, and the completion record of each.
 */
class DeviceLaunchTest {
    /** The window of the kernels: code at KERNEL, data from KERNEL + 0x800, limit KERNEL + 0x1000. */
    private static final int LIMIT = KERNEL + 0x1000;
    private static final int DATA = KERNEL + 0x800;

    private static Descriptor launch(int a0, int sp, int budget) {
        return Descriptor.launch(1, KERNEL, a0, sp, KERNEL, LIMIT, budget, COMPLETIONS);
    }

    /** Runs {@code source} as a kernel in the standard window and returns its completion. */
    private static Completion runKernel(CommandChip c, String source, int a0, int budget) {
        c.kernel(KERNEL, source);
        return c.execute(launch(a0, 0, budget));
    }

    private static CommandChip chip() { return new CommandChip().ring(4); }

    @Test
    void ecallCompletesOkWithX10AndTheRetiredCount() {
        try (CommandChip c = chip()) {
            Completion done = runKernel(c, "addi a0, a0, 5\n slli a0, a0, 1\n nop\n ecall\n", 16, 0);
            assertThat(done).isEqualTo(Completion.of(OK, 1, 42, 0, 3));
        }
    }

    @Test
    void launchSetsPcSpAndA0() {
        try (CommandChip c = chip()) {
            c.kernel(KERNEL + 0x40, "add a0, a0, sp\n auipc a1, 0\n add a0, a0, a1\n ecall\n");
            Completion done = c.execute(Descriptor.launch(1, KERNEL + 0x40, 0x100, 0x2000, KERNEL, LIMIT, 0, COMPLETIONS));
            assertThat(done.statusEnum()).isEqualTo(OK);
            assertThat(done.result()).isEqualTo(0x100 + 0x2000 + KERNEL + 0x44);
        }
    }

    @Test
    void launchResetsEveryOtherRegisterToZero() {
        try (CommandChip c = chip()) {
            StringBuilder dirty = new StringBuilder();
            for (int r = 1; r < 32; r++) dirty.append("li x").append(r).append(", -1\n");
            assertThat(runKernel(c, dirty + "ecall\n", 0, 0).statusEnum()).isEqualTo(OK);
            StringBuilder or = new StringBuilder();
            for (int r = 1; r < 32; r++) if (r != 2 && r != 10) or.append("or a0, a0, x").append(r).append('\n');
            Completion done = runKernel(c, or + "ecall\n", 0, 0);
            assertThat(done.statusEnum()).isEqualTo(OK);
            assertThat(done.result()).as("x1, x3..x9, x11..x31 after a LAUNCH").isZero();
        }
    }

    @Test
    void launchResetsTilesAndXseedCsrs() {
        try (CommandChip c = chip()) {
            String dirty = """
                    li t0, -1
                    li t1, 5
                    tput m3, t0, t1
                    csrw xsqmul, t0
                    csrw xsqzp, t0
                    csrw xsascl1, t0
                    csrw xsstat, t0
                    ecall
                    """;
            assertThat(runKernel(c, dirty, 0, 0).statusEnum()).isEqualTo(OK);
            String read = """
                    li t1, 5
                    tget a0, m3, t1
                    csrr t2, xsqmul
                    or a0, a0, t2
                    csrr t2, xsqzp
                    or a0, a0, t2
                    csrr t2, xsascl1
                    or a0, a0, t2
                    csrr t2, xsstat
                    or a0, a0, t2
                    ecall
                    """;
            Completion done = runKernel(c, read, 0, 0);
            assertThat(done.statusEnum()).isEqualTo(OK);
            assertThat(done.result()).isZero();
        }
    }

    @Test
    void launchKeepsTheOtherCsrsAndTheCounters() {
        try (CommandChip c = chip()) {
            assertThat(runKernel(c, "li t0, 0x1234\n csrw mscratch, t0\n csrw mtvec, t0\n ecall\n", 0, 0).retired()).isEqualTo(4);
            Completion done = runKernel(c, "csrr a0, mscratch\n csrr a1, mtvec\n add a0, a0, a1\n csrr a1, minstret\n slli a1, a1, 16\n add a0, a0, a1\n ecall\n", 0, 0);
            // mscratch and mtvec kept; minstret = 4 of the first kernel + the 3 instructions before its read
            assertThat(done.result()).isEqualTo(0x1234 + 0x1234 + (7 << 16));
        }
    }

    @Test
    void theFirstOtherTrapEndsTheKernelWithTrap() {
        try (CommandChip c = chip()) {
            Completion done = runKernel(c, "addi a0, a0, 1\n addi a0, a0, 1\n .word 0xffffffff\n addi a0, a0, 1\n ecall\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.ILLEGAL_INSTRUCTION.code(), 0xffffffff, 2));
            done = runKernel(c, "nop\n ebreak\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.BREAKPOINT.code(), KERNEL + 4, 1));
        }
    }

    @Test
    void theTrappingInstructionHasItsTrapRecordAndNothingRunsAfterIt() {
        try (CommandChip c = chip()) {
            c.kernel(KERNEL, "li t0, 0x40\n csrw mtvec, t0\n ecall\n addi a0, a0, 1\n");
            c.execute(launch(0, 0, 0));
            assertThat(c.log.size()).isEqualTo(4);
            assertThat(c.log.trap(2)).isTrue();
            assertThat(c.log.cause(2)).isEqualTo(TrapCause.ECALL.code());
            assertThat(c.log.pc(2)).isEqualTo(KERNEL + 8);
            assertThat(c.log.pcNext(2)).as("pc_next = mtvec").isEqualTo(0x40);
            assertThat(c.log.isEvent(3)).isTrue();
        }
    }

    @Test
    void fetchesOutsideTheWindowFault() {
        try (CommandChip c = chip()) {
            Completion done = runKernel(c, "li t0, " + LIMIT + "\n jr t0\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.FETCH_ACCESS.code(), LIMIT, 2));
            done = runKernel(c, "li t0, " + (KERNEL - 4) + "\n jr t0\n", 0, 0);   // li: lui + addi
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.FETCH_ACCESS.code(), KERNEL - 4, 3));
        }
    }

    @Test
    void loadsOutsideTheWindowFault() {
        try (CommandChip c = chip()) {
            assertThat(runKernel(c, "li t0, " + (LIMIT - 4) + "\n lw a0, 0(t0)\n ecall\n", 0, 0).statusEnum()).isEqualTo(OK);
            Completion done = runKernel(c, "li t0, " + LIMIT + "\n lb a0, 0(t0)\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.LOAD_ACCESS.code(), LIMIT, 1));
            done = runKernel(c, "li t0, " + KERNEL + "\n lw a0, -4(t0)\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.LOAD_ACCESS.code(), KERNEL - 4, 1));
        }
    }

    @Test
    void storesOutsideTheWindowFaultAndWriteNothing() {
        try (CommandChip c = chip()) {
            c.hostWord(LIMIT, 0x5555AAAA);
            Completion done = runKernel(c, "li t0, " + LIMIT + "\n li t1, 7\n sw t1, 0(t0)\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.STORE_ACCESS.code(), LIMIT, 2));
            assertThat(c.hostWord(LIMIT)).isEqualTo(0x5555AAAA);
            done = runKernel(c, "li t0, " + (LIMIT - 2) + "\n sh t0, 0(t0)\n sh t0, 2(t0)\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.STORE_ACCESS.code(), LIMIT, 3));
            assertThat(c.hostWord(LIMIT)).isEqualTo(0x5555AAAA);
        }
    }

    @Test
    void tileRowsOutsideTheWindowFault() {
        try (CommandChip c = chip()) {
            // rows of 32 bytes, stride 32: row 7 ends exactly at the limit (fine), 4 bytes further it straddles it;
            // every base needs lui + addi, so the faulting tile instruction follows 3 retirements
            int base = LIMIT - 8 * 32;
            assertThat(runKernel(c, "li t0, " + base + "\n li t1, 32\n tld m1, (t0), t1\n ecall\n", 0, 0).statusEnum()).isEqualTo(OK);
            Completion done = runKernel(c, "li t0, " + (base + 4) + "\n li t1, 32\n tld m1, (t0), t1\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.LOAD_ACCESS.code(), LIMIT, 3));
            done = runKernel(c, "li t0, " + (base + 4) + "\n li t1, 32\n tst m1, (t0), t1\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.STORE_ACCESS.code(), LIMIT, 3));
            done = runKernel(c, "li t0, " + (KERNEL + 32) + "\n li t1, -32\n tstn m1, (t0), t1\n", 0, 0);
            assertThat(done).isEqualTo(Completion.of(TRAP, 1, TrapCause.STORE_ACCESS.code(), KERNEL - 32, 3));
        }
    }

    @Test
    void theBudgetEndsARunawayKernelWithWatchdog() {
        try (CommandChip c = chip()) {
            Completion done = runKernel(c, "spin: addi a0, a0, 1\n j spin\n", 0, 50);
            assertThat(done).isEqualTo(Completion.of(WATCHDOG, 1, 0, 0, 50));
            int instructions = 0;
            for (int i = 0; i < c.log.size(); i++) if (!c.log.isEvent(i)) instructions++;
            assertThat(instructions).isEqualTo(50);
        }
    }

    @Test
    void anEcallRightAfterTheBudgetIsSpentIsNotExecuted() {
        String kernel = "addi a0, a0, 1\n addi a0, a0, 1\n addi a0, a0, 1\n ecall\n";
        try (CommandChip c = chip()) {
            assertThat(runKernel(c, kernel, 0, 3)).isEqualTo(Completion.of(WATCHDOG, 1, 0, 0, 3));
            int before = c.log.size();
            assertThat(runKernel(c, kernel, 0, 4)).isEqualTo(Completion.of(OK, 1, 3, 0, 3));
            assertThat(c.log.size() - before).as("3 retired + the ecall's trap record + the completion").isEqualTo(5);
        }
    }

    @Test
    void aBudgetOfOneRetiresOneInstruction() {
        try (CommandChip c = chip()) {
            assertThat(runKernel(c, "addi a0, a0, 1\n addi a0, a0, 1\n ecall\n", 0, 1)).isEqualTo(Completion.of(WATCHDOG, 1, 0, 0, 1));
        }
    }

    @Test
    void aBudgetOfZeroMeansTwoToThe24Retirements() {
        try (CommandChip c = chip()) {
            c.kernel(KERNEL, "spin: j spin\n");
            c.submit(launch(0, 0, 0));
            // counted natively, not logged: 2^24 records
            RunResult r = c.sim.run(CommandChip.MAX_CYCLES * 10, Long.MAX_VALUE, null);
            assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
            assertThat(r.retired()).isEqualTo(DeviceTable.LAUNCH_DEFAULT_BUDGET);
            assertThat(c.completionAt(COMPLETIONS)).isEqualTo(Completion.of(WATCHDOG, 1, 0, 0, DeviceTable.LAUNCH_DEFAULT_BUDGET));
        }
    }

    @Test
    void ordersContinueAcrossLaunchesAndEventsTakeTheNextOrder() {
        try (CommandChip c = chip()) {
            runKernel(c, "nop\n nop\n ecall\n", 0, 0);
            runKernel(c, "nop\n ecall\n", 0, 0);
            long expected = 0;
            for (int i = 0; i < c.log.size(); i++) {
                assertThat(c.log.order(i)).as("record %d", i).isEqualTo(expected);
                if (!c.log.isEvent(i)) expected++;
            }
            assertThat(expected).isEqualTo(5);
            assertThat(c.log.field(3, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.COMPLETION.code());
            assertThat(c.log.order(3)).isEqualTo(3);
        }
    }

    @Test
    void theCompletionEventFollowsTheKernelsRecords() {
        try (CommandChip c = chip()) {
            c.kernel(KERNEL, "addi a0, a0, 2\n ecall\n");
            int index = c.submit(Descriptor.launch(0x55, KERNEL, 1, 0, KERNEL, LIMIT, 0, COMPLETIONS + 16));
            c.runToCompletion();
            assertThat(c.log.size()).isEqualTo(3);
            assertThat(c.log.isEvent(0) || c.log.isEvent(1)).isFalse();
            int e = 2;
            assertThat(c.log.flags(e)).isEqualTo(CommitLog.FLAG_EVENT);
            assertThat(c.log.field(e, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.COMPLETION.code());
            assertThat(c.log.field(e, CommitLog.EV_INDEX)).isEqualTo(index);
            assertThat(c.log.field(e, CommitLog.EV_ADDR)).isEqualTo(COMPLETIONS + 16);
            assertThat(c.log.field(e, CommitLog.EV_ARG)).isEqualTo(1);
            Completion expected = Completion.of(OK, 0x55, 3, 0, 1);
            assertThat(new int[] {c.log.field(e, CommitLog.EV_W0), c.log.field(e, CommitLog.EV_W1), c.log.field(e, CommitLog.EV_W2),
                c.log.field(e, CommitLog.EV_W3)}).containsExactly(expected.word(0), expected.word(1), expected.word(2), expected.word(3));
            assertThat(c.log.memCount(e)).isZero();
            assertThat(c.completionAt(COMPLETIONS + 16)).isEqualTo(expected);
        }
    }

    @Test
    void kernelsSeeDataTheHostWroteAndTheHostSeesTheirStores() {
        try (CommandChip c = chip()) {
            c.hostWord(DATA, 1000);
            Completion done = runKernel(c, "li t0, " + DATA + "\n lw a0, 0(t0)\n addi a1, a0, 1\n sw a1, 4(t0)\n ecall\n", 0, 0);
            assertThat(done.result()).isEqualTo(1000);
            assertThat(c.hostWord(DATA + 4)).isEqualTo(1001);
        }
    }

    @Test
    void aTrapStatusIsNotOkEvenWithX10Set() {
        try (CommandChip c = chip()) {
            Completion done = runKernel(c, "li a0, 11\n li t0, " + LIMIT + "\n lw t1, 0(t0)\n", 0, 0);
            assertThat(done.statusEnum()).isEqualTo(CompletionStatus.TRAP);
            assertThat(done.result()).isEqualTo(TrapCause.LOAD_ACCESS.code());
        }
    }
}
