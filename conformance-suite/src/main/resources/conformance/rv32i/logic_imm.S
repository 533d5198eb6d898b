# rv32i/logic_imm.S: XORI, ORI, ANDI with the sign-extended immediate
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

        # test 1: xori 0x00ff0f00, 240 = 0x00ff0ff0
        li      gp, 1
        li      a1, 0x00ff0f00
        xori    a0, a1, 240
        li      t2, 0x00ff0ff0
        bne     a0, t2, fail

        # test 2: xori 0x00ff0f00, -241 = 0xff00f00f
        li      gp, 2
        li      a1, 0x00ff0f00
        xori    a0, a1, -241
        li      t2, 0xff00f00f
        bne     a0, t2, fail

        # test 3: xori 0x12345678, -1 = 0xedcba987
        li      gp, 3
        li      a1, 0x12345678
        xori    a0, a1, -1
        li      t2, 0xedcba987
        bne     a0, t2, fail

        # test 4: xori 0xffffffff, 2047 = 0xfffff800
        li      gp, 4
        li      a1, 0xffffffff
        xori    a0, a1, 2047
        li      t2, 0xfffff800
        bne     a0, t2, fail

        # test 5: xori 0x00000000, -2048 = 0xfffff800
        li      gp, 5
        li      a1, 0x00000000
        xori    a0, a1, -2048
        li      t2, 0xfffff800
        bne     a0, t2, fail

        # test 6: xori 0xf0f0f0f0, 1807 = 0xf0f0f7ff
        li      gp, 6
        li      a1, 0xf0f0f0f0
        xori    a0, a1, 1807
        li      t2, 0xf0f0f7ff
        bne     a0, t2, fail

        # test 7: xori with rd = rs1: 0x0f0f0f0f, 255 = 0x0f0f0ff0
        li      gp, 7
        li      a1, 0x0f0f0f0f
        xori    a1, a1, 255
        li      t2, 0x0f0f0ff0
        bne     a1, t2, fail

        # test 8: ori 0x00ff0f00, 240 = 0x00ff0ff0
        li      gp, 8
        li      a1, 0x00ff0f00
        ori     a0, a1, 240
        li      t2, 0x00ff0ff0
        bne     a0, t2, fail

        # test 9: ori 0x00ff0f00, -241 = 0xffffff0f
        li      gp, 9
        li      a1, 0x00ff0f00
        ori     a0, a1, -241
        li      t2, 0xffffff0f
        bne     a0, t2, fail

        # test 10: ori 0x12345678, -1 = 0xffffffff
        li      gp, 10
        li      a1, 0x12345678
        ori     a0, a1, -1
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 11: ori 0xffffffff, 2047 = 0xffffffff
        li      gp, 11
        li      a1, 0xffffffff
        ori     a0, a1, 2047
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 12: ori 0x00000000, -2048 = 0xfffff800
        li      gp, 12
        li      a1, 0x00000000
        ori     a0, a1, -2048
        li      t2, 0xfffff800
        bne     a0, t2, fail

        # test 13: ori 0xf0f0f0f0, 1807 = 0xf0f0f7ff
        li      gp, 13
        li      a1, 0xf0f0f0f0
        ori     a0, a1, 1807
        li      t2, 0xf0f0f7ff
        bne     a0, t2, fail

        # test 14: ori with rd = rs1: 0x0f0f0f0f, 255 = 0x0f0f0fff
        li      gp, 14
        li      a1, 0x0f0f0f0f
        ori     a1, a1, 255
        li      t2, 0x0f0f0fff
        bne     a1, t2, fail

        # test 15: andi 0x00ff0f00, 240 = 0x00000000
        li      gp, 15
        li      a1, 0x00ff0f00
        andi    a0, a1, 240
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 16: andi 0x00ff0f00, -241 = 0x00ff0f00
        li      gp, 16
        li      a1, 0x00ff0f00
        andi    a0, a1, -241
        li      t2, 0x00ff0f00
        bne     a0, t2, fail

        # test 17: andi 0x12345678, -1 = 0x12345678
        li      gp, 17
        li      a1, 0x12345678
        andi    a0, a1, -1
        li      t2, 0x12345678
        bne     a0, t2, fail

        # test 18: andi 0xffffffff, 2047 = 0x000007ff
        li      gp, 18
        li      a1, 0xffffffff
        andi    a0, a1, 2047
        li      t2, 0x000007ff
        bne     a0, t2, fail

        # test 19: andi 0x00000000, -2048 = 0x00000000
        li      gp, 19
        li      a1, 0x00000000
        andi    a0, a1, -2048
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 20: andi 0xf0f0f0f0, 1807 = 0x00000000
        li      gp, 20
        li      a1, 0xf0f0f0f0
        andi    a0, a1, 1807
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 21: andi with rd = rs1: 0x0f0f0f0f, 255 = 0x0000000f
        li      gp, 21
        li      a1, 0x0f0f0f0f
        andi    a1, a1, 255
        li      t2, 0x0000000f
        bne     a1, t2, fail

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
