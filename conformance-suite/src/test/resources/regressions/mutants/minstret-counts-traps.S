# seedverify-repro v1
# A program on which the golden model and mutant:minstret-counts-traps diverged, shrunk to the instructions that cause it.
# Replay: ci/replay.sh <this file> --target mutant:minstret-counts-traps   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 2
# weights: default
# target: mutant:minstret-counts-traps
# target-description: mutant minstret-counts-traps of the S1 RTL (s1_top, Verilator 5.006, mutated sources 347c0b0b729a): minstret also counts instructions that trap: the CSR file's retire strobe is 'leaves EX' instead of 'leaves EX without a trap'.
# dram-bytes: 1048576
# budget: 20000
# bucket: csrrw | rd_wdata | -
# divergence-kind: MISMATCH
# divergence-order: 14
# original-ops: 63
# shrunk-ops: 2
# shrunk-instructions: 2
# image-sha256: c032b0d3c59c10e2c1167d8c7a03955d354eb47c1e4ee880c06780f93b576cfd
#
# divergence: MISMATCH at order 14: records differ
#   at pc 0x8000001c, insn 0xb0201773: csrrw a4,minstret,zero
#   field                golden       DUT
#   rd_wdata             0x0000000d   0x0000000e
#   csr_rdata            0x0000000d   0x0000000e
#   golden> 14 8000001c b0201773  csrrw a4,minstret,zero       a4=0x0000000d minstret->0x0000000d minstret<-0x00000000
#   DUT>    14 8000001c b0201773  csrrw a4,minstret,zero       a4=0x0000000e minstret->0x0000000e minstret<-0x00000000
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 030f8f93  addi t6,t6,48                t6=0x80000030
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x80000030
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 00100073  ebreak                       trap breakpoint (cause 3) tval=0x80000018 -> 80000030
#     7 80000030 34202ff3  csrr t6,mcause               t6=0x00000003 mcause->0x00000003
#     8 80000034 ffff8f93  addi t6,t6,-1                t6=0x00000002
#     9 80000038 000f9663  bnez t6,80000044             -> 80000044
#     10 80000044 34102ff3  csrr t6,mepc                 t6=0x80000018 mepc->0x80000018
#     11 80000048 004f8f93  addi t6,t6,4                 t6=0x8000001c
#     12 8000004c 341f9073  csrw mepc,t6                 mepc<-0x8000001c
#     13 80000050 30200073  mret                         -> 8000001c
# end-of-header

# SeedVerify generated program: seed 2, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    # body: 2 ops
    ebreak                              # [0]
    csrrw   a4, minstret, zero          # [1]
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
