// Every trap cause with mcause, mepc and mtval; a trap writes no register and no memory and
// does not count in minstret; mstatus MIE/MPIE on trap and mret.
#include "s1_test.h"
#define DRAM_END 0x80100000          /* default DRAM_BYTES = 1 MiB */

RVTEST_CODE_BEGIN
        // ---------------------------------------------------------------- illegal instructions
        TEST_ILLEGAL(2,  0x00000000)
        TEST_ILLEGAL(3,  0xffffffff)
        // MISC-MEM funct3 other than 000 (fence) and 001 (fence.i); fences with unused fields set
        // are fences (spec §1), tested in alu.S
        TEST_ILLEGAL(4,  0x0000200f)      // MISC-MEM funct3 = 2
        TEST_ILLEGAL(5,  0x0000300f)      // MISC-MEM funct3 = 3
        TEST_ILLEGAL(6,  0x8ff5408f)      // MISC-MEM funct3 = 4, fence-like fields
        TEST_ILLEGAL(7,  0x0000500f)      // MISC-MEM funct3 = 5
        TEST_ILLEGAL(8,  0x0000600f)      // MISC-MEM funct3 = 6
        TEST_ILLEGAL(9,  0x0000700f)      // MISC-MEM funct3 = 7
        TEST_ILLEGAL(10, 0x00200073)      // uret
        TEST_ILLEGAL(11, 0x10200073)      // sret
        TEST_ILLEGAL(12, 0x30200873)      // mret with rd != 0
        TEST_ILLEGAL(13, 0x10500873)      // wfi with rd != 0
        TEST_ILLEGAL(14, 0x00100173)      // ebreak with rd != 0
        TEST_ILLEGAL(15, 0x00004073)      // SYSTEM funct3 = 4
        TEST_ILLEGAL(16, 0x02001013)      // slli with shamt[5] (RV64 only)
        TEST_ILLEGAL(17, 0x60005013)      // srai with a bad funct7
        TEST_ILLEGAL(18, 0x04000033)      // OP with funct7 = 0000010
        TEST_ILLEGAL(19, 0x40001033)      // sll with funct7 = 0100000
        TEST_ILLEGAL(20, 0x00001067)      // jalr with funct3 != 0
        TEST_ILLEGAL(21, 0x00002063)      // branch funct3 = 2
        TEST_ILLEGAL(22, 0x00003003)      // ld (RV64)
        TEST_ILLEGAL(23, 0x00006003)      // lwu (RV64)
        TEST_ILLEGAL(24, 0x00003023)      // sd (RV64)
        TEST_ILLEGAL(25, 0x0000001b)      // addiw (RV64)
        TEST_ILLEGAL(26, 0x00000001)      // compressed (no C extension)
        TEST_ILLEGAL(27, 0x0000005b)      // custom-2
        TEST_ILLEGAL(30, 0x00000053)      // fadd.s (no F)
        TEST_ILLEGAL(31, 0x0000202f)      // amo (no A)
        TEST_ILLEGAL(32, 0x00000007)      // flw
        // an illegal instruction writes no register: rd field = a3 (x13)
        TEST_ILLEGAL_INSN(34, .word 0x060006b3)   // OP funct7 = 0000011, rd = a3

        // ---------------------------------------------------------------- ecall / ebreak
        TEST_TRAP(40, 11, 0, ecall)
        TEST_TRAP_TVAL_PC(41, 3, ebreak)

        // ---------------------------------------------------------------- load misaligned (4)
        la a1, data
        li a3, 0x77
        addi a5, a1, 1
        TEST_TRAP_TVAL_REG(50, 4, a5, lh a3, 1(a1))
        TEST_TRAP_TVAL_REG(51, 4, a5, lhu a3, 1(a1))
        TEST_TRAP_TVAL_REG(52, 4, a5, lw a3, 1(a1))
        addi a5, a1, 2
        TEST_TRAP_TVAL_REG(53, 4, a5, lw a3, 2(a1))
        addi a5, a1, 3
        TEST_TRAP_TVAL_REG(54, 4, a5, lw a3, 3(a1))
        TEST_TRAP_TVAL_REG(55, 4, a5, lh a3, 3(a1))
        addi a5, a1, 7
        TEST_TRAP_TVAL_REG(56, 4, a5, lhu a3, 7(a1))
        CHECK(a3, 0x77)
        // misaligned has priority over access fault
        li a5, 2
        TEST_TRAP_TVAL_REG(57, 4, a5, lw a3, 2(zero))
        li a5, DRAM_END + 1
        TEST_TRAP_TVAL_REG(58, 4, a5, lh a3, 0(a5))
        CHECK(a3, 0x77)
        // byte loads are never misaligned
        li TESTNUM, 59
        lb a3, 1(a1)
        CHECK(a3, 0x11)

        // ---------------------------------------------------------------- store misaligned (6)
        li a2, 0xabcdef01
        addi a5, a1, 1
        TEST_TRAP_TVAL_REG(60, 6, a5, sh a2, 1(a1))
        TEST_TRAP_TVAL_REG(61, 6, a5, sw a2, 1(a1))
        addi a5, a1, 2
        TEST_TRAP_TVAL_REG(62, 6, a5, sw a2, 2(a1))
        addi a5, a1, 7
        TEST_TRAP_TVAL_REG(63, 6, a5, sh a2, 7(a1))
        li a5, DRAM_END + 2
        TEST_TRAP_TVAL_REG(64, 6, a5, sw a2, 0(a5))
        // a faulting store writes nothing
        li TESTNUM, 65
        lw a3, 0(a1)
        CHECK(a3, 0x11111111)
        lw a3, 4(a1)
        CHECK(a3, 0x22222222)

        // ---------------------------------------------------------------- load access fault (5)
        li a3, 0x77
        li a5, 0
        TEST_TRAP_TVAL_REG(70, 5, a5, lw a3, 0(zero))
        li a5, 0x7ffffffc
        TEST_TRAP_TVAL_REG(71, 5, a5, lw a3, 0(a5))
        li a5, 0x7fffffff
        TEST_TRAP_TVAL_REG(72, 5, a5, lbu a3, 0(a5))
        li a5, DRAM_END
        TEST_TRAP_TVAL_REG(73, 5, a5, lw a3, 0(a5))
        li a5, DRAM_END + 2
        TEST_TRAP_TVAL_REG(74, 5, a5, lh a3, 0(a5))
        li a5, 0xfffffffc
        TEST_TRAP_TVAL_REG(75, 5, a5, lw a3, 0(a5))
        li a4, 0xfffff800
        li a5, 0xfffff7ff
        TEST_TRAP_TVAL_REG(76, 5, a5, lb a3, -1(a4))
        li a5, 0x000007f8                      // wraps: 0xfffffffc + 0x7fc
        li a4, 0xfffffffc
        TEST_TRAP_TVAL_REG(77, 5, a5, lw a3, 0x7fc(a4))
        CHECK(a3, 0x77)
        // last DRAM word is accessible
        li TESTNUM, 78
        li a5, DRAM_END - 4
        lw a3, 0(a5)
        sw a3, 0(a5)

        // ---------------------------------------------------------------- store access fault (7)
        li a2, 0xabcdef01
        li a5, 0
        TEST_TRAP_TVAL_REG(80, 7, a5, sw a2, 0(zero))
        li a5, DRAM_END                        // would alias DRAM word 0 if the index wrapped
        TEST_TRAP_TVAL_REG(81, 7, a5, sw a2, 0(a5))
        li a5, DRAM_END + 1
        TEST_TRAP_TVAL_REG(82, 7, a5, sb a2, 0(a5))
        li a5, DRAM_END + 0x100000             // would alias DRAM word 0 (2 MiB)
        TEST_TRAP_TVAL_REG(83, 7, a5, sh a2, 0(a5))
        li a5, 0x7fffffff
        TEST_TRAP_TVAL_REG(84, 7, a5, sb a2, 0(a5))
        li a5, 0x00000004
        TEST_TRAP_TVAL_REG(85, 7, a5, sw a2, 4(zero))
        // nothing was written at the aliases
        li TESTNUM, 86
        la a4, _start
        lw a3, 0(a4)
        li a5, 0x00100193                      // li gp, 1
        bne a3, a5, fail

        // ---------------------------------------------------------------- fetch misaligned (0)
        // taken branch / jal / jalr to a target that is not a multiple of 4: the jump itself
        // traps (mepc = its pc, mtval = the target), rd is not written.
        li ra, 0x66
        TEST_TRAP_TVAL_OFF(90, 0, 2, .word 0x002000ef)      // jal ra, .+2
        TEST_TRAP_TVAL_OFF(91, 0, 6, .word 0x006000ef)      // jal ra, .+6
        TEST_TRAP_TVAL_OFF(92, 0, 2, .word 0x00000163)      // beq x0, x0, .+2
        TEST_TRAP_TVAL_OFF(93, 0, -2, .word 0xfe000fe3)     // beq x0, x0, .-2
        li a1, 5
        li a2, 7
        TEST_TRAP_TVAL_OFF(94, 0, 2, .word 0x00c5c163)      // blt a1, a2, .+2
        CHECK(ra, 0x66)
        // a not-taken branch with a misaligned target does not trap
        li TESTNUM, 95
        .word 0x00001163                                    // bne x0, x0, .+2
        .word 0x00c5d163                                    // bge a1, a2, .+2
        // jalr: target = (rs1 + imm) & ~1
        la a4, 200f
        addi a4, a4, 3                                      // 200f + 3 -> target 200f + 2
        addi a5, a4, -1
        TEST_TRAP_TVAL_REG(96, 0, a5, jalr ra, 0(a4))
        CHECK(ra, 0x66)
        la a4, 200f
        addi a5, a4, 2
        TEST_TRAP_TVAL_REG(97, 0, a5, jalr ra, 2(a4))
        addi a4, a4, 4
        addi a5, a4, -2                                     // -1 & ~1 -> -2
        TEST_TRAP_TVAL_REG(98, 0, a5, jalr ra, -1(a4))
        CHECK(ra, 0x66)
        // jalr with rd = rs1: the trap leaves rs1 intact
        la a4, 200f
        addi a4, a4, 2
        mv a5, a4
        TEST_TRAP_TVAL_REG(99, 0, a5, jalr a4, 0(a4))
        CHECK_EQ(a4, a5)
        j 201f
200:    j fail
        j fail
201:

        // ---------------------------------------------------------------- fetch access fault (1)
        // The jump retires; the fetch at the target traps with mepc = mtval = target, insn 0.
#define TEST_FETCH_FAULT(n, addr)                           \
        li TESTNUM, n; li s10, 1; li s9, addr; li s11, addr;\
        la s8, 101f; mv t4, s7; li a4, addr;                \
        jalr ra, 0(a4);                                     \
        j fail;                                             \
101:    addi t4, t4, 1; bne t4, s7, fail;                   \
        la a5, 101b; addi a5, a5, -4; bne ra, a5, fail
        TEST_FETCH_FAULT(110, 0x00001000)
        TEST_FETCH_FAULT(111, 0x00000000)
        TEST_FETCH_FAULT(112, 0x7ffffffc)
        TEST_FETCH_FAULT(113, DRAM_END)
        TEST_FETCH_FAULT(114, 0xfffffffc)
        // running off the end of DRAM: copy `nop; nop` to the last two words and jump there
        li TESTNUM, 115
        li a4, DRAM_END - 8
        li a5, 0x00000013
        sw a5, 0(a4)
        sw a5, 4(a4)
        fence.i
        li s10, 1
        li s9, DRAM_END
        li s11, DRAM_END
        la s8, 102f
        mv t4, s7
        jr a4
102:    addi t4, t4, 1
        bne t4, s7, fail

        // ---------------------------------------------------------------- mstatus on trap / mret
        // own handler: record mstatus, mcause, mepc inside the handler
        li TESTNUM, 120
        NO_TRAP
        csrr s1, mtvec
        la a4, 300f
        csrw mtvec, a4
        csrwi mstatus, 8                     // MIE = 1, MPIE = 0
        csrr a1, mstatus
        CHECK(a1, 0x1808)
        li a3, 0x77
        ecall                                // -> 300f
        j 301f
300:    csrr a1, mstatus                     // in the handler: MIE = 0, MPIE = 1
        csrr a2, mepc
        addi a2, a2, 4
        csrw mepc, a2
        mret                                 // MIE = MPIE = 1, MPIE = 1
301:    CHECK(a1, 0x1880)
        csrr a1, mstatus
        CHECK(a1, 0x1888)
        // trap with MIE = 0: MPIE = 0; mret: MIE = 0, MPIE = 1
        li TESTNUM, 121
        csrw mstatus, zero
        ebreak                               // -> 300b
        CHECK(a1, 0x1800)
        csrr a1, mstatus
        CHECK(a1, 0x1880)
        // mret without a trap: pc = mepc, MIE = MPIE, MPIE = 1
        li TESTNUM, 122
        li a1, 0x80                          // MPIE = 1, MIE = 0
        csrw mstatus, a1
        la a2, 302f
        csrw mepc, a2
        mret
        j fail
302:    csrr a1, mstatus
        CHECK(a1, 0x1888)
        csrw mstatus, zero
        // a trap is not counted in minstret: csrr, ecall (not counted), 4 handler instructions
        li TESTNUM, 123
        la a4, 303f
        csrw mtvec, a4
        csrr a1, minstret
        ecall
        csrr a2, minstret
        sub a3, a2, a1
        CHECK(a3, 5)
        j 304f
303:    csrr a5, mepc
        addi a5, a5, 4
        csrw mepc, a5
        mret
304:    csrw mtvec, s1
        // mepc / mcause / mtval of the last trap are readable and mtval is overwritten (ecall: 0)
        li TESTNUM, 124
        li a1, -1
        csrw mtval, a1
        TEST_TRAP(125, 11, 0, ecall)
        csrr a1, mtval
        CHECK(a1, 0)
        csrr a1, mcause
        CHECK(a1, 11)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
data:   .word 0x11111111, 0x22222222, 0x33333333, 0x44444444
RVTEST_DATA_END
