// Tile-heavy benchmark kernel (also a test at its default size): per iteration, load two int8 and
// two E4M3 tiles, accumulate with tmma.i8 / tmma.e4m3, add and rectify, requantise and convert,
// store the narrow results and read a few words back with tget. Build with -DBENCH_ITERS=N for
// speed runs (bench.sh xs_bench).
#include "s1_test.h"
#include "xseed.h"
#ifndef BENCH_ITERS
#define BENCH_ITERS 4
#endif
RVTEST_CODE_BEGIN
        NO_TRAP
        li t0, 0x40000000
        csrw xsqmul, t0
        li t0, -12
        csrw xsqshift, t0
        li t0, 0x7a7f8084
        csrw xsascl0, t0
        csrw xsascl1, t0
        csrw xsbscl0, t0
        csrw xsbscl1, t0
        la s2, src
        la s3, dst
        li s4, BENCH_ITERS
        li a1, 32
        TZERO(4)
        TZERO(5)
1:      TLD(0, s2, a1)
        addi a0, s2, 256
        TLD(1, a0, a1)
        addi a0, s2, 512
        TLD(2, a0, a1)
        addi a0, s2, 768
        TLD(3, a0, a1)
        TMMA_I8(4, 0, 1)
        TMMA_I8(4, 1, 0)
        TMMA_I8(4, 0, 0)
        TMMA_I8(4, 1, 1)
        TMMA_E4M3(5, 2, 3)
        TMMA_E4M3(5, 3, 2)
        TADD_I32(6, 4, 4)
        TRELU_I32(6, 6)
        TQUANT_I8(7, 6)
        li a2, 8
        TSTN(7, s3, a2)
        TADD_F32(6, 5, 5)
        TCVT_E4M3(7, 6)
        addi a0, s3, 64
        TSTN(7, a0, a2)
        li a2, 9
        TGET(a3, 4, a2)
        add s5, s5, a3
        TGET(a3, 5, a2)
        xor s5, s5, a3
        addi s4, s4, -1
        bnez s4, 1b
        csrw xsstat, x0
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
        .align 6
src:    .rept 512
        .byte ((. - src) * 37 + 11) & 0xff
        .endr
        .rept 512
        .byte (((. - src) * 53 + 5) & 0xf7) | ((((. - src) * 7) & 8) << 4)
        .endr
dst:    .fill 128, 1, 0
RVTEST_DATA_END
