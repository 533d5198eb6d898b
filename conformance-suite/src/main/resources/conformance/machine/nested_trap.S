# machine/nested_trap.S: A trap inside a handler overwrites mepc/mcause/mtval and saves MIE = 0 in MPIE
#
# Spec: SeedChip S1 v1.0 sections 1 and 1.1 (mret, wfi, fence, fence.i).
#
# SeedChip S1 conformance suite conventions (riscv-tests style, plain assembly):
#   - _start is at 0x8000_0000 (bare mode); tohost is an 8-byte aligned word of its own.
#   - gp holds the number of the running sub-test; every sub-test starts with `li gp, N`.
#   - every expected value is written from the specification and loaded with `li t2, ...`
#     (expected trap cause: `li s2, ...`) right before the check that uses it.
#   - pass writes 1 to tohost; fail writes (gp << 1) | 1. An unexpected trap goes to fail
#     (or to the checking trap handler, which fails on any mismatch).

        .text
        .globl  _start
_start:
        li      gp, 0
        li      s5, 0
        la      t0, fail
        csrw    mtvec, t0

        # test 1: second trap in the handler
        li      gp, 1
        la      t0, 3f
        csrw    mtvec, t0
        csrwi   mstatus, 8
        li      a5, 0
1:      ecall
        j       fail
3:      addi    a5, a5, 1
        li      t2, 1
        bne     a5, t2, 4f
        csrr    a0, mstatus             # first entry: MPIE = 1, MIE = 0
        li      t2, 0x1880
        bne     a0, t2, fail
2:      ebreak
        j       fail
4:      csrr    a0, mstatus             # second entry: MPIE = MIE = 0
        li      t2, 0x1800
        bne     a0, t2, fail
        csrr    a0, mcause
        li      t2, 3
        bne     a0, t2, fail
        csrr    a0, mepc
        la      a1, 2b
        bne     a0, a1, fail
        csrr    a0, mtval
        bne     a0, a1, fail
        la      t0, fail
        csrw    mtvec, t0

        j       pass

# ---------------------------------------------------------------------------------------------
pass:
        fence
        li      t0, 1
        la      t1, tohost
        sw      t0, 0(t1)
1:      j       1b

fail:
        fence
2:      beqz    gp, 2b                  # never report a failure as "test 0" (= pass): hang
        slli    t0, gp, 1
        ori     t0, t0, 1
        la      t1, tohost
        sw      t0, 0(t1)
3:      j       3b

        .data
        .align  3
tohost: .word   0, 0
