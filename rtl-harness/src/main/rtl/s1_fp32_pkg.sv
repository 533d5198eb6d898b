// binary32 arithmetic of the Xseed tile unit (spec §2.4): one round-to-nearest-even step with
// subnormals kept (no flush to zero anywhere) and overflow to ±inf, and the IEEE-754 adder used by
// tadd.f32 and by step 4 of tmma.e4m3. Algorithmic reference: golden-model numerics/Binary32.java
// (roundMagnitude, add); bit-exact equality is checked by the numerics unit test
// (src/test/rtl/numerics).
//
// Combinational functions rather than modules: the tile unit calls them only inside the
// always_ff branches of the cycles that compute, so Verilator evaluates them only then (a module
// instance would be evaluated on every clock edge, slowing scalar code down).
package s1_fp32_pkg;
  import seedchip_pkg::*;

  // Index of the most significant 1 of a non-zero 64-bit value (log-depth priority encoder).
  function automatic int msb64(input logic [63:0] x);
    logic [63:0] v;
    int n;
    v = x;
    n = 0;
    if (v[63:32] != 32'd0) begin n += 32; v = v >> 32; end
    if (v[31:16] != 16'd0) begin n += 16; v = v >> 16; end
    if (v[15:8]  != 8'd0)  begin n += 8;  v = v >> 8;  end
    if (v[7:4]   != 4'd0)  begin n += 4;  v = v >> 4;  end
    if (v[3:2]   != 2'd0)  begin n += 2;  v = v >> 2;  end
    if (v[1])              n += 1;
    return n;
  endfunction

  // RNE_f32(mag · 2^exp2) with sign `sign`; mag in [1, 2^62]. Subnormal results are kept, a value
  // below half the smallest subnormal becomes a zero of that sign, overflow gives ±inf.
  // exp2 is in [-300, 300] for every caller (block scaling: [-272, 236]; adder: [-152, 105]).
  function automatic logic [31:0] fp32_round(input logic sign, input logic [63:0] mag,
                                             input int exp2);
    /* verilator no_inline_task */
    int          top, e, ulp, drop, bm1;
    logic [63:0] sig, rem, half;
    logic [31:0] bits;
    top = msb64(mag);
    e   = top + exp2;                         // value in [2^e, 2^(e+1))
    if (e > 127) return {sign, FP32_INF_MAG};
    ulp  = (e >= -126) ? e - 23 : -149;       // exponent of the result's unit in the last place
    drop = ulp - exp2;                        // low bits of mag below that unit
    if (drop <= 0) begin
      sig = mag << (-drop);                   // exact (at most 23 - top bits of shift)
    end else if (drop > top + 1) begin
      return {sign, 31'd0};                   // below half the smallest subnormal
    end else begin
      sig  = mag >> drop;
      rem  = mag & ((64'd1 << drop) - 64'd1);
      half = 64'd1 << (drop - 1);
      if (rem > half || (rem == half && sig[0])) sig = sig + 64'd1;
    end
    // (biased exponent - 1) << 23 + significand: the hidden bit, and a rounding carry out of the
    // significand, increment the exponent field; subnormals have field 0.
    bm1  = (e >= -126) ? e + 126 : 0;
    bits = 32'(bm1 << 23) + sig[31:0];
    if (bits >= {1'b0, FP32_INF_MAG}) return {sign, FP32_INF_MAG};
    return {sign, bits[30:0]};
  endfunction

  // NaN test on the magnitude bits (a[30:0]) of a binary32 value.
  function automatic logic fp32_is_nan(input logic [30:0] mag);
    return mag > FP32_INF_MAG;
  endfunction

  // IEEE-754 binary32 a + b, RNE, subnormals kept, overflow to ±inf. Returns {flags, bits}: any
  // NaN operand or inf - inf gives the canonical NaN with NV; an exact zero sum is +0 except
  // (-0) + (-0). Alignment keeps 3 guard bits with the shifted-out bits jammed into bit 0 (round
  // to odd), which rounds exactly like the infinitely precise sum.
  function automatic logic [33:0] fp32_add(input logic [31:0] a, input logic [31:0] b);
    /* verilator no_inline_task */
    logic [31:0] hi, lo;
    logic [7:0]  eb, es;
    logic [26:0] x, y;
    logic [27:0] m;
    int          dst;
    if (fp32_is_nan(a[30:0]) || fp32_is_nan(b[30:0])) return {XS_NV, FP32_QNAN};
    if (a[30:0] == FP32_INF_MAG) begin
      if (b[30:0] == FP32_INF_MAG && a != b) return {XS_NV, FP32_QNAN};
      return {2'b00, a};
    end
    if (b[30:0] == FP32_INF_MAG) return {2'b00, b};
    if (b[30:0] == 31'd0) return {2'b00, (a[30:0] == 31'd0) ? (a & b) : a};
    if (a[30:0] == 31'd0) return {2'b00, b};
    if (b[30:0] > a[30:0]) begin
      hi = b; lo = a;
    end else begin
      hi = a; lo = b;
    end
    eb = (hi[30:23] == 8'd0) ? 8'd1 : hi[30:23];
    es = (lo[30:23] == 8'd0) ? 8'd1 : lo[30:23];
    x  = {(hi[30:23] != 8'd0), hi[22:0], 3'b000};
    y  = {(lo[30:23] != 8'd0), lo[22:0], 3'b000};
    dst = int'(eb) - int'(es);
    if (dst >= 27) begin
      y = 27'd1;                              // entirely below the guard bits: sticky only
    end else if (dst > 0) begin
      y = (y >> dst) | 27'((y & ((27'd1 << dst) - 27'd1)) != 27'd0);
    end
    m = (hi[31] ^ lo[31]) ? ({1'b0, x} - {1'b0, y}) : ({1'b0, x} + {1'b0, y});
    if (m == 28'd0) return 34'd0;             // x + (-x) = +0
    return {2'b00, fp32_round(hi[31], {36'd0, m}, int'(eb) - 150 - 3)};
  endfunction

endpackage
