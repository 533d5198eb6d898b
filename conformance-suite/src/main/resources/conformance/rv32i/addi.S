# rv32i/addi.S: ADDI: sign-extended 12-bit immediate, wrapping addition
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

        # test 1: addi 0x00000000, 0 = 0x00000000
        li      gp, 1
        li      a1, 0x00000000
        addi    a0, a1, 0
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 2: addi 0x00000001, 1 = 0x00000002
        li      gp, 2
        li      a1, 0x00000001
        addi    a0, a1, 1
        li      t2, 0x00000002
        bne     a0, t2, fail

        # test 3: addi 0x00000003, 7 = 0x0000000a
        li      gp, 3
        li      a1, 0x00000003
        addi    a0, a1, 7
        li      t2, 0x0000000a
        bne     a0, t2, fail

        # test 4: addi 0x00000000, -2048 = 0xfffff800
        li      gp, 4
        li      a1, 0x00000000
        addi    a0, a1, -2048
        li      t2, 0xfffff800
        bne     a0, t2, fail

        # test 5: addi 0x00000000, 2047 = 0x000007ff
        li      gp, 5
        li      a1, 0x00000000
        addi    a0, a1, 2047
        li      t2, 0x000007ff
        bne     a0, t2, fail

        # test 6: addi 0x00000005, -2048 = 0xfffff805
        li      gp, 6
        li      a1, 0x00000005
        addi    a0, a1, -2048
        li      t2, 0xfffff805
        bne     a0, t2, fail

        # test 7: addi 0x7fffffff, 1 = 0x80000000
        li      gp, 7
        li      a1, 0x7fffffff
        addi    a0, a1, 1
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 8: addi 0x80000000, -1 = 0x7fffffff
        li      gp, 8
        li      a1, 0x80000000
        addi    a0, a1, -1
        li      t2, 0x7fffffff
        bne     a0, t2, fail

        # test 9: addi 0xffffffff, 1 = 0x00000000
        li      gp, 9
        li      a1, 0xffffffff
        addi    a0, a1, 1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 10: addi 0x12345678, -1656 = 0x12345000
        li      gp, 10
        li      a1, 0x12345678
        addi    a0, a1, -1656
        li      t2, 0x12345000
        bne     a0, t2, fail

        # test 11: addi 0x7ffff800, 2047 = 0x7fffffff
        li      gp, 11
        li      a1, 0x7ffff800
        addi    a0, a1, 2047
        li      t2, 0x7fffffff
        bne     a0, t2, fail

        # test 12: addi with rd = rs1: 0x0000000d, 11 = 0x00000018
        li      gp, 12
        li      a1, 0x0000000d
        addi    a1, a1, 11
        li      t2, 0x00000018
        bne     a1, t2, fail

        # test 13: addi with rs1 = x0: 0, -1 = 0xffffffff
        li      gp, 13
        addi    a0, zero, -1
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 14: addi with rd = x0 writes nothing
        li      gp, 14
        li      a1, 0x00000005
        addi    zero, a1, 5
        li      t2, 0
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
