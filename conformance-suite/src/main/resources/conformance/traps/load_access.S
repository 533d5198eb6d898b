# traps/load_access.S: Loads outside DRAM fault with cause 5, mtval = the address, rd unchanged
#
# Spec: SeedChip S1 v1.0 sections 1 and 1.1 (traps: mepc, mcause, mtval, mstatus, mtvec).
# DRAM starts at 0x8000_0000 and is at most 64 MiB: these addresses are outside for every size.
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

        # test 1: lw at 0x7ffffffc
        li      gp, 1
        li      a1, 0x7ffffffc
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0x7ffffffc          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lw      a0, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 2: lb at 0x7fffffff
        li      gp, 2
        li      a1, 0x7fffffff
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0x7fffffff          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lb      a0, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 3: lhu at 0x7ffffffe
        li      gp, 3
        li      a1, 0x7ffffffe
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0x7ffffffe          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lhu     a0, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 4: lw at 0x00000000
        li      gp, 4
        li      a1, 0x00000000
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0x00000000          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lw      a0, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 5: lbu at 0x00000001
        li      gp, 5
        li      a1, 0x00000001
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0x00000001          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lbu     a0, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 6: lw at 0x90000000
        li      gp, 6
        li      a1, 0x90000000
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0x90000000          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lw      a0, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 7: lh at 0x84000000
        li      gp, 7
        li      a1, 0x84000000
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0x84000000          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lh      a0, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 8: lw at 0xfffffffc
        li      gp, 8
        li      a1, 0xfffffffc
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0xfffffffc          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lw      a0, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 9: lb at 0x40000000
        li      gp, 9
        li      a1, 0x40000000
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0x40000000          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lb      a0, 0(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 10: the faulting address is base + offset
        li      gp, 10
        li      a1, 0x7ffffff0
        li      a0, 0x55
        li      s2, 5                   # expected mcause
        li      s3, 0x7ffffff8          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      lw      a0, 8(a1)
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 11: the first word of DRAM is readable
        li      gp, 11
        li      a1, 0x80000000
        li      s11, 0
        lw      a0, 0(a1)
        lb      a0, 0(a1)
        li      t2, 0                   # no trap
        bne     s11, t2, fail

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
