package dev.seedverify.golden.gen;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.isa.OperandKind;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Tiles;
import dev.seedverify.golden.isa.TrapCause;
import dev.seedverify.golden.numerics.Binary32;
import dev.seedverify.golden.numerics.E4M3;
import dev.seedverify.golden.numerics.UE8M0;
import dev.seedverify.golden.numerics.XseedFlags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generates {@code seedchip_pkg.sv}: the RTL's view of the ISA table (match/mask per instruction,
 * an instruction enum), CSR numbers and access rules, trap causes and fixed CSR values. The RTL
 * build runs this so no number is copied into SystemVerilog by hand.
 */
public final class SystemVerilogPackage {
    public static final String NAME = "seedchip_pkg";

    private SystemVerilogPackage() {}

    public static String render() {
        StringBuilder s = new StringBuilder();
        s.append("// Generated from the SeedVerify golden model's ISA table by ")
                .append(SystemVerilogPackage.class.getName()).append(". Do not edit.\n");
        s.append("/* verilator lint_off UNUSEDPARAM */\n");
        s.append("package ").append(NAME).append(";\n\n");

        s.append("  // Memory map (spec §1)\n");
        s.append(String.format("  localparam logic [31:0] DRAM_BASE = 32'h%08x;%n", Memory.BASE));
        s.append(String.format("  localparam int DRAM_BYTES_DEFAULT = %d;%n%n", Memory.DEFAULT_BYTES));

        s.append("  // Instructions: (insn & MASK_x) == MATCH_x identifies x; operand legality is separate.\n");
        s.append("  typedef enum logic [6:0] {\n    I_ILLEGAL = 7'd0");
        for (Instruction i : Instruction.all()) {
            s.append(",\n    I_").append(id(i)).append(" = 7'd").append(i.ordinal() + 1);
        }
        s.append("\n  } insn_e;\n\n");
        for (Instruction i : Instruction.all()) {
            s.append(String.format("  localparam logic [31:0] MATCH_%s = 32'h%08x;%n", id(i), i.match()));
            s.append(String.format("  localparam logic [31:0] MASK_%s  = 32'h%08x;%n", id(i), i.mask()));
        }
        s.append(String.format("  localparam logic [6:0] OPCODE_XSEED = 7'b%s;%n%n",
                String.format("%7s", Integer.toBinaryString(Instruction.Xseed.OPCODE)).replace(' ', '0')));

        s.append("  // The instruction whose fixed bits match (I_ILLEGAL if none).\n");
        s.append("  function automatic insn_e match_insn(input logic [31:0] insn);\n");
        s.append("    insn_e r = I_ILLEGAL;\n");
        for (Instruction i : Instruction.all()) {
            s.append("    if ((insn & MASK_").append(id(i)).append(") == MATCH_").append(id(i))
                    .append(") r = I_").append(id(i)).append(";\n");
        }
        s.append("    return r;\n  endfunction\n\n");

        s.append("  // Which register fields name tiles (values >= TILE_COUNT there are illegal encodings).\n");
        for (Field f : new Field[] {Field.RD, Field.RS1, Field.RS2}) {
            s.append("  function automatic logic ").append(f.name().toLowerCase(Locale.ROOT)).append("_is_tile(input insn_e i);\n");
            s.append("    case (i)\n      ");
            StringBuilder ids = new StringBuilder();
            for (Instruction i : Instruction.all()) {
                for (Operand o : i.operands()) {
                    if (o.field() == f && o.kind() == OperandKind.TILE) ids.append(ids.length() == 0 ? "" : ", ").append("I_").append(id(i));
                }
            }
            s.append(ids).append(": return 1'b1;\n      default: return 1'b0;\n    endcase\n  endfunction\n");
        }
        s.append("\n  // Register-file use and tile writes of each instruction, from its operands.\n");
        function(s, "reads_rs1", i -> has(i, Field.RS1, OperandKind.GPR));
        function(s, "reads_rs2", i -> has(i, Field.RS2, OperandKind.GPR));
        function(s, "writes_gpr", Instruction::writesGpr);
        function(s, "writes_tile", Instruction::writesTile);
        s.append("\n");

        s.append("  // CSRs (spec §1.1, §2.3)\n");
        for (Csr c : Csr.values()) {
            s.append(String.format("  localparam logic [11:0] CSR_%s = 12'h%03x;%n", c.name(), c.address()));
        }
        s.append("\n  function automatic logic csr_exists(input logic [11:0] a);\n    case (a)\n      ");
        StringBuilder all = new StringBuilder(), ro = new StringBuilder();
        for (Csr c : Csr.values()) {
            all.append(all.length() == 0 ? "" : ", ").append("CSR_").append(c.name());
            if (c.readOnly()) ro.append(ro.length() == 0 ? "" : ", ").append("CSR_").append(c.name());
        }
        s.append(all).append(": return 1'b1;\n      default: return 1'b0;\n    endcase\n  endfunction\n\n");
        s.append("  function automatic logic csr_read_only(input logic [11:0] a);\n    case (a)\n      ");
        s.append(ro).append(": return 1'b1;\n      default: return 1'b0;\n    endcase\n  endfunction\n\n");
        s.append("  // Every CSR, for the harness's state backdoor (s1_csr.csr_view)\n");
        s.append(String.format("  localparam int CSR_COUNT = %d;%n", Csr.values().length));
        s.append("  localparam logic [11:0] CSR_ADDRESSES [CSR_COUNT] = '{").append(all).append("};\n\n");

        s.append(String.format("  localparam logic [31:0] MISA_VALUE = 32'h%08x;%n", Csr.MISA_VALUE));
        s.append(String.format("  localparam int MSTATUS_MIE_BIT = %d;%n", Integer.numberOfTrailingZeros(Csr.MSTATUS_MIE)));
        s.append(String.format("  localparam int MSTATUS_MPIE_BIT = %d;%n", Integer.numberOfTrailingZeros(Csr.MSTATUS_MPIE)));
        s.append(String.format("  localparam logic [31:0] MSTATUS_MPP = 32'h%08x;%n", Csr.MSTATUS_MPP));
        s.append(String.format("  localparam logic [31:0] XSSTAT_MASK = 32'h%08x;%n", Csr.XSSTAT_MASK));
        s.append(String.format("  localparam int XSQSHIFT_MIN = %d, XSQSHIFT_MAX = %d;%n", Csr.XSQSHIFT_MIN, Csr.XSQSHIFT_MAX));
        s.append(String.format("  localparam int XSQZP_MIN = %d, XSQZP_MAX = %d;%n%n", Csr.XSQZP_MIN, Csr.XSQZP_MAX));

        s.append("  // Trap causes (mcause)\n");
        for (TrapCause c : TrapCause.values()) {
            s.append(String.format("  localparam logic [31:0] CAUSE_%s = 32'd%d;%n", c.name(), c.code()));
        }

        s.append("\n  // Xseed numeric formats (spec §2.3, §2.4); flags travel as a 2-bit vector {NV, SAT}\n");
        s.append(String.format("  localparam logic [1:0] XS_SAT = 2'd%d;%n", XseedFlags.SAT));
        s.append(String.format("  localparam logic [1:0] XS_NV  = 2'd%d;%n", XseedFlags.NV));
        s.append(String.format("  localparam logic [31:0] FP32_QNAN = 32'h%08x;%n", Binary32.CANONICAL_NAN));
        s.append(String.format("  localparam logic [30:0] FP32_INF_MAG = 31'h%08x;%n", Binary32.POSITIVE_INFINITY));
        s.append(String.format("  localparam int E4M3_BIAS = %d;%n", E4M3.BIAS));
        s.append(String.format("  localparam logic [6:0] E4M3_MAX_MAG = 7'h%02x;%n", E4M3.MAX_CODE));
        s.append(String.format("  localparam logic [6:0] E4M3_NAN_MAG = 7'h%02x;%n", E4M3.NAN_CODE));
        s.append(String.format("  localparam int UE8M0_BIAS = %d;%n", UE8M0.BIAS));
        s.append(String.format("  localparam logic [7:0] UE8M0_NAN = 8'h%02x;%n", UE8M0.NAN_SCALE));

        s.append("\n  // Xseed tiles (spec §2.1)\n");
        s.append(String.format("  localparam int TILE_COUNT = %d, TILE_ROWS = %d, TILE_ROW_BYTES = %d, TILE_BYTES = %d, TILE_NARROW_ROW_BYTES = %d;%n",
                Tiles.COUNT, Tiles.ROWS, Tiles.ROW_BYTES, Tiles.TILE_BYTES, Tiles.NARROW_ROW_BYTES));
        s.append(String.format("  localparam int TILE_WORDS = %d;%n", Tiles.WORDS));
        s.append(String.format("  localparam int MAX_ROW_ACCESSES = %d;%n", CommitLog.MAX_ACCESSES));

        s.append("\nendpackage\n/* verilator lint_on UNUSEDPARAM */\n");
        return s.toString();
    }

    private static boolean has(Instruction i, Field f, OperandKind kind) {
        for (Operand o : i.operands()) if (o.field() == f && o.kind() == kind) return true;
        return false;
    }

    /** A function of insn_e that is true for the instructions {@code holds} selects. */
    private static void function(StringBuilder s, String name, java.util.function.Predicate<Instruction> holds) {
        StringBuilder ids = new StringBuilder();
        for (Instruction i : Instruction.all()) if (holds.test(i)) ids.append(ids.length() == 0 ? "" : ", ").append("I_").append(id(i));
        s.append("  function automatic logic ").append(name).append("(input insn_e i);\n    case (i)\n      ")
                .append(ids).append(": return 1'b1;\n      default: return 1'b0;\n    endcase\n  endfunction\n");
    }

    /** SystemVerilog identifier of an instruction, e.g. TMMA_I8. */
    public static String id(Instruction i) { return i.name().toUpperCase(Locale.ROOT); }

    /** Writes the package to {@code args[0]} (a file path). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SystemVerilogPackage <output .sv file>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }
}
