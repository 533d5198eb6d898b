# rv32m/rem.S: REM and REMU: remainder with the dividend's sign, x % 0 = x, INT_MIN % -1 = 0
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

        # test 1: rem 0x00000007, 0x00000002 = 0x00000001
        li      gp, 1
        li      a1, 0x00000007
        li      a2, 0x00000002
        rem     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 2: rem 0xfffffff9, 0x00000002 = 0xffffffff
        li      gp, 2
        li      a1, 0xfffffff9
        li      a2, 0x00000002
        rem     a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 3: rem 0x00000007, 0xfffffffe = 0x00000001
        li      gp, 3
        li      a1, 0x00000007
        li      a2, 0xfffffffe
        rem     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 4: rem 0xfffffff9, 0xfffffffe = 0xffffffff
        li      gp, 4
        li      a1, 0xfffffff9
        li      a2, 0xfffffffe
        rem     a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 5: rem 0x00000014, 0x00000005 = 0x00000000
        li      gp, 5
        li      a1, 0x00000014
        li      a2, 0x00000005
        rem     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 6: rem 0x00000005, 0x00000000 = 0x00000005
        li      gp, 6
        li      a1, 0x00000005
        li      a2, 0x00000000
        rem     a0, a1, a2
        li      t2, 0x00000005
        bne     a0, t2, fail

        # test 7: rem 0xfffffffb, 0x00000000 = 0xfffffffb
        li      gp, 7
        li      a1, 0xfffffffb
        li      a2, 0x00000000
        rem     a0, a1, a2
        li      t2, 0xfffffffb
        bne     a0, t2, fail

        # test 8: rem 0x00000000, 0x00000000 = 0x00000000
        li      gp, 8
        li      a1, 0x00000000
        li      a2, 0x00000000
        rem     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 9: rem 0x80000000, 0xffffffff = 0x00000000
        li      gp, 9
        li      a1, 0x80000000
        li      a2, 0xffffffff
        rem     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 10: rem 0x80000000, 0x00000001 = 0x00000000
        li      gp, 10
        li      a1, 0x80000000
        li      a2, 0x00000001
        rem     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 11: rem 0x80000000, 0x00000002 = 0x00000000
        li      gp, 11
        li      a1, 0x80000000
        li      a2, 0x00000002
        rem     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 12: rem 0x7fffffff, 0xffffffff = 0x00000000
        li      gp, 12
        li      a1, 0x7fffffff
        li      a2, 0xffffffff
        rem     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 13: rem 0xffffffff, 0x0000000a = 0xffffffff
        li      gp, 13
        li      a1, 0xffffffff
        li      a2, 0x0000000a
        rem     a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 14: rem 0xfffffffe, 0x00000002 = 0x00000000
        li      gp, 14
        li      a1, 0xfffffffe
        li      a2, 0x00000002
        rem     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 15: rem 0x00000001, 0xffffffff = 0x00000000
        li      gp, 15
        li      a1, 0x00000001
        li      a2, 0xffffffff
        rem     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 16: rem 0x80000000, 0x80000000 = 0x00000000
        li      gp, 16
        li      a1, 0x80000000
        li      a2, 0x80000000
        rem     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 17: rem with rd = rs1: 0x00000064, 0x00000007 = 0x00000002
        li      gp, 17
        li      a1, 0x00000064
        li      a2, 0x00000007
        rem     a1, a1, a2
        li      t2, 0x00000002
        bne     a1, t2, fail

        # test 18: rem with rd = rs2: 0x00000064, 0x00000007 = 0x00000002
        li      gp, 18
        li      a1, 0x00000064
        li      a2, 0x00000007
        rem     a2, a1, a2
        li      t2, 0x00000002
        bne     a2, t2, fail

        # test 19: rem with rs1 = rs2: 0x80000000, 0x80000000 = 0x00000000
        li      gp, 19
        li      a1, 0x80000000
        rem     a0, a1, a1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 20: remu 0x00000007, 0x00000002 = 0x00000001
        li      gp, 20
        li      a1, 0x00000007
        li      a2, 0x00000002
        remu    a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 21: remu 0xfffffff9, 0x00000002 = 0x00000001
        li      gp, 21
        li      a1, 0xfffffff9
        li      a2, 0x00000002
        remu    a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 22: remu 0x00000007, 0xfffffffe = 0x00000007
        li      gp, 22
        li      a1, 0x00000007
        li      a2, 0xfffffffe
        remu    a0, a1, a2
        li      t2, 0x00000007
        bne     a0, t2, fail

        # test 23: remu 0xfffffff9, 0xfffffffe = 0xfffffff9
        li      gp, 23
        li      a1, 0xfffffff9
        li      a2, 0xfffffffe
        remu    a0, a1, a2
        li      t2, 0xfffffff9
        bne     a0, t2, fail

        # test 24: remu 0x00000014, 0x00000005 = 0x00000000
        li      gp, 24
        li      a1, 0x00000014
        li      a2, 0x00000005
        remu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 25: remu 0x00000005, 0x00000000 = 0x00000005
        li      gp, 25
        li      a1, 0x00000005
        li      a2, 0x00000000
        remu    a0, a1, a2
        li      t2, 0x00000005
        bne     a0, t2, fail

        # test 26: remu 0xfffffffb, 0x00000000 = 0xfffffffb
        li      gp, 26
        li      a1, 0xfffffffb
        li      a2, 0x00000000
        remu    a0, a1, a2
        li      t2, 0xfffffffb
        bne     a0, t2, fail

        # test 27: remu 0x00000000, 0x00000000 = 0x00000000
        li      gp, 27
        li      a1, 0x00000000
        li      a2, 0x00000000
        remu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 28: remu 0x80000000, 0xffffffff = 0x80000000
        li      gp, 28
        li      a1, 0x80000000
        li      a2, 0xffffffff
        remu    a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 29: remu 0x80000000, 0x00000001 = 0x00000000
        li      gp, 29
        li      a1, 0x80000000
        li      a2, 0x00000001
        remu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 30: remu 0x80000000, 0x00000002 = 0x00000000
        li      gp, 30
        li      a1, 0x80000000
        li      a2, 0x00000002
        remu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 31: remu 0x7fffffff, 0xffffffff = 0x7fffffff
        li      gp, 31
        li      a1, 0x7fffffff
        li      a2, 0xffffffff
        remu    a0, a1, a2
        li      t2, 0x7fffffff
        bne     a0, t2, fail

        # test 32: remu 0xffffffff, 0x0000000a = 0x00000005
        li      gp, 32
        li      a1, 0xffffffff
        li      a2, 0x0000000a
        remu    a0, a1, a2
        li      t2, 0x00000005
        bne     a0, t2, fail

        # test 33: remu 0xfffffffe, 0x00000002 = 0x00000000
        li      gp, 33
        li      a1, 0xfffffffe
        li      a2, 0x00000002
        remu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 34: remu 0x00000001, 0xffffffff = 0x00000001
        li      gp, 34
        li      a1, 0x00000001
        li      a2, 0xffffffff
        remu    a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 35: remu 0x80000000, 0x80000000 = 0x00000000
        li      gp, 35
        li      a1, 0x80000000
        li      a2, 0x80000000
        remu    a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 36: remu with rd = rs1: 0x00000064, 0x00000007 = 0x00000002
        li      gp, 36
        li      a1, 0x00000064
        li      a2, 0x00000007
        remu    a1, a1, a2
        li      t2, 0x00000002
        bne     a1, t2, fail

        # test 37: remu with rd = rs2: 0x00000064, 0x00000007 = 0x00000002
        li      gp, 37
        li      a1, 0x00000064
        li      a2, 0x00000007
        remu    a2, a1, a2
        li      t2, 0x00000002
        bne     a2, t2, fail

        # test 38: remu with rs1 = rs2: 0x80000000, 0x80000000 = 0x00000000
        li      gp, 38
        li      a1, 0x80000000
        remu    a0, a1, a1
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
