# zicsr/csrrw.S: CSRRW and CSRRWI: read the old value into rd, always write
#
# Spec: SeedChip S1 v1.0 section 1.1 (CSRs) and Zicsr.
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

        # test 1: csrrw returns the old value and writes the new one
        li      gp, 1
        li      a1, 0x11111111
        csrw    mscratch, a1
        li      a2, 0x22222222
        csrrw   a0, mscratch, a2
        li      t2, 0x11111111
        bne     a0, t2, fail
        csrr    a3, mscratch
        li      t2, 0x22222222
        bne     a3, t2, fail

        # test 2: csrrw with rd = rs1 swaps
        li      gp, 2
        li      a1, 5
        csrw    mscratch, a1
        li      a1, 9
        csrrw   a1, mscratch, a1
        li      t2, 5
        bne     a1, t2, fail
        csrr    a3, mscratch
        li      t2, 9
        bne     a3, t2, fail

        # test 3: csrrw with rs1 = x0 writes zero
        li      gp, 3
        li      a1, -1
        csrw    mscratch, a1
        csrrw   a0, mscratch, zero
        csrr    a3, mscratch
        li      t2, 0
        bne     a3, t2, fail
        li      t2, -1
        bne     a0, t2, fail

        # test 4: csrw (rd = x0) writes all 32 bits
        li      gp, 4
        li      a1, 0x80000001
        csrw    mtval, a1
        csrr    a0, mtval
        li      t2, 0x80000001
        bne     a0, t2, fail

        # test 5: csrrwi writes the zero-extended 5-bit immediate and returns the old value
        li      gp, 5
        li      a1, -1
        csrw    mscratch, a1
        csrrwi  a0, mscratch, 31
        li      t2, -1
        bne     a0, t2, fail
        csrr    a3, mscratch
        li      t2, 31
        bne     a3, t2, fail

        # test 6: csrrwi with immediate 0 still writes
        li      gp, 6
        li      a1, 0x55
        csrw    mscratch, a1
        csrrwi  a0, mscratch, 0
        csrr    a3, mscratch
        li      t2, 0
        bne     a3, t2, fail

        # test 7: csrrw to x0 discards the read value
        li      gp, 7
        li      a1, 77
        csrw    mscratch, a1
        csrrw   zero, mscratch, a1
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
