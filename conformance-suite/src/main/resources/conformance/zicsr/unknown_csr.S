# zicsr/unknown_csr.S: Any CSR number not in the S1 table is an illegal instruction, reads included
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
        la      t0, handler
        csrw    mtvec, t0

        # test 1: CSR 0x000: csrrs a0, 0x000, zero is illegal
        li      gp, 1
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x00002573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00002573              # csrrs a0, 0x000, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 2: CSR 0x001: csrrs a0, 0x001, zero is illegal
        li      gp, 2
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x00102573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00102573              # csrrs a0, 0x001, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 3: CSR 0x003: csrrs a0, 0x003, zero is illegal
        li      gp, 3
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x00302573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00302573              # csrrs a0, 0x003, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 4: CSR 0x302: csrrs a0, 0x302, zero is illegal
        li      gp, 4
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x30202573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x30202573              # csrrs a0, 0x302, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 5: CSR 0x302: csrrw zero, 0x302, a1 is illegal
        li      gp, 5
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x30259073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x30259073              # csrrw zero, 0x302, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 6: CSR 0x303: csrrs a0, 0x303, zero is illegal
        li      gp, 6
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x30302573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x30302573              # csrrs a0, 0x303, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 7: CSR 0x306: csrrs a0, 0x306, zero is illegal
        li      gp, 7
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x30602573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x30602573              # csrrs a0, 0x306, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 8: CSR 0x310: csrrs a0, 0x310, zero is illegal
        li      gp, 8
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x31002573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x31002573              # csrrs a0, 0x310, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 9: CSR 0x320: csrrs a0, 0x320, zero is illegal
        li      gp, 9
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x32002573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x32002573              # csrrs a0, 0x320, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 10: CSR 0x345: csrrs a0, 0x345, zero is illegal
        li      gp, 10
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x34502573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x34502573              # csrrs a0, 0x345, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 11: CSR 0x3a0: csrrs a0, 0x3a0, zero is illegal
        li      gp, 11
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x3a002573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x3a002573              # csrrs a0, 0x3a0, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 12: CSR 0x7b0: csrrs a0, 0x7b0, zero is illegal
        li      gp, 12
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x7b002573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x7b002573              # csrrs a0, 0x7b0, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 13: CSR 0x7c8: csrrs a0, 0x7c8, zero is illegal
        li      gp, 13
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x7c802573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x7c802573              # csrrs a0, 0x7c8, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 14: CSR 0x7c8: csrrw zero, 0x7c8, a1 is illegal
        li      gp, 14
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x7c859073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x7c859073              # csrrw zero, 0x7c8, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 15: CSR 0x7ff: csrrs a0, 0x7ff, zero is illegal
        li      gp, 15
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x7ff02573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x7ff02573              # csrrs a0, 0x7ff, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 16: CSR 0xb01: csrrs a0, 0xb01, zero is illegal
        li      gp, 16
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0xb0102573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xb0102573              # csrrs a0, 0xb01, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 17: CSR 0xb03: csrrs a0, 0xb03, zero is illegal
        li      gp, 17
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0xb0302573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xb0302573              # csrrs a0, 0xb03, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 18: CSR 0xc01: csrrs a0, 0xc01, zero is illegal
        li      gp, 18
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0xc0102573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0102573              # csrrs a0, 0xc01, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 19: CSR 0xc01: csrrw zero, 0xc01, a1 is illegal
        li      gp, 19
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0xc0159073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0159073              # csrrw zero, 0xc01, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 20: CSR 0xc03: csrrs a0, 0xc03, zero is illegal
        li      gp, 20
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0xc0302573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0302573              # csrrs a0, 0xc03, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 21: CSR 0xc81: csrrs a0, 0xc81, zero is illegal
        li      gp, 21
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0xc8102573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc8102573              # csrrs a0, 0xc81, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 22: CSR 0xf10: csrrs a0, 0xf10, zero is illegal
        li      gp, 22
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0xf1002573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1002573              # csrrs a0, 0xf10, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 23: CSR 0xf15: csrrs a0, 0xf15, zero is illegal
        li      gp, 23
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0xf1502573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1502573              # csrrs a0, 0xf15, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 24: CSR 0xfff: csrrs a0, 0xfff, zero is illegal
        li      gp, 24
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0xfff02573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xfff02573              # csrrs a0, 0xfff, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 25: CSR 0x800: csrrs a0, 0x800, zero is illegal
        li      gp, 25
        li      a0, 0x55
        li      a1, -1
        li      s2, 2                   # expected mcause
        li      s3, 0x80002573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x80002573              # csrrs a0, 0x800, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
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
