package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.seedverify.rtl.CommandChip.BASE;
import static dev.seedverify.rtl.CommandChip.COMPLETIONS;
import static dev.seedverify.rtl.CommandChip.KERNEL;
import static dev.seedverify.rtl.CommandChip.RING;
import static org.assertj.core.api.Assertions.assertThat;

/** The RTL device's command ring: QERR, configuration, doorbell and consumption rules (spec §4.1-§4.3). */
class DeviceRingTest {

    private static boolean qerr(CommandChip c) { return (c.read(MmioRegister.STATUS) & DeviceTable.STATUS_QERR) != 0; }

    private static void configure(CommandChip c, int base, int entries) {
        c.write(MmioRegister.CQ_BASE, base);
        c.write(MmioRegister.CQ_ENTRIES, entries);
    }

    /** A kernel that spins until its budget runs out (WATCHDOG), to keep a command executing. */
    private static Descriptor spinner(CommandChip c, int tag, int budget, int completion) {
        c.kernel(KERNEL, "spin: j spin\n");
        return Descriptor.launch(tag, KERNEL, 0, 0, KERNEL, KERNEL + 0x100, budget, completion);
    }

    @Test
    void entriesThatAreNotAPowerOfTwoUpTo65536SetQerr() {
        try (CommandChip c = new CommandChip()) {
            for (int n : new int[] {0, 3, 6, 100, 65537, 131072, 0x80000000, -1}) {
                configure(c, RING, n);
                assertThat(qerr(c)).as("CQ_ENTRIES = %d", n).isTrue();
                assertThat(c.read(MmioRegister.CQ_ENTRIES)).as("the register takes the written value").isEqualTo(n);
            }
            for (int n : new int[] {1, 2, 4, 1024}) {
                configure(c, RING, n);
                assertThat(qerr(c)).as("CQ_ENTRIES = %d", n).isFalse();
            }
        }
    }

    @Test
    void baseNotAlignedTo32BytesSetsQerr() {
        try (CommandChip c = new CommandChip()) {
            for (int off : new int[] {4, 16, 28, 1}) {
                configure(c, RING + off, 4);
                assertThat(qerr(c)).as("CQ_BASE = RING + %d", off).isTrue();
            }
            configure(c, RING + 32, 4);
            assertThat(qerr(c)).isFalse();
        }
    }

    @Test
    void ringNotInsideDramSetsQerr() {
        try (CommandChip c = new CommandChip()) {
            int end = BASE + c.sim.dramBytes();
            configure(c, BASE - 32, 1);
            assertThat(qerr(c)).as("below DRAM").isTrue();
            configure(c, end - 32, 2);
            assertThat(qerr(c)).as("straddling the DRAM end").isTrue();
            configure(c, end, 1);
            assertThat(qerr(c)).as("at the DRAM end").isTrue();
            configure(c, 0xFFFFFFE0, 2);
            assertThat(qerr(c)).as("wrapping around 2^32").isTrue();
            configure(c, end - 32, 1);
            assertThat(qerr(c)).as("the last 32 bytes of DRAM").isFalse();
            configure(c, BASE, c.sim.dramBytes() / DeviceTable.DESCRIPTOR_BYTES);
            assertThat(qerr(c)).as("a ring filling all of DRAM").isFalse();
            configure(c, BASE, DeviceTable.RING_MAX_ENTRIES);
            assertThat(qerr(c)).as("%d entries do not fit %d bytes of DRAM", DeviceTable.RING_MAX_ENTRIES, c.sim.dramBytes())
                    .isEqualTo(DeviceTable.RING_MAX_ENTRIES * DeviceTable.DESCRIPTOR_BYTES > c.sim.dramBytes());
        }
    }

    @Test
    void configuringTheRingResetsHeadAndTail() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.execute(Descriptor.nop(1, COMPLETIONS));
            c.execute(Descriptor.nop(2, COMPLETIONS));
            assertThat(c.read(MmioRegister.CQ_HEAD)).isEqualTo(2);
            assertThat(c.read(MmioRegister.CQ_TAIL)).isEqualTo(2);
            c.write(MmioRegister.CQ_BASE, RING + 0x100);
            assertThat(c.read(MmioRegister.CQ_BASE)).isEqualTo(RING + 0x100);
            assertThat(c.read(MmioRegister.CQ_HEAD)).isZero();
            assertThat(c.read(MmioRegister.CQ_TAIL)).isZero();
            c.execute(Descriptor.nop(3, COMPLETIONS));
            c.write(MmioRegister.CQ_ENTRIES, 8);
            assertThat(c.read(MmioRegister.CQ_HEAD)).isZero();
            assertThat(c.read(MmioRegister.CQ_TAIL)).isZero();
        }
    }

    @Test
    void ringConfigurationIsIgnoredWhileTheRingIsNotEmpty() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.submit(spinner(c, 1, 3000, COMPLETIONS));
            assertThat(c.sim.run(CommandChip.MAX_CYCLES, 50, c.log).status()).isEqualTo(RunResult.Status.RECORD_LIMIT);
            c.write(MmioRegister.CQ_BASE, RING + 0x400);
            c.write(MmioRegister.CQ_ENTRIES, 16);
            assertThat(c.read(MmioRegister.CQ_BASE)).isEqualTo(RING);
            assertThat(c.read(MmioRegister.CQ_ENTRIES)).isEqualTo(4);
            assertThat(c.read(MmioRegister.CQ_TAIL)).isEqualTo(1);
            c.runToCompletion();
            assertThat(c.read(MmioRegister.CQ_HEAD)).isEqualTo(1);
        }
    }

    @Test
    void ringConfigurationIsIgnoredWhileACommandExecutesEvenWithAnEmptyRing() {
        try (CommandChip c = new CommandChip()) {
            c.ring(2);
            c.place(spinner(c, 1, 3000, COMPLETIONS));
            c.place(Descriptor.nop(2, COMPLETIONS + 16));
            c.write(MmioRegister.CQ_TAIL, 1);
            assertThat(c.sim.run(CommandChip.MAX_CYCLES, 50, c.log).status()).isEqualTo(RunResult.Status.RECORD_LIMIT);
            c.write(MmioRegister.CQ_TAIL, 0);                    // head == tail == 0, entry 0 still executing
            c.write(MmioRegister.CQ_BASE, RING + 0x400);
            assertThat(c.read(MmioRegister.CQ_BASE)).as("BUSY: ignored").isEqualTo(RING);
            c.runToCompletion();
            // head moved to 1 != tail 0: the device goes on with entry 1
            c.runToCompletion();
            assertThat(c.completionAt(COMPLETIONS + 16).tag()).isEqualTo(2);
            assertThat(c.read(MmioRegister.CQ_HEAD)).isZero();
            c.runToIdle();
        }
    }

    @Test
    void tailWritesOfIndicesOutsideTheRingAreIgnored() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.write(MmioRegister.CQ_TAIL, 4);
            assertThat(c.read(MmioRegister.CQ_TAIL)).isZero();
            c.write(MmioRegister.CQ_TAIL, -1);
            assertThat(c.read(MmioRegister.CQ_TAIL)).isZero();
            assertThat(c.sim.run(10_000, 10, c.log).status()).isEqualTo(RunResult.Status.IDLE);
        }
    }

    @Test
    void tailWritesAreIgnoredWhileQerr() {
        try (CommandChip c = new CommandChip()) {
            c.write(MmioRegister.CQ_TAIL, 1);
            assertThat(c.read(MmioRegister.CQ_TAIL)).as("after reset").isZero();
            configure(c, RING, 3);
            c.write(MmioRegister.CQ_TAIL, 1);
            assertThat(c.read(MmioRegister.CQ_TAIL)).as("CQ_ENTRIES = 3").isZero();
            assertThat(c.sim.run(10_000, 10, c.log).status()).isEqualTo(RunResult.Status.IDLE);
            assertThat(c.read(MmioRegister.DONE_COUNT)).isZero();
        }
    }

    @Test
    void theDoorbellTakesEffectWhileACommandExecutes() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.submit(spinner(c, 1, 2000, COMPLETIONS));
            assertThat(c.sim.run(CommandChip.MAX_CYCLES, 50, c.log).status()).isEqualTo(RunResult.Status.RECORD_LIMIT);
            c.submit(Descriptor.nop(2, COMPLETIONS + 16));
            assertThat(c.read(MmioRegister.CQ_TAIL)).isEqualTo(2);
            c.runToCompletion();
            c.runToCompletion();
            assertThat(c.completionAt(COMPLETIONS + 16).tag()).isEqualTo(2);
            c.runToIdle();
        }
    }

    @Test
    void commandsCompleteInRingOrderAcrossWrapArounds() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            int tag = 0;
            for (int batch : new int[] {3, 2, 3, 1, 3}) {
                for (int k = 0; k < batch; k++) {
                    c.place(Descriptor.nop(tag, COMPLETIONS + 16 * tag));
                    tag++;
                }
                c.doorbell();
                c.runToIdle();
            }
            List<Integer> tags = new ArrayList<>(), indices = new ArrayList<>();
            for (int i = 0; i < c.log.size(); i++) {
                assertThat(c.log.isEvent(i)).isTrue();
                assertThat(c.log.field(i, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.COMPLETION.code());
                tags.add(Completion.fromWords(c.log.field(i, CommitLog.EV_W0), 0, 0, 0).tag());
                indices.add(c.log.field(i, CommitLog.EV_INDEX));
            }
            assertThat(tags).hasSize(12);
            for (int t = 0; t < 12; t++) {
                assertThat(tags.get(t)).isEqualTo(t);
                assertThat(indices.get(t)).isEqualTo(t % 4);
                assertThat(c.completionAt(COMPLETIONS + 16 * t).tag()).isEqualTo(t);
            }
            assertThat(c.read(MmioRegister.CQ_HEAD)).isEqualTo(12 % 4);
            assertThat(c.read(MmioRegister.DONE_COUNT)).isEqualTo(12);
        }
    }

    @Test
    void aDescriptorIsReadWhenItsCommandStartsNotAtTheDoorbell() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.place(spinner(c, 1, 2000, COMPLETIONS));
            c.place(Descriptor.nop(2, COMPLETIONS + 16));
            c.doorbell();
            assertThat(c.sim.run(CommandChip.MAX_CYCLES, 50, c.log).status()).isEqualTo(RunResult.Status.RECORD_LIMIT);
            // entry 1 rewritten after the doorbell, before its command starts
            c.sim.hostWrite(RING + DeviceTable.DESCRIPTOR_BYTES, Descriptor.nop(7, COMPLETIONS + 32).toBytes());
            c.runToCompletion();
            c.runToCompletion();
            assertThat(c.completionAt(COMPLETIONS + 32).tag()).isEqualTo(7);
            assertThat(c.completionAt(COMPLETIONS + 16).tag()).as("the old descriptor's record address").isZero();
        }
    }

    @Test
    void registersShowTheCompletionWhenItsEventArrives() {
        try (CommandChip c = new CommandChip()) {
            c.ring(2);
            for (int i = 0; i < 3; i++) {
                c.submit(Descriptor.nop(i, COMPLETIONS));
                c.runToCompletion();
                assertThat(c.read(MmioRegister.DONE_COUNT)).isEqualTo(i + 1);
                assertThat(c.read(MmioRegister.CQ_HEAD)).isEqualTo((i + 1) % 2);
                assertThat(c.read(MmioRegister.IRQ_STATUS) & DeviceTable.IRQ_DONE).isNotZero();
                assertThat(c.completionAt(COMPLETIONS).tag()).isEqualTo(i);
                c.write(MmioRegister.IRQ_STATUS, DeviceTable.IRQ_MASK);
            }
        }
    }

    @Test
    void nothingIsConsumedWhileQerr() {
        try (CommandChip c = new CommandChip()) {
            c.sim.hostWrite(RING, Descriptor.nop(1, COMPLETIONS).toBytes());
            configure(c, RING + 8, 4);                          // misaligned: QERR
            c.write(MmioRegister.CQ_TAIL, 1);
            assertThat(c.sim.run(10_000, 10, c.log).status()).isEqualTo(RunResult.Status.IDLE);
            assertThat(c.read(MmioRegister.DONE_COUNT)).isZero();
            assertThat(c.log.size()).isZero();
        }
    }
}
