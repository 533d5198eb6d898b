// Xseed (custom-0) instructions are illegal until the tile unit exists (this task).
// GOLDEN: skip
// (the golden model already executes Xseed)
#include "s1_test.h"
RVTEST_CODE_BEGIN
        TEST_ILLEGAL(2, 0x0000000b)      // tld m0, (x0), x0
        TEST_ILLEGAL(3, 0x0200000b)      // tst
        TEST_ILLEGAL(4, 0x0400000b)      // tstn
        TEST_ILLEGAL(5, 0x0000100b)      // tzero m0
        TEST_ILLEGAL(6, 0x0200100b)      // tmma.i8 m0, m0, m0
        TEST_ILLEGAL(7, 0x0400100b)      // tmma.e4m3
        TEST_ILLEGAL(8, 0x0600100b)      // tadd.i32
        TEST_ILLEGAL(9, 0x0800100b)      // tmax.i32
        TEST_ILLEGAL(10, 0x0a00100b)     // trelu.i32
        TEST_ILLEGAL(11, 0x0c00100b)     // tadd.f32
        TEST_ILLEGAL(12, 0x0000200b)     // tquant.i8
        TEST_ILLEGAL(13, 0x0200200b)     // tcvt.e4m3
        TEST_ILLEGAL(14, 0x0000300b)     // tget x0, m0, x0
        TEST_ILLEGAL(15, 0x0200300b)     // tput
        TEST_ILLEGAL(16, 0x0000078b)     // tld with tile 15 (also illegal later)
        TEST_ILLEGAL(17, 0xfe00700b)     // custom-0, undefined funct
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
