// Squashing: instructions fetched in the shadow of a taken branch, a jump, mret, fence.i or a
// trap never take effect and are never reported (the handler fails the test on any unexpected
// trap; the testbench checks that the record stream is pc-continuous).
#include "s1_test.h"
RVTEST_CODE_BEGIN
        la s2, data
        li a1, 0x5555
        NO_TRAP

        // traps in the shadow of a taken branch / jal / jalr / mret
        li TESTNUM, 2
        beq x0, x0, 1f
        .word 0                        // illegal
        ecall
1:      li TESTNUM, 3
        bne s2, x0, 1f
        ebreak
        lw a3, 1(s2)                   // misaligned
1:      li TESTNUM, 4
        blt x0, s2, fail               // s2 is negative (0x8...): not taken
        bltu x0, s2, 1f
        lw a3, 0(zero)                 // access fault
        sw a3, 0(zero)
1:      li TESTNUM, 5
        jal x0, 1f
        ecall
        .word 0xffffffff
1:      li TESTNUM, 6
        la a4, 1f
        jalr x0, 0(a4)
        .word 0x0000200f               // illegal: MISC-MEM funct3 2
        jal x0, fail
1:      li TESTNUM, 7
        la a4, 1f
        csrw mepc, a4
        mret
        ecall
        ebreak
1:
        // a misaligned jump in the shadow of a taken branch is squashed
        li TESTNUM, 8
        j 1f
        .word 0x002000ef               // jal ra, .+2 (would trap)
        .word 0x00000163               // beq x0, x0, .+2 (would trap)
1:
        // a jump to a fetch-faulting address in the shadow
        li TESTNUM, 9
        li a4, 0x1000
        j 1f
        jr a4
1:
        // stores, CSR writes, MUL/DIV, loads, mret and fence.i in the shadow have no effect
        li TESTNUM, 10
        li a3, 0x77
        csrw mscratch, a3
        sw a3, 0(s2)
        beq x0, x0, 1f
        sw a1, 0(s2)
        csrw mscratch, a1
1:      lw a2, 0(s2)
        CHECK(a2, 0x77)
        csrr a2, mscratch
        CHECK(a2, 0x77)
        li TESTNUM, 11
        li a3, 0x66
        j 1f
        div a3, a1, a1
        mul a3, a1, a1
1:      CHECK(a3, 0x66)
        j 1f
        lw a3, 0(s2)
        addi a3, a3, 1
1:      CHECK(a3, 0x66)
        li TESTNUM, 12
        csrr a4, mepc
        csrr s1, mtvec
        j 1f
        mret
        fence.i
        csrw mtvec, zero
        csrw mepc, zero
1:      csrr a2, mepc
        CHECK_EQ(a2, a4)
        csrr a2, mtvec
        CHECK_EQ(a2, s1)
        // branches and jumps in the shadow of a taken branch do not redirect
        li TESTNUM, 13
        li a3, 0
        j 1f
        j fail
        beq x0, x0, fail
1:      addi a3, a3, 1
        beq x0, x0, 1f
        jal ra, fail
        jalr x0, 0(zero)
1:      addi a3, a3, 1
        CHECK(a3, 2)

        // traps in the shadow of a trap: only the first is reported
        li a3, 0x44
        TEST_TRAP(20, 11, 0, ecall)
        TEST_TRAP(21, 11, 0, ecall; ebreak; .word 0)
        TEST_TRAP(22, 2, 0, .word 0; ecall; lw a3, 0(zero))
        TEST_TRAP(23, 5, 0, lw a3, 0(zero); sw a1, 0(s2); div a3, a1, a1)
        TEST_TRAP(24, 7, 0, sw a1, 0(zero); sw a1, 0(s2); csrw mscratch, a1)
        CHECK(a3, 0x44)
        li TESTNUM, 25
        lw a2, 0(s2)
        CHECK(a2, 0x77)
        csrr a2, mscratch
        CHECK(a2, 0x77)
        // a taken branch / jump in the shadow of a trap does not redirect
        TEST_TRAP(26, 11, 0, ecall; j fail; beq x0, x0, fail)
        TEST_TRAP(27, 11, 0, ecall; jr zero)
        // a load-use stall whose load traps: the dependent instruction is squashed
        li a3, 0x44
        TEST_TRAP(28, 5, 0, lw a2, 0(zero); add a3, a2, a2)
        CHECK(a3, 0x44)
        // a trap right after a multi-cycle division: the division retires, the trap is precise
        li TESTNUM, 29
        li a2, 100
        li a5, 7
        li s10, 11; li s9, 0; la s11, 100f; la s8, 101f
        div a3, a2, a5
100:    ecall
        j fail
101:    CHECK(a3, 14)
        // a trap after a store: the store happened, the trap is taken
        li TESTNUM, 30
        li a2, 0x99
        li s10, 11; li s9, 0; la s11, 100f; la s8, 101f
        sw a2, 4(s2)
100:    ecall
        sw a1, 4(s2)
101:    lw a3, 4(s2)
        CHECK(a3, 0x99)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
data:   .word 0, 0, 0, 0
RVTEST_DATA_END
