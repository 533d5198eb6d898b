# zicsr/readonly_csrs.S: Read-only CSRs are readable; any write (even csrrs/csrrc with a zero value) is illegal
#
# Spec: SeedChip S1 v1.0 section 1.1 (CSRs) and Zicsr.
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

        # test 1: reading misa with csrrs/csrrc x0 and csrrsi/csrrci 0 is legal
        li      gp, 1
        li      s11, 0

        csrrs   a0, misa, zero
        csrrc   a0, misa, zero
        csrrsi  a0, misa, 0
        csrrci  a0, misa, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 2: reading cycle with csrrs/csrrc x0 and csrrsi/csrrci 0 is legal
        li      gp, 2
        li      s11, 0

        csrrs   a0, cycle, zero
        csrrc   a0, cycle, zero
        csrrsi  a0, cycle, 0
        csrrci  a0, cycle, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 3: reading instret with csrrs/csrrc x0 and csrrsi/csrrci 0 is legal
        li      gp, 3
        li      s11, 0

        csrrs   a0, instret, zero
        csrrc   a0, instret, zero
        csrrsi  a0, instret, 0
        csrrci  a0, instret, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 4: reading cycleh with csrrs/csrrc x0 and csrrsi/csrrci 0 is legal
        li      gp, 4
        li      s11, 0

        csrrs   a0, cycleh, zero
        csrrc   a0, cycleh, zero
        csrrsi  a0, cycleh, 0
        csrrci  a0, cycleh, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 5: reading instreth with csrrs/csrrc x0 and csrrsi/csrrci 0 is legal
        li      gp, 5
        li      s11, 0

        csrrs   a0, instreth, zero
        csrrc   a0, instreth, zero
        csrrsi  a0, instreth, 0
        csrrci  a0, instreth, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 6: reading mvendorid with csrrs/csrrc x0 and csrrsi/csrrci 0 is legal
        li      gp, 6
        li      s11, 0

        csrrs   a0, mvendorid, zero
        csrrc   a0, mvendorid, zero
        csrrsi  a0, mvendorid, 0
        csrrci  a0, mvendorid, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 7: reading marchid with csrrs/csrrc x0 and csrrsi/csrrci 0 is legal
        li      gp, 7
        li      s11, 0

        csrrs   a0, marchid, zero
        csrrc   a0, marchid, zero
        csrrsi  a0, marchid, 0
        csrrci  a0, marchid, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 8: reading mimpid with csrrs/csrrc x0 and csrrsi/csrrci 0 is legal
        li      gp, 8
        li      s11, 0

        csrrs   a0, mimpid, zero
        csrrc   a0, mimpid, zero
        csrrsi  a0, mimpid, 0
        csrrci  a0, mimpid, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 9: reading mhartid with csrrs/csrrc x0 and csrrsi/csrrci 0 is legal
        li      gp, 9
        li      s11, 0

        csrrs   a0, mhartid, zero
        csrrc   a0, mhartid, zero
        csrrsi  a0, mhartid, 0
        csrrci  a0, mhartid, 0
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        # test 10: csrrw zero, misa, a1 is illegal (a2 holds 0)
        li      gp, 10
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0x30159073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x30159073              # csrrw zero, misa, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 11: csrrw a0, misa, zero is illegal (a2 holds 0)
        li      gp, 11
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0x30101573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x30101573              # csrrw a0, misa, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 12: csrrs a0, misa, a2 is illegal (a2 holds 0)
        li      gp, 12
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0x30162573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x30162573              # csrrs a0, misa, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 13: csrrc a0, misa, a2 is illegal (a2 holds 0)
        li      gp, 13
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0x30163573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x30163573              # csrrc a0, misa, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 14: csrrwi a0, misa, 0 is illegal (a2 holds 0)
        li      gp, 14
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0x30105573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x30105573              # csrrwi a0, misa, 0
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 15: csrrsi a0, misa, 1 is illegal (a2 holds 0)
        li      gp, 15
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0x3010e573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x3010e573              # csrrsi a0, misa, 1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 16: csrrci zero, misa, 31 is illegal (a2 holds 0)
        li      gp, 16
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0x301ff073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x301ff073              # csrrci zero, misa, 31
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 17: csrrw zero, cycle, a1 is illegal (a2 holds 0)
        li      gp, 17
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0059073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0059073              # csrrw zero, cycle, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 18: csrrw a0, cycle, zero is illegal (a2 holds 0)
        li      gp, 18
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0001573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0001573              # csrrw a0, cycle, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 19: csrrs a0, cycle, a2 is illegal (a2 holds 0)
        li      gp, 19
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0062573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0062573              # csrrs a0, cycle, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 20: csrrc a0, cycle, a2 is illegal (a2 holds 0)
        li      gp, 20
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0063573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0063573              # csrrc a0, cycle, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 21: csrrwi a0, cycle, 0 is illegal (a2 holds 0)
        li      gp, 21
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0005573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0005573              # csrrwi a0, cycle, 0
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 22: csrrsi a0, cycle, 1 is illegal (a2 holds 0)
        li      gp, 22
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc000e573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc000e573              # csrrsi a0, cycle, 1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 23: csrrci zero, cycle, 31 is illegal (a2 holds 0)
        li      gp, 23
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc00ff073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc00ff073              # csrrci zero, cycle, 31
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 24: csrrs a0, instret, a2 is illegal (a2 holds 0)
        li      gp, 24
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0262573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0262573              # csrrs a0, instret, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 25: csrrc a0, instret, a2 is illegal (a2 holds 0)
        li      gp, 25
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0263573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0263573              # csrrc a0, instret, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 26: csrrwi a0, instret, 0 is illegal (a2 holds 0)
        li      gp, 26
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc0205573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc0205573              # csrrwi a0, instret, 0
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 27: csrrc a0, cycleh, a2 is illegal (a2 holds 0)
        li      gp, 27
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc8063573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc8063573              # csrrc a0, cycleh, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 28: csrrwi a0, cycleh, 0 is illegal (a2 holds 0)
        li      gp, 28
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc8005573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc8005573              # csrrwi a0, cycleh, 0
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 29: csrrsi a0, cycleh, 1 is illegal (a2 holds 0)
        li      gp, 29
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc800e573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc800e573              # csrrsi a0, cycleh, 1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 30: csrrwi a0, instreth, 0 is illegal (a2 holds 0)
        li      gp, 30
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc8205573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc8205573              # csrrwi a0, instreth, 0
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 31: csrrsi a0, instreth, 1 is illegal (a2 holds 0)
        li      gp, 31
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc820e573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc820e573              # csrrsi a0, instreth, 1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 32: csrrci zero, instreth, 31 is illegal (a2 holds 0)
        li      gp, 32
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xc82ff073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xc82ff073              # csrrci zero, instreth, 31
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 33: csrrsi a0, mvendorid, 1 is illegal (a2 holds 0)
        li      gp, 33
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf110e573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf110e573              # csrrsi a0, mvendorid, 1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 34: csrrci zero, mvendorid, 31 is illegal (a2 holds 0)
        li      gp, 34
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf11ff073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf11ff073              # csrrci zero, mvendorid, 31
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 35: csrrw zero, mvendorid, a1 is illegal (a2 holds 0)
        li      gp, 35
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1159073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1159073              # csrrw zero, mvendorid, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 36: csrrci zero, marchid, 31 is illegal (a2 holds 0)
        li      gp, 36
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf12ff073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf12ff073              # csrrci zero, marchid, 31
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 37: csrrw zero, marchid, a1 is illegal (a2 holds 0)
        li      gp, 37
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1259073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1259073              # csrrw zero, marchid, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 38: csrrw a0, marchid, zero is illegal (a2 holds 0)
        li      gp, 38
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1201573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1201573              # csrrw a0, marchid, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 39: csrrw zero, mimpid, a1 is illegal (a2 holds 0)
        li      gp, 39
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1359073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1359073              # csrrw zero, mimpid, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 40: csrrw a0, mimpid, zero is illegal (a2 holds 0)
        li      gp, 40
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1301573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1301573              # csrrw a0, mimpid, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 41: csrrs a0, mimpid, a2 is illegal (a2 holds 0)
        li      gp, 41
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1362573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1362573              # csrrs a0, mimpid, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 42: csrrw zero, mhartid, a1 is illegal (a2 holds 0)
        li      gp, 42
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1459073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1459073              # csrrw zero, mhartid, a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 43: csrrw a0, mhartid, zero is illegal (a2 holds 0)
        li      gp, 43
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1401573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1401573              # csrrw a0, mhartid, zero
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 44: csrrs a0, mhartid, a2 is illegal (a2 holds 0)
        li      gp, 44
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1462573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1462573              # csrrs a0, mhartid, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 45: csrrc a0, mhartid, a2 is illegal (a2 holds 0)
        li      gp, 45
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1463573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1463573              # csrrc a0, mhartid, a2
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 46: csrrwi a0, mhartid, 0 is illegal (a2 holds 0)
        li      gp, 46
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf1405573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf1405573              # csrrwi a0, mhartid, 0
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 47: csrrsi a0, mhartid, 1 is illegal (a2 holds 0)
        li      gp, 47
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf140e573          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf140e573              # csrrsi a0, mhartid, 1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 48: csrrci zero, mhartid, 31 is illegal (a2 holds 0)
        li      gp, 48
        li      a0, 0x55
        li      a1, -1
        li      a2, 0
        li      s2, 2                   # expected mcause
        li      s3, 0xf14ff073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xf14ff073              # csrrci zero, mhartid, 31
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55                # rd is not written
        bne     a0, t2, fail

        # test 49: misa still reads 0x40801100 after the attempted writes
        li      gp, 49
        csrr    a0, misa
        li      t2, 0x40801100
        bne     a0, t2, fail

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
