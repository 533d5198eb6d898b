// requant(x) of tquant.i8 (spec §2.4): TFLite's default double rounding, bit-exact.
//   left = max(s,0); right = max(-s,0); v = x << left (wrapping); v = SRDHM(v, M);
//   v = RDBPOT(v, right); r = v + z (64 bits); clamp to [-128, 127], SAT if clamped.
// Algorithmic reference: golden-model numerics/Requant.java. s and z arrive already clamped to
// [XSQSHIFT_MIN, XSQSHIFT_MAX] and [XSQZP_MIN, XSQZP_MAX] by the CSR WARL rules.
package s1_requant_pkg;
  import seedchip_pkg::*;

  // SaturatingRoundingDoublingHighMul: (p + nudge) / 2^31 with C truncating division, done as an
  // arithmetic shift of the magnitude.
  function automatic logic [31:0] srdhm(input logic [31:0] a, input logic [31:0] b);
    logic signed [63:0] p, t;
    if (a == 32'h8000_0000 && b == 32'h8000_0000) return 32'h7FFF_FFFF;
    p = 64'($signed(a)) * 64'($signed(b));
    t = p + ((p >= 0) ? 64'sd1073741824 : -64'sd1073741823);   // 2^30 / 1 - 2^30
    if (t >= 0) return 32'(t >>> 31);
    return 32'(-((-t) >>> 31));
  endfunction

  // RoundingDivideByPOT, e in [0, 31]: x / 2^e rounded to nearest, ties away from zero.
  function automatic logic [31:0] rdbpot(input logic [31:0] x, input logic [4:0] e);
    logic [31:0] mask, rem, thr;
    mask = 32'((64'd1 << e) - 64'd1);
    rem  = x & mask;
    thr  = (mask >> 1) + {31'd0, x[31]};
    return 32'($signed(x) >>> e) + {31'd0, (rem > thr)};
  endfunction

  // Returns {flags, int8 result}.
  function automatic logic [9:0] requant(input logic [31:0] x, input logic [31:0] m,
                                         input logic [31:0] s, input logic [31:0] z);
    /* verilator no_inline_task */
    logic [4:0]         left, right;
    logic [31:0]        v;
    logic signed [63:0] r;
    left  = $signed(s) > 0 ? s[4:0] : 5'd0;
    right = $signed(s) < 0 ? 5'(-s) : 5'd0;
    v = x << left;
    v = srdhm(v, m);
    v = rdbpot(v, right);
    r = 64'($signed(v)) + 64'($signed(z));
    if (r > 64'sd127)  return {XS_SAT, 8'h7F};
    if (r < -64'sd128) return {XS_SAT, 8'h80};
    return {2'b00, r[7:0]};
  endfunction

endpackage
