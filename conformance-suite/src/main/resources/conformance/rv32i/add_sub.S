# rv32i/add_sub.S: ADD and SUB: wrapping two's-complement arithmetic
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

        # test 1: add 0x00000000, 0x00000000 = 0x00000000
        li      gp, 1
        li      a1, 0x00000000
        li      a2, 0x00000000
        add     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 2: add 0x00000001, 0x00000001 = 0x00000002
        li      gp, 2
        li      a1, 0x00000001
        li      a2, 0x00000001
        add     a0, a1, a2
        li      t2, 0x00000002
        bne     a0, t2, fail

        # test 3: add 0x00000003, 0x00000007 = 0x0000000a
        li      gp, 3
        li      a1, 0x00000003
        li      a2, 0x00000007
        add     a0, a1, a2
        li      t2, 0x0000000a
        bne     a0, t2, fail

        # test 4: add 0x7fffffff, 0x00000001 = 0x80000000
        li      gp, 4
        li      a1, 0x7fffffff
        li      a2, 0x00000001
        add     a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 5: add 0x80000000, 0xffffffff = 0x7fffffff
        li      gp, 5
        li      a1, 0x80000000
        li      a2, 0xffffffff
        add     a0, a1, a2
        li      t2, 0x7fffffff
        bne     a0, t2, fail

        # test 6: add 0xffffffff, 0x00000001 = 0x00000000
        li      gp, 6
        li      a1, 0xffffffff
        li      a2, 0x00000001
        add     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 7: add 0x80000000, 0x80000000 = 0x00000000
        li      gp, 7
        li      a1, 0x80000000
        li      a2, 0x80000000
        add     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 8: add 0x12345678, 0xedcba988 = 0x00000000
        li      gp, 8
        li      a1, 0x12345678
        li      a2, 0xedcba988
        add     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 9: add 0x00000000, 0x80000000 = 0x80000000
        li      gp, 9
        li      a1, 0x00000000
        li      a2, 0x80000000
        add     a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 10: add with rd = rs1: 0x0000000d, 0x0000000b = 0x00000018
        li      gp, 10
        li      a1, 0x0000000d
        li      a2, 0x0000000b
        add     a1, a1, a2
        li      t2, 0x00000018
        bne     a1, t2, fail

        # test 11: add with rd = rs2: 0x0000000e, 0x0000000b = 0x00000019
        li      gp, 11
        li      a1, 0x0000000e
        li      a2, 0x0000000b
        add     a2, a1, a2
        li      t2, 0x00000019
        bne     a2, t2, fail

        # test 12: add with rs1 = rs2: 0x40000001, 0x40000001 = 0x80000002
        li      gp, 12
        li      a1, 0x40000001
        add     a0, a1, a1
        li      t2, 0x80000002
        bne     a0, t2, fail

        # test 13: add with rs1 = x0: 0, 0x00000007 = 0x00000007
        li      gp, 13
        li      a2, 0x00000007
        add     a0, zero, a2
        li      t2, 0x00000007
        bne     a0, t2, fail

        # test 14: add with rd = x0 writes nothing
        li      gp, 14
        li      a1, 0x00000001
        li      a2, 0x00000002
        add     zero, a1, a2
        li      t2, 0
        bne     zero, t2, fail

        # test 15: sub 0x00000000, 0x00000000 = 0x00000000
        li      gp, 15
        li      a1, 0x00000000
        li      a2, 0x00000000
        sub     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 16: sub 0x00000001, 0x00000001 = 0x00000000
        li      gp, 16
        li      a1, 0x00000001
        li      a2, 0x00000001
        sub     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 17: sub 0x00000003, 0x00000007 = 0xfffffffc
        li      gp, 17
        li      a1, 0x00000003
        li      a2, 0x00000007
        sub     a0, a1, a2
        li      t2, 0xfffffffc
        bne     a0, t2, fail

        # test 18: sub 0x7fffffff, 0x00000001 = 0x7ffffffe
        li      gp, 18
        li      a1, 0x7fffffff
        li      a2, 0x00000001
        sub     a0, a1, a2
        li      t2, 0x7ffffffe
        bne     a0, t2, fail

        # test 19: sub 0x80000000, 0xffffffff = 0x80000001
        li      gp, 19
        li      a1, 0x80000000
        li      a2, 0xffffffff
        sub     a0, a1, a2
        li      t2, 0x80000001
        bne     a0, t2, fail

        # test 20: sub 0xffffffff, 0x00000001 = 0xfffffffe
        li      gp, 20
        li      a1, 0xffffffff
        li      a2, 0x00000001
        sub     a0, a1, a2
        li      t2, 0xfffffffe
        bne     a0, t2, fail

        # test 21: sub 0x80000000, 0x80000000 = 0x00000000
        li      gp, 21
        li      a1, 0x80000000
        li      a2, 0x80000000
        sub     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 22: sub 0x12345678, 0xedcba988 = 0x2468acf0
        li      gp, 22
        li      a1, 0x12345678
        li      a2, 0xedcba988
        sub     a0, a1, a2
        li      t2, 0x2468acf0
        bne     a0, t2, fail

        # test 23: sub 0x00000000, 0x80000000 = 0x80000000
        li      gp, 23
        li      a1, 0x00000000
        li      a2, 0x80000000
        sub     a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 24: sub with rd = rs1: 0x0000000d, 0x0000000b = 0x00000002
        li      gp, 24
        li      a1, 0x0000000d
        li      a2, 0x0000000b
        sub     a1, a1, a2
        li      t2, 0x00000002
        bne     a1, t2, fail

        # test 25: sub with rd = rs2: 0x0000000e, 0x0000000b = 0x00000003
        li      gp, 25
        li      a1, 0x0000000e
        li      a2, 0x0000000b
        sub     a2, a1, a2
        li      t2, 0x00000003
        bne     a2, t2, fail

        # test 26: sub with rs1 = rs2: 0x40000001, 0x40000001 = 0x00000000
        li      gp, 26
        li      a1, 0x40000001
        sub     a0, a1, a1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 27: sub with rs1 = x0: 0, 0x00000007 = 0xfffffff9
        li      gp, 27
        li      a2, 0x00000007
        sub     a0, zero, a2
        li      t2, 0xfffffff9
        bne     a0, t2, fail

        # test 28: sub with rd = x0 writes nothing
        li      gp, 28
        li      a1, 0x00000001
        li      a2, 0x00000002
        sub     zero, a1, a2
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
