// Self-checking test conventions for the S1 core (riscv-tests style, bare mode).
//   gp (TESTNUM) = current test number; pass writes 1 to tohost, fail writes (TESTNUM << 1) | 1.
//   Reserved for the trap machinery: t6, s7 (trap count), s8 (resume pc), s9 (expected mtval),
//   s10 (expected mcause, -1 = no trap expected), s11 (expected mepc).
// The trap handler checks mcause/mepc/mtval against s10/s11/s9, counts the trap in s7, and
// returns with mret to s8.
#define TESTNUM gp

#define RVTEST_CODE_BEGIN                                   \
        .section .text.init;                                \
        .align 6;                                           \
        .globl _start;                                      \
_start:                                                     \
        li gp, 1;                                           \
        la t0, trap_handler;                                \
        csrw mtvec, t0;                                     \
        li s7, 0;                                           \
        li s10, -1;                                         \
        j test_body;                                        \
        .align 2;                                           \
trap_handler:                                               \
        li t6, -1;                                          \
        beq s10, t6, fail;                                  \
        csrr t6, mcause;                                    \
        bne t6, s10, fail;                                  \
        csrr t6, mepc;                                      \
        bne t6, s11, fail;                                  \
        csrr t6, mtval;                                     \
        bne t6, s9, fail;                                   \
        li s10, -1;                                         \
        addi s7, s7, 1;                                     \
        csrw mepc, s8;                                      \
        mret;                                               \
pass:                                                       \
        fence;                                              \
        li t6, 1;                                           \
        la t5, tohost;                                      \
        sw t6, 0(t5);                                       \
1:      j 1b;                                               \
fail:                                                       \
        fence;                                              \
        slli t6, TESTNUM, 1;                                \
        ori t6, t6, 1;                                      \
        la t5, tohost;                                      \
        sw t6, 0(t5);                                       \
1:      j 1b;                                               \
test_body:

#define RVTEST_PASS j pass
#define RVTEST_CODE_END

#define RVTEST_DATA_BEGIN                                   \
        .pushsection .tohost, "aw", @progbits;              \
        .align 6; .global tohost; tohost: .word 0; .word 0; \
        .align 6; .global fromhost; fromhost: .word 0;      \
        .popsection;                                        \
        .data; .align 4;
#define RVTEST_DATA_END

// ---------------------------------------------------------------- value checks
#define CHECK(reg, val)        li t0, val; bne reg, t0, fail
#define CHECK_EQ(r1, r2)       bne r1, r2, fail
// Checks word `idx` (a constant 0..63) of tile `m` against `val`; uses t0, t1 (TGET: xseed.h).
#define CHECK_TW(m, idx, val)   li t1, idx; TGET(t0, m, t1); li t1, val; bne t0, t1, fail

#define TEST_RR(n, inst, expect, v1, v2)                    \
        li TESTNUM, n; li a1, v1; li a2, v2;                \
        inst a3, a1, a2; CHECK(a3, expect)
#define TEST_RI(n, inst, expect, v1, imm)                   \
        li TESTNUM, n; li a1, v1;                           \
        inst a3, a1, imm; CHECK(a3, expect)
// Same-register source and destination.
#define TEST_RR_SRC1_EQ_DEST(n, inst, expect, v1, v2)       \
        li TESTNUM, n; li a1, v1; li a2, v2;                \
        inst a1, a1, a2; CHECK(a1, expect)
#define TEST_RR_SRC12_EQ_DEST(n, inst, expect, v1)          \
        li TESTNUM, n; li a1, v1;                           \
        inst a1, a1, a1; CHECK(a1, expect)

// ---------------------------------------------------------------- trap expectations
// The single instruction `insn` must trap with `cause`, mepc = its address, mtval = `tval`;
// execution resumes after it. Registers a0..a7 must be unchanged by the trap (checked by callers).
#define TEST_TRAP(n, cause, tval, insn...)                  \
        li TESTNUM, n; li s10, cause; li s9, tval;          \
        la s11, 100f; la s8, 101f; mv t4, s7;               \
100:    insn;                                               \
        j fail;                                             \
101:    addi t4, t4, 1; bne t4, s7, fail

// As TEST_TRAP with mtval = the instruction's own address (ebreak).
#define TEST_TRAP_TVAL_PC(n, cause, insn...)                \
        li TESTNUM, n; li s10, cause; la s9, 100f;          \
        la s11, 100f; la s8, 101f; mv t4, s7;               \
100:    insn;                                               \
        j fail;                                             \
101:    addi t4, t4, 1; bne t4, s7, fail

// As TEST_TRAP with mtval taken from a register (computed addresses).
#define TEST_TRAP_TVAL_REG(n, cause, treg, insn...)         \
        li TESTNUM, n; li s10, cause; mv s9, treg;          \
        la s11, 100f; la s8, 101f; mv t4, s7;               \
100:    insn;                                               \
        j fail;                                             \
101:    addi t4, t4, 1; bne t4, s7, fail

// An illegal instruction word: mtval = the word.
#define TEST_ILLEGAL(n, w)                                  \
        TEST_TRAP(n, 2, w, .word w)

// No trap may be taken from here on (the handler fails the test if one is).
#define NO_TRAP li s10, -1

// The single instruction `insn` must be an illegal-instruction trap; mtval = its own word
// (read back from memory). a3 must keep its value (a trap writes no register).
#define TEST_ILLEGAL_INSN(n, insn...)                       \
        li TESTNUM, n; li s10, 2;                           \
        la s11, 100f; lw s9, 0(s11); la s8, 101f;           \
        mv t4, s7; li a3, 0x5a5a5a5a;                       \
100:    insn;                                               \
        j fail;                                             \
101:    addi t4, t4, 1; bne t4, s7, fail;                   \
        CHECK(a3, 0x5a5a5a5a)

// As TEST_TRAP with mtval = the instruction's address + `off` (misaligned jump targets).
#define TEST_TRAP_TVAL_OFF(n, cause, off, insn...)          \
        li TESTNUM, n; li s10, cause;                       \
        la s11, 100f; addi s9, s11, off; la s8, 101f;       \
        mv t4, s7;                                          \
100:    insn;                                               \
        j fail;                                             \
101:    addi t4, t4, 1; bne t4, s7, fail
