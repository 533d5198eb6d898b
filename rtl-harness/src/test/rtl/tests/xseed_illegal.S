// Xseed (custom-0) words that are still illegal instructions (spec §1, §2.2): a tile operand
// field >= 8, a reserved field (rs1/rs2 of tzero, rs2 of the unary ops) that is not zero, and
// funct3/funct7 combinations that name no instruction. Each traps with cause 2, mtval = the word,
// and changes nothing. Fields that are GPRs may be any register (checked legal at the end).
#include "s1_test.h"
#include "xseed.h"
RVTEST_CODE_BEGIN
        TEST_ILLEGAL(2, 0x0000040b)     // tld m8 (rd tile 8)
        TEST_ILLEGAL(3, 0x02000f8b)     // tst m31
        TEST_ILLEGAL(4, 0x0453048b)     // tstn m9
        TEST_ILLEGAL(5, 0x0000140b)     // tzero m8
        TEST_ILLEGAL(6, 0x0211140b)     // tmma.i8 rd=8
        TEST_ILLEGAL(7, 0x0216118b)     // tmma.i8 rs1=12
        TEST_ILLEGAL(8, 0x0301118b)     // tmma.i8 rs2=16
        TEST_ILLEGAL(9, 0x0411140b)     // tmma.e4m3 rd=8
        TEST_ILLEGAL(10, 0x0416118b)    // tmma.e4m3 rs1=12
        TEST_ILLEGAL(11, 0x0501118b)    // tmma.e4m3 rs2=16
        TEST_ILLEGAL(12, 0x0611140b)    // tadd.i32 rd=8
        TEST_ILLEGAL(13, 0x0616118b)    // tadd.i32 rs1=12
        TEST_ILLEGAL(14, 0x0701118b)    // tadd.i32 rs2=16
        TEST_ILLEGAL(15, 0x0811140b)    // tmax.i32 rd=8
        TEST_ILLEGAL(16, 0x0816118b)    // tmax.i32 rs1=12
        TEST_ILLEGAL(17, 0x0901118b)    // tmax.i32 rs2=16
        TEST_ILLEGAL(18, 0x0c11140b)    // tadd.f32 rd=8
        TEST_ILLEGAL(19, 0x0c16118b)    // tadd.f32 rs1=12
        TEST_ILLEGAL(20, 0x0d01118b)    // tadd.f32 rs2=16
        TEST_ILLEGAL(21, 0x0a01178b)    // trelu.i32 rd=15
        TEST_ILLEGAL(22, 0x0a04118b)    // trelu.i32 rs1=8
        TEST_ILLEGAL(23, 0x0001278b)    // tquant.i8 rd=15
        TEST_ILLEGAL(24, 0x0004218b)    // tquant.i8 rs1=8
        TEST_ILLEGAL(25, 0x0201278b)    // tcvt.e4m3 rd=15
        TEST_ILLEGAL(26, 0x0204218b)    // tcvt.e4m3 rs1=8
        TEST_ILLEGAL(27, 0x0034328b)    // tget a5, m8, x3
        TEST_ILLEGAL(28, 0x0232340b)    // tput m8, x4, x3
        TEST_ILLEGAL(29, 0x0000910b)    // tzero rs1!=0
        TEST_ILLEGAL(30, 0x0010110b)    // tzero rs2!=0
        TEST_ILLEGAL(31, 0x01ff910b)    // tzero rs1,rs2
        TEST_ILLEGAL(32, 0x0a11118b)    // trelu rs2!=0
        TEST_ILLEGAL(33, 0x0071218b)    // tquant rs2!=0
        TEST_ILLEGAL(34, 0x03f1218b)    // tcvt rs2!=0
        TEST_ILLEGAL(35, 0x0600000b)    // f3=0 f7=3
        TEST_ILLEGAL(36, 0x8000000b)    // f3=0 f7=0x40
        TEST_ILLEGAL(37, 0x0e00100b)    // f3=1 f7=7
        TEST_ILLEGAL(38, 0xfe00100b)    // f3=1 f7=0x7f
        TEST_ILLEGAL(39, 0x0400200b)    // f3=2 f7=2
        TEST_ILLEGAL(40, 0x0400300b)    // f3=3 f7=2
        TEST_ILLEGAL(41, 0x4000300b)    // f3=3 f7=0x20
        TEST_ILLEGAL(42, 0x0000400b)    // f3=4
        TEST_ILLEGAL(43, 0x0000500b)    // f3=5
        TEST_ILLEGAL(44, 0x0000600b)    // f3=6
        TEST_ILLEGAL(45, 0x0000700b)    // f3=7
        TEST_ILLEGAL(46, 0xfe00700b)    // custom-0, undefined funct
        // GPR fields are not limited to 8: these are legal
        li TESTNUM, 47
        NO_TRAP
        li x15, 0
        TGET(x15, 0, x0)                  // rd = x15
        li x31, 0x1234
        li x20, 63
        TPUT(1, x31, x20)
        TGET(x30, 1, x20)
        bne x30, x31, fail
        la x25, data
        TLD(2, x25, x0)
        TST(2, x25, x0)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
        .align 6
data:   .fill 32, 1, 0x5a
RVTEST_DATA_END
