# seedverify-repro v1
# A program on which the golden model and mutant:mepc-plus-4 diverged, shrunk to the instructions that cause it.
# Replay: ci/replay.sh <this file> --target mutant:mepc-plus-4   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 1
# weights: default
# target: mutant:mepc-plus-4
# target-description: mutant mepc-plus-4 of the S1 RTL (s1_top, Verilator 5.006, mutated sources 0e37875f074e): A trap saves the address of the next instruction (pc + 4, as for an interrupt) in mepc instead of the trapping instruction's pc.
# dram-bytes: 1048576
# budget: 20000
# bucket: csr:mepc | rd_wdata | -
# divergence-kind: MISMATCH
# divergence-order: 10
# divergence-fields: rd_wdata,csr_rdata
# original-ops: 44
# shrunk-ops: 1
# shrunk-instructions: 1
# image-sha256: cff9c412016768bd2e46827e87a301c1c432465f08bad6edca91ee273f98f0d3
#
# divergence: MISMATCH at order 10: records differ
#   at pc 0x80000040, insn 0x34102ff3: csrr t6,mepc
#   field                golden       DUT
#   rd_wdata             0x80000018   0x8000001c
#   csr_rdata            0x80000018   0x8000001c
#   golden> 10 80000040 34102ff3  csrr t6,mepc                 t6=0x80000018 mepc->0x80000018
#   DUT>    10 80000040 34102ff3  csrr t6,mepc                 t6=0x8000001c mepc->0x8000001c
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 02cf8f93  addi t6,t6,44                t6=0x8000002c
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x8000002c
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 00000000  .word 0x00000000             trap illegal_instruction (cause 2) tval=0x00000000 -> 8000002c
#     7 8000002c 34202ff3  csrr t6,mcause               t6=0x00000002 mcause->0x00000002
#     8 80000030 ffff8f93  addi t6,t6,-1                t6=0x00000001
#     9 80000034 000f9663  bnez t6,80000040             -> 80000040
# end-of-header

# SeedVerify generated program: seed 1, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    # body: 1 ops
    .word   0x00000000                  # [0] illegal: all-zero word
    # epilogue: tohost = 1 (pass)
    li      t6, 1
    li      t5, 0x80009000
    sw      t6, 0(t5)
.Lhalt:
    jal     zero, .Lhalt

    # trap handler: return to ra after a fetch access fault (cause 1), else skip the trapping instruction
handler:
    csrrs   t6, mcause, zero
    addi    t6, t6, -1
    bne     t6, zero, .Lskip
    csrrw   zero, mepc, ra
    mret
.Lskip:
    csrrs   t6, mepc, zero
    addi    t6, t6, 4
    csrrw   zero, mepc, t6
    mret

    .balign 32768
data:
    # block 0 @ 0x80008000: zero
    .zero 256
    # block 1 @ 0x80008100: zero
    .zero 256
    # block 2 @ 0x80008200: zero
    .zero 256
    # block 3 @ 0x80008300: zero
    .zero 256
    # block 4 @ 0x80008400: zero
    .zero 256
    # block 5 @ 0x80008500: zero
    .zero 256
    # block 6 @ 0x80008600: zero
    .zero 256
    # block 7 @ 0x80008700: zero
    .zero 256
    # block 8 @ 0x80008800: zero
    .zero 256
    # block 9 @ 0x80008900: zero
    .zero 256
    # block 10 @ 0x80008a00: zero
    .zero 256
    # block 11 @ 0x80008b00: zero
    .zero 256
    # block 12 @ 0x80008c00: zero
    .zero 256
    # block 13 @ 0x80008d00: zero
    .zero 256
    # block 14 @ 0x80008e00: zero
    .zero 256
    # block 15 @ 0x80008f00: zero
    .zero 256
tohost:
    .zero 8
