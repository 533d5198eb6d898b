# seedverify-repro v2
# A program on which the golden model and mutant:fadd-flushes-subnormals diverged, shrunk to the instructions that cause it.
# Replay: seedverify replay <this file> --target mutant:fadd-flushes-subnormals   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 3
# weights: default
# target: mutant:fadd-flushes-subnormals
# target-description: mutant fadd-flushes-subnormals of the S1 RTL (s1_top, Verilator 5.006, mutated sources 18895f7ae218): The binary32 adder's zero test looks at the exponent field only, so subnormal operands are flushed to zero (x + subnormal = x) in tadd.f32 and the accumulate of tmma.e4m3.
# dram-bytes: 1048576
# budget: 20000
# bucket: tadd.f32 | tile.row[].word[] | -
# divergence-kind: MISMATCH
# divergence-order: 9
# divergence-fields: tile.row[0].word[6],tile.row[1].word[6],tile.row[2].word[6],tile.row[3].word[6],tile.row[4].word[6],tile.row[5].word[6],tile.row[6].word[6],tile.row[7].word[6]
# original-ops: 34
# shrunk-ops: 2
# shrunk-instructions: 4
# image-sha256: ee6b9f3888fbbe5a531e246eeedd61e12ee85dbbaa2119712b4545e7b7cde4d8
#
# divergence: MISMATCH at order 9: records differ
#   at pc 0x80000024, insn 0x0c60100b: tadd.f32 m0,m0,m6
#   field                golden       DUT
#   tile.row[0].word[6]  0x007fffff   0x00000000
#   tile.row[1].word[6]  0x007fffff   0x00000000
#   tile.row[2].word[6]  0x007fffff   0x00000000
#   tile.row[3].word[6]  0x007fffff   0x00000000
#   tile.row[4].word[6]  0x007fffff   0x00000000
#   tile.row[5].word[6]  0x007fffff   0x00000000
#   tile.row[6].word[6]  0x007fffff   0x00000000
#   tile.row[7].word[6]  0x007fffff   0x00000000
#   golden> 9 80000024 0c60100b  tadd.f32 m0,m0,m6            m0 written
#   DUT>    9 80000024 0c60100b  tadd.f32 m0,m0,m6            m0 written
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 038f8f93  addi t6,t6,56                t6=0x80000038
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x80000038
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 80009db7  lui s11,0x80009              s11=0x80009000
#     7 8000001c d00d8d93  addi s11,s11,-768            s11=0x80008d00
#     8 80000020 000d830b  tld m6,(s11),zero            memR[0x80008d00/32B]=00000000007fffff000000000000000000000000000000000000000000000000 memR[0x80008d00/32B]=00000000007fffff000000000000000000000000000000000000000000000000 memR[0x80008d00/32B]=00000000007fffff000000000000000000000000000000000000000000000000 memR[0x80008d00/32B]=00000000007fffff000000000000000000000000000000000000000000000000 memR[0x80008d00/32B]=00000000007fffff000000000000000000000000000000000000000000000000 memR[0x80008d00/32B]=00000000007fffff000000000000000000000000000000000000000000000000 memR[0x80008d00/32B]=00000000007fffff000000000000000000000000000000000000000000000000 memR[0x80008d00/32B]=00000000007fffff000000000000000000000000000000000000000000000000 m6 written
# content-sha256: ebc7813f9909bb823af68bce685e49b2ea9b79227d97fb7a03b3caff1f40f979
# end-of-header

# SeedVerify generated program: seed 3, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    # body: 2 ops
    li      s11, 0x80008d00             # [0] block 13, stride 0
    tld     m6, (s11), zero
    tadd.f32 m0, m0, m6                 # [1]
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
    # block 13 @ 0x80008d00: binary32 specials (+-0, NaNs with payloads, +-inf, max, subnormals, E4M3 rounding points) (partly zeroed)
    .word 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x007fffff, 0x00000000
    .zero 224
    # block 14 @ 0x80008e00: zero
    .zero 256
    # block 15 @ 0x80008f00: zero
    .zero 256
tohost:
    .zero 8
