# rv32i/load_word.S: LW: little-endian word loads with positive and negative offsets
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

        # test 1: lw at offset 0 gives 0x00000000
        li      gp, 1
        la      a1, words
        lw      a0, 0(a1)
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 2: lw at offset 4 gives 0x11223344
        li      gp, 2
        la      a1, words
        lw      a0, 4(a1)
        li      t2, 0x11223344
        bne     a0, t2, fail

        # test 3: lw at offset 8 gives 0x80000000
        li      gp, 3
        la      a1, words
        lw      a0, 8(a1)
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 4: lw at offset 12 gives 0xffffffff
        li      gp, 4
        la      a1, words
        lw      a0, 12(a1)
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 5: lw at offset 16 gives 0x7fffffff
        li      gp, 5
        la      a1, words
        lw      a0, 16(a1)
        li      t2, 0x7fffffff
        bne     a0, t2, fail

        # test 6: lw with a negative offset
        li      gp, 6
        la      a1, words
        addi    a1, a1, 20
        lw      a0, -8(a1)
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 7: lw assembles bytes little-endian
        li      gp, 7
        la      a1, le
        lw      a0, 0(a1)
        li      t2, 0x04030201
        bne     a0, t2, fail

        # test 8: lw with rd = rs1
        li      gp, 8
        la      a1, words
        lw      a1, 4(a1)
        li      t2, 0x11223344
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
words:  .word   0x00000000, 0x11223344, 0x80000000, 0xffffffff, 0x7fffffff
le:     .byte   1, 2, 3, 4
