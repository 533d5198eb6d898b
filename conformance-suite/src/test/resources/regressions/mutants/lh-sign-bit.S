# seedverify-repro v1
# A program on which the golden model and mutant:lh-sign-bit diverged, shrunk to the instructions that cause it.
# Replay: ci/replay.sh <this file> --target mutant:lh-sign-bit   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 19
# weights: default
# target: mutant:lh-sign-bit
# target-description: mutant lh-sign-bit of the S1 RTL (s1_top, Verilator 5.006, mutated sources 24167a569b2b): LH sign-extends from bit 7 instead of bit 15 (the extension was copied from the LB line).
# dram-bytes: 1048576
# budget: 20000
# bucket: lh | rd_wdata | -
# divergence-kind: MISMATCH
# divergence-order: 6
# original-ops: 43
# shrunk-ops: 1
# shrunk-instructions: 1
# image-sha256: d21d955098099566aea2b77e783c31654f1c0bc169177b654a983e5fdd75eab9
#
# divergence: MISMATCH at order 6: records differ
#   at pc 0x80000018, insn 0x77ae9283: lh t0,1914(t4)
#   field                golden       DUT
#   rd_wdata             0x000034a7   0xffff34a7
#   golden> 6 80000018 77ae9283  lh t0,1914(t4)               t0=0x000034a7 memR[0x80008f78/1100]=34a70000
#   DUT>    6 80000018 77ae9283  lh t0,1914(t4)               t0=0xffff34a7 memR[0x80008f78/1100]=34a70000
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 02cf8f93  addi t6,t6,44                t6=0x8000002c
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x8000002c
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
# end-of-header

# SeedVerify generated program: seed 19, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    # body: 1 ops
    lh      t0, 1914(t4)                # [0]
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
    # block 15 @ 0x80008f00: i32 edge values (0, +-1, INT_MAX, INT_MIN, 2^30, ...) and random words (partly zeroed)
    .zero 96
    .word 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x34a7fc21, 0x00000000
    .zero 128
tohost:
    .zero 8
