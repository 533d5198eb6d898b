# seedverify-repro v1
# A program on which the golden model and mutant:store-mtval-word diverged, shrunk to the instructions that cause it.
# Replay: ci/replay.sh <this file> --target mutant:store-mtval-word   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 5
# weights: default
# target: mutant:store-mtval-word
# target-description: mutant store-mtval-word of the S1 RTL (s1_top, Verilator 5.006, mutated sources 12474e08dcb9): A store trap writes the data port's word address (address bits 1:0 cleared) into mtval instead of the faulting address: wrong mtval on misaligned SH/SW.
# dram-bytes: 1048576
# budget: 20000
# bucket: trap | trap_tval | STORE_MISALIGNED
# divergence-kind: MISMATCH
# divergence-order: 6
# divergence-fields: trap_tval
# original-ops: 36
# shrunk-ops: 1
# shrunk-instructions: 1
# image-sha256: b84a8e189b445f9035c511b24a977ddd09847549dae02d9c935cee038b40bce5
#
# divergence: MISMATCH at order 6: records differ
#   at pc 0x80000018, insn 0x000ea0a3: sw zero,1(t4)
#   field                golden       DUT
#   trap_tval            0x80008801   0x80008800
#   golden> 6 80000018 000ea0a3  sw zero,1(t4)                trap store_misaligned (cause 6) tval=0x80008801 -> 8000002c
#   DUT>    6 80000018 000ea0a3  sw zero,1(t4)                trap store_misaligned (cause 6) tval=0x80008800 -> 8000002c
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 02cf8f93  addi t6,t6,44                t6=0x8000002c
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x8000002c
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
# end-of-header

# SeedVerify generated program: seed 5, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    # body: 1 ops
    sw      zero, 1(t4)                 # [0] misaligned
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
