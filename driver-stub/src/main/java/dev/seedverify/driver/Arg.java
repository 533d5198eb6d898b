package dev.seedverify.driver;

/** One word of a kernel's argument block: a plain value, or the address of a byte of an allocation. */
public sealed interface Arg {
    record Word(int value) implements Arg {
        @Override
        public String toString() { return String.format("0x%x", value); }
    }

    record Pointer(DeviceMemory memory, int offset) implements Arg {
        @Override
        public String toString() { return memory + (offset == 0 ? "" : "+" + offset); }
    }

    static Arg word(int value) { return new Word(value); }

    static Arg ptr(DeviceMemory memory) { return new Pointer(memory, 0); }

    static Arg ptr(DeviceMemory memory, int offset) { return new Pointer(memory, offset); }
}
