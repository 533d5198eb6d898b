// Xseed tld / tst / tstn faults: misaligned base or stride (cause 4 / 6, mtval = base, checked
// before the access check), rows outside DRAM (cause 5 / 7, mtval = first faulting byte in row
// order): below/above DRAM, straddling the end of DRAM in row 0 or a later row, negative strides
// leaving DRAM at the bottom, strides wrapping around 2^32. Every fault moves nothing: the tile
// (tld) or the memory (tst/tstn) is checked unchanged afterwards.
#include "s1_test.h"
#include "xseed.h"
#define DRAM_END 0x80100000
// Checks that tile 1 still holds the pattern loaded from src (first and last word).
#define CHECK_M1 CHECK_TW(1, 0, 0x03020100); CHECK_TW(1, 63, 0xfffefdfc)
// Checks that the 256 bytes at DRAM_END - 256 are still zero.
#define CHECK_TOP_ZERO li t2, DRAM_END - 256; li t3, DRAM_END; 1: lw t0, 0(t2); bnez t0, fail; addi t2, t2, 4; bne t2, t3, 1b
RVTEST_CODE_BEGIN
        NO_TRAP
        la s2, src
        li a1, 32
        TLD(1, s2, a1)
        // misaligned: cause 4 (tld) / 6 (tst, tstn), mtval = x[rs1]
        addi a0, s2, 2
        TEST_TRAP_TVAL_REG(2, 4, a0, TLD(1, a0, a1))
        CHECK_M1
        li a2, 34
        TEST_TRAP_TVAL_REG(3, 4, s2, TLD(1, s2, a2))
        CHECK_M1
        li a2, 1
        TEST_TRAP_TVAL_REG(4, 4, a0, TLD(1, a0, a2))
        li a0, DRAM_END - 254                      // misaligned wins over out-of-range
        TEST_TRAP_TVAL_REG(5, 6, a0, TST(1, a0, a1))
        CHECK_TOP_ZERO
        li a0, DRAM_END - 256
        li a2, -2
        TEST_TRAP_TVAL_REG(6, 6, a0, TSTN(1, a0, a2))
        CHECK_TOP_ZERO
        li a0, 0x1001
        TEST_TRAP_TVAL_REG(7, 6, a0, TSTN(1, a0, x0))
        // outside DRAM entirely (row 0): mtval = row 0 address
        li a0, 0x1000
        TEST_TRAP_TVAL_REG(8, 5, a0, TLD(1, a0, a1))
        CHECK_M1
        li a0, 0x7fffffe0                          // just below DRAM; row 1 would be inside
        TEST_TRAP_TVAL_REG(9, 5, a0, TLD(1, a0, a1))
        CHECK_M1
        li a0, 0xffffffe0
        TEST_TRAP_TVAL_REG(10, 7, a0, TST(1, a0, a1))
        li a0, DRAM_END
        TEST_TRAP_TVAL_REG(11, 7, a0, TSTN(1, a0, x0))
        // row 0 straddles the end of DRAM: mtval = DRAM_END (its first byte outside)
        li a0, DRAM_END - 16
        li t5, DRAM_END
        TEST_TRAP_TVAL_REG(12, 5, t5, TLD(1, a0, x0))
        CHECK_M1
        li a0, DRAM_END - 4
        TEST_TRAP_TVAL_REG(13, 7, t5, TSTN(1, a0, x0))
        // rows 0..4 inside, row 5 straddles: nothing is written, mtval = DRAM_END
        li a0, DRAM_END - 5 * 32 - 16
        TEST_TRAP_TVAL_REG(14, 7, t5, TST(1, a0, a1))
        CHECK_TOP_ZERO
        TEST_TRAP_TVAL_REG(15, 5, t5, TLD(1, a0, a1))
        CHECK_M1
        // rows 0..6 inside, row 7 straddles (tstn, 8-byte rows)
        li a0, DRAM_END - 4 - 7 * 8
        li a2, 8
        TEST_TRAP_TVAL_REG(16, 7, t5, TSTN(1, a0, a2))
        CHECK_TOP_ZERO
        // row 7 entirely beyond the end: mtval = its address
        li a0, DRAM_END - 7 * 64
        li a2, 64
        TEST_TRAP_TVAL_REG(17, 7, t5, TST(1, a0, a2))
        CHECK_TOP_ZERO
        // rows 0..3 inside (row 3 ends exactly at DRAM_END), row 4 entirely beyond
        li a0, DRAM_END - 224
        li s4, DRAM_END + 32
        li a2, 64
        TEST_TRAP_TVAL_REG(18, 5, s4, TLD(1, a0, a2))
        CHECK_M1
        // negative stride leaving DRAM at the bottom: row 3 at DRAM_BASE - 32
        li a0, 0x80000040
        li a2, -32
        li s4, 0x7fffffe0
        TEST_TRAP_TVAL_REG(19, 7, s4, TST(1, a0, a2))
        TEST_TRAP_TVAL_REG(20, 5, s4, TLD(1, a0, a2))
        CHECK_M1
        // a stride that wraps: row 1 at DRAM_BASE + 0x80000000 = 0
        li a0, 0x80000000
        li a2, 0x80000000
        TEST_TRAP_TVAL_REG(21, 5, x0, TLD(1, a0, a2))
        CHECK_M1
        // a row order different from address order: row 0 inside, row 1 far above, row 2 below
        li a0, 0x80080000
        li a2, 0x7ff80000                          // row 1 at 0x0, 0x80080000 + 2 * 0x7ff80000 = 0x7ff80000
        TEST_TRAP_TVAL_REG(22, 7, x0, TST(1, a0, a2))
        // no flag, no CSR change from any of this
        csrr t0, xsstat
        bnez t0, fail
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
        .align 6
src:    .rept 256
        .byte (.-src) & 0xff
        .endr
RVTEST_DATA_END
