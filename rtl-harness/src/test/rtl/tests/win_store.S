// Launch window: a store just outside is an access fault and writes nothing.
// TB_ARGS: --window 0x80000000 0x80003000 --expect-stop 7
#include "s1_test.h"
        .section .text.init
        .globl _start
_start: li a1, 0x80003000
        li a2, 0x1234
        sb a2, -1(a1)
        sh a2, 2(a1)
        ecall
RVTEST_DATA_BEGIN
RVTEST_DATA_END
