# seedverify-repro v1
# A program on which the golden model and mutant:fwd-wrong-stage diverged, shrunk to the instructions that cause it.
# Replay: ci/replay.sh <this file> --target mutant:fwd-wrong-stage   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 4
# weights: default
# target: mutant:fwd-wrong-stage
# target-description: mutant fwd-wrong-stage of the S1 RTL (s1_top, Verilator 5.006, mutated sources aedca9937f51): The rs2 forwarding mux checks WB before MEM: when both instructions ahead write rs2, the older value (in WB) is forwarded instead of the newer one (in MEM).
# dram-bytes: 1048576
# budget: 20000
# bucket: stale-rs2 | operand | -
# divergence-kind: MISMATCH
# divergence-order: 11
# divergence-fields: rd_wdata
# original-ops: 45
# shrunk-ops: 3
# shrunk-instructions: 6
# image-sha256: da68b900243dc293040a63bdb75d77fa55aa1eee9943063f2fdddab0005c4eca
#
# divergence: MISMATCH at order 11: records differ
#   at pc 0x8000002c, insn 0x00d2380b: tget a6,m4,a3
#   field                golden       DUT
#   rd_wdata             0x7ac0fec0   0x00000000
#   golden> 11 8000002c 00d2380b  tget a6,m4,a3                a6=0x7ac0fec0
#   DUT>    11 8000002c 00d2380b  tget a6,m4,a3                a6=0x00000000
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 040f8f93  addi t6,t6,64                t6=0x80000040
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x80000040
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 80009db7  lui s11,0x80009              s11=0x80009000
#     7 8000001c c00d8d93  addi s11,s11,-1024           s11=0x80008c00
#     8 80000020 000d820b  tld m4,(s11),zero            memR[0x80008c00/32B]=00000000000000000000000000000000000000007ac0fec00000000000000000 memR[0x80008c00/32B]=00000000000000000000000000000000000000007ac0fec00000000000000000 memR[0x80008c00/32B]=00000000000000000000000000000000000000007ac0fec00000000000000000 memR[0x80008c00/32B]=00000000000000000000000000000000000000007ac0fec00000000000000000 memR[0x80008c00/32B]=00000000000000000000000000000000000000007ac0fec00000000000000000 memR[0x80008c00/32B]=00000000000000000000000000000000000000007ac0fec00000000000000000 memR[0x80008c00/32B]=00000000000000000000000000000000000000007ac0fec00000000000000000 memR[0x80008c00/32B]=00000000000000000000000000000000000000007ac0fec00000000000000000 m4 written
#     9 80000024 753a76b7  lui a3,0x753a7               a3=0x753a7000
#     10 80000028 9f268693  addi a3,a3,-1550             a3=0x753a69f2
# end-of-header

# SeedVerify generated program: seed 4, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    # body: 3 ops
    li      s11, 0x80008c00             # [0] block 12, stride 0
    tld     m4, (s11), zero
    li      a3, 0x753a69f2              # [1] tile word index
    tget    a6, m4, a3                  # [2] read a result word; a3 from 1 op back
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
    # block 12 @ 0x80008c00: i8 edge values (0, +-1, 127, -128) and random bytes (partly zeroed)
    .word 0x00000000, 0x00000000, 0x7ac0fec0, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
    .zero 224
    # block 13 @ 0x80008d00: zero
    .zero 256
    # block 14 @ 0x80008e00: zero
    .zero 256
    # block 15 @ 0x80008f00: zero
    .zero 256
tohost:
    .zero 8
