# xseed/tstn.S: TSTN: 8 bytes at x[rs1] + r*x[rs2] <- bytes 0..7 of row r; bytes 8..31 are not written
#
# Spec: SeedChip S1 v1.0 section 2 (Xseed tile extension): 2.1 state, 2.2 encodings, 2.3 CSRs, 2.4 numerics.
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

        # set-up: m3 word w = 0x1000 + w
        la      a0, src
        li      a1, 64
        li      a2, 0x1000
        li      a3, 1
        call    fill_words
        la      a0, src
        li      a1, 32
        tld     m3, (a0), a1

        # test 1: stride 32: two words per row, the rest untouched
        li      gp, 1
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 0
        li      a1, 32
        tstn    m3, (a0), a1
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 4(a0)
        li      t2, 0x00001001
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 8(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 28(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 32(a0)
        li      t2, 0x00001008
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 36(a0)
        li      t2, 0x00001009
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 40(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 224(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 228(a0)
        li      t2, 0x00001039
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 232(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 252(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 2: stride 8: rows packed back to back
        li      gp, 2
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 0
        li      a1, 8
        tstn    m3, (a0), a1
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 4(a0)
        li      t2, 0x00001001
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 8(a0)
        li      t2, 0x00001008
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 12(a0)
        li      t2, 0x00001009
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 56(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 60(a0)
        li      t2, 0x00001039
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 64(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 3: stride -8 from dst + 64
        li      gp, 3
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 64
        li      a1, -8
        tstn    m3, (a0), a1
        la      a0, dst
        lw      a5, 64(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 68(a0)
        li      t2, 0x00001001
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 72(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 8(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 12(a0)
        li      t2, 0x00001039
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 4(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 4: stride 4: overlapping rows, later rows win
        li      gp, 4
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 0
        li      a1, 4
        tstn    m3, (a0), a1
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 4(a0)
        li      t2, 0x00001008
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 28(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 32(a0)
        li      t2, 0x00001039
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 36(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 5: stride 0: row 7 remains
        li      gp, 5
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 0
        li      a1, 0
        tstn    m3, (a0), a1
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 4(a0)
        li      t2, 0x00001039
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 8(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 6: stride 12
        li      gp, 6
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 0
        li      a1, 12
        tstn    m3, (a0), a1
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 4(a0)
        li      t2, 0x00001001
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 8(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 12(a0)
        li      t2, 0x00001008
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 16(a0)
        li      t2, 0x00001009
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 20(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 84(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 88(a0)
        li      t2, 0x00001039
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 92(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        j       pass

# ---------------------------------------------------------------------------------------------
# fill_words: a0 = address, a1 = word count, a2 = first value, a3 = increment
fill_words:
1:      sw      a2, 0(a0)
        add     a2, a2, a3
        addi    a0, a0, 4
        addi    a1, a1, -1
        bnez    a1, 1b
        ret

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
src:    .space  256
dst:    .space  1024
