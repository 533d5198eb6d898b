# zicsr/mstatus.S: mstatus: only MIE (bit 3) and MPIE (bit 7) are writable; MPP reads 3; other bits read 0
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

        # test 1: writing all ones reads 0x00001888
        li      gp, 1
        li      a1, 0xffffffff
        csrw    mstatus, a1
        csrr    a0, mstatus
        li      t2, 0x00001888
        bne     a0, t2, fail

        # test 2: writing zero reads 0x00001800
        li      gp, 2
        li      a1, 0x00000000
        csrw    mstatus, a1
        csrr    a0, mstatus
        li      t2, 0x00001800
        bne     a0, t2, fail

        # test 3: writing every bit but MIE and MPIE reads 0x00001800
        li      gp, 3
        li      a1, 0xffffff77
        csrw    mstatus, a1
        csrr    a0, mstatus
        li      t2, 0x00001800
        bne     a0, t2, fail

        # test 4: writing MIE reads 0x00001808
        li      gp, 4
        li      a1, 0x00000008
        csrw    mstatus, a1
        csrr    a0, mstatus
        li      t2, 0x00001808
        bne     a0, t2, fail

        # test 5: writing MPIE reads 0x00001880
        li      gp, 5
        li      a1, 0x00000080
        csrw    mstatus, a1
        csrr    a0, mstatus
        li      t2, 0x00001880
        bne     a0, t2, fail

        # test 6: writing MPP only reads 0x00001800
        li      gp, 6
        li      a1, 0x00001800
        csrw    mstatus, a1
        csrr    a0, mstatus
        li      t2, 0x00001800
        bne     a0, t2, fail

        # test 7: csrsi mstatus, 8 sets MIE
        li      gp, 7
        csrw    mstatus, zero
        csrsi   mstatus, 8
        csrr    a0, mstatus
        li      t2, 0x1808
        bne     a0, t2, fail

        # test 8: csrrci mstatus, 8 clears MIE and returns the old value
        li      gp, 8
        csrrci  a0, mstatus, 8
        li      t2, 0x1808
        bne     a0, t2, fail
        csrr    a0, mstatus
        li      t2, 0x1800
        bne     a0, t2, fail

        # test 9: csrs sets MPIE, csrc of all ones clears both
        li      gp, 9
        li      a1, 0x80
        csrs    mstatus, a1
        csrr    a0, mstatus
        li      t2, 0x1880
        bne     a0, t2, fail
        li      a1, -1
        csrc    mstatus, a1
        csrr    a0, mstatus
        li      t2, 0x1800
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
