# machine/fence_i.S: Self-modifying code: a store to code is visible to fetch after fence.i (whatever its imm, rs1, rd)
#
# Spec: SeedChip S1 v1.2 sections 1 and 1.1 (mret, wfi, fence, fence.i; fence.i's imm, rs1, rd are ignored).
# Only code executed after fence.i is checked: fetch before it is implementation-defined.
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

        # test 1: patched instruction executes after fence.i
        li      gp, 1
        li      a0, 0
        la      t0, 2f
        li      t1, 0x02a00513          # addi a0, zero, 42
        sw      t1, 0(t0)
        fence.i
2:      addi    a0, zero, 1
        li      t2, 42
        bne     a0, t2, fail

        # test 2: an instruction rewritten in a loop, with fence.i each time
        li      gp, 2
        li      s0, 0
        li      s1, 4
        la      t0, 2f
        li      t1, 0x00140413          # addi s0, s0, 1
        li      a4, 0x00a40413          # addi s0, s0, 10
3:      sw      t1, 0(t0)
        fence.i
2:      nop
        mv      t3, t1
        mv      t1, a4
        mv      a4, t3
        addi    s1, s1, -1
        bnez    s1, 3b
        li      t2, 22
        bne     s0, t2, fail

        # test 3: code written by a tile store executes after fence.i
        li      gp, 3
        li      a0, 0
        li      t1, 0x00700513          # addi a0, zero, 7
        tput    m0, t1, zero
        li      t1, 0x00000013          # nop
        li      a1, 1
        tput    m0, t1, a1
        la      t0, 2f
        la      a2, scratch
        sub     a2, a2, t0              # stride: rows 1..7 go to the scratch area
        tstn    m0, (t0), a2
        fence.i
2:      nop
        nop
        li      t2, 7
        bne     a0, t2, fail

        # test 4: fence.i with non-zero imm, rs1 and rd still makes the store visible, and writes no register
        li      gp, 4
        li      a0, 0
        li      a1, 0x66
        la      t0, 2f
        li      t1, 0x02a00513          # addi a0, zero, 42
        sw      t1, 0(t0)
        .word   0xfff5158f              # fence.i with imm = 0xfff, rs1 = x10, rd = x11
2:      addi    a0, zero, 1
        li      t2, 42
        bne     a0, t2, fail
        li      t2, 0x66
        bne     a1, t2, fail
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

        .align  5
scratch: .space 4096
