# xseed/tcvt_e4m3.S: TCVT.E4M3: RNE onto the E4M3 grid; > 448 and +-inf saturate (SAT); NaN -> 0x7f (NV)
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

        # test 1: to_e4m3(0x3f800000) = 0x38, xsstat 0
        li      gp, 1
        csrw    xsstat, zero
        tzero   m1
        li      a2, 0
        li      a1, 0x3f800000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 0(a0)
        li      t2, 0x38
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 2: to_e4m3(0xc0000000) = 0xc0, xsstat 0
        li      gp, 2
        csrw    xsstat, zero
        tzero   m1
        li      a2, 11
        li      a1, 0xc0000000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 35(a0)
        li      t2, 0xc0
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 3: to_e4m3(0x00000000) = 0x00, xsstat 0
        li      gp, 3
        csrw    xsstat, zero
        tzero   m1
        li      a2, 22
        li      a1, 0x00000000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 70(a0)
        li      t2, 0x00
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 4: to_e4m3(0x80000000) = 0x80, xsstat 0
        li      gp, 4
        csrw    xsstat, zero
        tzero   m1
        li      a2, 33
        li      a1, 0x80000000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 129(a0)
        li      t2, 0x80
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 5: to_e4m3(0x43e00000) = 0x7e, xsstat 0
        li      gp, 5
        csrw    xsstat, zero
        tzero   m1
        li      a2, 44
        li      a1, 0x43e00000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 164(a0)
        li      t2, 0x7e
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 6: to_e4m3(0xc3e00000) = 0xfe, xsstat 0
        li      gp, 6
        csrw    xsstat, zero
        tzero   m1
        li      a2, 55
        li      a1, 0xc3e00000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 199(a0)
        li      t2, 0xfe
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 7: to_e4m3(0x43e80000) = 0x7e, xsstat 0
        li      gp, 7
        csrw    xsstat, zero
        tzero   m1
        li      a2, 2
        li      a1, 0x43e80000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 2(a0)
        li      t2, 0x7e
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 8: to_e4m3(0x43e80001) = 0x7e, xsstat 1
        li      gp, 8
        csrw    xsstat, zero
        tzero   m1
        li      a2, 13
        li      a1, 0x43e80001
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 37(a0)
        li      t2, 0x7e
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 1
        bne     a3, t2, fail

        # test 9: to_e4m3(0x43fa0000) = 0x7e, xsstat 1
        li      gp, 9
        csrw    xsstat, zero
        tzero   m1
        li      a2, 24
        li      a1, 0x43fa0000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 96(a0)
        li      t2, 0x7e
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 1
        bne     a3, t2, fail

        # test 10: to_e4m3(0x47000000) = 0x7e, xsstat 1
        li      gp, 10
        csrw    xsstat, zero
        tzero   m1
        li      a2, 35
        li      a1, 0x47000000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 131(a0)
        li      t2, 0x7e
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 1
        bne     a3, t2, fail

        # test 11: to_e4m3(0xc3fa0000) = 0xfe, xsstat 1
        li      gp, 11
        csrw    xsstat, zero
        tzero   m1
        li      a2, 46
        li      a1, 0xc3fa0000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 166(a0)
        li      t2, 0xfe
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 1
        bne     a3, t2, fail

        # test 12: to_e4m3(0x7f800000) = 0x7e, xsstat 1
        li      gp, 12
        csrw    xsstat, zero
        tzero   m1
        li      a2, 57
        li      a1, 0x7f800000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 225(a0)
        li      t2, 0x7e
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 1
        bne     a3, t2, fail

        # test 13: to_e4m3(0xff800000) = 0xfe, xsstat 1
        li      gp, 13
        csrw    xsstat, zero
        tzero   m1
        li      a2, 4
        li      a1, 0xff800000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 4(a0)
        li      t2, 0xfe
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 1
        bne     a3, t2, fail

        # test 14: to_e4m3(0x7fc00000) = 0x7f, xsstat 2
        li      gp, 14
        csrw    xsstat, zero
        tzero   m1
        li      a2, 15
        li      a1, 0x7fc00000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 39(a0)
        li      t2, 0x7f
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 2
        bne     a3, t2, fail

        # test 15: to_e4m3(0xffc00001) = 0x7f, xsstat 2
        li      gp, 15
        csrw    xsstat, zero
        tzero   m1
        li      a2, 26
        li      a1, 0xffc00001
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 98(a0)
        li      t2, 0x7f
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 2
        bne     a3, t2, fail

        # test 16: to_e4m3(0x7f800001) = 0x7f, xsstat 2
        li      gp, 16
        csrw    xsstat, zero
        tzero   m1
        li      a2, 37
        li      a1, 0x7f800001
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 133(a0)
        li      t2, 0x7f
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 2
        bne     a3, t2, fail

        # test 17: to_e4m3(0x3b000000) = 0x01, xsstat 0
        li      gp, 17
        csrw    xsstat, zero
        tzero   m1
        li      a2, 48
        li      a1, 0x3b000000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 192(a0)
        li      t2, 0x01
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 18: to_e4m3(0x3a800000) = 0x00, xsstat 0
        li      gp, 18
        csrw    xsstat, zero
        tzero   m1
        li      a2, 59
        li      a1, 0x3a800000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 227(a0)
        li      t2, 0x00
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 19: to_e4m3(0xba800000) = 0x80, xsstat 0
        li      gp, 19
        csrw    xsstat, zero
        tzero   m1
        li      a2, 6
        li      a1, 0xba800000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 6(a0)
        li      t2, 0x80
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 20: to_e4m3(0x3ac00000) = 0x01, xsstat 0
        li      gp, 20
        csrw    xsstat, zero
        tzero   m1
        li      a2, 17
        li      a1, 0x3ac00000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 65(a0)
        li      t2, 0x01
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 21: to_e4m3(0x3a7fffff) = 0x00, xsstat 0
        li      gp, 21
        csrw    xsstat, zero
        tzero   m1
        li      a2, 28
        li      a1, 0x3a7fffff
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 100(a0)
        li      t2, 0x00
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 22: to_e4m3(0x3c800000) = 0x08, xsstat 0
        li      gp, 22
        csrw    xsstat, zero
        tzero   m1
        li      a2, 39
        li      a1, 0x3c800000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 135(a0)
        li      t2, 0x08
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 23: to_e4m3(0x3c700000) = 0x08, xsstat 0
        li      gp, 23
        csrw    xsstat, zero
        tzero   m1
        li      a2, 50
        li      a1, 0x3c700000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 194(a0)
        li      t2, 0x08
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 24: to_e4m3(0x3f880000) = 0x38, xsstat 0
        li      gp, 24
        csrw    xsstat, zero
        tzero   m1
        li      a2, 61
        li      a1, 0x3f880000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 229(a0)
        li      t2, 0x38
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 25: to_e4m3(0x3f980000) = 0x3a, xsstat 0
        li      gp, 25
        csrw    xsstat, zero
        tzero   m1
        li      a2, 8
        li      a1, 0x3f980000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 32(a0)
        li      t2, 0x3a
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 26: to_e4m3(0x3f900000) = 0x39, xsstat 0
        li      gp, 26
        csrw    xsstat, zero
        tzero   m1
        li      a2, 19
        li      a1, 0x3f900000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 67(a0)
        li      t2, 0x39
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 27: to_e4m3(0x00000001) = 0x00, xsstat 0
        li      gp, 27
        csrw    xsstat, zero
        tzero   m1
        li      a2, 30
        li      a1, 0x00000001
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 102(a0)
        li      t2, 0x00
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 28: to_e4m3(0x43dfffff) = 0x7e, xsstat 0
        li      gp, 28
        csrw    xsstat, zero
        tzero   m1
        li      a2, 41
        li      a1, 0x43dfffff
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 161(a0)
        li      t2, 0x7e
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 29: to_e4m3(0x3bc00000) = 0x03, xsstat 0
        li      gp, 29
        csrw    xsstat, zero
        tzero   m1
        li      a2, 52
        li      a1, 0x3bc00000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 196(a0)
        li      t2, 0x03
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 30: to_e4m3(0x7f7fffff) = 0x7e, xsstat 1
        li      gp, 30
        csrw    xsstat, zero
        tzero   m1
        li      a2, 63
        li      a1, 0x7f7fffff
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 231(a0)
        li      t2, 0x7e
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 1
        bne     a3, t2, fail

        # test 31: to_e4m3(0x3e000000) = 0x20, xsstat 0
        li      gp, 31
        csrw    xsstat, zero
        tzero   m1
        li      a2, 10
        li      a1, 0x3e000000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 34(a0)
        li      t2, 0x20
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 32: to_e4m3(0xbf700000) = 0xb7, xsstat 0
        li      gp, 32
        csrw    xsstat, zero
        tzero   m1
        li      a2, 21
        li      a1, 0xbf700000
        tput    m1, a1, a2
        tcvt.e4m3 m2, m1
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        lbu     a3, 69(a0)
        li      t2, 0xb7
        bne     a3, t2, fail
        csrr    a3, xsstat
        li      t2, 0
        bne     a3, t2, fail

        # test 33: element [i][j] goes to byte 32i + j; bytes 8..31 of every row become 0
        li      gp, 33
        la      a0, scratch
        li      a1, 64
        li      a2, 0xffffffff
        li      a3, 0
        call    fill_words
        la      a0, scratch
        li      a1, 32
        tld     m2, (a0), a1
        la      a0, vals
        li      a1, 32
        tld     m1, (a0), a1
        tcvt.e4m3 m2, m1
        li      a4, 0
        tget    a5, m2, a4
        li      t2, 0x48444038
        bne     a5, t2, fail
        li      a4, 2
        tget    a5, m2, a4
        li      t2, 0x00000000
        bne     a5, t2, fail
        la      a0, out
        li      a1, 32
        tst     m2, (a0), a1
        la      a0, out
        la      a1, exp
        li      a2, 64
        call    check_words

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
vals:
        .word   0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000
        .word   0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000
        .word   0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000
        .word   0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000
        .word   0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000
        .word   0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000
        .word   0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000
        .word   0x3f800000, 0x40000000, 0x40400000, 0x40800000, 0x40a00000, 0x40c00000, 0x40e00000, 0x41000000
        .align  5
exp:
        .word   0x48444038, 0x504e4c4a, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x48444038, 0x504e4c4a, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x48444038, 0x504e4c4a, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x48444038, 0x504e4c4a, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x48444038, 0x504e4c4a, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x48444038, 0x504e4c4a, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x48444038, 0x504e4c4a, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
        .word   0x48444038, 0x504e4c4a, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
