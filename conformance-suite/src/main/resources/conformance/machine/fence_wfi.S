# machine/fence_wfi.S: FENCE, FENCE.TSO, FENCE.I and WFI are no-ops that retire
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
