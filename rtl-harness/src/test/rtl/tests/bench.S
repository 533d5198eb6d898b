// Loop-heavy benchmark kernel (also a test at its default size). Per outer iteration:
// sum a 64-word array (load-use), transform-copy it (load/ALU/store), count elements above a
// threshold (data-dependent branches), one multiply-accumulate per element of a short loop and
// one division. Build with -DBENCH_ITERS=N for speed runs.
#include "s1_test.h"
#ifndef BENCH_ITERS
#define BENCH_ITERS 8
#endif
RVTEST_CODE_BEGIN
        NO_TRAP
        // initialise src[i] = i * 0x9e3779b9 (mixed signs)
        la s2, src
        li a1, 0
        li a2, 64
        li a3, 0x9e3779b9
1:      mul a4, a1, a3
        slli a5, a1, 2
        add a5, a5, s2
        sw a4, 0(a5)
        addi a1, a1, 1
        bne a1, a2, 1b

        li s3, BENCH_ITERS
        li s4, 0                       // checksum
outer:
        // sum
        mv a1, s2
        addi a2, s2, 256
        li a0, 0
2:      lw a3, 0(a1)
        add a0, a0, a3
        lw a4, 4(a1)
        xor a0, a0, a4
        addi a1, a1, 8
        bltu a1, a2, 2b
        add s4, s4, a0
        // transform-copy src -> dst
        mv a1, s2
        la a5, dst
        li a2, 64
3:      lw a3, 0(a1)
        srli a4, a3, 3
        xor a3, a3, a4
        add a3, a3, s4
        sw a3, 0(a5)
        addi a1, a1, 4
        addi a5, a5, 4
        addi a2, a2, -1
        bnez a2, 3b
        // count dst elements above zero (signed), data-dependent branch
        la a1, dst
        li a2, 64
        li a0, 0
4:      lw a3, 0(a1)
        blez a3, 5f
        addi a0, a0, 1
5:      addi a1, a1, 4
        addi a2, a2, -1
        bnez a2, 4b
        add s4, s4, a0
        // multiply-accumulate over 16 elements, one division
        mv a1, s2
        li a2, 16
        li a0, 0
6:      lw a3, 0(a1)
        mul a4, a3, a2
        add a0, a0, a4
        addi a1, a1, 4
        addi a2, a2, -1
        bnez a2, 6b
        ori a3, s3, 1
        divu a0, a0, a3
        add s4, s4, a0
        // feed back: src[0] ^= checksum
        lw a3, 0(s2)
        xor a3, a3, s4
        sw a3, 0(s2)
        addi s3, s3, -1
        bnez s3, outer

        la a1, result
        sw s4, 0(a1)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
result: .word 0
        .align 6
src:    .space 256
dst:    .space 256
RVTEST_DATA_END
