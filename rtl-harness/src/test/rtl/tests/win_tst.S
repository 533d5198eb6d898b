// Launch window [0x80000000, 0x80003000): a tst whose row 7 starts at the window limit (a negative
// stride, rows written downwards would be inside) is a store access fault, mtval = 0x80003000;
// nothing is written.
// TB_ARGS: --window 0x80000000 0x80003000 --expect-stop 7
#include "s1_test.h"
#include "xseed.h"
        .section .text.init
        .globl _start
_start: li a0, 0x80003000 - 32
        li a1, -32
        TST(0, a0, a1)                    // rows downwards from the top: inside
        li a0, 0x80003000 - 7 * 64
        li a1, 64
        TST(0, a0, a1)                    // row 7 at the limit: stops here
        ecall
RVTEST_DATA_BEGIN
RVTEST_DATA_END
