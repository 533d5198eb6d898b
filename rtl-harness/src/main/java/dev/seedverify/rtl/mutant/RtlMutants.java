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

    // ---------------------------------------------------------------- the device (command mode, spec §4)

    private static final String CMDPROC = "s1_cmdproc.sv";
    private static final String DMA = "s1_dma.sv";

    /** The window's limit word is accessible. */
    public static final RtlMutation WINDOW_LIMIT_OFF_BY_ONE = RtlMutation.of("window-limit-off-by-one",
            "The core's window check compares with <= instead of <: the word at the launch window's limit is"
                    + " fetchable, loadable and storable (a kernel escapes its window by one word).",
            CORE, "return ((a - lo) < span) && ((a - DRAM_BASE) < 32'(DRAM_BYTES));",
            "return ((a - lo) <= span) && ((a - DRAM_BASE) < 32'(DRAM_BYTES));");

    /** Tile rows are checked against DRAM only. */
    public static final RtlMutation TILE_ROWS_NOT_WINDOW_CHECKED = RtlMutation.of("tile-rows-not-window-checked",
            "tld/tst/tstn check their rows against DRAM only, not against the launch window: a tile access"
                    + " outside the window (or a row straddling its limit) reads or writes where the kernel may not.",
            TILE, "off  = inside_bytes(a, lo, span, n);", "off  = n;");

    /** COPY always runs forward. */
    public static final RtlMutation COPY_OVERLAP_DIRECTION = new RtlMutation("copy-overlap-direction",
            "The DMA always copies upwards: an overlapping COPY whose destination lies above its source reads"
                    + " bytes it has already overwritten (not memmove).",
            List.of(new RtlMutation.Edit(DMA, "fwd     <= fill || !(dst > src);", "fwd     <= 1'b1;"),
                    new RtlMutation.Edit(DMA, "if (fill || !(dst > src)) begin", "if (1'b1) begin")));

    /** FILL's pattern big-endian. */
    public static final RtlMutation FILL_BYTE_ORDER = RtlMutation.of("fill-byte-order",
            "FILL lays the pattern down big-endian: the byte at address a gets byte 3 - (a mod 4) of the pattern.",
            DMA, "req_wdata = is_fill ? {8{pat}} :", "req_wdata = is_fill ? {8{{pat[7:0], pat[15:8], pat[23:16], pat[31:24]}}} :");

    /** The completion goes out before the DMA has finished. */
    public static final RtlMutation COMPLETION_BEFORE_DATA = RtlMutation.of("completion-before-data",
            "COPY/FILL do not wait for the DMA's last write: the DMA_WRITE event, the completion record and"
                    + " the counters go out while the data is still moving.",
            CMDPROC, "          if (dma_last) begin", "          if (1'b1) begin");

    /** DONE_COUNT skips a command whose completion address is bad. */
    public static final RtlMutation DONE_COUNT_BAD_COMPLETION = RtlMutation.of("done-count-bad-completion",
            "DONE_COUNT counts only completions that were written: a command with a bad completion address"
                    + " leaves it unchanged.",
            CMDPROC, "done_count <= done_count + 32'd1;", "done_count <= done_count + {31'd0, comp_ok};");

    /** The head wraps at the largest ring. */
    public static final RtlMutation RING_WRAP = RtlMutation.of("ring-wrap",
            "CQ_HEAD wraps at the largest ring (65536 entries) instead of CQ_ENTRIES: after the last entry the"
                    + " device goes on consuming the memory past the ring.",
            CMDPROC, "cq_head    <= (cq_head + 32'd1) & (cq_entries - 32'd1);",
            "cq_head    <= (cq_head + 32'd1) & 32'(RING_MAX_ENTRIES - 1);");

    /** The watchdog fires one retirement late. */
    public static final RtlMutation WATCHDOG_OFF_BY_ONE = RtlMutation.of("watchdog-off-by-one",
            "The kernel budget's last-retirement flag is computed one step late: a kernel stopped by its budget"
                    + " retires budget + 1 instructions (budgets of 2 and more).",
            CORE, "bud_last <= (bud_left == 32'd2);", "bud_last <= (bud_left == 32'd1);");

    /** Flag bits are not checked. */
    public static final RtlMutation FLAGS_UNCHECKED = RtlMutation.of("flags-unchecked",
            "The reserved flag bits of descriptor word 0 are not checked: a descriptor with a flag set executes"
                    + " instead of completing with BAD_COMMAND.",
            CMDPROC, "    if (w0[HEADER_FLAGS_LSB +: FLAG_W] != '0) bad = 1'b1;\n", "");

    /** Unused descriptor words are not checked. */
    public static final RtlMutation UNUSED_WORDS_UNCHECKED = RtlMutation.of("unused-words-unchecked",
            "The descriptor words an opcode does not use are not checked for zero: such a descriptor executes"
                    + " instead of completing with BAD_COMMAND.",
            CMDPROC, "    for (int i = 1; i < DESC_W_COMPLETION; i++) if (!used[i] && w[i] != 32'd0) bad = 1'b1;\n", "");

    /** IRQ_STATUS cleared by any write. */
    public static final RtlMutation IRQ_STATUS_NOT_W1C = RtlMutation.of("irq-status-not-w1c",
            "Any write to IRQ_STATUS clears both bits (write-to-clear), instead of clearing the bits written as 1.",
            CMDPROC, "MMIO_IRQ_STATUS: irq_clr = irq_bits(mmio_wdata);", "MMIO_IRQ_STATUS: irq_clr = 2'b11;");

    /** The completion address's alignment is not checked. */
    public static final RtlMutation COMPLETION_ALIGNMENT_UNCHECKED = RtlMutation.of("completion-alignment-unchecked",
            "The completion address is checked against DRAM only, not for 16-byte alignment: a misaligned"
                    + " completion record is written (where the wide port puts it) instead of nothing.",
            CMDPROC, "comp_ok <= ((w[DESC_W_COMPLETION] & 32'(COMPLETION_ALIGN - 1)) == 32'd0) &&\n                     in_dram(",
            "comp_ok <= in_dram(");

    private static final List<RtlMutation> DEVICE = List.of(
            WINDOW_LIMIT_OFF_BY_ONE, TILE_ROWS_NOT_WINDOW_CHECKED, COPY_OVERLAP_DIRECTION, FILL_BYTE_ORDER, COMPLETION_BEFORE_DATA,
            DONE_COUNT_BAD_COMPLETION, RING_WRAP, WATCHDOG_OFF_BY_ONE, FLAGS_UNCHECKED, UNUSED_WORDS_UNCHECKED, IRQ_STATUS_NOT_W1C,
            COMPLETION_ALIGNMENT_UNCHECKED);

    private static final List<RtlMutation> ALL = List.of(
            FWD_MEM_RS2_MISSING, FWD_WRONG_STAGE, LOAD_USE_RS2, SRA_AS_SRL, LH_SIGN_BIT,
            MULH_RS2_UNSIGNED, REM_BY_ZERO, DIV_BY_ZERO_SIGNED,
            MEPC_PLUS_4, STORE_MTVAL_WORD, MINSTRET_COUNTS_TRAPS, XSQSHIFT_CLAMP_MISSING,
            TILE_STORE_BEFORE_FAULT, TILE_FAULT_MTVAL_ROW_START, TSTN_FULL_ROW, TQUANT_TIES_UP, E4M3_SUBNORMAL_DECODE, FADD_FLUSHES_SUBNORMALS);

    /**
     * The mutations of the core that bare-mode programs reach, in a fixed order (pipeline, MDU,
     * traps/CSRs, Xseed): the bare-mode campaign's catalogue, each with its reproducer in the
     * regression folder ({@code mutants/<name>.S}).
     */
    public static List<RtlMutation> all() { return ALL; }

    /**
     * The device's mutations (command processor, DMA, the launch window and budget of the core):
     * only command mode reaches them; the device suite (conformance-suite {@code DeviceSuite})
     * detects them, their reproducers are host-action scripts ({@code device/<name>.script}).
     */
    public static List<RtlMutation> device() { return DEVICE; }

    /** The names of the bare-mode catalogue, in order. */
    public static List<String> names() { return ALL.stream().map(RtlMutation::name).toList(); }

    /** The names of the device catalogue, in order. */
    public static List<String> deviceNames() { return DEVICE.stream().map(RtlMutation::name).toList(); }

    /** The mutation named {@code name}, of either catalogue. */
    public static RtlMutation byName(String name) {
        for (RtlMutation m : ALL) if (m.name().equals(name)) return m;
        for (RtlMutation m : DEVICE) if (m.name().equals(name)) return m;
        throw new NoSuchElementException("no RTL mutation named '" + name + "'; known: " + names() + ", device: " + deviceNames());
    }

    /** name -> mutation, in catalogue order. */
    public static Map<String, RtlMutation> byName() {
        Map<String, RtlMutation> m = new LinkedHashMap<>();
        for (RtlMutation x : ALL) m.put(x.name(), x);
        return m;
    }
}
