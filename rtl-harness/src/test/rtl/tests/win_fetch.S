// Launch window: running into the first word past the window is a fetch access fault
// (mepc = mtval = 0x80003000, insn 0).
// TB_ARGS: --window 0x80000000 0x80003000 --expect-stop 1
#include "s1_test.h"
        .section .text.init
        .globl _start
_start: li a1, 0x80002ffc
        li a2, 0x00000013          // nop
        sw a2, 0(a1)
        fence.i
        jr a1                      // the nop retires, then the fetch at 0x80003000 faults
RVTEST_DATA_BEGIN
RVTEST_DATA_END
