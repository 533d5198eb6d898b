// CSR access rules (spec §1.1, §2.3): values, WARL, read-only, non-existent CSRs, counters.
#include "s1_test.h"
#define XSSTAT   0x7c0
#define XSQMUL   0x7c1
#define XSQSHIFT 0x7c2
#define XSQZP    0x7c3
#define XSASCL0  0x7c4
#define XSASCL1  0x7c5
#define XSBSCL0  0x7c6
#define XSBSCL1  0x7c7

RVTEST_CODE_BEGIN
        // mstatus: MPP reads 3, only MIE/MPIE writable
        li TESTNUM, 2
        csrr a1, mstatus
        CHECK(a1, 0x1800)
        li a2, -1
        csrrw a1, mstatus, a2
        CHECK(a1, 0x1800)
        csrr a1, mstatus
        CHECK(a1, 0x1888)
        csrci mstatus, 8
        csrr a1, mstatus
        CHECK(a1, 0x1880)
        li a2, 0x80
        csrrc a1, mstatus, a2
        CHECK(a1, 0x1880)
        csrr a1, mstatus
        CHECK(a1, 0x1800)
        csrsi mstatus, 8
        csrr a1, mstatus
        CHECK(a1, 0x1808)
        csrw mstatus, zero
        // misa
        li TESTNUM, 3
        csrr a1, misa
        CHECK(a1, 0x40801100)
        csrrc a1, misa, zero           // csrrc with x0 does not write: legal
        CHECK(a1, 0x40801100)
        csrrsi a1, misa, 0
        CHECK(a1, 0x40801100)
        // mie / mip: read 0, writes ignored
        li TESTNUM, 4
        li a2, -1
        csrw mie, a2
        csrr a1, mie
        CHECK(a1, 0)
        csrrw a1, mip, a2
        CHECK(a1, 0)
        csrr a1, mip
        CHECK(a1, 0)
        // mtvec: bits 1:0 read 0
        li TESTNUM, 5
        csrr s1, mtvec
        la a2, trap_handler
        CHECK_EQ(s1, a2)
        li a2, 0x80000007
        csrw mtvec, a2
        csrr a1, mtvec
        CHECK(a1, 0x80000004)
        csrw mtvec, s1
        // mepc: bits 1:0 read 0
        li TESTNUM, 6
        li a2, -1
        csrw mepc, a2
        csrr a1, mepc
        CHECK(a1, 0xfffffffc)
        csrwi mepc, 0x1f
        csrr a1, mepc
        CHECK(a1, 0x1c)
        // mscratch, mcause, mtval: full read/write
        li TESTNUM, 7
        li a2, 0xdeadbeef
        csrw mscratch, a2
        csrr a1, mscratch
        CHECK_EQ(a1, a2)
        csrs mscratch, 0x10
        csrr a1, mscratch
        CHECK(a1, 0xdeadbeff)
        csrw mcause, a2
        csrr a1, mcause
        CHECK_EQ(a1, a2)
        csrw mtval, a2
        csrr a1, mtval
        CHECK_EQ(a1, a2)
        csrrci a1, mtval, 0xf
        CHECK_EQ(a1, a2)
        csrr a1, mtval
        CHECK(a1, 0xdeadbee0)
        csrrsi a1, mcause, 0x10
        csrr a1, mcause
        CHECK(a1, 0xdeadbeff)
        // csrrw with rd = x0 writes; csrrw with rd = rs1 swaps
        li TESTNUM, 8
        li a1, 0x1234
        csrw mscratch, a1
        li a1, 0x5678
        csrrw a1, mscratch, a1
        CHECK(a1, 0x1234)
        csrr a1, mscratch
        CHECK(a1, 0x5678)
        // machine information registers read 0
        li TESTNUM, 9
        li a1, 1
        csrr a1, mvendorid
        CHECK(a1, 0)
        li a1, 1
        csrr a1, marchid
        CHECK(a1, 0)
        li a1, 1
        csrr a1, mimpid
        CHECK(a1, 0)
        li a1, 1
        csrr a1, mhartid
        CHECK(a1, 0)

        // Xseed CSRs: reset 0, xsstat bits 1:0, xsqshift in [-31, 30], xsqzp in [-128, 127]
        li TESTNUM, 10
        csrr a1, XSSTAT
        CHECK(a1, 0)
        li a2, -1
        csrrw a1, XSSTAT, a2
        CHECK(a1, 0)
        csrr a1, XSSTAT
        CHECK(a1, 3)
        csrci XSSTAT, 1
        csrr a1, XSSTAT
        CHECK(a1, 2)
        li TESTNUM, 11
        li a2, 100
        csrw XSQSHIFT, a2
        csrr a1, XSQSHIFT
        CHECK(a1, 30)
        li a2, -100
        csrw XSQSHIFT, a2
        csrr a1, XSQSHIFT
        CHECK(a1, -31)
        li a2, 0x80000000
        csrw XSQSHIFT, a2
        csrr a1, XSQSHIFT
        CHECK(a1, -31)
        li a2, 0x7fffffff
        csrw XSQSHIFT, a2
        csrr a1, XSQSHIFT
        CHECK(a1, 30)
        csrwi XSQSHIFT, 5
        csrsi XSQSHIFT, 0x10             // 5 | 16 = 21
        csrr a1, XSQSHIFT
        CHECK(a1, 21)
        li a2, -31
        csrw XSQSHIFT, a2
        csrr a1, XSQSHIFT
        CHECK(a1, -31)
        li a2, 30
        csrw XSQSHIFT, a2
        csrr a1, XSQSHIFT
        CHECK(a1, 30)
        li a2, 31
        csrw XSQSHIFT, a2
        csrr a1, XSQSHIFT
        CHECK(a1, 30)
        li TESTNUM, 12
        li a2, 200
        csrw XSQZP, a2
        csrr a1, XSQZP
        CHECK(a1, 127)
        li a2, -200
        csrw XSQZP, a2
        csrr a1, XSQZP
        CHECK(a1, -128)
        li a2, -128
        csrw XSQZP, a2
        csrr a1, XSQZP
        CHECK(a1, -128)
        li a2, 127
        csrw XSQZP, a2
        csrr a1, XSQZP
        CHECK(a1, 127)
        csrci XSQZP, 0x1f                // 127 & ~31 = 96
        csrr a1, XSQZP
        CHECK(a1, 96)
        li TESTNUM, 13
        li a2, 0x89abcdef
        csrw XSQMUL, a2
        csrw XSASCL0, a2
        csrw XSASCL1, a2
        csrw XSBSCL0, a2
        csrw XSBSCL1, a2
        csrr a1, XSQMUL
        CHECK_EQ(a1, a2)
        csrr a1, XSASCL0
        CHECK_EQ(a1, a2)
        csrr a1, XSASCL1
        CHECK_EQ(a1, a2)
        csrr a1, XSBSCL0
        CHECK_EQ(a1, a2)
        csrr a1, XSBSCL1
        CHECK_EQ(a1, a2)

        // minstret: a read returns the count before the reading instruction retires
        li TESTNUM, 20
        csrr a1, minstret
        csrr a2, minstret
        sub a3, a2, a1
        CHECK(a3, 1)
        csrr a1, minstret
        nop
        nop
        csrr a2, minstret
        sub a3, a2, a1
        CHECK(a3, 3)
        csrr a1, instret                 // alias
        csrr a2, minstret
        sub a3, a2, a1
        CHECK(a3, 1)
        // a write takes precedence over the writing instruction's own increment
        li TESTNUM, 21
        li a2, 1000
        csrw minstret, a2
        csrr a1, minstret
        CHECK(a1, 1000)
        csrw minstret, a2
        nop
        csrr a1, minstret
        CHECK(a1, 1001)
        csrrw a1, minstret, a2           // reads the count before
        csrr a1, instret
        CHECK(a1, 1000)
        // minstreth and the carry from minstret
        li TESTNUM, 22
        li a2, 7
        csrw minstreth, a2
        csrr a1, minstreth
        CHECK(a1, 7)
        csrr a1, instreth
        CHECK(a1, 7)
        li a2, -2
        csrw minstret, a2                // count = 7:fffffffe
        csrr a1, minstreth               // count before = 7:fffffffe
        csrr a3, minstreth               // 7:ffffffff
        csrr a4, minstreth               // 8:00000000
        csrr a5, minstret                // 8:00000001
        CHECK(a1, 7)
        CHECK(a3, 7)
        CHECK(a4, 8)
        CHECK(a5, 1)
        li a2, -1
        csrw minstret, a2                // 8:ffffffff, no own increment
        csrw minstret, a2                // write to the low half keeps the high half: 8:ffffffff
        csrr a1, minstreth
        CHECK(a1, 8)
        csrw minstreth, zero             // the csrr above carried into 9:00000000; now 0:00000002
        csrr a1, minstreth
        CHECK(a1, 0)
        // mcycle / cycle: counts up; writable (the values are implementation-defined)
        li TESTNUM, 23
        csrr a1, cycle
        csrr a2, cycle
        bgeu a1, a2, fail
        csrr a1, mcycle
        csrr a2, mcycle
        bgeu a1, a2, fail
        csrw mcycle, zero
        csrr a1, mcycle
        li a2, 100
        bgeu a1, a2, fail
        csrw mcycleh, zero
        csrr a1, mcycleh
        bnez a1, fail
        csrr a1, cycleh
        bnez a1, fail

        // read-only CSRs: any write is illegal; reads are fine
        li a1, 1
        TEST_ILLEGAL_INSN(30, csrrw a3, misa, a1)
        TEST_ILLEGAL_INSN(31, csrw misa, zero)             // csrrw always writes, even from x0
        TEST_ILLEGAL_INSN(32, csrrs a3, misa, a1)
        TEST_ILLEGAL_INSN(33, csrrc a3, misa, a1)
        TEST_ILLEGAL_INSN(34, csrrwi a3, misa, 0)          // csrrwi always writes
        TEST_ILLEGAL_INSN(35, csrrsi a3, cycle, 1)
        TEST_ILLEGAL_INSN(36, csrrci a3, instret, 31)
        TEST_ILLEGAL_INSN(37, csrw cycleh, a1)
        TEST_ILLEGAL_INSN(38, csrw instreth, a1)
        TEST_ILLEGAL_INSN(39, csrs mvendorid, a1)
        TEST_ILLEGAL_INSN(40, csrw marchid, a1)
        TEST_ILLEGAL_INSN(41, csrw mimpid, a1)
        TEST_ILLEGAL_INSN(42, csrw mhartid, a1)
        TEST_ILLEGAL_INSN(43, csrw cycle, zero)
        // non-existent CSRs: even reads are illegal
        TEST_ILLEGAL_INSN(50, csrr a3, 0x306)               // mcounteren
        TEST_ILLEGAL_INSN(51, csrr a3, 0x7c8)
        TEST_ILLEGAL_INSN(52, csrr a3, 0x7bf)
        TEST_ILLEGAL_INSN(53, csrr a3, 0x000)
        TEST_ILLEGAL_INSN(54, csrr a3, 0xc01)               // time
        TEST_ILLEGAL_INSN(55, csrr a3, 0x320)               // mcountinhibit
        TEST_ILLEGAL_INSN(56, csrr a3, 0xb03)               // mhpmcounter3
        TEST_ILLEGAL_INSN(57, csrw 0x180, a1)               // satp
        TEST_ILLEGAL_INSN(58, csrr a3, 0x7b0)               // dcsr
        TEST_ILLEGAL_INSN(59, csrrwi a3, 0xfff, 1)
        TEST_ILLEGAL_INSN(60, csrr a3, 0x343 + 0x400)
        // reads of read-only CSRs with the set/clear forms and x0 / zimm 0 are legal
        li TESTNUM, 61
        csrrs a3, cycle, x0
        csrrci a3, instret, 0
        csrrc a3, mhartid, x0
        CHECK(a3, 0)
        RVTEST_PASS
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
