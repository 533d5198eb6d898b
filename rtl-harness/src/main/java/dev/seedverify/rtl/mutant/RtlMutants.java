package dev.seedverify.rtl.mutant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The catalogue of injected RTL bugs for the self-test of the bug-finding engine (issue 5, item 8):
 * realistic mistakes a designer could make in the S1 RTL, each a minimal exact-once edit of the
 * real sources ({@link RtlMutation}). The shipped RTL has no bug switches; a mutation whose text no
 * longer occurs exactly once fails loudly when applied (the catalogue's own test checks every entry
 * against the current RTL without building it), so a change to the RTL that invalidates an entry
 * shows up at once, next to the RTL it describes.
 *
 * <p>The property engine runs golden vs each mutant (conformance-suite {@code MutantCampaign}); the
 * shrunk reproducers it found are kept in the regression folder.
 */
public final class RtlMutants {
    private RtlMutants() {}

    private static final String CORE = "s1_core.sv";
    private static final String MDU = "s1_mdu.sv";
    private static final String CSR = "s1_csr.sv";
    private static final String TILE = "s1_tile.sv";
    private static final String FP32 = "s1_fp32_pkg.sv";
    private static final String E4M3 = "s1_e4m3_pkg.sv";
    private static final String REQUANT = "s1_requant_pkg.sv";

    // ---------------------------------------------------------------- scalar pipeline

    /** The MEM→EX forwarding path of rs2 left out. */
    public static final RtlMutation FWD_MEM_RS2_MISSING = RtlMutation.of("fwd-mem-rs2-missing",
            "The MEM->EX forwarding path of rs2 is missing (only WB->EX forwards rs2): an instruction that reads"
                    + " rs2 right after the instruction that writes it (a store's data, the second ALU/branch/MDU"
                    + " operand) gets the stale register value.",
            CORE,
            "    if (mem_fwd_ok && mem_rd == ex_rs2)       rs2f = mem_result;\n"
                    + "    else if (wb_wen && wb_rd == ex_rs2)        rs2f = wb_wdata;\n",
            "    if (wb_wen && wb_rd == ex_rs2)             rs2f = wb_wdata;\n");

    /** rs2 forwarded from the wrong stage: WB checked before MEM. */
    public static final RtlMutation FWD_WRONG_STAGE = RtlMutation.of("fwd-wrong-stage",
            "The rs2 forwarding mux checks WB before MEM: when both instructions ahead write rs2, the older"
                    + " value (in WB) is forwarded instead of the newer one (in MEM).",
            CORE,
            "    if (mem_fwd_ok && mem_rd == ex_rs2)       rs2f = mem_result;\n"
                    + "    else if (wb_wen && wb_rd == ex_rs2)        rs2f = wb_wdata;\n",
            "    if (wb_wen && wb_rd == ex_rs2)             rs2f = wb_wdata;\n"
                    + "    else if (mem_fwd_ok && mem_rd == ex_rs2)   rs2f = mem_result;\n");

    /** The load-use interlock only looks at rs1. */
    public static final RtlMutation LOAD_USE_RS2 = RtlMutation.of("load-use-rs2",
            "The load-use interlock compares only rs1 with the load's rd: an instruction right after a load"
                    + " that reads the loaded register as rs2 (storing the loaded value, a second ALU operand)"
                    + " does not stall and reads the stale register value.",
            CORE,
            "((dc_use_rs1 && id_rs1 == ex_rd) || (dc_use_rs2 && id_rs2 == ex_rd));",
            "(dc_use_rs1 && id_rs1 == ex_rd);");

    /** SRA/SRAI shift in zeros. */
    public static final RtlMutation SRA_AS_SRL = RtlMutation.of("sra-as-srl",
            "SRA/SRAI shift in zeros, like SRL: the ALU's arithmetic shift lost its $signed cast.",
            CORE, "$unsigned($signed(alu_a) >>> alu_b[4:0])", "(alu_a >> alu_b[4:0])");

    /** LH sign-extends from the wrong bit. */
    public static final RtlMutation LH_SIGN_BIT = RtlMutation.of("lh-sign-bit",
            "LH sign-extends from bit 7 instead of bit 15 (the extension was copied from the LB line).",
            CORE,
            "{{16{ld_shift[15]}}, ld_shift[15:0]}",
            "{{16{ld_shift[7]}}, ld_shift[15:0]}");

    // ---------------------------------------------------------------- multiply / divide

    /** MULH treats rs2 as unsigned. */
    public static final RtlMutation MULH_RS2_UNSIGNED = RtlMutation.of("mulh-rs2-unsigned",
            "MULH zero-extends rs2 (computed as MULHSU): the high word is wrong whenever rs2 is negative.",
            MDU,
            "signed_b  = (op == MD_MULH) || (op == MD_DIV) || (op == MD_REM);",
            "signed_b  = (op == MD_DIV) || (op == MD_REM);");

    /** x % 0 returns 0. */
    public static final RtlMutation REM_BY_ZERO = RtlMutation.of("rem-by-zero",
            "REM/REMU by zero return 0 instead of the dividend (the divide-by-zero shortcut clears the result).",
            MDU, "result <= is_div_op ? 32'hFFFF_FFFF : a;", "result <= is_div_op ? 32'hFFFF_FFFF : 32'd0;");

    /** Signed division by zero goes through the divider. */
    public static final RtlMutation DIV_BY_ZERO_SIGNED = RtlMutation.of("div-by-zero-signed",
            "The divide-by-zero shortcut is only taken for unsigned ops: DIV/REM by zero run through the"
                    + " restoring divider, whose sign fix-up turns the all-ones quotient of a negative dividend"
                    + " into +1 (DIV x/0 with x < 0 returns 1 instead of -1).",
            MDU, "if (b == 32'd0) begin", "if (b == 32'd0 && !signed_a) begin");

    // ---------------------------------------------------------------- traps and CSRs

    /** mepc = pc + 4. */
    public static final RtlMutation MEPC_PLUS_4 = RtlMutation.of("mepc-plus-4",
            "A trap saves the address of the next instruction (pc + 4, as for an interrupt) in mepc instead of"
                    + " the trapping instruction's pc.",
            CORE, ".trap_pc    (ex_pc),", ".trap_pc    (ex_pc + 32'd4),");

    /** mtval of a store trap is the word address. */
    public static final RtlMutation STORE_MTVAL_WORD = RtlMutation.of("store-mtval-word",
            "A store trap writes the data port's word address (address bits 1:0 cleared) into mtval instead of"
                    + " the faulting address: wrong mtval on misaligned SH/SW.",
            CORE,
            "ex_cause = m_misal ? CAUSE_STORE_MISALIGNED : CAUSE_STORE_ACCESS;\n        ex_tval  = agu;",
            "ex_cause = m_misal ? CAUSE_STORE_MISALIGNED : CAUSE_STORE_ACCESS;\n        ex_tval  = d_addr;");

    /** minstret counts trapping instructions. */
    public static final RtlMutation MINSTRET_COUNTS_TRAPS = RtlMutation.of("minstret-counts-traps",
            "minstret also counts instructions that trap: the CSR file's retire strobe is 'leaves EX' instead of"
                    + " 'leaves EX without a trap'.",
            CORE, ".retire     (ex_retire),", ".retire     (ex_fire),");

    /** xsqshift without its WARL clamp. */
    public static final RtlMutation XSQSHIFT_CLAMP_MISSING = RtlMutation.of("xsqshift-clamp-missing",
            "The WARL clamp of xsqshift is missing: an out-of-range shift is kept as written (it reads back"
                    + " unclamped and tquant.i8 shifts by its low bits).",
            CSR, "      CSR_XSQSHIFT:        wvalue = clamp(wraw, XSQSHIFT_MIN, XSQSHIFT_MAX);\n", "");

    // ---------------------------------------------------------------- Xseed

    /** Tile stores move rows before the fault check's verdict. */
    public static final RtlMutation TILE_STORE_BEFORE_FAULT = RtlMutation.of("tile-store-before-fault",
            "tst/tstn start streaming rows in the cycle after the fault check without waiting for its verdict"
                    + " (only tld waits): a faulting tile store writes its first rows to DRAM, and reports them,"
                    + " before it traps.",
            TILE, "is_mem && !fault_q", "is_mem && (is_store || !fault_q)");

    /** mtval of a tile access fault is the faulting row's start. */
    public static final RtlMutation TILE_FAULT_MTVAL_ROW_START = RtlMutation.of("tile-fault-mtval-row-start",
            "A tile load/store access fault reports the start of the faulting row in mtval even when the row"
                    + " starts inside the window and only its tail is outside (the spec wants the first byte outside).",
            TILE, "return {2'b11, a + off};", "return {2'b11, a};");

    /** tstn writes whole rows. */
    public static final RtlMutation TSTN_FULL_ROW = RtlMutation.of("tstn-full-row",
            "tstn writes whole 32-byte rows to DRAM instead of the narrow 16-byte rows (the row port's word"
                    + " mask ignores the narrow form; the access check and the reported row masks are still narrow).",
            TILE, "assign r_wwords = is_narrow ? NARROW_WORDS : 8'hFF;", "assign r_wwords = 8'hFF;");

    /** RDBPOT ties go up. */
    public static final RtlMutation TQUANT_TIES_UP = RtlMutation.of("tquant-ties-up",
            "tquant.i8's rounding divide by a power of two rounds every tie up (toward +inf) instead of away from"
                    + " zero: the sign correction of the threshold is missing, so -2.5 becomes -2.",
            REQUANT, "thr  = (mask >> 1) + {31'd0, x[31]};", "thr  = mask >> 1;");

    /** E4M3 subnormals decoded with the hidden bit. */
    public static final RtlMutation E4M3_SUBNORMAL_DECODE = RtlMutation.of("e4m3-subnormal-decode",
            "tmma.e4m3 decodes the A operand's nonzero E4M3 subnormals (exponent field 0) with the hidden bit,"
                    + " as 1.m x 2^-6 instead of 0.m x 2^-6 (zero is special-cased and stays right).",
            E4M3, "siga = (a[6:3] == 4'd0) ? {1'b0, a[2:0]} : {1'b1, a[2:0]};", "siga = (a[6:0] == 7'd0) ? 4'd0 : {1'b1, a[2:0]};");

    /** The binary32 adder flushes subnormal operands. */
    public static final RtlMutation FADD_FLUSHES_SUBNORMALS = new RtlMutation("fadd-flushes-subnormals",
            "The binary32 adder's zero test looks at the exponent field only, so subnormal operands are"
                    + " flushed to zero (x + subnormal = x) in tadd.f32 and the accumulate of tmma.e4m3.",
            List.of(new RtlMutation.Edit(FP32, "if (b[30:0] == 31'd0)", "if (b[30:23] == 8'd0)"),
                    new RtlMutation.Edit(FP32, "if (a[30:0] == 31'd0) return {2'b00, b};", "if (a[30:23] == 8'd0) return {2'b00, b};")));

    private static final List<RtlMutation> ALL = List.of(
            FWD_MEM_RS2_MISSING, FWD_WRONG_STAGE, LOAD_USE_RS2, SRA_AS_SRL, LH_SIGN_BIT,
            MULH_RS2_UNSIGNED, REM_BY_ZERO, DIV_BY_ZERO_SIGNED,
            MEPC_PLUS_4, STORE_MTVAL_WORD, MINSTRET_COUNTS_TRAPS, XSQSHIFT_CLAMP_MISSING,
            TILE_STORE_BEFORE_FAULT, TILE_FAULT_MTVAL_ROW_START, TSTN_FULL_ROW, TQUANT_TIES_UP, E4M3_SUBNORMAL_DECODE, FADD_FLUSHES_SUBNORMALS);

    /** Every mutation of the catalogue, in a fixed order (pipeline, MDU, traps/CSRs, Xseed). */
    public static List<RtlMutation> all() { return ALL; }

    /** The names, in catalogue order. */
    public static List<String> names() { return ALL.stream().map(RtlMutation::name).toList(); }

    /** The mutation named {@code name}. */
    public static RtlMutation byName(String name) {
        for (RtlMutation m : ALL) if (m.name().equals(name)) return m;
        throw new NoSuchElementException("no RTL mutation named '" + name + "'; known: " + names());
    }

    /** name -> mutation, in catalogue order. */
    public static Map<String, RtlMutation> byName() {
        Map<String, RtlMutation> m = new LinkedHashMap<>();
        for (RtlMutation x : ALL) m.put(x.name(), x);
        return m;
    }
}
