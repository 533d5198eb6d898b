# xseed/tile_aliasing.S: Every compute op reads its operands before writing when D, A and B are the same tile
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

        # test 1: tadd.i32 m1, m1, m1
        li      gp, 1
        la      a0, scratch
        li      a1, 64
        li      a2, 0x40000000
        li      a3, 1
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        tadd.i32 m1, m1, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x80000000
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x8000007e
        bne     a5, t2, fail

        # test 2: tadd.i32 m1, m2, m1 (D = B)
        li      gp, 2
        la      a0, scratch
        li      a1, 64
        li      a2, 0x00000000
        li      a3, 1
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0x00000064
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        tadd.i32 m1, m2, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00000064
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x000000a3
        bne     a5, t2, fail

        # test 3: tmax.i32 m1, m1, m1
        li      gp, 3
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffe0
        li      a3, 1
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        tmax.i32 m1, m1, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0xffffffe0
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x0000001f
        bne     a5, t2, fail

        # test 4: trelu.i32 m1, m1
        li      gp, 4
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffe0
        li      a3, 1
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        trelu.i32 m1, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00000000
        bne     a5, t2, fail
        li      a4, 31
        tget    a5, m1, a4
        li      t2, 0x00000000
        bne     a5, t2, fail
        li      a4, 33
        tget    a5, m1, a4
        li      t2, 0x00000001
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x0000001f
        bne     a5, t2, fail

        # test 5: tadd.f32 m1, m1, m1
        li      gp, 5
        la      a0, scratch
        li      a1, 64
        li      a2, 0x3fc00000
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        tadd.f32 m1, m1, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x40400000
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x40400000
        bne     a5, t2, fail

        # test 6: tmma.i8 m1, m1, m1
        li      gp, 6
        la      a0, scratch
        li      a1, 64
        li      a2, 0x01010101
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        tmma.i8 m1, m1, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x01010121
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x01010121
        bne     a5, t2, fail

        # test 7: tmma.i8 m1, m1, m2 (D = A)
        li      gp, 7
        la      a0, scratch
        li      a1, 64
        li      a2, 0x01010101
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0x02020202
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        tmma.i8 m1, m1, m2
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x01010141
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x01010141
        bne     a5, t2, fail

        # test 8: tmma.i8 m1, m2, m1 (D = B)
        li      gp, 8
        la      a0, scratch
        li      a1, 64
        li      a2, 0x01010101
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0x02020202
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        tmma.i8 m1, m2, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x01010141
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x01010141
        bne     a5, t2, fail

        # test 9: tmma.e4m3 m1, m1, m1
        li      gp, 9
        li      a1, 0x7f7f7f7f
        csrw    xsascl0, a1
        csrw    xsascl1, a1
        csrw    xsbscl0, a1
        csrw    xsbscl1, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0x38383838
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        tmma.e4m3 m1, m1, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x4200000c
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x4200000c
        bne     a5, t2, fail

        # test 10: tquant.i8 m1, m1
        li      gp, 10
        li      a1, 0x40000000
        csrw    xsqmul, a1
        li      a1, 1
        csrw    xsqshift, a1
        csrw    xsqzp, zero
        la      a0, scratch
        li      a1, 64
        li      a2, 0x00000000
        li      a3, 1
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m1, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x03020100
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m1, a4
        li      t2, 0x07060504
        bne     a5, t2, fail
        li      a4, 2
        tget    a5, m1, a4
        li      t2, 0x00000000
        bne     a5, t2, fail
        li      a4, 8
        tget    a5, m1, a4
        li      t2, 0x0b0a0908
        bne     a5, t2, fail
        li      a4, 63
        tget    a5, m1, a4
        li      t2, 0x00000000
        bne     a5, t2, fail

        # test 11: tcvt.e4m3 m1, m1
        li      gp, 11
        la      a0, scratch
        li      a1, 64
        li      a2, 0x40000000
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m1, (a0), a1
        tcvt.e4m3 m1, m1
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x40404040
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m1, a4
        li      t2, 0x40404040
        bne     a5, t2, fail
        li      a4, 2
        tget    a5, m1, a4
        li      t2, 0x00000000
        bne     a5, t2, fail
        li      a4, 57
        tget    a5, m1, a4
        li      t2, 0x40404040
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
scratch: .space 256
out:    .space  256
