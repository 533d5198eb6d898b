package dev.seedverify.cosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.cosim.HostSession.Event;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.device.Opcode;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.TrapCause;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The device of spec §4 and of the device design document, one behaviour per test, against the
 * {@link Backend} interface only: every register, opcode, status and error rule, and the device
 * event records (spec §5) with their order. A subclass chooses the backend ({@link #open}); the
 * golden model, the RTL and the lockstep pair run the very same tests.
 *
 * <p>One backend serves the whole class and is reset into command mode before each test, so the
 * tests also show that a reset leaves nothing of the previous one behind. The backend needs at
 * least 4 MiB of DRAM (a ring of 2^17 entries must fit, to tell the entries rule from the DRAM rule).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeviceConformance {
    static final int BASE = Memory.BASE;
    static final int RING = BASE;
    static final int COMP = BASE + 0x1000;
    /** The launch window of most kernels, and the code's address. */
    static final int KBASE = BASE + 0x10000, KLIMIT = BASE + 0x12000;
    static final int DATA = BASE + 0x20000;
    /** Inside DRAM, outside the window. */
    static final int OUTSIDE = BASE + 0x30000;
    static final int MIN_DRAM_BYTES = 4 << 20;

    static final int OK = CompletionStatus.OK.code(), BAD_COMMAND = CompletionStatus.BAD_COMMAND.code(),
            BAD_ADDRESS = CompletionStatus.BAD_ADDRESS.code(), TRAP = CompletionStatus.TRAP.code(),
            WATCHDOG = CompletionStatus.WATCHDOG.code();

    Backend chip;
    HostSession host;
    /** Exclusive end of DRAM. */
    int end;

    /** Opens the backend under test (command mode is entered by the tests). */
    protected abstract Backend open();

    @BeforeAll
    void openBackend() {
        chip = open();
        if (chip.dramBytes() < MIN_DRAM_BYTES) {
            throw new IllegalStateException(chip.name() + " has " + chip.dramBytes() + " bytes of DRAM; the device tests need "
                    + MIN_DRAM_BYTES);
        }
        end = BASE + chip.dramBytes();
    }

    @AfterAll
    void closeBackend() {
        if (chip != null) chip.close();
    }

    @BeforeEach
    void resetIntoCommandMode() {
        chip.resetCommand();
        host = new HostSession(chip);
    }

    // ------------------------------------------------------------------ helpers

    static Descriptor launch(int tag, int entry, int a0, int budget, int completion) {
        return Descriptor.launch(tag, entry, a0, KLIMIT, KBASE, KLIMIT, budget, completion);
    }

    static Descriptor launch(int a0, int budget) { return launch(1, KBASE, a0, budget, COMP); }

    static Completion completion(int status, int tag, int result, int tval, int retired) {
        return new Completion(status, tag, result, tval, retired);
    }

    /** Loads {@code source} at the window base, launches it once and runs until idle; its completion. */
    Completion runKernel(String source, int a0, int budget) {
        host.ring(RING, 8);
        host.load(source, KBASE);
        host.submit(launch(a0, budget));
        host.runUntilIdle();
        return host.completion(COMP);
    }

    Completion runKernel(String source) { return runKernel(source, 0, 1000); }

    /** Submits {@code d} alone on a fresh 8-entry ring, runs until idle and reads its completion at {@code COMP}. */
    Completion runOne(Descriptor d) {
        host.ring(RING, 8);
        host.submit(d);
        host.runUntilIdle();
        return host.completion(COMP);
    }

    static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) b[i] = (byte) (seed + 7 * i + (i >>> 3));
        return b;
    }

    static int word(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | b[off + 3] << 24;
    }

    Event onlyCompletionEvent() {
        List<Event> events = host.events();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).kind()).isEqualTo(DeviceEvent.COMPLETION);
        return events.get(0);
    }

    List<Integer> completedIndices() {
        List<Integer> out = new ArrayList<>();
        for (Event e : host.events()) if (e.kind() == DeviceEvent.COMPLETION) out.add(e.index());
        return out;
    }

    /** The fields of an instruction record that a test compares (records hold arrays, so no equals). */
    static String describe(HostSession.Entry e) {
        if (e instanceof Event ev) return ev.toString();
        CommitRecord r = ((HostSession.Insn) e).record();
        StringBuilder s = new StringBuilder(String.format("%d pc=%08x next=%08x insn=%08x trap=%b/%d/%08x rd=%d:%08x csr=%s",
                r.order(), r.pc(), r.pcNext(), r.insn(), r.trap(), r.cause(), r.tval(), r.rdAddr(), r.rdWdata(), r.csrAddr()));
        for (CommitRecord.MemoryAccess m : r.memory()) {
            s.append(String.format(" mem %08x r%x w%x %s %s", m.addr(), m.rmask(), m.wmask(), Arrays.toString(m.rdata()),
                    Arrays.toString(m.wdata())));
        }
        if (r.tileWrite()) s.append(" tile ").append(r.tileIndex()).append(Arrays.toString(r.tile()));
        return s.toString();
    }

    // ================================================================== reset (§4.3)

    @Test
    void idReadsTheDeviceIdentification() {
        assertThat(host.reg(MmioRegister.ID)).isEqualTo(DeviceTable.ID_VALUE);
    }

    @Test
    void dramKibReadsTheDramSizeInKib() {
        assertThat(host.reg(MmioRegister.DRAM_KIB)).isEqualTo(chip.dramBytes() / 1024);
    }

    @Test
    void statusAfterResetIsQerrOnly() {
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_QERR);
    }

    @Test
    void everyOtherRegisterReadsZeroAfterReset() {
        for (MmioRegister r : new MmioRegister[] {MmioRegister.CQ_BASE, MmioRegister.CQ_ENTRIES, MmioRegister.CQ_TAIL,
                MmioRegister.CQ_HEAD, MmioRegister.IRQ_STATUS, MmioRegister.IRQ_ENABLE, MmioRegister.DONE_COUNT}) {
            assertThat(host.reg(r)).as(r.name()).isZero();
        }
    }

    @Test
    void irqIsLowAfterReset() {
        assertThat(chip.irq()).isFalse();
    }

    @Test
    void coreIdlesAfterResetAndNothingIsRecorded() {
        assertThat(host.advance(1000)).isEqualTo(Backend.Status.IDLE);
        assertThat(host.stream()).isEmpty();
    }

    @Test
    void resetZeroesDram() {
        host.write(DATA, pattern(64, 1));
        host.write(end - 4, new byte[] {1, 2, 3, 4});
        chip.resetCommand();
        assertThat(host.read(DATA, 64)).containsOnly(0);
        assertThat(host.read(end - 4, 4)).containsOnly(0);
    }

    @Test
    void resetReturnsEveryRegisterOfAUsedDeviceToItsResetValue() {
        host.set(MmioRegister.IRQ_ENABLE, DeviceTable.IRQ_MASK);
        runOne(Descriptor.nop(1, COMP + 8));
        assertThat(chip.irq()).isTrue();
        chip.resetCommand();
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_RESET);
        for (MmioRegister r : new MmioRegister[] {MmioRegister.CQ_BASE, MmioRegister.CQ_ENTRIES, MmioRegister.CQ_TAIL,
                MmioRegister.CQ_HEAD, MmioRegister.IRQ_STATUS, MmioRegister.IRQ_ENABLE, MmioRegister.DONE_COUNT}) {
            assertThat(host.reg(r)).as(r.name()).isZero();
        }
        assertThat(chip.irq()).isFalse();
    }

    @Test
    void resetZeroesTheCoreCsrsAndCounters() {
        runKernel("li t0, 0x1234\ncsrw mscratch, t0\nnop\necall");
        chip.resetCommand();
        host = new HostSession(chip);
        Completion c = runKernel("csrr a0, minstret\ncsrr a1, mscratch\nor a0, a0, a1\ncsrr a1, mcause\nor a0, a0, a1\necall");
        assertThat(c).isEqualTo(completion(OK, 1, 0, 0, 5));
        assertThat(host.instructions().get(0).order()).isZero();
    }

    // ================================================================== MMIO (§4.1)

    @Test
    void writesToReadOnlyRegistersAreIgnored() {
        host.ring(RING, 8);
        runOne(Descriptor.nop(1, COMP));
        for (MmioRegister r : MmioRegister.values()) {
            if (r.access() != MmioRegister.Access.RO) continue;
            int before = host.reg(r);
            host.set(r, ~before);
            assertThat(host.reg(r)).as(r.name()).isEqualTo(before);
        }
    }

    @Test
    void wordsWithoutARegisterReadZeroAndIgnoreWrites() {
        for (int off = 0; off < DeviceTable.MMIO_BYTES; off += 4) {
            if (MmioRegister.at(off) != null) continue;
            chip.mmioWrite(off, -1);
            assertThat(chip.mmioRead(off)).as("offset 0x%02x", off).isZero();
        }
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_RESET);
    }

    @Test
    void mmioOffsetsOutsideTheWindowOrNotWordAlignedAreRejected() {
        assertThatThrownBy(() -> chip.mmioRead(DeviceTable.MMIO_BYTES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.mmioRead(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chip.mmioWrite(-4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void irqEnableKeepsOnlyItsTwoBits() {
        host.set(MmioRegister.IRQ_ENABLE, -1);
        assertThat(host.reg(MmioRegister.IRQ_ENABLE)).isEqualTo(DeviceTable.IRQ_MASK);
    }

    @Test
    void irqStatusIsWriteOneToClear() {
        runOne(Descriptor.nop(1, COMP + 8)); // bad completion address: DONE and ERROR
        assertThat(host.reg(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR);
        host.set(MmioRegister.IRQ_STATUS, 0);
        assertThat(host.reg(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR);
        host.set(MmioRegister.IRQ_STATUS, DeviceTable.IRQ_DONE);
        assertThat(host.reg(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_ERROR);
        host.set(MmioRegister.IRQ_STATUS, -1);
        assertThat(host.reg(MmioRegister.IRQ_STATUS)).isZero();
    }

    @Test
    void writingOnesToIrqStatusNeverSetsABit() {
        host.set(MmioRegister.IRQ_STATUS, -1);
        assertThat(host.reg(MmioRegister.IRQ_STATUS)).isZero();
    }

    @Test
    void irqIsTheLevelOfIrqStatusAndIrqEnable() {
        runOne(Descriptor.nop(1, COMP)); // DONE only
        assertThat(chip.irq()).isFalse();
        host.set(MmioRegister.IRQ_ENABLE, DeviceTable.IRQ_ERROR);
        assertThat(chip.irq()).isFalse();
        host.set(MmioRegister.IRQ_ENABLE, DeviceTable.IRQ_DONE);
        assertThat(chip.irq()).isTrue();
        host.set(MmioRegister.IRQ_STATUS, DeviceTable.IRQ_DONE);
        assertThat(chip.irq()).isFalse();
    }

    @Test
    void irqRisesWhenACompletionMeetsTheEnable() {
        host.set(MmioRegister.IRQ_ENABLE, DeviceTable.IRQ_ERROR);
        runOne(Descriptor.nop(1, COMP));
        assertThat(chip.irq()).isFalse();
        host.submit(Descriptor.of(0, 0, 0, 0, 0, 0, 0, COMP)); // opcode 0: BAD_COMMAND
        host.runUntilIdle();
        assertThat(chip.irq()).isTrue();
    }

    // ================================================================== ring configuration (§4.3)

    @Test
    void validRingClearsQerr() {
        host.ring(RING, 8);
        assertThat(host.reg(MmioRegister.STATUS)).isZero();
    }

    @Test
    void ringOfOneEntryIsValid() {
        host.ring(RING, 1);
        assertThat(host.reg(MmioRegister.STATUS)).isZero();
    }

    @Test
    void ringOf65536EntriesIsValid() {
        host.ring(RING, DeviceTable.RING_MAX_ENTRIES);
        assertThat(host.reg(MmioRegister.STATUS)).isZero();
    }

    @Test
    void entriesAbove65536SetQerrEvenWhenTheRingFitsDram() {
        host.ring(RING, 2 * DeviceTable.RING_MAX_ENTRIES); // 4 MiB: fits the test DRAM
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_QERR);
    }

    @Test
    void entriesNotAPowerOfTwoSetQerr() {
        for (int entries : new int[] {0, 3, 6, 100, 65535, -1}) {
            host.ring(RING, entries);
            assertThat(host.reg(MmioRegister.STATUS)).as("%d entries", entries).isEqualTo(DeviceTable.STATUS_QERR);
        }
    }

    @Test
    void ringBaseNotThirtyTwoByteAlignedSetsQerr() {
        host.ring(RING + 16, 8);
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_QERR);
    }

    @Test
    void ringEndingExactlyAtTheEndOfDramIsValid() {
        host.ring(end - 8 * DeviceTable.DESCRIPTOR_BYTES, 8);
        assertThat(host.reg(MmioRegister.STATUS)).isZero();
    }

    @Test
    void ringRunningPastTheEndOfDramSetsQerr() {
        host.ring(end - 7 * DeviceTable.DESCRIPTOR_BYTES, 8);
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_QERR);
    }

    @Test
    void ringBelowDramSetsQerr() {
        host.ring(BASE - 8 * DeviceTable.DESCRIPTOR_BYTES, 8);
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_QERR);
    }

    @Test
    void ringWrappingTheAddressSpaceSetsQerr() {
        host.ring(-DeviceTable.DESCRIPTOR_BYTES, 2); // 64-bit arithmetic: it does not wrap to 0
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_QERR);
    }

    @Test
    void cqBaseAndCqEntriesKeepTheFullWrittenValues() {
        host.set(MmioRegister.CQ_BASE, 0x1234_5677);
        host.set(MmioRegister.CQ_ENTRIES, 0xFFFF_FFFF);
        assertThat(host.reg(MmioRegister.CQ_BASE)).isEqualTo(0x1234_5677);
        assertThat(host.reg(MmioRegister.CQ_ENTRIES)).isEqualTo(0xFFFF_FFFF);
    }

    @Test
    void fixingAMisconfiguredRingClearsQerr() {
        host.ring(RING + 4, 8);
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_QERR);
        host.set(MmioRegister.CQ_BASE, RING);
        assertThat(host.reg(MmioRegister.STATUS)).isZero();
    }

    @Test
    void writeToCqBaseOfAnEmptyIdleRingResetsHeadAndTail() {
        host.ring(RING, 8);
        host.submit(Descriptor.nop(1, COMP));
        host.submit(Descriptor.nop(2, COMP));
        host.runUntilIdle();
        assertThat(host.reg(MmioRegister.CQ_HEAD)).isEqualTo(2);
        host.set(MmioRegister.CQ_BASE, RING + 0x400);
        assertThat(host.reg(MmioRegister.CQ_BASE)).isEqualTo(RING + 0x400);
        assertThat(host.reg(MmioRegister.CQ_HEAD)).isZero();
        assertThat(host.reg(MmioRegister.CQ_TAIL)).isZero();
    }

    @Test
    void writeToCqEntriesOfAnEmptyIdleRingResetsHeadAndTail() {
        host.ring(RING, 8);
        host.submit(Descriptor.nop(1, COMP));
        host.runUntilIdle();
        host.set(MmioRegister.CQ_ENTRIES, 4);
        assertThat(host.reg(MmioRegister.CQ_ENTRIES)).isEqualTo(4);
        assertThat(host.reg(MmioRegister.CQ_HEAD)).isZero();
        assertThat(host.reg(MmioRegister.CQ_TAIL)).isZero();
    }

    @Test
    void writeToCqBaseWhileCommandsArePendingIsIgnored() {
        host.ring(RING, 8);
        host.submit(Descriptor.nop(1, COMP));
        host.set(MmioRegister.CQ_BASE, RING + 0x400);
        assertThat(host.reg(MmioRegister.CQ_BASE)).isEqualTo(RING);
        assertThat(host.reg(MmioRegister.CQ_TAIL)).isEqualTo(1);
        host.runUntilIdle();
        assertThat(host.completion(COMP)).isEqualTo(completion(OK, 1, 0, 0, 0));
    }

    @Test
    void writeToCqEntriesWhileCommandsArePendingIsIgnored() {
        host.ring(RING, 8);
        host.submit(Descriptor.nop(1, COMP));
        host.set(MmioRegister.CQ_ENTRIES, 3);
        assertThat(host.reg(MmioRegister.CQ_ENTRIES)).isEqualTo(8);
        assertThat(host.reg(MmioRegister.STATUS) & DeviceTable.STATUS_QERR).isZero();
    }

    @Test
    void writeToCqBaseWhileBusyWithAnEmptyRingIsIgnored() {
        host.ring(RING, 2);
        host.load("loop: j loop", KBASE);
        host.submit(launch(0, 50));
        assertThat(host.advance(5)).isEqualTo(Backend.Status.RUNNING);
        host.set(MmioRegister.CQ_TAIL, 0); // head == tail == 0 while the kernel of entry 0 runs
        host.set(MmioRegister.CQ_BASE, RING + 0x400);
        assertThat(host.reg(MmioRegister.CQ_BASE)).isEqualTo(RING);
    }

    @Test
    void statusIsBusyWhileAKernelRuns() {
        host.ring(RING, 8);
        host.load("loop: j loop", KBASE);
        host.submit(launch(0, 50));
        assertThat(host.advance(5)).isEqualTo(Backend.Status.RUNNING);
        assertThat(host.reg(MmioRegister.STATUS)).isEqualTo(DeviceTable.STATUS_BUSY);
        host.runUntilIdle();
        assertThat(host.reg(MmioRegister.STATUS)).isZero();
    }

    @Test
    void writeToCqTailOfAnIndexPastTheRingIsIgnored() {
        host.ring(RING, 8);
        host.set(MmioRegister.CQ_TAIL, 8);
        assertThat(host.reg(MmioRegister.CQ_TAIL)).isZero();
        host.set(MmioRegister.CQ_TAIL, -1);
        assertThat(host.reg(MmioRegister.CQ_TAIL)).isZero();
        assertThat(host.advance(100)).isEqualTo(Backend.Status.IDLE);
    }

    @Test
    void writeToCqTailWhileQerrIsIgnored() {
        host.ring(RING + 4, 8);
        host.set(MmioRegister.CQ_TAIL, 1);
        assertThat(host.reg(MmioRegister.CQ_TAIL)).isZero();
        assertThat(host.advance(100)).isEqualTo(Backend.Status.IDLE);
        assertThat(host.reg(MmioRegister.DONE_COUNT)).isZero();
    }

    @Test
    void doorbellWhileACommandExecutesIsTaken() {
        host.ring(RING, 8);
        host.load("loop: j loop", KBASE);
        host.submit(launch(0, 50));
        assertThat(host.advance(5)).isEqualTo(Backend.Status.RUNNING);
        host.submit(Descriptor.nop(2, COMP + 16));
        assertThat(host.reg(MmioRegister.CQ_TAIL)).isEqualTo(2);
        host.runUntilIdle();
        assertThat(completedIndices()).containsExactly(0, 1);
        assertThat(host.completion(COMP + 16)).isEqualTo(completion(OK, 2, 0, 0, 0));
    }

    // ================================================================== consuming the ring (§4.1, §4.2)

    @Test
    void commandsCompleteInRingOrder() {
        host.ring(RING, 8);
        for (int i = 0; i < 5; i++) host.submit(Descriptor.nop(10 + i, COMP + 16 * i));
        host.runUntilIdle();
        assertThat(completedIndices()).containsExactly(0, 1, 2, 3, 4);
        for (int i = 0; i < 5; i++) assertThat(host.completion(COMP + 16 * i).tag()).isEqualTo(10 + i);
    }

    @Test
    void ringWrapsAroundAfterItsLastEntry() {
        host.ring(RING, 4);
        for (int i = 0; i < 3; i++) host.submit(Descriptor.nop(i, COMP + 16 * i));
        host.runUntilIdle();
        for (int i = 3; i < 6; i++) host.submit(Descriptor.nop(i, COMP + 16 * i));
        assertThat(host.reg(MmioRegister.CQ_TAIL)).isEqualTo(2);
        host.runUntilIdle();
        assertThat(completedIndices()).containsExactly(0, 1, 2, 3, 0, 1);
        assertThat(host.reg(MmioRegister.CQ_HEAD)).isEqualTo(2);
        assertThat(host.reg(MmioRegister.DONE_COUNT)).isEqualTo(6);
        for (int i = 0; i < 6; i++) assertThat(host.completion(COMP + 16 * i).tag()).isEqualTo(i);
    }

    @Test
    void entriesPastTheTailAreNotConsumed() {
        host.ring(RING, 8);
        host.submit(Descriptor.nop(1, COMP));
        host.put(Descriptor.nop(2, COMP + 16));
        host.runUntilIdle();
        assertThat(completedIndices()).containsExactly(0);
        assertThat(host.reg(MmioRegister.CQ_HEAD)).isEqualTo(1);
        assertThat(host.read(COMP + 16, 16)).containsOnly(0);
    }

    @Test
    void descriptorIsReadWhenItsCommandStartsNotAtTheDoorbell() {
        host.ring(RING, 8);
        host.load("loop: j loop", KBASE);
        host.submit(launch(0, 50));
        host.submit(Descriptor.nop(2, COMP + 16));
        assertThat(host.advance(5)).isEqualTo(Backend.Status.RUNNING);
        // Entry 1 is rewritten while entry 0 still executes: the device must run the new one.
        host.write(RING + DeviceTable.DESCRIPTOR_BYTES, Descriptor.fill(3, DATA, 8, 0x01020304, COMP + 16).toBytes());
        host.runUntilIdle();
        assertThat(host.completion(COMP + 16)).isEqualTo(completion(OK, 3, 0, 0, 0));
        assertThat(host.word(DATA)).isEqualTo(0x01020304);
    }

    @Test
    void doneCountCountsEveryCompletedCommand() {
        host.ring(RING, 8);
        host.submit(Descriptor.nop(1, COMP));
        host.submit(Descriptor.of(0, 0, 0, 0, 0, 0, 0, COMP + 16));
        host.submit(Descriptor.copy(3, 0, 0, 4, COMP + 32));
        host.runUntilIdle();
        assertThat(host.reg(MmioRegister.DONE_COUNT)).isEqualTo(3);
    }

    @Test
    void completionEventComesAfterTheRecordAndTheRegisterUpdates() {
        host.ring(RING, 8);
        for (int i = 0; i < 3; i++) host.submit(Descriptor.nop(i, COMP + 16 * i));
        for (int i = 0; i < 3; i++) {
            host.runUntilCompletion();
            assertThat(host.last()).isInstanceOf(Event.class);
            assertThat(host.completion(COMP + 16 * i)).isEqualTo(completion(OK, i, 0, 0, 0));
            assertThat(host.reg(MmioRegister.DONE_COUNT)).isEqualTo(i + 1);
            assertThat(host.reg(MmioRegister.CQ_HEAD)).isEqualTo(i + 1);
            assertThat(host.reg(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE);
            host.set(MmioRegister.IRQ_STATUS, DeviceTable.IRQ_DONE);
        }
        assertThat(host.advance(100)).isEqualTo(Backend.Status.IDLE);
    }

    @Test
    void idleDeviceWithAValidRingReadsStatusZero() {
        host.ring(RING, 8);
        runOne(Descriptor.nop(1, COMP));
        assertThat(host.reg(MmioRegister.STATUS)).isZero();
        assertThat(host.advance(10)).isEqualTo(Backend.Status.IDLE);
    }

    // ================================================================== completion record and IRQ_STATUS

    @Test
    void completionRecordHoldsStatusTagResultTvalAndRetired() {
        Completion c = runKernel("li a1, 5\nadd a0, a0, a1\necall", 37, 100);
        assertThat(c).isEqualTo(completion(OK, 1, 42, 0, 2));
        byte[] raw = host.read(COMP, 16);
        assertThat(word(raw, 0)).isEqualTo(OK | 1 << DeviceTable.COMP_TAG_SHIFT);
    }

    @Test
    void tagIsCopiedFromDescriptorWordZero() {
        assertThat(runOne(Descriptor.nop(0xFFFF, COMP)).tag()).isEqualTo(0xFFFF);
    }

    @Test
    void okCommandSetsOnlyIrqDone() {
        runOne(Descriptor.nop(1, COMP));
        assertThat(host.reg(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE);
    }

    @Test
    void everyStatusOtherThanOkSetsIrqError() {
        host.ring(RING, 8);
        host.load("loop: j loop\n", KBASE);
        host.load("ebreak", KBASE + 0x100);
        Descriptor[] failing = {
            Descriptor.of(0, 0, 0, 0, 0, 0, 0, COMP),
            Descriptor.copy(2, 0, DATA, 4, COMP),
            launch(3, KBASE + 0x100, 0, 10, COMP),
            launch(4, KBASE, 0, 10, COMP)};
        int[] statuses = {BAD_COMMAND, BAD_ADDRESS, TRAP, WATCHDOG};
        for (int i = 0; i < failing.length; i++) {
            host.submit(failing[i]);
            host.runUntilIdle();
            assertThat(host.completion(COMP).status()).isEqualTo(statuses[i]);
            assertThat(host.reg(MmioRegister.IRQ_STATUS)).as("status %d", statuses[i])
                    .isEqualTo(DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR);
            host.set(MmioRegister.IRQ_STATUS, DeviceTable.IRQ_MASK);
        }
    }

    @Test
    void badCompletionAddressWritesNothingButCountsAndSetsError() {
        host.write(COMP, pattern(48, 0x55));
        Descriptor d = Descriptor.nop(9, COMP + 8);
        runOne(d);
        assertThat(host.read(COMP, 48)).isEqualTo(pattern(48, 0x55));
        assertThat(host.reg(MmioRegister.DONE_COUNT)).isEqualTo(1);
        assertThat(host.reg(MmioRegister.CQ_HEAD)).isEqualTo(1);
        assertThat(host.reg(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR);
        assertThat(onlyCompletionEvent()).isEqualTo(Event.completion(0, 0, COMP + 8, false, completion(OK, 9, 0, 0, 0)));
    }

    @Test
    void completionAddressOutsideDramWritesNothing() {
        for (int address : new int[] {0x1000, end, BASE - 16, -16}) {
            chip.resetCommand();
            host = new HostSession(chip);
            runOne(Descriptor.nop(1, address));
            assertThat(onlyCompletionEvent().arg()).as("0x%08x", address).isZero();
            assertThat(host.reg(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR);
        }
    }

    @Test
    void completionInTheLastSixteenBytesOfDramIsWritten() {
        runOne(Descriptor.nop(7, end - 16));
        assertThat(host.completion(end - 16)).isEqualTo(completion(OK, 7, 0, 0, 0));
        assertThat(onlyCompletionEvent().arg()).isEqualTo(1);
        assertThat(host.reg(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE);
    }

    @Test
    void badCommandWithABadCompletionAddressStillReportsBadCommand() {
        runOne(Descriptor.of(DeviceTable.header(0x55, 0, 3), 0, 0, 0, 0, 0, 0, COMP + 4));
        assertThat(onlyCompletionEvent()).isEqualTo(Event.completion(0, 0, COMP + 4, false, completion(BAD_COMMAND, 3, 0, 0, 0)));
        assertThat(host.read(COMP, 32)).containsOnly(0);
    }

    // ================================================================== BAD_COMMAND (§4.2)

    @Test
    void opcodeZeroIsABadCommand() {
        assertThat(runOne(Descriptor.of(DeviceTable.header(0, 0, 5), 0, 0, 0, 0, 0, 0, COMP)))
                .isEqualTo(completion(BAD_COMMAND, 5, 0, 0, 0));
    }

    @Test
    void opcodesAboveNopAreBadCommands() {
        host.ring(RING, 8);
        int[] opcodes = {Opcode.NOP.code() + 1, 0x80, 0xFF};
        for (int i = 0; i < opcodes.length; i++) {
            host.submit(Descriptor.of(DeviceTable.header(opcodes[i], 0, i), 0, 0, 0, 0, 0, 0, COMP + 16 * i));
        }
        host.runUntilIdle();
        for (int i = 0; i < opcodes.length; i++) {
            assertThat(host.completion(COMP + 16 * i)).as("opcode %d", opcodes[i]).isEqualTo(completion(BAD_COMMAND, i, 0, 0, 0));
        }
    }

    @Test
    void anyFlagBitIsABadCommand() {
        host.ring(RING, 16);
        for (int bit = 0; bit < 8; bit++) {
            host.submit(Descriptor.nop(bit, COMP + 16 * bit).with(0, DeviceTable.header(Opcode.NOP.code(), 1 << bit, bit)));
        }
        host.runUntilIdle();
        for (int bit = 0; bit < 8; bit++) {
            assertThat(host.completion(COMP + 16 * bit).status()).as("flag bit %d", bit).isEqualTo(BAD_COMMAND);
        }
    }

    @Test
    void nopWithAnyNonZeroWordOneToSixIsABadCommand() {
        assertUnusedWordsAreReserved(Descriptor.nop(1, COMP), Opcode.NOP);
    }

    @Test
    void copyWithAnyNonZeroWordFourToSixIsABadCommand() {
        assertUnusedWordsAreReserved(Descriptor.copy(1, DATA, DATA + 64, 4, COMP), Opcode.COPY);
    }

    @Test
    void fillWithAnyNonZeroWordFourToSixIsABadCommand() {
        assertUnusedWordsAreReserved(Descriptor.fill(1, DATA, 4, 0x0A0B0C0D, COMP), Opcode.FILL);
    }

    private void assertUnusedWordsAreReserved(Descriptor valid, Opcode op) {
        host.ring(RING, 8);
        List<Integer> unused = new ArrayList<>();
        for (int w = 1; w < DeviceTable.DESC_W_COMPLETION; w++) if (!op.uses(w)) unused.add(w);
        assertThat(unused).isNotEmpty();
        for (int k = 0; k < unused.size(); k++) {
            host.submit(valid.with(unused.get(k), 1 << (5 * k)).with(DeviceTable.DESC_W_COMPLETION, COMP + 16 * k));
        }
        host.runUntilIdle();
        for (int k = 0; k < unused.size(); k++) {
            assertThat(host.completion(COMP + 16 * k).status()).as("word %d", unused.get(k)).isEqualTo(BAD_COMMAND);
        }
        assertThat(host.read(DATA, 128)).containsOnly(0);
    }

    @Test
    void badCommandIsCheckedBeforeBadAddress() {
        Descriptor d = Descriptor.copy(1, 0, 0, 4, COMP).with(5, 1); // outside DRAM and a reserved word
        assertThat(runOne(d).status()).isEqualTo(BAD_COMMAND);
    }

    @Test
    void badCommandMovesNoDataAndRecordsOnlyItsCompletion() {
        Descriptor d = Descriptor.fill(1, DATA, 64, -1, COMP).with(0, DeviceTable.header(Opcode.FILL.code(), 0x80, 1));
        runOne(d);
        assertThat(host.read(DATA, 64)).containsOnly(0);
        assertThat(onlyCompletionEvent().completionWords()).isEqualTo(completion(BAD_COMMAND, 1, 0, 0, 0));
    }

    @Test
    void badCommandLaunchRunsNoKernel() {
        host.load("li a0, 1\necall", KBASE);
        Descriptor d = launch(0, 100).with(0, DeviceTable.header(Opcode.LAUNCH.code(), 1, 1));
        assertThat(runOne(d)).isEqualTo(completion(BAD_COMMAND, 1, 0, 0, 0));
        assertThat(host.instructions()).isEmpty();
    }

    // ================================================================== LAUNCH: BAD_ADDRESS (§4.2)

    private void assertLaunchIsABadAddress(Descriptor d) {
        host.load("li a0, 1\necall", KBASE);
        assertThat(runOne(d)).isEqualTo(completion(BAD_ADDRESS, d.tag(), 0, 0, 0));
        assertThat(host.instructions()).isEmpty();
        assertThat(onlyCompletionEvent().order()).isZero();
    }

    @Test
    void launchWithAMisalignedEntryIsABadAddress() {
        assertLaunchIsABadAddress(Descriptor.launch(1, KBASE + 2, 0, KLIMIT, KBASE, KLIMIT, 100, COMP));
    }

    @Test
    void launchWithAMisalignedSpIsABadAddress() {
        assertLaunchIsABadAddress(Descriptor.launch(1, KBASE, 0, KLIMIT - 1, KBASE, KLIMIT, 100, COMP));
    }

    @Test
    void launchWithAMisalignedWindowBaseIsABadAddress() {
        assertLaunchIsABadAddress(Descriptor.launch(1, KBASE, 0, KLIMIT, KBASE - 2, KLIMIT, 100, COMP));
    }

    @Test
    void launchWithAMisalignedWindowLimitIsABadAddress() {
        assertLaunchIsABadAddress(Descriptor.launch(1, KBASE, 0, KLIMIT, KBASE, KLIMIT + 2, 100, COMP));
    }

    @Test
    void launchWithAnEmptyWindowIsABadAddress() {
        assertLaunchIsABadAddress(Descriptor.launch(1, KBASE, 0, KLIMIT, KBASE, KBASE, 100, COMP));
    }

    @Test
    void launchWithAWindowLimitBelowItsBaseIsABadAddress() {
        assertLaunchIsABadAddress(Descriptor.launch(1, KBASE, 0, KLIMIT, KLIMIT, KBASE, 100, COMP));
    }

    @Test
    void launchWithAWindowPastTheEndOfDramIsABadAddress() {
        assertLaunchIsABadAddress(Descriptor.launch(1, KBASE, 0, KLIMIT, KBASE, end + 4, 100, COMP));
    }

    @Test
    void launchWithAWindowStartingBelowDramIsABadAddress() {
        assertLaunchIsABadAddress(Descriptor.launch(1, KBASE, 0, KLIMIT, BASE - 0x1000, KLIMIT, 100, COMP));
    }

    @Test
    void launchWithAWindowEndingAtTheEndOfDramRuns() {
        host.load("li a0, 6\necall", end - 8);
        assertThat(runOne(Descriptor.launch(1, end - 8, 0, end, end - 0x100, end, 100, COMP)))
                .isEqualTo(completion(OK, 1, 6, 0, 1));
    }

    @Test
    void launchWithEntryOutsideWindowTrapsOnFirstFetch() {
        host.load("li a0, 1\necall", OUTSIDE);
        assertThat(runOne(launch(1, OUTSIDE, 0, 100, COMP)))
                .isEqualTo(completion(TRAP, 1, TrapCause.FETCH_ACCESS.code(), OUTSIDE, 0));
        List<CommitRecord> insns = host.instructions();
        assertThat(insns).hasSize(1);
        assertThat(insns.get(0).pc()).isEqualTo(OUTSIDE);
        assertThat(insns.get(0).insn()).isZero();
        assertThat(insns.get(0).trap()).isTrue();
    }

    @Test
    void launchWithEntryOutsideDramTrapsOnFirstFetch() {
        assertThat(runOne(launch(1, 0x1000, 0, 100, COMP))).isEqualTo(completion(TRAP, 1, TrapCause.FETCH_ACCESS.code(), 0x1000, 0));
    }

    @Test
    void launchWithSpOutsideTheWindowRuns() {
        host.load("mv a0, sp\necall", KBASE);
        assertThat(runOne(Descriptor.launch(1, KBASE, 0, OUTSIDE, KBASE, KLIMIT, 100, COMP)))
                .isEqualTo(completion(OK, 1, OUTSIDE, 0, 1));
    }

    // ================================================================== LAUNCH: the kernel (§4.2)

    @Test
    void kernelEndsAtEcallWithOkAndX10() {
        assertThat(runKernel("addi a0, a0, 1\naddi a0, a0, 1\necall", 40, 100)).isEqualTo(completion(OK, 1, 42, 0, 2));
    }

    @Test
    void kernelStartsAtEntryWithSpInX2() {
        host.load("li a0, 99\necall", KBASE);
        host.load("mv a0, sp\necall", KBASE + 0x40);
        assertThat(runOne(Descriptor.launch(1, KBASE + 0x40, 0, KLIMIT - 16, KBASE, KLIMIT, 100, COMP)))
                .isEqualTo(completion(OK, 1, KLIMIT - 16, 0, 1));
    }

    @Test
    void launchClearsEveryOtherGpr() {
        StringBuilder dirty = new StringBuilder();
        for (int r = 1; r < 32; r++) dirty.append("li x").append(r).append(", -1\n");
        dirty.append("ecall\n");
        StringBuilder collect = new StringBuilder();
        for (int r = 1; r < 32; r++) if (r != 2 && r != 10) collect.append("or a0, a0, x").append(r).append('\n');
        collect.append("ecall\n");
        host.ring(RING, 8);
        host.load(dirty.toString(), KBASE);
        host.load(collect.toString(), KBASE + 0x400);
        host.submit(launch(1, KBASE, 0, 1000, COMP));
        host.submit(launch(2, KBASE + 0x400, 0, 1000, COMP + 16));
        host.runUntilIdle();
        assertThat(host.completion(COMP).result()).isEqualTo(-1);
        assertThat(host.completion(COMP + 16)).isEqualTo(completion(OK, 2, 0, 0, 29));
    }

    @Test
    void launchClearsTilesAndXseedCsrs() {
        String[] csrs = {"xsstat", "xsqmul", "xsqshift", "xsqzp", "xsascl0", "xsascl1", "xsbscl0", "xsbscl1"};
        StringBuilder dirty = new StringBuilder("li t0, -1\n");
        for (int t = 0; t < 8; t++) dirty.append("tput m").append(t).append(", t0, zero\n");
        for (String c : csrs) dirty.append("csrw ").append(c).append(", t0\n");
        dirty.append("csrr a0, xsqmul\necall\n");
        StringBuilder collect = new StringBuilder();
        for (int t = 0; t < 8; t++) collect.append("tget t1, m").append(t).append(", zero\nor a0, a0, t1\n");
        for (String c : csrs) collect.append("csrr t1, ").append(c).append("\nor a0, a0, t1\n");
        collect.append("ecall\n");
        host.ring(RING, 8);
        host.load(dirty.toString(), KBASE);
        host.load(collect.toString(), KBASE + 0x400);
        host.submit(launch(1, KBASE, 0, 1000, COMP));
        host.submit(launch(2, KBASE + 0x400, 0, 1000, COMP + 16));
        host.runUntilIdle();
        assertThat(host.completion(COMP).result()).isEqualTo(-1);
        assertThat(host.completion(COMP + 16)).isEqualTo(completion(OK, 2, 0, 0, 32));
    }

    @Test
    void launchKeepsMachineCsrsOfThePreviousKernel() {
        host.ring(RING, 8);
        host.load("li t0, 0x1234\ncsrw mscratch, t0\nli t0, 0x80011000\ncsrw mtvec, t0\necall", KBASE);
        host.load("csrr a0, mscratch\ncsrr a1, mtvec\nadd a0, a0, a1\ncsrr a1, mcause\nadd a0, a0, a1\necall", KBASE + 0x400);
        host.submit(launch(1, KBASE, 0, 1000, COMP));
        host.submit(launch(2, KBASE + 0x400, 0, 1000, COMP + 16));
        host.runUntilIdle();
        assertThat(host.completion(COMP + 16).result()).isEqualTo(0x1234 + 0x80011000 + TrapCause.ECALL.code());
    }

    @Test
    void launchDoesNotResetMinstret() {
        host.ring(RING, 8);
        host.load("nop\nnop\nnop\necall", KBASE);
        host.load("csrr a0, minstret\necall", KBASE + 0x400);
        host.submit(launch(1, KBASE, 0, 1000, COMP));
        host.submit(launch(2, KBASE + 0x400, 0, 1000, COMP + 16));
        host.runUntilIdle();
        assertThat(host.completion(COMP + 16)).isEqualTo(completion(OK, 2, 3, 0, 1));
    }

    @Test
    void orderContinuesAcrossLaunchesAndEventsAreNotCounted() {
        host.ring(RING, 8);
        host.load("nop\nnop\necall", KBASE);
        host.submit(launch(1, KBASE, 0, 1000, COMP));
        host.submit(Descriptor.nop(2, COMP + 16));
        host.submit(launch(3, KBASE, 0, 1000, COMP + 32));
        host.runUntilIdle();
        List<String> orders = new ArrayList<>();
        for (HostSession.Entry e : host.stream()) orders.add((e instanceof Event ? "E" : "I") + e.order());
        assertThat(orders).containsExactly("I0", "I1", "I2", "E3", "E3", "I3", "I4", "I5", "E6");
    }

    @Test
    void kernelTrapCompletesWithTrapMcauseAndMtval() {
        ElfImage k = host.load("li t0, " + OUTSIDE + "\nnop\nfault: lw a1, 0(t0)\necall", KBASE);
        int retired = (k.symbol("fault").getAsInt() - KBASE) / 4;
        assertThat(runOne(launch(0, 100))).isEqualTo(completion(TRAP, 1, TrapCause.LOAD_ACCESS.code(), OUTSIDE, retired));
    }

    @Test
    void illegalInstructionTrapReportsTheInstructionWord() {
        assertThat(runKernel("nop\n.word 0xC0001073\necall")).isEqualTo(completion(TRAP, 1, 2, 0xC0001073, 1));
    }

    @Test
    void kernelEndsAtItsFirstTrapEvenWithAHandlerInstalled() {
        ElfImage k = host.load("la t0, h\ncsrw mtvec, t0\nbrk: ebreak\nh: li a0, 7\necall", KBASE);
        int brk = k.symbol("brk").getAsInt();
        assertThat(runOne(launch(0, 100))).isEqualTo(completion(TRAP, 1, TrapCause.BREAKPOINT.code(), brk, 3));
        CommitRecord trap = host.instructions().get(host.instructions().size() - 1);
        assertThat(trap.pc()).isEqualTo(brk);
        assertThat(trap.trap()).isTrue();
        assertThat(trap.pcNext()).as("pc_next = mtvec").isEqualTo(k.symbol("h").getAsInt());
        assertThat(host.instructions()).hasSize(4);
    }

    @Test
    void ecallProducesItsTrapRecordBeforeTheCompletion() {
        runKernel("li a0, 3\necall");
        List<HostSession.Entry> s = host.stream();
        assertThat(s).hasSize(3);
        CommitRecord ecall = ((HostSession.Insn) s.get(1)).record();
        assertThat(ecall.trap()).isTrue();
        assertThat(ecall.cause()).isEqualTo(TrapCause.ECALL.code());
        assertThat(s.get(2)).isEqualTo(Event.completion(2, 0, COMP, true, completion(OK, 1, 3, 0, 1)));
    }

    @Test
    void coreIdlesAfterTheKernelEnds() {
        runKernel("li a0, 3\necall\nli a0, 4\nloop: j loop");
        int records = host.stream().size();
        assertThat(host.advance(1000)).isEqualTo(Backend.Status.IDLE);
        assertThat(host.stream()).hasSize(records);
    }

    @Test
    void watchdogFiresWhenRetiredCountReachesBudget() {
        assertThat(runKernel("loop: j loop", 0, 10)).isEqualTo(completion(WATCHDOG, 1, 0, 0, 10));
        assertThat(host.instructions()).hasSize(10).noneMatch(CommitRecord::trap);
        assertThat(onlyCompletionEvent().order()).isEqualTo(10);
    }

    @Test
    void kernelRetiringBudgetMinusOneThenEcallIsOk() {
        assertThat(runKernel("nop\nnop\nnop\necall", 0, 4)).isEqualTo(completion(OK, 1, 0, 0, 3));
    }

    @Test
    void kernelRetiringExactlyTheBudgetBeforeEcallIsAWatchdog() {
        assertThat(runKernel("nop\nnop\nnop\necall", 0, 3)).isEqualTo(completion(WATCHDOG, 1, 0, 0, 3));
        assertThat(host.instructions()).hasSize(3).noneMatch(CommitRecord::trap);
    }

    @Test
    void trapAtTheLastInstructionOfTheBudgetIsATrapNotAWatchdog() {
        assertThat(runKernel("nop\nnop\nebreak", 0, 3)).isEqualTo(completion(TRAP, 1, 3, KBASE + 8, 2));
    }

    @Test
    void zeroBudgetMeansTwoToThe24Instructions() {
        host.allowInstructionRecords(DeviceTable.LAUNCH_DEFAULT_BUDGET + 1000);
        assertThat(runKernel("loop: j loop", 0, 0)).isEqualTo(completion(WATCHDOG, 1, 0, 0, DeviceTable.LAUNCH_DEFAULT_BUDGET));
        assertThat(host.instructionCount()).isEqualTo(DeviceTable.LAUNCH_DEFAULT_BUDGET);
    }

    @Test
    void kernelStoresInsideTheWindowAreVisibleToTheHost() {
        runKernel("li t0, " + (KLIMIT - 4) + "\nli t1, 0x5A5A1234\nsw t1, 0(t0)\necall");
        assertThat(host.word(KLIMIT - 4)).isEqualTo(0x5A5A1234);
    }

    // ================================================================== LAUNCH: the window (§4.2, §1)

    @Test
    void codeThatRanInAWideWindowFaultsWhenLaunchedOutsideANarrowerOne() {
        host.ring(RING, 8);
        host.load("li a0, 1\necall", KBASE);
        host.load("li a0, 2\necall", KLIMIT - 8);
        host.submit(launch(1, KBASE, 0, 100, COMP));
        host.submit(launch(2, KLIMIT - 8, 0, 100, COMP + 16));
        host.submit(Descriptor.launch(3, KBASE, 0, KLIMIT, KBASE + 0x100, KLIMIT, 100, COMP + 32));
        host.submit(Descriptor.launch(4, KLIMIT - 8, 0, KLIMIT, KBASE, KLIMIT - 0x100, 100, COMP + 48));
        host.runUntilIdle();
        assertThat(host.completion(COMP).result()).isEqualTo(1);
        assertThat(host.completion(COMP + 16).result()).isEqualTo(2);
        assertThat(host.completion(COMP + 32)).isEqualTo(completion(TRAP, 3, TrapCause.FETCH_ACCESS.code(), KBASE, 0));
        assertThat(host.completion(COMP + 48)).isEqualTo(completion(TRAP, 4, TrapCause.FETCH_ACCESS.code(), KLIMIT - 8, 0));
    }

    @Test
    void jumpToTheWindowLimitTrapsWithFetchAccess() {
        Completion c = runKernel("li t0, " + KLIMIT + "\njr t0");
        assertThat(c.status()).isEqualTo(TRAP);
        assertThat(c.result()).isEqualTo(TrapCause.FETCH_ACCESS.code());
        assertThat(c.tval()).isEqualTo(KLIMIT);
    }

    @Test
    void runningOffTheEndOfTheWindowTrapsWithFetchAccess() {
        host.load("nop\nnop", KLIMIT - 8);
        assertThat(runOne(launch(1, KLIMIT - 8, 0, 100, COMP))).isEqualTo(completion(TRAP, 1, 1, KLIMIT, 2));
    }

    @Test
    void loadBelowTheWindowTrapsWithLoadAccess() {
        Completion c = runKernel("li t0, " + (KBASE - 4) + "\nlw a0, 0(t0)");
        assertThat(c.status()).isEqualTo(TRAP);
        assertThat(c.result()).isEqualTo(TrapCause.LOAD_ACCESS.code());
        assertThat(c.tval()).isEqualTo(KBASE - 4);
    }

    @Test
    void loadOfTheLastWordOfTheWindowIsAllowed() {
        host.writeWord(KLIMIT - 4, 0x600D);
        assertThat(runKernel("li t0, " + (KLIMIT - 4) + "\nlw a0, 0(t0)\necall").result()).isEqualTo(0x600D);
    }

    @Test
    void storeOutsideTheWindowTrapsWithStoreAccessAndWritesNothing() {
        Completion c = runKernel("li t0, " + OUTSIDE + "\nli t1, -1\nsw t1, 0(t0)\necall");
        assertThat(c.status()).isEqualTo(TRAP);
        assertThat(c.result()).isEqualTo(TrapCause.STORE_ACCESS.code());
        assertThat(c.tval()).isEqualTo(OUTSIDE);
        assertThat(host.word(OUTSIDE)).isZero();
    }

    @Test
    void storeAtTheWindowLimitTrapsAndWritesNothing() {
        Completion c = runKernel("li t0, " + KLIMIT + "\nli t1, -1\nsb t1, 0(t0)\necall");
        assertThat(c.result()).isEqualTo(TrapCause.STORE_ACCESS.code());
        assertThat(host.word(KLIMIT)).isZero();
    }

    @Test
    void tileLoadWithARowStraddlingTheLimitTrapsAtTheLimit() {
        Completion c = runKernel("li t0, " + (KLIMIT - 7 * 32 - 8) + "\nli t1, 32\ntld m1, (t0), t1\necall");
        assertThat(c.status()).isEqualTo(TRAP);
        assertThat(c.result()).isEqualTo(TrapCause.LOAD_ACCESS.code());
        assertThat(c.tval()).isEqualTo(KLIMIT);
    }

    @Test
    void tileStoreWithARowStraddlingTheLimitWritesNothing() {
        int at = KLIMIT - 7 * 32 - 8;
        Completion c = runKernel("li t0, " + at + "\nli t1, 32\nli t2, -1\ntput m1, t2, zero\ntst m1, (t0), t1\necall");
        assertThat(c.result()).isEqualTo(TrapCause.STORE_ACCESS.code());
        assertThat(c.tval()).isEqualTo(KLIMIT);
        assertThat(host.read(at, KLIMIT + 32 - at)).containsOnly(0);
    }

    @Test
    void tileRowsStartingBelowTheWindowTrapInRowOrder() {
        Completion c = runKernel("li t0, " + (KBASE + 32) + "\nli t1, -32\ntld m0, (t0), t1\necall");
        assertThat(c.result()).isEqualTo(TrapCause.LOAD_ACCESS.code());
        assertThat(c.tval()).isEqualTo(KBASE - 32);
    }

    // ================================================================== COPY (§4.2)

    @Test
    void copyMovesTheBytes() {
        byte[] src = pattern(64, 3);
        host.write(DATA, src);
        assertThat(runOne(Descriptor.copy(1, DATA, DATA + 0x100, 64, COMP))).isEqualTo(completion(OK, 1, 0, 0, 0));
        assertThat(host.read(DATA + 0x100, 64)).isEqualTo(src);
        assertThat(host.read(DATA, 64)).isEqualTo(src);
    }

    @Test
    void copyWithOverlapBehavesLikeMemmove() {
        assertCopyIsAMemmove(DATA + 5, DATA + 13, 100);
    }

    @Test
    void copyWithOverlapToALowerAddressBehavesLikeMemmove() {
        assertCopyIsAMemmove(DATA + 13, DATA + 6, 100);
    }

    @Test
    void copyNeedsNoAlignment() {
        assertCopyIsAMemmove(DATA + 1, DATA + 0x203, 37);
    }

    @Test
    void copyOntoItselfChangesNothing() {
        assertCopyIsAMemmove(DATA + 4, DATA + 4, 64);
    }

    private void assertCopyIsAMemmove(int src, int dst, int length) {
        int span = 0x400;
        byte[] before = pattern(span, 11);
        host.write(DATA, before);
        assertThat(runOne(Descriptor.copy(1, src, dst, length, COMP)).status()).isEqualTo(OK);
        byte[] expected = before.clone();
        System.arraycopy(before, src - DATA, expected, dst - DATA, length);
        assertThat(host.read(DATA, span)).isEqualTo(expected);
    }

    @Test
    void copyWithZeroLengthIsOkAndWritesNothing() {
        assertThat(runOne(Descriptor.copy(1, DATA, DATA + 0x100, 0, COMP))).isEqualTo(completion(OK, 1, 0, 0, 0));
        assertThat(onlyCompletionEvent().order()).isZero();
    }

    @Test
    void copyWithZeroLengthAtTheEndOfDramIsOk() {
        assertThat(runOne(Descriptor.copy(1, end, end, 0, COMP)).status()).isEqualTo(OK);
    }

    @Test
    void copyWithZeroLengthOutsideDramIsABadAddress() {
        assertThat(runOne(Descriptor.copy(1, end + 4, DATA, 0, COMP)).status()).isEqualTo(BAD_ADDRESS);
    }

    @Test
    void copyUpToTheLastByteOfDramIsOk() {
        host.write(DATA, pattern(16, 1));
        assertThat(runOne(Descriptor.copy(1, DATA, end - 16, 16, COMP)).status()).isEqualTo(OK);
        assertThat(host.read(end - 16, 16)).isEqualTo(pattern(16, 1));
    }

    @Test
    void copyWithASourcePastTheEndOfDramIsABadAddressAndMovesNothing() {
        host.write(end - 16, pattern(16, 1));
        assertThat(runOne(Descriptor.copy(1, end - 16, DATA, 17, COMP))).isEqualTo(completion(BAD_ADDRESS, 1, 0, 0, 0));
        assertThat(host.read(DATA, 32)).containsOnly(0);
        assertThat(onlyCompletionEvent().completionWords().status()).isEqualTo(BAD_ADDRESS);
    }

    @Test
    void copyWithADestinationPastTheEndOfDramIsABadAddressAndMovesNothing() {
        host.write(DATA, pattern(32, 1));
        assertThat(runOne(Descriptor.copy(1, DATA, end - 16, 32, COMP)).status()).isEqualTo(BAD_ADDRESS);
        assertThat(host.read(end - 16, 16)).containsOnly(0);
    }

    @Test
    void copyWithASourceBelowDramIsABadAddress() {
        assertThat(runOne(Descriptor.copy(1, BASE - 4, DATA, 8, COMP)).status()).isEqualTo(BAD_ADDRESS);
        assertThat(host.read(DATA, 8)).containsOnly(0);
    }

    @Test
    void copyWhoseLengthWrapsTheAddressSpaceIsABadAddress() {
        assertThat(runOne(Descriptor.copy(1, DATA, DATA + 0x100, 0xFFFF_FF00, COMP)).status()).isEqualTo(BAD_ADDRESS);
    }

    @Test
    void copyRecordsOneDmaWriteEventThenItsCompletion() {
        host.ring(RING, 8);
        host.submit(Descriptor.nop(1, COMP));
        host.submit(Descriptor.copy(2, DATA, DATA + 0x100, 24, COMP + 16));
        host.runUntilIdle();
        assertThat(host.events()).containsExactly(
                Event.completion(0, 0, COMP, true, completion(OK, 1, 0, 0, 0)),
                Event.dmaWrite(0, 1, DATA + 0x100, 24, Opcode.COPY, DATA),
                Event.completion(0, 1, COMP + 16, true, completion(OK, 2, 0, 0, 0)));
    }

    @Test
    void copiedCodeIsWhatTheNextLaunchRuns() {
        host.ring(RING, 8);
        host.load("li a0, 1\necall", KBASE);
        host.load("li a0, 3\necall", DATA);
        host.submit(launch(1, KBASE, 0, 100, COMP));
        host.submit(Descriptor.copy(2, DATA, KBASE, 8, COMP + 16));
        host.submit(launch(3, KBASE, 0, 100, COMP + 32));
        host.runUntilIdle();
        assertThat(host.completion(COMP).result()).isEqualTo(1);
        assertThat(host.completion(COMP + 32).result()).isEqualTo(3);
    }

    // ================================================================== FILL (§4.2)

    @Test
    void fillGivesTheByteAtAddressAByteAModFourOfThePattern() {
        int pattern = 0x44332211;
        assertThat(runOne(Descriptor.fill(1, DATA + 1, 10, pattern, COMP))).isEqualTo(completion(OK, 1, 0, 0, 0));
        byte[] got = host.read(DATA, 12);
        assertThat(got[0]).isZero();
        for (int i = 1; i <= 10; i++) {
            int a = DATA + i;
            assertThat(got[i]).as("byte at 0x%08x", a).isEqualTo((byte) (pattern >>> 8 * (a & 3)));
        }
        assertThat(got[11]).isZero();
    }

    @Test
    void fillOfManyKibibytesFromAnOddAddressKeepsThePatternPhase() {
        int pattern = 0xA1B2C3D4, length = 10_003;
        assertThat(runOne(Descriptor.fill(1, DATA + 3, length, pattern, COMP)).status()).isEqualTo(OK);
        byte[] got = host.read(DATA + 3, length);
        for (int i = 0; i < length; i++) {
            int a = DATA + 3 + i;
            if (got[i] != (byte) (pattern >>> 8 * (a & 3))) throw new AssertionError(String.format("byte at 0x%08x is 0x%02x", a, got[i]));
        }
        assertThat(host.read(DATA + 3 + length, 4)).containsOnly(0);
    }

    @Test
    void fillWithZeroLengthIsOkAndWritesNothing() {
        assertThat(runOne(Descriptor.fill(1, DATA, 0, -1, COMP)).status()).isEqualTo(OK);
        assertThat(host.read(DATA, 8)).containsOnly(0);
        assertThat(onlyCompletionEvent().completionWords().status()).isEqualTo(OK);
    }

    @Test
    void fillPastTheEndOfDramIsABadAddressAndWritesNothing() {
        assertThat(runOne(Descriptor.fill(1, end - 8, 12, -1, COMP))).isEqualTo(completion(BAD_ADDRESS, 1, 0, 0, 0));
        assertThat(host.read(end - 8, 8)).containsOnly(0);
        assertThat(host.events()).hasSize(1);
    }

    @Test
    void fillOfTheLastBytesOfDramIsOk() {
        assertThat(runOne(Descriptor.fill(1, end - 8, 8, 0x01010101, COMP)).status()).isEqualTo(OK);
        assertThat(host.read(end - 8, 8)).containsOnly(1);
    }

    @Test
    void fillRecordsOneDmaWriteEventWithItsPatternThenItsCompletion() {
        runOne(Descriptor.fill(4, DATA + 2, 30, 0x0BADF00D, COMP));
        assertThat(host.events()).containsExactly(
                Event.dmaWrite(0, 0, DATA + 2, 30, Opcode.FILL, 0x0BADF00D),
                Event.completion(0, 0, COMP, true, completion(OK, 4, 0, 0, 0)));
    }

    // ================================================================== NOP and events (§4.2, §5)

    @Test
    void nopCompletesOkWithZeroResultTvalAndRetired() {
        assertThat(runOne(Descriptor.nop(3, COMP))).isEqualTo(completion(OK, 3, 0, 0, 0));
    }

    @Test
    void nopRecordsOnlyItsCompletionEvent() {
        runOne(Descriptor.nop(3, COMP));
        assertThat(host.stream()).containsExactly(Event.completion(0, 0, COMP, true, completion(OK, 3, 0, 0, 0)));
    }

    @Test
    void launchRecordsTheKernelsInstructionsThenOneCompletionEvent() {
        runKernel("nop\nli a0, 8\necall");
        List<HostSession.Entry> s = host.stream();
        assertThat(s).hasSize(4);
        for (int i = 0; i < 3; i++) {
            assertThat(s.get(i)).isInstanceOf(HostSession.Insn.class);
            assertThat(s.get(i).order()).isEqualTo(i);
            assertThat(((HostSession.Insn) s.get(i)).record().pc()).isEqualTo(KBASE + 4 * i);
        }
        assertThat(s.get(3)).isEqualTo(Event.completion(3, 0, COMP, true, completion(OK, 1, 8, 0, 2)));
    }

    @Test
    void eventOrderIsTheNumberOfInstructionRecordsBeforeIt() {
        host.ring(RING, 8);
        host.load("nop\nebreak", KBASE);
        host.submit(Descriptor.nop(1, COMP));
        host.submit(launch(2, KBASE, 0, 100, COMP + 16));
        host.submit(Descriptor.fill(3, DATA, 4, 1, COMP + 32));
        host.runUntilIdle();
        assertThat(host.events()).extracting(Event::order).containsExactly(0L, 2L, 2L, 2L);
    }

    // ================================================================== advance (Backend contract)

    @Test
    void advanceReturnsRightAfterEachCompletionEvent() {
        host.ring(RING, 8);
        for (int i = 0; i < 3; i++) host.submit(Descriptor.nop(i, COMP + 16 * i));
        for (int i = 0; i < 3; i++) {
            assertThat(host.advance(1000)).isEqualTo(Backend.Status.COMPLETED);
            assertThat(host.events()).hasSize(i + 1);
        }
        assertThat(host.advance(1000)).isEqualTo(Backend.Status.IDLE);
    }

    @Test
    void advanceInSmallStepsProducesTheSameStreamAsOneRun() {
        String kernel = "li t0, " + DATA + "\nli t1, 32\ntld m0, (t0), t1\nli a0, 5\nloop: addi a0, a0, -1\nsw a0, 0(t0)\nbnez a0, loop\necall";
        List<String> whole = streamOfMixedCommands(kernel, 100_000);
        chip.resetCommand();
        host = new HostSession(chip);
        List<String> stepped = streamOfMixedCommands(kernel, 1);
        assertThat(stepped).isEqualTo(whole).hasSizeGreaterThan(20);
    }

    private List<String> streamOfMixedCommands(String kernel, int step) {
        host.ring(RING, 8);
        host.load(kernel, KBASE);
        host.write(DATA, pattern(256, 9));
        host.submit(Descriptor.copy(1, DATA, DATA + 0x100, 256, COMP));
        host.submit(Descriptor.launch(2, KBASE, 0, KLIMIT, KBASE, DATA + 0x400, 1000, COMP + 16)); // the window covers DATA
        host.submit(Descriptor.fill(3, DATA + 1, 7, 0x12345678, COMP + 32));
        Backend.Status s;
        do {
            s = host.advance(step);
        } while (s != Backend.Status.IDLE);
        List<String> out = new ArrayList<>();
        for (HostSession.Entry e : host.stream()) out.add(describe(e));
        return out;
    }

    @Test
    void advanceWithRoomForOneRecordSplitsACopyBetweenItsTwoEvents() {
        host.ring(RING, 8);
        host.submit(Descriptor.copy(1, DATA, DATA + 0x100, 8, COMP));
        assertThat(host.advance(1)).isEqualTo(Backend.Status.RUNNING);
        assertThat(host.stream()).containsExactly(Event.dmaWrite(0, 0, DATA + 0x100, 8, Opcode.COPY, DATA));
        assertThat(host.advance(1)).isEqualTo(Backend.Status.COMPLETED);
        assertThat(host.advance(1)).isEqualTo(Backend.Status.IDLE);
    }

    // ================================================================== host memory port (§4.1)

    @Test
    void hostWritesAndReadsAnyByteRange() {
        byte[] data = pattern(13, 5);
        host.write(DATA + 3, data);
        assertThat(host.read(DATA + 3, 13)).isEqualTo(data);
        assertThat(host.read(DATA, 3)).containsOnly(0);
        assertThat(host.read(DATA + 16, 4)).containsOnly(0);
    }

    @Test
    void hostAccessToTheLastBytesOfDramIsAllowed() {
        host.write(end - 3, new byte[] {7, 8, 9});
        assertThat(host.read(end - 3, 3)).containsExactly(7, 8, 9);
    }

    @Test
    void hostAccessOutsideDramIsRejected() {
        assertThatThrownBy(() -> host.write(end - 2, new byte[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> host.read(BASE - 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> host.read(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(host.read(end - 4, 4)).containsOnly(0);
    }

    @Test
    void hostWrittenCodeIsWhatTheNextLaunchRuns() {
        assertThat(runKernel("li a0, 1\necall").result()).isEqualTo(1);
        host.load("li a0, 2\necall", KBASE);
        host.submit(launch(2, KBASE, 0, 100, COMP + 16));
        host.runUntilIdle();
        assertThat(host.completion(COMP + 16).result()).isEqualTo(2);
    }
}
