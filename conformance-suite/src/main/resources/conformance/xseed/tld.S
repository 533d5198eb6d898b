# xseed/tld.S: TLD: row r <- 32 bytes at x[rs1] + r*x[rs2] for positive, zero, negative and overlapping strides
#
# Spec: SeedChip S1 v1.0 section 2 (Xseed tile extension): 2.1 state, 2.2 encodings, 2.3 CSRs, 2.4 numerics.
# The loaded tile is checked word by word against scalar loads of the same rows.
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

        # set-up: src word k holds 0x1000 + k (256 words)
        la      a0, src
        li      a1, 256
        li      a2, 0x1000
        li      a3, 1
        call    fill_words

        # test 1: stride 32: contiguous rows
        li      gp, 1
        la      a0, src
        addi    a0, a0, 0
        li      a1, 32
        tld     m1, (a0), a1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001000
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m1, a4
        li      t2, 0x00001009
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x0000103f
        bne     a5, t2, fail
        la      a0, src
        addi    a0, a0, 0
        li      a1, 32
        call    check_m1

        # test 2: stride 64: every other row
        li      gp, 2
        la      a0, src
        addi    a0, a0, 0
        li      a1, 64
        tld     m1, (a0), a1
        li      a4, 8
        tget    a5, m1, a4
        li      t2, 0x00001010
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x00001077
        bne     a5, t2, fail
        la      a0, src
        addi    a0, a0, 0
        li      a1, 64
        call    check_m1

        # test 3: stride 0: the same row eight times
        li      gp, 3
        la      a0, src
        addi    a0, a0, 0
        li      a1, 0
        tld     m1, (a0), a1
        li      a4, 56
        tget    a5, m1, a4
        li      t2, 0x00001000
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x00001007
        bne     a5, t2, fail
        la      a0, src
        addi    a0, a0, 0
        li      a1, 0
        call    check_m1

        # test 4: stride -32 from src + 512: rows go downwards
        li      gp, 4
        la      a0, src
        addi    a0, a0, 512
        li      a1, -32
        tld     m1, (a0), a1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001080
        bne     a5, t2, fail
        li      a4, 8
        tget    a5, m1, a4
        li      t2, 0x00001078
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x0000104f
        bne     a5, t2, fail
        la      a0, src
        addi    a0, a0, 512
        li      a1, -32
        call    check_m1

        # test 5: stride 4: overlapping rows
        li      gp, 5
        la      a0, src
        addi    a0, a0, 0
        li      a1, 4
        tld     m1, (a0), a1
        li      a4, 8
        tget    a5, m1, a4
        li      t2, 0x00001001
        bne     a5, t2, fail
        li      a4, 15
        tget    a5, m1, a4
        li      t2, 0x00001008
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x0000100e
        bne     a5, t2, fail
        la      a0, src
        addi    a0, a0, 0
        li      a1, 4
        call    check_m1

        # test 6: stride 36 from src + 4
        li      gp, 6
        la      a0, src
        addi    a0, a0, 4
        li      a1, 36
        tld     m1, (a0), a1
        li      a4, 8
        tget    a5, m1, a4
        li      t2, 0x0000100a
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x00001047
        bne     a5, t2, fail
        la      a0, src
        addi    a0, a0, 4
        li      a1, 36
        call    check_m1

        # test 7: stride -100 from src + 800
        li      gp, 7
        la      a0, src
        addi    a0, a0, 800
        li      a1, -100
        tld     m1, (a0), a1
        li      a4, 8
        tget    a5, m1, a4
        li      t2, 0x000010af
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x00001020
        bne     a5, t2, fail
        la      a0, src
        addi    a0, a0, 800
        li      a1, -100
        call    check_m1

        # test 8: every tile register m0..m7 can be loaded
        li      gp, 8
        la      a0, src
        addi    a0, a0, 0
        li      a1, 32
        tld     m0, (a0), a1
        la      a0, src
        addi    a0, a0, 4
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, src
        addi    a0, a0, 8
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, src
        addi    a0, a0, 12
        li      a1, 32
        tld     m3, (a0), a1
        la      a0, src
        addi    a0, a0, 16
        li      a1, 32
        tld     m4, (a0), a1
        la      a0, src
        addi    a0, a0, 20
        li      a1, 32
        tld     m5, (a0), a1
        la      a0, src
        addi    a0, a0, 24
        li      a1, 32
        tld     m6, (a0), a1
        la      a0, src
        addi    a0, a0, 28
        li      a1, 32
        tld     m7, (a0), a1
        li      a4, 0
        tget    a5, m0, a4
        li      t2, 0x00001000
        bne     a5, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001001
        bne     a5, t2, fail
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x00001002
        bne     a5, t2, fail
        li      a4, 0
        tget    a5, m3, a4
        li      t2, 0x00001003
        bne     a5, t2, fail
        li      a4, 0
        tget    a5, m4, a4
        li      t2, 0x00001004
        bne     a5, t2, fail
        li      a4, 0
        tget    a5, m5, a4
        li      t2, 0x00001005
        bne     a5, t2, fail
        li      a4, 0
        tget    a5, m6, a4
        li      t2, 0x00001006
        bne     a5, t2, fail
        li      a4, 0
        tget    a5, m7, a4
        li      t2, 0x00001007
        bne     a5, t2, fail

        # test 9: tld replaces the previous contents of the tile
        li      gp, 9
        li      a1, -1
        li      a2, 5
        tput    m1, a1, a2
        la      a0, src
        li      a1, 32
        tld     m1, (a0), a1
        li      a4, 5
        tget    a5, m1, a4
        li      t2, 0x00001005
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

# check_m1: fails unless tile m1 word 8r + c equals the word at a0 + r * a1 + 4c (r, c < 8)
check_m1:
        li      t3, 0                   # word index 8r + c
        mv      t4, a0                  # address of row r
1:      andi    t5, t3, 7
        slli    t5, t5, 2
        add     t5, t5, t4
        lw      t6, 0(t5)
        tget    t5, m1, t3
        bne     t5, t6, fail
        addi    t3, t3, 1
        andi    t5, t3, 7
        bnez    t5, 2f
        add     t4, t4, a1
2:      li      t5, 64
        blt     t3, t5, 1b
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
