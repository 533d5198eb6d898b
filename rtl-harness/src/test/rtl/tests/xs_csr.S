// Xseed CSRs (spec §2.3) and their WARL rules: xsstat keeps bits 1:0 only; xsqshift clamps to
// [-31, 30] and xsqzp to [-128, 127] on every write (csrrw/csrrs/csrrc and the immediate forms);
// xsqmul and the four scale CSRs hold any value. The record's csr wdata is the clamped value.
#include "s1_test.h"
#include "xseed.h"
// csrw `val` to csr, read back, expect `exp`
#define WR(n, csr, val, exp) li TESTNUM, n; li t2, val; csrw csr, t2; csrr t0, csr; li t1, exp; bne t0, t1, fail
RVTEST_CODE_BEGIN
        NO_TRAP
        WR(2, xsstat, 0xffffffff, 3)
        WR(3, xsstat, 4, 0)
        WR(4, xsstat, 2, 2)
        li TESTNUM, 5
        csrrsi t0, xsstat, 1
        li t1, 2; bne t0, t1, fail
        csrrci t0, xsstat, 2
        li t1, 3; bne t0, t1, fail
        csrrs t0, xsstat, x0                     // read only (rs1 = x0: no write)
        li t1, 1; bne t0, t1, fail
        li t2, 0xfffffffc
        csrrs t0, xsstat, t2                     // writes, bits above 1 dropped
        csrr t0, xsstat
        li t1, 1; bne t0, t1, fail
        WR(6, xsqshift, -32, -31)
        WR(7, xsqshift, -31, -31)
        WR(8, xsqshift, 30, 30)
        WR(9, xsqshift, 31, 30)
        WR(10, xsqshift, 0x7fffffff, 30)
        WR(11, xsqshift, 0x80000000, -31)
        WR(12, xsqshift, 0, 0)
        WR(13, xsqshift, -1, -1)
        li TESTNUM, 14
        li t2, 30
        csrw xsqshift, t2
        li t2, 0x80000000
        csrrs t0, xsqshift, t2                   // 30 | 0x80000000 is negative: clamps to -31
        csrr t0, xsqshift
        li t1, -31; bne t0, t1, fail
        li t2, 0x80000000
        csrrc t0, xsqshift, t2                   // -31 & ~0x80000000 is huge: clamps to 30
        csrr t0, xsqshift
        li t1, 30; bne t0, t1, fail
        csrrwi t0, xsqshift, 31
        csrr t0, xsqshift
        li t1, 30; bne t0, t1, fail
        csrrwi t0, xsqshift, 17
        csrr t0, xsqshift
        li t1, 17; bne t0, t1, fail
        WR(15, xsqzp, 127, 127)
        WR(16, xsqzp, 128, 127)
        WR(17, xsqzp, -128, -128)
        WR(18, xsqzp, -129, -128)
        WR(19, xsqzp, 0xffffff00, -128)
        WR(20, xsqzp, 0x7fffffff, 127)
        WR(21, xsqzp, 5, 5)
        li TESTNUM, 22
        csrrsi t0, xsqzp, 0x1f                   // 5 | 31 = 31
        csrr t0, xsqzp
        li t1, 31; bne t0, t1, fail
        li t2, 0xffffff80
        csrrs t0, xsqzp, t2                      // 31 | 0xffffff80 = -97
        csrr t0, xsqzp
        li t1, -97; bne t0, t1, fail
        WR(23, xsqmul, 0x80000000, 0x80000000)
        WR(24, xsqmul, 0xdeadbeef, 0xdeadbeef)
        WR(25, xsascl0, 0xff00ff7f, 0xff00ff7f)
        WR(26, xsascl1, 0x12345678, 0x12345678)
        WR(27, xsbscl0, 0xffffffff, 0xffffffff)
        WR(28, xsbscl1, 0x00000000, 0x00000000)
        // swap forms read the old value
        li TESTNUM, 29
        li t2, 0x11
        csrrw t0, xsbscl1, t2
        bnez t0, fail
        csrrw t0, xsbscl1, x0
        li t1, 0x11; bne t0, t1, fail
        // the tile unit sees CSR values written by the instruction right before it
        li TESTNUM, 30
        li t2, 0x7fffffff
        csrw xsqmul, t2
        csrw xsqshift, x0
        li t2, -5
        csrw xsqzp, t2
        li a2, 0
        li a3, 100
        TPUT(1, a3, a2)
        TQUANT_I8(2, 1)
        CHECK_TW(2, 0, 0xfbfbfb5f)               // 100 - 5 = 95; 0 - 5 = -5
        csrw xsstat, x0
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
