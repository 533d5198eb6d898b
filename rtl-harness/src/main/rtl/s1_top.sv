// SeedChip S1 top level: control core + DRAM. Interface contract: INTERFACE.md (this folder).
// Compile order: see s1_files.f (seedchip_pkg.sv, generated, comes first).
module s1_top
  import seedchip_pkg::*;
#(
  parameter int DRAM_BYTES = 1 << 20,         // power of two, 64 KiB .. 64 MiB
  parameter int XU_ROWS_PER_CYCLE = 8         // tile unit: output rows per compute cycle (1, 2, 4, 8)
) (
  input  logic         clk,
  input  logic         rst_n,                 // synchronous, active low
  input  logic [31:0]  reset_pc,              // bare mode: 32'h8000_0000
  input  logic [31:0]  window_lo,             // accessible range [window_lo, window_hi);
  input  logic [31:0]  window_hi,             //   bare mode: the whole DRAM
  input  logic         stop_on_trap,          // command mode (later): first trap stops the core
  input  logic         drain,                 // harness: stop fetching; instructions in flight complete
  output logic         drained,               // nothing in flight: every record emitted, state settled

  // RVFI-style commit port: one record per retired or trapping instruction, in order.
  output logic         rvfi_valid,
  output logic [63:0]  rvfi_order,
  output logic [31:0]  rvfi_insn,             // 0 for a fetch access fault
  output logic         rvfi_trap,
  output logic [31:0]  rvfi_trap_cause,
  output logic [31:0]  rvfi_trap_tval,
  output logic [31:0]  rvfi_pc_rdata,
  output logic [31:0]  rvfi_pc_wdata,         // next pc (mtvec on a trap)
  output logic [4:0]   rvfi_rd_addr,          // 0 when no register is written
  output logic [31:0]  rvfi_rd_wdata,         // 0 when rd_addr = 0
  output logic [31:0]  rvfi_mem_addr,         // scalar access: word-aligned address
  output logic [3:0]   rvfi_mem_rmask,        //   byte lanes of that word
  output logic [3:0]   rvfi_mem_wmask,
  output logic [31:0]  rvfi_mem_rdata,        //   data in its lanes (unmasked lanes: 0)
  output logic [31:0]  rvfi_mem_wdata,
  output logic         rvfi_csr_read,         // the instruction read rvfi_csr_addr
  output logic         rvfi_csr_write,        // the instruction (or an Xseed flag update) wrote it
  output logic [11:0]  rvfi_csr_addr,
  output logic [31:0]  rvfi_csr_rdata,        // value read (before the write)
  output logic [31:0]  rvfi_csr_wdata,        // value the CSR reads after the write (WARL applied)

  // Xseed (spec §2): tile row accesses stream out, one per cycle, before their instruction's
  // rvfi_valid; the harness attaches them to that record in order.
  output logic         rvfi_row_valid,
  output logic [31:0]  rvfi_row_addr,
  output logic [31:0]  rvfi_row_rmask,        // one bit per byte: 32'hFFFF_FFFF, or 32'h0000_00FF for tstn
  output logic [31:0]  rvfi_row_wmask,
  output logic [255:0] rvfi_row_data,         // row bytes, byte b at bits 8b+7:8b
  output logic         rvfi_tile_valid,       // with rvfi_valid: the instruction wrote a tile
  output logic [2:0]   rvfi_tile_index,
  output logic [2047:0] rvfi_tile_data        // the whole tile after the write, byte b at 8b+7:8b
);

  localparam int AW = $clog2(DRAM_BYTES / 4);

  logic        i_en, d_en;
  logic [3:0]  d_we;
  logic [31:0] i_addr, d_addr, d_wdata, i_rdata, d_rdata;
  logic         r_clk, r_en, r_we;
  logic [7:0]   r_wwords;
  logic [31:0]  r_addr;
  logic [255:0] r_wdata, r_rdata;

  s1_core #(.DRAM_BYTES(DRAM_BYTES), .XU_ROWS_PER_CYCLE(XU_ROWS_PER_CYCLE)) u_core (
    .clk, .rst_n, .reset_pc, .window_lo, .window_hi, .stop_on_trap, .drain, .drained,
    .i_en, .i_addr, .i_rdata,
    .d_en, .d_we, .d_addr, .d_wdata, .d_rdata,
    .r_clk, .r_en, .r_we, .r_wwords, .r_addr, .r_wdata, .r_rdata,
    .rvfi_valid, .rvfi_order, .rvfi_insn, .rvfi_trap, .rvfi_trap_cause, .rvfi_trap_tval,
    .rvfi_pc_rdata, .rvfi_pc_wdata, .rvfi_rd_addr, .rvfi_rd_wdata,
    .rvfi_mem_addr, .rvfi_mem_rmask, .rvfi_mem_wmask, .rvfi_mem_rdata, .rvfi_mem_wdata,
    .rvfi_csr_read, .rvfi_csr_write, .rvfi_csr_addr, .rvfi_csr_rdata, .rvfi_csr_wdata,
    .rvfi_row_valid, .rvfi_row_addr, .rvfi_row_rmask, .rvfi_row_wmask,
    .rvfi_tile_valid, .rvfi_tile_index, .rvfi_tile_data
  );

  // DRAM word index of a byte address. The core only issues accesses that passed the window /
  // DRAM check (a fetch outside is flagged and its word ignored), so the dropped offset bits are
  // don't-care by construction.
  /* verilator lint_off UNUSEDSIGNAL */
  logic [31:0] i_off, d_off, r_off;
  /* verilator lint_on UNUSEDSIGNAL */
  assign i_off = i_addr - DRAM_BASE;
  assign d_off = d_addr - DRAM_BASE;
  assign r_off = r_addr - DRAM_BASE;

  s1_dram #(.DRAM_BYTES(DRAM_BYTES)) u_dram (
    .clk,
    .i_en,
    .i_addr  (i_off[AW+1:2]),
    .i_rdata,
    .d_en,
    .d_we,
    .d_addr  (d_off[AW+1:2]),
    .d_wdata,
    .d_rdata,
    .r_clk,
    .r_en,
    .r_we,
    .r_wwords,
    .r_addr  (r_off[AW+1:2]),
    .r_wdata,
    .r_rdata
  );

  // A row access's data is the row the DRAM row port read or wrote in the previous cycle.
  assign rvfi_row_data = r_rdata;


endmodule
