// stop_on_trap with an illegal instruction right after a taken branch and a multi-cycle divide.
// TB_ARGS: --expect-stop 2
#include "s1_test.h"
        .section .text.init
        .globl _start
_start: li a0, 100
        li a1, 7
        div a2, a0, a1
        beq x0, x0, 1f
        ecall                       // squashed
1:      .word 0
        ecall
        j _start
RVTEST_DATA_BEGIN
RVTEST_DATA_END
