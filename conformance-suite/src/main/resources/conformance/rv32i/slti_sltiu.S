# rv32i/slti_sltiu.S: SLTI signed and SLTIU unsigned compare with the sign-extended immediate
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

        # test 1: slti 0xffffffff, 0 = 0x00000001
        li      gp, 1
        li      a1, 0xffffffff
        slti    a0, a1, 0
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 2: slti 0x00000000, -1 = 0x00000000
        li      gp, 2
        li      a1, 0x00000000
        slti    a0, a1, -1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 3: slti 0x00000005, 5 = 0x00000000
        li      gp, 3
        li      a1, 0x00000005
        slti    a0, a1, 5
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 4: slti 0x00000004, 5 = 0x00000001
        li      gp, 4
        li      a1, 0x00000004
        slti    a0, a1, 5
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 5: slti 0x80000000, -2048 = 0x00000001
        li      gp, 5
        li      a1, 0x80000000
        slti    a0, a1, -2048
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 6: slti 0x7fffffff, 2047 = 0x00000000
        li      gp, 6
        li      a1, 0x7fffffff
        slti    a0, a1, 2047
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 7: slti 0xfffff800, -2047 = 0x00000001
        li      gp, 7
        li      a1, 0xfffff800
        slti    a0, a1, -2047
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 8: sltiu 0x00000005, -1 = 0x00000001
        li      gp, 8
        li      a1, 0x00000005
        sltiu   a0, a1, -1
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 9: sltiu 0xffffffff, -1 = 0x00000000
        li      gp, 9
        li      a1, 0xffffffff
        sltiu   a0, a1, -1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 10: sltiu 0x00000000, 1 = 0x00000001
        li      gp, 10
        li      a1, 0x00000000
        sltiu   a0, a1, 1
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 11: sltiu 0x00000001, 1 = 0x00000000
        li      gp, 11
        li      a1, 0x00000001
        sltiu   a0, a1, 1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 12: sltiu 0x80000000, -2048 = 0x00000001
        li      gp, 12
        li      a1, 0x80000000
        sltiu   a0, a1, -2048
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 13: sltiu 0xfffff800, -2048 = 0x00000000
        li      gp, 13
        li      a1, 0xfffff800
        sltiu   a0, a1, -2048
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 14: sltiu 0x000007ff, 2047 = 0x00000000
        li      gp, 14
        li      a1, 0x000007ff
        sltiu   a0, a1, 2047
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 15: sltiu 0x000007fe, 2047 = 0x00000001
        li      gp, 15
        li      a1, 0x000007fe
        sltiu   a0, a1, 2047
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 16: sltiu 0xfffffffe, -1 = 0x00000001
        li      gp, 16
        li      a1, 0xfffffffe
        sltiu   a0, a1, -1
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 17: slti with rd = rs1: 0xffffffff, 1 = 0x00000001
        li      gp, 17
        li      a1, 0xffffffff
        slti    a1, a1, 1
        li      t2, 0x00000001
        bne     a1, t2, fail

        # test 18: sltiu with rs1 = x0: 0, 0 = 0x00000000
        li      gp, 18
        sltiu   a0, zero, 0
        li      t2, 0x00000000
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
