package dev.seedverify.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.exec.Memory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each rule of the bus protocol monitor, broken by raw host traffic on the golden device, and a clean sequence that breaks none. */
class BusMonitorTest {
    static final int RING = Memory.BASE, COMP = Memory.BASE + 0x1000;
    GoldenBackend chip;
    BusMonitor lenient;

    @BeforeEach
    void open() {
        chip = new GoldenBackend(Memory.DEFAULT_BYTES);
        lenient = new BusMonitor(chip, false);
        lenient.resetCommand();
    }

    @AfterEach
    void close() { chip.close(); }

    void ring(int entries) {
        lenient.mmioWrite(MmioRegister.CQ_BASE.offset(), RING);
        lenient.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), entries);
    }

    void put(int slot, Descriptor d) {
        byte[] b = d.toBytes();
        lenient.hostWrite(RING + DeviceTable.DESCRIPTOR_BYTES * slot, b, 0, b.length);
    }

    void tail(int t) { lenient.mmioWrite(MmioRegister.CQ_TAIL.offset(), t); }

    void runUntilIdle() {
        CommitLog log = new CommitLog(256);
        while (lenient.advance(log, 256) != dev.seedverify.cosim.Backend.Status.IDLE) log.clear();
    }

    ProtocolViolation.Rule only() {
        assertThat(lenient.violations()).hasSize(1);
        return lenient.violations().get(0).rule();
    }

    @Test
    void aCorrectSequenceBreaksNoRule() {
        ring(4);
        put(0, Descriptor.nop(1, COMP));
        tail(1);
        runUntilIdle();
        lenient.mmioRead(MmioRegister.DONE_COUNT.offset());
        lenient.hostRead(COMP, DeviceTable.COMPLETION_BYTES);
        assertThat(lenient.violations()).isEmpty();
    }

    @Test
    void theTailMovingOverAPartlyWrittenDescriptor() {
        ring(4);
        byte[] nop = Descriptor.nop(1, COMP).toBytes();
        lenient.hostWrite(RING, nop, 0, 16);
        tail(1);
        assertThat(only()).isEqualTo(ProtocolViolation.Rule.DESCRIPTOR_INCOMPLETE);
        assertThat(lenient.violations().get(0).busAccess()).isEqualTo("mmioWrite CQ_TAIL = 0x1");
    }

    @Test
    void aWriteToAnEntryBetweenHeadAndTail() {
        ring(4);
        put(0, Descriptor.nop(1, COMP));
        tail(1);
        put(0, Descriptor.nop(2, COMP));
        assertThat(only()).isEqualTo(ProtocolViolation.Rule.WRITE_TO_PENDING_ENTRY);
    }

    @Test
    void aTailOutsideTheRingOrPastTheHead() {
        ring(4);
        tail(4);
        assertThat(only()).isEqualTo(ProtocolViolation.Rule.TAIL_OUTSIDE_RING);
        lenient.clearViolations();
        for (int i = 0; i < 3; i++) put(i, Descriptor.nop(i, COMP));
        tail(3);
        put(3, Descriptor.nop(3, COMP));
        tail(0);
        assertThat(only()).isEqualTo(ProtocolViolation.Rule.TAIL_OVERTAKES_HEAD);
    }

    @Test
    void aDoorbellWithoutARing() {
        tail(0);
        assertThat(only()).isEqualTo(ProtocolViolation.Rule.TAIL_WHILE_QERR);
    }

    @Test
    void aCompletionReadBeforeDoneCountShowedIt() {
        ring(4);
        put(0, Descriptor.nop(1, COMP));
        tail(1);
        runUntilIdle();
        lenient.hostRead(COMP + 4, 4);
        assertThat(only()).isEqualTo(ProtocolViolation.Rule.COMPLETION_READ_EARLY);
    }

    @Test
    void aReservedFieldOrAnUndefinedOpcode() {
        ring(4);
        put(0, Descriptor.nop(1, COMP).with(3, 7));
        tail(1);
        assertThat(only()).isEqualTo(ProtocolViolation.Rule.RESERVED_FIELD_SET);
    }

    @Test
    void aRingReconfiguredWhileItHoldsEntries() {
        ring(4);
        put(0, Descriptor.nop(1, COMP));
        tail(1);
        lenient.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), 8);
        assertThat(only()).isEqualTo(ProtocolViolation.Rule.RING_CONFIG_WHILE_BUSY);
    }

    @Test
    void aWriteToAReadOnlyRegister() {
        lenient.mmioWrite(MmioRegister.DONE_COUNT.offset(), 5);
        assertThat(only()).isEqualTo(ProtocolViolation.Rule.READ_ONLY_WRITE);
    }

    @Test
    void aStrictMonitorThrowsAtTheAccessAndNamesTheDriverAction() {
        BusMonitor strict = new BusMonitor(chip, true);
        strict.resetCommand();
        strict.action("submit NOP");
        assertThatThrownBy(() -> strict.mmioWrite(MmioRegister.CQ_TAIL.offset(), 0)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("TAIL_WHILE_QERR").hasMessageContaining("during: submit NOP");
    }
}
