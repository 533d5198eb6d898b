package dev.seedverify.golden.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The golden device's own API (its behaviour against spec §4 is tested through the co-simulation
 * backend in cosim's DeviceConformance): how {@link Device#run} bounds its work by records and
 * by the log's room, and its argument checks.
 */
class DeviceTest {
    static final int RING = Memory.BASE, COMP = Memory.BASE + 0x1000, KBASE = Memory.BASE + 0x4000;

    private Device device;

    @BeforeEach
    void ringOfEight() {
        device = new Device(Memory.MIN_BYTES);
        device.mmioWrite(MmioRegister.CQ_BASE.offset(), RING);
        device.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), 8);
    }

    private void submit(int index, Descriptor d) {
        byte[] b = d.toBytes();
        device.hostWrite(RING + DeviceTable.DESCRIPTOR_BYTES * index, b, 0, b.length);
        device.mmioWrite(MmioRegister.CQ_TAIL.offset(), index + 1);
    }

    private void loadKernel(String source) {
        ElfImage k = Assembler.assemble(source, "k.S", KBASE);
        byte[] code = k.segments().get(0).data();
        device.hostWrite(KBASE, code, 0, code.length);
    }

    @Test
    void aNewDeviceIsInItsResetState() {
        Device fresh = new Device(Memory.MIN_BYTES);
        assertThat(fresh.mmioRead(MmioRegister.STATUS.offset())).isEqualTo(DeviceTable.STATUS_RESET);
        assertThat(fresh.mmioRead(MmioRegister.DRAM_KIB.offset())).isEqualTo(64);
        assertThat(fresh.idle()).isTrue();
        assertThat(fresh.irq()).isFalse();
    }

    @Test
    void runWithNoRoomForRecordsStartsNothing() {
        submit(0, Descriptor.copy(1, KBASE, KBASE + 0x100, 4, COMP));
        assertThat(device.run(new CommitLog(8), 0)).isEqualTo(Device.Stop.RECORD_LIMIT);
        assertThat(device.busy()).isFalse();
        assertThat(device.mmioRead(MmioRegister.CQ_HEAD.offset())).isZero();
    }

    @Test
    void runOfAnIdleDeviceReturnsIdleWhateverTheRoom() {
        assertThat(device.run(new CommitLog(8), 0)).isEqualTo(Device.Stop.IDLE);
    }

    @Test
    void runStopsWhenTheLogIsFullAndResumesWhereItStopped() {
        loadKernel("nop\nnop\nnop\nnop\nli a0, 9\necall");
        submit(0, Descriptor.launch(1, KBASE, 0, KBASE + 0x100, KBASE, KBASE + 0x100, 100, COMP));
        CommitLog log = new CommitLog(4);
        assertThat(device.run(log, 1000)).isEqualTo(Device.Stop.RECORD_LIMIT);
        assertThat(log.size()).isEqualTo(4);
        assertThat(device.busy()).isTrue();
        log.clear();
        assertThat(device.run(log, 1000)).isEqualTo(Device.Stop.COMPLETED);
        assertThat(log.size()).isEqualTo(3); // li, ecall, the completion event
        assertThat(log.isEvent(2)).isTrue();
        assertThat(log.order(2)).isEqualTo(6);
        assertThat(Completion.fromBytes(device.hostRead(COMP, 16), 0)).isEqualTo(Completion.of(CompletionStatus.OK, 1, 9, 0, 5));
    }

    @Test
    void runChecksItsArguments() {
        assertThatThrownBy(() -> device.run(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> device.run(new CommitLog(1), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void hostAccessOutsideDramNamesTheRangeAndDram() {
        assertThatThrownBy(() -> device.hostRead(Memory.BASE + Memory.MIN_BYTES - 2, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x8000fffe").hasMessageContaining("outside DRAM");
    }

    @Test
    void hostWriteOfARangeOutsideTheSourceArrayIsRejected() {
        assertThatThrownBy(() -> device.hostWrite(Memory.BASE, new byte[4], 2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void resetZeroesDramAndTheCoreAndReturnsToQerr() {
        loadKernel("li a0, 1\necall");
        submit(0, Descriptor.launch(1, KBASE, 0, KBASE + 0x100, KBASE, KBASE + 0x100, 100, COMP));
        device.run(new CommitLog(16), 16);
        assertThat(device.hart().order()).isEqualTo(2);
        device.reset();
        assertThat(device.hart().order()).isZero();
        assertThat(device.hart().x(10)).isZero();
        assertThat(device.hostRead(KBASE, 8)).containsOnly(0);
        assertThat(device.mmioRead(MmioRegister.STATUS.offset())).isEqualTo(DeviceTable.STATUS_QERR);
    }
}
