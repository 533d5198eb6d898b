// RV32M: every instruction with sign corner cases, divide by zero and overflow.
#include "s1_test.h"
RVTEST_CODE_BEGIN
        TEST_RR(2,  mul,    0x00000000, 0x00000000, 0x00000000)
        TEST_RR(3,  mul,    0x00000001, 0x00000001, 0x00000001)
        TEST_RR(4,  mul,    0x00000015, 0x00000003, 0x00000007)
        TEST_RR(5,  mul,    0x00000000, 0x00000000, 0xffff8000)
        TEST_RR(6,  mul,    0x00000000, 0x80000000, 0x00000002)
        TEST_RR(7,  mul,    0x00000001, 0xffffffff, 0xffffffff)
        TEST_RR(8,  mul,    0x0000ff7f, 0xaaaaaaab, 0x0002fe7d)
        TEST_RR(9,  mulh,   0x00000000, 0x00000003, 0x00000007)
        TEST_RR(10, mulh,   0xffff0081, 0xaaaaaaab, 0x0002fe7d)
        TEST_RR(11, mulh,   0x00000000, 0xffffffff, 0xffffffff)
        TEST_RR(12, mulh,   0x40000000, 0x80000000, 0x80000000)
        TEST_RR(13, mulh,   0xffffffff, 0xffffffff, 0x00000001)
        TEST_RR(14, mulhsu, 0xffff0081, 0xaaaaaaab, 0x0002fe7d)
        TEST_RR(15, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff)
        TEST_RR(16, mulhsu, 0xc0000000, 0x80000000, 0x80000000)
        TEST_RR(17, mulhsu, 0x00000000, 0x00000001, 0xffffffff)
        TEST_RR(18, mulhu,  0x0001fefe, 0xaaaaaaab, 0x0002fe7d)
        TEST_RR(19, mulhu,  0xfffffffe, 0xffffffff, 0xffffffff)
        TEST_RR(20, mulhu,  0x40000000, 0x80000000, 0x80000000)

        TEST_RR(30, div,    3,          20,  6)
        TEST_RR(31, div,    -3,         -20, 6)
        TEST_RR(32, div,    -3,         20,  -6)
        TEST_RR(33, div,    3,          -20, -6)
        TEST_RR(34, div,    0x80000000, 0x80000000, 1)
        TEST_RR(35, div,    0x80000000, 0x80000000, -1)   // overflow
        TEST_RR(36, div,    -1,         0x80000000, 0)    // by zero
        TEST_RR(37, div,    -1,         1, 0)
        TEST_RR(38, div,    -1,         0, 0)
        TEST_RR(39, div,    -1,         -7, 0)
        TEST_RR(40, divu,   3,          20,  6)
        TEST_RR(41, divu,   715827879,  -20, 6)
        TEST_RR(42, divu,   0,          20,  -6)
        TEST_RR(43, divu,   0,          -20, -6)
        TEST_RR(44, divu,   -1,         0x80000000, 0)
        TEST_RR(45, divu,   1,          -1, -1)
        TEST_RR(46, divu,   0x80000000, 0x80000000, 1)
        TEST_RR(47, rem,    2,          20,  6)
        TEST_RR(48, rem,    -2,         -20, 6)
        TEST_RR(49, rem,    2,          20,  -6)
        TEST_RR(50, rem,    -2,         -20, -6)
        TEST_RR(51, rem,    0,          0x80000000, 1)
        TEST_RR(52, rem,    0,          0x80000000, -1)   // overflow
        TEST_RR(53, rem,    0x80000000, 0x80000000, 0)    // by zero: dividend
        TEST_RR(54, rem,    -7,         -7, 0)
        TEST_RR(55, remu,   2,          20,  6)
        TEST_RR(56, remu,   2,          -20, 6)
        TEST_RR(57, remu,   20,         20,  -6)
        TEST_RR(58, remu,   -20,        -20, -6)
        TEST_RR(59, remu,   0x80000000, 0x80000000, 0)
        TEST_RR(60, remu,   0,          0xffffffff, 1)
        TEST_RR(61, remu,   0xfffffffe, 0xfffffffe, 0xffffffff)
        TEST_RR(62, div,    0x0000c0d2, 0x7fffffff, 0x0000a9f0)
        TEST_RR(63, rem,    0x0000991f, 0x7fffffff, 0x0000a9f0)

        // source = destination, both sources equal
        TEST_RR_SRC1_EQ_DEST(70, mul, 143, 13, 11)
        TEST_RR_SRC12_EQ_DEST(71, mul, 169, 13)
        TEST_RR_SRC1_EQ_DEST(72, div, 7, 77, 11)
        TEST_RR_SRC12_EQ_DEST(73, rem, 0, 13)
        // rd = x0
        li TESTNUM, 74
        li a1, 6
        mul x0, a1, a1
        div x0, a1, a1
        mv a3, x0
        CHECK(a3, 0)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
