package dev.seedverify.conformance.device;

import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.MmioRegister;

import java.util.HexFormat;
import java.util.List;

/**
 * One step a host takes on a chip in command mode, as a line (or, for a kernel, a block) of a
 * {@link HostScript}. Register operands are the device table's names ({@link MmioRegister}).
 */
public sealed interface HostAction {

    /** The action as script text (no trailing newline). */
    String text();

    /** Command-mode reset: DRAM zeroed, registers at their reset values. */
    record Reset() implements HostAction {
        @Override
        public String text() { return "reset"; }
    }

    record MmioWrite(MmioRegister register, int value) implements HostAction {
        @Override
        public String text() { return String.format("mmio-write %s 0x%08x", register.name(), value); }
    }

    record MmioRead(MmioRegister register) implements HostAction {
        @Override
        public String text() { return "mmio-read " + register.name(); }
    }

    /** Bytes into DRAM through the host memory port. */
    record HostWrite(int address, byte[] data) implements HostAction {
        @Override
        public String text() { return String.format("write 0x%08x %s", address, HexFormat.of().formatHex(data)); }
    }

    /** A descriptor's eight words into the ring slot at {@code address} (a host write of 32 bytes). */
    record WriteDescriptor(int address, Descriptor descriptor) implements HostAction {
        @Override
        public String text() {
            StringBuilder s = new StringBuilder(String.format("descriptor 0x%08x", address));
            for (int w : descriptor.words()) s.append(String.format(" %08x", w));
            return s.append("   # ").append(DescriptorText.describe(descriptor)).toString();
        }
    }

    record HostRead(int address, int length) implements HostAction {
        @Override
        public String text() { return String.format("read 0x%08x %d", address, length); }
    }

    /** Assembles {@code lines} at {@code address} and writes the code through the host memory port. */
    record Kernel(int address, List<String> lines) implements HostAction {
        public Kernel {
            lines = List.copyOf(lines);
        }

        @Override
        public String text() {
            StringBuilder s = new StringBuilder(String.format("kernel 0x%08x%n", address));
            for (String l : lines) s.append("    ").append(l).append('\n');
            return s.append("end").toString();
        }

        /** The assembly source of the kernel. */
        public String source() { return String.join("\n", lines) + "\n"; }
    }

    /** Runs the chip until its device is idle. */
    record Run() implements HostAction {
        @Override
        public String text() { return "run"; }
    }

    /** Runs the chip for at most {@code records} records (or to the next completion / idle). */
    record Step(int records) implements HostAction {
        @Override
        public String text() { return "step " + records; }
    }

    /** Reads the irq level. */
    record Irq() implements HostAction {
        @Override
        public String text() { return "irq"; }
    }
}
