package dev.seedverify.conformance.device;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Lockstep;
import dev.seedverify.cosim.LockstepResult;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Directed device scenarios (spec §4) in lockstep: the host side (MMIO registers, the command ring,
 * descriptors, the host memory port) drives the golden device and a DUT the same way; their
 * records (the kernels' instructions and the device's events) are compared one by one, then every
 * MMIO register, the irq line, the completion records and the DMA destinations. The commands cover
 * every opcode and status: LAUNCH ending OK, in a TRAP and at its budget (WATCHDOG), an overlapping
 * COPY, an unaligned FILL, NOP, a bad opcode, a misaligned LAUNCH (BAD_ADDRESS), a misconfigured
 * ring (QERR) and write-1-to-clear of IRQ_STATUS.
 */
public final class DirectedDeviceScenarios {
    static final int BASE = Memory.BASE;
    static final int RING = BASE + 0x400;
    static final int COMPLETIONS = BASE + 0x800;
    static final int KERNELS = BASE + 0x1000;
    static final int WINDOW_BYTES = 0x1000;
    static final int DATA = BASE + 0x8000;
    static final int FILLED = BASE + 0x9000;
    /** Records per scenario before it counts as hung. */
    static final long BUDGET = 100_000;

    /** A kernel source, its entry offset in its window. */
    static final String OK_KERNEL = """
            _start: mv      t0, a0
                    li      t1, 0
                    li      t2, 10
            loop:   add     t1, t1, t0
                    addi    t2, t2, -1
                    bnez    t2, loop
                    la      t3, buf
                    sw      t1, 0(t3)
                    lw      a0, 0(t3)
                    mul     a0, a0, t0
                    csrr    t4, minstret
                    ecall
                    .balign 16
            buf:    .word   0
            """;
    static final String TRAP_KERNEL = """
            _start: addi    a0, a0, 1
                    lw      a1, 0x7f4(zero)
                    ecall
            """;
    static final String SPIN_KERNEL = """
            _start: addi    a0, a0, 1
                    j       _start
            """;

    /** One scenario: a name and what it does on one backend (the same calls on both). */
    public record Scenario(String name, java.util.function.Consumer<Backend> host) {}

    private DirectedDeviceScenarios() {}

    /** The scenarios. */
    public static List<Scenario> scenarios() {
        return List.of(new Scenario("every opcode and status", DirectedDeviceScenarios::everyOpcode),
                new Scenario("misconfigured ring, then a good one", DirectedDeviceScenarios::misconfiguredRing));
    }

    /**
     * Runs {@code s} on both backends (each reset into command mode first); null when they agree,
     * else what differs first.
     */
    public static String run(Backend reference, Backend dut, Scenario s) {
        reference.resetCommand();
        dut.resetCommand();
        s.host().accept(reference);
        s.host().accept(dut);
        Lockstep lockstep = new Lockstep(reference, dut, 512);
        long records = 0;
        // The comparator asks the reference only for as many records as the DUT gave: a DUT idle from
        // the start of a call gives none, so the end is decided here, by the host's view of both.
        while (!(idle(reference) && idle(dut))) {
            LockstepResult r = lockstep.run(BUDGET - records);
            if (r.diverged()) return r.divergence().toString();
            records += r.records();
            if (r.outcome() != LockstepResult.Outcome.COMPLETED && r.outcome() != LockstepResult.Outcome.IDLE) return "no idle device after " + records + " records (" + r.outcome() + ")";
        }
        for (MmioRegister reg : MmioRegister.values()) {
            int g = reference.mmioRead(reg.offset()), d = dut.mmioRead(reg.offset());
            if (g != d) return String.format("MMIO %s: golden 0x%08x, DUT 0x%08x", reg, g, d);
        }
        if (reference.irq() != dut.irq()) return "irq: golden " + reference.irq() + ", DUT " + dut.irq();
        for (int[] region : new int[][] {{COMPLETIONS, 16 * DeviceTable.COMPLETION_BYTES}, {DATA, 256}, {FILLED, 128}, {KERNELS, 3 * WINDOW_BYTES}}) {
            byte[] g = reference.hostRead(region[0], region[1]), d = dut.hostRead(region[0], region[1]);
            if (!Arrays.equals(g, d)) {
                int i = Arrays.mismatch(g, d);
                return String.format("DRAM 0x%08x: golden 0x%02x, DUT 0x%02x", region[0] + i, g[i] & 0xFF, d[i] & 0xFF);
            }
        }
        // write-1-to-clear of one bit, then the registers again
        reference.mmioWrite(MmioRegister.IRQ_STATUS.offset(), DeviceTable.IRQ_DONE);
        dut.mmioWrite(MmioRegister.IRQ_STATUS.offset(), DeviceTable.IRQ_DONE);
        int g = reference.mmioRead(MmioRegister.IRQ_STATUS.offset()), d = dut.mmioRead(MmioRegister.IRQ_STATUS.offset());
        if (g != d) return String.format("IRQ_STATUS after clearing DONE: golden 0x%08x, DUT 0x%08x", g, d);
        if (reference.irq() != dut.irq()) return "irq after clearing DONE: golden " + reference.irq() + ", DUT " + dut.irq();
        return null;
    }

    /** Nothing in flight and nothing to consume, as the host sees it (STATUS, CQ_HEAD, CQ_TAIL). */
    private static boolean idle(Backend b) {
        int status = b.mmioRead(MmioRegister.STATUS.offset());
        return (status & DeviceTable.STATUS_BUSY) == 0 && ((status & DeviceTable.STATUS_QERR) != 0
                || b.mmioRead(MmioRegister.CQ_HEAD.offset()) == b.mmioRead(MmioRegister.CQ_TAIL.offset()));
    }

    private static int kernel(Backend b, int index, String source) {
        int base = KERNELS + index * WINDOW_BYTES;
        ElfImage image = Assembler.assemble(source, "kernel" + index, base);
        for (ElfImage.LoadSegment seg : image.segments()) b.hostWrite(seg.address(), seg.data(), 0, seg.data().length);
        return base;
    }

    private static Descriptor launch(int tag, int base, int a0, int budget) {
        return Descriptor.launch(tag, base, a0, base + WINDOW_BYTES, base, base + WINDOW_BYTES, budget, completion(tag));
    }

    private static int completion(int tag) { return COMPLETIONS + tag * DeviceTable.COMPLETION_BYTES; }

    private static void ring(Backend b, List<Descriptor> commands, int entries) {
        byte[] bytes = new byte[commands.size() * DeviceTable.DESCRIPTOR_BYTES];
        for (int i = 0; i < commands.size(); i++) {
            int[] w = commands.get(i).words();
            for (int k = 0; k < w.length; k++) {
                for (int j = 0; j < 4; j++) bytes[i * DeviceTable.DESCRIPTOR_BYTES + 4 * k + j] = (byte) (w[k] >>> 8 * j);
            }
        }
        b.hostWrite(RING, bytes, 0, bytes.length);
        b.mmioWrite(MmioRegister.CQ_BASE.offset(), RING);
        b.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), entries);
        b.mmioWrite(MmioRegister.IRQ_ENABLE.offset(), DeviceTable.IRQ_DONE | DeviceTable.IRQ_ERROR);
    }

    private static void everyOpcode(Backend b) {
        int ok = kernel(b, 0, OK_KERNEL), trap = kernel(b, 1, TRAP_KERNEL), spin = kernel(b, 2, SPIN_KERNEL);
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 37 + 11);
        b.hostWrite(DATA, data, 0, data.length);
        List<Descriptor> c = new ArrayList<>();
        c.add(launch(0, ok, 3, 0));
        c.add(launch(1, trap, 7, 0));
        c.add(launch(2, spin, 0, 100));
        c.add(Descriptor.copy(3, DATA, DATA + 5, 70, completion(3)));
        c.add(Descriptor.fill(4, FILLED + 3, 45, 0xA1B2C3D4, completion(4)));
        c.add(Descriptor.nop(5, completion(5)));
        c.add(Descriptor.of(DeviceTable.header(9, 0, 6), 0, 0, 0, 0, 0, 0, completion(6)));
        c.add(Descriptor.launch(7, ok + 2, 0, ok + WINDOW_BYTES, ok, ok + WINDOW_BYTES, 0, completion(7)));
        ring(b, c, 16);
        // One doorbell: a second one while the first commands run would depend on the DUT's timing.
        b.mmioWrite(MmioRegister.CQ_TAIL.offset(), c.size());
    }

    private static void misconfiguredRing(Backend b) {
        int ok = kernel(b, 0, OK_KERNEL);
        List<Descriptor> c = List.of(launch(0, ok, 5, 0), Descriptor.nop(1, completion(1) + 4 /* misaligned: no record */));
        ring(b, c, 3); // not a power of two: QERR, nothing runs
        b.mmioWrite(MmioRegister.CQ_TAIL.offset(), 2);
        b.mmioWrite(MmioRegister.CQ_ENTRIES.offset(), 4);
        b.mmioWrite(MmioRegister.CQ_TAIL.offset(), 2);
    }

    /** A completion record as the host reads it (reports). */
    static Completion completionOf(Backend b, int tag) { return Completion.fromBytes(b.hostRead(completion(tag), DeviceTable.COMPLETION_BYTES), 0); }
}
