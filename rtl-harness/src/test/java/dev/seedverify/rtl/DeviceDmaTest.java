package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.device.Opcode;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.seedverify.rtl.CommandChip.BASE;
import static dev.seedverify.rtl.CommandChip.COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * COPY, FILL and NOP on the RTL device (spec §4.2): memmove semantics, the FILL byte rule, the DMA
 * write event before the completion, every byte outside the range untouched. Expected memory comes
 * from a byte-array model of the rules, over a region of DRAM read back through the host port.
 */
class DeviceDmaTest {
    /** The region the DMA tests work in (DATA .. DATA + REGION), filled with a pattern first. */
    private static final int REGION = 0x4000;
    private static final int DATA = CommandChip.DATA;

    private static byte[] pattern(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** memmove on the model: as through a temporary buffer. */
    private static void copy(byte[] mem, int src, int dst, int len) {
        System.arraycopy(mem.clone(), src, mem, dst, len);
    }

    /** FILL on the model: byte a gets pattern byte a mod 4 (a is the DRAM address; DATA is word aligned). */
    private static void fill(byte[] mem, int dst, int len, int pattern) {
        for (int i = 0; i < len; i++) mem[dst + i] = (byte) (pattern >>> (8 * ((DATA + dst + i) & 3)));
    }

    private static CommandChip chip(byte[] mem) {
        CommandChip c = new CommandChip().ring(8);
        c.sim.hostWrite(DATA, mem);
        return c;
    }

    private static void assertCopy(int src, int dst, int len) {
        byte[] mem = pattern(REGION, 31L * src + dst + 7L * len);
        try (CommandChip c = chip(mem)) {
            Completion done = c.execute(Descriptor.copy(4, DATA + src, DATA + dst, len, COMPLETIONS));
            assertThat(done).isEqualTo(Completion.of(CompletionStatus.OK, 4, 0, 0, 0));
            copy(mem, src, dst, len);
            assertThat(c.sim.hostRead(DATA, REGION)).as("COPY src +%d dst +%d len %d", src, dst, len).isEqualTo(mem);
        }
    }

    @Test
    void copyMovesDisjointRangesOfEveryAlignment() {
        for (int s = 0; s < 4; s++) {
            for (int d = 0; d < 4; d++) {
                for (int len : new int[] {1, 3, 4, 5, 31, 32, 33, 100}) assertCopy(0x100 + s, 0x800 + d, len);
            }
        }
    }

    @Test
    void copyWithTheDestinationBelowAnOverlappingSourceIsMemmove() {
        for (int delta : new int[] {1, 2, 3, 4, 5, 31, 32, 33, 64, 100}) assertCopy(0x400 + delta, 0x400, 300);
    }

    @Test
    void copyWithTheDestinationAboveAnOverlappingSourceIsMemmove() {
        for (int delta : new int[] {1, 2, 3, 4, 5, 31, 32, 33, 64, 100}) assertCopy(0x400, 0x400 + delta, 300);
        assertCopy(0x401, 0x403, 2);
    }

    @Test
    void copyOntoItselfChangesNothing() {
        assertCopy(0x123, 0x123, 500);
    }

    @Test
    void copyReachesTheFirstAndLastBytesOfDram() {
        try (CommandChip c = new CommandChip().ring(4)) {
            int end = BASE + c.sim.dramBytes();
            byte[] src = pattern(70, 3);
            c.sim.hostWrite(DATA, src);
            c.execute(Descriptor.copy(1, DATA, end - 70, 70, COMPLETIONS));
            assertThat(c.sim.hostRead(end - 70, 70)).isEqualTo(src);
            c.execute(Descriptor.copy(1, end - 67, BASE, 67, COMPLETIONS));
            assertThat(c.sim.hostRead(BASE, 67)).isEqualTo(java.util.Arrays.copyOfRange(src, 3, 70));
            assertThat(c.sim.hostRead(BASE + 67, 1)).containsExactly(0);
        }
    }

    @Test
    void fillWritesThePatternByteOfEachAddressModFour() {
        for (int d = 0; d < 4; d++) {
            for (int len : new int[] {1, 2, 3, 4, 7, 32, 33, 65, 257}) {
                byte[] mem = pattern(REGION, 17L * d + len);
                try (CommandChip c = chip(mem)) {
                    assertThat(c.execute(Descriptor.fill(2, DATA + 0x200 + d, len, 0xA1B2C3D4, COMPLETIONS)).statusEnum())
                            .isEqualTo(CompletionStatus.OK);
                    fill(mem, 0x200 + d, len, 0xA1B2C3D4);
                    assertThat(c.sim.hostRead(DATA, REGION)).as("FILL +%d len %d", d, len).isEqualTo(mem);
                }
            }
        }
    }

    @Test
    void randomCopiesAndFillsMatchTheByteModel() {
        Random rnd = new Random(20240917);
        byte[] mem = pattern(REGION, 99);
        try (CommandChip c = chip(mem)) {
            for (int k = 0; k < 150; k++) {
                int len = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 1500);
                int dst = rnd.nextInt(REGION - len + 1);
                if (rnd.nextBoolean()) {
                    int src = rnd.nextBoolean() ? rnd.nextInt(REGION - len + 1)
                            : Math.max(0, Math.min(REGION - len, dst + rnd.nextInt(81) - 40));
                    assertThat(c.execute(Descriptor.copy(k, DATA + src, DATA + dst, len, COMPLETIONS)).statusEnum()).isEqualTo(CompletionStatus.OK);
                    copy(mem, src, dst, len);
                } else {
                    int p = rnd.nextInt();
                    assertThat(c.execute(Descriptor.fill(k, DATA + dst, len, p, COMPLETIONS)).statusEnum()).isEqualTo(CompletionStatus.OK);
                    fill(mem, dst, len, p);
                }
                assertThat(c.sim.hostRead(DATA, REGION)).as("after command %d", k).isEqualTo(mem);
            }
        }
    }

    @Test
    void copyReportsItsDmaWriteBeforeItsCompletion() {
        try (CommandChip c = new CommandChip().ring(4)) {
            c.execute(Descriptor.nop(1, COMPLETIONS));
            int first = c.log.size();
            int index = c.submit(Descriptor.copy(6, DATA + 1, DATA + 0x102, 77, COMPLETIONS));
            c.runToCompletion();
            assertThat(c.log.size() - first).isEqualTo(2);
            int e = first;
            assertThat(c.log.flags(e)).isEqualTo(CommitLog.FLAG_EVENT);
            assertThat(c.log.field(e, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.DMA_WRITE.code());
            assertThat(c.log.field(e, CommitLog.EV_INDEX)).isEqualTo(index);
            assertThat(c.log.field(e, CommitLog.EV_ADDR)).isEqualTo(DATA + 0x102);
            assertThat(c.log.field(e, CommitLog.EV_ARG)).isEqualTo(77);
            assertThat(c.log.field(e, CommitLog.EV_W0)).isEqualTo(Opcode.COPY.code());
            assertThat(c.log.field(e, CommitLog.EV_W1)).isEqualTo(DATA + 1);
            assertThat(c.log.field(e, CommitLog.EV_W2)).isZero();
            assertThat(c.log.field(e, CommitLog.EV_W3)).isZero();
            assertThat(c.log.order(e)).isZero();
            assertThat(c.log.field(e + 1, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.COMPLETION.code());
            assertThat(c.log.field(e + 1, CommitLog.EV_INDEX)).isEqualTo(index);
        }
    }

    @Test
    void fillReportsItsPatternInItsDmaWrite() {
        try (CommandChip c = new CommandChip().ring(4)) {
            c.submit(Descriptor.fill(6, DATA + 3, 9, 0x01020304, COMPLETIONS));
            c.runToCompletion();
            assertThat(c.log.size()).isEqualTo(2);
            assertThat(c.log.field(0, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.DMA_WRITE.code());
            assertThat(c.log.field(0, CommitLog.EV_ADDR)).isEqualTo(DATA + 3);
            assertThat(c.log.field(0, CommitLog.EV_ARG)).isEqualTo(9);
            assertThat(c.log.field(0, CommitLog.EV_W0)).isEqualTo(Opcode.FILL.code());
            assertThat(c.log.field(0, CommitLog.EV_W1)).isEqualTo(0x01020304);
        }
    }

    @Test
    void nopCompletesOkWithOnlyItsCompletionEvent() {
        try (CommandChip c = new CommandChip().ring(4)) {
            assertThat(c.execute(Descriptor.nop(0x77, COMPLETIONS))).isEqualTo(Completion.of(CompletionStatus.OK, 0x77, 0, 0, 0));
            assertThat(c.log.size()).isEqualTo(1);
            assertThat(c.log.field(0, CommitLog.EV_KIND)).isEqualTo(DeviceEvent.COMPLETION.code());
        }
    }

    @Test
    void hostAccessesInTheMiddleOfADmaDoNotDisturbIt() {
        for (boolean backward : new boolean[] {false, true}) {
            byte[] mem = pattern(REGION, backward ? 1 : 2);
            byte[] other = pattern(64, 3);
            try (CommandChip c = chip(mem)) {
                int src = backward ? 0x100 : 0x903, dst = backward ? 0x903 : 0x100, len = 0x1800;
                c.submit(Descriptor.copy(1, DATA + src, DATA + dst, len, COMPLETIONS));
                // a few cycles at a time, a host read and a host write of another region in between
                int steps = 0;
                RunResult r;
                do {
                    assertThat(c.sim.hostRead(CommandChip.KERNEL, 64)).hasSize(64);
                    c.sim.hostWrite(CommandChip.KERNEL + (steps % 16), other, 0, 16);
                    r = c.sim.run(1 + steps % 3, 100, c.log);
                    steps++;
                } while (r.status() != RunResult.Status.COMPLETED);
                assertThat(steps).as("interleaved steps").isGreaterThan(5);
                copy(mem, src, dst, len);
                assertThat(c.sim.hostRead(DATA, REGION)).as(backward ? "backward" : "forward").isEqualTo(mem);
            }
        }
    }

    @Test
    void aLongDmaIsNotAHang() {
        try (CommandChip c = new CommandChip().ring(4)) {
            c.sim.setHangBudget(20);
            RunResult r;
            c.submit(Descriptor.copy(1, BASE, BASE + 0x40001, 0x3FFFF, COMPLETIONS));
            r = c.runToCompletion();
            assertThat(r.cycles()).as("2 cycles per 32 bytes").isGreaterThan(16_000);
            c.submit(Descriptor.fill(2, BASE + 0x80000, 0x40000, 7, COMPLETIONS));
            assertThat(c.runToCompletion().cycles()).isGreaterThan(8_000);
            assertThat(c.completionAt(COMPLETIONS).statusEnum()).isEqualTo(CompletionStatus.OK);
        }
    }
}
