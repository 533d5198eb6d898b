# traps/store_misaligned.S: SH at an odd address, SW not a multiple of 4: cause 6, mtval = address, memory unchanged
#
# Spec: SeedChip S1 v1.0 sections 1 and 1.1 (traps: mepc, mcause, mtval, mstatus, mtvec).
# Misaligned accesses are not emulated; a faulting store writes nothing.
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
        la      t0, handler
        csrw    mtvec, t0

        # test 1: sh at buf + 1 writes nothing
        li      gp, 1
        la      a1, buf
        addi    a1, a1, 1
        li      a2, -1
        li      s2, 6                   # expected mcause
        mv      s3, a1                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      sh      a2, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a3, buf
        lw      a0, 0(a3)
        li      t2, 0x11223344
        bne     a0, t2, fail
        lw      a0, 4(a3)
        li      t2, 0x55667788
        bne     a0, t2, fail

        # test 2: sh at buf + 3 writes nothing
        li      gp, 2
        la      a1, buf
        addi    a1, a1, 3
        li      a2, -1
        li      s2, 6                   # expected mcause
        mv      s3, a1                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      sh      a2, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a3, buf
        lw      a0, 0(a3)
        li      t2, 0x11223344
        bne     a0, t2, fail
        lw      a0, 4(a3)
        li      t2, 0x55667788
        bne     a0, t2, fail

        # test 3: sw at buf + 1 writes nothing
        li      gp, 3
        la      a1, buf
        addi    a1, a1, 1
        li      a2, -1
        li      s2, 6                   # expected mcause
        mv      s3, a1                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      sw      a2, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a3, buf
        lw      a0, 0(a3)
        li      t2, 0x11223344
        bne     a0, t2, fail
        lw      a0, 4(a3)
        li      t2, 0x55667788
        bne     a0, t2, fail

        # test 4: sw at buf + 2 writes nothing
        li      gp, 4
        la      a1, buf
        addi    a1, a1, 2
        li      a2, -1
        li      s2, 6                   # expected mcause
        mv      s3, a1                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      sw      a2, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a3, buf
        lw      a0, 0(a3)
        li      t2, 0x11223344
        bne     a0, t2, fail
        lw      a0, 4(a3)
        li      t2, 0x55667788
        bne     a0, t2, fail

        # test 5: sw at buf + 3 writes nothing
        li      gp, 5
        la      a1, buf
        addi    a1, a1, 3
        li      a2, -1
        li      s2, 6                   # expected mcause
        mv      s3, a1                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      sw      a2, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a3, buf
        lw      a0, 0(a3)
        li      t2, 0x11223344
        bne     a0, t2, fail
        lw      a0, 4(a3)
        li      t2, 0x55667788
        bne     a0, t2, fail

        # test 6: misaligned beats access fault: sw at 0x00000002
        li      gp, 6
        li      a1, 0x00000002
        li      s2, 6                   # expected mcause
        li      s3, 0x00000002          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      sw      a2, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail

        # test 7: misaligned beats access fault: sh at 0x7fffffff
        li      gp, 7
        li      a1, 0x7fffffff
        li      s2, 6                   # expected mcause
        li      s3, 0x7fffffff          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      sh      a2, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail

        # test 8: byte stores at odd addresses do not trap
        li      gp, 8
        la      a1, buf
        li      a2, 0x44
        li      s11, 0
        sb      a2, 1(a1)
        sb      a2, 2(a1)
        li      t2, 0                   # no trap
        bne     s11, t2, fail
        la      a3, buf
        lw      a0, 0(a3)
        li      t2, 0x11444444
        bne     a0, t2, fail

        j       pass

# ---------------------------------------------------------------------------------------------
# Trap handler: checks mcause = s2, mtval = s3, mepc = s4 (set by the sub-test before the
# trapping instruction), counts the trap in s11, then resumes after the trapping instruction
# (mepc + 4), or at s5 when the sub-test set a resume address (faults with mepc = the target).
handler:
        csrr    t0, mcause
        bne     t0, s2, fail
        csrr    t0, mtval
        bne     t0, s3, fail
        csrr    t0, mepc
        bne     t0, s4, fail
        addi    s11, s11, 1
        beqz    s5, 1f
        csrw    mepc, s5
        mret
1:      addi    t0, t0, 4
        csrw    mepc, t0
        mret

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
buf:    .word   0x11223344, 0x55667788, 0
