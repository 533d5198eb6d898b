# zicsr/mcycle.S: mcycle/mcycleh readable and writable, cycle/cycleh readable; values are implementation-defined (never checked)
#
# Spec: SeedChip S1 v1.0 section 1.1 (CSRs) and Zicsr.
# The value of mcycle is implementation-defined: this program only checks which accesses trap.
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

        # test 1: mcycle and mcycleh can be read
        li      gp, 1
        li      s11, 0
        csrr    a0, mcycle
        csrr    a1, mcycleh
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 2: mcycle and mcycleh can be written with every form
        li      gp, 2
        li      a1, 1000
        li      s11, 0

        csrw    mcycle, a1
        csrw    mcycleh, zero
        csrrs   a0, mcycle, a1
        csrrc   a0, mcycleh, a1
        csrrwi  a0, mcycle, 5
        csrrsi  a0, mcycleh, 1
        csrrci  a0, mcycle, 1
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 3: cycle and cycleh can be read
        li      gp, 3
        li      s11, 0
        rdcycle a0
        rdcycleh a1
        csrrs   a2, cycle, zero
        csrrci  a3, cycleh, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 4: csrrw zero, cycle, a1 is illegal (read-only alias)
        li      gp, 4
        li      a0, 0x55
        li      a1, 1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0059073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0059073              # csrrw zero, cycle, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 5: csrrs a0, cycle, a2 is illegal (read-only alias)
        li      gp, 5
        li      a0, 0x55
        li      a1, 1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0062573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0062573              # csrrs a0, cycle, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 6: csrrwi a0, cycle, 3 is illegal (read-only alias)
        li      gp, 6
        li      a0, 0x55
        li      a1, 1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc001d573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc001d573              # csrrwi a0, cycle, 3
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 7: csrrw zero, cycleh, a1 is illegal (read-only alias)
        li      gp, 7
        li      a0, 0x55
        li      a1, 1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc8059073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc8059073              # csrrw zero, cycleh, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 8: csrrs a0, cycleh, a2 is illegal (read-only alias)
        li      gp, 8
        li      a0, 0x55
        li      a1, 1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc8062573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc8062573              # csrrs a0, cycleh, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 9: csrrwi a0, cycleh, 3 is illegal (read-only alias)
        li      gp, 9
        li      a0, 0x55
        li      a1, 1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc801d573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc801d573              # csrrwi a0, cycleh, 3
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
