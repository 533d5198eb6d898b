package dev.seedverify.cosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.exec.Memory;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The whole-chip comparator, driven by golden-model DUTs whose faults are known exactly. */
class LockstepBackendTest {
    static final int DRAM = 1 << 20;
    static final int RING = Memory.BASE, COMP = Memory.BASE + 0x1000, KBASE = Memory.BASE + 0x10000, DATA = Memory.BASE + 0x20000;

    /** A golden DUT with one fault, given as a decorator. */
    static LockstepBackend pair(Function<Backend, Backend> fault) {
        return new LockstepBackend(new GoldenBackend(DRAM), fault.apply(new GoldenBackend(DRAM)));
    }

    static HostSession session(Backend chip) {
        chip.resetCommand();
        HostSession host = new HostSession(chip);
        host.ring(RING, 8);
        return host;
    }

    /** A DUT that flips bits of one field of every event of a kind. */
    static final class EventCorrupting extends ForwardingBackend {
        EventCorrupting(Backend inner) { super(inner); }

        @Override
        public String name() { return "corrupting"; }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            int from = log.size();
            Status s = inner.advance(log, maxRecords);
            for (int i = from; i < log.size(); i++) {
                if (log.isEvent(i) && log.field(i, CommitLog.EV_KIND) == DeviceEvent.COMPLETION.code()) {
                    log.setField(i, CommitLog.EV_W1, log.field(i, CommitLog.EV_W1) ^ 1);
                }
            }
            return s;
        }
    }

    /** A DUT whose FILLs leave one byte behind them that no event shows. */
    static final class StrayByte extends ForwardingBackend {
        StrayByte(Backend inner) { super(inner); }

        @Override
        public String name() { return "stray"; }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            Status s = inner.advance(log, maxRecords);
            if (s == Status.COMPLETED) inner.hostWrite(DATA + 0x105, new byte[] {0x5A}, 0, 1);
            return s;
        }
    }

    /** A DUT whose register {@code reg} reads {@code delta} higher, always or only while busy. */
    static final class SkewedRegister extends ForwardingBackend {
        final MmioRegister reg;
        final boolean onlyWhileBusy;

        SkewedRegister(Backend inner, MmioRegister reg, boolean onlyWhileBusy) {
            super(inner);
            this.reg = reg;
            this.onlyWhileBusy = onlyWhileBusy;
        }

        @Override
        public String name() { return "skewed"; }

        @Override
        public int mmioRead(int offset) {
            int v = inner.mmioRead(offset);
            return offset == reg.offset() && (!onlyWhileBusy || !inner.idle()) ? v + 1 : v;
        }
    }

    @Test
    void lockstepAloneMeansGoldenAgainstRtl() {
        assertThat(LockstepBackendProvider.parse("lockstep")).containsExactly("golden", "rtl");
        assertThat(LockstepBackendProvider.parse("lockstep:golden,mutant:ring-wrap")).containsExactly("golden", "mutant:ring-wrap");
        assertThatThrownBy(() -> LockstepBackendProvider.parse("lockstep:golden")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("lockstep:REF,DUT");
    }

    @Test
    void backendsOpensAPairByNameAndNamesItAfterBoth() {
        try (Backend b = Backends.open("lockstep:golden,golden", DRAM)) {
            assertThat(b).isInstanceOf(LockstepBackend.class);
            assertThat(b.name()).isEqualTo("lockstep:golden,golden");
            assertThat(Backends.isDesignUnderTest("lockstep:golden,golden")).isTrue();
        }
    }

    @Test
    void pairsOfDifferentDramSizesAreRefused() {
        assertThatThrownBy(() -> new LockstepBackend(new GoldenBackend(DRAM), new GoldenBackend(2 * DRAM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal DRAM");
    }

    @Test
    void equalChipsRunEveryKindOfCommandAndPassTheReferenceRecordsOn() {
        try (LockstepBackend chip = pair(b -> b)) {
            HostSession host = session(chip);
            host.load("li a0, 7\nsw a0, 0(sp)\necall", KBASE);
            host.submit(Descriptor.launch(1, KBASE, 0, KBASE + 0x100, KBASE, KBASE + 0x1000, 100, COMP));
            host.submit(Descriptor.fill(2, DATA, 64, 0x11223344, COMP + 16));
            host.submit(Descriptor.copy(3, DATA, DATA + 0x100, 64, COMP + 32));
            host.submit(Descriptor.nop(4, COMP + 48));
            host.runUntilIdle();
            assertThat(host.events()).extracting(HostSession.Event::kind).containsExactly(DeviceEvent.COMPLETION,
                    DeviceEvent.DMA_WRITE, DeviceEvent.COMPLETION, DeviceEvent.DMA_WRITE, DeviceEvent.COMPLETION, DeviceEvent.COMPLETION);
            assertThat(host.instructions()).hasSize(3);
            assertThat(host.reg(MmioRegister.DONE_COUNT)).isEqualTo(4);
            assertThat(chip.divergence()).isEmpty();
        }
    }

    @Test
    void advanceFillsALogLargerThanOneBatchBeforeItReturnsRunning() {
        try (LockstepBackend chip = pair(b -> b)) {
            HostSession host = session(chip);
            host.load("spin: j spin", KBASE);
            host.submit(Descriptor.launch(1, KBASE, 0, 0, KBASE, KBASE + 0x100, 3 * LockstepBackend.BATCH, COMP));
            CommitLog big = new CommitLog(2 * LockstepBackend.BATCH + 5);
            assertThat(chip.advance(big, big.capacity())).isEqualTo(Backend.Status.RUNNING);
            assertThat(big.size()).isEqualTo(big.capacity());
            assertThat(big.order(big.size() - 1)).isEqualTo(big.size() - 1);
        }
    }

    @Test
    void aDifferentCompletionEventIsARecordMismatchInTheEventBucket() {
        try (LockstepBackend chip = pair(EventCorrupting::new)) {
            HostSession host = session(chip);
            host.submit(Descriptor.nop(1, COMP));
            DivergenceException e = catchThrowableOfType(host::runUntilIdle, DivergenceException.class);
            Divergence d = e.divergence();
            assertThat(d.kind()).isEqualTo(Divergence.Kind.MISMATCH);
            assertThat(d.firstField()).isEqualTo("event_w1");
            assertThat(e.signature().toString()).isEqualTo("event:completion | event_w1 | -");
            assertThat(d.dutName()).isEqualTo("corrupting");
        }
    }

    @Test
    void dramChangedBeyondWhatTheEventsShowIsADramDivergenceWithBothContents() {
        try (LockstepBackend chip = pair(StrayByte::new)) {
            HostSession host = session(chip);
            host.submit(Descriptor.fill(1, DATA, 16, 0x01020304, COMP));
            DivergenceException e = catchThrowableOfType(host::runUntilIdle, DivergenceException.class);
            Divergence d = e.divergence();
            assertThat(d.kind()).isEqualTo(Divergence.Kind.DRAM);
            assertThat(d.differences().get(0).field()).isEqualTo("dram_digest");
            assertThat(d.differences().get(1).field()).isEqualTo(String.format("dram@0x%08x", DATA + 0x104));
            assertThat(d.differences().get(1).dut()).isEqualTo(0x5A00L);
            assertThat(d.message()).contains(String.format("[0x%08x, 0x%08x)", DATA + 0x104, DATA + 0x108))
                    .containsPattern("golden: +00 00 00 00").containsPattern("stray: +00 5a 00 00").contains("1 word differs");
            assertThat(e.signature().toString()).isEqualTo("event:dma_write | dram_digest | -");
        }
    }

    @Test
    void aTimingIndependentRegisterIsComparedOnEveryRead() {
        try (LockstepBackend chip = pair(b -> new SkewedRegister(b, MmioRegister.CQ_TAIL, false))) {
            chip.resetCommand();
            DivergenceException e = catchThrowableOfType(() -> chip.mmioRead(MmioRegister.CQ_TAIL.offset()), DivergenceException.class);
            assertThat(e.divergence().kind()).isEqualTo(Divergence.Kind.HOST_READ);
            assertThat(e.divergence().firstField()).isEqualTo("mmio.CQ_TAIL");
        }
    }

    @Test
    void timingDependentRegistersAreNotComparedMidCommand() {
        try (LockstepBackend chip = pair(b -> new SkewedRegister(b, MmioRegister.DONE_COUNT, true))) {
            HostSession host = session(chip);
            host.load("spin: j spin", KBASE);
            host.submit(Descriptor.launch(1, KBASE, 0, 0, KBASE, KBASE + 0x100, 50, COMP));
            assertThat(host.advance(10)).isEqualTo(Backend.Status.RUNNING);
            assertThat(host.reg(MmioRegister.DONE_COUNT)).isZero(); // the reference's value; the DUT's differs mid-command
            host.runUntilIdle();
            assertThat(host.reg(MmioRegister.DONE_COUNT)).isEqualTo(1);
        }
    }

    @Test
    void timingDependentRegistersAreComparedWhenBothAreIdle() {
        try (LockstepBackend chip = pair(b -> new SkewedRegister(b, MmioRegister.IRQ_STATUS, false))) {
            HostSession host = session(chip);
            DivergenceException e = catchThrowableOfType(() -> host.reg(MmioRegister.IRQ_STATUS), DivergenceException.class);
            assertThat(e.divergence().firstField()).isEqualTo("mmio.IRQ_STATUS");
        }
    }

    /** A DUT on which a host write to IRQ_STATUS during a command lands after that command completed. */
    static final class LateIrqClear extends ForwardingBackend {
        Integer pending;

        LateIrqClear(Backend inner) { super(inner); }

        @Override
        public String name() { return "late-clear"; }

        @Override
        public void mmioWrite(int offset, int value) {
            if (offset == MmioRegister.IRQ_STATUS.offset() && !inner.idle()) pending = value;
            else inner.mmioWrite(offset, value);
        }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            Status s = inner.advance(log, maxRecords);
            if (s == Status.COMPLETED && pending != null) {
                inner.mmioWrite(MmioRegister.IRQ_STATUS.offset(), pending);
                pending = null;
            }
            return s;
        }
    }

    @Test
    void anIrqStatusClearRacingARunningCommandIsTimingNotADivergence() {
        try (LockstepBackend chip = pair(LateIrqClear::new)) {
            HostSession host = session(chip);
            host.set(MmioRegister.IRQ_ENABLE, DeviceTable.IRQ_MASK);
            host.load("spin: j spin", KBASE);
            host.submit(Descriptor.launch(1, KBASE, 0, 0, KBASE, KBASE + 0x100, 50, COMP));
            assertThat(host.advance(10)).isEqualTo(Backend.Status.RUNNING);
            host.set(MmioRegister.IRQ_STATUS, -1); // clears nothing on the reference; clears the completion's bits on the DUT
            host.runUntilIdle();
            assertThat(host.reg(MmioRegister.IRQ_STATUS)).isNotZero(); // the reference's bits; the DUT's were cleared
            assertThat(chip.dut().mmioRead(MmioRegister.IRQ_STATUS.offset())).isZero();
            host.set(MmioRegister.IRQ_STATUS, -1); // at idle: both clear, and agree again
            assertThat(host.reg(MmioRegister.IRQ_STATUS)).isZero();
        }
    }

    @Test
    void withoutARaceIrqStatusIsComparedAtIdle() {
        try (LockstepBackend chip = pair(b -> new SkewedRegister(b, MmioRegister.IRQ_STATUS, false))) {
            HostSession host = session(chip);
            host.submit(Descriptor.nop(1, COMP));
            DivergenceException e = catchThrowableOfType(host::runUntilIdle, DivergenceException.class);
            assertThat(e.divergence().firstField()).isEqualTo("mmio.IRQ_STATUS");
        }
    }

    @Test
    void reachingIdleComparesEveryRegister() {
        try (LockstepBackend chip = pair(b -> new SkewedRegister(b, MmioRegister.DONE_COUNT, false))) {
            HostSession host = session(chip);
            host.submit(Descriptor.nop(1, COMP));
            DivergenceException e = catchThrowableOfType(host::runUntilIdle, DivergenceException.class);
            assertThat(e.divergence().firstField()).isEqualTo("mmio.DONE_COUNT");
            assertThat(e.divergence().message()).contains("idle");
        }
    }

    @Test
    void aHostReadOfAnIdleChipIsCompared() {
        try (LockstepBackend chip = pair(b -> new ForwardingBackend(b) {
            @Override
            public byte[] hostRead(int address, int length) {
                byte[] r = inner.hostRead(address, length);
                r[length - 1] ^= 0x40;
                return r;
            }
        })) {
            HostSession host = session(chip);
            DivergenceException e = catchThrowableOfType(() -> host.read(DATA, 8), DivergenceException.class);
            assertThat(e.divergence().firstField()).isEqualTo("host_read");
            assertThat(e.divergence().message()).contains(String.format("0x%08x", DATA + 7));
        }
    }

    @Test
    void aDutHangIsADivergenceOfItsOwnKind() {
        try (LockstepBackend chip = pair(b -> new ForwardingBackend(b) {
            @Override
            public Status advance(CommitLog log, int maxRecords) {
                throw new BackendFailure(BackendFailure.Kind.HANG, "no progress in 10000 cycles");
            }
        })) {
            HostSession host = session(chip);
            host.submit(Descriptor.nop(1, COMP));
            DivergenceException e = catchThrowableOfType(host::runUntilIdle, DivergenceException.class);
            assertThat(e.divergence().kind()).isEqualTo(Divergence.Kind.DUT_HANG);
            assertThat(e.divergence().message()).contains("no progress");
        }
    }

    @Test
    void aDivergedPairRefusesToGoOnUntilItIsReset() {
        try (LockstepBackend chip = pair(b -> new SkewedRegister(b, MmioRegister.CQ_TAIL, false))) {
            chip.resetCommand();
            assertThatThrownBy(() -> chip.mmioRead(MmioRegister.CQ_TAIL.offset())).isInstanceOf(DivergenceException.class);
            assertThatThrownBy(() -> chip.mmioRead(MmioRegister.ID.offset())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already diverged");
            chip.resetCommand();
            assertThat(chip.mmioRead(MmioRegister.ID.offset())).isEqualTo(DeviceTable.ID_VALUE);
            assertThat(chip.divergence()).isEmpty();
        }
    }

    @Test
    void bareModeProgramsHaltTogetherAndTheirFinalStatesAgree() {
        try (LockstepBackend chip = pair(b -> b)) {
            chip.loadBare(LockstepTest.program());
            CommitLog log = new CommitLog(LockstepBackend.BATCH);
            Backend.Status s;
            long records = 0;
            do {
                log.clear();
                s = chip.advance(log, log.capacity());
                records += log.size();
            } while (s == Backend.Status.RUNNING);
            assertThat(s).isEqualTo(Backend.Status.HALTED);
            assertThat(chip.tohostValue()).isEqualTo(1);
            assertThat(records).isGreaterThan(600);
            assertThat(chip.finalState(new CommitLog(8))).isPresent();
        }
    }
}
