# rv32i/load_half.S: LH sign-extends and LHU zero-extends a halfword from either lane
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

        # test 1: lh at offset 0 (0x0001) gives 0x00000001
        li      gp, 1
        la      a1, halves
        lh      a0, 0(a1)
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 2: lh at offset 2 (0xffff) gives 0xffffffff
        li      gp, 2
        la      a1, halves
        lh      a0, 2(a1)
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 3: lh at offset 4 (0x7fff) gives 0x00007fff
        li      gp, 3
        la      a1, halves
        lh      a0, 4(a1)
        li      t2, 0x00007fff
        bne     a0, t2, fail

        # test 4: lh at offset 6 (0x8000) gives 0xffff8000
        li      gp, 4
        la      a1, halves
        lh      a0, 6(a1)
        li      t2, 0xffff8000
        bne     a0, t2, fail

        # test 5: lhu at offset 0 (0x0001) gives 0x00000001
        li      gp, 5
        la      a1, halves
        lhu     a0, 0(a1)
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 6: lhu at offset 2 (0xffff) gives 0x0000ffff
        li      gp, 6
        la      a1, halves
        lhu     a0, 2(a1)
        li      t2, 0x0000ffff
        bne     a0, t2, fail

        # test 7: lhu at offset 4 (0x7fff) gives 0x00007fff
        li      gp, 7
        la      a1, halves
        lhu     a0, 4(a1)
        li      t2, 0x00007fff
        bne     a0, t2, fail

        # test 8: lhu at offset 6 (0x8000) gives 0x00008000
        li      gp, 8
        la      a1, halves
        lhu     a0, 6(a1)
        li      t2, 0x00008000
        bne     a0, t2, fail

        # test 9: lh reads little-endian: bytes 0x34, 0x12 give 0x1234
        li      gp, 9
        la      a1, le
        lh      a0, 0(a1)
        li      t2, 0x1234
        bne     a0, t2, fail

        # test 10: lhu with a negative offset and rd = rs1
        li      gp, 10
        la      a1, halves
        addi    a1, a1, 8
        lhu     a1, -2(a1)
        li      t2, 0x8000
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

        .align  3
halves: .half   0x0001, 0xffff, 0x7fff, 0x8000
le:     .byte   0x34, 0x12, 0, 0
