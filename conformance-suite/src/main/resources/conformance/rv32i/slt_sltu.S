# rv32i/slt_sltu.S: SLT signed and SLTU unsigned register compares
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

        # test 1: slt 0x00000000, 0x00000000 = 0x00000000
        li      gp, 1
        li      a1, 0x00000000
        li      a2, 0x00000000
        slt     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 2: slt 0xffffffff, 0x00000001 = 0x00000001
        li      gp, 2
        li      a1, 0xffffffff
        li      a2, 0x00000001
        slt     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 3: slt 0x00000001, 0xffffffff = 0x00000000
        li      gp, 3
        li      a1, 0x00000001
        li      a2, 0xffffffff
        slt     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 4: slt 0x80000000, 0x7fffffff = 0x00000001
        li      gp, 4
        li      a1, 0x80000000
        li      a2, 0x7fffffff
        slt     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 5: slt 0x7fffffff, 0x80000000 = 0x00000000
        li      gp, 5
        li      a1, 0x7fffffff
        li      a2, 0x80000000
        slt     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 6: slt 0x00000005, 0x00000005 = 0x00000000
        li      gp, 6
        li      a1, 0x00000005
        li      a2, 0x00000005
        slt     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 7: slt 0x00000004, 0x00000005 = 0x00000001
        li      gp, 7
        li      a1, 0x00000004
        li      a2, 0x00000005
        slt     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 8: slt 0xfffffffe, 0xffffffff = 0x00000001
        li      gp, 8
        li      a1, 0xfffffffe
        li      a2, 0xffffffff
        slt     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 9: slt 0x00000000, 0x00000001 = 0x00000001
        li      gp, 9
        li      a1, 0x00000000
        li      a2, 0x00000001
        slt     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 10: slt with rd = rs1: 0x00000003, 0x00000004 = 0x00000001
        li      gp, 10
        li      a1, 0x00000003
        li      a2, 0x00000004
        slt     a1, a1, a2
        li      t2, 0x00000001
        bne     a1, t2, fail

        # test 11: slt with rd = rs2: 0x00000003, 0x00000004 = 0x00000001
        li      gp, 11
        li      a1, 0x00000003
        li      a2, 0x00000004
        slt     a2, a1, a2
        li      t2, 0x00000001
        bne     a2, t2, fail

        # test 12: slt with rs1 = x0: 0, 0x80000000 = 0x00000000
        li      gp, 12
        li      a2, 0x80000000
        slt     a0, zero, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 13: sltu 0x00000000, 0x00000000 = 0x00000000
        li      gp, 13
        li      a1, 0x00000000
        li      a2, 0x00000000
        sltu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 14: sltu 0xffffffff, 0x00000001 = 0x00000000
        li      gp, 14
        li      a1, 0xffffffff
        li      a2, 0x00000001
        sltu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 15: sltu 0x00000001, 0xffffffff = 0x00000001
        li      gp, 15
        li      a1, 0x00000001
        li      a2, 0xffffffff
        sltu    a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 16: sltu 0x80000000, 0x7fffffff = 0x00000000
        li      gp, 16
        li      a1, 0x80000000
        li      a2, 0x7fffffff
        sltu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 17: sltu 0x7fffffff, 0x80000000 = 0x00000001
        li      gp, 17
        li      a1, 0x7fffffff
        li      a2, 0x80000000
        sltu    a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 18: sltu 0x00000005, 0x00000005 = 0x00000000
        li      gp, 18
        li      a1, 0x00000005
        li      a2, 0x00000005
        sltu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 19: sltu 0x00000004, 0x00000005 = 0x00000001
        li      gp, 19
        li      a1, 0x00000004
        li      a2, 0x00000005
        sltu    a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 20: sltu 0xfffffffe, 0xffffffff = 0x00000001
        li      gp, 20
        li      a1, 0xfffffffe
        li      a2, 0xffffffff
        sltu    a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 21: sltu 0x00000000, 0x00000001 = 0x00000001
        li      gp, 21
        li      a1, 0x00000000
        li      a2, 0x00000001
        sltu    a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 22: sltu with rd = rs1: 0x00000003, 0x00000004 = 0x00000001
        li      gp, 22
        li      a1, 0x00000003
        li      a2, 0x00000004
        sltu    a1, a1, a2
        li      t2, 0x00000001
        bne     a1, t2, fail

        # test 23: sltu with rd = rs2: 0x00000003, 0x00000004 = 0x00000001
        li      gp, 23
        li      a1, 0x00000003
        li      a2, 0x00000004
        sltu    a2, a1, a2
        li      t2, 0x00000001
        bne     a2, t2, fail

        # test 24: sltu with rs1 = x0: 0, 0x80000000 = 0x00000001
        li      gp, 24
        li      a2, 0x80000000
        sltu    a0, zero, a2
        li      t2, 0x00000001
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
