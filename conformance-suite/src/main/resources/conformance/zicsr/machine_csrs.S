# zicsr/machine_csrs.S: misa, ids, mie/mip, mtvec, mscratch, mepc, mcause, mtval: read values and writable bits
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
        la      t0, fail
        csrw    mtvec, t0

        # test 1: misa reads 0x40801100 (RV32, I, M, X)
        li      gp, 1
        csrr    a0, misa
        li      t2, 0x40801100
        bne     a0, t2, fail

        # test 2: mvendorid reads 0
        li      gp, 2
        li      a0, 5
        csrr    a0, mvendorid
        li      t2, 0
        bne     a0, t2, fail

        # test 3: marchid reads 0
        li      gp, 3
        li      a0, 5
        csrr    a0, marchid
        li      t2, 0
        bne     a0, t2, fail

        # test 4: mimpid reads 0
        li      gp, 4
        li      a0, 5
        csrr    a0, mimpid
        li      t2, 0
        bne     a0, t2, fail

        # test 5: mhartid reads 0
        li      gp, 5
        li      a0, 5
        csrr    a0, mhartid
        li      t2, 0
        bne     a0, t2, fail

        # test 6: mie reads 0 and ignores writes
        li      gp, 6
        li      a1, -1
        csrw    mie, a1
        csrr    a0, mie
        li      t2, 0
        bne     a0, t2, fail
        csrs    mie, a1
        csrrs   a0, mie, zero
        bne     a0, t2, fail

        # test 7: mip reads 0 and ignores writes
        li      gp, 7
        li      a1, -1
        csrw    mip, a1
        csrr    a0, mip
        li      t2, 0
        bne     a0, t2, fail
        csrs    mip, a1
        csrrs   a0, mip, zero
        bne     a0, t2, fail

        # test 8: mtvec written 0x80001237 reads 0x80001234
        li      gp, 8
        li      a1, 0x80001237
        csrw    mtvec, a1
        csrr    a0, mtvec
        la      t0, fail                # restore the vector
        csrw    mtvec, t0
        li      t2, 0x80001234
        bne     a0, t2, fail

        # test 9: mtvec written 0xffffffff reads 0xfffffffc
        li      gp, 9
        li      a1, 0xffffffff
        csrw    mtvec, a1
        csrr    a0, mtvec
        la      t0, fail                # restore the vector
        csrw    mtvec, t0
        li      t2, 0xfffffffc
        bne     a0, t2, fail

        # test 10: mtvec written 0x80000100 reads 0x80000100
        li      gp, 10
        li      a1, 0x80000100
        csrw    mtvec, a1
        csrr    a0, mtvec
        la      t0, fail                # restore the vector
        csrw    mtvec, t0
        li      t2, 0x80000100
        bne     a0, t2, fail

        # test 11: mepc written 0x80000003 reads 0x80000000
        li      gp, 11
        li      a1, 0x80000003
        csrw    mepc, a1
        csrr    a0, mepc
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 12: mepc written 0x12345676 reads 0x12345674
        li      gp, 12
        li      a1, 0x12345676
        csrw    mepc, a1
        csrr    a0, mepc
        li      t2, 0x12345674
        bne     a0, t2, fail

        # test 13: mepc written 0xffffffff reads 0xfffffffc
        li      gp, 13
        li      a1, 0xffffffff
        csrw    mepc, a1
        csrr    a0, mepc
        li      t2, 0xfffffffc
        bne     a0, t2, fail

        # test 14: mscratch written 0xdeadbeef reads 0xdeadbeef
        li      gp, 14
        li      a1, 0xdeadbeef
        csrw    mscratch, a1
        csrr    a0, mscratch
        li      t2, 0xdeadbeef
        bne     a0, t2, fail

        # test 15: mscratch written 0x00000003 reads 0x00000003
        li      gp, 15
        li      a1, 0x00000003
        csrw    mscratch, a1
        csrr    a0, mscratch
        li      t2, 0x00000003
        bne     a0, t2, fail

        # test 16: mcause written 0xffffffff reads 0xffffffff
        li      gp, 16
        li      a1, 0xffffffff
        csrw    mcause, a1
        csrr    a0, mcause
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 17: mcause written 0x80000007 reads 0x80000007
        li      gp, 17
        li      a1, 0x80000007
        csrw    mcause, a1
        csrr    a0, mcause
        li      t2, 0x80000007
        bne     a0, t2, fail

        # test 18: mtval written 0x13579bdf reads 0x13579bdf
        li      gp, 18
        li      a1, 0x13579bdf
        csrw    mtval, a1
        csrr    a0, mtval
        li      t2, 0x13579bdf
        bne     a0, t2, fail

        # test 19: mtval written 0x00000001 reads 0x00000001
        li      gp, 19
        li      a1, 0x00000001
        csrw    mtval, a1
        csrr    a0, mtval
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 20: mtvec low bits are cleared by the set form too
        li      gp, 20
        li      a1, 0x80000000
        csrw    mtvec, a1
        csrsi   mtvec, 3
        csrr    a0, mtvec
        li      t2, 0x80000000
        bne     a0, t2, fail
        la      t0, fail                # restore the vector
        csrw    mtvec, t0

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
