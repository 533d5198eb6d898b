package dev.seedverify.rtl;

import dev.seedverify.cosim.Backend;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.elf.ElfImage;
import org.junit.jupiter.api.Test;

import static dev.seedverify.rtl.CommandChip.COMPLETIONS;
import static dev.seedverify.rtl.CommandChip.KERNEL;
import static dev.seedverify.rtl.CommandChip.RING;
import static org.assertj.core.api.Assertions.assertThat;

/** The RTL as a co-simulation {@link Backend} in command mode: the host bus and advance's stops. */
class RtlBackendCommandModeTest {

    @Test
    void aLaunchThroughTheBackendInterfaceCompletesAndTheDeviceGoesIdle() {
        try (Backend b = new RtlBackend(RtlModel.builtIn(), "rtl")) {
            b.resetCommand();
            assertThat(b.mmioRead(MmioRegister.ID.offset())).isEqualTo(DeviceTable.ID_VALUE);
            assertThat(b.irq()).isFalse();
            ElfImage kernel = Assembler.assemble("addi a0, a0, 1\n ecall\n", "k", KERNEL);
            for (ElfImage.LoadSegment seg : kernel.segments()) b.hostWrite(seg.address(), seg.data(), 0, seg.data().length);
            byte[] d = Descriptor.launch(3, KERNEL, 41, 0, KERNEL, KERNEL + 0x100, 0, COMPLETIONS).toBytes();
            b.hostWrite(RING, d, 0, d.length);
            b.mmioWrite(MmioRegister.CQ_BASE.offset(), RING);
            b.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), 2);
            b.mmioWrite(MmioRegister.IRQ_ENABLE.offset(), DeviceTable.IRQ_DONE);
            b.mmioWrite(MmioRegister.CQ_TAIL.offset(), 1);

            CommitLog log = new CommitLog(64);
            assertThat(b.advance(log, 64)).isEqualTo(Backend.Status.COMPLETED);
            assertThat(log.size()).isEqualTo(3);
            assertThat(log.isEvent(2)).isTrue();
            assertThat(log.field(2, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.COMPLETION.code());
            assertThat(Completion.fromBytes(b.hostRead(COMPLETIONS, 16), 0)).isEqualTo(Completion.of(CompletionStatus.OK, 3, 42, 0, 1));
            assertThat(b.irq()).isTrue();
            assertThat(b.advance(log, log.capacity() - log.size())).isEqualTo(Backend.Status.IDLE);
            assertThat(log.size()).isEqualTo(3);
        }
    }

    @Test
    void advanceStopsAtTheRecordLimitAndGoesOn() {
        try (Backend b = new RtlBackend(RtlModel.builtIn(), "rtl")) {
            b.resetCommand();
            ElfImage kernel = Assembler.assemble("spin: j spin\n", "k", KERNEL);
            for (ElfImage.LoadSegment seg : kernel.segments()) b.hostWrite(seg.address(), seg.data(), 0, seg.data().length);
            byte[] d = Descriptor.launch(1, KERNEL, 0, 0, KERNEL, KERNEL + 0x100, 100, COMPLETIONS).toBytes();
            b.hostWrite(RING, d, 0, d.length);
            b.mmioWrite(MmioRegister.CQ_BASE.offset(), RING);
            b.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), 2);
            b.mmioWrite(MmioRegister.CQ_TAIL.offset(), 1);
            CommitLog log = new CommitLog(200);
            assertThat(b.advance(log, 60)).isEqualTo(Backend.Status.RUNNING);
            assertThat(log.size()).isEqualTo(60);
            assertThat(b.advance(log, 140)).isEqualTo(Backend.Status.COMPLETED);
            assertThat(log.size()).isEqualTo(101);
            assertThat(Completion.fromBytes(b.hostRead(COMPLETIONS, 16), 0).statusEnum()).isEqualTo(CompletionStatus.WATCHDOG);
        }
    }
}
