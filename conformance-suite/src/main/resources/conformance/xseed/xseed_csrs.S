# xseed/xseed_csrs.S: Xseed CSRs: reset 0, xsstat bits 1:0 sticky for instructions and replaced by CSR writes, xsqshift/xsqzp WARL clamps, 32-bit xsqmul and scales
#
# Spec: SeedChip S1 v1.2 section 2 (Xseed tile extension): 2.1 state, 2.2 encodings, 2.3 CSRs, 2.4 numerics.
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

        # test 1: all Xseed CSRs reset to 0
        li      gp, 1
        li      a0, 5
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail
        li      a0, 5
        csrr    a0, xsqmul
        li      t2, 0
        bne     a0, t2, fail
        li      a0, 5
        csrr    a0, xsqshift
        li      t2, 0
        bne     a0, t2, fail
        li      a0, 5
        csrr    a0, xsqzp
        li      t2, 0
        bne     a0, t2, fail
        li      a0, 5
        csrr    a0, xsascl0
        li      t2, 0
        bne     a0, t2, fail
        li      a0, 5
        csrr    a0, xsascl1
        li      t2, 0
        bne     a0, t2, fail
        li      a0, 5
        csrr    a0, xsbscl0
        li      t2, 0
        bne     a0, t2, fail
        li      a0, 5
        csrr    a0, xsbscl1
        li      t2, 0
        bne     a0, t2, fail

        # test 2: xsstat written 0xffffffff reads 3
        li      gp, 2
        li      a1, 0xffffffff
        csrw    xsstat, a1
        csrr    a0, xsstat
        li      t2, 3
        bne     a0, t2, fail

        # test 3: xsstat written 0x000000fc reads 0
        li      gp, 3
        li      a1, 0x000000fc
        csrw    xsstat, a1
        csrr    a0, xsstat
        li      t2, 0
        bne     a0, t2, fail

        # test 4: xsstat written 0x00000002 reads 2
        li      gp, 4
        li      a1, 0x00000002
        csrw    xsstat, a1
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail

        # test 5: xsstat written 0x00000001 reads 1
        li      gp, 5
        li      a1, 0x00000001
        csrw    xsstat, a1
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail

        # test 6: xsstat written 0x80000003 reads 3
        li      gp, 6
        li      a1, 0x80000003
        csrw    xsstat, a1
        csrr    a0, xsstat
        li      t2, 3
        bne     a0, t2, fail

        # test 7: csrsi/csrci set and clear xsstat bits
        li      gp, 7
        csrw    xsstat, zero
        csrsi   xsstat, 1
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail
        csrsi   xsstat, 6
        csrr    a0, xsstat
        li      t2, 3
        bne     a0, t2, fail
        csrci   xsstat, 1
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail

        # test 8: xsqmul holds 0x80ff7f01
        li      gp, 8
        li      a1, 0x80ff7f01
        csrw    xsqmul, a1
        csrr    a0, xsqmul
        li      t2, 0x80ff7f01
        bne     a0, t2, fail

        # test 9: xsqmul holds 0xffffffff
        li      gp, 9
        li      a1, 0xffffffff
        csrw    xsqmul, a1
        csrr    a0, xsqmul
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 10: xsascl0 holds 0x80ff7f01
        li      gp, 10
        li      a1, 0x80ff7f01
        csrw    xsascl0, a1
        csrr    a0, xsascl0
        li      t2, 0x80ff7f01
        bne     a0, t2, fail

        # test 11: xsascl0 holds 0xffffffff
        li      gp, 11
        li      a1, 0xffffffff
        csrw    xsascl0, a1
        csrr    a0, xsascl0
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 12: xsascl1 holds 0x80ff7f01
        li      gp, 12
        li      a1, 0x80ff7f01
        csrw    xsascl1, a1
        csrr    a0, xsascl1
        li      t2, 0x80ff7f01
        bne     a0, t2, fail

        # test 13: xsascl1 holds 0xffffffff
        li      gp, 13
        li      a1, 0xffffffff
        csrw    xsascl1, a1
        csrr    a0, xsascl1
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 14: xsbscl0 holds 0x80ff7f01
        li      gp, 14
        li      a1, 0x80ff7f01
        csrw    xsbscl0, a1
        csrr    a0, xsbscl0
        li      t2, 0x80ff7f01
        bne     a0, t2, fail

        # test 15: xsbscl0 holds 0xffffffff
        li      gp, 15
        li      a1, 0xffffffff
        csrw    xsbscl0, a1
        csrr    a0, xsbscl0
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 16: xsbscl1 holds 0x80ff7f01
        li      gp, 16
        li      a1, 0x80ff7f01
        csrw    xsbscl1, a1
        csrr    a0, xsbscl1
        li      t2, 0x80ff7f01
        bne     a0, t2, fail

        # test 17: xsbscl1 holds 0xffffffff
        li      gp, 17
        li      a1, 0xffffffff
        csrw    xsbscl1, a1
        csrr    a0, xsbscl1
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 18: xsqshift written 0 reads 0
        li      gp, 18
        li      a1, 0x00000000
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, 0
        bne     a0, t2, fail

        # test 19: xsqshift written 30 reads 30
        li      gp, 19
        li      a1, 0x0000001e
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, 30
        bne     a0, t2, fail

        # test 20: xsqshift written 31 reads 30
        li      gp, 20
        li      a1, 0x0000001f
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, 30
        bne     a0, t2, fail

        # test 21: xsqshift written 100 reads 30
        li      gp, 21
        li      a1, 0x00000064
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, 30
        bne     a0, t2, fail

        # test 22: xsqshift written 2147483647 reads 30
        li      gp, 22
        li      a1, 0x7fffffff
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, 30
        bne     a0, t2, fail

        # test 23: xsqshift written -31 reads -31
        li      gp, 23
        li      a1, 0xffffffe1
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, -31
        bne     a0, t2, fail

        # test 24: xsqshift written -32 reads -31
        li      gp, 24
        li      a1, 0xffffffe0
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, -31
        bne     a0, t2, fail

        # test 25: xsqshift written -2147483648 reads -31
        li      gp, 25
        li      a1, 0x80000000
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, -31
        bne     a0, t2, fail

        # test 26: xsqshift written -1 reads -1
        li      gp, 26
        li      a1, 0xffffffff
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, -1
        bne     a0, t2, fail

        # test 27: xsqshift written 7 reads 7
        li      gp, 27
        li      a1, 0x00000007
        csrw    xsqshift, a1
        csrr    a0, xsqshift
        li      t2, 7
        bne     a0, t2, fail

        # test 28: xsqzp written 0 reads 0
        li      gp, 28
        li      a1, 0x00000000
        csrw    xsqzp, a1
        csrr    a0, xsqzp
        li      t2, 0
        bne     a0, t2, fail

        # test 29: xsqzp written 127 reads 127
        li      gp, 29
        li      a1, 0x0000007f
        csrw    xsqzp, a1
        csrr    a0, xsqzp
        li      t2, 127
        bne     a0, t2, fail

        # test 30: xsqzp written 128 reads 127
        li      gp, 30
        li      a1, 0x00000080
        csrw    xsqzp, a1
        csrr    a0, xsqzp
        li      t2, 127
        bne     a0, t2, fail

        # test 31: xsqzp written 255 reads 127
        li      gp, 31
        li      a1, 0x000000ff
        csrw    xsqzp, a1
        csrr    a0, xsqzp
        li      t2, 127
        bne     a0, t2, fail

        # test 32: xsqzp written 2147483647 reads 127
        li      gp, 32
        li      a1, 0x7fffffff
        csrw    xsqzp, a1
        csrr    a0, xsqzp
        li      t2, 127
        bne     a0, t2, fail

        # test 33: xsqzp written -128 reads -128
        li      gp, 33
        li      a1, 0xffffff80
        csrw    xsqzp, a1
        csrr    a0, xsqzp
        li      t2, -128
        bne     a0, t2, fail

        # test 34: xsqzp written -129 reads -128
        li      gp, 34
        li      a1, 0xffffff7f
        csrw    xsqzp, a1
        csrr    a0, xsqzp
        li      t2, -128
        bne     a0, t2, fail

        # test 35: xsqzp written -2147483648 reads -128
        li      gp, 35
        li      a1, 0x80000000
        csrw    xsqzp, a1
        csrr    a0, xsqzp
        li      t2, -128
        bne     a0, t2, fail

        # test 36: xsqzp written -1 reads -1
        li      gp, 36
        li      a1, 0xffffffff
        csrw    xsqzp, a1
        csrr    a0, xsqzp
        li      t2, -1
        bne     a0, t2, fail

        # test 37: clamps apply to the value computed by csrrs/csrrc/csrrsi/csrrci
        li      gp, 37
        li      a1, 5
        csrw    xsqshift, a1
        li      a2, 0x80000000
        csrrs   a0, xsqshift, a2        # 0x80000005 is negative: -31
        csrr    a3, xsqshift
        li      t2, -31
        bne     a3, t2, fail
        li      a4, 0xffffff00
        csrrc   zero, xsqshift, a4      # 0xffffffe1 & 0xff = 225: 30
        csrr    a3, xsqshift
        li      t2, 30
        bne     a3, t2, fail
        csrrwi  zero, xsqzp, 31
        li      a4, 0x7fffff00
        csrrs   zero, xsqzp, a4         # 0x7fffff1f: 127
        csrr    a3, xsqzp
        li      t2, 127
        bne     a3, t2, fail
        csrrci  zero, xsqzp, 31         # 127 & ~31 = 96
        csrr    a3, xsqzp
        li      t2, 96
        bne     a3, t2, fail

        # test 38: instruction flags are sticky: NV then SAT accumulate, other ops keep them, a CSR write clears
        li      gp, 38
        csrw    xsstat, zero
        tzero   m1
        li      a1, 0x7fc00000
        tput    m1, a1, zero
        tadd.f32 m2, m1, m1             # NV
        tzero   m1
        tadd.f32 m2, m1, m1             # nothing new
        csrr    a0, xsstat
        li      t2, 2
        bne     a0, t2, fail
        li      a1, 0x40000000
        csrw    xsqmul, a1
        li      a1, 1
        csrw    xsqshift, a1
        csrw    xsqzp, zero
        li      a1, 1000
        tput    m1, a1, zero
        tquant.i8 m2, m1                # SAT
        csrr    a0, xsstat
        li      t2, 3
        bne     a0, t2, fail
        tzero   m3
        tadd.i32 m3, m3, m3
        tget    a1, m3, zero
        csrr    a0, xsstat
        li      t2, 3
        bne     a0, t2, fail
        csrci   xsstat, 2
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail

        # test 39: a CSR write replaces bits 1:0 (v1.2): software sets a flag no instruction raised and clears
        #          one an instruction raised; instructions only add their own flags
        li      gp, 39
        csrw    xsstat, zero
        tzero   m1
        li      a1, 0x7fc00000
        tput    m1, a1, zero
        tadd.f32 m2, m1, m1             # NV
        csrwi   xsstat, 1               # replaces {NV} by {SAT}
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail
        tzero   m3
        tadd.i32 m3, m3, m3             # raises nothing: the written SAT stays
        csrr    a0, xsstat
        li      t2, 1
        bne     a0, t2, fail
        tadd.f32 m2, m1, m1             # NV again: added to the written SAT
        csrr    a0, xsstat
        li      t2, 3
        bne     a0, t2, fail
        li      a1, 0xfffffffe
        csrw    xsstat, a1              # bits 1:0 = 10: SAT cleared, NV kept; other bits read 0
        csrr    a0, xsstat
        li      t2, 2
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
