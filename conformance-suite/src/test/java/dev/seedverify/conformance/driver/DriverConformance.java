package dev.seedverify.conformance.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.ForwardingBackend;
import dev.seedverify.driver.Arg;
import dev.seedverify.driver.BadAddressException;
import dev.seedverify.driver.BadCommandException;
import dev.seedverify.driver.BusMonitor;
import dev.seedverify.driver.Command;
import dev.seedverify.driver.CommandResult;
import dev.seedverify.driver.DeviceMemory;
import dev.seedverify.driver.DeviceOptions;
import dev.seedverify.driver.DeviceTimeoutException;
import dev.seedverify.driver.InvalidRequestException;
import dev.seedverify.driver.InvalidRequestException.Reason;
import dev.seedverify.driver.KernelTrapException;
import dev.seedverify.driver.Launch;
import dev.seedverify.driver.LoadedKernel;
import dev.seedverify.driver.OutOfDeviceMemoryException;
import dev.seedverify.driver.S1Device;
import dev.seedverify.driver.Submission;
import dev.seedverify.driver.WaitMode;
import dev.seedverify.driver.WatchdogException;
import dev.seedverify.golden.device.DescriptorField;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.TrapCause;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The driver API, one behaviour per test, every call and every error path, against one backend
 * ({@link #open}); golden, RTL and lockstep run the very same tests. The driver runs with its
 * strict bus monitor, so every test also shows the driver's traffic keeps spec §4's rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DriverConformance {
    Backend chip;
    S1Device dev;

    protected abstract Backend open();

    @BeforeAll
    void openBackend() { chip = open(); }

    @AfterAll
    void closeBackend() {
        if (chip != null) chip.close();
    }

    @BeforeEach
    void openDriver() { dev = driver(DeviceOptions.defaults()); }

    @AfterEach
    void checkMonitorAndClose() {
        if (dev != null) {
            dev.monitor().ifPresent(m -> assertThat(m.violations()).as("bus protocol violations").isEmpty());
            dev.close();
        }
    }

    S1Device driver(DeviceOptions o) { return S1Device.open(chip, o.withDramBytes(chip.dramBytes())); }

    LoadedKernel load(DriverKernels k) { return dev.load(k.image()); }

    /** A launch of {@code k} with a fresh argument block of its size and a 256-byte stack. */
    Launch launch(LoadedKernel k, Arg... args) {
        return Launch.of(k).args(dev.alloc(Math.max(4, 4 * args.length)), args).stack(dev.alloc(256)).budget(1000);
    }

    InvalidRequestException refused(Runnable call, Reason reason) {
        List<String> before = snapshot();
        InvalidRequestException e = (InvalidRequestException) org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(snapshot()).as("driver and device unchanged by a refused call").isEqualTo(before);
        return e;
    }

    private List<String> snapshot() {
        List<String> s = new ArrayList<>();
        for (DeviceMemory m : dev.allocations()) s.add(m.toString());
        s.add("outstanding " + dev.outstanding().size());
        s.add("tail " + chip.mmioRead(MmioRegister.CQ_TAIL.offset()));
        return s;
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (seed + 13 * i);
        return b;
    }

    // ------------------------------------------------------------------ open

    @Test
    void openConfiguresTheRingAtTheBottomOfDram() {
        assertThat(chip.mmioRead(MmioRegister.CQ_BASE.offset())).isEqualTo(dev.ringBase()).isEqualTo(Memory.BASE);
        assertThat(chip.mmioRead(MmioRegister.CQ_ENTRIES.offset())).isEqualTo(DeviceOptions.DEFAULT_RING_ENTRIES);
        assertThat(chip.mmioRead(MmioRegister.STATUS.offset()) & DeviceTable.STATUS_QERR).isZero();
    }

    @Test
    void aRingOfOneEntryOrOfNoPowerOfTwoIsRefused() {
        assertThatThrownBy(() -> driver(DeviceOptions.defaults().withRingEntries(1))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("can never hold a command");
        assertThatThrownBy(() -> driver(DeviceOptions.defaults().withRingEntries(12))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("power of two");
    }

    @Test
    void aClosedDeviceRefusesEveryCall() {
        DeviceMemory m = dev.alloc(16);
        dev.close();
        assertThatThrownBy(() -> dev.read(m, 0, 4)).isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).reason())
                .isEqualTo(Reason.CLOSED);
        dev = null;
    }

    // ------------------------------------------------------------------ memory

    @Test
    void allocationsAreAlignedAndDisjoint() {
        List<DeviceMemory> ms = new ArrayList<>();
        int[] aligns = {1, 4, 16, 64, 256, 4096, 8};
        for (int i = 0; i < aligns.length; i++) ms.add(dev.alloc(3 + 37 * i, aligns[i]));
        for (int i = 0; i < ms.size(); i++) {
            assertThat(Integer.toUnsignedLong(ms.get(i).address()) % aligns[i]).isZero();
            for (int j = 0; j < i; j++) {
                assertThat(ms.get(i).end() <= Integer.toUnsignedLong(ms.get(j).address()) || ms.get(j).end() <= Integer.toUnsignedLong(ms.get(i).address()))
                        .as(ms.get(i) + " and " + ms.get(j) + " are disjoint").isTrue();
            }
        }
    }

    @Test
    void sizeZeroNegativeSizeAndAnAlignmentThatIsNoPowerOfTwoAreRefused() {
        dev.alloc(8);
        refused(() -> dev.alloc(0), Reason.ZERO_SIZE);
        refused(() -> dev.alloc(-4), Reason.NEGATIVE_SIZE);
        refused(() -> dev.alloc(16, 3), Reason.BAD_ALIGNMENT);
        refused(() -> dev.alloc(16, 0), Reason.BAD_ALIGNMENT);
    }

    @Test
    void outOfMemoryIsAnErrorThatAllocatesNothing() {
        dev.alloc(1000);
        List<String> before = snapshot();
        assertThatThrownBy(() -> dev.alloc(chip.dramBytes())).isInstanceOf(OutOfDeviceMemoryException.class).hasMessageContaining("largest hole");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void freedNeighboursMergeSoAFragmentedHeapServesALargeRequestAgain() {
        long free = dev.largestFreeBlock();
        int third = (int) (free / 3) & -64;
        DeviceMemory a = dev.alloc(third, 64), b = dev.alloc(third, 64), c = dev.alloc(third, 64);
        assertThatThrownBy(() -> dev.alloc(2L * third, 64)).isInstanceOf(OutOfDeviceMemoryException.class);
        dev.free(a);
        dev.free(c);
        assertThatThrownBy(() -> dev.alloc(2L * third, 64)).as("two holes of a third each do not hold two thirds").isInstanceOf(OutOfDeviceMemoryException.class);
        dev.free(b);
        assertThat(dev.alloc(2L * third, 64).address()).isEqualTo(a.address());
    }

    @Test
    void doubleFreeUseAfterFreeAndForeignHandlesAreRefused() throws Exception {
        DeviceMemory m = dev.alloc(32);
        dev.free(m);
        refused(() -> dev.free(m), Reason.DOUBLE_FREE);
        refused(() -> dev.write(m, 0, new byte[4]), Reason.USE_AFTER_FREE);
        refused(() -> dev.read(m, 0, 4), Reason.USE_AFTER_FREE);
        try (Backend other = new dev.seedverify.cosim.GoldenBackend(chip.dramBytes()); S1Device foreign = S1Device.open(other, DeviceOptions.defaults().withDramBytes(chip.dramBytes()))) {
            DeviceMemory theirs = foreign.alloc(32);
            refused(() -> dev.write(theirs, 0, new byte[4]), Reason.FOREIGN_HANDLE);
            refused(() -> dev.free(theirs), Reason.FOREIGN_HANDLE);
        }
    }

    @Test
    void writtenBytesReadBack() {
        DeviceMemory m = dev.alloc(100, 1);
        byte[] data = bytes(61, 5);
        dev.write(m, 7, data);
        assertThat(dev.read(m, 7, 61)).isEqualTo(data);
        dev.writeInts(m, 80, 0x11223344);
        assertThat(dev.readInt(m, 80)).isEqualTo(0x11223344);
    }

    @Test
    void accessesOutsideAnAllocationOrOfLengthZeroAreRefused() {
        DeviceMemory m = dev.alloc(16);
        refused(() -> dev.write(m, 10, new byte[7]), Reason.OUT_OF_RANGE);
        refused(() -> dev.write(m, -1, new byte[2]), Reason.OUT_OF_RANGE);
        refused(() -> dev.read(m, 0, 17), Reason.OUT_OF_RANGE);
        refused(() -> dev.write(m, 0, new byte[0]), Reason.ZERO_SIZE);
    }

    // ------------------------------------------------------------------ kernels

    @Test
    void loadPlacesTheSegmentsAndRelocatesTheEntry() {
        ElfImage image = DriverKernels.SUM.image();
        LoadedKernel k = dev.load(image);
        assertThat(k.entry()).isEqualTo(k.memory().address() + (image.entry() - image.segments().get(0).address()));
        assertThat(Integer.toUnsignedLong(k.memory().address()) % 64).isZero();
        byte[] want = image.segments().get(0).data();
        assertThat(dev.read(k.memory(), 0, want.length)).isEqualTo(want);
    }

    @Test
    void launchReturnsTheKernelsResultAndItsRetiredInstructions() {
        LoadedKernel k = load(DriverKernels.SUM);
        DeviceMemory in = dev.alloc(16), out = dev.alloc(8);
        dev.writeInts(in, 0, 5, 6, 7, -3);
        CommandResult r = dev.launch(launch(k, Arg.ptr(in), Arg.word(4), Arg.ptr(out, 4)));
        assertThat(r.value()).isEqualTo(15);
        assertThat(r.retired()).isEqualTo(DriverKernels.sumRetired(4));
        assertThat(dev.readInt(out, 4)).isEqualTo(15);
    }

    @Test
    void aTrapNamesMcauseMtvalThePcAndItsDisassembly() {
        LoadedKernel k = load(DriverKernels.TRAP);
        KernelTrapException e = (KernelTrapException) org.assertj.core.api.Assertions.catchThrowable(() -> dev.launch(launch(k)));
        assertThat(e.mcause()).isEqualTo(TrapCause.BREAKPOINT.code());
        assertThat(e.pc()).isEqualTo(k.entry());
        assertThat(e.mtval()).isEqualTo(k.entry());
        assertThat(e.disassembly()).isEqualTo("ebreak");
        assertThat(e).hasMessageContaining("mcause 3 (breakpoint)").hasMessageContaining("ebreak");
    }

    @Test
    void aKernelLeavingItsWindowTakesAnAccessFault() {
        LoadedKernel k = load(DriverKernels.ESCAPE);
        KernelTrapException e = (KernelTrapException) org.assertj.core.api.Assertions.catchThrowable(() -> dev.launch(launch(k)));
        assertThat(e.mcause()).isEqualTo(TrapCause.LOAD_ACCESS.code());
        assertThat(e.mtval()).isEqualTo(Memory.BASE);
        assertThat(e.pc()).isEqualTo(k.entry() + DriverKernels.ESCAPE.trapOffset());
        assertThat(e.disassembly()).startsWith("lw");
    }

    @Test
    void theWindowEndsExactlyAtTheLastAllocationOfTheLaunch() {
        LoadedKernel k = load(DriverKernels.SUM);
        DeviceMemory in = dev.alloc(4), out = dev.alloc(16);
        Launch l = launch(k, Arg.ptr(in), Arg.word(1), Arg.ptr(out, 12)).buffers(out);
        assertThat(dev.launch(l).value()).isZero();
        // The same kernel told to store one word past the highest allocation: outside the window.
        DeviceMemory highest = l.stack();
        Launch past = Launch.of(k).args(l.argBlock(), Arg.ptr(in), Arg.word(1), Arg.word((int) highest.end())).stack(highest).buffers(out).budget(1000);
        KernelTrapException e = (KernelTrapException) org.assertj.core.api.Assertions.catchThrowable(() -> dev.launch(past));
        assertThat(e.mcause()).isEqualTo(TrapCause.STORE_ACCESS.code());
        assertThat(e.mtval()).isEqualTo((int) highest.end());
    }

    @Test
    void aKernelPastItsBudgetRaisesTheWatchdog() {
        LoadedKernel k = load(DriverKernels.LOOP);
        assertThatThrownBy(() -> dev.launch(launch(k).budget(50))).isInstanceOf(WatchdogException.class)
                .satisfies(e -> assertThat(((WatchdogException) e).completion().retired()).isEqualTo(50));
    }

    @Test
    void launchesWithAPointerOutsideItsAllocationAFreedBufferOrABadBudgetAreRefused() {
        LoadedKernel k = load(DriverKernels.SUM);
        DeviceMemory in = dev.alloc(16), out = dev.alloc(8);
        Launch pastTheEnd = launch(k, Arg.ptr(in), Arg.word(4), Arg.ptr(out, 8));
        refused(() -> dev.submit(Command.launch(pastTheEnd)), Reason.OUT_OF_RANGE);
        Launch ok = launch(k, Arg.ptr(in), Arg.word(4), Arg.ptr(out, 4));
        refused(() -> dev.launch(Launch.of(k).args(ok.argBlock(), Arg.ptr(in), Arg.word(4), Arg.ptr(out, 4)).stack(ok.stack()).budget(0)), Reason.BAD_ARGUMENT);
        DeviceMemory oneWord = dev.alloc(4);
        refused(() -> dev.launch(Launch.of(k).args(oneWord, Arg.ptr(in), Arg.word(4), Arg.ptr(out, 4)).stack(ok.stack())), Reason.OUT_OF_RANGE);
        dev.free(in);
        refused(() -> dev.launch(ok), Reason.USE_AFTER_FREE);
    }

    // ------------------------------------------------------------------ DMA

    @Test
    void copyHasMemmoveSemantics() {
        DeviceMemory m = dev.alloc(64, 1);
        byte[] data = bytes(64, 1);
        dev.write(m, 0, data);
        dev.copy(m, 5, m, 0, 40);
        byte[] want = data.clone();
        System.arraycopy(data, 0, want, 5, 40);
        assertThat(dev.read(m, 0, 64)).isEqualTo(want);
    }

    @Test
    void fillGivesEachByteThePatternByteOfItsAddress() {
        DeviceMemory m = dev.alloc(32, 1);
        dev.fill(m, 3, 9, 0x44332211);
        byte[] got = dev.read(m, 0, 32);
        for (int i = 3; i < 12; i++) {
            int a = m.address() + i;
            assertThat(got[i]).isEqualTo((byte) (0x44332211 >>> (8 * (a & 3))));
        }
        assertThat(got[2]).isZero();
        assertThat(got[12]).isZero();
    }

    @Test
    void dmaOutsideItsAllocationsIsRefused() {
        DeviceMemory a = dev.alloc(16), b = dev.alloc(16);
        refused(() -> dev.copy(b, 8, a, 0, 9), Reason.OUT_OF_RANGE);
        refused(() -> dev.fill(a, 0, 17, 1), Reason.OUT_OF_RANGE);
        refused(() -> dev.fill(a, 0, 0, 1), Reason.ZERO_SIZE);
    }

    // ------------------------------------------------------------------ the queue

    @Test
    void eachCompletionGoesToItsOwnSubmissionWhateverTheWaitOrder() {
        LoadedKernel sum = load(DriverKernels.SUM), trap = load(DriverKernels.TRAP);
        DeviceMemory in = dev.alloc(8), out = dev.alloc(4);
        dev.writeInts(in, 0, 40, 2);
        Submission s1 = dev.submit(Command.nop());
        Submission s2 = dev.submit(Command.launch(launch(sum, Arg.ptr(in), Arg.word(2), Arg.ptr(out))));
        Submission s3 = dev.submit(Command.launch(launch(trap)));
        Submission s4 = dev.submit(Command.fill(in, 0, 8, 0));
        assertThatThrownBy(() -> dev.wait(s3)).isInstanceOf(KernelTrapException.class);
        assertThat(dev.wait(s2).value()).isEqualTo(42);
        assertThat(dev.wait(s4).value()).isZero();
        assertThat(dev.wait(s1).retired()).isZero();
        assertThat(dev.wait(s2).value()).as("waiting again gives the same result").isEqualTo(42);
    }

    @Test
    void aFullRingHoldsBackSubmissionsWithoutOverwritingAnEntry() {
        dev.close();
        dev = driver(DeviceOptions.defaults().withRingEntries(2));
        DeviceMemory m = dev.alloc(64, 1);
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < 9; i++) subs.add(dev.submit(Command.fill(m, i, 1, 0x01010101 * (i + 1))));
        for (Submission s : subs) assertThat(dev.wait(s).value()).isZero();
        byte[] got = dev.read(m, 0, 9);
        for (int i = 0; i < 9; i++) assertThat(got[i]).isEqualTo((byte) (i + 1));
    }

    @Test
    void theRingWrapsAroundManyTimes() {
        dev.close();
        dev = driver(DeviceOptions.defaults().withRingEntries(4));
        for (int i = 0; i < 30; i++) assertThat(dev.nop().value()).isZero();
        assertThat(chip.mmioRead(MmioRegister.DONE_COUNT.offset())).isEqualTo(30);
    }

    @Test
    void aWaitThatTimesOutLeavesTheCommandToALaterWait() {
        LoadedKernel k = load(DriverKernels.LOOP);
        Submission s = dev.submit(Command.launch(launch(k).budget(3000)));
        assertThatThrownBy(() -> dev.wait(s, 10)).isInstanceOf(DeviceTimeoutException.class).hasMessageContaining("stays outstanding");
        assertThat(dev.outstanding()).contains(s);
        assertThatThrownBy(() -> dev.wait(s)).isInstanceOf(WatchdogException.class);
    }

    @Test
    void aDeviceThatStopsRespondingTimesOut() {
        dev.close();
        Backend deaf = new ForwardingBackend(chip) {
            @Override
            public void mmioWrite(int offset, int value) {
                if (offset != MmioRegister.CQ_TAIL.offset()) super.mmioWrite(offset, value);
            }

            @Override
            public void close() {}
        };
        dev = S1Device.open(deaf, DeviceOptions.defaults().withDramBytes(chip.dramBytes()));
        assertThatThrownBy(() -> dev.nop()).isInstanceOf(DeviceTimeoutException.class).hasMessageContaining("stopped responding");
    }

    @Test
    void inIrqModeTheDriverWaitsForTheInterrupt() {
        dev.close();
        dev = driver(DeviceOptions.defaults().withWaitMode(WaitMode.IRQ));
        assertThat(chip.mmioRead(MmioRegister.IRQ_ENABLE.offset())).isEqualTo(DeviceTable.IRQ_MASK);
        DeviceMemory m = dev.alloc(16);
        Submission a = dev.submit(Command.fill(m, 0, 16, 0x5a5a5a5a));
        Submission b = dev.submit(Command.nop());
        assertThat(dev.wait(b).value()).isZero();
        assertThat(dev.wait(a).value()).isZero();
        assertThat(dev.read(m, 0, 16)).containsOnly((byte) 0x5a);
    }

    @Test
    void finishCollectsEverySubmissionWhoseResultWasNotTaken() {
        Submission a = dev.submit(Command.nop()), b = dev.submit(Command.nop());
        dev.wait(a);
        assertThat(dev.finish()).containsExactly(b);
        assertThat(b.isDone()).isTrue();
        assertThat(dev.outstanding()).isEmpty();
    }

    // ------------------------------------------------------------------ device statuses the driver never causes itself

    @Test
    void aDescriptorTheDeviceRejectsRaisesBadCommand() {
        dev.close();
        dev = S1Device.open(corrupting(DeviceTable.DESC_W_HEADER, 0xFF), DeviceOptions.defaults().withDramBytes(chip.dramBytes()).withMonitor(false));
        assertThatThrownBy(() -> dev.nop()).isInstanceOf(BadCommandException.class);
    }

    @Test
    void anAddressTheDeviceRejectsRaisesBadAddress() {
        dev.close();
        dev = S1Device.open(corrupting(DescriptorField.FILL_DST.word(), 0), DeviceOptions.defaults().withDramBytes(chip.dramBytes()).withMonitor(false));
        DeviceMemory m = dev.alloc(16);
        assertThatThrownBy(() -> dev.fill(m, 0, 16, 1)).isInstanceOf(BadAddressException.class);
    }

    /** A bus that sets byte 0 of word {@code word} of every descriptor written into the ring to {@code value} (a fault below the driver). */
    private Backend corrupting(int word, int value) {
        return new ForwardingBackend(chip) {
            @Override
            public void hostWrite(int address, byte[] data, int offset, int length) {
                if (length == DeviceTable.DESCRIPTOR_BYTES && address - Memory.BASE < DeviceOptions.DEFAULT_RING_ENTRIES * DeviceTable.DESCRIPTOR_BYTES) {
                    byte[] d = Arrays.copyOfRange(data, offset, offset + length);
                    d[4 * word] = (byte) value;
                    if (value == 0) Arrays.fill(d, 4 * word, 4 * word + 4, (byte) 0);
                    super.hostWrite(address, d, 0, d.length);
                } else {
                    super.hostWrite(address, data, offset, length);
                }
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void theMonitorSeesTheDriversTraffic() {
        BusMonitor m = dev.monitor().orElseThrow();
        dev.nop();
        assertThat(m.violations()).isEmpty();
    }
}
