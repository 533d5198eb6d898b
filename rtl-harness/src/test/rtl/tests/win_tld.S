// Launch window [0x80000000, 0x80003000): tile rows may end exactly at the window limit; a tld whose
// row 3 straddles it is a load access fault with mtval = 0x80003000 (first faulting byte), and
// nothing is loaded.
// TB_ARGS: --window 0x80000000 0x80003000 --expect-stop 5
#include "s1_test.h"
#include "xseed.h"
        .section .text.init
        .globl _start
_start: li a0, 0x80003000 - 256
        li a1, 32
        TLD(1, a0, a1)                    // rows 0..7 end exactly at the limit
        TST(1, a0, a1)
        li a0, 0x80003000 - 32
        TLD(2, a0, x0)
        li a0, 0x80003000 - 3 * 32 - 16
        TLD(1, a0, a1)                    // rows 0..2 inside, row 3 straddles: stops here
        ecall
RVTEST_DATA_BEGIN
RVTEST_DATA_END
