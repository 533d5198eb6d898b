// SeedChip S1 DRAM model: DRAM_BYTES of word-organised storage at seedchip_pkg::DRAM_BASE.
// Two synchronous ports (registered read data, one cycle latency):
//   - instruction port: read only, with a read enable so a stalled fetch holds its word;
//   - data port: read or byte-masked write (a write returns no data).
// Read-during-write of the same word on different ports returns the old word (fetch of code
// being written is implementation-defined until fence.i, spec §1).
// `mem` is public so the harness can load images and read results through the backdoor:
// word i holds bytes DRAM_BASE + 4i .. +3, little-endian. It is never reset.
module s1_dram #(
  parameter int DRAM_BYTES = 1 << 20,
  localparam int WORDS = DRAM_BYTES / 4,
  localparam int AW = $clog2(WORDS)
) (
  input  logic          clk,
  // instruction port
  input  logic          i_en,
  input  logic [AW-1:0] i_addr,       // word index
  output logic [31:0]   i_rdata,
  // data port
  input  logic          d_en,
  input  logic [3:0]    d_we,         // byte lanes to write; 0 = read
  input  logic [AW-1:0] d_addr,       // word index
  input  logic [31:0]   d_wdata,
  output logic [31:0]   d_rdata
);

  logic [31:0] mem [WORDS] /* verilator public_flat_rw */;

  always_ff @(posedge clk) begin
    if (i_en) i_rdata <= mem[i_addr];
  end

  always_ff @(posedge clk) begin
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
