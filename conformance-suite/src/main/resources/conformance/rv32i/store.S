# rv32i/store.S: SB, SH, SW write only their byte lanes with the low bits of rs2
#
# Spec: SeedChip S1 v1.0 section 1 (RV32I base, machine mode only).
# Memory is little-endian.
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

        # test 1: sb at offset 0 into 0xaaaaaaaa gives 0xaaaaaa78
        li      gp, 1
        la      a1, buf
        li      a3, 0xaaaaaaaa
        sw      a3, 0(a1)
        sw      a3, 4(a1)
        sw      a3, -4(a1)
        li      a2, 0x12345678
        sb      a2, 0(a1)
        lw      a0, 0(a1)
        li      t2, 0xaaaaaa78
        bne     a0, t2, fail
        lw      a0, 4(a1)               # neighbours untouched
        bne     a0, a3, fail
        lw      a0, -4(a1)
        bne     a0, a3, fail

        # test 2: sb at offset 1 into 0xaaaaaaaa gives 0xaaaa78aa
        li      gp, 2
        la      a1, buf
        li      a3, 0xaaaaaaaa
        sw      a3, 0(a1)
        sw      a3, 4(a1)
        sw      a3, -4(a1)
        li      a2, 0x12345678
        sb      a2, 1(a1)
        lw      a0, 0(a1)
        li      t2, 0xaaaa78aa
        bne     a0, t2, fail
        lw      a0, 4(a1)               # neighbours untouched
        bne     a0, a3, fail
        lw      a0, -4(a1)
        bne     a0, a3, fail

        # test 3: sb at offset 2 into 0xaaaaaaaa gives 0xaa78aaaa
        li      gp, 3
        la      a1, buf
        li      a3, 0xaaaaaaaa
        sw      a3, 0(a1)
        sw      a3, 4(a1)
        sw      a3, -4(a1)
        li      a2, 0x12345678
        sb      a2, 2(a1)
        lw      a0, 0(a1)
        li      t2, 0xaa78aaaa
        bne     a0, t2, fail
        lw      a0, 4(a1)               # neighbours untouched
        bne     a0, a3, fail
        lw      a0, -4(a1)
        bne     a0, a3, fail

        # test 4: sb at offset 3 into 0xaaaaaaaa gives 0x78aaaaaa
        li      gp, 4
        la      a1, buf
        li      a3, 0xaaaaaaaa
        sw      a3, 0(a1)
        sw      a3, 4(a1)
        sw      a3, -4(a1)
        li      a2, 0x12345678
        sb      a2, 3(a1)
        lw      a0, 0(a1)
        li      t2, 0x78aaaaaa
        bne     a0, t2, fail
        lw      a0, 4(a1)               # neighbours untouched
        bne     a0, a3, fail
        lw      a0, -4(a1)
        bne     a0, a3, fail

        # test 5: sh at offset 0 into 0xaaaaaaaa gives 0xaaaa5678
        li      gp, 5
        la      a1, buf
        li      a3, 0xaaaaaaaa
        sw      a3, 0(a1)
        sw      a3, 4(a1)
        sw      a3, -4(a1)
        li      a2, 0x12345678
        sh      a2, 0(a1)
        lw      a0, 0(a1)
        li      t2, 0xaaaa5678
        bne     a0, t2, fail
        lw      a0, 4(a1)               # neighbours untouched
        bne     a0, a3, fail
        lw      a0, -4(a1)
        bne     a0, a3, fail

        # test 6: sh at offset 2 into 0xaaaaaaaa gives 0x5678aaaa
        li      gp, 6
        la      a1, buf
        li      a3, 0xaaaaaaaa
        sw      a3, 0(a1)
        sw      a3, 4(a1)
        sw      a3, -4(a1)
        li      a2, 0x12345678
        sh      a2, 2(a1)
        lw      a0, 0(a1)
        li      t2, 0x5678aaaa
        bne     a0, t2, fail
        lw      a0, 4(a1)               # neighbours untouched
        bne     a0, a3, fail
        lw      a0, -4(a1)
        bne     a0, a3, fail

        # test 7: sw at offset 0 into 0xaaaaaaaa gives 0x12345678
        li      gp, 7
        la      a1, buf
        li      a3, 0xaaaaaaaa
        sw      a3, 0(a1)
        sw      a3, 4(a1)
        sw      a3, -4(a1)
        li      a2, 0x12345678
        sw      a2, 0(a1)
        lw      a0, 0(a1)
        li      t2, 0x12345678
        bne     a0, t2, fail
        lw      a0, 4(a1)               # neighbours untouched
        bne     a0, a3, fail
        lw      a0, -4(a1)
        bne     a0, a3, fail

        # test 8: sb then lbu reads the byte back
        li      gp, 8
        la      a1, buf
        li      a2, 0xfffff0e5
        sb      a2, 5(a1)
        lbu     a0, 5(a1)
        li      t2, 0xe5
        bne     a0, t2, fail

        # test 9: sh with a negative offset
        li      gp, 9
        la      a1, buf
        addi    a1, a1, 8
        li      a2, 0xbeef
        sh      a2, -6(a1)
        lhu     a0, -6(a1)
        li      t2, 0xbeef
        bne     a0, t2, fail

        # test 10: sw then lw with a negative offset
        li      gp, 10
        la      a1, buf
        addi    a1, a1, 4
        li      a2, 0xcafe1234
        sw      a2, -4(a1)
        lw      a0, -4(a1)
        li      t2, 0xcafe1234
        bne     a0, t2, fail

        # test 11: stores of x0 write zero
        li      gp, 11
        la      a1, buf
        li      a3, -1
        sw      a3, 0(a1)
        sb      zero, 1(a1)
        sh      zero, 2(a1)
        lw      a0, 0(a1)
        li      t2, 0x000000ff
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
        .word   0
buf:    .space  16
