// Every RV32I register/immediate ALU instruction, lui, auipc, with edge values.
#include "s1_test.h"
RVTEST_CODE_BEGIN
        TEST_RR(2,  add,  0x00000000, 0x00000000, 0x00000000)
        TEST_RR(3,  add,  0x80000000, 0x7fffffff, 0x00000001)
        TEST_RR(4,  add,  0x00000000, 0xffffffff, 0x00000001)
        TEST_RR(5,  add,  0xfffffffe, 0xffffffff, 0xffffffff)
        TEST_RR(6,  sub,  0x00000000, 0x00000000, 0x00000000)
        TEST_RR(7,  sub,  0x7fffffff, 0x80000000, 0x00000001)
        TEST_RR(8,  sub,  0xffffffff, 0x00000000, 0x00000001)
        TEST_RR(9,  sll,  0x00000001, 0x00000001, 0)
        TEST_RR(10, sll,  0x80000000, 0x00000001, 31)
        TEST_RR(11, sll,  0x00000002, 0x00000001, 0xffffffe1)   // only shamt[4:0]
        TEST_RR(12, slt,  0x00000001, 0x80000000, 0x7fffffff)
        TEST_RR(13, slt,  0x00000000, 0x7fffffff, 0x80000000)
        TEST_RR(14, slt,  0x00000000, 0xffffffff, 0xffffffff)
        TEST_RR(15, sltu, 0x00000000, 0x80000000, 0x7fffffff)
        TEST_RR(16, sltu, 0x00000001, 0x7fffffff, 0x80000000)
        TEST_RR(17, sltu, 0x00000001, 0x00000000, 0xffffffff)
        TEST_RR(18, xor,  0xf0f0f0f0, 0xff00ff00, 0x0ff00ff0)
        TEST_RR(19, srl,  0x00000001, 0x80000000, 31)
        TEST_RR(20, srl,  0x7fffffff, 0xffffffff, 1)
        TEST_RR(21, srl,  0x40000000, 0x80000000, 0xffffffe1)
        TEST_RR(22, sra,  0xffffffff, 0x80000000, 31)
        TEST_RR(23, sra,  0xc0000000, 0x80000000, 1)
        TEST_RR(24, sra,  0x3fffffff, 0x7fffffff, 1)
        TEST_RR(25, or,   0xfff0fff0, 0xff00ff00, 0x0ff00ff0)
        TEST_RR(26, and,  0x0f000f00, 0xff00ff00, 0x0ff00ff0)

        TEST_RI(30, addi,  0x00000800, 0x00000001, 0x7ff)
        TEST_RI(31, addi,  0xfffff801, 0x00000001, -0x800)
        TEST_RI(32, addi,  0x80000000, 0x7fffffff, 1)
        TEST_RI(33, slti,  0x00000001, 0xffffffff, 0)
        TEST_RI(34, slti,  0x00000000, 0x00000000, -1)
        TEST_RI(35, sltiu, 0x00000001, 0x00000000, -1)      // -1 is 0xffffffff unsigned
        TEST_RI(36, sltiu, 0x00000000, 0xffffffff, -1)
        TEST_RI(37, xori,  0xff00f00f, 0x00ff0ff0, -0x1)    // not
        TEST_RI(38, xori,  0x00ff0f0f, 0x00ff0ff0, 0x0ff)
        TEST_RI(39, ori,   0xfffffff0, 0x00ff0ff0, -0x100) // 0xffffff00
        TEST_RI(40, ori,   0x00ff0fff, 0x00ff0ff0, 0x0f)
        TEST_RI(41, andi,  0x00ff0f00, 0x00ff0ff0, -0x100)
        TEST_RI(42, andi,  0x000000f0, 0x00ff0ff0, 0x0f0)
        TEST_RI(43, slli,  0x80000000, 0x00000001, 31)
        TEST_RI(44, slli,  0x21212121, 0x21212121, 0)
        TEST_RI(53, slli,  0x42424242, 0x21212121, 1)
        TEST_RI(45, srli,  0x00000001, 0x80000000, 31)
        TEST_RI(46, srli,  0x01000000, 0x80000000, 7)
        TEST_RI(47, srai,  0xff000000, 0x80000000, 7)
        TEST_RI(48, srai,  0xffffffff, 0xffffffff, 31)
        TEST_RI(49, srai,  0x00ffffff, 0x7fffffff, 7)

        TEST_RR_SRC1_EQ_DEST(50, add, 24, 13, 11)
        TEST_RR_SRC12_EQ_DEST(51, add, 26, 13)
        TEST_RR_SRC12_EQ_DEST(52, sub, 0, 13)

        // lui / auipc
        li TESTNUM, 60
        lui a1, 0xfffff
        CHECK(a1, 0xfffff000)
        lui a1, 0x80000
        srai a1, a1, 12
        CHECK(a1, 0xfff80000)
        li TESTNUM, 61
1:      auipc a1, 0
        la a2, 1b
        CHECK_EQ(a1, a2)
2:      auipc a1, 0x12345
        la a2, 2b
        li t0, 0x12345000
        add a2, a2, t0
        CHECK_EQ(a1, a2)

        // writes to x0 are discarded and never forwarded
        li TESTNUM, 62
        li a1, 5
        add x0, a1, a1
        add a3, x0, x0
        CHECK(a3, 0)
        addi x0, x0, 7
        mv a3, x0
        CHECK(a3, 0)
        lui x0, 0x12345
        or a3, x0, x0
        CHECK(a3, 0)

        // wfi, fence, fence.tso are no-ops; so are fences with unused fields set (spec §1: any fm,
        // rs1, rd; fence.i: any imm, rs1, rd), whose rd is not written
        li TESTNUM, 63
        li a1, 9
        wfi
        fence
        fence rw, rw
        fence.tso
        fence iorw, iorw
        .word 0x0000008f               // fence 0,0 with rd = ra
        .word 0x0000800f               // fence 0,0 with rs1 = ra
        .word 0x1000000f               // fence 0,0 with fm = 0001
        .word 0x8330008f               // fence.tso with rd = ra
        .word 0x8ff5058f               // fence iorw,iorw with fm = 1000, rs1 = a0, rd = a1
        .word 0x0010100f               // fence.i with imm = 1
        .word 0x0000108f               // fence.i with rd = ra
        .word 0xfff5158f               // fence.i with imm = 0xfff, rs1 = a0, rd = a1
        CHECK(a1, 9)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
