# traps/fetch_access.S: Fetch outside DRAM: the jump retires, the fetch faults with cause 1, mtval = mepc = the address
#
# Spec: SeedChip S1 v1.0 sections 1 and 1.1 (traps: mepc, mcause, mtval, mstatus, mtvec).
# A fetch fault's mepc is the fetched address, so the handler resumes at s5.
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

        # test 1: jalr to 0x00000000
        li      gp, 1
        li      a1, 0x00000000
        la      s5, 2f                  # resume here
        li      s2, 1                   # expected mcause
        li      s3, 0x00000000          # expected mtval
        li      s4, 0x00000000          # expected mepc
        li      s11, 0
1:      jalr    a0, 0(a1)
2:      li      s5, 0
        li      t2, 1
        bne     s11, t2, fail
        la      a3, 2b                  # the jalr retired: a0 = its pc + 4
        bne     a0, a3, fail

        # test 2: jalr to 0x7ffffffc
        li      gp, 2
        li      a1, 0x7ffffffc
        la      s5, 2f                  # resume here
        li      s2, 1                   # expected mcause
        li      s3, 0x7ffffffc          # expected mtval
        li      s4, 0x7ffffffc          # expected mepc
        li      s11, 0
1:      jalr    a0, 0(a1)
2:      li      s5, 0
        li      t2, 1
        bne     s11, t2, fail
        la      a3, 2b                  # the jalr retired: a0 = its pc + 4
        bne     a0, a3, fail

        # test 3: jalr to 0x90000000
        li      gp, 3
        li      a1, 0x90000000
        la      s5, 2f                  # resume here
        li      s2, 1                   # expected mcause
        li      s3, 0x90000000          # expected mtval
        li      s4, 0x90000000          # expected mepc
        li      s11, 0
1:      jalr    a0, 0(a1)
2:      li      s5, 0
        li      t2, 1
        bne     s11, t2, fail
        la      a3, 2b                  # the jalr retired: a0 = its pc + 4
        bne     a0, a3, fail

        # test 4: jalr to 0xfffffffc
        li      gp, 4
        li      a1, 0xfffffffc
        la      s5, 2f                  # resume here
        li      s2, 1                   # expected mcause
        li      s3, 0xfffffffc          # expected mtval
        li      s4, 0xfffffffc          # expected mepc
        li      s11, 0
1:      jalr    a0, 0(a1)
2:      li      s5, 0
        li      t2, 1
        bne     s11, t2, fail
        la      a3, 2b                  # the jalr retired: a0 = its pc + 4
        bne     a0, a3, fail

        # test 5: jalr to 0x84000000
        li      gp, 5
        li      a1, 0x84000000
        la      s5, 2f                  # resume here
        li      s2, 1                   # expected mcause
        li      s3, 0x84000000          # expected mtval
        li      s4, 0x84000000          # expected mepc
        li      s11, 0
1:      jalr    a0, 0(a1)
2:      li      s5, 0
        li      t2, 1
        bne     s11, t2, fail
        la      a3, 2b                  # the jalr retired: a0 = its pc + 4
        bne     a0, a3, fail

        # test 6: jal to 0x7ffffff0 (below DRAM)
        li      gp, 6
        la      s5, 2f
        li      s2, 1
        li      s3, 0x7ffffff0
        li      s4, 0x7ffffff0
        li      s11, 0
1:      jal     a0, 0x7ffffff0
2:      li      s5, 0
        li      t2, 1
        bne     s11, t2, fail
        la      a3, 2b
        bne     a0, a3, fail

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
