# xseed/tadd_f32.S: TADD.F32: IEEE binary32 addition, RNE, subnormals kept; NaN -> 0x7fc00000 with NV
#
# Spec: SeedChip S1 v1.0 section 2 (Xseed tile extension): 2.1 state, 2.2 encodings, 2.3 CSRs, 2.4 numerics.
# Every other element is +0 + +0 = +0 and raises nothing.
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

        # test 1: 0x3f800000 + 0x40000000 = 0x40400000, xsstat 0
        li      gp, 1
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 0
        li      a1, 0x3f800000
        tput    m1, a1, a2
        li      a1, 0x40000000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x40400000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 2: 0x3f800000 + 0xbf800000 = 0x00000000, xsstat 0
        li      gp, 2
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 13
        li      a1, 0x3f800000
        tput    m1, a1, a2
        li      a1, 0xbf800000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x00000000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 3: 0x80000000 + 0x80000000 = 0x80000000, xsstat 0
        li      gp, 3
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 26
        li      a1, 0x80000000
        tput    m1, a1, a2
        li      a1, 0x80000000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x80000000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 4: 0x80000000 + 0x00000000 = 0x00000000, xsstat 0
        li      gp, 4
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 39
        li      a1, 0x80000000
        tput    m1, a1, a2
        li      a1, 0x00000000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x00000000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 5: 0x3f800000 + 0x33800000 = 0x3f800000, xsstat 0
        li      gp, 5
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 52
        li      a1, 0x3f800000
        tput    m1, a1, a2
        li      a1, 0x33800000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x3f800000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 6: 0x3f800001 + 0x33800000 = 0x3f800002, xsstat 0
        li      gp, 6
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 1
        li      a1, 0x3f800001
        tput    m1, a1, a2
        li      a1, 0x33800000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x3f800002
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 7: 0x3f800000 + 0x33800001 = 0x3f800001, xsstat 0
        li      gp, 7
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 14
        li      a1, 0x3f800000
        tput    m1, a1, a2
        li      a1, 0x33800001
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x3f800001
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 8: 0x00000001 + 0x00000001 = 0x00000002, xsstat 0
        li      gp, 8
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 27
        li      a1, 0x00000001
        tput    m1, a1, a2
        li      a1, 0x00000001
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x00000002
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 9: 0x00400000 + 0x00400000 = 0x00800000, xsstat 0
        li      gp, 9
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 40
        li      a1, 0x00400000
        tput    m1, a1, a2
        li      a1, 0x00400000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x00800000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 10: 0x80800000 + 0x00000001 = 0x807fffff, xsstat 0
        li      gp, 10
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 53
        li      a1, 0x80800000
        tput    m1, a1, a2
        li      a1, 0x00000001
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x807fffff
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 11: 0x7f7fffff + 0x7f7fffff = 0x7f800000, xsstat 0
        li      gp, 11
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 2
        li      a1, 0x7f7fffff
        tput    m1, a1, a2
        li      a1, 0x7f7fffff
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x7f800000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 12: 0xff7fffff + 0xff7fffff = 0xff800000, xsstat 0
        li      gp, 12
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 15
        li      a1, 0xff7fffff
        tput    m1, a1, a2
        li      a1, 0xff7fffff
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0xff800000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 13: 0x7f800000 + 0x3f800000 = 0x7f800000, xsstat 0
        li      gp, 13
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 28
        li      a1, 0x7f800000
        tput    m1, a1, a2
        li      a1, 0x3f800000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x7f800000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 14: 0x7f800000 + 0x7f800000 = 0x7f800000, xsstat 0
        li      gp, 14
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 41
        li      a1, 0x7f800000
        tput    m1, a1, a2
        li      a1, 0x7f800000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x7f800000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 15: 0x4b800000 + 0x3f800000 = 0x4b800000, xsstat 0
        li      gp, 15
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 54
        li      a1, 0x4b800000
        tput    m1, a1, a2
        li      a1, 0x3f800000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x4b800000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 16: 0x4b800000 + 0x40000000 = 0x4b800001, xsstat 0
        li      gp, 16
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 3
        li      a1, 0x4b800000
        tput    m1, a1, a2
        li      a1, 0x40000000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x4b800001
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 17: 0x40490fdb + 0xc0490fda = 0x34800000, xsstat 0
        li      gp, 17
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 16
        li      a1, 0x40490fdb
        tput    m1, a1, a2
        li      a1, 0xc0490fda
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x34800000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 18: 0x3fc00000 + 0x3fc00000 = 0x40400000, xsstat 0
        li      gp, 18
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 29
        li      a1, 0x3fc00000
        tput    m1, a1, a2
        li      a1, 0x3fc00000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x40400000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 19: 0xc2c80000 + 0x42c80000 = 0x00000000, xsstat 0
        li      gp, 19
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 42
        li      a1, 0xc2c80000
        tput    m1, a1, a2
        li      a1, 0x42c80000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x00000000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 20: 0x7fc00001 + 0x3f800000 = 0x7fc00000, xsstat 2
        li      gp, 20
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 55
        li      a1, 0x7fc00001
        tput    m1, a1, a2
        li      a1, 0x3f800000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x7fc00000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 21: 0x3f800000 + 0xffc00000 = 0x7fc00000, xsstat 2
        li      gp, 21
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 4
        li      a1, 0x3f800000
        tput    m1, a1, a2
        li      a1, 0xffc00000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x7fc00000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 22: 0x7f800001 + 0x00000000 = 0x7fc00000, xsstat 2
        li      gp, 22
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 17
        li      a1, 0x7f800001
        tput    m1, a1, a2
        li      a1, 0x00000000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x7fc00000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 23: 0x7f800000 + 0xff800000 = 0x7fc00000, xsstat 2
        li      gp, 23
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 30
        li      a1, 0x7f800000
        tput    m1, a1, a2
        li      a1, 0xff800000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x7fc00000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 24: 0xff800000 + 0x7f800000 = 0x7fc00000, xsstat 2
        li      gp, 24
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 43
        li      a1, 0xff800000
        tput    m1, a1, a2
        li      a1, 0x7f800000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x7fc00000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 25: 0x7fc00000 + 0x7fc00000 = 0x7fc00000, xsstat 2
        li      gp, 25
        csrw    xsstat, zero
        tzero   m1
        tzero   m2
        li      a2, 56
        li      a1, 0x7fc00000
        tput    m1, a1, a2
        li      a1, 0x7fc00000
        tput    m2, a1, a2
        tadd.f32 m3, m1, m2
        tget    a0, m3, a2
        li      t2, 0x7fc00000
        bne     a0, t2, fail
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail
        addi    a2, a2, 1
        tget    a0, m3, a2
        li      t2, 0
        bne     a0, t2, fail

        # test 26: NV is sticky across later instructions until a CSR write clears it
        li      gp, 26
        csrw    xsstat, zero
        tzero   m1
        li      a1, 0x7fc00000
        tput    m1, a1, zero
        tadd.f32 m3, m1, m1             # NaN: NV
        tzero   m1
        tadd.f32 m3, m1, m1             # clean: NV stays
        tadd.i32 m3, m1, m1
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail
        csrw    xsstat, zero
        csrr    a0, xsstat
        li      t2, 0
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
