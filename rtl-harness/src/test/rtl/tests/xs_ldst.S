// Xseed tld / tst / tstn: strides 32, 0, 4 (overlapping rows), negative, large and wrapping;
// rows that are word- but not row-aligned; rows ending exactly at the end of DRAM; tst/tstn
// overlapping their own rows (row order decides). Self-checks through tget / lw; the full data
// (row accesses and tiles) is diffed against the golden model.
#include "s1_test.h"
#include "xseed.h"
#define DRAM_END 0x80100000
RVTEST_CODE_BEGIN
        NO_TRAP
        la s2, src
        la s3, dst
        // 1. plain: stride 32, then store to dst and read back
        li TESTNUM, 2
        li a1, 32
        TLD(0, s2, a1)
        CHECK_TW(0, 0, 0x03020100)
        CHECK_TW(0, 9, 0x27262524)
        CHECK_TW(0, 63, 0xfffefdfc)
        TST(0, s3, a1)
        lw t0, 0(s3); li t1, 0x03020100; bne t0, t1, fail
        lw t0, 252(s3); li t1, 0xfffefdfc; bne t0, t1, fail
        // 2. stride 0: every row is the same 32 bytes
        li TESTNUM, 3
        addi a0, s2, 64
        TLD(1, a0, x0)
        CHECK_TW(1, 0, 0x43424140)
        CHECK_TW(1, 56, 0x43424140)
        CHECK_TW(1, 63, 0x5f5e5d5c)
        // 3. stride 4: overlapping rows; base word- but not row-aligned
        li TESTNUM, 4
        addi a0, s2, 4
        li a1, 4
        TLD(2, a0, a1)
        CHECK_TW(2, 0, 0x07060504)
        CHECK_TW(2, 8, 0x0b0a0908)
        CHECK_TW(2, 63, 0x3f3e3d3c)
        // 4. negative stride: rows in reverse order
        li TESTNUM, 5
        addi a0, s2, 224
        li a1, -32
        TLD(3, a0, a1)
        CHECK_TW(3, 0, 0xe3e2e1e0)
        CHECK_TW(3, 56, 0x03020100)
        // 5. large negative stride reaching far below the data (still DRAM)
        addi a0, s2, 900
        li a1, -400
        TLD(4, a0, a1)
        // 6. large positive stride
        li a1, 0x1000
        TLD(5, s2, a1)
        // 7. a negative stride is a wrapping 32-bit addition (base + r * 0xffffffe0 mod 2^32)
        li TESTNUM, 8
        li a1, 0xffffffe0
        addi a0, s2, 256
        TLD(6, a0, a1)
        CHECK_TW(6, 56, 0x23222120)
        // 8. tst with stride 0: all rows to the same place, the last row wins
        li TESTNUM, 9
        addi a0, s3, 512
        TST(0, a0, x0)
        lw t0, 0(a0); li t1, 0xe3e2e1e0; bne t0, t1, fail
        // 9. tst with stride 4: overlapping, written in row order
        addi a0, s3, 768
        li a1, 4
        TST(0, a0, a1)
        lw t0, 0(a0); li t1, 0x03020100; bne t0, t1, fail
        lw t0, 4(a0); li t1, 0x23222120; bne t0, t1, fail
        lw t0, 28(a0); li t1, 0xe3e2e1e0; bne t0, t1, fail
        lw t0, 56(a0); li t1, 0xfffefdfc; bne t0, t1, fail
        // 10. tst with a negative stride
        addi a0, s3, 1280
        li a1, -64
        TST(3, a0, a1)
        // 11. tstn: 8 bytes per row; stride 8 packs them, stride 0 / -8 / 4 overlap
        li TESTNUM, 12
        addi a0, s3, 1536
        li a1, 8
        TSTN(0, a0, a1)
        lw t0, 0(a0); li t1, 0x03020100; bne t0, t1, fail
        lw t0, 4(a0); li t1, 0x07060504; bne t0, t1, fail
        lw t0, 8(a0); li t1, 0x23222120; bne t0, t1, fail
        lw t0, 60(a0); li t1, 0xe7e6e5e4; bne t0, t1, fail
        lw t0, 64(a0); bnez t0, fail
        addi a0, s3, 1664
        TSTN(1, a0, x0)
        li a1, -8
        addi a0, s3, 1728
        TSTN(2, a0, a1)
        li a1, 4
        addi a0, s3, 1792
        TSTN(3, a0, a1)
        // 12. rows ending exactly at the end of DRAM (no fault) and tstn there
        li TESTNUM, 13
        li a0, DRAM_END - 256
        li a1, 32
        TST(5, a0, a1)
        TLD(7, a0, a1)
        li a0, DRAM_END - 32
        TLD(7, a0, x0)
        li a0, DRAM_END - 8
        TSTN(0, a0, x0)
        li a0, DRAM_END - 8 - 7 * 12
        li a1, 12
        TSTN(1, a0, a1)
        // 13. tst then tld of the same memory, sw then tld (store-to-load through memory)
        li TESTNUM, 14
        addi a0, s3, 1024
        li a1, 32
        TST(2, a0, a1)
        TLD(5, a0, a1)
        li t2, 0x5a5aa5a5
        sw t2, 0(a0)
        TLD(5, a0, a1)
        CHECK_TW(5, 0, 0x5a5aa5a5)
        // tld over the code (instructions are bytes like any other)
        la a0, _start
        TLD(4, a0, a1)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
        .align 6
src:    .rept 256
        .byte (.-src) & 0xff
        .endr
        .rept 768
        .byte ((.-src) * 7 + 3) & 0xff
        .endr
dst:    .fill 2048, 1, 0
RVTEST_DATA_END
