# traps/illegal.S: Undefined encodings (MISC-MEM funct3 other than 000/001 included) trap with cause 2 and mtval = the instruction word
#
# Spec: SeedChip S1 v1.0 sections 1 and 1.1 (traps: mepc, mcause, mtval, mstatus, mtvec).
# Every encoding not defined by the spec is an illegal instruction.
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

        # test 1: 0x00000000 (all zeros)
        li      gp, 1
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00000000          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00000000
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 2: 0xffffffff (all ones)
        li      gp, 2
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0xffffffff          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0xffffffff
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 3: 0x0000007f (unused major opcode)
        li      gp, 3
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000007f          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000007f
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 4: 0x0000002b (custom-1 opcode)
        li      gp, 4
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000002b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000002b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 5: 0x0000005b (custom-2 opcode)
        li      gp, 5
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000005b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000005b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 6: 0x02051513 (slli with shamt bit 5 set (RV64 only))
        li      gp, 6
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x02051513          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x02051513
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 7: 0x40051513 (slli with funct7 = 0100000)
        li      gp, 7
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x40051513          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x40051513
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 8: 0x04b50533 (OP with funct7 = 0000010)
        li      gp, 8
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x04b50533          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x04b50533
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 9: 0x00003003 (LOAD funct3 = 3 (ld))
        li      gp, 9
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00003003          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00003003
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 10: 0x00006003 (LOAD funct3 = 6 (lwu))
        li      gp, 10
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00006003          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00006003
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 11: 0x00007003 (LOAD funct3 = 7)
        li      gp, 11
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00007003          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00007003
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 12: 0x00003023 (STORE funct3 = 3 (sd))
        li      gp, 12
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00003023          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00003023
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 13: 0x00004023 (STORE funct3 = 4)
        li      gp, 13
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00004023          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00004023
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 14: 0x00002063 (BRANCH funct3 = 2)
        li      gp, 14
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00002063          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00002063
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 15: 0x00003063 (BRANCH funct3 = 3)
        li      gp, 15
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00003063          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00003063
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 16: 0x00001067 (JALR funct3 = 1)
        li      gp, 16
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00001067          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00001067
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 17: 0x00200073 (SYSTEM priv imm = 2 (uret))
        li      gp, 17
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00200073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00200073
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 18: 0x10200073 (sret (no S-mode))
        li      gp, 18
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x10200073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x10200073
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 19: 0x00004073 (SYSTEM funct3 = 4)
        li      gp, 19
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00004073          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00004073
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 20: 0x0000001b (OP-IMM-32 (RV64))
        li      gp, 20
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000001b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000001b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 21: 0x0000003b (OP-32 (RV64))
        li      gp, 21
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000003b          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000003b
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 22: 0x00000007 (LOAD-FP (no F))
        li      gp, 22
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00000007          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00000007
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 23: 0x00000053 (OP-FP (no F))
        li      gp, 23
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x00000053          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x00000053
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 24: 0x0000002f (AMO (no A))
        li      gp, 24
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000002f          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000002f
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail

        # test 25: 0x0000200f (MISC-MEM funct3 = 2: neither fence nor fence.i)
        li      gp, 25
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000200f          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000200f
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        # test 26: 0x8ff5b08f (MISC-MEM funct3 = 3 with fence-like fields)
        li      gp, 26
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x8ff5b08f          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x8ff5b08f
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
        bne     a0, t2, fail
        # test 27: 0x0000700f (MISC-MEM funct3 = 7)
        li      gp, 27
        li      a0, 0x55
        li      s2, 2                   # expected mcause
        li      s3, 0x0000700f          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      .word   0x0000700f
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      t2, 0x55
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
