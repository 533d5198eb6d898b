// Xseed compute instructions on mixed data, each with every operand aliasing pattern
// (D = A, D = B, D = A = B, A = B): operands are read before the destination is written.
// tzero, tget / tput (index = x[rs2] & 63 wraps; rd = x0; rd = rs2; rs1 = rs2). The tile data of
// every record is diffed against the golden model; a few values are self-checked.
#include "s1_test.h"
#include "xseed.h"
// (Re)load the operand tiles: m0..m4 from the five 256-byte tables, m5 from the D table.
#define LOAD_ALL li a1, 32; la a0, t_i8a; TLD(0, a0, a1); la a0, t_i8b; TLD(1, a0, a1); \
        la a0, t_i8x; TLD(2, a0, a1); la a0, t_i32; TLD(3, a0, a1); la a0, t_f32; TLD(4, a0, a1)
#define LOAD_D  la a0, t_d; li a1, 32; TLD(5, a0, a1)
#define ALIAS3(OP) LOAD_D; OP(5, 0, 1); LOAD_D; OP(5, 5, 1); LOAD_D; OP(5, 0, 5); \
        LOAD_D; OP(5, 5, 5); OP(6, 2, 2); OP(7, 3, 4); OP(6, 4, 3); OP(7, 7, 6)
#define ALIAS2(OP) LOAD_D; OP(5, 0); LOAD_D; OP(5, 5); OP(6, 3); OP(7, 4); OP(7, 7)
RVTEST_CODE_BEGIN
        NO_TRAP
        li TESTNUM, 2
        LOAD_ALL
        // tzero
        TZERO(6)
        CHECK_TW(6, 0, 0)
        CHECK_TW(6, 63, 0)
        TZERO(6)
        // tmma.i8: D.i32[i][j] += sum_k A.i8[i][k] * B.i8[j][k] (B indexed by row j)
        li TESTNUM, 3
        TZERO(7)
        TMMA_I8(7, 2, 2)                          // extremes: -128 * -128 * 32 etc.
        ALIAS3(TMMA_I8)
        // tmma.i8 accumulating twice into the same D (wrapping int32)
        TMMA_I8(5, 2, 2); TMMA_I8(5, 2, 2); TMMA_I8(5, 2, 2)
        ALIAS3(TMMA_E4M3)
        ALIAS3(TADD_I32)
        ALIAS3(TMAX_I32)
        ALIAS2(TRELU_I32)
        ALIAS3(TADD_F32)
        li t0, 0x40000000
        csrw xsqmul, t0
        li t0, -3
        csrw xsqshift, t0
        li t0, 5
        csrw xsqzp, t0
        ALIAS2(TQUANT_I8)
        ALIAS2(TCVT_E4M3)
        csrw xsstat, x0
        // self-checks: tadd.i32 wraps, tmax is signed, trelu clamps negatives
        li TESTNUM, 4
        TADD_I32(5, 3, 3)
        CHECK_TW(5, 0, 0xfffffffe)                // 0x7fffffff * 2
        CHECK_TW(5, 1, 0)                         // 0x80000000 * 2
        TMAX_I32(5, 3, 0)
        CHECK_TW(5, 1, 0x07060504)                // max(INT_MIN, 0x07060504)
        TRELU_I32(5, 3)
        CHECK_TW(5, 0, 0x7fffffff)
        CHECK_TW(5, 1, 0)
        CHECK_TW(5, 2, 0)                         // -1
        // tget / tput: index = x[rs2] & 63
        li TESTNUM, 5
        li a2, 64 + 5
        li a3, 0xcafef00d
        TPUT(6, a3, a2)
        CHECK_TW(6, 5, 0xcafef00d)
        li a2, -1
        TPUT(6, a3, a2)
        CHECK_TW(6, 63, 0xcafef00d)
        li a2, 7
        TPUT(6, a2, a2)                           // rs1 = rs2: word 7 = 7
        CHECK_TW(6, 7, 7)
        TPUT(6, x0, a2)                           // x0 as data
        CHECK_TW(6, 7, 0)
        li a2, 5
        TGET(x0, 6, a2)                           // rd = x0: no write
        TGET(a2, 6, a2)                           // rd = rs2
        li t1, 0xcafef00d
        bne a2, t1, fail
        TGET(a4, 0, x0)                           // index from x0
        li t1, 0x03020100
        bne a4, t1, fail
        // tput into an operand right before it is used, tget of a result right after
        li a2, 0
        li a3, 0x3f800000                         // 1.0f
        TPUT(4, a3, a2)
        TADD_F32(6, 4, 4)
        TGET(a5, 6, x0)
        li t1, 0x40000000
        bne a5, t1, fail
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
        .align 6
t_i8a:  .rept 256
        .byte ((. - t_i8a) * 1) & 0xff
        .endr
t_i8b:  .rept 256
        .byte ((. - t_i8b) * 167 + 91) & 0xff
        .endr
t_i8x:  .rept 64
        .byte 0x80, 0x7f, 0x80, 0x81
        .endr
t_i32:  .word 0x7fffffff, 0x80000000, 0xffffffff, 0, 1, 0x7ffffffe, 0x80000001, 0x12345678
        .rept 56
        .word (((. - t_i32) * 0x9e3779b9) ^ 0x5bd1e995) & 0xffffffff
        .endr
t_f32:  .word 0x3f800000, 0xbf800000, 0x7f7fffff, 0x00000001, 0x007fffff, 0x80000000, 0x00000000, 0x40490fdb
        .word 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0x43e00000, 0x43e80000, 0x43f00000, 0x3a800000
        .rept 48
        .word ((((. - t_f32) * 0x2545f491) >> 3) & 0x87ffffff) | 0x38000000
        .endr
t_d:    .rept 64
        .word (((. - t_d) * 0x01000193) + 0x3f000000) & 0xffffffff
        .endr
RVTEST_DATA_END
