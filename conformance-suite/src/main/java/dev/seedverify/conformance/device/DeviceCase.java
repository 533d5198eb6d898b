package dev.seedverify.conformance.device;

import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.device.Opcode;
import dev.seedverify.golden.exec.Memory;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated device scenario: a ring of {@code ringEntries} entries at {@code ringBase}, the
 * IRQ_ENABLE value, and a stream of commands (valid and invalid descriptors, LAUNCH kernels) that
 * the host submits in order, waiting for the device whenever the ring is full (so a stream longer
 * than the ring wraps around) or a command asks for it. {@link #script()} renders it into the
 * host actions that reproduce it; the shrinker edits this structure, not the text.
 */
public record DeviceCase(long seed, int ringEntries, int ringBase, int irqEnable, List<Command> commands) {
    /** Where the layout puts things (all inside the RTL's 1 MiB of DRAM). */
    public static final int BASE = Memory.BASE;
    public static final int RING_AREA = BASE, COMPLETIONS = BASE + 0x2000, KERNELS = BASE + 0x1_0000, DATA = BASE + 0x4_0000;
    /** Each LAUNCH gets a window of this size (code in the lower half, data in the upper half). */
    public static final int WINDOW = 0x800;
    /** Bytes of DATA the host fills with a known pattern before the commands (COPY sources). */
    public static final int DATA_PRELOAD = 512;

    /**
     * One command: its descriptor, the kernel a LAUNCH runs (assembled at {@code kernelAddress},
     * empty for other commands), and whether the host then waits for the device, reads IRQ_STATUS
     * and writes {@code irqAck} to it (W1C).
     */
    public record Command(Descriptor descriptor, int kernelAddress, List<String> kernel, boolean waitAfter, int irqAck) {
        public Command {
            kernel = List.copyOf(kernel);
        }

        public Command withKernel(List<String> k) { return new Command(descriptor, kernelAddress, k, waitAfter, irqAck); }

        public Command withWaitAfter(boolean w) { return new Command(descriptor, kernelAddress, kernel, w, irqAck); }
    }

    public DeviceCase {
        if (Integer.bitCount(ringEntries) != 1 || ringEntries < 2) {
            throw new IllegalArgumentException("a ring that can hold a command has a power of two >= 2 entries, not " + ringEntries);
        }
        commands = List.copyOf(commands);
    }

    public DeviceCase withCommands(List<Command> c) { return new DeviceCase(seed, ringEntries, ringBase, irqEnable, c); }

    public DeviceCase withRing(int entries) { return new DeviceCase(seed, entries, ringBase, irqEnable, commands); }

    public DeviceCase withIrqEnable(int e) { return new DeviceCase(seed, ringEntries, ringBase, e, commands); }

    /** Kernel instructions over all commands. */
    public int instructions() { return commands.stream().mapToInt(c -> c.kernel().size()).sum(); }

    /** The host actions of this scenario. */
    public HostScript script() {
        List<HostAction> a = new ArrayList<>();
        a.add(new HostAction.Reset());
        if (commands.stream().anyMatch(c -> c.descriptor().opcode() == Opcode.COPY)) {
            byte[] preload = new byte[DATA_PRELOAD];
            for (int i = 0; i < preload.length; i++) preload[i] = (byte) (0x11 * (i & 0xF) + (i >>> 4));
            a.add(new HostAction.HostWrite(DATA, preload));
        }
        if (irqEnable != 0) a.add(new HostAction.MmioWrite(MmioRegister.IRQ_ENABLE, irqEnable));
        a.add(new HostAction.MmioWrite(MmioRegister.CQ_BASE, ringBase));
        a.add(new HostAction.MmioWrite(MmioRegister.CQ_ENTRIES, ringEntries));
        int tail = 0, pending = 0;
        for (Command c : commands) {
            if (pending == ringEntries - 1) { // full: one slot always stays free (HEAD == TAIL means empty)
                a.add(new HostAction.Run());
                pending = 0;
            }
            if (!c.kernel().isEmpty()) a.add(new HostAction.Kernel(c.kernelAddress(), c.kernel()));
            a.add(new HostAction.WriteDescriptor(ringBase + DeviceTable.DESCRIPTOR_BYTES * tail, c.descriptor()));
            tail = (tail + 1) % ringEntries;
            pending++;
            a.add(new HostAction.MmioWrite(MmioRegister.CQ_TAIL, tail));
            if (c.waitAfter()) {
                a.add(new HostAction.Run());
                pending = 0;
                a.add(new HostAction.MmioRead(MmioRegister.IRQ_STATUS));
                a.add(new HostAction.MmioWrite(MmioRegister.IRQ_STATUS, c.irqAck()));
            }
        }
        // Nothing to read at the end: a lockstep pair compares DRAM, every register and irq whenever both go idle.
        a.add(new HostAction.Run());
        return new HostScript(a);
    }
}
