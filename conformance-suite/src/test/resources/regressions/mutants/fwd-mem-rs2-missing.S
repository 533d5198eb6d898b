# seedverify-repro v1
# A program on which the golden model and mutant:fwd-mem-rs2-missing diverged, shrunk to the instructions that cause it.
# Replay: ci/replay.sh <this file> --target mutant:fwd-mem-rs2-missing   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 1
# weights: default
# target: mutant:fwd-mem-rs2-missing
# target-description: mutant fwd-mem-rs2-missing of the S1 RTL (s1_top, Verilator 5.006, mutated sources 629f7d6a8971): The MEM->EX forwarding path of rs2 is missing (only WB->EX forwards rs2): an instruction that reads rs2 right after the instruction that writes it (a store's data, the second ALU/branch/MDU operand) gets the stale register value.
# dram-bytes: 1048576
# budget: 20000
# bucket: stale-rs2 | operand | -
# divergence-kind: MISMATCH
# divergence-order: 9
# original-ops: 44
# shrunk-ops: 1
# shrunk-instructions: 4
# image-sha256: fb1c1fe64c181755afe6e2b9a97075b70f79d75f31c1493bc02fdceb7198b3c5
#
# divergence: MISMATCH at order 9: records differ
#   at pc 0x80000024, insn 0x03ad800b: tst m0,(s11),s10
#   field                golden       DUT
#   mem[1].addr          0x80008a20   0x80008a00
#   mem[2].addr          0x80008a40   0x80008a00
#   mem[3].addr          0x80008a60   0x80008a00
#   mem[4].addr          0x80008a80   0x80008a00
#   mem[5].addr          0x80008aa0   0x80008a00
#   mem[6].addr          0x80008ac0   0x80008a00
#   mem[7].addr          0x80008ae0   0x80008a00
#   golden> 9 80000024 03ad800b  tst m0,(s11),s10             memW[0x80008a00/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a20/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a40/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a60/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a80/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008aa0/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008ac0/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008ae0/32B]=0000000000000000000000000000000000000000000000000000000000000000
#   DUT>    9 80000024 03ad800b  tst m0,(s11),s10             memW[0x80008a00/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a00/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a00/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a00/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a00/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a00/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a00/32B]=0000000000000000000000000000000000000000000000000000000000000000 memW[0x80008a00/32B]=0000000000000000000000000000000000000000000000000000000000000000
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 038f8f93  addi t6,t6,56                t6=0x80000038
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x80000038
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 80009db7  lui s11,0x80009              s11=0x80009000
#     7 8000001c a00d8d93  addi s11,s11,-1536           s11=0x80008a00
#     8 80000020 02000d13  li s10,32                    s10=0x00000020
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
    li      s11, 0x80008a00             # [0] block 10
    li      s10, 32
    tst     m0, (s11), s10
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
