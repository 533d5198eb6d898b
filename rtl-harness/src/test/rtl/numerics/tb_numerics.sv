// Test wrapper exposing the tile unit's numerics functions (s1_fp32_pkg, s1_e4m3_pkg,
// s1_requant_pkg) to tb_numerics.cpp, which compares them with golden-model vectors.
module tb_numerics
  import s1_fp32_pkg::*;
  import s1_e4m3_pkg::*;
  import s1_requant_pkg::*;
(
  input  logic [2:0]   sel,        // 0 add, 1 round, 2 e4m3 element, 3 to_e4m3, 4 requant
  input  logic [31:0]  a,
  input  logic [31:0]  b,
  input  logic [31:0]  c,
  input  logic [31:0]  d,
  input  logic [63:0]  p,
  input  logic [255:0] arow,
  input  logic [255:0] brow,
  output logic [33:0]  r
);
  always_comb begin
    unique case (sel)
      3'd0: r = fp32_add(a, b);
      3'd1: r = (p == 64'd0) ? 34'd0
                             : {2'b00, fp32_round(p[63], p[63] ? -p : p, $signed(a))};
      3'd2: r = e4m3_elem(a, arow, brow, b[7:0], c[7:0]);
      3'd3: r = {24'd0, to_e4m3(a)};
      default: r = {24'd0, requant(a, b, c, d)};
    endcase
  end
endmodule
