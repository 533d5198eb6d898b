package dev.seedverify.golden.isa;

/** What an operand names: this decides its legal values and how it is written in assembly. */
public enum OperandKind {
    /** x0..x31, written with ABI names. */
    GPR,
    /** m0..m7; values 8..31 in the field are illegal encodings. */
    TILE,
    /** A CSR number that must exist in {@link Csr}. */
    CSR,
    /** A signed immediate (I and S formats). */
    SIMM,
    /** An unsigned immediate (shift amounts, zimm, the 20-bit U field). */
    UIMM,
    /** A pc-relative branch or jump offset; written as a target in assembly. */
    PC_OFFSET,
    /** A fence set (i, o, r, w). */
    FENCE_SET,
    /**
     * A field the instruction ignores (the fences' fm, rs1, rd and imm; spec §1, v1.2): every value
     * is legal and executes alike. It is an operand so that decode and encode lose no bit; written
     * as an unsigned hex number.
     */
    UNUSED
}
