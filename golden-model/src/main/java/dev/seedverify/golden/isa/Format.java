package dev.seedverify.golden.isa;

import java.util.List;

/**
 * Instruction formats: which fields carry operands, in encoder order, and the default assembly
 * syntax. Every bit outside the operand fields is fixed by the instruction's match value.
 */
public enum Format {
    R("rd, rs1, rs2", gpr("rd", Field.RD), gpr("rs1", Field.RS1), gpr("rs2", Field.RS2)),
    I("rd, rs1, imm", gpr("rd", Field.RD), gpr("rs1", Field.RS1), new Operand("imm", Field.IMM_I, OperandKind.SIMM)),
    SHIFT("rd, rs1, shamt", gpr("rd", Field.RD), gpr("rs1", Field.RS1), new Operand("shamt", Field.SHAMT, OperandKind.UIMM)),
    S("rs2, imm(rs1)", gpr("rs2", Field.RS2), new Operand("imm", Field.IMM_S, OperandKind.SIMM), gpr("rs1", Field.RS1)),
    B("rs1, rs2, offset", gpr("rs1", Field.RS1), gpr("rs2", Field.RS2), new Operand("offset", Field.IMM_B, OperandKind.PC_OFFSET)),
    U("rd, imm", gpr("rd", Field.RD), new Operand("imm", Field.IMM_U, OperandKind.UIMM)),
    J("rd, offset", gpr("rd", Field.RD), new Operand("offset", Field.IMM_J, OperandKind.PC_OFFSET)),
    CSR("rd, csr, rs1", gpr("rd", Field.RD), new Operand("csr", Field.CSR, OperandKind.CSR), gpr("rs1", Field.RS1)),
    CSR_IMM("rd, csr, zimm", gpr("rd", Field.RD), new Operand("csr", Field.CSR, OperandKind.CSR), new Operand("zimm", Field.ZIMM, OperandKind.UIMM)),
    /**
     * fence: the sets as GNU as writes them, then the fields RV32I ignores from the high bits down.
     * objdump's spellings ({@code fence}, {@code fence rw,rw}, {@code fence.tso}) are aliases.
     */
    FENCE("pred, succ, fm, rs1, rd", new Operand("pred", Field.PRED, OperandKind.FENCE_SET),
            new Operand("succ", Field.SUCC, OperandKind.FENCE_SET), unused("fm", Field.FM), unused("rs1", Field.RS1),
            unused("rd", Field.RD)),
    /** fence.i: the fields Zifencei ignores, from the high bits down ({@code fence.i} itself is an alias). */
    FENCE_I("imm, rs1, rd", unused("imm", Field.IMM_I_UNSIGNED), unused("rs1", Field.RS1), unused("rd", Field.RD)),
    /** Fully fixed word: ecall, ebreak, mret, wfi. */
    NONE(""),
    /** tld/tst/tstn: tile in rd, base and stride registers. */
    TILE_MEMORY("md, (rs1), rs2", tile("md", Field.RD), gpr("rs1", Field.RS1), gpr("rs2", Field.RS2)),
    /** tzero: rs1 = rs2 = 0. */
    TILE_D("md", tile("md", Field.RD)),
    /** Unary tile ops: rs2 = 0. */
    TILE_DA("md, ma", tile("md", Field.RD), tile("ma", Field.RS1)),
    TILE_DAB("md, ma, mb", tile("md", Field.RD), tile("ma", Field.RS1), tile("mb", Field.RS2)),
    /** tget rd, mA, rs2. */
    TILE_GET("rd, ma, rs2", gpr("rd", Field.RD), tile("ma", Field.RS1), gpr("rs2", Field.RS2)),
    /** tput mD, rs1, rs2. */
    TILE_PUT("md, rs1, rs2", tile("md", Field.RD), gpr("rs1", Field.RS1), gpr("rs2", Field.RS2));

    private final String syntax;
    private final List<Operand> operands;
    private final int operandBits;

    Format(String syntax, Operand... operands) {
        this.syntax = syntax;
        this.operands = List.of(operands);
        int bits = 0;
        for (Operand o : operands) bits |= o.field().bits();
        this.operandBits = bits;
    }

    /** Default syntax template: operand names separated by punctuation. */
    public String syntax() { return syntax; }

    /** Operands in encoder order. */
    public List<Operand> operands() { return operands; }

    /** Union of the operand fields' bits; everything else is fixed. */
    public int operandBits() { return operandBits; }

    private static Operand gpr(String name, Field f) { return new Operand(name, f, OperandKind.GPR); }

    private static Operand tile(String name, Field f) { return new Operand(name, f, OperandKind.TILE); }

    private static Operand unused(String name, Field f) { return new Operand(name, f, OperandKind.UNUSED); }
}
