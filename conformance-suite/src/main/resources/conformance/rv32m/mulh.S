# rv32m/mulh.S: MULH, MULHSU, MULHU: the high 32 bits with signed/unsigned operands
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

        # test 1: mulh 0x00000000, 0x00000000 = 0x00000000
        li      gp, 1
        li      a1, 0x00000000
        li      a2, 0x00000000
        mulh    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 2: mulh 0x00000001, 0x00000001 = 0x00000000
        li      gp, 2
        li      a1, 0x00000001
        li      a2, 0x00000001
        mulh    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 3: mulh 0x00000007, 0x00000006 = 0x00000000
        li      gp, 3
        li      a1, 0x00000007
        li      a2, 0x00000006
        mulh    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 4: mulh 0xffffffff, 0xffffffff = 0x00000000
        li      gp, 4
        li      a1, 0xffffffff
        li      a2, 0xffffffff
        mulh    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 5: mulh 0xffffffff, 0x00000001 = 0xffffffff
        li      gp, 5
        li      a1, 0xffffffff
        li      a2, 0x00000001
        mulh    a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 6: mulh 0x80000000, 0x80000000 = 0x40000000
        li      gp, 6
        li      a1, 0x80000000
        li      a2, 0x80000000
        mulh    a0, a1, a2
        li      t2, 0x40000000
        bne     a0, t2, fail

        # test 7: mulh 0x7fffffff, 0x7fffffff = 0x3fffffff
        li      gp, 7
        li      a1, 0x7fffffff
        li      a2, 0x7fffffff
        mulh    a0, a1, a2
        li      t2, 0x3fffffff
        bne     a0, t2, fail

        # test 8: mulh 0x80000000, 0x7fffffff = 0xc0000000
        li      gp, 8
        li      a1, 0x80000000
        li      a2, 0x7fffffff
        mulh    a0, a1, a2
        li      t2, 0xc0000000
        bne     a0, t2, fail

        # test 9: mulh 0x80000000, 0xffffffff = 0x00000000
        li      gp, 9
        li      a1, 0x80000000
        li      a2, 0xffffffff
        mulh    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 10: mulh 0x12345678, 0x9abcdef0 = 0xf8cc93d6
        li      gp, 10
        li      a1, 0x12345678
        li      a2, 0x9abcdef0
        mulh    a0, a1, a2
        li      t2, 0xf8cc93d6
        bne     a0, t2, fail

        # test 11: mulh 0x00010000, 0x00010000 = 0x00000001
        li      gp, 11
        li      a1, 0x00010000
        li      a2, 0x00010000
        mulh    a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 12: mulh 0x00000002, 0x80000000 = 0xffffffff
        li      gp, 12
        li      a1, 0x00000002
        li      a2, 0x80000000
        mulh    a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 13: mulh 0xffff0000, 0x0000ffff = 0xffffffff
        li      gp, 13
        li      a1, 0xffff0000
        li      a2, 0x0000ffff
        mulh    a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 14: mulh with rd = rs1: 0x80000000, 0xffffffff = 0x00000000
        li      gp, 14
        li      a1, 0x80000000
        li      a2, 0xffffffff
        mulh    a1, a1, a2
        li      t2, 0x00000000
        bne     a1, t2, fail

        # test 15: mulh with rd = rs2: 0xffffffff, 0x80000000 = 0x00000000
        li      gp, 15
        li      a1, 0xffffffff
        li      a2, 0x80000000
        mulh    a2, a1, a2
        li      t2, 0x00000000
        bne     a2, t2, fail

        # test 16: mulhsu 0x00000000, 0x00000000 = 0x00000000
        li      gp, 16
        li      a1, 0x00000000
        li      a2, 0x00000000
        mulhsu  a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 17: mulhsu 0x00000001, 0x00000001 = 0x00000000
        li      gp, 17
        li      a1, 0x00000001
        li      a2, 0x00000001
        mulhsu  a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 18: mulhsu 0x00000007, 0x00000006 = 0x00000000
        li      gp, 18
        li      a1, 0x00000007
        li      a2, 0x00000006
        mulhsu  a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 19: mulhsu 0xffffffff, 0xffffffff = 0xffffffff
        li      gp, 19
        li      a1, 0xffffffff
        li      a2, 0xffffffff
        mulhsu  a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 20: mulhsu 0xffffffff, 0x00000001 = 0xffffffff
        li      gp, 20
        li      a1, 0xffffffff
        li      a2, 0x00000001
        mulhsu  a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 21: mulhsu 0x80000000, 0x80000000 = 0xc0000000
        li      gp, 21
        li      a1, 0x80000000
        li      a2, 0x80000000
        mulhsu  a0, a1, a2
        li      t2, 0xc0000000
        bne     a0, t2, fail

        # test 22: mulhsu 0x7fffffff, 0x7fffffff = 0x3fffffff
        li      gp, 22
        li      a1, 0x7fffffff
        li      a2, 0x7fffffff
        mulhsu  a0, a1, a2
        li      t2, 0x3fffffff
        bne     a0, t2, fail

        # test 23: mulhsu 0x80000000, 0x7fffffff = 0xc0000000
        li      gp, 23
        li      a1, 0x80000000
        li      a2, 0x7fffffff
        mulhsu  a0, a1, a2
        li      t2, 0xc0000000
        bne     a0, t2, fail

        # test 24: mulhsu 0x80000000, 0xffffffff = 0x80000000
        li      gp, 24
        li      a1, 0x80000000
        li      a2, 0xffffffff
        mulhsu  a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 25: mulhsu 0x12345678, 0x9abcdef0 = 0x0b00ea4e
        li      gp, 25
        li      a1, 0x12345678
        li      a2, 0x9abcdef0
        mulhsu  a0, a1, a2
        li      t2, 0x0b00ea4e
        bne     a0, t2, fail

        # test 26: mulhsu 0x00010000, 0x00010000 = 0x00000001
        li      gp, 26
        li      a1, 0x00010000
        li      a2, 0x00010000
        mulhsu  a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 27: mulhsu 0x00000002, 0x80000000 = 0x00000001
        li      gp, 27
        li      a1, 0x00000002
        li      a2, 0x80000000
        mulhsu  a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 28: mulhsu 0xffff0000, 0x0000ffff = 0xffffffff
        li      gp, 28
        li      a1, 0xffff0000
        li      a2, 0x0000ffff
        mulhsu  a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 29: mulhsu with rd = rs1: 0x80000000, 0xffffffff = 0x80000000
        li      gp, 29
        li      a1, 0x80000000
        li      a2, 0xffffffff
        mulhsu  a1, a1, a2
        li      t2, 0x80000000
        bne     a1, t2, fail

        # test 30: mulhsu with rd = rs2: 0xffffffff, 0x80000000 = 0xffffffff
        li      gp, 30
        li      a1, 0xffffffff
        li      a2, 0x80000000
        mulhsu  a2, a1, a2
        li      t2, 0xffffffff
        bne     a2, t2, fail

        # test 31: mulhu 0x00000000, 0x00000000 = 0x00000000
        li      gp, 31
        li      a1, 0x00000000
        li      a2, 0x00000000
        mulhu   a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 32: mulhu 0x00000001, 0x00000001 = 0x00000000
        li      gp, 32
        li      a1, 0x00000001
        li      a2, 0x00000001
        mulhu   a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 33: mulhu 0x00000007, 0x00000006 = 0x00000000
        li      gp, 33
        li      a1, 0x00000007
        li      a2, 0x00000006
        mulhu   a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 34: mulhu 0xffffffff, 0xffffffff = 0xfffffffe
        li      gp, 34
        li      a1, 0xffffffff
        li      a2, 0xffffffff
        mulhu   a0, a1, a2
        li      t2, 0xfffffffe
        bne     a0, t2, fail

        # test 35: mulhu 0xffffffff, 0x00000001 = 0x00000000
        li      gp, 35
        li      a1, 0xffffffff
        li      a2, 0x00000001
        mulhu   a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 36: mulhu 0x80000000, 0x80000000 = 0x40000000
        li      gp, 36
        li      a1, 0x80000000
        li      a2, 0x80000000
        mulhu   a0, a1, a2
        li      t2, 0x40000000
        bne     a0, t2, fail

        # test 37: mulhu 0x7fffffff, 0x7fffffff = 0x3fffffff
        li      gp, 37
        li      a1, 0x7fffffff
        li      a2, 0x7fffffff
        mulhu   a0, a1, a2
        li      t2, 0x3fffffff
        bne     a0, t2, fail

        # test 38: mulhu 0x80000000, 0x7fffffff = 0x3fffffff
        li      gp, 38
        li      a1, 0x80000000
        li      a2, 0x7fffffff
        mulhu   a0, a1, a2
        li      t2, 0x3fffffff
        bne     a0, t2, fail

        # test 39: mulhu 0x80000000, 0xffffffff = 0x7fffffff
        li      gp, 39
        li      a1, 0x80000000
        li      a2, 0xffffffff
        mulhu   a0, a1, a2
        li      t2, 0x7fffffff
        bne     a0, t2, fail

        # test 40: mulhu 0x12345678, 0x9abcdef0 = 0x0b00ea4e
        li      gp, 40
        li      a1, 0x12345678
        li      a2, 0x9abcdef0
        mulhu   a0, a1, a2
        li      t2, 0x0b00ea4e
        bne     a0, t2, fail

        # test 41: mulhu 0x00010000, 0x00010000 = 0x00000001
        li      gp, 41
        li      a1, 0x00010000
        li      a2, 0x00010000
        mulhu   a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 42: mulhu 0x00000002, 0x80000000 = 0x00000001
        li      gp, 42
        li      a1, 0x00000002
        li      a2, 0x80000000
        mulhu   a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 43: mulhu 0xffff0000, 0x0000ffff = 0x0000fffe
        li      gp, 43
        li      a1, 0xffff0000
        li      a2, 0x0000ffff
        mulhu   a0, a1, a2
        li      t2, 0x0000fffe
        bne     a0, t2, fail

        # test 44: mulhu with rd = rs1: 0x80000000, 0xffffffff = 0x7fffffff
        li      gp, 44
        li      a1, 0x80000000
        li      a2, 0xffffffff
        mulhu   a1, a1, a2
        li      t2, 0x7fffffff
        bne     a1, t2, fail

        # test 45: mulhu with rd = rs2: 0xffffffff, 0x80000000 = 0x7fffffff
        li      gp, 45
        li      a1, 0xffffffff
        li      a2, 0x80000000
        mulhu   a2, a1, a2
        li      t2, 0x7fffffff
        bne     a2, t2, fail

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
