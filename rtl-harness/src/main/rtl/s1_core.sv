// SeedChip S1 control core: RV32IM + Zicsr + Xseed, machine mode only, spec §1 trap model.
//
// Five-stage in-order pipeline
//   IF  : pc_f -> instruction port of the DRAM (synchronous, word arrives in ID); window check
//   ID  : decode (seedchip_pkg::match_insn + operand legality), register read with WB bypass,
//         load-use hazard detection, static prediction: jal and backward branches redirect
//         fetch to pc + imm from ID (1 bubble); everything else is predicted sequential
//   EX  : ALU, branch/jump resolution, address generation + misaligned/access checks, CSR
//         read/write, multi-cycle MUL/DIV, the Xseed tile unit (s1_tile, multi-cycle; its tile
//         row accesses are reported while EX holds it), trap decision. EX is the commit point:
//         nothing in MEM/WB can trap, so an instruction that leaves EX without a trap retires.
//         Stores write the DRAM and CSRs update at the EX->MEM clock edge; traps, mret, jalr,
//         mispredicted branches and fence.i redirect fetch from EX and squash IF/ID (2 bubbles).
//   MEM : load data arrives from the DRAM data port, lane extraction / extension; the written
//         tile is copied into the commit record
//   WB  : register file write; the RVFI commit record is driven from the WB registers
// Forwarding: MEM->EX (ALU/CSR/MDU/link results), WB->EX (any result, loads included) and
// WB->ID (register-file write-through). Stalls: load-use (1 cycle), MUL/DIV and multi-cycle Xseed
// instructions (EX holds until the unit is done; MEM/WB drain; EX operands are refreshed from the
// forwarding network while held).
module s1_core
  import seedchip_pkg::*;
  import s1_core_pkg::*;
#(
  parameter int DRAM_BYTES = 1 << 20,
  parameter int XU_ROWS_PER_CYCLE = 8       // tile unit: output rows computed per cycle (1, 2, 4, 8)
) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic [31:0]  reset_pc,            // sampled while rst_n is low (bare mode)
  input  logic [31:0]  window_lo,           // sampled while rst_n is low (bare mode)
  input  logic [31:0]  window_hi,
  input  logic         stop_on_trap,
  input  logic         cmd_mode,            // sampled while rst_n is low: command mode, idle until launch

  // Command mode (spec §4.2): the command processor starts a kernel on an idle core with a
  // one-cycle `launch`; the core stops at the first trap or when `launch_budget` instructions have
  // retired, drains, and reports `idle` (a register, also low in the cycle after launch).
  input  logic         launch,
  input  logic [31:0]  launch_pc,
  input  logic [31:0]  launch_sp,
  input  logic [31:0]  launch_a0,
  input  logic [31:0]  launch_lo,           // window [launch_lo, launch_hi)
  input  logic [31:0]  launch_hi,
  input  logic [31:0]  launch_budget,       // retirements allowed, >= 1
  output logic         idle,
  output logic         watchdog,            // the kernel was stopped by its budget (else by a trap)
  output logic [31:0]  budget_left,         // budget minus the kernel's retirements
  output logic [31:0]  x10,                 // architectural x10 (valid when idle)
  output logic [31:0]  mcause,
  output logic [31:0]  mtval,
  input  logic         drain,               // harness: fetch nothing new; what is in flight completes
  output logic         drained,             // no instruction in the pipeline (every record emitted)

  // DRAM instruction port (byte address; word-aligned)
  output logic         i_en,
  output logic [31:0]  i_addr,
  input  logic [31:0]  i_rdata,
  // DRAM data port (byte address of the word; byte-lane write enables)
  output logic         d_en,
  output logic [3:0]   d_we,
  output logic [31:0]  d_addr,
  output logic [31:0]  d_wdata,
  input  logic [31:0]  d_rdata,
  // DRAM row port of the tile unit (byte address of the row; 8 words; read data one cycle later,
  // in a register clocked by r_clk, the tile unit's gated clock)
  output logic         r_clk,
  output logic         r_en,
  output logic         r_we,
  output logic [7:0]   r_wwords,
  output logic [31:0]  r_addr,
  output logic [255:0] r_wdata,
  input  logic [255:0] r_rdata,

  // RVFI commit port (see INTERFACE.md)
  output logic         rvfi_valid,
  output logic [63:0]  rvfi_order,
  output logic [31:0]  rvfi_insn,
  output logic         rvfi_trap,
  output logic [31:0]  rvfi_trap_cause,
  output logic [31:0]  rvfi_trap_tval,
  output logic [31:0]  rvfi_pc_rdata,
  output logic [31:0]  rvfi_pc_wdata,
  output logic [4:0]   rvfi_rd_addr,
  output logic [31:0]  rvfi_rd_wdata,
  output logic [31:0]  rvfi_mem_addr,
  output logic [3:0]   rvfi_mem_rmask,
  output logic [3:0]   rvfi_mem_wmask,
  output logic [31:0]  rvfi_mem_rdata,
  output logic [31:0]  rvfi_mem_wdata,
  output logic         rvfi_csr_read,
  output logic         rvfi_csr_write,
  output logic [11:0]  rvfi_csr_addr,
  output logic [31:0]  rvfi_csr_rdata,
  output logic [31:0]  rvfi_csr_wdata,
  output logic         rvfi_row_valid,        // row data: the DRAM row port's r_rdata
  output logic [31:0]  rvfi_row_addr,
  output logic [31:0]  rvfi_row_rmask,
  output logic [31:0]  rvfi_row_wmask,
  output logic         rvfi_tile_valid,
  output logic [2:0]   rvfi_tile_index,
  output logic [2047:0] rvfi_tile_data
);

  // Xseed (spec §2) executes in the tile unit (s1_tile) in EX beside the MDU: it stalls EX through
  // `xu_busy`, reports its row accesses only after MEM/WB have drained (so they attach to its own
  // record), hands its GPR result (tget) to EX/MEM like the MDU, and its written tile and xsstat
  // flag update travel to WB with the record.

  // ================================================================ common helpers
  // The accessible window [win_lo, win_lo + win_span): registers, loaded during reset from the
  // window inputs (bare mode) and by a launch (command mode), so no combinational path runs from
  // top-level inputs into the fetch, load/store and tile checks.
  logic [31:0] win_lo, win_span;
  logic        kmode;                   // command mode (sampled at reset)

  // Inside the accessible window and inside DRAM (the window always lies inside DRAM; the second
  // check keeps a misconfigured window from aliasing DRAM words).
  function automatic logic accessible(input logic [31:0] a, input logic [31:0] lo,
                                      input logic [31:0] span);
    return ((a - lo) < span) && ((a - DRAM_BASE) < 32'(DRAM_BYTES));
  endfunction

  // ================================================================ pipeline registers
  // IF
  logic [31:0] pc_f;
  logic        halted;        // fetch stopped: stop_on_trap / command mode after a trap or the
                              // budget, until reset or the next launch; command mode before any launch
  logic        fetch_off;     // halted, or the harness drains the pipeline

  // IF/ID
  logic        id_valid;
  logic [31:0] id_pc;
  logic        id_ifault;     // fetch access fault

  // ID/EX
  logic        ex_valid;
  logic        ex_pred;                 // fetch continued at the jump/branch target (ID redirect)
  logic [31:0] ex_pc;
  logic [31:0] ex_insn;
  ctrl_t       ex_c;
  logic [4:0]  ex_rs1, ex_rs2, ex_rd;   // ex_rd = 0 when rd is not written
  logic [31:0] ex_rs1v, ex_rs2v, ex_imm;
  logic [31:0] ex_tcause, ex_ttval;     // for C_TRAP
  logic        ex_xwait;                // multi-cycle Xseed op: EX waits until the tile unit says
  // Xseed instruction in EX and its kind, decoded into plain bits (cheaper to simulate than
  // fields of ex_c): any Xseed; tld/tst/tstn; tst/tstn; tstn; compute (row-batched) op.
  logic        ex_xs, ex_xs_mem, ex_xs_store, ex_xs_narrow, ex_xs_cmp;

  // EX/MEM
  logic        mem_valid;
  logic [31:0] mem_pc, mem_pc_next, mem_insn;
  logic [4:0]  mem_rd;
  logic [31:0] mem_result;
  logic        mem_load;
  mem_size_e   mem_size;
  logic        mem_unsigned;
  logic        mem_trap;
  logic [31:0] mem_cause, mem_tval;
  logic [31:0] mem_maddr;
  logic [1:0]  mem_lane;
  logic [3:0]  mem_rmask, mem_wmask;
  logic [31:0] mem_wdata_rec;
  logic        mem_csr_read, mem_csr_write;
  logic [11:0] mem_csr_addr;
  logic [31:0] mem_csr_rdata, mem_csr_wdata;
  logic        mem_tile_valid;
  logic [2:0]  mem_tile_index;

  // MEM/WB
  logic        wb_valid;
  logic [31:0] wb_pc, wb_pc_next, wb_insn;
  logic [4:0]  wb_rd;
  logic [31:0] wb_wdata;
  logic        wb_trap;
  logic [31:0] wb_cause, wb_tval;
  logic [31:0] wb_maddr;
  logic [3:0]  wb_rmask, wb_wmask;
  logic [31:0] wb_rdata_rec, wb_wdata_rec;
  logic        wb_csr_read, wb_csr_write;
  logic [11:0] wb_csr_addr;
  logic [31:0] wb_csr_rdata, wb_csr_wdata;
  logic        wb_tile_valid;
  logic [2:0]  wb_tile_index;
  logic [63:0] order;

  // Architectural register file (debug backdoor: public).
  logic [31:0] regs [32] /* verilator public_flat_rd */;
  // pc of the oldest instruction whose record has not been consumed yet (debug backdoor).
  logic [31:0] pc /* verilator public_flat_rd */;

  // Control
  logic        id_stall, ld_use, ex_stall, ex_fire, ex_trap, redirect, id_redirect;
  // Command mode: retirements left in the kernel's budget; bud_last = one left (a register, so
  // the redirect logic reads no counter compare).
  logic [31:0] bud_left;
  logic        bud_last, wd_stop;
  logic [31:0] redirect_pc, id_target;

  // ================================================================ IF
  logic fetch_ok;
  assign fetch_ok  = accessible(pc_f, win_lo, win_span);
  assign fetch_off = halted || drain;
  assign i_en     = !id_stall;          // a stalled ID keeps its word in the port's register
  assign i_addr   = pc_f;

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      pc_f      <= reset_pc;
      halted    <= cmd_mode;
      kmode     <= cmd_mode;
      win_lo    <= window_lo;
      win_span  <= window_hi - window_lo;
      id_valid  <= 1'b0;
      id_pc     <= '0;
      id_ifault <= 1'b0;
    end else if (launch) begin
      // The core is idle (halted and drained): start the kernel.
      pc_f     <= launch_pc;
      halted   <= 1'b0;
      win_lo   <= launch_lo;
      win_span <= launch_hi - launch_lo;
      id_valid <= 1'b0;
    end else begin
      // stop_on_trap (bare) or command mode: the first trap stops fetch; command mode: so does
      // the budget's last retirement (the redirect squashes what was fetched after it).
      if (ex_fire && (ex_trap ? (stop_on_trap || kmode) : bud_last)) halted <= 1'b1;
      if (redirect) begin
        pc_f     <= redirect_pc;
        id_valid <= 1'b0;
      end else if (id_redirect) begin
        pc_f     <= id_target;        // the sequential word fetched this cycle is dropped
        id_valid <= 1'b0;
      end else if (!id_stall) begin
        if (!fetch_off) pc_f <= pc_f + 32'd4;
        id_valid  <= !fetch_off;
        id_pc     <= pc_f;
        id_ifault <= !fetch_ok;
      end
    end
  end

  // ================================================================ ID
  logic [31:0] id_insn;
  assign id_insn = id_ifault ? 32'd0 : i_rdata;

  logic [4:0] id_rs1, id_rs2, id_rdf;
  assign id_rs1 = id_insn[19:15];
  assign id_rs2 = id_insn[24:20];
  assign id_rdf = id_insn[11:7];

  // Immediates (RISC-V base formats)
  logic [31:0] imm_i, imm_s, imm_b, imm_u, imm_j;
  assign imm_i = {{20{id_insn[31]}}, id_insn[31:20]};
  assign imm_s = {{20{id_insn[31]}}, id_insn[31:25], id_insn[11:7]};
  assign imm_b = {{19{id_insn[31]}}, id_insn[31], id_insn[7], id_insn[30:25], id_insn[11:8], 1'b0};
  assign imm_u = {id_insn[31:12], 12'd0};
  assign imm_j = {{11{id_insn[31]}}, id_insn[31], id_insn[19:12], id_insn[20], id_insn[30:21], 1'b0};

  insn_e       dec;
  ctrl_t       dc;
  logic        dc_wr_rd, dc_use_rs1, dc_use_rs2;   // writes rd; reads x[rs1] / x[rs2]
  logic [31:0] dc_imm, dc_tcause, dc_ttval;
  logic [11:0] id_csr;
  assign dec    = match_insn(id_insn);
  assign id_csr = id_insn[31:20];

  always_comb begin
    dc           = '0;
    dc.cls       = C_ALU;
    dc.alu       = ALU_ADD;
    dc.asel      = A_RS1;
    dc.bsel      = B_IMM;
    dc.br        = BR_EQ;
    dc.msize     = SZ_W;
    dc.mdop      = MD_MUL;
    dc.csrop     = CSR_OP_W;
    // Which registers an instruction reads and writes is the ISA table's (generated) fact.
    dc_wr_rd     = writes_gpr(dec);
    dc_use_rs1   = reads_rs1(dec);
    dc_use_rs2   = reads_rs2(dec);
    dc.wr_tile   = writes_tile(dec);
    dc_imm       = imm_i;
    dc_tcause    = CAUSE_ILLEGAL_INSTRUCTION;
    dc_ttval     = id_insn;

    unique case (dec)
      I_LUI:   begin dc.asel = A_ZERO; dc_imm = imm_u; end
      I_AUIPC: begin dc.asel = A_PC;   dc_imm = imm_u; end
      I_JAL:   begin dc.cls = C_JAL;  dc.asel = A_PC; dc.bsel = B_FOUR; dc_imm = imm_j; end
      I_JALR:  begin dc.cls = C_JALR; dc.asel = A_PC; dc.bsel = B_FOUR; end

      I_BEQ, I_BNE, I_BLT, I_BGE, I_BLTU, I_BGEU: begin
        dc.cls = C_BRANCH; dc_imm = imm_b;
        unique case (dec)
          I_BEQ:   dc.br = BR_EQ;
          I_BNE:   dc.br = BR_NE;
          I_BLT:   dc.br = BR_LT;
          I_BGE:   dc.br = BR_GE;
          I_BLTU:  dc.br = BR_LTU;
          default: dc.br = BR_GEU;
        endcase
      end

      I_LB, I_LH, I_LW, I_LBU, I_LHU: begin
        dc.cls = C_LOAD;
        dc.msize     = (dec == I_LB || dec == I_LBU) ? SZ_B : (dec == I_LW) ? SZ_W : SZ_H;
        dc.munsigned = (dec == I_LBU || dec == I_LHU);
      end
      I_SB, I_SH, I_SW: begin
        dc.cls = C_STORE; dc_imm = imm_s;
        dc.msize = (dec == I_SB) ? SZ_B : (dec == I_SH) ? SZ_H : SZ_W;
      end

      I_ADDI, I_SLTI, I_SLTIU, I_XORI, I_ORI, I_ANDI, I_SLLI, I_SRLI, I_SRAI: begin
       
        unique case (dec)
          I_ADDI:  dc.alu = ALU_ADD;
          I_SLTI:  dc.alu = ALU_SLT;
          I_SLTIU: dc.alu = ALU_SLTU;
          I_XORI:  dc.alu = ALU_XOR;
          I_ORI:   dc.alu = ALU_OR;
          I_ANDI:  dc.alu = ALU_AND;
          I_SLLI:  dc.alu = ALU_SLL;
          I_SRLI:  dc.alu = ALU_SRL;
          default: dc.alu = ALU_SRA;
        endcase
      end
      I_ADD, I_SUB, I_SLL, I_SLT, I_SLTU, I_XOR, I_SRL, I_SRA, I_OR, I_AND: begin
        dc.bsel = B_RS2;
        unique case (dec)
          I_ADD:   dc.alu = ALU_ADD;
          I_SUB:   dc.alu = ALU_SUB;
          I_SLL:   dc.alu = ALU_SLL;
          I_SLT:   dc.alu = ALU_SLT;
          I_SLTU:  dc.alu = ALU_SLTU;
          I_XOR:   dc.alu = ALU_XOR;
          I_SRL:   dc.alu = ALU_SRL;
          I_SRA:   dc.alu = ALU_SRA;
          I_OR:    dc.alu = ALU_OR;
          default: dc.alu = ALU_AND;
        endcase
      end

      I_MUL, I_MULH, I_MULHSU, I_MULHU, I_DIV, I_DIVU, I_REM, I_REMU: begin
        dc.cls = C_MDU;
        unique case (dec)
          I_MUL:    dc.mdop = MD_MUL;
          I_MULH:   dc.mdop = MD_MULH;
          I_MULHSU: dc.mdop = MD_MULHSU;
          I_MULHU:  dc.mdop = MD_MULHU;
          I_DIV:    dc.mdop = MD_DIV;
          I_DIVU:   dc.mdop = MD_DIVU;
          I_REM:    dc.mdop = MD_REM;
          default:  dc.mdop = MD_REMU;
        endcase
      end

      I_CSRRW, I_CSRRS, I_CSRRC, I_CSRRWI, I_CSRRSI, I_CSRRCI: begin
        dc.cls     = C_CSR;
        dc.csr_imm = (dec == I_CSRRWI || dec == I_CSRRSI || dec == I_CSRRCI);
        dc.csrop   = (dec == I_CSRRW || dec == I_CSRRWI) ? CSR_OP_W
                   : (dec == I_CSRRS || dec == I_CSRRSI) ? CSR_OP_S : CSR_OP_C;
        // csrrw/csrrwi with rd = x0 do not read; the set/clear forms always read.
        dc.csr_rd  = (dc.csrop != CSR_OP_W) || (id_rdf != 5'd0);
        // csrrw/csrrwi always write; csrrs/csrrc (and i forms) iff the rs1/zimm field is not 0.
        dc.csr_wr  = (dc.csrop == CSR_OP_W) || (id_rs1 != 5'd0);
        if (!csr_exists(id_csr) || (csr_read_only(id_csr) && dc.csr_wr)) begin
          dc.cls = C_TRAP;                                    // illegal instruction
        end
      end

      I_MRET:    dc.cls = C_MRET;
      I_FENCE_I: dc.cls = C_FENCEI;                           // whatever its imm, rs1, rd (spec §1)
      I_FENCE, I_WFI: dc.cls = C_NOP;                         // fence: whatever its fm, sets, rs1, rd
      I_ECALL:   begin dc.cls = C_TRAP; dc_tcause = CAUSE_ECALL;      dc_ttval = 32'd0; end
      I_EBREAK:  begin dc.cls = C_TRAP; dc_tcause = CAUSE_BREAKPOINT; dc_ttval = id_pc; end

      I_TLD, I_TST, I_TSTN, I_TZERO, I_TMMA_I8, I_TMMA_E4M3, I_TADD_I32, I_TMAX_I32,
      I_TRELU_I32, I_TADD_F32, I_TQUANT_I8, I_TCVT_E4M3, I_TGET, I_TPUT: begin
        dc.cls = C_XSEED;
        unique case (dec)
          I_TLD:       dc.xop = XU_TLD;
          I_TST:       dc.xop = XU_TST;
          I_TSTN:      dc.xop = XU_TSTN;
          I_TZERO:     dc.xop = XU_TZERO;
          I_TMMA_I8:   dc.xop = XU_MMA_I8;
          I_TMMA_E4M3: dc.xop = XU_MMA_E4M3;
          I_TADD_I32:  dc.xop = XU_ADD_I32;
          I_TMAX_I32:  dc.xop = XU_MAX_I32;
          I_TRELU_I32: dc.xop = XU_RELU_I32;
          I_TADD_F32:  dc.xop = XU_ADD_F32;
          I_TQUANT_I8: dc.xop = XU_QUANT_I8;
          I_TCVT_E4M3: dc.xop = XU_CVT_E4M3;
          I_TGET:      dc.xop = XU_GET;
          default:     dc.xop = XU_PUT;
        endcase
        // A tile operand field must name one of the TILE_COUNT tiles (reserved fields that must
        // be zero are part of the match mask already).
        if ((rd_is_tile(dec)  && 32'(id_rdf) >= 32'(TILE_COUNT)) ||
            (rs1_is_tile(dec) && 32'(id_rs1) >= 32'(TILE_COUNT)) ||
            (rs2_is_tile(dec) && 32'(id_rs2) >= 32'(TILE_COUNT))) begin
          dc.cls = C_TRAP;                                    // illegal instruction
        end
      end

      default: dc.cls = C_TRAP;                               // I_ILLEGAL
    endcase

    if (id_ifault) begin
      dc.cls    = C_TRAP;
      dc_tcause = CAUSE_FETCH_ACCESS;
      dc_ttval  = id_pc;
    end
    if (dc.cls == C_TRAP) begin
      dc_wr_rd   = 1'b0;
      dc_use_rs1 = 1'b0;
      dc_use_rs2 = 1'b0;
      dc.wr_tile = 1'b0;
    end
  end

  // Register read with write-through from WB.
  logic        wb_wen;
  logic [31:0] id_rs1v, id_rs2v;
  assign wb_wen  = wb_valid && (wb_rd != 5'd0);
  assign id_rs1v = (wb_wen && wb_rd == id_rs1) ? wb_wdata : regs[id_rs1];
  assign id_rs2v = (wb_wen && wb_rd == id_rs2) ? wb_wdata : regs[id_rs2];

  // Load-use hazard: the load's data is only available from WB.
  assign ld_use = id_valid && ex_valid && (ex_c.cls == C_LOAD) && (ex_rd != 5'd0) &&
                  ((dc_use_rs1 && id_rs1 == ex_rd) || (dc_use_rs2 && id_rs2 == ex_rd));
  assign id_stall = ex_stall || ld_use;

  // Static prediction: jal and backward conditional branches are predicted taken and redirect
  // fetch when they move to EX (never for a misaligned target: EX traps on those).
  logic id_pred;
  assign id_target   = id_pc + dc_imm;
  assign id_pred     = ((dc.cls == C_JAL) || ((dc.cls == C_BRANCH) && dc_imm[31])) &&
                       (id_target[1:0] == 2'b00);
  assign id_redirect = id_valid && id_pred && !id_stall && !redirect;

  // ================================================================ EX
  // Forwarding network (also used to refresh the operands of an instruction held in EX).
  logic        mem_fwd_ok;
  logic [31:0] rs1f, rs2f;
  assign mem_fwd_ok = mem_valid && !mem_load && (mem_rd != 5'd0);

  always_comb begin
    if (mem_fwd_ok && mem_rd == ex_rs1)       rs1f = mem_result;
    else if (wb_wen && wb_rd == ex_rs1)        rs1f = wb_wdata;
    else                                       rs1f = ex_rs1v;
    if (mem_fwd_ok && mem_rd == ex_rs2)       rs2f = mem_result;
    else if (wb_wen && wb_rd == ex_rs2)        rs2f = wb_wdata;
    else                                       rs2f = ex_rs2v;
  end

  // ALU
  logic [31:0] alu_a, alu_b, alu_out;
  always_comb begin
    unique case (ex_c.asel)
      A_PC:    alu_a = ex_pc;
      A_ZERO:  alu_a = 32'd0;
      default: alu_a = rs1f;
    endcase
    unique case (ex_c.bsel)
      B_RS2:   alu_b = rs2f;
      B_FOUR:  alu_b = 32'd4;
      default: alu_b = ex_imm;
    endcase
    unique case (ex_c.alu)
      ALU_SUB:  alu_out = alu_a - alu_b;
      ALU_SLL:  alu_out = alu_a << alu_b[4:0];
      ALU_SLT:  alu_out = {31'd0, $signed(alu_a) < $signed(alu_b)};
      ALU_SLTU: alu_out = {31'd0, alu_a < alu_b};
      ALU_XOR:  alu_out = alu_a ^ alu_b;
      ALU_SRL:  alu_out = alu_a >> alu_b[4:0];
      ALU_SRA:  alu_out = $unsigned($signed(alu_a) >>> alu_b[4:0]);
      ALU_OR:   alu_out = alu_a | alu_b;
      ALU_AND:  alu_out = alu_a & alu_b;
      default:  alu_out = alu_a + alu_b;
    endcase
  end

  // Branch condition
  logic br_taken;
  always_comb begin
    unique case (ex_c.br)
      BR_NE:   br_taken = rs1f != rs2f;
      BR_LT:   br_taken = $signed(rs1f) < $signed(rs2f);
      BR_GE:   br_taken = $signed(rs1f) >= $signed(rs2f);
      BR_LTU:  br_taken = rs1f < rs2f;
      BR_GEU:  br_taken = rs1f >= rs2f;
      default: br_taken = rs1f == rs2f;
    endcase
  end

  // Address generation: branch/jal targets (pc + imm), jalr target and load/store address
  // (rs1 + imm).
  logic        agu_rs1;
  logic [31:0] agu, target;
  assign agu_rs1 = (ex_c.cls == C_JALR) || (ex_c.cls == C_LOAD) || (ex_c.cls == C_STORE);
  assign agu     = (agu_rs1 ? rs1f : ex_pc) + ex_imm;
  assign target  = {agu[31:1], (ex_c.cls == C_JALR) ? 1'b0 : agu[0]};

  // Scalar memory access checks and lanes
  logic        is_ld, is_st, m_misal, m_ok;
  logic [3:0]  m_mask;
  logic [31:0] m_wdata, m_lanebits;
  assign is_ld = (ex_c.cls == C_LOAD);
  assign is_st = (ex_c.cls == C_STORE);
  always_comb begin
    unique case (ex_c.msize)
      SZ_B: begin
        m_misal = 1'b0;
        m_mask  = 4'b0001 << agu[1:0];
        m_wdata = {4{rs2f[7:0]}};
      end
      SZ_H: begin
        m_misal = agu[0];
        m_mask  = 4'b0011 << agu[1:0];
        m_wdata = {2{rs2f[15:0]}};
      end
      default: begin
        m_misal = agu[1:0] != 2'b00;
        m_mask  = 4'b1111;
        m_wdata = rs2f;
      end
    endcase
    m_lanebits = {{8{m_mask[3]}}, {8{m_mask[2]}}, {8{m_mask[1]}}, {8{m_mask[0]}}};
  end
  assign m_ok = accessible(agu, win_lo, win_span);

  // Tile unit interface (selection, registered fault, wait clear, tget word, flags)
  logic        xu_sel, xu_fault, xu_wait_clr;
  logic [31:0] xu_fault_cause, xu_fault_tval, xu_result;
  logic [1:0]  xu_flags;
  assign xu_sel = ex_xs;          // ex_xs implies ex_valid

  // Trap decision (priority: pre-decoded trap; misaligned before access fault).
  logic [31:0] ex_cause, ex_tval;
  always_comb begin
    ex_trap  = 1'b0;
    ex_cause = ex_tcause;
    ex_tval  = ex_ttval;
    unique case (ex_c.cls)
      C_TRAP: ex_trap = 1'b1;
      C_BRANCH, C_JAL, C_JALR: begin
        ex_cause = CAUSE_FETCH_MISALIGNED;
        ex_tval  = target;
        ex_trap  = (ex_c.cls != C_BRANCH || br_taken) && (target[1:0] != 2'b00);
      end
      C_LOAD: begin
        ex_cause = m_misal ? CAUSE_LOAD_MISALIGNED : CAUSE_LOAD_ACCESS;
        ex_tval  = agu;
        ex_trap  = m_misal || !m_ok;
      end
      C_STORE: begin
        ex_cause = m_misal ? CAUSE_STORE_MISALIGNED : CAUSE_STORE_ACCESS;
        ex_tval  = agu;
        ex_trap  = m_misal || !m_ok;
      end
      C_XSEED: begin
        ex_cause = xu_fault_cause;
        ex_tval  = xu_fault_tval;
        ex_trap  = xu_fault;
      end
      default: ;
    endcase
  end

  // Multi-cycle units
  logic        mdu_done;
  logic [31:0] mdu_result;
  logic        xu_busy;
  assign xu_busy = ex_xwait;      // a register: the stall logic reads no combinational tile signal

  assign ex_stall = ex_valid && (((ex_c.cls == C_MDU) && !mdu_done) || xu_busy);
  assign ex_fire  = ex_valid && !ex_stall;

  s1_mdu u_mdu (
    .clk    (clk),
    .rst_n  (rst_n),
    .start  (ex_valid && (ex_c.cls == C_MDU) && !mdu_done),
    .op     (ex_c.mdop),
    .a      (rs1f),
    .b      (rs2f),
    .ack    (ex_fire),
    .done   (mdu_done),
    .result (mdu_result)
  );

  // Tile unit
  logic [31:0] xs_qmul, xs_qshift, xs_qzp, xs_ascl0, xs_ascl1, xs_bscl0, xs_bscl1, xsstat;
  logic        xs_set;
  logic        xu_row_valid;
  logic [31:0] xu_row_addr, xu_row_rmask, xu_row_wmask;

  s1_tile #(.DRAM_BYTES(DRAM_BYTES), .ROWS_PER_CYCLE(XU_ROWS_PER_CYCLE)) u_tile (
    .clk         (clk),
    .rst_n       (rst_n),
    .sel         (xu_sel),
    .op          (ex_c.xop),
    .is_mem      (ex_xs_mem),
    .is_store    (ex_xs_store),
    .is_narrow   (ex_xs_narrow),
    .is_cmp      (ex_xs_cmp),
    .td          (ex_insn[9:7]),
    .ta          (ex_insn[17:15]),
    .tb          (ex_insn[22:20]),
    .rs1v        (rs1f),
    .rs2v        (rs2f),
    .ack         (ex_fire),
    .window_lo   (win_lo),
    .win_span    (win_span),
    .clear       (launch),
    .fault       (xu_fault),
    .fault_cause (xu_fault_cause),
    .fault_tval  (xu_fault_tval),
    .wait_clr    (xu_wait_clr),
    .result      (xu_result),
    .flags       (xu_flags),
    .qmul        (xs_qmul),
    .qshift      (xs_qshift),
    .qzp         (xs_qzp),
    .ascl0       (xs_ascl0),
    .ascl1       (xs_ascl1),
    .bscl0       (xs_bscl0),
    .bscl1       (xs_bscl1),
    .row_clk     (r_clk),
    .r_en        (r_en),
    .r_we        (r_we),
    .r_wwords    (r_wwords),
    .r_addr      (r_addr),
    .r_wdata     (r_wdata),
    .r_rdata     (r_rdata),
    .row_valid   (xu_row_valid),
    .row_addr    (xu_row_addr),
    .row_rmask   (xu_row_rmask),
    .row_wmask   (xu_row_wmask),
    .rec_load    (mem_valid && mem_tile_valid),
    .rec_index   (mem_tile_index),
    .rec_tile    (rvfi_tile_data)
  );

  // An Xseed instruction leaving EX makes its flags sticky in xsstat; one that raises a flag
  // reports the write of xsstat (its new value) in its record. (xu_flags, a register of the tile
  // datapath, is only sampled by clocked logic, in s1_csr and EX/MEM.)
  assign xs_set = ex_fire && xu_sel && !ex_trap;

  // CSRs
  logic [31:0] csr_rdata, csr_wvalue, mtvec, mepc;
  logic [11:0] ex_csr;
  logic        csr_we, ex_mret, ex_retire;
  assign ex_csr    = ex_insn[31:20];
  assign csr_we    = ex_fire && (ex_c.cls == C_CSR) && ex_c.csr_wr;
  assign ex_mret   = ex_fire && (ex_c.cls == C_MRET);
  assign ex_retire = ex_fire && !ex_trap;

  s1_csr u_csr (
    .clk        (clk),
    .rst_n      (rst_n),
    .view_en    (drain),
    .addr       (ex_csr),
    .op         (ex_c.csrop),
    .src        (ex_c.csr_imm ? {27'd0, ex_rs1} : rs1f),
    .we         (csr_we),
    .rdata      (csr_rdata),
    .wvalue     (csr_wvalue),
    .trap       (ex_fire && ex_trap),
    .trap_pc    (ex_pc),
    .trap_cause (ex_cause),
    .trap_tval  (ex_tval),
    .mret       (ex_mret),
    .retire     (ex_retire),
    .mtvec_o    (mtvec),
    .mepc_o     (mepc),
    .mcause_o   (mcause),
    .mtval_o    (mtval),
    .xs_clear   (launch),
    .xs_set     (xs_set),
    .xs_flags   (xu_flags),
    .xsstat_o   (xsstat),
    .xsqmul_o   (xs_qmul),
    .xsqshift_o (xs_qshift),
    .xsqzp_o    (xs_qzp),
    .xsascl0_o  (xs_ascl0),
    .xsascl1_o  (xs_ascl1),
    .xsbscl0_o  (xs_bscl0),
    .xsbscl1_o  (xs_bscl1)
  );

  // Command-mode kernel budget (spec §4.2): checked after each retirement; the retirement that
  // spends it stops the kernel (WATCHDOG), so the next instruction, even an ecall, never executes.
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      bud_left <= '0;
      bud_last <= 1'b0;
      wd_stop  <= 1'b0;
    end else if (launch) begin
      bud_left <= launch_budget;
      bud_last <= (launch_budget == 32'd1);
      wd_stop  <= 1'b0;
    end else if (kmode && ex_retire) begin
      bud_left <= bud_left - 32'd1;
      bud_last <= (bud_left == 32'd2);
      if (bud_last) wd_stop <= 1'b1;
    end
  end

  // Idle: stopped and drained (nothing in IF/ID/EX/MEM/WB). Registered, and low in the cycle after
  // a launch, so the command processor never mistakes the pre-launch state for the kernel's end.
  logic idle_q;
  always_ff @(posedge clk) begin
    if (!rst_n) idle_q <= 1'b0;
    else        idle_q <= !launch && halted && drained;
  end
  assign idle        = idle_q;
  assign watchdog    = wd_stop;
  assign budget_left = bud_left;
  assign x10         = regs[10];

  // Redirects and next pc
  logic        ex_jump;
  logic [31:0] ex_pc4, ex_pc_next;
  assign ex_pc4  = ex_pc + 32'd4;
  assign ex_jump = (ex_c.cls == C_JAL) || (ex_c.cls == C_JALR) || ((ex_c.cls == C_BRANCH) && br_taken);
  always_comb begin
    if (ex_trap)                    ex_pc_next = mtvec;
    else if (ex_c.cls == C_MRET)    ex_pc_next = mepc;
    else if (ex_jump)               ex_pc_next = target;
    else                            ex_pc_next = ex_pc4;
  end
  // EX redirects unless fetch already followed the right path (a correctly predicted jal/branch)
  logic ex_mispredict;
  assign ex_mispredict = (ex_c.cls == C_JALR) ||
                         ((ex_c.cls == C_JAL) && !ex_pred) ||
                         ((ex_c.cls == C_BRANCH) && (br_taken != ex_pred));
  // The budget's last retirement stops the kernel like a trap does (squashing IF/ID).
  assign redirect    = ex_fire && (ex_trap || ex_mispredict || (ex_c.cls == C_MRET) || (ex_c.cls == C_FENCEI) ||
                                   bud_last);
  assign redirect_pc = ex_pc_next;

  // Data port: a store writes at the EX->MEM edge (EX is the commit point); a load reads then.
  // Never during reset: the instruction still in EX when the harness resets the core (the one
  // after a halting store, say) must not write memory at the first reset edge, it never retires.
  assign d_en    = rst_n && ex_fire && !ex_trap && (is_ld || is_st);
  assign d_we    = is_st ? m_mask : 4'b0000;
  assign d_addr  = {agu[31:2], 2'b00};
  assign d_wdata = m_wdata;

  // EX result
  logic [31:0] ex_result;
  always_comb begin
    unique case (ex_c.cls)
      C_CSR:   ex_result = csr_rdata;
      C_MDU:   ex_result = mdu_result;
      default: ex_result = alu_out;
    endcase
  end

  // ID/EX and EX/MEM registers
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      ex_valid  <= 1'b0;
      ex_pred   <= 1'b0;
      ex_pc     <= '0;
      ex_insn   <= '0;
      ex_c      <= '0;
      ex_rs1    <= '0;
      ex_rs2    <= '0;
      ex_rd     <= '0;
      ex_rs1v   <= '0;
      ex_rs2v   <= '0;
      ex_imm    <= '0;
      ex_tcause <= '0;
      ex_ttval  <= '0;
      ex_xwait  <= 1'b0;
      ex_xs        <= 1'b0;
      ex_xs_mem    <= 1'b0;
      ex_xs_store  <= 1'b0;
      ex_xs_narrow <= 1'b0;
      ex_xs_cmp    <= 1'b0;
    end else if (ex_stall) begin
      // Held in EX: keep operands current while older producers drain out of MEM/WB.
      ex_rs1v  <= rs1f;
      ex_rs2v  <= rs2f;
      ex_xwait <= ex_xwait && !xu_wait_clr;
    end else if (redirect || id_stall || !id_valid) begin
      ex_valid <= 1'b0;
      ex_xwait <= 1'b0;
      ex_xs    <= 1'b0;
    end else begin
      ex_valid  <= 1'b1;
      ex_pred   <= id_pred;
      ex_pc     <= id_pc;
      ex_insn   <= id_insn;
      ex_c      <= dc;
      ex_rs1    <= id_rs1;
      ex_rs2    <= id_rs2;
      ex_rd     <= dc_wr_rd ? id_rdf : 5'd0;
      ex_rs1v   <= id_rs1v;
      ex_rs2v   <= id_rs2v;
      ex_imm    <= dc_imm;
      ex_tcause <= dc_tcause;
      ex_ttval  <= dc_ttval;
      ex_xwait  <= (dc.cls == C_XSEED) &&
                   (dc.xop != XU_TZERO) && (dc.xop != XU_GET) && (dc.xop != XU_PUT);
      ex_xs        <= (dc.cls == C_XSEED);
      ex_xs_mem    <= (dc.xop == XU_TLD) || (dc.xop == XU_TST) || (dc.xop == XU_TSTN);
      ex_xs_store  <= (dc.xop == XU_TST) || (dc.xop == XU_TSTN);
      ex_xs_narrow <= (dc.xop == XU_TSTN);
      ex_xs_cmp    <= (dc.xop == XU_MMA_I8) || (dc.xop == XU_MMA_E4M3) || (dc.xop == XU_ADD_I32) ||
                      (dc.xop == XU_MAX_I32) || (dc.xop == XU_RELU_I32) || (dc.xop == XU_ADD_F32) ||
                      (dc.xop == XU_QUANT_I8) || (dc.xop == XU_CVT_E4M3);
    end
  end

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      mem_valid     <= 1'b0;
      mem_pc        <= '0;
      mem_pc_next   <= '0;
      mem_insn      <= '0;
      mem_rd        <= '0;
      mem_result    <= '0;
      mem_load      <= 1'b0;
      mem_size      <= SZ_W;
      mem_unsigned  <= 1'b0;
      mem_trap      <= 1'b0;
      mem_cause     <= '0;
      mem_tval      <= '0;
      mem_maddr     <= '0;
      mem_lane      <= '0;
      mem_rmask     <= '0;
      mem_wmask     <= '0;
      mem_wdata_rec <= '0;
      mem_csr_read  <= 1'b0;
      mem_csr_write <= 1'b0;
      mem_csr_addr  <= '0;
      mem_csr_rdata <= '0;
      mem_csr_wdata <= '0;
      mem_tile_valid <= 1'b0;
      mem_tile_index <= '0;
    end else begin
      mem_valid <= ex_fire;
      if (ex_fire) begin
        mem_pc        <= ex_pc;
        mem_pc_next   <= ex_pc_next;
        mem_insn      <= ex_insn;
        mem_rd        <= ex_trap ? 5'd0 : ex_rd;
        // tget's word comes straight from the tile unit (clocked logic only reads it)
        mem_result    <= ex_xs ? xu_result : ex_result;
        mem_load      <= is_ld && !ex_trap;
        mem_size      <= ex_c.msize;
        mem_unsigned  <= ex_c.munsigned;
        mem_trap      <= ex_trap;
        mem_cause     <= ex_trap ? ex_cause : 32'd0;
        mem_tval      <= ex_trap ? ex_tval : 32'd0;
        mem_maddr     <= (d_en) ? d_addr : 32'd0;
        mem_lane      <= agu[1:0];
        mem_rmask     <= (d_en && is_ld) ? m_mask : 4'b0000;
        mem_wmask     <= (d_en && is_st) ? m_mask : 4'b0000;
        mem_wdata_rec <= (d_en && is_st) ? (m_wdata & m_lanebits) : 32'd0;
        mem_csr_read  <= (ex_c.cls == C_CSR) && ex_c.csr_rd;
        mem_csr_rdata <= ((ex_c.cls == C_CSR) && ex_c.csr_rd) ? csr_rdata : 32'd0;
        if (ex_xs && !ex_trap && (xu_flags != 2'b00)) begin
          mem_csr_write <= 1'b1;
          mem_csr_addr  <= CSR_XSSTAT;
          mem_csr_wdata <= (xsstat | {30'd0, xu_flags}) & XSSTAT_MASK;
        end else begin
          mem_csr_write <= (ex_c.cls == C_CSR) && ex_c.csr_wr;
          mem_csr_addr  <= (ex_c.cls == C_CSR) ? ex_csr : 12'd0;
          mem_csr_wdata <= ((ex_c.cls == C_CSR) && ex_c.csr_wr) ? csr_wvalue : 32'd0;
        end
        mem_tile_valid <= ex_xs && !ex_trap && ex_c.wr_tile;
        mem_tile_index <= ex_insn[9:7];
      end
    end
  end

  // ================================================================ MEM
  logic [31:0] ld_shift, ld_value, ld_lanebits, mem_wdata;
  assign ld_shift = d_rdata >> {mem_lane, 3'b000};
  always_comb begin
    unique case (mem_size)
      SZ_B:    ld_value = mem_unsigned ? {24'd0, ld_shift[7:0]}  : {{24{ld_shift[7]}}, ld_shift[7:0]};
      SZ_H:    ld_value = mem_unsigned ? {16'd0, ld_shift[15:0]} : {{16{ld_shift[15]}}, ld_shift[15:0]};
      default: ld_value = ld_shift;
    endcase
    ld_lanebits = {{8{mem_rmask[3]}}, {8{mem_rmask[2]}}, {8{mem_rmask[1]}}, {8{mem_rmask[0]}}};
  end
  assign mem_wdata = mem_load ? ld_value : mem_result;

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      wb_valid     <= 1'b0;
      wb_pc        <= '0;
      wb_pc_next   <= '0;
      wb_insn      <= '0;
      wb_rd        <= '0;
      wb_wdata     <= '0;
      wb_trap      <= 1'b0;
      wb_cause     <= '0;
      wb_tval      <= '0;
      wb_maddr     <= '0;
      wb_rmask     <= '0;
      wb_wmask     <= '0;
      wb_rdata_rec <= '0;
      wb_wdata_rec <= '0;
      wb_csr_read  <= 1'b0;
      wb_csr_write <= 1'b0;
      wb_csr_addr  <= '0;
      wb_csr_rdata <= '0;
      wb_csr_wdata <= '0;
      wb_tile_valid <= 1'b0;
      wb_tile_index <= '0;
    end else begin
      wb_valid <= mem_valid;
      if (mem_valid) begin
        wb_pc        <= mem_pc;
        wb_pc_next   <= mem_pc_next;
        wb_insn      <= mem_insn;
        wb_rd        <= mem_rd;
        wb_wdata     <= (mem_rd == 5'd0) ? 32'd0 : mem_wdata;
        wb_trap      <= mem_trap;
        wb_cause     <= mem_cause;
        wb_tval      <= mem_tval;
        wb_maddr     <= mem_maddr;
        wb_rmask     <= mem_rmask;
        wb_wmask     <= mem_wmask;
        wb_rdata_rec <= mem_load ? (d_rdata & ld_lanebits) : 32'd0;
        wb_wdata_rec <= mem_wdata_rec;
        wb_csr_read  <= mem_csr_read;
        wb_csr_write <= mem_csr_write;
        wb_csr_addr  <= mem_csr_addr;
        wb_csr_rdata <= mem_csr_rdata;
        wb_csr_wdata <= mem_csr_wdata;
        wb_tile_valid <= mem_tile_valid;
        wb_tile_index <= mem_tile_index;
      end
    end
  end

  // ================================================================ WB
  // A launch (core idle, so no write-back) resets the GPRs like a reset, then sets x2 and x10: one
  // loop for both, so the register file keeps its number of write sites.
  always_ff @(posedge clk) begin
    if (!rst_n || launch) begin
      for (int i = 0; i < 32; i++) begin
        regs[i] <= (rst_n && i == 2) ? launch_sp : (rst_n && i == 10) ? launch_a0 : 32'd0;
      end
    end else if (wb_wen) begin
      regs[wb_rd] <= wb_wdata;
    end
  end

  // order counts every record since reset (launches do not restart it).
  always_ff @(posedge clk) begin
    if (!rst_n)        order <= '0;
    else if (wb_valid) order <= order + 64'd1;
  end

  // Drained: nothing fetched is left; the WB record (if any) was emitted the cycle before, its
  // register write done. With `drain`, pc_f is then the next instruction's pc.
  assign drained = !(id_valid || ex_valid || mem_valid || wb_valid);

  always_comb begin
    if (wb_valid)       pc = wb_pc;
    else if (mem_valid) pc = mem_pc;
    else if (ex_valid)  pc = ex_pc;
    else if (id_valid)  pc = id_pc;
    else                pc = pc_f;
  end

  assign rvfi_valid      = wb_valid;
  assign rvfi_order      = order;
  assign rvfi_insn       = wb_insn;
  assign rvfi_trap       = wb_trap;
  assign rvfi_trap_cause = wb_cause;
  assign rvfi_trap_tval  = wb_tval;
  assign rvfi_pc_rdata   = wb_pc;
  assign rvfi_pc_wdata   = wb_pc_next;
  assign rvfi_rd_addr    = wb_rd;
  assign rvfi_rd_wdata   = wb_wdata;
  assign rvfi_mem_addr   = wb_maddr;
  assign rvfi_mem_rmask  = wb_rmask;
  assign rvfi_mem_wmask  = wb_wmask;
  assign rvfi_mem_rdata  = wb_rdata_rec;
  assign rvfi_mem_wdata  = wb_wdata_rec;
  assign rvfi_csr_read   = wb_csr_read;
  assign rvfi_csr_write  = wb_csr_write;
  assign rvfi_csr_addr   = wb_csr_addr;
  assign rvfi_csr_rdata  = wb_csr_rdata;
  assign rvfi_csr_wdata  = wb_csr_wdata;
  assign rvfi_row_valid  = xu_row_valid;
  assign rvfi_row_addr   = xu_row_addr;
  assign rvfi_row_rmask  = xu_row_rmask;
  assign rvfi_row_wmask  = xu_row_wmask;
  assign rvfi_tile_valid = wb_tile_valid;
  assign rvfi_tile_index = wb_tile_index;

endmodule
