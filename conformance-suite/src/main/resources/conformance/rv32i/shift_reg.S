# rv32i/shift_reg.S: SLL, SRL, SRA use only x[rs2] & 31 as the shift amount
#
# Spec: SeedChip S1 v1.0 section 1 (RV32I base, machine mode only).
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

        # test 1: sll 0x00000001, 0x00000000 = 0x00000001
        li      gp, 1
        li      a1, 0x00000001
        li      a2, 0x00000000
        sll     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 2: sll 0x00000001, 0x00000001 = 0x00000002
        li      gp, 2
        li      a1, 0x00000001
        li      a2, 0x00000001
        sll     a0, a1, a2
        li      t2, 0x00000002
        bne     a0, t2, fail

        # test 3: sll 0x00000001, 0x0000001f = 0x80000000
        li      gp, 3
        li      a1, 0x00000001
        li      a2, 0x0000001f
        sll     a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 4: sll 0x80000000, 0x0000001f = 0x00000000
        li      gp, 4
        li      a1, 0x80000000
        li      a2, 0x0000001f
        sll     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 5: sll 0x81234567, 0x00000004 = 0x12345670
        li      gp, 5
        li      a1, 0x81234567
        li      a2, 0x00000004
        sll     a0, a1, a2
        li      t2, 0x12345670
        bne     a0, t2, fail

        # test 6: sll 0x81234567, 0x00000020 = 0x81234567
        li      gp, 6
        li      a1, 0x81234567
        li      a2, 0x00000020
        sll     a0, a1, a2
        li      t2, 0x81234567
        bne     a0, t2, fail

        # test 7: sll 0x81234567, 0x00000021 = 0x02468ace
        li      gp, 7
        li      a1, 0x81234567
        li      a2, 0x00000021
        sll     a0, a1, a2
        li      t2, 0x02468ace
        bne     a0, t2, fail

        # test 8: sll 0x81234567, 0xffffffff = 0x80000000
        li      gp, 8
        li      a1, 0x81234567
        li      a2, 0xffffffff
        sll     a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 9: sll 0x81234567, 0xffffffe0 = 0x81234567
        li      gp, 9
        li      a1, 0x81234567
        li      a2, 0xffffffe0
        sll     a0, a1, a2
        li      t2, 0x81234567
        bne     a0, t2, fail

        # test 10: sll 0x7fffffff, 0x0000003f = 0x80000000
        li      gp, 10
        li      a1, 0x7fffffff
        li      a2, 0x0000003f
        sll     a0, a1, a2
        li      t2, 0x80000000
        bne     a0, t2, fail

        # test 11: sll with rd = rs1: 0x80000001, 0x00000007 = 0x00000080
        li      gp, 11
        li      a1, 0x80000001
        li      a2, 0x00000007
        sll     a1, a1, a2
        li      t2, 0x00000080
        bne     a1, t2, fail

        # test 12: sll with rd = rs2: 0x80000001, 0x00000007 = 0x00000080
        li      gp, 12
        li      a1, 0x80000001
        li      a2, 0x00000007
        sll     a2, a1, a2
        li      t2, 0x00000080
        bne     a2, t2, fail

        # test 13: sll with rs1 = rs2: 0x00000007, 0x00000007 = 0x00000380
        li      gp, 13
        li      a1, 0x00000007
        sll     a0, a1, a1
        li      t2, 0x00000380
        bne     a0, t2, fail

        # test 14: srl 0x00000001, 0x00000000 = 0x00000001
        li      gp, 14
        li      a1, 0x00000001
        li      a2, 0x00000000
        srl     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 15: srl 0x00000001, 0x00000001 = 0x00000000
        li      gp, 15
        li      a1, 0x00000001
        li      a2, 0x00000001
        srl     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 16: srl 0x00000001, 0x0000001f = 0x00000000
        li      gp, 16
        li      a1, 0x00000001
        li      a2, 0x0000001f
        srl     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 17: srl 0x80000000, 0x0000001f = 0x00000001
        li      gp, 17
        li      a1, 0x80000000
        li      a2, 0x0000001f
        srl     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 18: srl 0x81234567, 0x00000004 = 0x08123456
        li      gp, 18
        li      a1, 0x81234567
        li      a2, 0x00000004
        srl     a0, a1, a2
        li      t2, 0x08123456
        bne     a0, t2, fail

        # test 19: srl 0x81234567, 0x00000020 = 0x81234567
        li      gp, 19
        li      a1, 0x81234567
        li      a2, 0x00000020
        srl     a0, a1, a2
        li      t2, 0x81234567
        bne     a0, t2, fail

        # test 20: srl 0x81234567, 0x00000021 = 0x4091a2b3
        li      gp, 20
        li      a1, 0x81234567
        li      a2, 0x00000021
        srl     a0, a1, a2
        li      t2, 0x4091a2b3
        bne     a0, t2, fail

        # test 21: srl 0x81234567, 0xffffffff = 0x00000001
        li      gp, 21
        li      a1, 0x81234567
        li      a2, 0xffffffff
        srl     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 22: srl 0x81234567, 0xffffffe0 = 0x81234567
        li      gp, 22
        li      a1, 0x81234567
        li      a2, 0xffffffe0
        srl     a0, a1, a2
        li      t2, 0x81234567
        bne     a0, t2, fail

        # test 23: srl 0x7fffffff, 0x0000003f = 0x00000000
        li      gp, 23
        li      a1, 0x7fffffff
        li      a2, 0x0000003f
        srl     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 24: srl with rd = rs1: 0x80000001, 0x00000007 = 0x01000000
        li      gp, 24
        li      a1, 0x80000001
        li      a2, 0x00000007
        srl     a1, a1, a2
        li      t2, 0x01000000
        bne     a1, t2, fail

        # test 25: srl with rd = rs2: 0x80000001, 0x00000007 = 0x01000000
        li      gp, 25
        li      a1, 0x80000001
        li      a2, 0x00000007
        srl     a2, a1, a2
        li      t2, 0x01000000
        bne     a2, t2, fail

        # test 26: srl with rs1 = rs2: 0x00000007, 0x00000007 = 0x00000000
        li      gp, 26
        li      a1, 0x00000007
        srl     a0, a1, a1
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 27: sra 0x00000001, 0x00000000 = 0x00000001
        li      gp, 27
        li      a1, 0x00000001
        li      a2, 0x00000000
        sra     a0, a1, a2
        li      t2, 0x00000001
        bne     a0, t2, fail

        # test 28: sra 0x00000001, 0x00000001 = 0x00000000
        li      gp, 28
        li      a1, 0x00000001
        li      a2, 0x00000001
        sra     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 29: sra 0x00000001, 0x0000001f = 0x00000000
        li      gp, 29
        li      a1, 0x00000001
        li      a2, 0x0000001f
        sra     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 30: sra 0x80000000, 0x0000001f = 0xffffffff
        li      gp, 30
        li      a1, 0x80000000
        li      a2, 0x0000001f
        sra     a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 31: sra 0x81234567, 0x00000004 = 0xf8123456
        li      gp, 31
        li      a1, 0x81234567
        li      a2, 0x00000004
        sra     a0, a1, a2
        li      t2, 0xf8123456
        bne     a0, t2, fail

        # test 32: sra 0x81234567, 0x00000020 = 0x81234567
        li      gp, 32
        li      a1, 0x81234567
        li      a2, 0x00000020
        sra     a0, a1, a2
        li      t2, 0x81234567
        bne     a0, t2, fail

        # test 33: sra 0x81234567, 0x00000021 = 0xc091a2b3
        li      gp, 33
        li      a1, 0x81234567
        li      a2, 0x00000021
        sra     a0, a1, a2
        li      t2, 0xc091a2b3
        bne     a0, t2, fail

        # test 34: sra 0x81234567, 0xffffffff = 0xffffffff
        li      gp, 34
        li      a1, 0x81234567
        li      a2, 0xffffffff
        sra     a0, a1, a2
        li      t2, 0xffffffff
        bne     a0, t2, fail

        # test 35: sra 0x81234567, 0xffffffe0 = 0x81234567
        li      gp, 35
        li      a1, 0x81234567
        li      a2, 0xffffffe0
        sra     a0, a1, a2
        li      t2, 0x81234567
        bne     a0, t2, fail

        # test 36: sra 0x7fffffff, 0x0000003f = 0x00000000
        li      gp, 36
        li      a1, 0x7fffffff
        li      a2, 0x0000003f
        sra     a0, a1, a2
        li      t2, 0x00000000
        bne     a0, t2, fail

        # test 37: sra with rd = rs1: 0x80000001, 0x00000007 = 0xff000000
        li      gp, 37
        li      a1, 0x80000001
        li      a2, 0x00000007
        sra     a1, a1, a2
        li      t2, 0xff000000
        bne     a1, t2, fail

        # test 38: sra with rd = rs2: 0x80000001, 0x00000007 = 0xff000000
        li      gp, 38
        li      a1, 0x80000001
        li      a2, 0x00000007
        sra     a2, a1, a2
        li      t2, 0xff000000
        bne     a2, t2, fail

        # test 39: sra with rs1 = rs2: 0x00000007, 0x00000007 = 0x00000000
        li      gp, 39
        li      a1, 0x00000007
        sra     a0, a1, a1
        li      t2, 0x00000000
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
