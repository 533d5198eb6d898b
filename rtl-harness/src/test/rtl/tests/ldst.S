// Loads and stores: every width, every lane, sign/zero extension, store->load forwarding
// through memory at distances 0..3, overlapping byte/half/word accesses.
#include "s1_test.h"

#define TEST_LD(n, inst, expect, off, base)                 \
        li TESTNUM, n; la a1, base;                         \
        inst a3, off(a1); CHECK(a3, expect)

RVTEST_CODE_BEGIN
        TEST_LD(2,  lb,  0xffffffff, 0, tdat)
        TEST_LD(3,  lb,  0x00000000, 1, tdat)
        TEST_LD(4,  lb,  0xfffffff0, 2, tdat)
        TEST_LD(5,  lb,  0x0000000f, 3, tdat)
        TEST_LD(6,  lbu, 0x000000ff, 0, tdat)
        TEST_LD(7,  lbu, 0x000000f0, 2, tdat)
        TEST_LD(8,  lh,  0x000000ff, 0, tdat)
        TEST_LD(9,  lh,  0x00000ff0, 2, tdat)      // bytes ff 00 f0 0f: h0 = 0x00ff, h1 = 0x0ff0
        TEST_LD(10, lh,  0xffffff00, 4, tdat)
        TEST_LD(11, lh,  0xfffff00f, 6, tdat)
        TEST_LD(12, lhu, 0x0000ff00, 4, tdat)
        TEST_LD(13, lhu, 0x0000f00f, 6, tdat)
        TEST_LD(14, lw,  0x0ff000ff, 0, tdat)
        TEST_LD(15, lw,  0xf00fff00, 4, tdat)
        TEST_LD(16, lw,  0xf00fff00, -4, tdat2)
        TEST_LD(17, lbu, 0x0000000f, -5, tdat2)

        // stores: every lane, then read back as bytes/halves/word
        li TESTNUM, 20
        la a1, buf
        li a2, 0x11223344
        sw a2, 0(a1)
        li a2, 0xaa
        sb a2, 1(a1)
        lw a3, 0(a1)
        CHECK(a3, 0x1122aa44)
        li a2, 0x5566bbcc      // sh stores the low half only
        sh a2, 2(a1)
        lw a3, 0(a1)
        CHECK(a3, 0xbbccaa44)
        sb a2, 0(a1)
        sb a2, 3(a1)
        lw a3, 0(a1)
        CHECK(a3, 0xccccaacc)
        sh a2, 0(a1)
        lw a3, 0(a1)
        CHECK(a3, 0xccccbbcc)
        lhu a3, 2(a1)
        CHECK(a3, 0xcccc)
        lh a3, 2(a1)
        CHECK(a3, 0xffffcccc)
        lbu a3, 1(a1)
        CHECK(a3, 0xbb)
        // neighbours untouched
        lw a3, 4(a1)
        CHECK(a3, 0)
        lw a3, -4(a1)
        CHECK(a3, 0x0ff000ff)

        // store then load of the same address at distance 1..4
        li TESTNUM, 21
        la a1, buf
        li a2, 0x01010101
        sw a2, 8(a1)
        lw a3, 8(a1)
        CHECK(a3, 0x01010101)
        li TESTNUM, 22
        li a2, 0x02020202
        sw a2, 8(a1)
        nop
        lw a3, 8(a1)
        CHECK(a3, 0x02020202)
        li TESTNUM, 23
        li a2, 0x03030303
        sw a2, 8(a1)
        nop
        nop
        lw a3, 8(a1)
        CHECK(a3, 0x03030303)
        li TESTNUM, 24
        li a2, 0x04040404
        sw a2, 8(a1)
        nop
        nop
        nop
        lw a3, 8(a1)
        CHECK(a3, 0x04040404)
        // byte store then word load, back to back; two stores then a load
        li TESTNUM, 25
        li a2, 0x7f
        sb a2, 9(a1)
        lw a3, 8(a1)
        CHECK(a3, 0x04047f04)
        li TESTNUM, 26
        li a2, 0x55
        sb a2, 8(a1)
        sh a2, 10(a1)
        lw a3, 8(a1)
        CHECK(a3, 0x00557f55)
        // load -> store of the loaded value -> load (data dependence through memory)
        li TESTNUM, 27
        lw a2, 8(a1)
        sw a2, 12(a1)
        lw a3, 12(a1)
        CHECK(a3, 0x00557f55)
        // base register written by the previous instruction (address forwarding)
        li TESTNUM, 28
        la a4, buf
        addi a4, a4, 12
        lw a3, 0(a4)
        CHECK(a3, 0x00557f55)
        // a load whose base is the previous load's result (pointer chasing)
        li TESTNUM, 29
        la a1, ptr
        lw a2, 0(a1)
        lw a3, 0(a2)
        CHECK(a3, 0xdeadbeef)
        // store whose base and data are both fresh
        li TESTNUM, 30
        la a1, buf
        lw a2, 0(a1)          // 0xccccbbcc
        addi a4, a1, 16
        sw a2, 0(a4)
        lw a3, 16(a1)
        CHECK(a3, 0xccccbbcc)
        // load to x0 is discarded
        li TESTNUM, 31
        lw x0, 16(a1)
        mv a3, x0
        CHECK(a3, 0)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
tdat:   .byte 0xff, 0x00, 0xf0, 0x0f
        .byte 0x00, 0xff, 0x0f, 0xf0
tdat2:  .word 0
        .align 4
        .word 0x0ff000ff
buf:    .word 0, 0, 0, 0, 0, 0, 0, 0
ptr:    .word target
target: .word 0xdeadbeef
RVTEST_DATA_END
