# seedverify-repro v2
# A program on which the golden model and mutant:load-use-rs2 diverged, shrunk to the instructions that cause it.
# Replay: seedverify replay <this file> --target mutant:load-use-rs2   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 57
# weights: default
# target: mutant:load-use-rs2
# target-description: mutant load-use-rs2 of the S1 RTL (s1_top, Verilator 5.006, mutated sources 1cf4ea532522): The load-use interlock compares only rs1 with the load's rd: an instruction right after a load that reads the loaded register as rs2 (storing the loaded value, a second ALU operand) does not stall and reads the stale register value.
# dram-bytes: 1048576
# budget: 20000
# bucket: load-use | operand | -
# divergence-kind: MISMATCH
# divergence-order: 9
# divergence-fields: rd_wdata
# original-ops: 64
# shrunk-ops: 2
# shrunk-instructions: 2
# image-sha256: acf203312ae1415b72c56c555977d05e59cbbccbc87a1f66d86dba5e49392ed4
#
# divergence: MISMATCH at order 9: records differ; cause: x5 read as it was before the load at order 8 wrote it (0x00000000, not 0x00000023)
#   at pc 0x80000024, insn 0x0254e9b3: rem s3,s1,t0
#   field                golden       DUT
#   rd_wdata             0x00000016   0x7fffffff
#   golden> 9 80000024 0254e9b3  rem s3,s1,t0                 s3=0x00000016
#   DUT>    9 80000024 0254e9b3  rem s3,s1,t0                 s3=0x7fffffff
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 038f8f93  addi t6,t6,56                t6=0x80000038
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x80000038
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 800004b7  lui s1,0x80000               s1=0x80000000
#     7 8000001c fff48493  addi s1,s1,-1                s1=0x7fffffff
#     8 80000020 000e8283  lb t0,0(t4)                  t0=0x00000023 memR[0x80008800/0001]=00000023
# content-sha256: 3f9d80811597b7dd6d9e2dbd1a9a69484bd70d4b5ef814568fb3dfae07bb0bcc
# end-of-header

# SeedVerify generated program: seed 57, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    li      s1, 0x7fffffff
    # body: 2 ops
    lb      t0, 0(t4)                   # [0]
    rem     s3, s1, t0                  # [1] t0 from 1 op back
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
    # block 8 @ 0x80008800: binary32 specials (+-0, NaNs with payloads, +-inf, max, subnormals, E4M3 rounding points) (partly zeroed)
    .word 0xff800123, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000
    .zero 224
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
