package dev.seedverify.driver;

import java.util.Objects;

/** A command for the queue (spec §4.2), in terms of allocations; the driver turns it into a descriptor. */
public sealed interface Command {
    record LaunchKernel(Launch launch) implements Command {
        @Override
        public String toString() { return launch.toString(); }
    }

    /** memmove of {@code length} bytes from {@code src + srcOffset} to {@code dst + dstOffset}. */
    record Copy(DeviceMemory dst, int dstOffset, DeviceMemory src, int srcOffset, int length) implements Command {
        @Override
        public String toString() { return String.format("COPY %d bytes %s+%d -> %s+%d", length, src, srcOffset, dst, dstOffset); }
    }

    /** Fills {@code length} bytes at {@code dst + offset}; the byte at address a gets pattern byte a mod 4. */
    record Fill(DeviceMemory dst, int offset, int length, int pattern) implements Command {
        @Override
        public String toString() { return String.format("FILL %d bytes %s+%d with 0x%08x", length, dst, offset, pattern); }
    }

    record Nop() implements Command {
        @Override
        public String toString() { return "NOP"; }
    }

    static Command launch(Launch launch) { return new LaunchKernel(Objects.requireNonNull(launch, "launch")); }

    static Command copy(DeviceMemory dst, int dstOffset, DeviceMemory src, int srcOffset, int length) {
        return new Copy(dst, dstOffset, src, srcOffset, length);
    }

    static Command fill(DeviceMemory dst, int offset, int length, int pattern) { return new Fill(dst, offset, length, pattern); }

    static Command nop() { return new Nop(); }
}
