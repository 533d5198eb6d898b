// Pipeline hazards: producer -> consumer at distance 1..4 (0..3 instructions in between) for
// ALU, load, MUL, DIV and CSR producers into ALU operands, store address and data, branch
// operands and jalr targets; newest-producer priority; writes to x0 never forward.
#include "s1_test.h"

// Arguments in parentheses may contain commas and `;`-separated instruction sequences.
#define UNPAREN(...) __VA_ARGS__
// setup; producer; `gap` nops; consumer; check reg == expect
#define DEP_RS1(n, gap, setup, prod, cons, reg, expect)      \
        li TESTNUM, n; UNPAREN setup; UNPAREN prod;          \
        .rept gap; nop; .endr;                               \
        UNPAREN cons; CHECK(reg, expect)

#define ALL_GAPS(n, setup, prod, cons, reg, expect)          \
        DEP_RS1(n,     0, setup, prod, cons, reg, expect);   \
        DEP_RS1(n + 1, 1, setup, prod, cons, reg, expect);   \
        DEP_RS1(n + 2, 2, setup, prod, cons, reg, expect);   \
        DEP_RS1(n + 3, 3, setup, prod, cons, reg, expect)

RVTEST_CODE_BEGIN
        la s2, data                                   // s2: data base, never written below

        // ALU -> ALU (rs1, rs2, both)
        ALL_GAPS(10, (li a1, 5), (addi a2, a1, 3),
                 (add a3, a2, x0), a3, 8)
        ALL_GAPS(14, (li a1, 5), (addi a2, a1, 3),
                 (sub a3, x0, a2), a3, -8)
        ALL_GAPS(18, (li a1, 5), (addi a2, a1, 3),
                 (add a3, a2, a2), a3, 16)
        // ALU -> store data and address, ALU -> load address
        ALL_GAPS(22, (li a1, 0x1234), (addi a2, a1, 1),
                 (sw a2, 16(s2); lw a3, 16(s2)), a3, 0x1235)
        ALL_GAPS(26, (li a1, 0x4321), (addi a4, s2, 24),
                 (sw a1, 0(a4); lw a3, 24(s2)), a3, 0x4321)
        ALL_GAPS(30, (nop), (addi a4, s2, 4),
                 (lw a3, 0(a4)), a3, 0x22222222)
        // ALU -> branch operands, ALU -> jalr target
        ALL_GAPS(34, (li a3, 0; li a1, 7), (li a2, 7),
                 (bne a1, a2, fail; li a3, 1), a3, 1)
        ALL_GAPS(38, (la a4, 1f; li a3, 0), (addi a4, a4, 0),
                 (jalr x0, 0(a4); j fail; 1: li a3, 2), a3, 2)

        // load -> use (load-use stall at distance 1)
        ALL_GAPS(50, (nop), (lw a2, 4(s2)),
                 (add a3, a2, x0), a3, 0x22222222)
        ALL_GAPS(54, (nop), (lw a2, 4(s2)),
                 (add a3, x0, a2), a3, 0x22222222)
        ALL_GAPS(58, (nop), (lw a2, 4(s2)),
                 (add a3, a2, a2), a3, 0x44444444)
        ALL_GAPS(62, (nop), (lw a2, 4(s2)),
                 (sw a2, 16(s2); lw a3, 16(s2)), a3, 0x22222222)  // store data
        ALL_GAPS(66, (li a1, 9; sw a1, 24(s2)), (lw a4, 32(s2)),
                 (sw x0, 24(a4); lw a3, 24(s2)), a3, 0)  // store address
        ALL_GAPS(70, (nop), (lw a4, 32(s2)),
                 (lw a3, 4(a4)), a3, 0x22222222)  // load address
        ALL_GAPS(74, (li a3, 0; li a1, 0x22222222), (lw a2, 4(s2)),
                 (bne a1, a2, fail; li a3, 3), a3, 3)  // branch
        ALL_GAPS(78, (li a3, 0), (lw a2, 4(s2)),
                 (beq a2, x0, fail; li a3, 4), a3, 4)  // branch rs1
        ALL_GAPS(82, (la a1, 1f; sw a1, 40(s2); li a3, 0), (lw a4, 40(s2)),
                 (jalr x0, 0(a4); j fail; 1: li a3, 5), a3, 5)  // jalr target
        ALL_GAPS(86, (nop), (lb a2, 8(s2)),
                 (addi a3, a2, 1), a3, 0x35)  // sign/lane
        ALL_GAPS(90, (nop), (lhu a2, 6(s2)),
                 (addi a3, a2, 0), a3, 0x2222)
        ALL_GAPS(94, (nop), (lw a2, 4(s2)),
                 (mul a3, a2, a2), a3, 0x1d950c84)  // load -> MDU
        ALL_GAPS(98, (li a1, 3), (lw a2, 4(s2)),
                 (divu a3, a2, a1), a3, 0x0b60b60b)
        ALL_GAPS(102, (li a2, 0), (lw a2, 4(s2)),
                 (csrw mscratch, a2; csrr a3, mscratch), a3, 0x22222222)  // load -> CSR

        // MUL / DIV -> use
        ALL_GAPS(110, (li a1, 6; li a2, 7), (mul a4, a1, a2),
                 (addi a3, a4, 1), a3, 43)
        ALL_GAPS(114, (li a1, 6; li a2, 7), (mulh a4, a1, a2),
                 (add a3, a4, a2), a3, 7)
        ALL_GAPS(118, (li a1, 60; li a2, 7), (div a4, a1, a2),
                 (sub a3, a1, a4), a3, 52)
        ALL_GAPS(122, (li a1, 60; li a2, 7), (rem a4, a1, a2),
                 (mul a3, a4, a4), a3, 16)  // MDU -> MDU
        ALL_GAPS(126, (li a1, 60; li a2, 0), (divu a4, a1, a2),
                 (addi a3, a4, 1), a3, 0)
        ALL_GAPS(130, (li a1, 6; li a2, 7), (mul a4, a1, a2),
                 (sw a4, 28(s2); lw a3, 28(s2)), a3, 42)
        ALL_GAPS(134, (li a1, 6; li a3, 0; li a2, 36), (mul a4, a1, a1),
                 (bne a2, a4, fail; li a3, 6), a3, 6)
        ALL_GAPS(138, (li a1, 6; li a2, 2), (divu a4, a1, a2),
                 (divu a3, a4, a2), a3, 1)  // div -> div
        // MDU operands produced right before it (forwarding into the held EX stage)
        ALL_GAPS(142, (li a1, 9), (addi a2, a1, 1),
                 (mul a3, a2, a1), a3, 90)
        ALL_GAPS(146, (li a1, 9), (addi a2, a1, 1),
                 (div a3, a2, a2), a3, 1)

        // CSR -> use
        ALL_GAPS(150, (li a1, 77; csrw mscratch, a1), (csrr a2, mscratch),
                 (addi a3, a2, 1), a3, 78)
        ALL_GAPS(154, (li a1, 77), (csrrw a2, mscratch, a1),
                 (csrr a3, mscratch), a3, 77)  // CSR write -> CSR read
        ALL_GAPS(158, (li a1, 12), (addi a2, a1, 1),
                 (csrrw a3, mscratch, a2; csrr a3, mscratch), a3, 13)  // ALU -> CSR
        ALL_GAPS(162, (li a1, 0x1800; li a3, 0), (csrr a2, mstatus),
                 (beq a1, a2, 1f; j fail; 1: li a3, 1), a3, 1)
        // CSR write of mepc then mret at distance 1..4
        ALL_GAPS(166, (la a1, 1f; li a3, 0), (csrw mepc, a1),
                 (mret; j fail; 1: li a3, 9), a3, 9)
        // mtvec written right before a trap
        li TESTNUM, 170
        csrr s1, mtvec
        la a1, 2f
        csrw mtvec, a1
        ecall
        j fail
2:      csrw mtvec, s1

        // newest producer wins (MEM over WB; ALU over an older load)
        li TESTNUM, 180
        li a1, 1
        li a1, 2
        add a3, a1, x0
        CHECK(a3, 2)
        li TESTNUM, 181
        lw a1, 4(s2)
        li a1, 7
        add a3, a1, x0
        CHECK(a3, 7)
        li TESTNUM, 182
        li a1, 7
        lw a1, 4(s2)
        add a3, a1, x0
        CHECK(a3, 0x22222222)
        li TESTNUM, 183
        lw a1, 4(s2)
        lw a1, 0(s2)
        add a3, a1, x0
        CHECK(a3, 0x11111111)
        li TESTNUM, 184
        li a1, 3
        mul a1, a1, a1
        addi a1, a1, 1
        add a3, a1, a1
        CHECK(a3, 20)
        // chains of dependent loads and ALU ops
        li TESTNUM, 185
        lw a1, 32(s2)          // &data
        lw a2, 4(a1)
        add a2, a2, a2
        sw a2, 20(a1)
        lw a3, 20(a1)
        addi a3, a3, 1
        CHECK(a3, 0x44444445)
        // writes to x0 never forward
        li TESTNUM, 186
        li a1, 5
        addi x0, a1, 1
        add a3, x0, x0
        CHECK(a3, 0)
        lw x0, 4(s2)
        add a3, x0, x0
        CHECK(a3, 0)
        mul x0, a1, a1
        add a3, x0, x0
        CHECK(a3, 0)
        csrr x0, mscratch
        add a3, x0, x0
        CHECK(a3, 0)
        jal x0, 3f
3:      add a3, x0, x0
        CHECK(a3, 0)
        // link register used right after the jump
        li TESTNUM, 187
        jal a1, 4f
4:      la a2, 4b
        CHECK_EQ(a1, a2)
        jal a1, 5f
5:      addi a3, a1, 0
        la a2, 5b
        CHECK_EQ(a3, a2)
        // back-to-back MDU operations
        li TESTNUM, 188
        li a1, 100
        li a2, 7
        mul a3, a1, a2
        div a4, a3, a2
        rem a5, a3, a1
        mulhu a6, a3, a4
        CHECK(a3, 700)
        CHECK(a4, 100)
        CHECK(a5, 0)
        CHECK(a6, 0)
        // load-use in a loop (sum an array)
        li TESTNUM, 189
        mv a4, s2
        li a3, 0
        li a5, 4
6:      lw a2, 0(a4)
        add a3, a3, a2
        addi a4, a4, 4
        addi a5, a5, -1
        bnez a5, 6b
        CHECK(a3, 0x11111111 + 0x22222222 + 0x33333334 + 0x44444444)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
data:   .word 0x11111111, 0x22222222, 0x33333334, 0x44444444
        .word 0, 0, 0, 0
        .word data, 0
        .word 0, 0
RVTEST_DATA_END
