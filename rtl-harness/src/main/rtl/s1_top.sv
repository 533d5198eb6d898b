// SeedChip S1 top level: control core + command processor / DMA + DRAM. Interface contract:
// INTERFACE.md (this folder). Compile order: see s1_files.f (the generated packages seedchip_pkg.sv
// and s1_device_pkg.sv come first).
module s1_top
  import seedchip_pkg::*;
#(
  parameter int DRAM_BYTES = 1 << 20,         // power of two, 64 KiB .. 64 MiB
  parameter int XU_ROWS_PER_CYCLE = 8         // tile unit: output rows per compute cycle (1, 2, 4, 8)
) (
  input  logic         clk,
  input  logic         rst_n,                 // synchronous, active low
  input  logic         cmd_mode,              // sampled in reset: 0 bare mode, 1 command mode (spec §3)
  input  logic [31:0]  reset_pc,              // bare mode, sampled in reset: 32'h8000_0000
  input  logic [31:0]  window_lo,             // bare mode, sampled in reset: accessible range
  input  logic [31:0]  window_hi,             //   [window_lo, window_hi), normally all of DRAM
  input  logic         stop_on_trap,          // bare mode: the first trap stops the core
  input  logic         drain,                 // harness: stop fetching; instructions in flight complete
  output logic         drained,               // nothing in flight: every record emitted, state settled

  // Host MMIO port (spec §4.1): one register word per request; performed at the next clock
  // edge, acknowledged (with the read data) for one cycle after it. Drop mmio_valid on ack.
  input  logic         mmio_valid,
  input  logic         mmio_write,
  input  logic [7:0]   mmio_addr,             // byte offset in the register window (word aligned)
  input  logic [31:0]  mmio_wdata,
  output logic         mmio_ack,
  output logic [31:0]  mmio_rdata,            //   valid with mmio_ack after a read

  // Host memory port (spec §4.1): one DRAM word per request, held until host_ack (one cycle);
  // drop host_valid on ack.
  input  logic         host_valid,
  input  logic [3:0]   host_wmask,            // byte lanes to write; 0 = read
  input  logic [31:0]  host_addr,             // byte address of a DRAM word (word aligned)
  input  logic [31:0]  host_wdata,
  output logic         host_ack,
  output logic [31:0]  host_rdata,            //   valid with host_ack after a read

  output logic         irq,                   // |(IRQ_STATUS & IRQ_ENABLE), a level

  // Device events (spec §5): one cycle each, never in the same cycle as rvfi_valid.
  output logic         ev_valid,
  output logic [1:0]   ev_kind,               // s1_device_pkg::event_e
  output logic [31:0]  ev_index,              // descriptor's ring index
  output logic [31:0]  ev_addr,               // COMPLETION: record address; DMA_WRITE: destination
  output logic [31:0]  ev_arg,                // COMPLETION: 1 if written; DMA_WRITE: length
  output logic [31:0]  ev_w0,                 // COMPLETION: record words; DMA_WRITE: opcode,
  output logic [31:0]  ev_w1,                 //   source (COPY) or pattern (FILL), 0, 0
  output logic [31:0]  ev_w2,
  output logic [31:0]  ev_w3,
  output logic         dev_idle,              // command mode: nothing executing, nothing to consume
  output logic         dev_xfer,              // the device moved DRAM data for a command (progress)

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

  logic         launch, core_idle, core_watchdog;
  logic [31:0]  launch_pc, launch_sp, launch_a0, launch_lo, launch_hi, launch_budget;
  logic [31:0]  core_budget_left, core_x10, core_mcause, core_mtval;
  logic         x_clk, x_req, x_we;
  logic [31:0]  x_wmask, x_addr;
  logic [255:0] x_wdata, x_rdata;

  s1_core #(.DRAM_BYTES(DRAM_BYTES), .XU_ROWS_PER_CYCLE(XU_ROWS_PER_CYCLE)) u_core (
    .clk, .rst_n, .reset_pc, .window_lo, .window_hi, .stop_on_trap, .drain, .drained, .cmd_mode,
    .launch, .launch_pc, .launch_sp, .launch_a0, .launch_lo, .launch_hi, .launch_budget,
    .idle (core_idle), .watchdog (core_watchdog), .budget_left (core_budget_left), .x10 (core_x10),
    .mcause (core_mcause), .mtval (core_mtval),
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

  s1_cmdproc #(.DRAM_BYTES(DRAM_BYTES)) u_cmdproc (
    .clk, .rst_n, .cmd_mode,
    .mmio_valid, .mmio_write, .mmio_addr, .mmio_wdata, .mmio_ack, .mmio_rdata,
    .host_valid, .host_wmask, .host_addr, .host_wdata, .host_ack, .host_rdata,
    .irq,
    .ev_valid, .ev_kind, .ev_index, .ev_addr, .ev_arg, .ev_w0, .ev_w1, .ev_w2, .ev_w3,
    .dev_idle, .dev_xfer,
    .launch, .launch_pc, .launch_sp, .launch_a0, .launch_lo, .launch_hi, .launch_budget,
    .core_idle, .core_watchdog, .core_budget_left, .core_x10, .core_mcause, .core_mtval,
    .x_clk, .x_req, .x_we, .x_wmask, .x_addr, .x_wdata,
    .x_busy (r_en),
    .x_rdata
  );


  // DRAM word index of a byte address. The core only issues accesses that passed the window /
  // DRAM check (a fetch outside is flagged and its word ignored), so the dropped offset bits are
  // don't-care by construction.
  /* verilator lint_off UNUSEDSIGNAL */
  logic [31:0] i_off, d_off, r_off, x_off;
  /* verilator lint_on UNUSEDSIGNAL */
  assign i_off = i_addr - DRAM_BASE;
  assign d_off = d_addr - DRAM_BASE;
  assign r_off = r_addr - DRAM_BASE;
  assign x_off = x_addr - DRAM_BASE;     // the device wraps around DRAM (masked words only)

  s1_dram #(.DRAM_BYTES(DRAM_BYTES)) u_dram (
    .clk,
    .rst_n,
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
    .r_rdata,
    .x_clk,
    .x_req,
    .x_we,
    .x_wmask,
    .x_addr  (x_off[AW+1:2]),
    .x_wdata,
    .x_rdata
  );

  // A row access's data is the row the DRAM row port read or wrote in the previous cycle.
  assign rvfi_row_data = r_rdata;


endmodule
