# machine/mret.S: MRET: pc = mepc, MIE = MPIE, MPIE = 1; it retires
#
# Spec: SeedChip S1 v1.0 sections 1 and 1.1 (mret, wfi, fence, fence.i).
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

        # test 1: mret jumps to mepc
        li      gp, 1
        la      a1, 2f
        csrw    mepc, a1
        li      a0, 0
        mret
        li      a0, 1                   # skipped
2:      li      t2, 0
        bne     a0, t2, fail

        # test 2: mret with MPIE = 1 sets MIE and keeps MPIE = 1
        li      gp, 2
        la      a1, 2f
        csrw    mepc, a1
        li      a2, 0x80
        csrw    mstatus, a2
        mret
2:      csrr    a0, mstatus
        li      t2, 0x1888
        bne     a0, t2, fail

        # test 3: mret with MPIE = 0 clears MIE and sets MPIE
        li      gp, 3
        la      a1, 2f
        csrw    mepc, a1
        li      a2, 0x08
        csrw    mstatus, a2
        mret
2:      csrr    a0, mstatus
        li      t2, 0x1880
        bne     a0, t2, fail

        # test 4: mret retires: minstret counts it
        li      gp, 4
        la      a1, 2f
        csrw    mepc, a1
        csrr    a5, minstret
        mret
2:      csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2                   # csrr a5 and mret
        bne     a6, t2, fail

        # test 5: mepc written with low bits set returns to the aligned address
        li      gp, 5
        la      a1, 2f
        ori     a1, a1, 3
        csrw    mepc, a1
        li      a0, 0
        mret
2:      li      t2, 0
        bne     a0, t2, fail

        # test 6: trap, skip with mepc + 4, mret: execution resumes after the trapping instruction
        li      gp, 6
        la      t0, 3f
        csrw    mtvec, t0
        csrwi   mstatus, 8
        li      a0, 0
        ecall
        addi    a0, a0, 1
        j       4f
3:      csrr    t0, mepc
        addi    t0, t0, 4
        csrw    mepc, t0
        addi    a0, a0, 10
        mret
4:      li      t2, 11
        bne     a0, t2, fail
        csrr    a1, mstatus
        li      t2, 0x1888              # MIE restored from MPIE, MPIE = 1
        bne     a1, t2, fail
        la      t0, fail
        csrw    mtvec, t0

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
