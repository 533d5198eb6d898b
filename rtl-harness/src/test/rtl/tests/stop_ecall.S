// stop_on_trap (command-mode behaviour): the first trapping record stops the core until reset.
// mtvec is left at 0: a core that did not stop would fetch from 0 and report a fetch fault.
// TB_ARGS: --expect-stop 11
#include "s1_test.h"
        .section .text.init
        .globl _start
_start: li a0, 1
        li a1, 2
        add a0, a0, a1
        lw a2, word
        mul a3, a2, a0
        ecall
        li a0, 0xbad
        sw a0, tohost, t0
        j _start
        .data
word:   .word 7
RVTEST_DATA_BEGIN
RVTEST_DATA_END
