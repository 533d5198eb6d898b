# traps/ebreak.S: EBREAK traps with cause 3, mtval = pc, mepc = pc
#
# Spec: SeedChip S1 v1.0 sections 1 and 1.1 (traps: mepc, mcause, mtval, mstatus, mtvec).
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
        la      t0, handler
        csrw    mtvec, t0

        # test 1: ebreak number 1
        li      gp, 1
        li      a0, 0x55
        li      a1, 7
        csrw    mtval, a1
        li      s2, 3                   # expected mcause
        la      s3, 1f                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      ebreak
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 2: ebreak number 2
        li      gp, 2
        li      a0, 0x55
        li      a1, 8
        csrw    mtval, a1
        li      s2, 3                   # expected mcause
        la      s3, 1f                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      ebreak
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 3: ebreak number 3
        li      gp, 3
        li      a0, 0x55
        li      a1, 9
        csrw    mtval, a1
        li      s2, 3                   # expected mcause
        la      s3, 1f                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      ebreak
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        j       pass

# ---------------------------------------------------------------------------------------------
# Trap handler: checks mcause = s2, mtval = s3, mepc = s4 (set by the sub-test before the
# trapping instruction), counts the trap in s11, then resumes after the trapping instruction
# (mepc + 4), or at s5 when the sub-test set a resume address (faults with mepc = the target).
handler:
        csrr    t0, mcause
        bne     t0, s2, fail
        csrr    t0, mtval
        bne     t0, s3, fail
        csrr    t0, mepc
        bne     t0, s4, fail
        addi    s11, s11, 1
        beqz    s5, 1f
        csrw    mepc, s5
        mret
1:      addi    t0, t0, 4
        csrw    mepc, t0
        mret

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
