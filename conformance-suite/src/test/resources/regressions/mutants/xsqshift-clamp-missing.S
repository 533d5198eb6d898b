# seedverify-repro v1
# A program on which the golden model and mutant:xsqshift-clamp-missing diverged, shrunk to the instructions that cause it.
# Replay: ci/replay.sh <this file> --target mutant:xsqshift-clamp-missing   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 11
# weights: default
# target: mutant:xsqshift-clamp-missing
# target-description: mutant xsqshift-clamp-missing of the S1 RTL (s1_top, Verilator 5.006, mutated sources 5ddf9a8ff49e): The WARL clamp of xsqshift is missing: an out-of-range shift is kept as written (it reads back unclamped and tquant.i8 shifts by its low bits).
# dram-bytes: 1048576
# budget: 20000
# bucket: csr:xsqshift | csr_wdata | -
# divergence-kind: MISMATCH
# divergence-order: 7
# divergence-fields: csr_wdata
# original-ops: 59
# shrunk-ops: 1
# shrunk-instructions: 1
# image-sha256: 92b811351c202b818f2a4f86b330b90dec15bf91e088f4e1b6ac3e32406fa5d8
#
# divergence: MISMATCH at order 7: records differ
#   at pc 0x8000001c, insn 0x7c229073: csrw xsqshift,t0
#   field                golden       DUT
#   csr_wdata            0x0000001e   0x00010000
#   golden> 7 8000001c 7c229073  csrw xsqshift,t0             xsqshift<-0x0000001e
#   DUT>    7 8000001c 7c229073  csrw xsqshift,t0             xsqshift<-0x00010000
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 030f8f93  addi t6,t6,48                t6=0x80000030
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x80000030
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 000102b7  lui t0,0x10                  t0=0x00010000
# end-of-header

# SeedVerify generated program: seed 11, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    li      t0, 0x00010000
    # body: 1 ops
    csrrw   zero, xsqshift, t0          # [0] xseed set-up
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
