// E4M3 / UE8M0 numerics of the Xseed tile unit (spec §2.4): the tmma.e4m3 output element (NaN
// rule, exact 32-term block dot product, one RNE rounding of the scaled block sum to binary32,
// binary32 accumulate) and to_e4m3 of tcvt.e4m3. Algorithmic reference: golden-model
// numerics/E4M3Block.java and E4M3.java; bit-exact equality is checked by the numerics unit test.
package s1_e4m3_pkg;
  import seedchip_pkg::*;
  import s1_fp32_pkg::*;

  // NaN test on the magnitude bits (code[6:0]) of an E4M3 code.
  function automatic logic e4m3_is_nan(input logic [6:0] mag);
    return mag == E4M3_NAN_MAG;
  endfunction

  // q(a)·q(b) exactly, in units of 2^-18. q = sig · 2^sh with sig = e ? 8 + m : m (4 bits) and
  // sh = e ? e - 1 : 0, so the product is a 4x4-bit multiply shifted by sha + shb (< 2^36).
  function automatic logic signed [63:0] e4m3_prod(input logic [7:0] a, input logic [7:0] b);
    logic [3:0]  siga, sigb;
    logic [4:0]  sh;
    logic [63:0] mag;
    siga = (a[6:3] == 4'd0) ? {1'b0, a[2:0]} : {1'b1, a[2:0]};
    sigb = (b[6:3] == 4'd0) ? {1'b0, b[2:0]} : {1'b1, b[2:0]};
    sh   = ((a[6:3] == 4'd0) ? 5'd0 : {1'b0, a[6:3]} - 5'd1)
         + ((b[6:3] == 4'd0) ? 5'd0 : {1'b0, b[6:3]} - 5'd1);
    mag  = 64'(siga * sigb) << sh;
    return (a[7] ^ b[7]) ? -$signed(mag) : $signed(mag);
  endfunction

  // One tmma.e4m3 output element: d = D[i][j], arow = A row i, brow = B row j (byte k at 8k),
  // sa / sb = UE8M0 scales of A row i and B row j. Returns {flags, bits}.
  //   1. sa or sb NaN, a NaN code in either row, or d NaN: canonical NaN, NV.
  //   2. P = Σ q(A[k])·q(B[k]) exactly (units of 2^-18, |P| < 2^41).
  //   3. blk = RNE_f32(P · 2^(sa + sb - 254 - 18)), P = 0 gives +0.
  //   4. D + blk with the binary32 adder (NV for inf - inf).
  function automatic logic [33:0] e4m3_elem(input logic [31:0] d, input logic [255:0] arow,
                                            input logic [255:0] brow, input logic [7:0] sa,
                                            input logic [7:0] sb);
    /* verilator no_inline_task */
    logic               nan;
    logic signed [63:0] p;
    logic [31:0]        blk;
    nan = (sa == UE8M0_NAN) || (sb == UE8M0_NAN) || fp32_is_nan(d[30:0]);
    p   = 64'sd0;
    for (int k = 0; k < 32; k++) begin
      nan = nan | e4m3_is_nan(arow[8*k +: 7]) | e4m3_is_nan(brow[8*k +: 7]);
      p   = p + e4m3_prod(arow[8*k +: 8], brow[8*k +: 8]);
    end
    if (nan) return {XS_NV, FP32_QNAN};
    if (p == 64'sd0) blk = 32'd0;
    else             blk = fp32_round(p[63], p[63] ? 64'(-p) : 64'(p),
                                      int'(sa) + int'(sb) - 2 * UE8M0_BIAS - 18);
    return fp32_add(d, blk);
  endfunction

  // to_e4m3(f) of tcvt.e4m3: returns {flags, code}. NaN -> 0x7F, NV; ±inf -> ±448, SAT; finite:
  // RNE onto the E4M3 grid (subnormal step 2^-9, below 2^-10 -> ±0, 2^-10 ties to 0), a rounded
  // magnitude above 448 -> ±448 with SAT (464 ties to 448 without SAT).
  function automatic logic [9:0] to_e4m3(input logic [31:0] f);
    /* verilator no_inline_task */
    logic        sign;
    int          unb, dropped;
    logic [23:0] sig, rem, half;
    logic [7:0]  trunc, code;
    sign = f[31];
    if (f[30:23] == 8'hFF) begin
      if (f[22:0] != 23'd0) return {XS_NV, 1'b0, E4M3_NAN_MAG};
      return {XS_SAT, sign, E4M3_MAX_MAG};
    end
    if (f[30:23] == 8'd0) return {2'b00, sign, 7'd0};     // ±0 and binary32 subnormals
    unb = int'(f[30:23]) - 127;
    if (unb > 8) return {XS_SAT, sign, E4M3_MAX_MAG};      // >= 512
    sig = {1'b1, f[22:0]};
    if (unb >= 1 - E4M3_BIAS) begin
      dropped = 20;                                        // normal: keep hidden + 3 bits
      trunc   = {1'b0, 4'(unb + E4M3_BIAS), sig[22:20]};
    end else begin
      dropped = 14 - unb;                                  // subnormal: q = value · 2^9
      if (dropped > 24) return {2'b00, sign, 7'd0};        // < 2^-10
      trunc = 8'(sig >> dropped);
    end
    rem  = sig & ((24'd1 << dropped) - 24'd1);
    half = 24'd1 << (dropped - 1);
    code = trunc;
    if (rem > half || (rem == half && trunc[0])) code = code + 8'd1;
    if (code > {1'b0, E4M3_MAX_MAG}) return {XS_SAT, sign, E4M3_MAX_MAG};
    return {2'b00, sign, code[6:0]};
  endfunction

endpackage
