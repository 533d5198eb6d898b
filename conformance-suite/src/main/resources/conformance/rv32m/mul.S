# rv32m/mul.S: MUL: the low 32 bits of the product
#
# Spec: SeedChip S1 v1.0 section 1 (M extension).
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

        # test 1: mul 0x00000000, 0x00000000 = 0x00000000
        li      gp, 1
        li      a1, 0x00000000
        li      a2, 0x00000000
        mul     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 2: mul 0x00000001, 0x00000001 = 0x00000001
        li      gp, 2
        li      a1, 0x00000001
        li      a2, 0x00000001
        mul     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 3: mul 0x00000007, 0x00000006 = 0x0000002a
        li      gp, 3
        li      a1, 0x00000007
        li      a2, 0x00000006
        mul     a0, a1, a2
        li      t2, 0x0000002a
        bne     a0, t2, fail

        # test 4: mul 0xffffffff, 0xffffffff = 0x00000001
        li      gp, 4
        li      a1, 0xffffffff
        li      a2, 0xffffffff
        mul     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 5: mul 0xffffffff, 0x00000001 = 0xffffffff
        li      gp, 5
        li      a1, 0xffffffff
        li      a2, 0x00000001
        mul     a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 6: mul 0x80000000, 0x80000000 = 0x00000000
        li      gp, 6
        li      a1, 0x80000000
        li      a2, 0x80000000
        mul     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 7: mul 0x7fffffff, 0x7fffffff = 0x00000001
        li      gp, 7
        li      a1, 0x7fffffff
        li      a2, 0x7fffffff
        mul     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 8: mul 0x80000000, 0x7fffffff = 0x80000000
        li      gp, 8
        li      a1, 0x80000000
        li      a2, 0x7fffffff
        mul     a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 9: mul 0x80000000, 0xffffffff = 0x80000000
        li      gp, 9
        li      a1, 0x80000000
        li      a2, 0xffffffff
        mul     a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 10: mul 0x12345678, 0x9abcdef0 = 0x242d2080
        li      gp, 10
        li      a1, 0x12345678
        li      a2, 0x9abcdef0
        mul     a0, a1, a2
        li      t2, 0x242d2080
        bne     a0, t2, fail

        # test 11: mul 0x00010000, 0x00010000 = 0x00000000
        li      gp, 11
        li      a1, 0x00010000
        li      a2, 0x00010000
        mul     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 12: mul 0x00000002, 0x80000000 = 0x00000000
        li      gp, 12
        li      a1, 0x00000002
        li      a2, 0x80000000
        mul     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 13: mul 0xffff0000, 0x0000ffff = 0x00010000
        li      gp, 13
        li      a1, 0xffff0000
        li      a2, 0x0000ffff
        mul     a0, a1, a2
        li      t2, 0x00010000
        bne     a0, t2, fail

        # test 14: mul with rd = rs1: 0x00000006, 0x00000007 = 0x0000002a
        li      gp, 14
        li      a1, 0x00000006
        li      a2, 0x00000007
        mul     a1, a1, a2
        li      t2, 0x0000002a
        bne     a1, t2, fail

        # test 15: mul with rd = rs2: 0x00000006, 0x00000007 = 0x0000002a
        li      gp, 15
        li      a1, 0x00000006
        li      a2, 0x00000007
        mul     a2, a1, a2
        li      t2, 0x0000002a
        bne     a2, t2, fail

        # test 16: mul with rs1 = rs2: 0x0000ffff, 0x0000ffff = 0xfffe0001
        li      gp, 16
        li      a1, 0x0000ffff
        mul     a0, a1, a1
        li      t2, 0xfffe0001
        bne     a0, t2, fail

        # test 17: mul with rs1 = x0: 0, 0x00000007 = 0x00000000
        li      gp, 17
        li      a2, 0x00000007
        mul     a0, zero, a2
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
