package dev.seedverify.kernels.abi;

/**
 * The two implementations every kernel has: one that uses the Xseed tile unit, and a scalar
 * one (RV32IM only; its objects are checked to contain no Xseed instruction) that exercises the
 * compiler's ordinary code generation and is a second implementation to compare against.
 */
public enum Variant {
    XSEED(""),
    SCALAR("_scalar");

    private final String suffix;

    Variant(String suffix) { this.suffix = suffix; }

    /** Appended to the kernel name in C function and entry symbol names. */
    public String suffix() { return suffix; }
}
