// Launch window [0x80000000, 0x80003000): tstn rows are 8 bytes; a row at limit - 8 is inside, one
// at limit - 4 straddles it: store access fault, mtval = 0x80003000.
// TB_ARGS: --window 0x80000000 0x80003000 --expect-stop 7
#include "s1_test.h"
#include "xseed.h"
        .section .text.init
        .globl _start
_start: li a0, 0x80003000 - 8
        TSTN(0, a0, x0)
        li a0, 0x80003000 - 8 * 8
        li a1, 8
        TSTN(0, a0, a1)                   // rows packed up to the limit
        li a0, 0x80003000 - 4 - 5 * 8
        TSTN(0, a0, a1)                   // row 5 straddles: stops here
        ecall
RVTEST_DATA_BEGIN
RVTEST_DATA_END
