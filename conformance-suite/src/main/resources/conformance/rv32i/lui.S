# rv32i/lui.S: LUI: the 20-bit immediate in bits 31:12, low 12 bits zero
#
# Spec: SeedChip S1 v1.0 section 1 (RV32I base, machine mode only).
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

        # test 1: lui 0x0 gives 0x00000000
        li      gp, 1
        li      a0, -1
        lui     a0, 0x0
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 2: lui 0x1 gives 0x00001000
        li      gp, 2
        li      a0, -1
        lui     a0, 0x1
        li      t2, 0x00001000
        bne     a0, t2, fail

        # test 3: lui 0x7ffff gives 0x7ffff000
        li      gp, 3
        li      a0, -1
        lui     a0, 0x7ffff
        li      t2, 0x7ffff000
        bne     a0, t2, fail

        # test 4: lui 0x80000 gives 0x80000000
        li      gp, 4
        li      a0, -1
        lui     a0, 0x80000
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 5: lui 0xfffff gives 0xfffff000
        li      gp, 5
        li      a0, -1
        lui     a0, 0xfffff
        li      t2, 0xfffff000
        bne     a0, t2, fail

        # test 6: lui 0x12345 gives 0x12345000
        li      gp, 6
        li      a0, -1
        lui     a0, 0x12345
        li      t2, 0x12345000
        bne     a0, t2, fail

        # test 7: lui with rd = x0 writes nothing
        li      gp, 7
        lui     zero, 0xfffff
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
