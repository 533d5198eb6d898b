# rv32i/jal.S: JAL: pc-relative jump, rd = pc + 4
#
# Spec: SeedChip S1 v1.0 section 1 (RV32I base, machine mode only).
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

        # test 1: jal forward skips code and links the return address
        li      gp, 1
        li      a2, 0
        jal     a0, 2f
1:      li      a2, 1                   # skipped
2:      la      a3, 1b                  # the address after the jal
        sub     a3, a0, a3
        li      t2, 0
        bne     a3, t2, fail
        li      t2, 0
        bne     a2, t2, fail

        # test 2: jal backward
        li      gp, 2
        li      a2, 0
        j       2f
1:      addi    a2, a2, 1
        j       3f
2:      jal     a0, 1b
3:      la      a3, 3b                  # the return address is the label after the jal
        sub     a3, a0, a3
        li      t2, 0
        bne     a3, t2, fail
        li      t2, 1
        bne     a2, t2, fail

        # test 3: jal with rd = x0 (j) writes nothing
        li      gp, 3
        jal     zero, 1f
1:      li      t2, 0
        bne     zero, t2, fail

        # test 4: call and return with jal ra / jalr ra
        li      gp, 4
        li      a0, 5
        jal     ra, double
        li      t2, 10
        bne     a0, t2, fail

        # test 5: jal ra to a far label and back
        li      gp, 5
        li      a0, 1
        jal     ra, far
        li      t2, 2
        bne     a0, t2, fail

        # test 6: jal ra forward over more than 2 KiB (bit 11 of the offset set) and back
        li      gp, 6
        li      a0, 1
        jal     ra, farther
        li      t2, 3
        bne     a0, t2, fail

        # test 7: jal backward over more than 2 KiB (a negative offset with bit 11 clear)
        li      gp, 7
        li      a0, 0
        j       farback
back7:  li      t2, 4
        bne     a0, t2, fail

        j       pass

# ---------------------------------------------------------------------------------------------
double: add     a0, a0, a0
        ret

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

        .text
        .align  4
        .space  1024                    # a jump over more than the branch range of beq
far:    addi    a0, a0, 1
        ret
        .space  2048                    # offsets beyond 2 KiB: bit 11 of the J immediate
farther:
        addi    a0, a0, 2
        ret
farback:
        li      a0, 4
        jal     zero, back7
