// CSR file of the S1 core (spec §1.1, §2.3). Read and written by the instruction in EX, which is
// the core's commit point: everything older has already passed EX and cannot trap any more.
// Legality (existence, read-only) is decided by the decoder with seedchip_pkg::csr_exists /
// csr_read_only; here every address is assumed legal.
module s1_csr
  import seedchip_pkg::*;
  import s1_core_pkg::*;
(
  input  logic        clk,
  input  logic        rst_n,
  input  logic        view_en,    // the harness drains the pipeline: sample csr_view

  // CSR instruction in EX
  input  logic [11:0] addr,
  input  csr_op_e     op,
  input  logic [31:0] src,        // rs1 value or zimm
  input  logic        we,         // commit the write this cycle
  output logic [31:0] rdata,      // value read (before the write)
  output logic [31:0] wvalue,     // value the CSR reads after the write (WARL applied)

  // Trap / mret / retirement from EX (mutually exclusive with each other; `we` only with retire)
  input  logic        trap,
  input  logic [31:0] trap_pc,
  input  logic [31:0] trap_cause,
  input  logic [31:0] trap_tval,
  input  logic        mret,
  input  logic        retire,     // an instruction leaves EX without trapping

  output logic [31:0] mtvec_o,
  output logic [31:0] mepc_o,
  output logic [31:0] mcause_o,   // for the command processor: the trap that ended a kernel
  output logic [31:0] mtval_o,

  // Command mode: a LAUNCH resets the Xseed CSRs (only them: counters and the other CSRs keep
  // their values, spec §4.2). Never with an instruction in EX.
  input  logic        xs_clear,

  // Xseed tile unit: an Xseed instruction leaving EX (`xs_set`, never with `we`) ORs the flags it
  // raised into xsstat (sticky); the unit reads the requant and scale CSRs.
  input  logic        xs_set,
  input  logic [1:0]  xs_flags,
  output logic [31:0] xsstat_o,
  output logic [31:0] xsqmul_o,
  output logic [31:0] xsqshift_o,
  output logic [31:0] xsqzp_o,
  output logic [31:0] xsascl0_o,
  output logic [31:0] xsascl1_o,
  output logic [31:0] xsbscl0_o,
  output logic [31:0] xsbscl1_o
);

  logic        mie, mpie;
  logic [31:0] mtvec, mscratch, mepc, mcause, mtval;
  logic [63:0] mcycle, minstret;
  // Xseed CSRs (§2.3): plain storage with WARL rules; the tile unit sets xsstat flags and reads
  // the requant/scale registers.
  logic [31:0] xsstat, xsqmul, xsqshift, xsqzp, xsascl0, xsascl1, xsbscl0, xsbscl1;

  assign mtvec_o = mtvec;
  assign mepc_o  = mepc;
  assign mcause_o = mcause;
  assign mtval_o  = mtval;
  assign xsstat_o   = xsstat;
  assign xsqmul_o   = xsqmul;
  assign xsqshift_o = xsqshift;
  assign xsqzp_o    = xsqzp;
  assign xsascl0_o  = xsascl0;
  assign xsascl1_o  = xsascl1;
  assign xsbscl0_o  = xsbscl0;
  assign xsbscl1_o  = xsbscl1;

  // ---------------------------------------------------------------- read
  // The value CSR `a` reads: the instruction port and the harness's state view share it.
  function automatic logic [31:0] csr_value(input logic [11:0] a);
    logic [31:0] v;
    unique case (a)
      CSR_MSTATUS: begin
        v = MSTATUS_MPP;
        v[MSTATUS_MIE_BIT]  = mie;
        v[MSTATUS_MPIE_BIT] = mpie;
      end
      CSR_MISA:                   v = MISA_VALUE;
      CSR_MTVEC:                  v = mtvec;
      CSR_MSCRATCH:               v = mscratch;
      CSR_MEPC:                   v = mepc;
      CSR_MCAUSE:                 v = mcause;
      CSR_MTVAL:                  v = mtval;
      CSR_MCYCLE, CSR_CYCLE:      v = mcycle[31:0];
      CSR_MCYCLEH, CSR_CYCLEH:    v = mcycle[63:32];
      CSR_MINSTRET, CSR_INSTRET:  v = minstret[31:0];
      CSR_MINSTRETH, CSR_INSTRETH: v = minstret[63:32];
      CSR_XSSTAT:                 v = xsstat;
      CSR_XSQMUL:                 v = xsqmul;
      CSR_XSQSHIFT:               v = xsqshift;
      CSR_XSQZP:                  v = xsqzp;
      CSR_XSASCL0:                v = xsascl0;
      CSR_XSASCL1:                v = xsascl1;
      CSR_XSBSCL0:                v = xsbscl0;
      CSR_XSBSCL1:                v = xsbscl1;
      // mie, mip, mvendorid, marchid, mimpid, mhartid read 0
      default:                    v = 32'd0;
    endcase
    return v;
  endfunction

  assign rdata = csr_value(addr);

  // State backdoor for the harness (end-of-program comparison): what every CSR of
  // seedchip_pkg::CSR_ADDRESSES reads, with its address beside it. Sampled at the clock edges while
  // the harness drains the pipeline (view_en), not computed in any other cycle (a combinational
  // view cost ~10% of the simulation speed): once the pipeline is empty only mcycle still changes,
  // so the sample of the last drain cycle holds every CSR's final value.
  logic [31:0] csr_view      [CSR_COUNT] /* verilator public_flat_rd */;
  logic [11:0] csr_view_addr [CSR_COUNT] /* verilator public_flat_rd */;
  always_ff @(posedge clk) begin
    if (view_en) begin
      for (int i = 0; i < CSR_COUNT; i++) csr_view[i] <= csr_value(CSR_ADDRESSES[i]);
    end
  end
  always_comb begin
    for (int i = 0; i < CSR_COUNT; i++) csr_view_addr[i] = CSR_ADDRESSES[i];
  end

  // ---------------------------------------------------------------- write value and WARL
  logic [31:0] wraw;
  always_comb begin
    unique case (op)
      CSR_OP_S: wraw = rdata | src;
      CSR_OP_C: wraw = rdata & ~src;
      default:  wraw = src;
    endcase
  end

  function automatic logic [31:0] clamp(input logic [31:0] v, input int lo, input int hi);
    if ($signed(v) < lo) return lo[31:0];
    if ($signed(v) > hi) return hi[31:0];
    return v;
  endfunction

  always_comb begin
    unique case (addr)
      CSR_MSTATUS: begin
        wvalue = MSTATUS_MPP;
        wvalue[MSTATUS_MIE_BIT]  = wraw[MSTATUS_MIE_BIT];
        wvalue[MSTATUS_MPIE_BIT] = wraw[MSTATUS_MPIE_BIT];
      end
      CSR_MTVEC, CSR_MEPC: wvalue = {wraw[31:2], 2'b00};
      CSR_MIE, CSR_MIP:    wvalue = 32'd0;
      CSR_XSSTAT:          wvalue = wraw & XSSTAT_MASK;
      CSR_XSQSHIFT:        wvalue = clamp(wraw, XSQSHIFT_MIN, XSQSHIFT_MAX);
      CSR_XSQZP:           wvalue = clamp(wraw, XSQZP_MIN, XSQZP_MAX);
      default:             wvalue = wraw;
    endcase
  end

  // ---------------------------------------------------------------- state
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      mie <= 1'b0; mpie <= 1'b0;
      mtvec <= '0; mscratch <= '0; mepc <= '0; mcause <= '0; mtval <= '0;
      mcycle <= '0; minstret <= '0;
      xsstat <= '0; xsqmul <= '0; xsqshift <= '0; xsqzp <= '0;
      xsascl0 <= '0; xsascl1 <= '0; xsbscl0 <= '0; xsbscl1 <= '0;
    end else begin
      // Counters: a CSR write takes precedence over the cycle tick / the instruction's own
      // increment (the next instruction reads the written value).
      mcycle <= mcycle + 64'd1;
      if (retire) minstret <= minstret + 64'd1;

      if (trap) begin
        mepc   <= trap_pc;
        mcause <= trap_cause;
        mtval  <= trap_tval;
        mpie   <= mie;
        mie    <= 1'b0;
      end else if (mret) begin
        mie  <= mpie;
        mpie <= 1'b1;
      end else if (we) begin
        unique case (addr)
          CSR_MSTATUS: begin
            mie  <= wvalue[MSTATUS_MIE_BIT];
            mpie <= wvalue[MSTATUS_MPIE_BIT];
          end
          CSR_MTVEC:     mtvec    <= wvalue;
          CSR_MSCRATCH:  mscratch <= wvalue;
          CSR_MEPC:      mepc     <= wvalue;
          CSR_MCAUSE:    mcause   <= wvalue;
          CSR_MTVAL:     mtval    <= wvalue;
          CSR_MCYCLE:    mcycle   <= {mcycle[63:32], wvalue};
          CSR_MCYCLEH:   mcycle   <= {wvalue, mcycle[31:0]};
          CSR_MINSTRET:  minstret <= {minstret[63:32], wvalue};
          CSR_MINSTRETH: minstret <= {wvalue, minstret[31:0]};
          CSR_XSSTAT:    xsstat   <= wvalue;
          CSR_XSQMUL:    xsqmul   <= wvalue;
          CSR_XSQSHIFT:  xsqshift <= wvalue;
          CSR_XSQZP:     xsqzp    <= wvalue;
          CSR_XSASCL0:   xsascl0  <= wvalue;
          CSR_XSASCL1:   xsascl1  <= wvalue;
          CSR_XSBSCL0:   xsbscl0  <= wvalue;
          CSR_XSBSCL1:   xsbscl1  <= wvalue;
          default: ;     // mie, mip: writes ignored; read-only CSRs never get here
        endcase
      end
      if (xs_set) xsstat <= (xsstat | {30'd0, xs_flags}) & XSSTAT_MASK;
      if (xs_clear) begin
        xsstat <= '0; xsqmul <= '0; xsqshift <= '0; xsqzp <= '0;
        xsascl0 <= '0; xsascl1 <= '0; xsbscl0 <= '0; xsbscl1 <= '0;
      end
    end
  end

endmodule
