// Launch window [0x80001000, 0x80004000) with the entry at 0x80002000: a tld with a negative stride
// whose row 2 lies below the window (still inside DRAM) is a load access fault with mtval = that
// row's address; the rows above it were never loaded.
// TB_ARGS: --window 0x80001000 0x80004000 --reset-pc 0x80002000 --expect-stop 5
#include "s1_test.h"
#include "xseed.h"
        .section .text.init
        .org 0x2000                       // code at 0x80002000, inside the window
        .globl _start
_start: li a0, 0x80001000
        li a1, 32
        TLD(1, a0, a1)                    // rows from the window base upwards: inside
        li a0, 0x80001000 + 32
        li a1, -32
        TLD(1, a0, a1)                    // row 2 at 0x80000fe0: stops here
        ecall
