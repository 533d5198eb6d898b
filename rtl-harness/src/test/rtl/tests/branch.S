// Conditional branches (taken / not taken, signed / unsigned), jal, jalr link and targets.
#include "s1_test.h"

#define TEST_BR_TAKEN(n, inst, v1, v2)                      \
        li TESTNUM, n; li a1, v1; li a2, v2;                \
        inst a1, a2, 1f; j fail; 1:
#define TEST_BR_NOT(n, inst, v1, v2)                        \
        li TESTNUM, n; li a1, v1; li a2, v2;                \
        inst a1, a2, fail

RVTEST_CODE_BEGIN
        TEST_BR_TAKEN(2, beq, 0, 0)
        TEST_BR_TAKEN(3, beq, -1, -1)
        TEST_BR_NOT(4, beq, 0, 1)
        TEST_BR_NOT(5, beq, 0x80000000, 0)
        TEST_BR_TAKEN(6, bne, 0, 1)
        TEST_BR_TAKEN(7, bne, 0x80000000, 0)
        TEST_BR_NOT(8, bne, 5, 5)
        TEST_BR_TAKEN(9, blt, -1, 0)
        TEST_BR_TAKEN(10, blt, 0x80000000, 0x7fffffff)
        TEST_BR_NOT(11, blt, 0, -1)
        TEST_BR_NOT(12, blt, 3, 3)
        TEST_BR_TAKEN(13, bge, 0, -1)
        TEST_BR_TAKEN(14, bge, 3, 3)
        TEST_BR_NOT(15, bge, 0x80000000, 0x7fffffff)
        TEST_BR_TAKEN(16, bltu, 0, -1)
        TEST_BR_TAKEN(17, bltu, 0x7fffffff, 0x80000000)
        TEST_BR_NOT(18, bltu, -1, 0)
        TEST_BR_NOT(19, bltu, 3, 3)
        TEST_BR_TAKEN(20, bgeu, -1, 0)
        TEST_BR_TAKEN(21, bgeu, 3, 3)
        TEST_BR_NOT(22, bgeu, 0x7fffffff, 0x80000000)

        // backward branches: count a loop
        li TESTNUM, 23
        li a1, 0
        li a2, 10
1:      addi a1, a1, 1
        bne a1, a2, 1b
        CHECK(a1, 10)

        // jal: link = pc + 4, target taken
        li TESTNUM, 24
        li ra, 0
2:      jal ra, 3f
        j fail
3:      la a2, 2b
        addi a2, a2, 4
        CHECK_EQ(ra, a2)
        // jal x0 (plain j) writes nothing
        li TESTNUM, 25
        j 4f
        j fail
4:
        // jalr: target = (rs1 + imm) & ~1, link = pc + 4; rs1 == rd
        li TESTNUM, 26
        la a1, 5f
        addi a1, a1, -4
        jalr a3, 4(a1)           // target a1 + 4 = 5f
        j fail
5:
        li TESTNUM, 27
        la a1, 6f
        addi a1, a1, 1           // odd: bit 0 is cleared by jalr
7:      jalr a1, 0(a1)
        j fail
6:      la a2, 7b
        addi a2, a2, 4
        CHECK_EQ(a1, a2)
        // jalr with a negative offset
        li TESTNUM, 28
        la a1, 8f
        addi a1, a1, 16
        jalr t1, -16(a1)
        j fail
8:
        // call / ret through a subroutine, nested
        li TESTNUM, 29
        li a0, 0
        call sub1
        CHECK(a0, 3)
        RVTEST_PASS

sub1:   mv s1, ra                // no stack: keep ra in s1
        addi a0, a0, 1
        call sub2
        addi a0, a0, 1
        mv ra, s1
        ret
sub2:   addi a0, a0, 1
        ret
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
