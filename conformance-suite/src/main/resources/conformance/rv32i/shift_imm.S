# rv32i/shift_imm.S: SLLI, SRLI, SRAI by 0..31
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

        # test 1: slli 0x00000001, 0 = 0x00000001
        li      gp, 1
        li      a1, 0x00000001
        slli    a0, a1, 0
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 2: slli 0x00000001, 1 = 0x00000002
        li      gp, 2
        li      a1, 0x00000001
        slli    a0, a1, 1
        li      t2, 0x00000002
        bne     a0, t2, fail

        # test 3: slli 0x00000001, 31 = 0x80000000
        li      gp, 3
        li      a1, 0x00000001
        slli    a0, a1, 31
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 4: slli 0x80000000, 0 = 0x80000000
        li      gp, 4
        li      a1, 0x80000000
        slli    a0, a1, 0
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 5: slli 0x80000000, 1 = 0x00000000
        li      gp, 5
        li      a1, 0x80000000
        slli    a0, a1, 1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 6: slli 0x80000000, 31 = 0x00000000
        li      gp, 6
        li      a1, 0x80000000
        slli    a0, a1, 31
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 7: slli 0x81234567, 4 = 0x12345670
        li      gp, 7
        li      a1, 0x81234567
        slli    a0, a1, 4
        li      t2, 0x12345670
        bne     a0, t2, fail

        # test 8: slli 0x7fffffff, 30 = 0xc0000000
        li      gp, 8
        li      a1, 0x7fffffff
        slli    a0, a1, 30
        li      t2, 0xc0000000
        bne     a0, t2, fail

        # test 9: slli 0xffffffff, 16 = 0xffff0000
        li      gp, 9
        li      a1, 0xffffffff
        slli    a0, a1, 16
        li      t2, 0xffff0000
        bne     a0, t2, fail

        # test 10: slli with rd = rs1: 0x80000001, 7 = 0x00000080
        li      gp, 10
        li      a1, 0x80000001
        slli    a1, a1, 7
        li      t2, 0x00000080
        bne     a1, t2, fail

        # test 11: srli 0x00000001, 0 = 0x00000001
        li      gp, 11
        li      a1, 0x00000001
        srli    a0, a1, 0
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 12: srli 0x00000001, 1 = 0x00000000
        li      gp, 12
        li      a1, 0x00000001
        srli    a0, a1, 1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 13: srli 0x00000001, 31 = 0x00000000
        li      gp, 13
        li      a1, 0x00000001
        srli    a0, a1, 31
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 14: srli 0x80000000, 0 = 0x80000000
        li      gp, 14
        li      a1, 0x80000000
        srli    a0, a1, 0
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 15: srli 0x80000000, 1 = 0x40000000
        li      gp, 15
        li      a1, 0x80000000
        srli    a0, a1, 1
        li      t2, 0x40000000
        bne     a0, t2, fail

        # test 16: srli 0x80000000, 31 = 0x00000001
        li      gp, 16
        li      a1, 0x80000000
        srli    a0, a1, 31
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 17: srli 0x81234567, 4 = 0x08123456
        li      gp, 17
        li      a1, 0x81234567
        srli    a0, a1, 4
        li      t2, 0x08123456
        bne     a0, t2, fail

        # test 18: srli 0x7fffffff, 30 = 0x00000001
        li      gp, 18
        li      a1, 0x7fffffff
        srli    a0, a1, 30
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 19: srli 0xffffffff, 16 = 0x0000ffff
        li      gp, 19
        li      a1, 0xffffffff
        srli    a0, a1, 16
        li      t2, 0x0000ffff
        bne     a0, t2, fail

        # test 20: srli with rd = rs1: 0x80000001, 7 = 0x01000000
        li      gp, 20
        li      a1, 0x80000001
        srli    a1, a1, 7
        li      t2, 0x01000000
        bne     a1, t2, fail

        # test 21: srai 0x00000001, 0 = 0x00000001
        li      gp, 21
        li      a1, 0x00000001
        srai    a0, a1, 0
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 22: srai 0x00000001, 1 = 0x00000000
        li      gp, 22
        li      a1, 0x00000001
        srai    a0, a1, 1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 23: srai 0x00000001, 31 = 0x00000000
        li      gp, 23
        li      a1, 0x00000001
        srai    a0, a1, 31
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 24: srai 0x80000000, 0 = 0x80000000
        li      gp, 24
        li      a1, 0x80000000
        srai    a0, a1, 0
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 25: srai 0x80000000, 1 = 0xc0000000
        li      gp, 25
        li      a1, 0x80000000
        srai    a0, a1, 1
        li      t2, 0xc0000000
        bne     a0, t2, fail

        # test 26: srai 0x80000000, 31 = 0xffffffff
        li      gp, 26
        li      a1, 0x80000000
        srai    a0, a1, 31
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 27: srai 0x81234567, 4 = 0xf8123456
        li      gp, 27
        li      a1, 0x81234567
        srai    a0, a1, 4
        li      t2, 0xf8123456
        bne     a0, t2, fail

        # test 28: srai 0x7fffffff, 30 = 0x00000001
        li      gp, 28
        li      a1, 0x7fffffff
        srai    a0, a1, 30
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 29: srai 0xffffffff, 16 = 0xffffffff
        li      gp, 29
        li      a1, 0xffffffff
        srai    a0, a1, 16
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 30: srai with rd = rs1: 0x80000001, 7 = 0xff000000
        li      gp, 30
        li      a1, 0x80000001
        srai    a1, a1, 7
        li      t2, 0xff000000
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
