// tohost (spec §3): a byte store that leaves the tohost word non-zero ends the run, and the verdict
// is the word after that store: the younger stores right behind it (already through EX when its
// record leaves WB) must not change it. Here the byte store makes it 1 (pass); the younger ones
// would make it 0x7f (test 63 failed).
#include "s1_test.h"
        .section .text.init
        .globl _start
_start: la t5, tohost
        li t6, 1
        li t4, 0x7f
        sh zero, 2(t5)                 // leaves the word zero: the run goes on
        sb t6, 0(t5)                   // ends the run
        sw t4, 0(t5)
        sb t4, 0(t5)
1:      j 1b
RVTEST_DATA_BEGIN
RVTEST_DATA_END
