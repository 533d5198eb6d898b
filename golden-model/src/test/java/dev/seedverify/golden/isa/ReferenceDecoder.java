package dev.seedverify.golden.isa;

import java.util.Map;
import java.util.Set;

/**
 * An independent decoder, written by hand from the text of the spec (§1, §1.1, §2.2, §2.3) and
 * the RISC-V unprivileged/privileged encodings, as a plain switch on opcode/funct3/funct7. It
 * deliberately uses nothing of the ISA table ({@link Instruction}, {@link Field}, {@link Csr},
 * {@link Decoder}): it exists to cross-check them. Returns the mnemonic, or null if illegal.
 */
public final class ReferenceDecoder {

    /** CSR number to read-only flag, copied from the spec's tables §1.1 and §2.3. */
    static final Map<Integer, Boolean> CSRS = Map.ofEntries(
            Map.entry(0x300, false), // mstatus
            Map.entry(0x301, true),  // misa: read-only
            Map.entry(0x304, false), // mie
            Map.entry(0x344, false), // mip
            Map.entry(0x305, false), // mtvec
            Map.entry(0x340, false), // mscratch
            Map.entry(0x341, false), // mepc
            Map.entry(0x342, false), // mcause
            Map.entry(0x343, false), // mtval
            Map.entry(0xB00, false), // mcycle
            Map.entry(0xB80, false), // mcycleh
            Map.entry(0xB02, false), // minstret
            Map.entry(0xB82, false), // minstreth
            Map.entry(0xC00, true),  // cycle
            Map.entry(0xC80, true),  // cycleh
            Map.entry(0xC02, true),  // instret
            Map.entry(0xC82, true),  // instreth
            Map.entry(0xF11, true),  // mvendorid
            Map.entry(0xF12, true),  // marchid
            Map.entry(0xF13, true),  // mimpid
            Map.entry(0xF14, true),  // mhartid
            Map.entry(0x7C0, false), Map.entry(0x7C1, false), Map.entry(0x7C2, false), Map.entry(0x7C3, false),
            Map.entry(0x7C4, false), Map.entry(0x7C5, false), Map.entry(0x7C6, false), Map.entry(0x7C7, false));

    /** The major opcodes that hold any S1 instruction. */
    static final Set<Integer> OPCODES = Set.of(0x03, 0x0B, 0x0F, 0x13, 0x17, 0x23, 0x33, 0x37, 0x63, 0x67, 0x6F, 0x73);

    private ReferenceDecoder() {}

    public static String decode(int w) {
        int opcode = w & 0x7F;
        int rd = (w >>> 7) & 0x1F;
        int funct3 = (w >>> 12) & 0x7;
        int rs1 = (w >>> 15) & 0x1F;
        int rs2 = (w >>> 20) & 0x1F;
        int funct7 = w >>> 25;
        switch (opcode) {
            case 0b0110111:
                return "lui";
            case 0b0010111:
                return "auipc";
            case 0b1101111:
                return "jal";
            case 0b1100111:
                return funct3 == 0 ? "jalr" : null;
            case 0b1100011:
                switch (funct3) {
                    case 0: return "beq";
                    case 1: return "bne";
                    case 4: return "blt";
                    case 5: return "bge";
                    case 6: return "bltu";
                    case 7: return "bgeu";
                    default: return null;
                }
            case 0b0000011:
                switch (funct3) {
                    case 0: return "lb";
                    case 1: return "lh";
                    case 2: return "lw";
                    case 4: return "lbu";
                    case 5: return "lhu";
                    default: return null;
                }
            case 0b0100011:
                switch (funct3) {
                    case 0: return "sb";
                    case 1: return "sh";
                    case 2: return "sw";
                    default: return null;
                }
            case 0b0010011:
                switch (funct3) {
                    case 0: return "addi";
                    case 2: return "slti";
                    case 3: return "sltiu";
                    case 4: return "xori";
                    case 6: return "ori";
                    case 7: return "andi";
                    case 1: return funct7 == 0 ? "slli" : null; // RV32: shamt[5] (bit 25) must be 0
                    case 5:
                        if (funct7 == 0) return "srli";
                        if (funct7 == 0b0100000) return "srai";
                        return null;
                    default: return null;
                }
            case 0b0110011:
                if (funct7 == 0) {
                    return new String[] {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"}[funct3];
                }
                if (funct7 == 1) {
                    return new String[] {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"}[funct3];
                }
                if (funct7 == 0b0100000) {
                    if (funct3 == 0) return "sub";
                    if (funct3 == 5) return "sra";
                }
                return null;
            case 0b0001111:
                // Spec §1 (v1.2): the unused fields are ignored, as RV32I and Zifencei prescribe. Any
                // fm (fence.tso's 1000 included), pred, succ, rs1 and rd is a fence; any imm, rs1 and
                // rd with funct3 001 is fence.i; other funct3 values are illegal.
                if (funct3 == 0) return "fence";
                if (funct3 == 1) return "fence.i";
                return null;
            case 0b1110011:
                if (funct3 == 0) {
                    switch (w) {
                        case 0x00000073: return "ecall";
                        case 0x00100073: return "ebreak";
                        case 0x30200073: return "mret";
                        case 0x10500073: return "wfi";
                        default: return null;
                    }
                }
                if (funct3 == 4) return null;
                Boolean readOnly = CSRS.get(w >>> 20);
                if (readOnly == null) return null;
                // Writes: csrrw/csrrwi always; csrrs/csrrc with rs1 != x0; csrrsi/csrrci with zimm != 0.
                boolean writes = funct3 == 1 || funct3 == 5 || rs1 != 0;
                if (readOnly && writes) return null;
                return new String[] {null, "csrrw", "csrrs", "csrrc", null, "csrrwi", "csrrsi", "csrrci"}[funct3];
            case 0b0001011:
                return xseed(funct3, funct7, rd, rs1, rs2);
            default:
                return null;
        }
    }

    /** Spec §2.2: tile operands must be < 8, fields marked 0 must be 0. */
    private static String xseed(int funct3, int funct7, int rd, int rs1, int rs2) {
        boolean tileRd = rd < 8;
        boolean tileRs1 = rs1 < 8;
        boolean tileRs2 = rs2 < 8;
        switch (funct3 << 7 | funct7) {
            case 0 << 7 | 0: return tileRd ? "tld" : null;
            case 0 << 7 | 1: return tileRd ? "tst" : null;
            case 0 << 7 | 2: return tileRd ? "tstn" : null;
            case 1 << 7 | 0: return tileRd && rs1 == 0 && rs2 == 0 ? "tzero" : null;
            case 1 << 7 | 1: return tileRd && tileRs1 && tileRs2 ? "tmma.i8" : null;
            case 1 << 7 | 2: return tileRd && tileRs1 && tileRs2 ? "tmma.e4m3" : null;
            case 1 << 7 | 3: return tileRd && tileRs1 && tileRs2 ? "tadd.i32" : null;
            case 1 << 7 | 4: return tileRd && tileRs1 && tileRs2 ? "tmax.i32" : null;
            case 1 << 7 | 5: return tileRd && tileRs1 && rs2 == 0 ? "trelu.i32" : null;
            case 1 << 7 | 6: return tileRd && tileRs1 && tileRs2 ? "tadd.f32" : null;
            case 2 << 7 | 0: return tileRd && tileRs1 && rs2 == 0 ? "tquant.i8" : null;
            case 2 << 7 | 1: return tileRd && tileRs1 && rs2 == 0 ? "tcvt.e4m3" : null;
            case 3 << 7 | 0: return tileRs1 ? "tget" : null;
            case 3 << 7 | 1: return tileRd ? "tput" : null;
            default: return null;
        }
    }
}
