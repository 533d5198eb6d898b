// Xseed (custom-0) instructions for GNU as, which does not know their mnemonics: `.insn r` with
// the spec §2.2 funct3/funct7. Tile operands are given as numbers 0..7 (written into the register
// field as x0..x7); GPR operands as register names.
//   TLD(1, a0, a1)   = tld m1, (a0), a1        TGET(a0, 3, a1) = tget a0, m3, a1
#define XS_R(f3, f7, rd, rs1, rs2)  .insn r 0x0B, f3, f7, rd, rs1, rs2

#define TLD(md, rs1, rs2)       XS_R(0, 0, x##md, rs1, rs2)
#define TST(ms, rs1, rs2)       XS_R(0, 1, x##ms, rs1, rs2)
#define TSTN(ms, rs1, rs2)      XS_R(0, 2, x##ms, rs1, rs2)
#define TZERO(md)               XS_R(1, 0, x##md, x0, x0)
#define TMMA_I8(md, ma, mb)     XS_R(1, 1, x##md, x##ma, x##mb)
#define TMMA_E4M3(md, ma, mb)   XS_R(1, 2, x##md, x##ma, x##mb)
#define TADD_I32(md, ma, mb)    XS_R(1, 3, x##md, x##ma, x##mb)
#define TMAX_I32(md, ma, mb)    XS_R(1, 4, x##md, x##ma, x##mb)
#define TRELU_I32(md, ma)       XS_R(1, 5, x##md, x##ma, x0)
#define TADD_F32(md, ma, mb)    XS_R(1, 6, x##md, x##ma, x##mb)
#define TQUANT_I8(md, ma)       XS_R(2, 0, x##md, x##ma, x0)
#define TCVT_E4M3(md, ma)       XS_R(2, 1, x##md, x##ma, x0)
#define TGET(rd, ma, rs2)       XS_R(3, 0, rd, x##ma, rs2)
#define TPUT(md, rs1, rs2)      XS_R(3, 1, x##md, rs1, rs2)

// Xseed CSRs (spec §2.3)
#define xsstat   0x7c0
#define xsqmul   0x7c1
#define xsqshift 0x7c2
#define xsqzp    0x7c3
#define xsascl0  0x7c4
#define xsascl1  0x7c5
#define xsbscl0  0x7c6
#define xsbscl1  0x7c7

// Checks word `idx` (a constant 0..63) of tile `m` against `val`; uses t0, t1.
#define CHECK_TW(m, idx, val)   li t1, idx; TGET(t0, m, t1); li t1, val; bne t0, t1, fail
