# rv32i/load_byte.S: LB sign-extends and LBU zero-extends a byte from any lane
#
# Spec: SeedChip S1 v1.0 section 1 (RV32I base, machine mode only).
# Memory is little-endian.
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

        # test 1: lb at byte 0 (0x01) gives 0x00000001
        li      gp, 1
        la      a1, bytes
        lb      a0, 0(a1)
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 2: lb at byte 1 (0x7f) gives 0x0000007f
        li      gp, 2
        la      a1, bytes
        lb      a0, 1(a1)
        li      t2, 0x0000007f
        bne     a0, t2, fail

        # test 3: lb at byte 2 (0xff) gives 0xffffffff
        li      gp, 3
        la      a1, bytes
        lb      a0, 2(a1)
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 4: lb at byte 3 (0x80) gives 0xffffff80
        li      gp, 4
        la      a1, bytes
        lb      a0, 3(a1)
        li      t2, 0xffffff80
        bne     a0, t2, fail

        # test 5: lb at byte 4 (0x11) gives 0x00000011
        li      gp, 5
        la      a1, bytes
        lb      a0, 4(a1)
        li      t2, 0x00000011
        bne     a0, t2, fail

        # test 6: lb at byte 5 (0x22) gives 0x00000022
        li      gp, 6
        la      a1, bytes
        lb      a0, 5(a1)
        li      t2, 0x00000022
        bne     a0, t2, fail

        # test 7: lb at byte 6 (0x33) gives 0x00000033
        li      gp, 7
        la      a1, bytes
        lb      a0, 6(a1)
        li      t2, 0x00000033
        bne     a0, t2, fail

        # test 8: lb at byte 7 (0x44) gives 0x00000044
        li      gp, 8
        la      a1, bytes
        lb      a0, 7(a1)
        li      t2, 0x00000044
        bne     a0, t2, fail

        # test 9: lbu at byte 0 (0x01) gives 0x00000001
        li      gp, 9
        la      a1, bytes
        lbu     a0, 0(a1)
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 10: lbu at byte 1 (0x7f) gives 0x0000007f
        li      gp, 10
        la      a1, bytes
        lbu     a0, 1(a1)
        li      t2, 0x0000007f
        bne     a0, t2, fail

        # test 11: lbu at byte 2 (0xff) gives 0x000000ff
        li      gp, 11
        la      a1, bytes
        lbu     a0, 2(a1)
        li      t2, 0x000000ff
        bne     a0, t2, fail

        # test 12: lbu at byte 3 (0x80) gives 0x00000080
        li      gp, 12
        la      a1, bytes
        lbu     a0, 3(a1)
        li      t2, 0x00000080
        bne     a0, t2, fail

        # test 13: lbu at byte 4 (0x11) gives 0x00000011
        li      gp, 13
        la      a1, bytes
        lbu     a0, 4(a1)
        li      t2, 0x00000011
        bne     a0, t2, fail

        # test 14: lbu at byte 5 (0x22) gives 0x00000022
        li      gp, 14
        la      a1, bytes
        lbu     a0, 5(a1)
        li      t2, 0x00000022
        bne     a0, t2, fail

        # test 15: lbu at byte 6 (0x33) gives 0x00000033
        li      gp, 15
        la      a1, bytes
        lbu     a0, 6(a1)
        li      t2, 0x00000033
        bne     a0, t2, fail

        # test 16: lbu at byte 7 (0x44) gives 0x00000044
        li      gp, 16
        la      a1, bytes
        lbu     a0, 7(a1)
        li      t2, 0x00000044
        bne     a0, t2, fail

        # test 17: lb with a negative offset
        li      gp, 17
        la      a1, bytes
        addi    a1, a1, 4
        lb      a0, -2(a1)
        li      t2, -1
        bne     a0, t2, fail

        # test 18: lbu with rd = rs1
        li      gp, 18
        la      a1, bytes
        lbu     a1, 3(a1)
        li      t2, 0x80
        bne     a1, t2, fail

        # test 19: lb into x0 writes nothing
        li      gp, 19
        la      a1, bytes
        lb      zero, 2(a1)
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

        .align  3
bytes:  .byte   0x01, 0x7f, 0xff, 0x80, 0x11, 0x22, 0x33, 0x44
