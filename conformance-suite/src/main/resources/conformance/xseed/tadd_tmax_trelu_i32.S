# xseed/tadd_tmax_trelu_i32.S: TADD.I32 (wrapping), TMAX.I32 (signed), TRELU.I32 (max(x, 0)), elementwise
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

        # test 1: tadd.i32 wraps elementwise
        li      gp, 1
        la      a0, ta
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, tb
        li      a1, 32
        tld     m2, (a0), a1
        tadd.i32 m3, m1, m2
        li      a4, 19
        tget    a5, m3, a4
        li      t2, 0xbfffffff
        bne     a5, t2, fail
        la      a0, out
        li      a1, 32
        tst     m3, (a0), a1
        la      a0, out
        la      a1, add
        li      a2, 64
        call    check_words

        # test 2: tmax.i32 compares signed
        li      gp, 2
        la      a0, ta
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, tb
        li      a1, 32
        tld     m2, (a0), a1
        tmax.i32 m3, m1, m2
        li      a4, 2
        tget    a5, m3, a4
        li      t2, 0x7fffffff
        bne     a5, t2, fail
        la      a0, out
        li      a1, 32
        tst     m3, (a0), a1
        la      a0, out
        la      a1, mx
        li      a2, 64
        call    check_words

        # test 3: trelu.i32 keeps positives and zeroes negatives
        li      gp, 3
        la      a0, ta
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, tb
        li      a1, 32
        tld     m2, (a0), a1
        trelu.i32 m3, m1
        li      a4, 4
        tget    a5, m3, a4
        li      t2, 0x00000000
        bne     a5, t2, fail
        li      a4, 3
        tget    a5, m3, a4
        li      t2, 0x7fffffff
        bne     a5, t2, fail
        la      a0, out
        li      a1, 32
        tst     m3, (a0), a1
        la      a0, out
        la      a1, relu
        li      a2, 64
        call    check_words

        # test 4: tadd.i32 with A = B doubles
        li      gp, 4
        la      a0, ta
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, tb
        li      a1, 32
        tld     m2, (a0), a1
        tadd.i32 m3, m1, m1
        li      a4, 3
        tget    a5, m3, a4
        li      t2, 0xfffffffe
        bne     a5, t2, fail
        la      a0, out
        li      a1, 32
        tst     m3, (a0), a1
        la      a0, out
        la      a1, dbl
        li      a2, 64
        call    check_words

        # test 5: the operands are unchanged
        li      gp, 5
        la      a0, ta
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, tb
        li      a1, 32
        tld     m2, (a0), a1
        tadd.i32 m3, m1, m2
        tmax.i32 m4, m1, m2
        li      a4, 3
        tget    a5, m1, a4
        li      t2, 0x7fffffff
        bne     a5, t2, fail
        li      a4, 3
        tget    a5, m2, a4
        li      t2, 0x80000000
        bne     a5, t2, fail
        la      a0, out
        li      a1, 32
        tst     m1, (a0), a1
        la      a0, out
        la      a1, ta
        li      a2, 64
        call    check_words
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, tb
        li      a2, 64
        call    check_words

        # test 6: integer tile ops raise no flags
        li      gp, 6
        csrw    xsstat, zero
        la      a0, ta
        li      a1, 32
        tld     m1, (a0), a1
        la      a0, tb
        li      a1, 32
        tld     m2, (a0), a1
        tadd.i32 m3, m1, m2
        tmax.i32 m3, m1, m2
        trelu.i32 m3, m1
        tmma.i8 m3, m1, m2
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail

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
ta:
        .word   0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x12345678, 0xedcba988, 0x00000064
        .word   0xffffff9c, 0x40000000, 0xc0000000, 0x00000005, 0xfffffffb, 0x7ffffffe, 0x80000001, 0x55555555
        .word   0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x12345678, 0xedcba988, 0x00000064
        .word   0xffffff9c, 0x40000000, 0xc0000000, 0x00000005, 0xfffffffb, 0x7ffffffe, 0x80000001, 0x55555555
        .word   0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x12345678, 0xedcba988, 0x00000064
        .word   0xffffff9c, 0x40000000, 0xc0000000, 0x00000005, 0xfffffffb, 0x7ffffffe, 0x80000001, 0x55555555
        .word   0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x12345678, 0xedcba988, 0x00000064
        .word   0xffffff9c, 0x40000000, 0xc0000000, 0x00000005, 0xfffffffb, 0x7ffffffe, 0x80000001, 0x55555555
        .align  5
tb:
        .word   0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x12345678, 0xedcba988, 0x00000064, 0xffffff9c
        .word   0x40000000, 0xc0000000, 0x00000005, 0xfffffffb, 0x7ffffffe, 0x80000001, 0x55555555, 0x00000000
        .word   0xedcba988, 0x00000064, 0xffffff9c, 0x40000000, 0xc0000000, 0x00000005, 0xfffffffb, 0x7ffffffe
        .word   0x80000001, 0x55555555, 0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x12345678
        .word   0x00000005, 0xfffffffb, 0x7ffffffe, 0x80000001, 0x55555555, 0x00000000, 0x00000001, 0xffffffff
        .word   0x7fffffff, 0x80000000, 0x12345678, 0xedcba988, 0x00000064, 0xffffff9c, 0x40000000, 0xc0000000
        .word   0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x12345678, 0xedcba988, 0x00000064
        .word   0xffffff9c, 0x40000000, 0xc0000000, 0x00000005, 0xfffffffb, 0x7ffffffe, 0x80000001, 0x55555555
        .align  5
add:
        .word   0x00000001, 0x00000000, 0x7ffffffe, 0xffffffff, 0x92345678, 0x00000000, 0xedcba9ec, 0x00000000
        .word   0x3fffff9c, 0x00000000, 0xc0000005, 0x00000000, 0x7ffffff9, 0xffffffff, 0xd5555556, 0x55555555
        .word   0xedcba988, 0x00000065, 0xffffff9b, 0xbfffffff, 0x40000000, 0x1234567d, 0xedcba983, 0x80000062
        .word   0x7fffff9d, 0x95555555, 0xc0000000, 0x00000006, 0xfffffffa, 0xfffffffd, 0x00000001, 0x6789abcd
        .word   0x00000005, 0xfffffffc, 0x7ffffffd, 0x00000000, 0xd5555555, 0x12345678, 0xedcba989, 0x00000063
        .word   0x7fffff9b, 0xc0000000, 0xd2345678, 0xedcba98d, 0x0000005f, 0x7fffff9a, 0xc0000001, 0x15555555
        .word   0x00000000, 0x00000002, 0xfffffffe, 0xfffffffe, 0x00000000, 0x2468acf0, 0xdb975310, 0x000000c8
        .word   0xffffff38, 0x80000000, 0x80000000, 0x0000000a, 0xfffffff6, 0xfffffffc, 0x00000002, 0xaaaaaaaa
        .align  5
mx:
        .word   0x00000001, 0x00000001, 0x7fffffff, 0x7fffffff, 0x12345678, 0x12345678, 0x00000064, 0x00000064
        .word   0x40000000, 0x40000000, 0x00000005, 0x00000005, 0x7ffffffe, 0x7ffffffe, 0x55555555, 0x55555555
        .word   0x00000000, 0x00000064, 0xffffffff, 0x7fffffff, 0xc0000000, 0x12345678, 0xfffffffb, 0x7ffffffe
        .word   0xffffff9c, 0x55555555, 0x00000000, 0x00000005, 0xffffffff, 0x7fffffff, 0x80000001, 0x55555555
        .word   0x00000005, 0x00000001, 0x7ffffffe, 0x7fffffff, 0x55555555, 0x12345678, 0x00000001, 0x00000064
        .word   0x7fffffff, 0x40000000, 0x12345678, 0x00000005, 0x00000064, 0x7ffffffe, 0x40000000, 0x55555555
        .word   0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x12345678, 0xedcba988, 0x00000064
        .word   0xffffff9c, 0x40000000, 0xc0000000, 0x00000005, 0xfffffffb, 0x7ffffffe, 0x80000001, 0x55555555
        .align  5
relu:
        .word   0x00000000, 0x00000001, 0x00000000, 0x7fffffff, 0x00000000, 0x12345678, 0x00000000, 0x00000064
        .word   0x00000000, 0x40000000, 0x00000000, 0x00000005, 0x00000000, 0x7ffffffe, 0x00000000, 0x55555555
        .word   0x00000000, 0x00000001, 0x00000000, 0x7fffffff, 0x00000000, 0x12345678, 0x00000000, 0x00000064
        .word   0x00000000, 0x40000000, 0x00000000, 0x00000005, 0x00000000, 0x7ffffffe, 0x00000000, 0x55555555
        .word   0x00000000, 0x00000001, 0x00000000, 0x7fffffff, 0x00000000, 0x12345678, 0x00000000, 0x00000064
        .word   0x00000000, 0x40000000, 0x00000000, 0x00000005, 0x00000000, 0x7ffffffe, 0x00000000, 0x55555555
        .word   0x00000000, 0x00000001, 0x00000000, 0x7fffffff, 0x00000000, 0x12345678, 0x00000000, 0x00000064
        .word   0x00000000, 0x40000000, 0x00000000, 0x00000005, 0x00000000, 0x7ffffffe, 0x00000000, 0x55555555
        .align  5
dbl:
        .word   0x00000000, 0x00000002, 0xfffffffe, 0xfffffffe, 0x00000000, 0x2468acf0, 0xdb975310, 0x000000c8
        .word   0xffffff38, 0x80000000, 0x80000000, 0x0000000a, 0xfffffff6, 0xfffffffc, 0x00000002, 0xaaaaaaaa
        .word   0x00000000, 0x00000002, 0xfffffffe, 0xfffffffe, 0x00000000, 0x2468acf0, 0xdb975310, 0x000000c8
        .word   0xffffff38, 0x80000000, 0x80000000, 0x0000000a, 0xfffffff6, 0xfffffffc, 0x00000002, 0xaaaaaaaa
        .word   0x00000000, 0x00000002, 0xfffffffe, 0xfffffffe, 0x00000000, 0x2468acf0, 0xdb975310, 0x000000c8
        .word   0xffffff38, 0x80000000, 0x80000000, 0x0000000a, 0xfffffff6, 0xfffffffc, 0x00000002, 0xaaaaaaaa
        .word   0x00000000, 0x00000002, 0xfffffffe, 0xfffffffe, 0x00000000, 0x2468acf0, 0xdb975310, 0x000000c8
        .word   0xffffff38, 0x80000000, 0x80000000, 0x0000000a, 0xfffffff6, 0xfffffffc, 0x00000002, 0xaaaaaaaa
