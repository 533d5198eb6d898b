# traps/fetch_misaligned.S: Taken branch/jal/jalr to a target not a multiple of 4: cause 0 at the jump, mtval = target, rd not written
#
# Spec: SeedChip S1 v1.0 sections 1 and 1.1 (traps: mepc, mcause, mtval, mstatus, mtvec).
# The jump traps itself: mepc = the jump's pc, rd is not written.
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

        # test 1: jal forward by 6
        li      gp, 1
        li      a0, 0x55
        li      s2, 0                   # expected mcause
        la      s3, 1f + 6              # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      jal     a0, . + 6
        nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 2: jal backward by 2
        li      gp, 2
        li      a0, 0x55
        li      s2, 0                   # expected mcause
        la      s3, 1f - 2              # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      jal     a0, . - 2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 3: taken beq to a target 2 bytes past a word
        li      gp, 3
        li      a1, 0
        li      a2, 0
        li      s2, 0                   # expected mcause
        la      s3, 1f + 10             # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      beq     a1, a2, . + 10
        nop
        nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail

        # test 4: taken bne to a target 2 bytes past a word
        li      gp, 4
        li      a1, 0
        li      a2, 1
        li      s2, 0                   # expected mcause
        la      s3, 1f + 10             # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      bne     a1, a2, . + 10
        nop
        nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail

        # test 5: taken blt to a target 2 bytes past a word
        li      gp, 5
        li      a1, -1
        li      a2, 0
        li      s2, 0                   # expected mcause
        la      s3, 1f + 10             # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      blt     a1, a2, . + 10
        nop
        nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail

        # test 6: taken bge to a target 2 bytes past a word
        li      gp, 6
        li      a1, 0
        li      a2, 0
        li      s2, 0                   # expected mcause
        la      s3, 1f + 10             # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      bge     a1, a2, . + 10
        nop
        nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail

        # test 7: taken bltu to a target 2 bytes past a word
        li      gp, 7
        li      a1, 0
        li      a2, 1
        li      s2, 0                   # expected mcause
        la      s3, 1f + 10             # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      bltu    a1, a2, . + 10
        nop
        nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail

        # test 8: taken bgeu to a target 2 bytes past a word
        li      gp, 8
        li      a1, 1
        li      a2, 0
        li      s2, 0                   # expected mcause
        la      s3, 1f + 10             # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      bgeu    a1, a2, . + 10
        nop
        nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail

        # test 9: a not-taken branch to a misaligned target does not trap
        li      gp, 9
        li      a0, 0
        li      s11, 0
        bne     zero, zero, . + 6
        addi    a0, a0, 1
        nop
        li      t2, 0                   # no trap
        bne     s11, t2, fail
        li      t2, 1
        bne     a0, t2, fail

        # test 10: jalr to target + 2
        li      gp, 10
        la      a1, 2f
        li      a0, 0x55
        li      s2, 0                   # expected mcause
        la      s3, 2f + 2              # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      jalr    a0, 2(a1)
2:      nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 11: jalr to target + 3: bit 0 is cleared first, mtval = target + 2
        li      gp, 11
        la      a1, 2f
        li      a0, 0x55
        li      s2, 0                   # expected mcause
        la      s3, 2f + 2              # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      jalr    a0, 3(a1)
2:      nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 12: jalr with rd = rs1 does not write rd
        li      gp, 12
        la      a1, 2f
        addi    a1, a1, 2
        mv      a3, a1
        li      s2, 0                   # expected mcause
        mv      s3, a3                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      jalr    a1, 0(a1)
2:      nop
        nop
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        bne     a1, a3, fail
        li      t2, 0
        bne     zero, t2, fail

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
