# seedverify-repro v1
# A program on which the golden model and mutant:minstret-counts-traps diverged, shrunk to the instructions that cause it.
# Replay: ci/replay.sh <this file> --target mutant:minstret-counts-traps   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 1
# weights: default
# target: mutant:minstret-counts-traps
# target-description: mutant minstret-counts-traps of the S1 RTL (s1_top, Verilator 5.006, mutated sources 93bf92f0f059): minstret also counts instructions that trap: the CSR file's retire strobe is 'leaves EX' instead of 'leaves EX without a trap'.
# dram-bytes: 1048576
# budget: 20000
# bucket: - | minstret | -
# divergence-kind: FINAL_STATE
# divergence-order: 17
# divergence-fields: minstret,instret
# original-ops: 44
# shrunk-ops: 1
# shrunk-instructions: 1
# image-sha256: 3e79fce18ad02575c2230ab8a23e53cd64b27120221feab096b8a41c08a5e0fa
#
# divergence: FINAL_STATE at order 17: every record agreed but the state after the last one differs: minstret, instret
#   field                golden       DUT
#   minstret             0x00000011   0x00000012
#   instret              0x00000011   0x00000012
#   the instructions before it (identical on both sides):
#     16 80000028 0000006f  j 80000028                   -> 80000028
#     17 80000028 0000006f  j 80000028                   -> 80000028
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
    jalr    ra, 0(t3)                   # [0] jump past DRAM: fetch access fault, handler returns to ra
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
