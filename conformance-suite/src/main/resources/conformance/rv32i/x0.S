# rv32i/x0.S: x0 is hardwired to zero: writes by every kind of instruction are discarded
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

        # test 1: addi into x0 leaves x0 zero
        li      gp, 1
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        addi    zero, zero, 1
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
        bne     a0, t2, fail

        # test 2: lui into x0 leaves x0 zero
        li      gp, 2
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        lui     zero, 1
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
        bne     a0, t2, fail

        # test 3: auipc into x0 leaves x0 zero
        li      gp, 3
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        auipc   zero, 1
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
        bne     a0, t2, fail

        # test 4: add into x0 leaves x0 zero
        li      gp, 4
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        add     zero, a1, a1
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
        bne     a0, t2, fail

        # test 5: mul into x0 leaves x0 zero
        li      gp, 5
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        mul     zero, a1, a1
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
        bne     a0, t2, fail

        # test 6: lw into x0 leaves x0 zero
        li      gp, 6
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        lw      zero, 0(a2)
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
        bne     a0, t2, fail

        # test 7: jal into x0 leaves x0 zero
        li      gp, 7
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        jal     zero, 1f
1:      nop
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
        bne     a0, t2, fail

        # test 8: jalr into x0 leaves x0 zero
        li      gp, 8
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        la      a3, 1f
        jalr    zero, 0(a3)
1:      nop
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
        bne     a0, t2, fail

        # test 9: csrr into x0 leaves x0 zero
        li      gp, 9
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        csrr    zero, mscratch
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
        bne     a0, t2, fail

        # test 10: tget into x0 leaves x0 zero
        li      gp, 10
        li      a1, 7
        la      a2, one
        li      a0, 1
        csrw    mscratch, a0
        tput    m0, a1, zero
        tget    zero, m0, zero
        li      t2, 0
        bne     zero, t2, fail
        add     a0, zero, zero          # and x0 still reads as zero
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

        .align  3
one:    .word   1
