// Xseed tile unit of the S1 core (spec §2), in EX beside the MDU.
//
// State: eight 256-byte tiles as 64 rows of 256 bits (`trf[{tile, row}]`, byte b of a row at bits
// 8b+7:8b), reset to zero. The Xseed CSRs live in s1_csr; the unit reads the requant and scale
// registers and hands the SAT/NV flags an operation raised to EX, which makes them sticky in
// xsstat when the instruction leaves EX.
//
// Protocol with EX: an Xseed instruction other than tzero/tget/tput enters EX with EX's wait bit
// set (s1_core `ex_xwait`, a pipeline register, so the stall logic reads no combinational tile
// signal); the unit raises `wait_clr` in the cycle before the instruction's last EX cycle, and the
// instruction leaves EX (`ack`) in that last cycle — retiring, or trapping when `fault` (a
// register: tld/tst/tstn whose check failed) is set. Every architectural write of the unit (tile
// register, DRAM rows, flags) has happened by the clock edge that ends the last cycle.
// Cycles in EX (back-to-back throughput is the same):
//   tzero, tget, tput                              1
//   tld, tst, tstn                                 10 (1 check + 8 row cycles + 1); a fault: 3
//   tmma.*, tadd.*, tmax, trelu, tquant, tcvt      TILE_ROWS / ROWS_PER_CYCLE + 1
//
// tld / tst / tstn: the first EX cycle checks base/stride alignment and all 8 rows against the
// window and DRAM (registered, so a fault is decided before anything moves and no combinational
// path runs from the window inputs into the pipeline control); then one row per cycle moves
// through the 256-bit DRAM row port (8 consecutive words at any word-aligned address; its data
// register r_rdata holds the row read, or written, in the previous cycle). Each row access is
// reported (`row_*` registered here, the data is r_rdata) in the cycle after it moved, i.e. in
// EX cycles 3..10: EX has then been stalled for at least two cycles, so MEM and WB are empty and
// every older record has been emitted; the instruction leaves EX in the cycle its last row is
// reported, so its own record is the next one (the harness attaches a row beat to the next
// rvfi_valid record). tld writes each row into the destination tile in its report cycle.
//
// Compute ops read their operands from the tile registers and write their results into the
// result buffer `res`, ROWS_PER_CYCLE output rows per cycle; the destination tile is written from
// `res` in the last cycle. All operands are read before the destination changes, so any of them
// may alias it.
//
// Simulation speed (a Verilator model evaluates every block of a clock on each of its edges): the
// narrow control state is on clk, and the pipeline's stall and trap logic reads only its
// registers (no combinational path from the tile datapath into the core's control; the
// precise-fault check runs in a clocked block, so no path from the window inputs either). The
// wide datapath (tiles, result buffer, flags, next store row, record tile) and the DRAM row
// port's read register are clocked by `gclk`, a latch-based clock gate enabled only while an
// Xseed instruction is in EX, a row access is being reported or a written tile is copied into
// the commit record, so their update bookkeeping is skipped entirely in other cycles; the
// numerics functions (s1_fp32_pkg, s1_e4m3_pkg, s1_requant_pkg) run only in compute cycles.
// README.md "Xseed tile unit" has the measurements.
module s1_tile
  import seedchip_pkg::*;
  import s1_core_pkg::*;
  import s1_fp32_pkg::*;
  import s1_e4m3_pkg::*;
  import s1_requant_pkg::*;
#(
  parameter int DRAM_BYTES     = 1 << 20,
  parameter int ROWS_PER_CYCLE = 8            // output rows per compute cycle: 1, 2, 4 or 8
) (
  input  logic          clk,
  input  logic          rst_n,

  // Instruction in EX
  input  logic          sel,                  // an Xseed instruction is in EX
  input  xu_op_e        op,
  input  logic          is_mem,               // op is tld/tst/tstn (decoded bits of op)
  input  logic          is_store,             // op is tst/tstn
  input  logic          is_narrow,            // op is tstn
  input  logic          is_cmp,               // op is a row-batched compute op
  input  logic [2:0]    td,                   // tile in the rd field (destination / store source)
  input  logic [2:0]    ta,                   // tile in the rs1 field (A)
  input  logic [2:0]    tb,                   // tile in the rs2 field (B)
  input  logic [31:0]   rs1v,                 // x[rs1] (forwarded), x[rs2]
  input  logic [31:0]   rs2v,
  input  logic          ack,                  // the instruction leaves EX this cycle
  input  logic [31:0]   window_lo,            // accessible range [window_lo, window_lo + win_span)
  input  logic [31:0]   win_span,
  input  logic          clear,                // command-mode LAUNCH (unit idle): tiles reset to zero
  output logic          fault,                // precise trap (tld/tst/tstn, from the 2nd EX cycle)
  output logic [31:0]   fault_cause,
  output logic [31:0]   fault_tval,
  output logic          wait_clr,             // the next EX cycle is the operation's last
  output logic [31:0]   result,               // tget: x[rd]
  output logic [1:0]    flags,                // {NV, SAT} raised by the operation (a register of the
                                              //   datapath, valid in the last EX cycle)

  // Xseed CSRs (§2.3)
  input  logic [31:0]   qmul,
  input  logic [31:0]   qshift,
  input  logic [31:0]   qzp,
  input  logic [31:0]   ascl0,
  input  logic [31:0]   ascl1,
  input  logic [31:0]   bscl0,
  input  logic [31:0]   bscl1,

  // DRAM row port: at the clock edge a row is written, or read into r_rdata (which also holds a
  // written row afterwards; r_rdata is clocked by row_clk, the unit's gated clock)
  output logic          row_clk,
  output logic          r_en,
  output logic          r_we,
  output logic [7:0]    r_wwords,             // words of the row to write
  output logic [31:0]   r_addr,               // byte address, word aligned
  output logic [255:0]  r_wdata,
  input  logic [255:0]  r_rdata,

  // RVFI: row accesses and the written tile of the record in WB
  output logic          row_valid,
  output logic [31:0]   row_addr,
  output logic [31:0]   row_rmask,
  output logic [31:0]   row_wmask,
  input  logic          rec_load,             // the tile-writing instruction in MEM moves to WB
  input  logic [2:0]    rec_index,
  output logic [2047:0] rec_tile
);

  localparam int RPC     = ROWS_PER_CYCLE;
  localparam int BATCHES = TILE_ROWS / RPC;   // compute cycles per operation
  localparam int ROW_W   = 8 * TILE_ROW_BYTES;
  localparam int WPR     = TILE_ROW_BYTES / 4; // 32-bit words per row
  localparam logic [31:0] ROW_MASK     = 32'((64'd1 << TILE_ROW_BYTES) - 64'd1);
  localparam logic [31:0] NARROW_MASK  = 32'((64'd1 << TILE_NARROW_ROW_BYTES) - 64'd1);
  localparam logic [7:0]  NARROW_WORDS = 8'((16'd1 << (TILE_NARROW_ROW_BYTES / 4)) - 16'd1);

  // Static geometry checks (the code below assumes the spec's 8 x 8 rows x 32 bytes).
  if (TILE_COUNT != 8 || TILE_ROWS != 8 || TILE_ROW_BYTES != 32 || TILE_BYTES != 256 ||
      MAX_ROW_ACCESSES < TILE_ROWS || (TILE_ROWS % RPC) != 0) begin : g_bad_geometry
    $error("s1_tile: unsupported tile geometry or ROWS_PER_CYCLE");
  end

  // ---------------------------------------------------------------- state
  typedef enum logic { S_IDLE, S_RUN } state_e;

  // tile register file: trf[{tile, row}]; public: the harness reads the tiles at the end of a program
  logic [ROW_W-1:0] trf [TILE_COUNT * TILE_ROWS] /* verilator public_flat_rd */;
  logic [ROW_W-1:0] res [TILE_ROWS];                // compute result buffer
  state_e           state;
  logic [3:0]       cnt;                            // rows moved / batches computed
  logic [1:0]       flags_q;
  logic             fault_q;                        // the check failed: trap with this cause, mtval
  logic [31:0]      fault_cause_q, fault_tval_q;
  logic [31:0]      raddr_q, stride_q;              // next row address, stride
  logic [ROW_W-1:0] wrow_q;                         // tst/tstn: the next row to write
  logic             beat_q, beat_ld_q;
  logic [2:0]       beat_row_q;
  logic [31:0]      beat_addr_q, beat_rmask_q, beat_wmask_q;

  // ---------------------------------------------------------------- precise fault check
  // Number of leading bytes of [a, a + n) inside [lo, lo + span) (n <= 32, span <= 2^31).
  function automatic logic [31:0] inside_bytes(input logic [31:0] a, input logic [31:0] lo,
                                               input logic [31:0] span, input logic [31:0] n);
    logic [31:0] rel;
    rel = a - lo;
    if (rel >= span) return 32'd0;
    if (span - rel < n) return span - rel;
    return n;
  endfunction

  // tld/tst/tstn check, done in the first EX cycle and registered: misaligned base or stride
  // (mtval = base) before any row; then all rows in order, mtval = the first faulting byte of
  // the first faulting row. The window lies inside DRAM; the DRAM bound only matters for a
  // misconfigured window. Returns {fault, access fault (else misaligned), mtval}.
  function automatic logic [33:0] mem_check(input logic [31:0] base, input logic [31:0] stride,
                                            input logic [31:0] n, input logic [31:0] lo,
                                            input logic [31:0] span);
    /* verilator no_inline_task */
    logic [31:0] a, off, offd;
    if (((base | stride) & 32'd3) != 32'd0) return {2'b10, base};
    a = base;
    for (int r = 0; r < TILE_ROWS; r++) begin
      off  = inside_bytes(a, lo, span, n);
      offd = inside_bytes(a, DRAM_BASE, 32'(DRAM_BYTES), n);
      if (offd < off) off = offd;
      if (off != n) return {2'b11, a + off};
      a = a + stride;
    end
    return {2'b00, base};
  endfunction

  assign fault       = fault_q;               // only set while the faulting instruction is in EX
  assign fault_tval  = fault_tval_q;
  assign fault_cause = fault_cause_q;

  // ---------------------------------------------------------------- control
  logic start, fin, issue, step;
  assign start = sel && (state == S_IDLE);
  assign issue = sel && (state == S_RUN) && is_mem && !fault_q && (cnt < 4'(TILE_ROWS));
  assign step  = sel && is_cmp && (start || (state == S_RUN && cnt < 4'(BATCHES)));
  assign fin   = ack && sel;                  // the instruction leaves EX (retires or traps)
  // mem ops: after a failed check, or when the last row moves (its report is the last cycle);
  // compute ops: when the last batch is computed (the destination write is the last cycle).
  assign wait_clr = (sel && (state == S_RUN) && fault_q) ||
                    (issue && (cnt == 4'(TILE_ROWS - 1))) ||
                    (step && ((start ? 4'd1 : cnt + 4'd1) == 4'(BATCHES)));

  assign flags = flags_q;

  // tget: word x[rs2] & 63 of tile A.
  always_comb begin
    result = 32'd0;
    if (sel && op == XU_GET) result = trf[{ta, rs2v[5:3]}][32 * rs2v[2:0] +: 32];
  end

  // DRAM row port (never during reset: a tile store cut off by the harness's reset writes nothing)
  assign r_en     = rst_n && issue;
  assign r_we     = is_store;
  assign r_wwords = is_narrow ? NARROW_WORDS : 8'hFF;
  assign r_addr   = raddr_q;
  assign r_wdata  = wrow_q;

  assign row_valid = beat_q;
  assign row_addr  = beat_addr_q;
  assign row_rmask = beat_rmask_q;
  assign row_wmask = beat_wmask_q;

  // ---------------------------------------------------------------- compute helpers
  function automatic logic [31:0] dot_i8(input logic [ROW_W-1:0] a, input logic [ROW_W-1:0] b);
    /* verilator no_inline_task */
    logic [31:0] s;
    s = 32'd0;
    for (int k = 0; k < TILE_ROW_BYTES; k++)
      s = s + 32'($signed(a[8*k +: 8]) * $signed(b[8*k +: 8]));
    return s;
  endfunction

  // UE8M0 scale of row `r`: byte r mod 4 of the low (rows 0-3) or high (rows 4-7) CSR.
  function automatic logic [7:0] scale(input logic [31:0] lo, input logic [31:0] hi,
                                       input logic [2:0] r);
    return r[2] ? hi[8 * r[1:0] +: 8] : lo[8 * r[1:0] +: 8];
  endfunction

  // ---------------------------------------------------------------- control
  // Narrow control state; the pipeline reads only these registers (and `wait_clr` in its clocked
  // logic).
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      state        <= S_IDLE;
      cnt          <= '0;
      fault_q      <= 1'b0;
      fault_cause_q <= '0;
      fault_tval_q <= '0;
      raddr_q      <= '0;
      stride_q     <= '0;
      beat_q       <= 1'b0;
      beat_ld_q    <= 1'b0;
      beat_row_q   <= '0;
      beat_addr_q  <= '0;
      beat_rmask_q <= '0;
      beat_wmask_q <= '0;
    end else begin
      beat_q <= issue;
      // tld / tst / tstn: check in the first cycle, then one row per cycle
      if (start && is_mem) begin : check
        logic [33:0] c;
        c = mem_check(rs1v, rs2v, is_narrow ? 32'(TILE_NARROW_ROW_BYTES) : 32'(TILE_ROW_BYTES),
                      window_lo, win_span);
        fault_q       <= c[33];
        fault_cause_q <= !c[32] ? ((op == XU_TLD) ? CAUSE_LOAD_MISALIGNED : CAUSE_STORE_MISALIGNED)
                                : ((op == XU_TLD) ? CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS);
        fault_tval_q  <= c[31:0];
        raddr_q      <= rs1v;
        stride_q     <= rs2v;
        cnt          <= '0;
        state        <= S_RUN;
      end
      if (issue) begin
        beat_ld_q    <= !is_store;
        beat_row_q   <= cnt[2:0];
        beat_addr_q  <= raddr_q;
        beat_rmask_q <= is_store ? 32'd0 : ROW_MASK;
        beat_wmask_q <= !is_store ? 32'd0 : is_narrow ? NARROW_MASK : ROW_MASK;
        raddr_q      <= raddr_q + stride_q;
        cnt          <= cnt + 4'd1;
      end
      // compute ops: one batch per cycle (the datapath below), then the destination write
      if (step) begin
        if (start) begin
          cnt   <= 4'd1;
          state <= S_RUN;
        end else begin
          cnt <= cnt + 4'd1;
        end
      end
      if (fin) begin
        state   <= S_IDLE;
        fault_q <= 1'b0;
      end
    end
  end

  // ---------------------------------------------------------------- clock gate
  // Latch-based integrated clock gate: the enable is sampled while clk is low, so gclk is a
  // glitch-free copy of clk in the cycles the datapath has something to do (reset included).
  logic en, en_l, gclk;
  assign en = !rst_n || sel || beat_q || rec_load || clear;
  always_latch begin
    if (!clk) en_l = en;
  end
  assign gclk    = clk & en_l;
  assign row_clk = gclk;

  // ---------------------------------------------------------------- datapath (gated clock)
  always_ff @(posedge gclk) begin
    if (!rst_n || clear) begin
      for (int i = 0; i < TILE_COUNT * TILE_ROWS; i++) trf[i] <= '0;
      for (int i = 0; i < TILE_ROWS; i++) res[i] <= '0;
      flags_q  <= '0;
      wrow_q   <= '0;
      rec_tile <= '0;
    end else begin
      // tld: the row reported this cycle (read data in r_rdata) goes into the destination tile.
      if (beat_q && beat_ld_q) trf[{td, beat_row_q}] <= r_rdata;

      // The written tile for the commit record, read while the instruction is in MEM: its own
      // write happened at the EX->MEM edge and no younger write has happened yet.
      if (rec_load) begin
        for (int i = 0; i < TILE_ROWS; i++) rec_tile[ROW_W*i +: ROW_W] <= trf[{rec_index, 3'(i)}];
      end

      // tst / tstn: the row to write next
      if (start && is_mem) wrow_q <= trf[{td, 3'd0}];
      if (issue)           wrow_q <= trf[{td, cnt[2:0] + 3'd1}];

      // compute ops: one batch of RPC output rows per cycle into res
      if (step) begin : compute
        logic [3:0]       b;
        logic [2:0]       r;
        logic [1:0]       f;
        logic [ROW_W-1:0] arow, brow, drow, orow;
        logic [33:0]      e;
        logic [9:0]       q;
        b = (state == S_IDLE) ? 4'd0 : cnt;
        f = (state == S_IDLE) ? 2'b00 : flags_q;
        for (int k = 0; k < RPC; k++) begin
          r    = 3'(32'(b) * RPC + k);
          arow = trf[{ta, r}];
          brow = trf[{tb, r}];
          drow = trf[{td, r}];
          orow = '0;
          unique case (op)
            XU_MMA_I8:
              for (int j = 0; j < WPR; j++)
                orow[32*j +: 32] = drow[32*j +: 32] + dot_i8(arow, trf[{tb, 3'(j)}]);
            XU_MMA_E4M3:
              for (int j = 0; j < WPR; j++) begin
                e = e4m3_elem(drow[32*j +: 32], arow, trf[{tb, 3'(j)}], scale(ascl0, ascl1, r),
                              scale(bscl0, bscl1, 3'(j)));
                orow[32*j +: 32] = e[31:0];
                f = f | e[33:32];
              end
            XU_ADD_I32:
              for (int j = 0; j < WPR; j++)
                orow[32*j +: 32] = arow[32*j +: 32] + brow[32*j +: 32];
            XU_MAX_I32:
              for (int j = 0; j < WPR; j++)
                orow[32*j +: 32] = ($signed(arow[32*j +: 32]) > $signed(brow[32*j +: 32]))
                                   ? arow[32*j +: 32] : brow[32*j +: 32];
            XU_RELU_I32:
              for (int j = 0; j < WPR; j++)
                orow[32*j +: 32] = arow[32*j+31] ? 32'd0 : arow[32*j +: 32];
            XU_ADD_F32:
              for (int j = 0; j < WPR; j++) begin
                e = fp32_add(arow[32*j +: 32], brow[32*j +: 32]);
                orow[32*j +: 32] = e[31:0];
                f = f | e[33:32];
              end
            XU_QUANT_I8:
              for (int j = 0; j < WPR; j++) begin      // bytes WPR.. of the row stay 0
                q = requant(arow[32*j +: 32], qmul, qshift, qzp);
                orow[8*j +: 8] = q[7:0];
                f = f | q[9:8];
              end
            XU_CVT_E4M3:
              for (int j = 0; j < WPR; j++) begin
                q = to_e4m3(arow[32*j +: 32]);
                orow[8*j +: 8] = q[7:0];
                f = f | q[9:8];
              end
            default: ;
          endcase
          res[r] <= orow;
        end
        flags_q <= f;
      end

      // last cycle: destination write
      if (fin) begin
        flags_q <= 2'b00;
        // (tld's rows are written as they are reported; tget, tst, tstn write no tile)
        if (op == XU_PUT) begin
          trf[{td, rs2v[5:3]}][32 * rs2v[2:0] +: 32] <= rs1v;
        end else if (op == XU_TZERO || is_cmp) begin
          for (int i = 0; i < TILE_ROWS; i++) trf[{td, 3'(i)}] <= (op == XU_TZERO) ? '0 : res[i];
        end
      end
    end
  end

endmodule
