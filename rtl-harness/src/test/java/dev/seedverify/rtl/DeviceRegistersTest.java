package dev.seedverify.rtl;

import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static dev.seedverify.rtl.CommandChip.COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RTL device's MMIO registers after a command-mode reset and their access rules (spec §4.1, §4.3). */
class DeviceRegistersTest {

    @Test
    void idReadsTheDeviceIdentification() {
        try (CommandChip c = new CommandChip()) {
            assertThat(c.read(MmioRegister.ID)).isEqualTo(DeviceTable.ID_VALUE);
        }
    }

    @Test
    void dramKibIsTheDramSizeInKib() {
        try (CommandChip c = new CommandChip()) {
            assertThat(c.read(MmioRegister.DRAM_KIB)).isEqualTo(c.sim.dramBytes() / 1024);
        }
    }

    @Test
    void statusAfterResetIsQerr() {
        try (CommandChip c = new CommandChip()) {
            assertThat(c.read(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_RESET).isEqualTo(DeviceTable.STATUS_QERR);
        }
    }

    @Test
    void everyOtherRegisterReadsZeroAfterReset() {
        try (CommandChip c = new CommandChip()) {
            for (MmioRegister r : EnumSet.complementOf(EnumSet.of(MmioRegister.ID, MmioRegister.DRAM_KIB, MmioRegister.STATUS))) {
                assertThat(c.read(r)).as(r.name()).isZero();
            }
        }
    }

    @Test
    void irqIsLowAfterReset() {
        try (CommandChip c = new CommandChip()) {
            assertThat(c.sim.irq()).isFalse();
        }
    }

    @Test
    void coreIdlesAfterResetWithoutFetchingOrRecords() {
        try (CommandChip c = new CommandChip()) {
            // an ecall at the DRAM base would trap at once if the core ran from there
            c.hostWord(CommandChip.BASE, 0x00000073);
            RunResult r = c.sim.run(10_000, 100, c.log);
            assertThat(r.status()).isEqualTo(RunResult.Status.IDLE);
            assertThat(r.records()).isZero();
            assertThat(c.log.size()).isZero();
        }
    }

    @Test
    void resetZeroesDram() {
        try (CommandChip c = new CommandChip()) {
            c.hostWord(CommandChip.DATA, 0x12345678);
            c.sim.resetCommand();
            assertThat(c.hostWord(CommandChip.DATA)).isZero();
        }
    }

    @Test
    void aResetInTheMiddleOfACommandLeavesAnIdleDeviceAndZeroedDram() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.submit(Descriptor.fill(1, CommandChip.DATA, 0x8000, -1, COMPLETIONS));
            assertThat(c.sim.run(100, 1000, c.log).status()).isEqualTo(RunResult.Status.CYCLE_LIMIT);
            assertThat(c.read(MmioRegister.STATUS) & DeviceTable.STATUS_BUSY).isNotZero();
            c.sim.resetCommand();
            assertThat(c.read(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_RESET);
            assertThat(c.read(MmioRegister.CQ_TAIL)).isZero();
            assertThat(c.sim.run(10_000, 100, c.log).status()).isEqualTo(RunResult.Status.IDLE);
            assertThat(c.sim.readDram(CommandChip.DATA, 0x8000)).containsOnly(0);
        }
    }

    @Test
    void wordsWithoutRegisterReadZeroAndIgnoreWrites() {
        try (CommandChip c = new CommandChip()) {
            int unmapped = 0;
            for (int off = 0; off < DeviceTable.MMIO_BYTES; off += 4) {
                if (MmioRegister.at(off) != null) continue;
                c.sim.mmioWrite(off, 0xFFFFFFFF);
                assertThat(c.sim.mmioRead(off)).as("offset 0x%02x", off).isZero();
                unmapped++;
            }
            assertThat(unmapped).isPositive();
            // and nothing else changed
            assertThat(c.read(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_RESET);
            assertThat(c.read(MmioRegister.IRQ_ENABLE)).isZero();
        }
    }

    @Test
    void writesToReadOnlyRegistersAreIgnored() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.execute(Descriptor.nop(1, COMPLETIONS));
            int[] before = new int[MmioRegister.values().length];
            for (MmioRegister r : MmioRegister.values()) before[r.ordinal()] = c.read(r);
            for (MmioRegister r : MmioRegister.values()) {
                if (r.access() == MmioRegister.Access.RO) c.write(r, 0x5A5A5A5A);
            }
            for (MmioRegister r : MmioRegister.values()) assertThat(c.read(r)).as(r.name()).isEqualTo(before[r.ordinal()]);
        }
    }

    @Test
    void irqEnableKeepsOnlyTheDefinedBits() {
        try (CommandChip c = new CommandChip()) {
            c.write(MmioRegister.IRQ_ENABLE, 0xFFFFFFFF);
            assertThat(c.read(MmioRegister.IRQ_ENABLE)).isEqualTo(DeviceTable.IRQ_MASK);
            c.write(MmioRegister.IRQ_ENABLE, DeviceTable.IRQ_ERROR | 0x100);
            assertThat(c.read(MmioRegister.IRQ_ENABLE)).isEqualTo(DeviceTable.IRQ_ERROR);
        }
    }

    @Test
    void mmioOffsetsOutsideTheWindowOrUnalignedAreRejected() {
        try (CommandChip c = new CommandChip()) {
            assertThatThrownBy(() -> c.sim.mmioRead(DeviceTable.MMIO_BYTES)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.sim.mmioRead(-4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.sim.mmioWrite(2, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0x2");
            assertThat(c.sim.isAlive()).isTrue();
        }
    }

    @Test
    void irqStatusBitsClearWhereOnesAreWritten() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.execute(Descriptor.of(0xFF, 0, 0, 0, 0, 0, 0, COMPLETIONS));   // bad opcode: DONE and ERROR
            int both = DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR;
            assertThat(c.read(MmioRegister.IRQ_STATUS)).isEqualTo(both);
            c.write(MmioRegister.IRQ_STATUS, 0);
            assertThat(c.read(MmioRegister.IRQ_STATUS)).isEqualTo(both);
            c.write(MmioRegister.IRQ_STATUS, ~DeviceTable.IRQ_MASK);
            assertThat(c.read(MmioRegister.IRQ_STATUS)).isEqualTo(both);
            c.write(MmioRegister.IRQ_STATUS, DeviceTable.IRQ_DONE);
            assertThat(c.read(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_ERROR);
            c.write(MmioRegister.IRQ_STATUS, 0xFFFFFFFF);
            assertThat(c.read(MmioRegister.IRQ_STATUS)).isZero();
        }
    }

    @Test
    void irqIsTheLevelOfStatusAndEnable() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.execute(Descriptor.nop(1, COMPLETIONS));           // DONE only
            assertThat(c.read(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE);
            assertThat(c.sim.irq()).as("enable 0").isFalse();
            c.write(MmioRegister.IRQ_ENABLE, DeviceTable.IRQ_ERROR);
            assertThat(c.sim.irq()).as("enable ERROR, status DONE").isFalse();
            c.write(MmioRegister.IRQ_ENABLE, DeviceTable.IRQ_DONE);
            assertThat(c.sim.irq()).as("enable DONE, status DONE").isTrue();
            c.write(MmioRegister.IRQ_STATUS, DeviceTable.IRQ_DONE);
            assertThat(c.sim.irq()).as("status cleared").isFalse();
            c.execute(Descriptor.nop(2, COMPLETIONS));
            assertThat(c.sim.irq()).as("a completion raises it again").isTrue();
        }
    }

    @Test
    void doneCountCountsEveryCompletedCommand() {
        try (CommandChip c = new CommandChip()) {
            c.ring(8);
            c.execute(Descriptor.nop(1, COMPLETIONS));
            c.execute(Descriptor.of(0, 0, 0, 0, 0, 0, 0, COMPLETIONS));      // BAD_COMMAND
            c.execute(Descriptor.nop(3, COMPLETIONS + 4));                   // bad completion address
            assertThat(c.read(MmioRegister.DONE_COUNT)).isEqualTo(3);
        }
    }

    @Test
    void statusShowsBusyOnlyWhileACommandExecutes() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.kernel(CommandChip.KERNEL, "spin: j spin\n");
            c.submit(Descriptor.launch(5, CommandChip.KERNEL, 0, 0, CommandChip.KERNEL, CommandChip.KERNEL + 0x100, 5000, COMPLETIONS));
            assertThat(c.sim.run(CommandChip.MAX_CYCLES, 100, c.log).status()).isEqualTo(RunResult.Status.RECORD_LIMIT);
            assertThat(c.read(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_BUSY);
            c.runToCompletion();
            assertThat(c.read(MmioRegister.STATUS)).isZero();
            Completion done = c.completionAt(COMPLETIONS);
            assertThat(done.statusEnum()).isEqualTo(CompletionStatus.WATCHDOG);
        }
    }
}
