package dev.seedverify.golden.isa;

import java.util.List;

/**
 * The ISA table: every instruction of the S1 (spec §1, §2.2) with its fixed bits, format,
 * operands and syntax. Decoder, encoder, disassembler, assembler, generators, coverage and the
 * generated RTL package are all derived from this table.
 */
public enum Instruction {
    // RV32I
    LUI("lui", Extension.RV32I, Category.UPPER, Format.U, op(0b0110111)),
    AUIPC("auipc", Extension.RV32I, Category.UPPER, Format.U, op(0b0010111)),
    JAL("jal", Extension.RV32I, Category.JUMP, Format.J, op(0b1101111)),
    JALR("jalr", Extension.RV32I, Category.JUMP, Format.I, "rd, imm(rs1)", op(0b1100111, 0)),
    BEQ("beq", Extension.RV32I, Category.BRANCH, Format.B, op(0b1100011, 0)),
    BNE("bne", Extension.RV32I, Category.BRANCH, Format.B, op(0b1100011, 1)),
    BLT("blt", Extension.RV32I, Category.BRANCH, Format.B, op(0b1100011, 4)),
    BGE("bge", Extension.RV32I, Category.BRANCH, Format.B, op(0b1100011, 5)),
    BLTU("bltu", Extension.RV32I, Category.BRANCH, Format.B, op(0b1100011, 6)),
    BGEU("bgeu", Extension.RV32I, Category.BRANCH, Format.B, op(0b1100011, 7)),
    LB("lb", Extension.RV32I, Category.LOAD, Format.I, "rd, imm(rs1)", op(0b0000011, 0)),
    LH("lh", Extension.RV32I, Category.LOAD, Format.I, "rd, imm(rs1)", op(0b0000011, 1)),
    LW("lw", Extension.RV32I, Category.LOAD, Format.I, "rd, imm(rs1)", op(0b0000011, 2)),
    LBU("lbu", Extension.RV32I, Category.LOAD, Format.I, "rd, imm(rs1)", op(0b0000011, 4)),
    LHU("lhu", Extension.RV32I, Category.LOAD, Format.I, "rd, imm(rs1)", op(0b0000011, 5)),
    SB("sb", Extension.RV32I, Category.STORE, Format.S, op(0b0100011, 0)),
    SH("sh", Extension.RV32I, Category.STORE, Format.S, op(0b0100011, 1)),
    SW("sw", Extension.RV32I, Category.STORE, Format.S, op(0b0100011, 2)),
    ADDI("addi", Extension.RV32I, Category.ALU_IMM, Format.I, op(0b0010011, 0)),
    SLTI("slti", Extension.RV32I, Category.ALU_IMM, Format.I, op(0b0010011, 2)),
    SLTIU("sltiu", Extension.RV32I, Category.ALU_IMM, Format.I, op(0b0010011, 3)),
    XORI("xori", Extension.RV32I, Category.ALU_IMM, Format.I, op(0b0010011, 4)),
    ORI("ori", Extension.RV32I, Category.ALU_IMM, Format.I, op(0b0010011, 6)),
    ANDI("andi", Extension.RV32I, Category.ALU_IMM, Format.I, op(0b0010011, 7)),
    SLLI("slli", Extension.RV32I, Category.SHIFT_IMM, Format.SHIFT, op(0b0010011, 1, 0)),
    SRLI("srli", Extension.RV32I, Category.SHIFT_IMM, Format.SHIFT, op(0b0010011, 5, 0)),
    SRAI("srai", Extension.RV32I, Category.SHIFT_IMM, Format.SHIFT, op(0b0010011, 5, 0b0100000)),
    ADD("add", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 0, 0)),
    SUB("sub", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 0, 0b0100000)),
    SLL("sll", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 1, 0)),
    SLT("slt", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 2, 0)),
    SLTU("sltu", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 3, 0)),
    XOR("xor", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 4, 0)),
    SRL("srl", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 5, 0)),
    SRA("sra", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 5, 0b0100000)),
    OR("or", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 6, 0)),
    AND("and", Extension.RV32I, Category.ALU, Format.R, op(0b0110011, 7, 0)),
    /**
     * Every MISC-MEM word with funct3 000, whatever its fm, sets, rs1 and rd (spec §1, v1.2): fence.tso
     * (fm = 1000, pred = succ = rw) is one of them, spelled as an alias.
     */
    FENCE("fence", Extension.RV32I, Category.FENCE, Format.FENCE, op(0b0001111, 0)),
    ECALL("ecall", Extension.RV32I, Category.SYSTEM, Format.NONE, 0x00000073),
    EBREAK("ebreak", Extension.RV32I, Category.SYSTEM, Format.NONE, 0x00100073),
    // Zifencei
    /** Every MISC-MEM word with funct3 001, whatever its imm, rs1 and rd (spec §1, v1.2). */
    FENCE_I("fence.i", Extension.ZIFENCEI, Category.FENCE, Format.FENCE_I, op(0b0001111, 1)),
    // M
    MUL("mul", Extension.M, Category.MUL_DIV, Format.R, op(0b0110011, 0, 1)),
    MULH("mulh", Extension.M, Category.MUL_DIV, Format.R, op(0b0110011, 1, 1)),
    MULHSU("mulhsu", Extension.M, Category.MUL_DIV, Format.R, op(0b0110011, 2, 1)),
    MULHU("mulhu", Extension.M, Category.MUL_DIV, Format.R, op(0b0110011, 3, 1)),
    DIV("div", Extension.M, Category.MUL_DIV, Format.R, op(0b0110011, 4, 1)),
    DIVU("divu", Extension.M, Category.MUL_DIV, Format.R, op(0b0110011, 5, 1)),
    REM("rem", Extension.M, Category.MUL_DIV, Format.R, op(0b0110011, 6, 1)),
    REMU("remu", Extension.M, Category.MUL_DIV, Format.R, op(0b0110011, 7, 1)),
    // Zicsr
    CSRRW("csrrw", Extension.ZICSR, Category.CSR, Format.CSR, op(0b1110011, 1)),
    CSRRS("csrrs", Extension.ZICSR, Category.CSR, Format.CSR, op(0b1110011, 2)),
    CSRRC("csrrc", Extension.ZICSR, Category.CSR, Format.CSR, op(0b1110011, 3)),
    CSRRWI("csrrwi", Extension.ZICSR, Category.CSR, Format.CSR_IMM, op(0b1110011, 5)),
    CSRRSI("csrrsi", Extension.ZICSR, Category.CSR, Format.CSR_IMM, op(0b1110011, 6)),
    CSRRCI("csrrci", Extension.ZICSR, Category.CSR, Format.CSR_IMM, op(0b1110011, 7)),
    // Machine mode
    MRET("mret", Extension.MACHINE, Category.SYSTEM, Format.NONE, 0x30200073),
    WFI("wfi", Extension.MACHINE, Category.SYSTEM, Format.NONE, 0x10500073),
    // Xseed (custom-0), spec §2.2
    TLD("tld", Extension.XSEED, Category.TILE_LOAD, Format.TILE_MEMORY, op(Xseed.OPCODE, 0, 0)),
    TST("tst", Extension.XSEED, Category.TILE_STORE, Format.TILE_MEMORY, op(Xseed.OPCODE, 0, 1)),
    TSTN("tstn", Extension.XSEED, Category.TILE_STORE, Format.TILE_MEMORY, op(Xseed.OPCODE, 0, 2)),
    TZERO("tzero", Extension.XSEED, Category.TILE_COMPUTE, Format.TILE_D, op(Xseed.OPCODE, 1, 0)),
    TMMA_I8("tmma.i8", Extension.XSEED, Category.TILE_COMPUTE, Format.TILE_DAB, op(Xseed.OPCODE, 1, 1)),
    TMMA_E4M3("tmma.e4m3", Extension.XSEED, Category.TILE_COMPUTE, Format.TILE_DAB, op(Xseed.OPCODE, 1, 2)),
    TADD_I32("tadd.i32", Extension.XSEED, Category.TILE_COMPUTE, Format.TILE_DAB, op(Xseed.OPCODE, 1, 3)),
    TMAX_I32("tmax.i32", Extension.XSEED, Category.TILE_COMPUTE, Format.TILE_DAB, op(Xseed.OPCODE, 1, 4)),
    TRELU_I32("trelu.i32", Extension.XSEED, Category.TILE_COMPUTE, Format.TILE_DA, op(Xseed.OPCODE, 1, 5)),
    TADD_F32("tadd.f32", Extension.XSEED, Category.TILE_COMPUTE, Format.TILE_DAB, op(Xseed.OPCODE, 1, 6)),
    TQUANT_I8("tquant.i8", Extension.XSEED, Category.TILE_COMPUTE, Format.TILE_DA, op(Xseed.OPCODE, 2, 0)),
    TCVT_E4M3("tcvt.e4m3", Extension.XSEED, Category.TILE_COMPUTE, Format.TILE_DA, op(Xseed.OPCODE, 2, 1)),
    TGET("tget", Extension.XSEED, Category.TILE_MOVE, Format.TILE_GET, op(Xseed.OPCODE, 3, 0)),
    TPUT("tput", Extension.XSEED, Category.TILE_MOVE, Format.TILE_PUT, op(Xseed.OPCODE, 3, 1));

    private static final List<Instruction> ALL = List.of(values());

    private final String mnemonic;
    private final Extension extension;
    private final Category category;
    private final Format format;
    private final String syntax;
    private final int match;
    private final int mask;

    Instruction(String mnemonic, Extension extension, Category category, Format format, int match) {
        this(mnemonic, extension, category, format, format.syntax(), match);
    }

    Instruction(String mnemonic, Extension extension, Category category, Format format, String syntax, int match) {
        this.mnemonic = mnemonic;
        this.extension = extension;
        this.category = category;
        this.format = format;
        this.syntax = syntax;
        this.match = match;
        this.mask = ~format.operandBits();
        if ((match & ~mask) != 0) {
            throw new ExceptionInInitializerError(mnemonic + ": match value overlaps operand fields");
        }
    }

    /** Every instruction, in table order. */
    public static List<Instruction> all() { return ALL; }

    public String mnemonic() { return mnemonic; }

    public Extension extension() { return extension; }

    public Category category() { return category; }

    public Format format() { return format; }

    /** Assembly syntax template, e.g. {@code "rd, imm(rs1)"}. */
    public String syntax() { return syntax; }

    /** Values of the fixed bits. */
    public int match() { return match; }

    /** Which bits are fixed (the complement of the operand fields). */
    public int mask() { return mask; }

    /** Operands in encoder order. */
    public List<Operand> operands() { return format.operands(); }

    /** Whether the word's fixed bits are this instruction's (operand legality is checked separately). */
    public boolean matches(int word) { return (word & mask) == match; }

    /** Bytes one scalar access moves (loads and stores), else 0. */
    public int accessBytes() {
        return switch (this) {
            case LB, LBU, SB -> 1;
            case LH, LHU, SH -> 2;
            case LW, SW -> 4;
            default -> 0;
        };
    }

    /**
     * Whether this word writes its CSR. A write is decided by the encoding alone (RISC-V rule): csrrw
     * always writes; csrrs/csrrc write when the rs1 field is not x0, the immediate forms when zimm != 0.
     */
    public boolean writesCsr(int word) {
        return switch (this) {
            case CSRRW, CSRRWI -> true;
            case CSRRS, CSRRC -> Field.RS1.extract(word) != 0;
            case CSRRSI, CSRRCI -> Field.ZIMM.extract(word) != 0;
            default -> false;
        };
    }

    /** Whether the word reads its CSR (csrrw/csrrwi with rd = x0 do not). */
    public boolean readsCsr(int word) {
        return switch (this) {
            case CSRRW, CSRRWI -> Field.RD.extract(word) != 0;
            case CSRRS, CSRRC, CSRRSI, CSRRCI -> true;
            default -> false;
        };
    }

    /** Whether the instruction writes a tile register (its rd field names a tile). */
    public boolean writesTile() {
        return switch (this) {
            case TLD, TZERO, TMMA_I8, TMMA_E4M3, TADD_I32, TMAX_I32, TRELU_I32, TADD_F32, TQUANT_I8, TCVT_E4M3, TPUT -> true;
            default -> false;
        };
    }

    /** Whether the instruction writes integer register rd. */
    public boolean writesGpr() {
        return switch (format) {
            case R, I, SHIFT, U, J, CSR, CSR_IMM, TILE_GET -> true;
            default -> false;
        };
    }

    /** The operand value of {@code operand} in {@code word}. */
    public int operand(int word, int operandIndex) {
        return operands().get(operandIndex).field().extract(word);
    }

    /** All operand values of {@code word}, in encoder order. */
    public int[] operandValues(int word) {
        List<Operand> ops = operands();
        int[] v = new int[ops.size()];
        for (int i = 0; i < v.length; i++) v[i] = ops.get(i).field().extract(word);
        return v;
    }

    private static int op(int opcode) { return opcode; }

    private static int op(int opcode, int funct3) { return opcode | funct3 << 12; }

    private static int op(int opcode, int funct3, int funct7) { return opcode | funct3 << 12 | funct7 << 25; }

    /** Constants of the Xseed encoding space. */
    public static final class Xseed {
        /** custom-0. */
        public static final int OPCODE = 0b0001011;

        private Xseed() {}
    }
}
