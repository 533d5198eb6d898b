package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.device.Opcode;
import dev.seedverify.golden.isa.TrapCause;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static dev.seedverify.golden.device.CompletionStatus.BAD_ADDRESS;
import static dev.seedverify.golden.device.CompletionStatus.BAD_COMMAND;
import static dev.seedverify.golden.device.CompletionStatus.OK;
import static dev.seedverify.rtl.CommandChip.BASE;
import static dev.seedverify.rtl.CommandChip.COMPLETIONS;
import static dev.seedverify.rtl.CommandChip.DATA;
import static dev.seedverify.rtl.CommandChip.KERNEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RTL device's descriptor checks in the spec's order (BAD_COMMAND, then BAD_ADDRESS) and the
 * completion address rule (spec §4.2 and the project's readings): a failed descriptor moves no
 * data, launches nothing and still completes; a bad completion address writes nothing.
 */
class DeviceDescriptorChecksTest {

    private static final int WIN = KERNEL + 0x1000;

    /** Runs {@code d} on a fresh chip with a 4-entry ring and returns its completion record. */
    private static Completion run(Descriptor d) {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            return c.execute(d);
        }
    }

    private static CompletionStatus status(Descriptor d) { return run(d).statusEnum(); }

    private static Descriptor launch(int entry, int sp, int base, int limit) {
        return Descriptor.launch(1, entry, 0, sp, base, limit, 100, COMPLETIONS);
    }

    @Test
    void unknownOpcodesAreBadCommand() {
        for (int op : new int[] {0, 5, 0x80, 0xFF}) {
            Completion done = run(Descriptor.of(DeviceTable.header(op, 0, 0x1234), 0, 0, 0, 0, 0, 0, COMPLETIONS));
            assertThat(done.statusEnum()).as("opcode %d", op).isEqualTo(BAD_COMMAND);
            assertThat(done.tag()).isEqualTo(0x1234);
            assertThat(done.result()).isZero();
            assertThat(done.retired()).isZero();
        }
    }

    @Test
    void anyFlagBitIsBadCommand() {
        for (int flags : new int[] {0x01, 0x80}) {
            assertThat(status(Descriptor.nop(1, COMPLETIONS).with(0, DeviceTable.header(Opcode.NOP.code(), flags, 1))))
                    .as("flags 0x%02x", flags).isEqualTo(BAD_COMMAND);
        }
    }

    @Test
    void aNonZeroWordTheOpcodeDoesNotUseIsBadCommand() {
        Descriptor[] valid = {
            Descriptor.nop(1, COMPLETIONS),
            Descriptor.copy(1, DATA, DATA + 0x100, 8, COMPLETIONS),
            Descriptor.fill(1, DATA, 8, 0x11223344, COMPLETIONS)
        };
        try (CommandChip c = new CommandChip()) {
            c.ring(8);
            for (Descriptor d : valid) {
                for (int w = 1; w < DeviceTable.DESC_W_COMPLETION; w++) {
                    if (d.opcode().uses(w)) continue;
                    Completion done = c.execute(d.with(w, 1 << w));
                    assertThat(done.statusEnum()).as("%s with word %d set", d.opcode(), w).isEqualTo(BAD_COMMAND);
                }
            }
            assertThat(Opcode.LAUNCH.fields()).as("LAUNCH uses every word 1..6").hasSize(6);
        }
    }

    @Test
    void badCommandIsCheckedBeforeBadAddress() {
        Descriptor outside = Descriptor.copy(1, BASE - 64, DATA, 16, COMPLETIONS);
        assertThat(status(outside)).isEqualTo(BAD_ADDRESS);
        assertThat(status(outside.with(0, DeviceTable.header(Opcode.COPY.code(), 1, 1)))).isEqualTo(BAD_COMMAND);
        assertThat(status(outside.with(5, 1))).isEqualTo(BAD_COMMAND);
    }

    @Test
    void launchWithAMisalignedEntrySpOrWindowIsBadAddress() {
        assertThat(status(launch(KERNEL + 2, 0, KERNEL, WIN))).as("entry").isEqualTo(BAD_ADDRESS);
        assertThat(status(launch(KERNEL, 1, KERNEL, WIN))).as("sp").isEqualTo(BAD_ADDRESS);
        assertThat(status(launch(KERNEL, 0, KERNEL + 1, WIN))).as("window base").isEqualTo(BAD_ADDRESS);
        assertThat(status(launch(KERNEL, 0, KERNEL, WIN - 2))).as("window limit").isEqualTo(BAD_ADDRESS);
    }

    @Test
    void launchWithAnEmptyWindowIsBadAddress() {
        assertThat(status(launch(KERNEL, 0, KERNEL, KERNEL))).as("base = limit").isEqualTo(BAD_ADDRESS);
        assertThat(status(launch(KERNEL, 0, WIN, KERNEL))).as("base > limit").isEqualTo(BAD_ADDRESS);
    }

    @Test
    void launchWithAWindowOutsideDramIsBadAddress() {
        try (CommandChip c = new CommandChip()) {
            int end = BASE + c.sim.dramBytes();
            c.ring(4);
            assertThat(c.execute(launch(KERNEL, 0, BASE - 4, WIN)).statusEnum()).as("below DRAM").isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(launch(KERNEL, 0, KERNEL, end + 4)).statusEnum()).as("past its end").isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(launch(KERNEL, 0, 0, 0x100)).statusEnum()).as("far below").isEqualTo(BAD_ADDRESS);
        }
    }

    @Test
    void launchWithTheEntryOutsideItsWindowTrapsOnTheFirstFetch() {
        Completion done = run(launch(KERNEL - 0x100, 0, KERNEL, WIN));
        assertThat(done.statusEnum()).isEqualTo(CompletionStatus.TRAP);
        assertThat(done.result()).isEqualTo(TrapCause.FETCH_ACCESS.code());
        assertThat(done.tval()).isEqualTo(KERNEL - 0x100);
        assertThat(done.retired()).isZero();
    }

    @Test
    void spIsNotCheckedAgainstTheWindow() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.kernel(KERNEL, "mv a0, sp\n ecall\n");
            Completion done = c.execute(launch(KERNEL, BASE - 0x1000, KERNEL, WIN));
            assertThat(done.statusEnum()).isEqualTo(OK);
            assertThat(done.result()).isEqualTo(BASE - 0x1000);
        }
    }

    @Test
    void copyRangesOutsideDramAreBadAddress() {
        try (CommandChip c = new CommandChip()) {
            int end = BASE + c.sim.dramBytes();
            c.ring(8);
            assertThat(c.execute(Descriptor.copy(1, BASE - 4, DATA, 8, COMPLETIONS)).statusEnum()).as("source below").isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(Descriptor.copy(1, end - 4, DATA, 8, COMPLETIONS)).statusEnum()).as("source past the end").isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(Descriptor.copy(1, DATA, end - 7, 8, COMPLETIONS)).statusEnum()).as("destination past the end").isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(Descriptor.copy(1, DATA, 0x100, 8, COMPLETIONS)).statusEnum()).as("destination below").isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(Descriptor.copy(1, DATA, DATA + 0x100, -1, COMPLETIONS)).statusEnum()).as("length 2^32 - 1").isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(Descriptor.copy(1, end - 8, DATA, 8, COMPLETIONS)).statusEnum()).as("ending at the DRAM end").isEqualTo(OK);
        }
    }

    @Test
    void fillRangesOutsideDramAreBadAddress() {
        try (CommandChip c = new CommandChip()) {
            int end = BASE + c.sim.dramBytes();
            c.ring(4);
            assertThat(c.execute(Descriptor.fill(1, BASE - 1, 4, 7, COMPLETIONS)).statusEnum()).as("below").isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(Descriptor.fill(1, end - 3, 4, 7, COMPLETIONS)).statusEnum()).as("past the end").isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(Descriptor.fill(1, end - 4, 4, 7, COMPLETIONS)).statusEnum()).as("the last word").isEqualTo(OK);
        }
    }

    @Test
    void zeroLengthIsValidAnywhereFromTheDramBaseToItsEnd() {
        try (CommandChip c = new CommandChip()) {
            int end = BASE + c.sim.dramBytes();
            c.ring(8);
            assertThat(c.execute(Descriptor.copy(1, end, BASE, 0, COMPLETIONS)).statusEnum()).isEqualTo(OK);
            assertThat(c.execute(Descriptor.fill(1, end, 0, 7, COMPLETIONS)).statusEnum()).isEqualTo(OK);
            assertThat(c.execute(Descriptor.copy(1, end + 4, BASE, 0, COMPLETIONS)).statusEnum()).isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(Descriptor.fill(1, BASE - 4, 0, 7, COMPLETIONS)).statusEnum()).isEqualTo(BAD_ADDRESS);
            // no DMA write for a zero length: every event is a completion
            for (int i = 0; i < c.log.size(); i++) {
                assertThat(c.log.field(i, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.COMPLETION.code());
            }
        }
    }

    @Test
    void aFailedDescriptorMovesNoDataAndLaunchesNothing() {
        try (CommandChip c = new CommandChip()) {
            int end = BASE + c.sim.dramBytes();
            byte[] junk = new byte[64];
            Arrays.fill(junk, (byte) 0xEE);
            c.sim.hostWrite(DATA, junk);
            c.sim.hostWrite(end - 64, junk);
            c.ring(8);
            c.kernel(KERNEL, "ecall\n");
            assertThat(c.execute(Descriptor.copy(1, BASE, end - 32, 64, COMPLETIONS)).statusEnum()).isEqualTo(BAD_ADDRESS);
            assertThat(c.execute(Descriptor.fill(1, DATA, 64, 0, COMPLETIONS).with(0, DeviceTable.header(Opcode.FILL.code(), 2, 1))).statusEnum())
                    .isEqualTo(BAD_COMMAND);
            assertThat(c.execute(Descriptor.launch(1, KERNEL, 0, 0, KERNEL, KERNEL, 10, COMPLETIONS)).statusEnum()).isEqualTo(BAD_ADDRESS);
            assertThat(c.sim.hostRead(DATA, 64)).isEqualTo(junk);
            assertThat(c.sim.hostRead(end - 64, 64)).isEqualTo(junk);
            for (int i = 0; i < c.log.size(); i++) {
                assertThat(c.log.isEvent(i)).as("record %d: no instruction executed", i).isTrue();
                assertThat(c.log.field(i, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.COMPLETION.code());
            }
        }
    }

    @Test
    void aFailedDescriptorStillCompletesWithError() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            Completion done = c.execute(Descriptor.fill(9, BASE - 16, 8, 0, COMPLETIONS));
            assertThat(done.statusEnum()).isEqualTo(BAD_ADDRESS);
            assertThat(done.tag()).isEqualTo(9);
            assertThat(c.read(MmioRegister.DONE_COUNT)).isEqualTo(1);
            assertThat(c.read(MmioRegister.CQ_HEAD)).isEqualTo(1);
            assertThat(c.read(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR);
        }
    }

    @Test
    void aBadCompletionAddressWritesNothingButTheCommandStillCompletes() {
        try (CommandChip c = new CommandChip()) {
            int end = BASE + c.sim.dramBytes();
            byte[] junk = new byte[64];
            Arrays.fill(junk, (byte) 0xEE);
            c.sim.hostWrite(COMPLETIONS, junk);
            c.sim.hostWrite(end - 64, junk);
            c.ring(8);
            int[] bad = {COMPLETIONS + 4, COMPLETIONS + 8, end - 8, end, BASE - 16};
            for (int k = 0; k < bad.length; k++) {
                c.submit(Descriptor.nop(k, bad[k]));
                c.runToCompletion();
                int e = c.last();
                assertThat(c.log.field(e, CommitLog.EV_ADDR)).isEqualTo(bad[k]);
                assertThat(c.log.field(e, CommitLog.EV_ARG)).as("written? (address 0x%08x)", bad[k]).isZero();
                assertThat(Completion.fromWords(c.log.field(e, CommitLog.EV_W0), 0, 0, 0))
                        .isEqualTo(Completion.of(OK, k, 0, 0, 0));
                assertThat(c.read(MmioRegister.DONE_COUNT)).isEqualTo(k + 1);
                assertThat(c.read(MmioRegister.CQ_HEAD)).isEqualTo(k + 1);
                assertThat(c.read(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR);
                c.write(MmioRegister.IRQ_STATUS, DeviceTable.IRQ_MASK);
            }
            assertThat(c.sim.hostRead(COMPLETIONS, 64)).isEqualTo(junk);
            assertThat(c.sim.hostRead(end - 64, 64)).isEqualTo(junk);
        }
    }

    @Test
    void aBadCompletionAddressIsIndependentOfTheCommandStatus() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            c.submit(Descriptor.of(DeviceTable.header(0x77, 0, 3), 0, 0, 0, 0, 0, 0, COMPLETIONS + 2));
            c.runToCompletion();
            int e = c.last();
            assertThat(c.log.field(e, CommitLog.EV_ARG)).isZero();
            assertThat(Completion.fromWords(c.log.field(e, CommitLog.EV_W0), 0, 0, 0).statusEnum()).isEqualTo(BAD_COMMAND);
            assertThat(c.read(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR);
        }
    }

    @Test
    void aGoodCommandWithAGoodAddressRaisesOnlyDone() {
        try (CommandChip c = new CommandChip()) {
            c.ring(4);
            Completion done = c.execute(Descriptor.nop(0xBEEF, COMPLETIONS));
            assertThat(done).isEqualTo(Completion.of(OK, 0xBEEF, 0, 0, 0));
            assertThat(c.read(MmioRegister.IRQ_STATUS)).isEqualTo(DeviceTable.IRQ_DONE);
        }
    }
}
