# xseed/tquant_i8.S: TQUANT.I8: TFLite double-rounding requant with xsqmul/xsqshift/xsqzp, clamp to int8 with SAT
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

        # test 1: M = 2^30, s = 1 is the identity; z = 3 is added
        li      gp, 1
        csrw    xsstat, zero
        li      a1, 0x40000000
        csrw    xsqmul, a1
        li      a1, 1
        csrw    xsqshift, a1
        li      a1, 3
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa1
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0xe6e5e4e3
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m2, a4
        li      t2, 0xeae9e8e7
        bne     a5, t2, fail
        li      a4, 2
        tget    a5, m2, a4
        li      t2, 0x00000000
        bne     a5, t2, fail
        li      a4, 8
        tget    a5, m2, a4
        li      t2, 0xeeedeceb
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe1
        li      a2, 64
        call    check_words

        # test 2: results are clamped to [-128, 127] with SAT
        li      gp, 2
        csrw    xsstat, zero
        li      a1, 0x40000000
        csrw    xsqmul, a1
        li      a1, 1
        csrw    xsqshift, a1
        li      a1, 0
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa2
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x807f807f
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m2, a4
        li      t2, 0x807f807f
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe2
        li      a2, 64
        call    check_words

        # test 3: values exactly at the limits raise no SAT
        li      gp, 3
        csrw    xsstat, zero
        li      a1, 0x40000000
        csrw    xsqmul, a1
        li      a1, 1
        csrw    xsqshift, a1
        li      a1, 0
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa3
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x807f807f
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe3
        li      a2, 64
        call    check_words

        # test 4: s = -1: SRDHM then RDBPOT double rounding
        li      gp, 4
        csrw    xsstat, zero
        li      a1, 0x40000000
        csrw    xsqmul, a1
        li      a1, -1
        csrw    xsqshift, a1
        li      a1, 0
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa4
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0xf9f8f8f8
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m2, a4
        li      t2, 0xfaf9f9f9
        bne     a5, t2, fail
        li      a4, 8
        tget    a5, m2, a4
        li      t2, 0xfbfafafa
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m2, a4
        li      t2, 0xfcfbfbfb
        bne     a5, t2, fail
        li      a4, 56
        tget    a5, m2, a4
        li      t2, 0x07070706
        bne     a5, t2, fail
        li      a4, 57
        tget    a5, m2, a4
        li      t2, 0x08080807
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe4
        li      a2, 64
        call    check_words

        # test 5: the zero point can push past the clamp
        li      gp, 5
        csrw    xsstat, zero
        li      a1, 0x40000000
        csrw    xsqmul, a1
        li      a1, 1
        csrw    xsqshift, a1
        li      a1, 127
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa5
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x7f7f7f7f
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m2, a4
        li      t2, 0x7f7f7f7f
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe5
        li      a2, 64
        call    check_words

        # test 6: SRDHM(INT_MIN, INT_MIN) saturates to INT_MAX
        li      gp, 6
        csrw    xsstat, zero
        li      a1, 0x80000000
        csrw    xsqmul, a1
        li      a1, 0
        csrw    xsqshift, a1
        li      a1, 0
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa6
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x7f7f7f7f
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe6
        li      a2, 64
        call    check_words

        # test 7: the left shift wraps in int32
        li      gp, 7
        csrw    xsstat, zero
        li      a1, 0x40000000
        csrw    xsqmul, a1
        li      a1, 2
        csrw    xsqshift, a1
        li      a1, -5
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa7
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0xfbfbfbfb
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe7
        li      a2, 64
        call    check_words

        # test 8: s = -31 with M = INT_MAX
        li      gp, 8
        csrw    xsstat, zero
        li      a1, 0x7fffffff
        csrw    xsqmul, a1
        li      a1, -31
        csrw    xsqshift, a1
        li      a1, 0
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa8
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x0001ff01
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe8
        li      a2, 64
        call    check_words

        # test 9: pseudo-random M = 0x3720b8a5, s = -7, z = -91
        li      gp, 9
        csrw    xsstat, zero
        li      a1, 0x3720b8a5
        csrw    xsqmul, a1
        li      a1, -7
        csrw    xsqshift, a1
        li      a1, -91
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa9
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x7fa2b57f
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m2, a4
        li      t2, 0xb69b807f
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe9
        li      a2, 64
        call    check_words

        # test 10: pseudo-random M = 0x010ba8e0, s = -6, z = -99
        li      gp, 10
        csrw    xsstat, zero
        li      a1, 0x010ba8e0
        csrw    xsqmul, a1
        li      a1, -6
        csrw    xsqshift, a1
        li      a1, -99
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa10
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x7f9d7f9d
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m2, a4
        li      t2, 0x7f7f9d9d
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe10
        li      a2, 64
        call    check_words

        # test 11: pseudo-random M = 0x6d91905d, s = 23, z = 52
        li      gp, 11
        csrw    xsstat, zero
        li      a1, 0x6d91905d
        csrw    xsqmul, a1
        li      a1, 23
        csrw    xsqshift, a1
        li      a1, 52
        csrw    xsqzp, a1
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, qa11
        li      a1, 32
        tld     m1, (a0), a1
        tquant.i8 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x807f7f80
        bne     a5, t2, fail
        li      a4, 9
        tget    a5, m2, a4
        li      t2, 0x80807f80
        bne     a5, t2, fail
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, qe11
        li      a2, 64
        call    check_words

        # test 12: D = A: tquant.i8 m1, m1 reads A first
        li      gp, 12
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

# check_words: fails unless the a2 words at a0 equal the a2 words at a1
check_words:
1:      lw      t3, 0(a0)
        lw      t4, 0(a1)
        bne     t3, t4, fail
        addi    a0, a0, 4
        addi    a1, a1, 4
        addi    a2, a2, -1
        bnez    a2, 1b
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
        .align  5
qa1:
        .word   0xffffffe0, 0xffffffe1, 0xffffffe2, 0xffffffe3, 0xffffffe4, 0xffffffe5, 0xffffffe6, 0xffffffe7
        .word   0xffffffe8, 0xffffffe9, 0xffffffea, 0xffffffeb, 0xffffffec, 0xffffffed, 0xffffffee, 0xffffffef
        .word   0xfffffff0, 0xfffffff1, 0xfffffff2, 0xfffffff3, 0xfffffff4, 0xfffffff5, 0xfffffff6, 0xfffffff7
        .word   0xfffffff8, 0xfffffff9, 0xfffffffa, 0xfffffffb, 0xfffffffc, 0xfffffffd, 0xfffffffe, 0xffffffff
        .word   0x00000000, 0x00000001, 0x00000002, 0x00000003, 0x00000004, 0x00000005, 0x00000006, 0x00000007
        .word   0x00000008, 0x00000009, 0x0000000a, 0x0000000b, 0x0000000c, 0x0000000d, 0x0000000e, 0x0000000f
        .word   0x00000010, 0x00000011, 0x00000012, 0x00000013, 0x00000014, 0x00000015, 0x00000016, 0x00000017
        .word   0x00000018, 0x00000019, 0x0000001a, 0x0000001b, 0x0000001c, 0x0000001d, 0x0000001e, 0x0000001f
        .align  5
qe1:
        .word   0xe6e5e4e3, 0xeae9e8e7, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xeeedeceb, 0xf2f1f0ef, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xf6f5f4f3, 0xfaf9f8f7, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfefdfcfb, 0x020100ff, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x06050403, 0x0a090807, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x0e0d0c0b, 0x1211100f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x16151413, 0x1a191817, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x1e1d1c1b, 0x2221201f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa2:
        .word   0x000000c8, 0xffffff38, 0x0000007f, 0xffffff80, 0x000f4240, 0xfff0bdc0, 0x00000080, 0xffffff7f
        .word   0x000000c8, 0xffffff38, 0x0000007f, 0xffffff80, 0x000f4240, 0xfff0bdc0, 0x00000080, 0xffffff7f
        .word   0x000000c8, 0xffffff38, 0x0000007f, 0xffffff80, 0x000f4240, 0xfff0bdc0, 0x00000080, 0xffffff7f
        .word   0x000000c8, 0xffffff38, 0x0000007f, 0xffffff80, 0x000f4240, 0xfff0bdc0, 0x00000080, 0xffffff7f
        .word   0x000000c8, 0xffffff38, 0x0000007f, 0xffffff80, 0x000f4240, 0xfff0bdc0, 0x00000080, 0xffffff7f
        .word   0x000000c8, 0xffffff38, 0x0000007f, 0xffffff80, 0x000f4240, 0xfff0bdc0, 0x00000080, 0xffffff7f
        .word   0x000000c8, 0xffffff38, 0x0000007f, 0xffffff80, 0x000f4240, 0xfff0bdc0, 0x00000080, 0xffffff7f
        .word   0x000000c8, 0xffffff38, 0x0000007f, 0xffffff80, 0x000f4240, 0xfff0bdc0, 0x00000080, 0xffffff7f
        .align  5
qe2:
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa3:
        .word   0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80
        .word   0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80
        .word   0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80
        .word   0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80
        .word   0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80
        .word   0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80
        .word   0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80
        .word   0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80, 0x0000007f, 0xffffff80
        .align  5
qe3:
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa4:
        .word   0xffffffe0, 0xffffffe1, 0xffffffe2, 0xffffffe3, 0xffffffe4, 0xffffffe5, 0xffffffe6, 0xffffffe7
        .word   0xffffffe8, 0xffffffe9, 0xffffffea, 0xffffffeb, 0xffffffec, 0xffffffed, 0xffffffee, 0xffffffef
        .word   0xfffffff0, 0xfffffff1, 0xfffffff2, 0xfffffff3, 0xfffffff4, 0xfffffff5, 0xfffffff6, 0xfffffff7
        .word   0xfffffff8, 0xfffffff9, 0xfffffffa, 0xfffffffb, 0xfffffffc, 0xfffffffd, 0xfffffffe, 0xffffffff
        .word   0x00000000, 0x00000001, 0x00000002, 0x00000003, 0x00000004, 0x00000005, 0x00000006, 0x00000007
        .word   0x00000008, 0x00000009, 0x0000000a, 0x0000000b, 0x0000000c, 0x0000000d, 0x0000000e, 0x0000000f
        .word   0x00000010, 0x00000011, 0x00000012, 0x00000013, 0x00000014, 0x00000015, 0x00000016, 0x00000017
        .word   0x00000018, 0x00000019, 0x0000001a, 0x0000001b, 0x0000001c, 0x0000001d, 0x0000001e, 0x0000001f
        .align  5
qe4:
        .word   0xf9f8f8f8, 0xfaf9f9f9, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfbfafafa, 0xfcfbfbfb, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfdfcfcfc, 0xfefdfdfd, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfffefefe, 0x00ffffff, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x01010100, 0x02020201, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x03030302, 0x04040403, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x05050504, 0x06060605, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x07070706, 0x08080807, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa5:
        .word   0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0x00000000, 0x00000000
        .word   0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qe5:
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa6:
        .word   0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000
        .word   0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000
        .word   0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000
        .word   0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000
        .word   0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000
        .word   0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000
        .word   0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000
        .word   0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000, 0x80000000
        .align  5
qe6:
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x7f7f7f7f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa7:
        .word   0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000
        .word   0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000
        .word   0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000
        .word   0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000
        .word   0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000
        .word   0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000
        .word   0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000
        .word   0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000, 0x40000000
        .align  5
qe7:
        .word   0xfbfbfbfb, 0xfbfbfbfb, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfbfbfbfb, 0xfbfbfbfb, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfbfbfbfb, 0xfbfbfbfb, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfbfbfbfb, 0xfbfbfbfb, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfbfbfbfb, 0xfbfbfbfb, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfbfbfbfb, 0xfbfbfbfb, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfbfbfbfb, 0xfbfbfbfb, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xfbfbfbfb, 0xfbfbfbfb, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa8:
        .word   0x7fffffff, 0x80000001, 0x40000000, 0xc0000000, 0x7fffffff, 0x80000001, 0x40000000, 0xc0000000
        .word   0x7fffffff, 0x80000001, 0x40000000, 0xc0000000, 0x7fffffff, 0x80000001, 0x40000000, 0xc0000000
        .word   0x7fffffff, 0x80000001, 0x40000000, 0xc0000000, 0x7fffffff, 0x80000001, 0x40000000, 0xc0000000
        .word   0x7fffffff, 0x80000001, 0x40000000, 0xc0000000, 0x7fffffff, 0x80000001, 0x40000000, 0xc0000000
        .word   0x7fffffff, 0x80000001, 0x40000000, 0xc0000000, 0x7fffffff, 0x80000001, 0x40000000, 0xc0000000
        .word   0x7fffffff, 0x80000001, 0x40000000, 0xc0000000, 0x7fffffff, 0x80000001, 0x40000000, 0xc0000000
        .word   0x7fffffff, 0x80000001, 0x40000000, 0xc0000000, 0x7fffffff, 0x80000001, 0x40000000, 0xc0000000
        .word   0x7fffffff, 0x80000001, 0x40000000, 0xc0000000, 0x7fffffff, 0x80000001, 0x40000000, 0xc0000000
        .align  5
qe8:
        .word   0x0001ff01, 0x0001ff01, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x0001ff01, 0x0001ff01, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x0001ff01, 0x0001ff01, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x0001ff01, 0x0001ff01, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x0001ff01, 0x0001ff01, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x0001ff01, 0x0001ff01, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x0001ff01, 0x0001ff01, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x0001ff01, 0x0001ff01, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa9:
        .word   0x06912b53, 0x00001230, 0xfffffc74, 0x372c07d1, 0xfffff049, 0xbf6085b8, 0xd4c7fec4, 0xfffff1da
        .word   0x00000c06, 0x85d59e17, 0xcc31f6f5, 0x691e4499, 0x1000813f, 0x9029a5ea, 0xfffff4d7, 0x00001355
        .word   0x0000102f, 0x00000412, 0x3a999a3d, 0x6065881e, 0x147d7baa, 0xba14e1ac, 0xb8267bc5, 0x6f48f5c0
        .word   0x0d125c29, 0xf9ca9aa4, 0x00000db1, 0x7925c66f, 0x00000cbb, 0xfffff146, 0x1d32a86e, 0x000012a9
        .word   0xfffffee8, 0x00001342, 0xfffff045, 0x00000ca2, 0x00000eed, 0xdfb6479c, 0x102cc25f, 0xfffff2b5
        .word   0xa02721cf, 0x0000112f, 0x000007de, 0x0000131f, 0xffffef44, 0x00000af1, 0xfffff37c, 0x845a491d
        .word   0x61570445, 0x90e1f902, 0x3603245b, 0xeceb6355, 0x71d5d58f, 0x00001091, 0xffffeff8, 0xffffed54
        .word   0x00000137, 0x000003e3, 0x07c5617e, 0xf5ed14b4, 0xfffffdaa, 0xbfd3b6d8, 0xeb21bc8e, 0xa367dcb4
        .align  5
qe9:
        .word   0x7fa2b57f, 0x99808097, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f8080af, 0xb69b807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7fa9b3, 0x7f80807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7fb1807f, 0xb57f98b0, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xb097b6a4, 0x9a7f80b2, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0xb5acb480, 0x809aae97, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f807f, 0x9597b37f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807fa8a6, 0x808080a3, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa10:
        .word   0x00000839, 0x4157a9ab, 0x0000085e, 0x730b2fc2, 0x000012a6, 0x00000a59, 0x00001217, 0xfdd18ad8
        .word   0xbce7bb0b, 0xb22c3ad7, 0xc214cd53, 0xfffff0a6, 0x000002e9, 0x00000b9f, 0x76199d2d, 0x160fb134
        .word   0x00001382, 0xc93a2ee0, 0x1509318d, 0xa66fb1ab, 0xd09039cc, 0xfffff110, 0x5f8b073a, 0xfffff8a8
        .word   0xfffffe19, 0x6d40f4f4, 0xfffff2b6, 0x00000f26, 0xc8a14256, 0xe3a30ada, 0xfffff2a6, 0x0cd1bb08
        .word   0x0000087a, 0xa86ce62b, 0xfffff79c, 0x5bdf4736, 0xbe5c57a2, 0xb9c7d1b9, 0x07094f33, 0x5d9a44f0
        .word   0xb3ef86d1, 0xed0a34bf, 0xbd6116fb, 0xffffffb4, 0x0000043e, 0xeadad369, 0x00000d84, 0xfffffc95
        .word   0x287e9cf1, 0xffffee37, 0x00000e45, 0x137cec85, 0x000009cc, 0x00000639, 0x00001386, 0x2458925d
        .word   0x181f160a, 0x0a4af8cb, 0x00000fe3, 0x00000230, 0x0000085c, 0xd2c35872, 0x00000542, 0xd5bcf46d
        .align  5
qe10:
        .word   0x7f9d7f9d, 0x809e9d9e, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x9c808080, 0x7f7f9d9d, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f809e, 0x9d7f9d80, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x9e9d7f9d, 0x7f9d8080, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f9d809d, 0x7f7f8080, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x9d808080, 0x9d9d809d, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f9d9c7f, 0x7f9e9d9d, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x9d9e7f7f, 0x809d809d, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .align  5
qa11:
        .word   0x56315784, 0xfffff657, 0xfffff84b, 0xfffffb38, 0x5f840768, 0xffffed1e, 0xfe44f627, 0x3fe9cbc0
        .word   0x09b9563e, 0x750b17e3, 0xc89065ab, 0xffffed24, 0x92410bf2, 0x9638f294, 0xffffff41, 0xfffff770
        .word   0xf3fa2b48, 0x0000122c, 0x9bd3bc92, 0x55a271af, 0x0000088b, 0x5ce9b167, 0xf55c7a37, 0xffffef1d
        .word   0x9955b65d, 0x00000217, 0x000000ce, 0xfffffa40, 0xda161120, 0x6d49f0d0, 0x00000040, 0xffffef8d
        .word   0xef7b1253, 0xaed5ef80, 0xfffffe99, 0xffffeed8, 0xabe14ecb, 0x177d23cb, 0x7a0efdac, 0x00000385
        .word   0xfffffbdf, 0x00000052, 0x4cfb46b4, 0x000004ad, 0x000011b6, 0x88ea72bb, 0xd0c0c611, 0xffffff28
        .word   0xfffff35c, 0x810af09f, 0xffffff4f, 0xfffff587, 0xffffef05, 0xffffeefd, 0xf57ee65a, 0x2f9c0a88
        .word   0xffffedaf, 0x00000e80, 0xb28235c4, 0x00000b76, 0x8ecbd078, 0x00000d31, 0xe2328190, 0xfffff99a
        .align  5
qe11:
        .word   0x807f7f80, 0x807f8080, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x8080807f, 0x80807f80, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x807f7f80, 0x807f807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f7f, 0x807f7f80, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f807f, 0x8080807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x7f7f7f80, 0x807f7f80, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x80807f80, 0x7f7f7f80, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x80807f80, 0x8080807f, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
