package dev.seedverify.kernels.abi;

/**
 * The type of one word of an argument block: every argument is one little-endian 32-bit word
 * (ILP32: pointers are device addresses). {@link #cType()} is its C declaration in
 * {@code s1_kernels.h}; {@link #elementBytes()} is the size of one element a pointer points to.
 */
public enum ArgType {
    U32("uint32_t", 0, false),
    I32("int32_t", 0, false),
    /** Read-only int8 tensor. */
    IN_I8("const int8_t *", 1, true),
    /** Read-only bytes (E4M3 codes, UE8M0 scales). */
    IN_U8("const uint8_t *", 1, true),
    /** Read-only int32 tensor (biases). */
    IN_I32("const int32_t *", 4, true),
    /** Written int8 tensor. */
    OUT_I8("int8_t *", 1, true),
    /** Written 32-bit words (binary32 bits). */
    OUT_U32("uint32_t *", 4, true);

    private final String cType;
    private final int elementBytes;
    private final boolean pointer;

    ArgType(String cType, int elementBytes, boolean pointer) {
        this.cType = cType;
        this.elementBytes = elementBytes;
        this.pointer = pointer;
    }

    public String cType() { return cType; }

    public boolean pointer() { return pointer; }

    /** Whether the kernel writes through this pointer. */
    public boolean output() { return this == OUT_I8 || this == OUT_U32; }

    /** Bytes of one element behind the pointer (0 for scalars). */
    public int elementBytes() { return elementBytes; }
}
