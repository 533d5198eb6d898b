// SeedChip S1 DRAM model: DRAM_BYTES of word-organised storage at seedchip_pkg::DRAM_BASE.
// Four synchronous ports (registered read data, one cycle latency):
//   - instruction port: read only, with a read enable so a stalled fetch holds its word;
//   - data port (the core's loads and stores): read or byte-masked write (a write returns no data);
//   - wide port: 8 consecutive words at any word index, shared by the core's tile unit (row port,
//     word-masked writes) and the device (x port: host memory port, descriptor fetch, completion
//     write and DMA, byte-masked writes). One wide access per cycle: the tile unit has priority,
//     the device's request is performed in the cycles the tile unit leaves free.
//     r_rdata holds the row the tile unit read, or wrote, in the previous cycle, clocked by the
//     tile unit's gated clock r_clk; x_rdata holds the 8 words of the device's last read, clocked
//     by the device's gated clock x_clk. Writes happen at the clk edge like every other write.
// The core never uses the data and row ports in the same cycle, and a row never wraps past the
// end of DRAM (the tile unit checks every row before it moves); device accesses wrap around the
// DRAM (the device masks off the words outside the range it writes).
// `mem` is public so the harness can load images and read results through the backdoor:
// word i holds bytes DRAM_BASE + 4i .. +3, little-endian. It is never reset.
module s1_dram #(
  parameter int DRAM_BYTES = 1 << 20,
  localparam int WORDS = DRAM_BYTES / 4,
  localparam int AW = $clog2(WORDS)
) (
  input  logic          clk,
  input  logic          rst_n,        // reset squashes a device write in flight (the core gates its own)
  // instruction port
  input  logic          i_en,
  input  logic [AW-1:0] i_addr,       // word index
  output logic [31:0]   i_rdata,
  // data port
  input  logic          d_en,
  input  logic [3:0]    d_we,         // byte lanes to write; 0 = read
  input  logic [AW-1:0] d_addr,       // word index
  input  logic [31:0]   d_wdata,
  output logic [31:0]   d_rdata,
  // row port
  input  logic          r_clk,        // r_rdata's clock: the tile unit's gated clk
  input  logic          r_en,
  input  logic          r_we,
  input  logic [7:0]    r_wwords,     // words of the row to write (r_en && r_we)
  input  logic [AW-1:0] r_addr,       // word index of word 0 of the row
  input  logic [255:0]  r_wdata,
  output logic [255:0]  r_rdata,
  // device port: a request is performed in the cycles without r_en (the grant is computed here,
  // in the clocked blocks, so the idle chip evaluates no arbitration logic)
  input  logic          x_clk,        // x_rdata's clock: the device's gated clk
  input  logic          x_req,
  input  logic          x_we,
  input  logic [31:0]   x_wmask,      // bytes of the 8 words to write (x_we)
  input  logic [AW-1:0] x_addr,       // word index of word 0
  input  logic [255:0]  x_wdata,
  output logic [255:0]  x_rdata
);

  logic [31:0] mem [WORDS] /* verilator public_flat_rw */;

  always_ff @(posedge clk) begin
    if (i_en) i_rdata <= mem[i_addr];
  end

  always_ff @(posedge r_clk) begin
    if (r_en) begin
      if (r_we) begin
        r_rdata <= r_wdata;
      end else begin
        for (int k = 0; k < 8; k++) r_rdata[32*k +: 32] <= mem[r_addr + AW'(k)];
      end
    end
  end

  always_ff @(posedge x_clk) begin
    if (x_req && !r_en && !x_we) begin
      for (int k = 0; k < 8; k++) x_rdata[32*k +: 32] <= mem[x_addr + AW'(k)];
    end
  end

  // Wide-port writes: the tile unit's rows or the device's masked words through the same eight
  // write sites (each site costs the simulation a little in every cycle, used or not).
  always_ff @(posedge clk) begin
    if (r_en ? r_we : (x_req && x_we && rst_n)) begin : wide_write
      logic [AW-1:0] a;
      logic [31:0]   m, bits;
      a = r_en ? r_addr : x_addr;
      for (int k = 0; k < 8; k++) begin
        m    = r_en ? {32{r_wwords[k]}} : {{8{x_wmask[4*k+3]}}, {8{x_wmask[4*k+2]}},
                                            {8{x_wmask[4*k+1]}}, {8{x_wmask[4*k]}}};
        bits = r_en ? r_wdata[32*k +: 32] : x_wdata[32*k +: 32];
        if (m != 32'd0) mem[a + AW'(k)] <= (mem[a + AW'(k)] & ~m) | (bits & m);
      end
    end
    if (d_en) begin
      if (d_we == 4'b0000) begin
        d_rdata <= mem[d_addr];
      end else begin
        if (d_we[0]) mem[d_addr][7:0]   <= d_wdata[7:0];
        if (d_we[1]) mem[d_addr][15:8]  <= d_wdata[15:8];
        if (d_we[2]) mem[d_addr][23:16] <= d_wdata[23:16];
        if (d_we[3]) mem[d_addr][31:24] <= d_wdata[31:24];
      end
    end
  end

endmodule
