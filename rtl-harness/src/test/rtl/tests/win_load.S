// Launch window [0x80000000, 0x80003000): the last word inside is accessible, the first word
// outside (still inside DRAM) is a load access fault with mtval = the address.
// TB_ARGS: --window 0x80000000 0x80003000 --expect-stop 5
#include "s1_test.h"
        .section .text.init
        .globl _start
_start: li a1, 0x80003000
        lw a2, -4(a1)
        sw a2, -4(a1)
        lb a2, -1(a1)
        lw a2, 0(a1)
        ecall
RVTEST_DATA_BEGIN
RVTEST_DATA_END
