# seedverify-repro v1
# A program on which the golden model and mutant:tstn-full-row diverged, shrunk to the instructions that cause it.
# Replay: ci/replay.sh <this file> --target mutant:tstn-full-row   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 24
# weights: default
# target: mutant:tstn-full-row
# target-description: mutant tstn-full-row of the S1 RTL (s1_top, Verilator 5.006, mutated sources 9cb69024cdcc): tstn writes whole 32-byte rows to DRAM instead of the narrow 16-byte rows (the row port's word mask ignores the narrow form; the access check and the reported row masks are still narrow).
# dram-bytes: 1048576
# budget: 20000
# bucket: tld | mem[].rdata[] | -
# divergence-kind: MISMATCH
# divergence-order: 12
# original-ops: 70
# shrunk-ops: 2
# shrunk-instructions: 7
# image-sha256: ffa88d46025935868e70331f74b1d4678484f41c4d9d2d567021f96c1e2d2b58
#
# divergence: MISMATCH at order 12: records differ
#   at pc 0x80000030, insn 0x01ad800b: tld m0,(s11),s10
#   field                golden       DUT
#   mem[7].rdata[7]      0x00000114   0x00000000
#   tile.word[63]        0x00000114   0x00000000
#   golden> 12 80000030 01ad800b  tld m0,(s11),s10             memR[0x80008300/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008324/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008348/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x8000836c/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008390/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x800083b4/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x800083d8/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x800083fc/32B]=0000011400000000000000000000000000000000000000000000000000000000 m0 written
#   DUT>    12 80000030 01ad800b  tld m0,(s11),s10             memR[0x80008300/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008324/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008348/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x8000836c/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008390/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x800083b4/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x800083d8/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x800083fc/32B]=0000000000000000000000000000000000000000000000000000000000000000 m0 written
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 044f8f93  addi t6,t6,68                t6=0x80000044
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x80000044
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 80008db7  lui s11,0x80008              s11=0x80008000
#     7 8000001c 400d8d93  addi s11,s11,1024            s11=0x80008400
#     8 80000020 040d800b  tstn m0,(s11),zero           memW[0x80008400/8B]=0000000000000000 memW[0x80008400/8B]=0000000000000000 memW[0x80008400/8B]=0000000000000000 memW[0x80008400/8B]=0000000000000000 memW[0x80008400/8B]=0000000000000000 memW[0x80008400/8B]=0000000000000000 memW[0x80008400/8B]=0000000000000000 memW[0x80008400/8B]=0000000000000000
#     9 80000024 80008db7  lui s11,0x80008              s11=0x80008000
#     10 80000028 300d8d93  addi s11,s11,768             s11=0x80008300
#     11 8000002c 02400d13  li s10,36                    s10=0x00000024
# end-of-header

# SeedVerify generated program: seed 24, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    # body: 2 ops
    li      s11, 0x80008400             # [0] block 4, stride 0
    tstn    m0, (s11), zero
    li      s11, 0x80008300             # [1] block 3, stride 36
    li      s10, 36
    tld     m0, (s11), s10
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
    # block 4 @ 0x80008400: small i32 values (requant rounding ties) (partly zeroed)
    .word 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000114, 0x00000000
    .zero 224
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
