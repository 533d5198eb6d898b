# xseed/tst.S: TST: 32 bytes at x[rs1] + r*x[rs2] <- row r, in row order; the tile is unchanged
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

        # set-up: src word k holds 0x1000 + k; m2 <- src rows (tile word w = 0x1000 + w)
        la      a0, src
        li      a1, 256
        li      a2, 0x1000
        li      a3, 1
        call    fill_words
        la      a0, src
        li      a1, 32
        tld     m2, (a0), a1

        # test 1: stride 32: contiguous
        li      gp, 1
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 0
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 36(a0)
        li      t2, 0x00001009
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 252(a0)
        li      t2, 0x0000103f
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 256(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 2: stride 48: gaps between rows keep their contents
        li      gp, 2
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 0
        li      a1, 48
        tst     m2, (a0), a1
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 28(a0)
        li      t2, 0x00001007
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 32(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 44(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 48(a0)
        li      t2, 0x00001008
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 364(a0)
        li      t2, 0x0000103f
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 368(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 3: stride -32 from dst + 512
        li      gp, 3
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 512
        li      a1, -32
        tst     m2, (a0), a1
        la      a0, dst
        lw      a5, 512(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 540(a0)
        li      t2, 0x00001007
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 544(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 480(a0)
        li      t2, 0x00001008
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 288(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 316(a0)
        li      t2, 0x0000103f
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 284(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 4: stride 16: overlapping rows, later rows win
        li      gp, 4
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 0
        li      a1, 16
        tst     m2, (a0), a1
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 12(a0)
        li      t2, 0x00001003
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 16(a0)
        li      t2, 0x00001008
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 28(a0)
        li      t2, 0x0000100b
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 112(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 140(a0)
        li      t2, 0x0000103f
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 144(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 5: stride 0: row 7 is what remains
        li      gp, 5
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 0
        li      a1, 0
        tst     m2, (a0), a1
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 28(a0)
        li      t2, 0x0000103f
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 32(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 6: stride 36 from dst + 8
        li      gp, 6
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        addi    a0, a0, 8
        li      a1, 36
        tst     m2, (a0), a1
        la      a0, dst
        lw      a5, 8(a0)
        li      t2, 0x00001000
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 36(a0)
        li      t2, 0x00001007
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 40(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 44(a0)
        li      t2, 0x00001008
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 260(a0)
        li      t2, 0x00001038
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 264(a0)
        li      t2, 0x00001039
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 292(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 296(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail

        # test 7: tst leaves the tile unchanged
        li      gp, 7
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        la      a0, dst
        li      a1, 32
        tst     m2, (a0), a1
        li      a4, 10
        tget    a5, m2, a4
        li      t2, 0x0000100a
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m2, a4
        li      t2, 0x0000103f
        bne     a5, t2, fail

        # test 8: every tile register m0..m7 can be stored
        li      gp, 8
        la      a0, dst
        li      a1, 256
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words
        li      a1, 80
        li      a2, 56
        tput    m0, a1, a2
        la      a0, dst
        addi    a0, a0, 0
        tst     m0, (a0), zero
        li      a1, 81
        li      a2, 56
        tput    m1, a1, a2
        la      a0, dst
        addi    a0, a0, 32
        tst     m1, (a0), zero
        li      a1, 82
        li      a2, 56
        tput    m2, a1, a2
        la      a0, dst
        addi    a0, a0, 64
        tst     m2, (a0), zero
        li      a1, 83
        li      a2, 56
        tput    m3, a1, a2
        la      a0, dst
        addi    a0, a0, 96
        tst     m3, (a0), zero
        li      a1, 84
        li      a2, 56
        tput    m4, a1, a2
        la      a0, dst
        addi    a0, a0, 128
        tst     m4, (a0), zero
        li      a1, 85
        li      a2, 56
        tput    m5, a1, a2
        la      a0, dst
        addi    a0, a0, 160
        tst     m5, (a0), zero
        li      a1, 86
        li      a2, 56
        tput    m6, a1, a2
        la      a0, dst
        addi    a0, a0, 192
        tst     m6, (a0), zero
        li      a1, 87
        li      a2, 56
        tput    m7, a1, a2
        la      a0, dst
        addi    a0, a0, 224
        tst     m7, (a0), zero
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0x00000050
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 32(a0)
        li      t2, 0x00000051
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 64(a0)
        li      t2, 0x00000052
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 96(a0)
        li      t2, 0x00000053
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 128(a0)
        li      t2, 0x00000054
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 160(a0)
        li      t2, 0x00000055
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 192(a0)
        li      t2, 0x00000056
        bne     a5, t2, fail
        la      a0, dst
        lw      a5, 224(a0)
        li      t2, 0x00000057
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
src:    .space  1024
dst:    .space  1024
