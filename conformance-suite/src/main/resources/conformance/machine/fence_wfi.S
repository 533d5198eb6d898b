# machine/fence_wfi.S: FENCE (any fm, sets, rs1, rd; FENCE.TSO included), FENCE.I (any imm, rs1, rd) and WFI are no-ops that retire
#
# Spec: SeedChip S1 v1.2 sections 1 and 1.1 (mret, wfi, fence, fence.i; the unused fields of the
# fences are ignored, as RV32I and Zifencei prescribe: written as .word, since GNU as has no syntax).
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

        # test 1: fence changes nothing and retires
        li      gp, 1
        li      a0, 0x55
        csrr    a5, minstret
        fence
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 2: fence rw, rw changes nothing and retires
        li      gp, 2
        li      a0, 0x55
        csrr    a5, minstret
        fence   rw, rw
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 3: fence iorw, iorw changes nothing and retires
        li      gp, 3
        li      a0, 0x55
        csrr    a5, minstret
        fence   iorw, iorw
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 4: fence r, w changes nothing and retires
        li      gp, 4
        li      a0, 0x55
        csrr    a5, minstret
        fence   r, w
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 5: fence.tso changes nothing and retires
        li      gp, 5
        li      a0, 0x55
        csrr    a5, minstret
        fence.tso
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 6: fence.i changes nothing and retires
        li      gp, 6
        li      a0, 0x55
        csrr    a5, minstret
        fence.i
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 7: wfi changes nothing and retires
        li      gp, 7
        li      a0, 0x55
        csrr    a5, minstret
        wfi
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 8: a load after fence sees the store before it
        li      gp, 8
        la      a1, buf
        li      a2, 0x1234
        sw      a2, 0(a1)
        fence
        lw      a0, 0(a1)
        li      t2, 0x1234
        bne     a0, t2, fail

        # test 9: fence with fm = 0001 (reserved) is a fence: retires, changes nothing
        li      gp, 9
        li      a0, 0x55
        li      t6, 0x66
        csrr    a5, minstret
        .word   0x1ff0000f              # fence iorw,iorw with fm = 0001
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      t2, 0x66
        bne     t6, t2, fail

        # test 10: fence with fm = 1111 and empty sets is a fence
        li      gp, 10
        li      a0, 0x55
        li      t6, 0x66
        csrr    a5, minstret
        .word   0xf000000f              # fm = 1111, pred = succ = 0
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      t2, 0x66
        bne     t6, t2, fail

        # test 11: fm = 1000 with sets other than rw,rw (not fence.tso) is a fence
        li      gp, 11
        li      a0, 0x55
        li      t6, 0x66
        csrr    a5, minstret
        .word   0x8f20000f              # fm = 1000, pred = iorw, succ = r
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      t2, 0x66
        bne     t6, t2, fail

        # test 12: an empty predecessor set is a fence
        li      gp, 12
        li      a0, 0x55
        li      t6, 0x66
        csrr    a5, minstret
        .word   0x0030000f              # pred = 0, succ = rw
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      t2, 0x66
        bne     t6, t2, fail

        # test 13: fence with rd = a0 writes no register
        li      gp, 13
        li      a0, 0x55
        li      t6, 0x66
        csrr    a5, minstret
        .word   0x0ff0050f              # fence iorw,iorw with rd = x10
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      t2, 0x66
        bne     t6, t2, fail

        # test 14: fence with rs1 = t0 (an address outside DRAM) reads nothing and cannot fault
        li      gp, 14
        li      t0, 0x1000
        li      a0, 0x55
        li      t6, 0x66
        csrr    a5, minstret
        .word   0x0ff2800f              # fence iorw,iorw with rs1 = x5
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      t2, 0x66
        bne     t6, t2, fail

        # test 15: fence with every unused bit set (fm, rs1 = rd = t6) is a fence
        li      gp, 15
        li      a0, 0x55
        li      t6, 0x66
        csrr    a5, minstret
        .word   0xffff8f8f              # fm = 1111, iorw,iorw, rs1 = rd = x31
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      t2, 0x66
        bne     t6, t2, fail

        # test 16: fence.i with rd = a0 writes no register
        li      gp, 16
        li      a0, 0x55
        li      t6, 0x66
        csrr    a5, minstret
        .word   0x0000150f              # fence.i with rd = x10
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      t2, 0x66
        bne     t6, t2, fail

        # test 17: fence.i with imm = 0xfff and rs1 = t6 is fence.i
        li      gp, 17
        li      a0, 0x55
        li      t6, 0x66
        csrr    a5, minstret
        .word   0xffff900f              # fence.i with imm = 0xfff, rs1 = x31
        csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 2
        bne     a6, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      t2, 0x66
        bne     t6, t2, fail

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
buf:    .word   0
