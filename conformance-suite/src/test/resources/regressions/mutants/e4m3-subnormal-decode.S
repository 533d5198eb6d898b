# seedverify-repro v2
# A program on which the golden model and mutant:e4m3-subnormal-decode diverged, shrunk to the instructions that cause it.
# Replay: seedverify replay <this file> --target mutant:e4m3-subnormal-decode   (FAIL while the bug is there, PASS once golden and the target agree)
#
# seed: 35
# weights: default
# target: mutant:e4m3-subnormal-decode
# target-description: mutant e4m3-subnormal-decode of the S1 RTL (s1_top, Verilator 5.006, mutated sources 4adb675c6d00): tmma.e4m3 decodes the A operand's nonzero E4M3 subnormals (exponent field 0) with the hidden bit, as 1.m x 2^-6 instead of 0.m x 2^-6 (zero is special-cased and stays right).
# dram-bytes: 1048576
# budget: 20000
# bucket: tmma.e4m3 | tile.row[].word[] | -
# divergence-kind: MISMATCH
# divergence-order: 16
# divergence-fields: tile.row[4].word[1]
# original-ops: 33
# shrunk-ops: 4
# shrunk-instructions: 9
# image-sha256: f5fdefa8c9db25b5877310d6aa7ed406a3b6a8e948ee3a5dcb683e8664140902
#
# divergence: MISMATCH at order 16: records differ
#   at pc 0x80000040, insn 0x0472100b: tmma.e4m3 m0,m4,m7
#   field                golden       DUT
#   tile.row[4].word[1]  0x8407fc00   0x84091c00
#   golden> 16 80000040 0472100b  tmma.e4m3 m0,m4,m7           xsstat<-0x00000002 m0 written
#   DUT>    16 80000040 0472100b  tmma.e4m3 m0,m4,m7           xsstat<-0x00000002 m0 written
#   the instructions before it (identical on both sides):
#     0 80000000 00000f97  auipc t6,0x0                 t6=0x80000000
#     1 80000004 054f8f93  addi t6,t6,84                t6=0x80000054
#     2 80000008 305f9073  csrw mtvec,t6                mtvec<-0x80000054
#     3 8000000c 80009eb7  lui t4,0x80009               t4=0x80009000
#     4 80000010 800e8e93  addi t4,t4,-2048             t4=0x80008800
#     5 80000014 80100e37  lui t3,0x80100               t3=0x80100000
#     6 80000018 000082b7  lui t0,0x8                   t0=0x00008000
#     7 8000001c fff28293  addi t0,t0,-1                t0=0x00007fff
#     8 80000020 7c629073  csrw xsbscl0,t0              xsbscl0<-0x00007fff
#     9 80000024 80009db7  lui s11,0x80009              s11=0x80009000
#     10 80000028 e00d8d93  addi s11,s11,-512            s11=0x80008e00
#     11 8000002c 02000d13  li s10,32                    s10=0x00000020
#     12 80000030 01ad820b  tld m4,(s11),s10             memR[0x80008e00/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008e20/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008e40/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008e60/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008e80/32B]=000000004187808000000000ef71da0300000000000000000000000000000000 memR[0x80008ea0/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008ec0/32B]=0000000000000000000000000000000000000000000000000000000000000000 memR[0x80008ee0/32B]=0000000000000000000000000000000000000000000000000000000000000000 m4 written
#     13 80000034 80009db7  lui s11,0x80009              s11=0x80009000
#     14 80000038 e78d8d93  addi s11,s11,-392            s11=0x80008e78
#     15 8000003c 000d838b  tld m7,(s11),zero            memR[0x80008e78/32B]=00000000ef71da03000000000000000000000000000000000000000000000000 memR[0x80008e78/32B]=00000000ef71da03000000000000000000000000000000000000000000000000 memR[0x80008e78/32B]=00000000ef71da03000000000000000000000000000000000000000000000000 memR[0x80008e78/32B]=00000000ef71da03000000000000000000000000000000000000000000000000 memR[0x80008e78/32B]=00000000ef71da03000000000000000000000000000000000000000000000000 memR[0x80008e78/32B]=00000000ef71da03000000000000000000000000000000000000000000000000 memR[0x80008e78/32B]=00000000ef71da03000000000000000000000000000000000000000000000000 memR[0x80008e78/32B]=00000000ef71da03000000000000000000000000000000000000000000000000 m7 written
# content-sha256: 8c07d41b12ad8692ec198441836c7620c73028aaf7a9cec128e0a479d993ea63
# end-of-header

# SeedVerify generated program: seed 35, weights default, DRAM 1048576 bytes
# Memory map and register plan: dev.seedverify.conformance.gen.Layout (t3..t6, s10, s11 are scaffolding).

_start:
    # prologue: trap vector, scaffolding registers, initial register values
    la      t6, handler                 # trap handler address
    csrrw   zero, mtvec, t6             # mtvec = handler
    li      t4, 0x80008800              # t4 = data pointer (middle of the data region)
    li      t3, 0x80100000              # t3 = first address past DRAM
    li      t0, 0x00007fff
    # body: 4 ops
    csrrw   zero, xsbscl0, t0           # [0] xseed set-up
    li      s11, 0x80008e00             # [1] block 14
    li      s10, 32
    tld     m4, (s11), s10
    li      s11, 0x80008e78             # [2] block 14, stride 0
    tld     m7, (s11), zero
    tmma.e4m3 m0, m4, m7                # [3]
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
    # block 14 @ 0x80008e00: E4M3 codes (NaN 0x7f/0xff in some rows, +-448, subnormals, +-0, 1.0) (partly zeroed)
    .zero 128
    .word 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0xef71da03, 0x00000000, 0x41878080, 0x00000000
    .zero 96
    # block 15 @ 0x80008f00: zero
    .zero 256
tohost:
    .zero 8
