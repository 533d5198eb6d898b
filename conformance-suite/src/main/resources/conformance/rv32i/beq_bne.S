# rv32i/beq_bne.S: BEQ and BNE: equality branches, forward and backward
#
# Spec: SeedChip S1 v1.0 section 1 (RV32I base, machine mode only).
# A taken branch goes to pc + offset; not taken falls through to pc + 4.
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

        # test 1: beq 0x00000000, 0x00000000 is taken
        li      gp, 1
        li      a1, 0x00000000
        li      a2, 0x00000000
        li      a0, 0
        beq     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 0                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 2: beq 0x00000001, 0x00000001 is taken
        li      gp, 2
        li      a1, 0x00000001
        li      a2, 0x00000001
        li      a0, 0
        beq     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 0                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 3: beq 0xffffffff, 0xffffffff is taken
        li      gp, 3
        li      a1, 0xffffffff
        li      a2, 0xffffffff
        li      a0, 0
        beq     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 0                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 4: beq 0x00000000, 0x00000001 is not taken
        li      gp, 4
        li      a1, 0x00000000
        li      a2, 0x00000001
        li      a0, 0
        beq     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 1                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 5: beq 0x00000001, 0x00000000 is not taken
        li      gp, 5
        li      a1, 0x00000001
        li      a2, 0x00000000
        li      a0, 0
        beq     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 1                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 6: beq 0x80000000, 0x00000000 is not taken
        li      gp, 6
        li      a1, 0x80000000
        li      a2, 0x00000000
        li      a0, 0
        beq     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 1                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 7: beq 0x7fffffff, 0xffffffff is not taken
        li      gp, 7
        li      a1, 0x7fffffff
        li      a2, 0xffffffff
        li      a0, 0
        beq     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 1                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 8: bne 0x00000000, 0x00000000 is not taken
        li      gp, 8
        li      a1, 0x00000000
        li      a2, 0x00000000
        li      a0, 0
        bne     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 1                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 9: bne 0x00000001, 0x00000001 is not taken
        li      gp, 9
        li      a1, 0x00000001
        li      a2, 0x00000001
        li      a0, 0
        bne     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 1                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 10: bne 0xffffffff, 0xffffffff is not taken
        li      gp, 10
        li      a1, 0xffffffff
        li      a2, 0xffffffff
        li      a0, 0
        bne     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 1                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 11: bne 0x00000000, 0x00000001 is taken
        li      gp, 11
        li      a1, 0x00000000
        li      a2, 0x00000001
        li      a0, 0
        bne     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 0                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 12: bne 0x00000001, 0x00000000 is taken
        li      gp, 12
        li      a1, 0x00000001
        li      a2, 0x00000000
        li      a0, 0
        bne     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 0                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 13: bne 0x80000000, 0x00000000 is taken
        li      gp, 13
        li      a1, 0x80000000
        li      a2, 0x00000000
        li      a0, 0
        bne     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 0                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 14: bne 0x7fffffff, 0xffffffff is taken
        li      gp, 14
        li      a1, 0x7fffffff
        li      a2, 0xffffffff
        li      a0, 0
        bne     a1, a2, 1f
        addi    a0, a0, 1               # fall-through path
1:      li      t2, 0                   # 0 if taken, 1 if not taken
        bne     a0, t2, fail

        # test 15: bne backward loops until equal
        li      gp, 15
        li      a0, 0
        li      a1, 3
1:      addi    a0, a0, 1
        bne     a0, a1, 1b
        li      t2, 3
        bne     a0, t2, fail

        # test 16: beq backward is taken while equal
        li      gp, 16
        li      a0, 0
        li      a1, 1
1:      addi    a0, a0, 1
        beq     a0, a1, 1b
        li      t2, 2
        bne     a0, t2, fail

        # test 17: a taken branch skips the instruction after it
        li      gp, 17
        li      a0, 7
        beq     zero, zero, 1f
        li      a0, 8
1:      li      t2, 7
        bne     a0, t2, fail

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
