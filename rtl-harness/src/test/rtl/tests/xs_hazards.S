// Xseed in the pipeline: GPR operands forwarded from MEM / WB, from a load (load-use stall), MUL and
// DIV results; tget results forwarded to the next instruction; tile reads right after tile writes;
// CSR writes right before a tile op and xsstat reads right after one; back-to-back tile memory ops;
// scalar stores / loads around tile rows; Xseed instructions squashed in the shadow of a taken
// branch; tile stores into code executed after fence.i.
#include "s1_test.h"
#include "xseed.h"
RVTEST_CODE_BEGIN
        NO_TRAP
        la s2, src
        la s3, dst
        // base from the instruction right before (MEM -> EX), stride two before (WB -> EX)
        li TESTNUM, 2
        li a1, 32
        addi a0, s2, 0
        TLD(0, a0, a1)
        CHECK_TW(0, 8, 0x23222120)
        // stride from a load right before (load-use), base from a load two before
        li TESTNUM, 3
        lw a0, p_src
        lw a1, p_stride
        TLD(1, a0, a1)
        CHECK_TW(1, 8, 0x43424140)
        // stride from MUL / DIV right before
        li TESTNUM, 4
        li t2, 8
        li t3, 4
        mul a1, t2, t3
        TLD(2, s2, a1)
        CHECK_TW(2, 63, 0xfffefdfc)
        li t2, 128
        divu a1, t2, t3
        TST(2, s3, a1)
        lw t0, 252(s3); li t1, 0xfffefdfc; bne t0, t1, fail
        // tget result forwarded to the next instruction (ALU, branch, tile base)
        li TESTNUM, 5
        li a2, 8
        TGET(a3, 0, a2)
        addi a4, a3, 1
        li t1, 0x23222121; bne a4, t1, fail
        TGET(a3, 0, a2)
        bne a3, a3, fail
        li t1, 0x23222120; bne a3, t1, fail
        li a2, 0
        li a5, 0x80000000
        TPUT(6, a5, a2)
        TGET(a0, 6, x0)                           // a0 = 0x80000000 (DRAM base) ...
        TLD(3, a0, x0)                            // ... used as the base right away
        // tile reads right after tile writes
        li TESTNUM, 6
        TADD_I32(4, 0, 0)
        CHECK_TW(4, 0, 0x06040200)
        TPUT(4, a2, a2)
        TGET(a6, 4, a2)
        bnez a6, fail
        TLD(5, s3, x0)
        TGET(a6, 5, x0)
        li t1, 0x03020100; bne a6, t1, fail
        TZERO(5)
        TGET(a6, 5, x0)
        bnez a6, fail
        // CSR write right before a tile op; xsstat read right after
        li TESTNUM, 7
        li t2, 0x7f7f7f7f
        csrw xsascl0, t2
        csrw xsascl1, t2
        csrw xsbscl0, t2
        li t2, 0x7f7fff7f                          // B row 6 scale NaN
        csrw xsbscl1, t2
        TMMA_E4M3(5, 0, 0)
        csrr t0, xsstat
        li t1, 2; bne t0, t1, fail
        csrw xsstat, x0
        TCVT_E4M3(6, 0)
        csrr t0, xsstat
        csrwi xsstat, 0
        // back-to-back tile memory operations, and scalar accesses around them
        li TESTNUM, 8
        li a1, 32
        TLD(1, s2, a1)
        TST(1, s3, a1)
        TSTN(0, s3, a1)
        TLD(2, s3, a1)
        CHECK_TW(2, 0, 0x03020100)
        CHECK_TW(2, 2, 0x0b0a0908)
        li t2, 0x11223344
        sw t2, 0(s3)
        TLD(2, s3, a1)
        TST(2, s3, a1)
        lw t0, 0(s3)
        bne t0, t2, fail
        sw t2, 32(s3)
        TSTN(1, s3, a1)
        lw t0, 32(s3)
        li t1, 0x23222120; bne t0, t1, fail
        // squashed in a branch shadow: none of these may have an effect
        li TESTNUM, 9
        beq x0, x0, 1f                            // forward taken: predicted not taken
        TST(0, s2, x0)
        TZERO(1)
        csrwi xsstat, 3
1:      jal x0, 2f
        TST(0, s2, x0)
        TZERO(1)
2:      lw t0, 0(s2)
        li t1, 0x03020100; bne t0, t1, fail
        TGET(t0, 1, a1)                           // word 32 of m1 (loaded from src)
        li t1, 0x83828180; bne t0, t1, fail
        csrr t0, xsstat
        bnez t0, fail
        // tile store of instructions into a code buffer, fence.i, then run them
        li TESTNUM, 10
        la a0, code_tmpl
        TLD(7, a0, x0)                            // one row: 8 instructions
        la a0, code_buf
        TST(7, a0, x0)
        fence.i
        jalr ra, 0(a0)
        li t1, 85; bne a0, t1, fail
        RVTEST_PASS
        .align 2
code_tmpl:
        li a0, 42
        li a1, 43
        add a0, a0, a1
        jr ra
        nop
        nop
        nop
        nop
RVTEST_CODE_END
RVTEST_DATA_BEGIN
        .align 6
src:    .rept 256
        .byte (.-src) & 0xff
        .endr
dst:    .fill 512, 1, 0
p_src:  .word src + 64
p_stride: .word 0
        .align 6
code_buf: .fill 64, 1, 0
RVTEST_DATA_END
