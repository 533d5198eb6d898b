package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.MmioRegister;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.seedverify.rtl.CommandChip.BASE;
import static dev.seedverify.rtl.CommandChip.COMPLETIONS;
import static dev.seedverify.rtl.CommandChip.DATA;
import static dev.seedverify.rtl.CommandChip.KERNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The host side of the RTL chip through the harness: the host memory port (byte ranges as masked
 * words through the real port), its errors, and the records the chip produces while host accesses
 * clock it (kept natively and delivered in order by the next run: nothing lost).
 */
class DeviceHostPortTest {

    @Test
    void hostWritesAndReadsAnyByteRange() {
        try (CommandChip c = new CommandChip()) {
            byte[] data = new byte[203];
            new Random(5).nextBytes(data);
            for (int off : new int[] {0, 1, 2, 3}) {
                c.sim.hostWrite(DATA + off, data);
                assertThat(c.sim.hostRead(DATA + off, data.length)).isEqualTo(data);
                assertThat(c.sim.readDram(DATA + off, data.length)).as("the backdoor sees the same bytes").isEqualTo(data);
            }
            c.sim.hostWrite(DATA + 0x1001, new byte[] {1, 2});
            assertThat(c.sim.readDram(DATA + 0x1000, 4)).containsExactly(0, 1, 2, 0);
        }
    }

    @Test
    void hostAccessesReachBothEndsOfDram() {
        try (CommandChip c = new CommandChip()) {
            int end = BASE + c.sim.dramBytes();
            c.sim.hostWrite(BASE, new byte[] {9, 8, 7});
            c.sim.hostWrite(end - 3, new byte[] {6, 5, 4});
            assertThat(c.sim.hostRead(BASE, 3)).containsExactly(9, 8, 7);
            assertThat(c.sim.hostRead(end - 3, 3)).containsExactly(6, 5, 4);
            assertThat(c.sim.hostRead(end, 0)).isEmpty();
        }
    }

    @Test
    void hostAccessesOutsideDramAreRejected() {
        try (CommandChip c = new CommandChip()) {
            int end = BASE + c.sim.dramBytes();
            assertThatThrownBy(() -> c.sim.hostWrite(end - 2, new byte[4])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside DRAM");
            assertThatThrownBy(() -> c.sim.hostRead(BASE - 1, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.sim.hostRead(0, 4)).isInstanceOf(IllegalArgumentException.class);
            assertThat(c.sim.isAlive()).isTrue();
        }
    }

    @Test
    void hostAccessesTakeSimulatedCycles() {
        try (CommandChip c = new CommandChip()) {
            long before = c.sim.cycles();
            c.sim.mmioRead(MmioRegister.ID.offset());
            assertThat(c.sim.cycles() - before).as("one MMIO access").isEqualTo(1);
            before = c.sim.cycles();
            c.sim.hostRead(DATA, 4);
            assertThat(c.sim.cycles() - before).as("one host word").isEqualTo(2);
        }
    }

    @Test
    void recordsProducedDuringHostAccessesAreDeliveredInOrderByTheNextRun() {
        try (CommandChip c = new CommandChip().ring(4)) {
            c.kernel(KERNEL, """
                    li t0, 0
                    loop: addi t0, t0, 1
                    li t1, 400
                    blt t0, t1, loop
                    mv a0, t0
                    ecall
                    """);
            c.submit(Descriptor.launch(1, KERNEL, 0, 0, KERNEL, KERNEL + 0x1000, 0, COMPLETIONS));
            assertThat(c.sim.run(CommandChip.MAX_CYCLES, 20, c.log).status()).isEqualTo(RunResult.Status.RECORD_LIMIT);
            // the kernel keeps running while the host reads registers and memory
            for (int i = 0; i < 30; i++) {
                c.read(MmioRegister.STATUS);
                c.sim.hostRead(DATA, 16);
            }
            c.runToCompletion();
            Completion done = c.completionAt(COMPLETIONS);
            assertThat(done.statusEnum()).isEqualTo(CompletionStatus.OK);
            assertThat(done.result()).isEqualTo(400);
            int instructions = c.log.size() - 1;
            assertThat(instructions).as("every retired instruction and the ecall").isEqualTo(done.retired() + 1);
            for (int i = 0; i < instructions; i++) assertThat(c.log.order(i)).isEqualTo(i);
            assertThat(c.log.field(c.last(), CommitLog.EV_KIND)).isEqualTo(DeviceEvent.COMPLETION.code());
        }
    }

    @Test
    void hostAccessesShareTheWidePortWithTileRows() {
        try (CommandChip c = new CommandChip().ring(4)) {
            // tile loads and stores back to back (8 rows each on the wide port) while the host reads and writes
            c.kernel(KERNEL, """
                    li t0, %d
                    li t1, 32
                    li t2, 200
                    loop: tld m1, (t0), t1
                    tst m1, (t0), t1
                    addi t2, t2, -1
                    bnez t2, loop
                    ecall
                    """.formatted(DATA));
            byte[] rows = new byte[256];
            new Random(7).nextBytes(rows);
            c.sim.hostWrite(DATA, rows);
            c.submit(Descriptor.launch(1, KERNEL, 0, 0, KERNEL, DATA + 0x100, 0, COMPLETIONS));   // the rows inside the window
            c.sim.hostWrite(DATA + 0x1000, new byte[64]);
            byte[] mine = new byte[64];
            new Random(8).nextBytes(mine);
            RunResult r;
            int k = 0;
            do {
                c.sim.hostWrite(DATA + 0x1000, mine, 0, 64);
                assertThat(c.sim.hostRead(DATA + 0x1000, 64)).isEqualTo(mine);
                assertThat(c.sim.hostRead(DATA, 256)).as("the kernel rewrites the same rows").isEqualTo(rows);
                r = c.sim.run(5 + k++ % 7, 10_000, c.log);
            } while (r.status() != RunResult.Status.COMPLETED);
            assertThat(c.completionAt(COMPLETIONS).statusEnum()).isEqualTo(CompletionStatus.OK);
            assertThat(c.completionAt(COMPLETIONS).retired()).isEqualTo(3 + 200 * 4);
        }
    }

    @Test
    void aCompletionDuringHostAccessesEndsTheNextRunRightAfterIt() {
        try (CommandChip c = new CommandChip().ring(4)) {
            c.submit(Descriptor.nop(1, COMPLETIONS));
            c.submit(Descriptor.nop(2, COMPLETIONS + 16));
            for (int i = 0; i < 20; i++) c.read(MmioRegister.DONE_COUNT);   // both complete meanwhile
            assertThat(c.read(MmioRegister.DONE_COUNT)).isEqualTo(2);
            RunResult r = c.sim.run(1000, 100, c.log);
            assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
            assertThat(r.records()).isEqualTo(1);
            assertThat(r.cycles()).isZero();
            r = c.sim.run(1000, 100, c.log);
            assertThat(r.status()).isEqualTo(RunResult.Status.COMPLETED);
            assertThat(c.sim.run(1000, 100, c.log).status()).isEqualTo(RunResult.Status.IDLE);
            assertThat(c.log.size()).isEqualTo(2);
        }
    }

    @Test
    void anIdleDeviceIsNotAHang() {
        try (CommandChip c = new CommandChip().ring(4)) {
            c.sim.setHangBudget(5);
            c.execute(Descriptor.nop(1, COMPLETIONS));
            RunResult r = c.sim.run(100_000, 100, c.log);
            assertThat(r.status()).isEqualTo(RunResult.Status.IDLE);
            assertThat(r.cycles()).isZero();
        }
    }

    @Test
    void aHungKernelIsStillAHang() {
        try (CommandChip c = new CommandChip().ring(4)) {
            // a divide takes 34 cycles without a record: a hang budget of 10 cycles calls it a hang
            c.kernel(KERNEL, "li t0, 7\n li t1, 3\n div t2, t0, t1\n ecall\n");
            c.submit(Descriptor.launch(1, KERNEL, 0, 0, KERNEL, KERNEL + 0x100, 0, COMPLETIONS));
            c.sim.setHangBudget(10);
            RunResult r = c.sim.run(100_000, 100, c.log);
            assertThat(r.status()).isEqualTo(RunResult.Status.HANG);
            c.sim.setHangBudget(RtlSimulator.DEFAULT_HANG_CYCLES);
            c.runToCompletion();
            assertThat(c.completionAt(COMPLETIONS).result()).isZero();
            assertThat(c.completionAt(COMPLETIONS).retired()).isEqualTo(3);
        }
    }

    @Test
    void bareModeDoesNotConsumeTheRing() {
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(TestSupport.smallProgram());
            sim.resetBare();
            assertThat(sim.isCommandMode()).isFalse();
            sim.hostWrite(CommandChip.RING, Descriptor.nop(1, COMPLETIONS).toBytes());
            sim.mmioWrite(MmioRegister.CQ_BASE.offset(), CommandChip.RING);
            sim.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), 4);
            sim.mmioWrite(MmioRegister.CQ_TAIL.offset(), 1);
            CommitLog log = new CommitLog(1000);
            assertThat(sim.run(100_000, 1000, log).status()).isEqualTo(RunResult.Status.HALTED);
            for (int i = 0; i < log.size(); i++) assertThat(log.isEvent(i)).isFalse();
            assertThat(sim.mmioRead(MmioRegister.DONE_COUNT.offset())).isZero();
            assertThat(sim.mmioRead(MmioRegister.CQ_HEAD.offset())).isZero();
        }
    }
}
