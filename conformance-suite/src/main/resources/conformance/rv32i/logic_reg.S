# rv32i/logic_reg.S: XOR, OR, AND on registers
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

        # test 1: xor 0xff00ff00, 0x0ff00ff0 = 0xf0f0f0f0
        li      gp, 1
        li      a1, 0xff00ff00
        li      a2, 0x0ff00ff0
        xor     a0, a1, a2
        li      t2, 0xf0f0f0f0
        bne     a0, t2, fail

        # test 2: xor 0x00ff00ff, 0xf00ff00f = 0xf0f0f0f0
        li      gp, 2
        li      a1, 0x00ff00ff
        li      a2, 0xf00ff00f
        xor     a0, a1, a2
        li      t2, 0xf0f0f0f0
        bne     a0, t2, fail

        # test 3: xor 0xffffffff, 0x12345678 = 0xedcba987
        li      gp, 3
        li      a1, 0xffffffff
        li      a2, 0x12345678
        xor     a0, a1, a2
        li      t2, 0xedcba987
        bne     a0, t2, fail

        # test 4: xor 0x00000000, 0x80000001 = 0x80000001
        li      gp, 4
        li      a1, 0x00000000
        li      a2, 0x80000001
        xor     a0, a1, a2
        li      t2, 0x80000001
        bne     a0, t2, fail

        # test 5: xor with rd = rs1: 0xff00ff00, 0x0f0f0f0f = 0xf00ff00f
        li      gp, 5
        li      a1, 0xff00ff00
        li      a2, 0x0f0f0f0f
        xor     a1, a1, a2
        li      t2, 0xf00ff00f
        bne     a1, t2, fail

        # test 6: xor with rd = rs2: 0xff00ff00, 0x0f0f0f0f = 0xf00ff00f
        li      gp, 6
        li      a1, 0xff00ff00
        li      a2, 0x0f0f0f0f
        xor     a2, a1, a2
        li      t2, 0xf00ff00f
        bne     a2, t2, fail

        # test 7: xor with rs1 = rs2: 0x13572468, 0x13572468 = 0x00000000
        li      gp, 7
        li      a1, 0x13572468
        xor     a0, a1, a1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 8: or 0xff00ff00, 0x0ff00ff0 = 0xfff0fff0
        li      gp, 8
        li      a1, 0xff00ff00
        li      a2, 0x0ff00ff0
        or      a0, a1, a2
        li      t2, 0xfff0fff0
        bne     a0, t2, fail

        # test 9: or 0x00ff00ff, 0xf00ff00f = 0xf0fff0ff
        li      gp, 9
        li      a1, 0x00ff00ff
        li      a2, 0xf00ff00f
        or      a0, a1, a2
        li      t2, 0xf0fff0ff
        bne     a0, t2, fail

        # test 10: or 0xffffffff, 0x12345678 = 0xffffffff
        li      gp, 10
        li      a1, 0xffffffff
        li      a2, 0x12345678
        or      a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 11: or 0x00000000, 0x80000001 = 0x80000001
        li      gp, 11
        li      a1, 0x00000000
        li      a2, 0x80000001
        or      a0, a1, a2
        li      t2, 0x80000001
        bne     a0, t2, fail

        # test 12: or with rd = rs1: 0xff00ff00, 0x0f0f0f0f = 0xff0fff0f
        li      gp, 12
        li      a1, 0xff00ff00
        li      a2, 0x0f0f0f0f
        or      a1, a1, a2
        li      t2, 0xff0fff0f
        bne     a1, t2, fail

        # test 13: or with rd = rs2: 0xff00ff00, 0x0f0f0f0f = 0xff0fff0f
        li      gp, 13
        li      a1, 0xff00ff00
        li      a2, 0x0f0f0f0f
        or      a2, a1, a2
        li      t2, 0xff0fff0f
        bne     a2, t2, fail

        # test 14: or with rs1 = rs2: 0x13572468, 0x13572468 = 0x13572468
        li      gp, 14
        li      a1, 0x13572468
        or      a0, a1, a1
        li      t2, 0x13572468
        bne     a0, t2, fail

        # test 15: and 0xff00ff00, 0x0ff00ff0 = 0x0f000f00
        li      gp, 15
        li      a1, 0xff00ff00
        li      a2, 0x0ff00ff0
        and     a0, a1, a2
        li      t2, 0x0f000f00
        bne     a0, t2, fail

        # test 16: and 0x00ff00ff, 0xf00ff00f = 0x000f000f
        li      gp, 16
        li      a1, 0x00ff00ff
        li      a2, 0xf00ff00f
        and     a0, a1, a2
        li      t2, 0x000f000f
        bne     a0, t2, fail

        # test 17: and 0xffffffff, 0x12345678 = 0x12345678
        li      gp, 17
        li      a1, 0xffffffff
        li      a2, 0x12345678
        and     a0, a1, a2
        li      t2, 0x12345678
        bne     a0, t2, fail

        # test 18: and 0x00000000, 0x80000001 = 0x00000000
        li      gp, 18
        li      a1, 0x00000000
        li      a2, 0x80000001
        and     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 19: and with rd = rs1: 0xff00ff00, 0x0f0f0f0f = 0x0f000f00
        li      gp, 19
        li      a1, 0xff00ff00
        li      a2, 0x0f0f0f0f
        and     a1, a1, a2
        li      t2, 0x0f000f00
        bne     a1, t2, fail

        # test 20: and with rd = rs2: 0xff00ff00, 0x0f0f0f0f = 0x0f000f00
        li      gp, 20
        li      a1, 0xff00ff00
        li      a2, 0x0f0f0f0f
        and     a2, a1, a2
        li      t2, 0x0f000f00
        bne     a2, t2, fail

        # test 21: and with rs1 = rs2: 0x13572468, 0x13572468 = 0x13572468
        li      gp, 21
        li      a1, 0x13572468
        and     a0, a1, a1
        li      t2, 0x13572468
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
