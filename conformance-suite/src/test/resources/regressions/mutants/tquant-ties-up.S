# seedverify-repro v2
# A program on which the golden model and mutant:tquant-ties-up diverged, shrunk to the instructions that cause it.
# Replay: seedverify replay <this file> --target mutant:tquant-ties-up   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 159
# weights: default
# target: mutant:tquant-ties-up
# target-description: mutant tquant-ties-up of the S1 RTL (s1_top, Verilator 5.006, mutated sources bebe1eae7b8f): tquant.i8's rounding divide by a power of two rounds every tie up (toward +inf) instead of away from zero: the sign correction of the threshold is missing, so -2.5 becomes -2.
# dram-bytes: 1048576
# budget: 20000
# bucket: tquant.i8 | tile.row[].word[] | -
# divergence-kind: MISMATCH
# divergence-order: 14
# divergence-fields: tile.row[0].word[1],tile.row[1].word[1],tile.row[2].word[1],tile.row[3].word[1],tile.row[4].word[1],tile.row[5].word[1],tile.row[6].word[1],tile.row[7].word[1]
# original-ops: 69
# shrunk-ops: 5
# shrunk-instructions: 7
# image-sha256: f819afc4740867e5f51a8e0dc2d41c365d72887037e3d59c86231c84f11473a5
#
# divergence: MISMATCH at order 14: records differ
#   at pc 0x80000038, insn 0x0000200b: tquant.i8 m0,m0
#   field                golden       DUT
#   tile.row[0].word[1]  0x000000bf   0x000000c0
#   tile.row[1].word[1]  0x000000bf   0x000000c0
#   tile.row[2].word[1]  0x000000bf   0x000000c0
#   tile.row[3].word[1]  0x000000bf   0x000000c0
#   tile.row[4].word[1]  0x000000bf   0x000000c0
#   tile.row[5].word[1]  0x000000bf   0x000000c0
#   tile.row[6].word[1]  0x000000bf   0x000000c0
#   tile.row[7].word[1]  0x000000bf   0x000000c0
#   golden> 14 80000038 0000200b  tquant.i8 m0,m0              m0 written
#   DUT>    14 80000038 0000200b  tquant.i8 m0,m0              m0 written
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 04cf8f93  addi t6,t6,76                t6=0x8000004c
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x8000004c
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 800081b7  lui gp,0x80008               gp=0x80008000
#     7 8000001c 1e818193  addi gp,gp,488               gp=0x800081e8
#     8 80000020 7c119073  csrw xsqmul,gp               xsqmul<-0x800081e8
#     9 80000024 fff00c13  li s8,-1                     s8=0xffffffff
#     10 80000028 7c2c1073  csrw xsqshift,s8             xsqshift<-0xffffffff
#     11 8000002c 80009db7  lui s11,0x80009              s11=0x80009000
#     12 80000030 a00d8d93  addi s11,s11,-1536           s11=0x80008a00
#     13 80000034 000d800b  tld m0,(s11),zero            memR[0x80008a00/32B]=0000000000000000000000000000008100000000000000000000000000000000 memR[0x80008a00/32B]=0000000000000000000000000000008100000000000000000000000000000000 memR[0x80008a00/32B]=0000000000000000000000000000008100000000000000000000000000000000 memR[0x80008a00/32B]=0000000000000000000000000000008100000000000000000000000000000000 memR[0x80008a00/32B]=0000000000000000000000000000008100000000000000000000000000000000 memR[0x80008a00/32B]=0000000000000000000000000000008100000000000000000000000000000000 memR[0x80008a00/32B]=0000000000000000000000000000008100000000000000000000000000000000 memR[0x80008a00/32B]=0000000000000000000000000000008100000000000000000000000000000000 m0 written
# content-sha256: 47dc1987aed760e45bb1bce0eb761b390c0a40bc948b0378b3f7ac875a0b4320
# end-of-header

# SeedVerify generated program: seed 159, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    li      gp, 0x800081e8
    # body: 5 ops
    csrrw   zero, xsqmul, gp            # [0]
    li      s8, -1                      # [1] value for xsqshift
    csrrw   zero, xsqshift, s8          # [2] xseed set-up; s8 from 1 op back
    li      s11, 0x80008a00             # [3] block 10, stride 0
    tld     m0, (s11), zero
    tquant.i8 m0, m0                    # [4]
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
    # block 10 @ 0x80008a00: small i32 values (requant rounding ties) (partly zeroed)
    .word 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000081, 0x00000000, 0x00000000, 0x00000000
    .zero 224
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
