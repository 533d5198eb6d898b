# xseed/xseed_illegal.S: Xseed illegal encodings: tile operand >= 8, reserved fields non-zero, undefined funct3/funct7
#
# Spec: SeedChip S1 v1.0 section 2 (Xseed tile extension): 2.1 state, 2.2 encodings, 2.3 CSRs, 2.4 numerics.
# An illegal instruction traps with cause 2, mtval = the word, and changes nothing.
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
        la      t0, handler
        csrw    mtvec, t0

        # set-up: m1 word 0 = 0x1234, a1 -> buf (zeros), a2 = 32
        li      a0, 0x1234
        tput    m1, a0, zero
        la      a1, buf
        li      a2, 32

        # test 1: tld with tile 8
        li      gp, 1
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00c5840b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00c5840b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 2: tst with tile 31
        li      gp, 2
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x02c58f8b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x02c58f8b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 3: tstn with tile 9
        li      gp, 3
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x04c5848b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x04c5848b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 4: tzero m8
        li      gp, 4
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000140b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000140b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 5: tmma.i8 D = 8
        li      gp, 5
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0210140b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0210140b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 6: tmma.i8 A = 8
        li      gp, 6
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0214110b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0214110b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 7: tmma.i8 B = 8
        li      gp, 7
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0280110b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0280110b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 8: tmma.e4m3 B = 16
        li      gp, 8
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0500110b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0500110b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 9: tadd.i32 A = 15
        li      gp, 9
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0617910b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0617910b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 10: tmax.i32 D = 12
        li      gp, 10
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0810160b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0810160b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 11: trelu.i32 A = 8
        li      gp, 11
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0a04108b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0a04108b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 12: tadd.f32 B = 31
        li      gp, 12
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0df0108b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0df0108b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 13: tquant.i8 D = 8
        li      gp, 13
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000240b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000240b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 14: tcvt.e4m3 A = 8
        li      gp, 14
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0204208b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0204208b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 15: tget A = 8
        li      gp, 15
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00c4350b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00c4350b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 16: tput D = 8
        li      gp, 16
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x02c5b40b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x02c5b40b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 17: tzero with rs1 = 1
        li      gp, 17
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000908b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000908b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 18: tzero with rs2 = 1
        li      gp, 18
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0010108b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0010108b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 19: trelu.i32 with rs2 = 1
        li      gp, 19
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0a10108b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0a10108b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 20: tquant.i8 with rs2 = 2
        li      gp, 20
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0020208b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0020208b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 21: tcvt.e4m3 with rs2 = 4
        li      gp, 21
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0240208b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0240208b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 22: funct3 000 funct7 0000011
        li      gp, 22
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x06c5808b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x06c5808b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 23: funct3 000 funct7 1000000
        li      gp, 23
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x80c5808b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x80c5808b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 24: funct3 001 funct7 0000111
        li      gp, 24
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0e10110b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0e10110b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 25: funct3 001 funct7 1111111
        li      gp, 25
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0xfe10110b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xfe10110b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 26: funct3 010 funct7 0000010
        li      gp, 26
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0400208b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0400208b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 27: funct3 011 funct7 0000010
        li      gp, 27
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x04c0308b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x04c0308b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 28: funct3 4
        li      gp, 28
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000408b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000408b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 29: funct3 5
        li      gp, 29
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000508b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000508b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 30: funct3 6
        li      gp, 30
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000608b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000608b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 31: funct3 7
        li      gp, 31
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000708b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000708b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x00001234
        bne     a5, t2, fail
        la      a1, buf
        lw      a5, 0(a1)
        li      t2, 0
        bne     a5, t2, fail
        li      a2, 32

        # test 32: boundary encodings with tile 7 and x31 are legal
        li      gp, 32
        la      t6, buf
        li      s11, 0

        .word   0x000f838b              # tld m7, (t6), zero
        .word   0x0273938b              # tmma.i8 m7, m7, m7
        .word   0x0003bf8b              # tget t6, m7, zero
        .word   0x03ffb38b              # tput m7, t6, t6
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        j       pass

# ---------------------------------------------------------------------------------------------
# Trap handler: checks mcause = s2, mtval = s3, mepc = s4 (set by the sub-test before the
# trapping instruction), counts the trap in s11, then resumes after the trapping instruction
# (mepc + 4), or at s5 when the sub-test set a resume address (faults with mepc = the target).
handler:
        csrr    t0, mcause
        bne     t0, s2, fail
        csrr    t0, mtval
        bne     t0, s3, fail
        csrr    t0, mepc
        bne     t0, s4, fail
        addi    s11, s11, 1
        beqz    s5, 1f
        csrw    mepc, s5
        mret
1:      addi    t0, t0, 4
        csrw    mepc, t0
        mret

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
buf:    .space  256
