// Xseed numerics on interesting data, diffed bit for bit against the golden model:
//  tmma.e4m3: NaN codes in A / B rows, scale 0xFF, NaN accumulators, 448 * 448 with large scales
//             (block overflow to inf, then inf - inf = NaN + NV), subnormal codes and tiny scales
//             (subnormal / underflowing blocks, signed zeros), exact cancellation (P = 0, -0 + +0).
//  tadd.f32:  inf - inf, NaN / sNaN operands, subnormal sums, overflow, signed zeros.
//  tquant.i8: shifts -31 / 0 / 30, M = INT_MIN, zero points -128 / 127, clamping (SAT).
//  tcvt.e4m3: NaN (NV), inf (SAT), 448 / 464 (tie, no SAT) / 465 / 480 (SAT), 2^-10 ties, subnormals.
// Sticky flags: xsstat accumulates SAT / NV; an instruction that raises a flag reports the write
// of xsstat even when the flag was already set; CSR writes clear it.
#include "s1_test.h"
#include "xseed.h"
#define LD(m, tab) la a0, tab; li a1, 32; TLD(m, a0, a1)
#define FLAGS(v) csrr t0, xsstat; li t1, v; bne t0, t1, fail
RVTEST_CODE_BEGIN
        NO_TRAP
        li TESTNUM, 2
        // ---------------------------------------------------------------- tmma.e4m3
        LD(0, e_a)
        LD(1, e_b)
        LD(2, e_d)
        li a2, 9                                // A row 1 byte 39: NaN
        li t0, 0x0a7f0b0c
        TPUT(0, t0, a2)
        li a2, 47                               // A row 5 byte 31: -NaN
        li t0, 0xff112233
        TPUT(0, t0, a2)
        li a2, 16                               // B row 2 byte 3: NaN
        li t0, 0x7f203040
        TPUT(1, t0, a2)
        li t0, 0x7f7f7f7f
        csrw xsascl0, t0
        csrw xsascl1, t0
        csrw xsbscl0, t0
        csrw xsbscl1, t0
        FLAGS(0)
        TMMA_E4M3(3, 0, 1)                      // NaN codes in row 1 of A / row 2 of B
        FLAGS(2)
        csrw xsstat, x0
        TMMA_E4M3(4, 0, 0)                      // D = m4 (zero after reset): P = 0 rows give +0
        TMMA_E4M3(2, 0, 1)                      // NaN accumulators in D
        li t0, 0x7fff7f80                       // A row 1 scale 0xFF, row 3 0x7F, ...
        csrw xsascl0, t0
        li t0, 0x01ff0203
        csrw xsbscl1, t0                        // B rows 4..7: tiny scales and a NaN scale
        LD(5, e_d)
        TMMA_E4M3(5, 1, 0)
        // large scales: 448 * 448 * 32 * 2^(254 + 254 - 254) overflows to inf
        li t0, 0xfefefefe
        csrw xsascl0, t0
        csrw xsascl1, t0
        csrw xsbscl0, t0
        csrw xsbscl1, t0
        csrw xsstat, x0
        LD(6, e_max)
        TZERO(7)
        TMMA_E4M3(7, 6, 6)                      // +inf / -inf blocks, no NaN yet
        FLAGS(0)
        LD(5, e_maxn)
        TMMA_E4M3(7, 5, 6)                      // the opposite infinities: inf - inf = NaN, NV
        FLAGS(2)
        TMMA_E4M3(7, 6, 7)                      // 7 as B (aliasing): its bytes hold NaN codes
        // tiny scales: subnormal and underflowing blocks, signed zeros
        csrw xsascl0, x0
        csrw xsascl1, x0
        li t0, 0x01020304
        csrw xsbscl0, t0
        li t0, 0x7a7b7c7d
        csrw xsbscl1, t0
        LD(6, e_sub)
        TZERO(7)
        TMMA_E4M3(7, 6, 6)
        LD(5, e_negz)
        TMMA_E4M3(5, 6, 6)
        li t0, 0x7f7f7f7f
        csrw xsascl0, t0
        csrw xsascl1, t0
        csrw xsbscl0, t0
        csrw xsbscl1, t0
        LD(6, e_cancel)
        LD(5, e_negz)
        TMMA_E4M3(5, 6, 6)                      // exact cancellation in some rows: P = 0
        TMMA_E4M3(5, 6, 0)
        // ---------------------------------------------------------------- tadd.f32
        li TESTNUM, 3
        csrw xsstat, x0
        LD(0, f_a)
        LD(1, f_b)
        TADD_F32(2, 0, 1)
        FLAGS(2)
        TADD_F32(3, 0, 0)
        TADD_F32(3, 1, 3)
        LD(4, f_fin)
        csrw xsstat, x0
        TADD_F32(5, 4, 4)                       // finite values only: no NaN, no flag
        FLAGS(0)
        TADD_F32(5, 5, 4)
        // ---------------------------------------------------------------- tcvt.e4m3
        li TESTNUM, 4
        LD(0, c_f)
        TCVT_E4M3(1, 0)
        FLAGS(3)
        csrw xsstat, x0
        LD(2, c_sat)
        TCVT_E4M3(2, 2)                         // aliasing, SAT only
        FLAGS(1)
        TCVT_E4M3(3, 4)                         // finite, small: no flag, no xsstat record
        FLAGS(1)
        // ---------------------------------------------------------------- tquant.i8
        li TESTNUM, 5
        csrw xsstat, x0
        LD(0, q_x)
        li t0, 0x40000000
        csrw xsqmul, t0
        csrw xsqshift, x0
        csrw xsqzp, x0
        TQUANT_I8(1, 0)
        li t0, -31
        csrw xsqshift, t0
        li t0, 127
        csrw xsqzp, t0
        TQUANT_I8(2, 0)
        li t0, 30
        csrw xsqshift, t0
        li t0, -128
        csrw xsqzp, t0
        TQUANT_I8(3, 0)
        li t0, 0x80000000
        csrw xsqmul, t0
        li t0, 0
        csrw xsqshift, t0
        TQUANT_I8(4, 0)                         // M = INT_MIN with x = INT_MIN: SRDHM saturates
        li t0, 0x7fffffff
        csrw xsqmul, t0
        li t0, -7
        csrw xsqshift, t0
        li t0, 3
        csrw xsqzp, t0
        TQUANT_I8(0, 0)                         // aliasing
        li t0, 1
        csrw xsqmul, t0
        li t0, -1
        csrw xsqshift, t0
        csrw xsqzp, x0
        csrw xsstat, x0
        TQUANT_I8(5, 4)                         // tiny multiplier: all values in range, no SAT
        FLAGS(0)
        // ---------------------------------------------------------------- sticky flags
        li TESTNUM, 6
        LD(0, c_f)
        TCVT_E4M3(1, 0)                         // SAT and NV
        FLAGS(3)
        TCVT_E4M3(1, 0)                         // already set: still reports the xsstat write
        csrrci t0, xsstat, 1                    // clear SAT only
        li t1, 3
        bne t0, t1, fail
        FLAGS(2)
        csrrsi t0, xsstat, 1
        FLAGS(3)
        csrw xsstat, x0
        LD(2, c_sat)
        TCVT_E4M3(3, 2)                         // SAT
        FLAGS(1)
        LD(4, f_a)
        TADD_F32(5, 4, 4)                       // NV on top
        FLAGS(3)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
        .align 6
        // E4M3 codes: row r of e_a is a ramp; row 1 holds a NaN (0x7f), row 5 a -NaN (0xff)
        // (NaN codes are patched in with tput: m0 row 1, m0 row 5, m1 row 2)
e_a:    .rept 256
        .byte (((. - e_a) * 29 + 3) & 0xff) - (((((. - e_a) * 29 + 3) & 0x7f) == 0x7f) & 1)
        .endr
e_b:    .rept 256
        .byte (((. - e_b) * 53 + 17) & 0xff) - (((((. - e_b) * 53 + 17) & 0x7f) == 0x7f) & 1)
        .endr
e_d:    .word 0x7fc00000, 0x7f800001, 0xffc00001, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x00000001
        .rept 56
        .word (((. - e_d) * 0x2545f491) >> 4) & 0x8fffffff | 0x30000000
        .endr
        // 448 (0x7e) and -448 (0xfe): row 0 all +448, row 1 all -448, rows 2..7 mixed
e_max:  .fill 32, 1, 0x7e
        .fill 32, 1, 0xfe
        .rept 192
        .byte 0x7e | ((((. - e_max) * 7) & 4) << 5)
        .endr
        // subnormal codes (exponent 0) of both signs, and a few small normals
e_sub:  .rept 256
        .byte (((. - e_sub) * 13) & 0x87) | ((((. - e_sub) & 31) == 5) & 8)
        .endr
        // -0.0 accumulators and tiny values
e_negz: .rept 32
        .word 0x80000000, 0x00000000, 0x80000001, 0x00000001, 0x80000000, 0x807fffff, 0x80000000, 0x00800000
        .endr
        // rows 0..3: pairs (x, x); rows 4..7: pairs (y, -y). A row i < 4 times B row j >= 4 cancels
        // exactly (P = 0, block +0).
e_cancel:
        .rept 64
        .byte ((. - e_cancel) * 11) & 0x76, ((. - e_cancel - 1) * 11) & 0x76
        .endr
        .rept 64
        .byte ((. - e_cancel) * 5) & 0x76, (((. - e_cancel - 1) * 5) & 0x76) | 0x80
        .endr
        // e_max with every sign flipped
e_maxn: .fill 32, 1, 0xfe
        .fill 32, 1, 0x7e
        .rept 192
        .byte 0xfe ^ ((((. - e_maxn) * 7) & 4) << 5)
        .endr
        // binary32 pairs for tadd.f32 (a[i] + b[i])
f_a:    .word 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0x3f800000, 0x80000000, 0x80000000, 0x00000001
        .word 0x007fffff, 0x7f7fffff, 0xff7fffff, 0x3f800001, 0x4b800000, 0x33800000, 0x00400000, 0x80400000
        .word 0x00000000, 0x3f800000, 0x7f000000, 0x00800000, 0x80800001, 0x3fffffff, 0x4effffff, 0x7f800000
        .word 0xffffffff, 0x00000003, 0x807ffffe, 0x40400000, 0xc0400000, 0x3effffff, 0x34000000, 0xb4000001
        .rept 32
        .word (((. - f_a) * 0x9e3779b9) & 0xffffffff)
        .endr
f_b:    .word 0xff800000, 0xff800000, 0x3f800000, 0x3f800000, 0xbf800000, 0x80000000, 0x00000000, 0x80000001
        .word 0x00000001, 0x7f7fffff, 0xff7fffff, 0xbf800000, 0x3f800000, 0xcb800000, 0x00400000, 0x00400001
        .word 0x80000000, 0x33800000, 0x7f000000, 0x80000001, 0x00800000, 0xb3ffffff, 0x3f000000, 0x3f800000
        .word 0x7fffffff, 0x80000001, 0x007fffff, 0xc0400000, 0x40400001, 0x337fffff, 0xb4000000, 0x34000001
        .rept 32
        .word (((. - f_b) * 0x85ebca6b) & 0xffffffff)
        .endr
f_fin:  .rept 64
        .word ((((. - f_fin) * 0x2545f491) >> 3) & 0x87ffffff) | 0x30000000
        .endr
        // binary32 inputs for tcvt.e4m3
c_f:    .word 0x7fc00000, 0xff800001, 0x7f800000, 0xff800000, 0x43e00000, 0x43e80000, 0x43e80001, 0x43f00000
        .word 0xc3e00000, 0xc3e80000, 0xc3e80001, 0x44000000, 0x3a800000, 0x3a800001, 0x3b000000, 0xba800000
        .word 0x3a400000, 0x3ac00000, 0x3b400000, 0x00000001, 0x80000000, 0x00000000, 0x3f880000, 0x3f980000
        .word 0x3f900000, 0x3fb00000, 0x3c100000, 0x3c180000, 0x3c080000, 0x3c280000, 0x7f7fffff, 0x3a7fffff
        .rept 32
        .word ((((. - c_f) * 0x2545f491) >> 5) & 0x83ffffff) | 0x3a000000
        .endr
c_sat:  .rept 64
        .word ((((. - c_sat) * 0x2545f491) >> 9) & 0x807fffff) | 0x43800000
        .endr
q_x:    .word 0x80000000, 0x7fffffff, 0xffffffff, 0x00000000, 0x00000001, 0x00000100, 0xffffff00, 0x40000000
        .word 0xc0000000, 0x0000007f, 0xffffff80, 0x00003fff, 0x12345678, 0xedcba988, 0x00000003, 0xfffffffd
        .rept 48
        .word (((. - q_x) * 0x9e3779b9) & 0xffffffff) >> ((. - q_x) & 31)
        .endr
RVTEST_DATA_END
