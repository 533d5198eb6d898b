package dev.seedverify.kernels.abi;

/** One word of a kernel's argument block: its C field name, type and meaning. */
public record Arg(String name, ArgType type, String meaning) {
    static Arg ptr(String name, ArgType t, String meaning) { return new Arg(name, t, meaning); }

    static Arg u32(String name, String meaning) { return new Arg(name, ArgType.U32, meaning); }

    static Arg i32(String name, String meaning) { return new Arg(name, ArgType.I32, meaning); }
}
