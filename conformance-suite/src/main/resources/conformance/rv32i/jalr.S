# rv32i/jalr.S: JALR: target (x[rs1] + imm) with bit 0 cleared, rd = pc + 4
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

        # test 1: jalr to x[rs1] links pc + 4
        li      gp, 1
        la      a1, 2f
        jalr    a0, 0(a1)
1:      j       fail
2:      la      a3, 1b
        sub     a3, a0, a3
        li      t2, 0
        bne     a3, t2, fail

        # test 2: jalr adds a positive immediate
        li      gp, 2
        la      a1, 2f
        addi    a1, a1, -8
        jalr    a0, 8(a1)
        j       fail
2:      li      t2, 0
        bne     zero, t2, fail

        # test 3: jalr adds a negative immediate
        li      gp, 3
        la      a1, 2f
        addi    a1, a1, 16
        jalr    a0, -16(a1)
        j       fail
2:      li      t2, 0
        bne     zero, t2, fail

        # test 4: jalr clears bit 0 of the target
        li      gp, 4
        la      a1, 2f
        li      a2, 0
        jalr    a0, 1(a1)
        li      a2, 1
2:      li      t2, 0
        bne     a2, t2, fail

        # test 5: jalr with rd = rs1 jumps to the old value
        li      gp, 5
        la      a1, 2f
        jalr    a1, 0(a1)
1:      j       fail
2:      la      a3, 1b
        sub     a3, a1, a3
        li      t2, 0
        bne     a3, t2, fail

        # test 6: jalr with rd = x0 writes nothing
        li      gp, 6
        la      a1, 2f
        jalr    zero, 0(a1)
        j       fail
2:      li      t2, 0
        bne     zero, t2, fail

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
