# xseed/tile_mem_faults.S: Tile load/store faults: misaligned base/stride (cause 4/6, mtval = base), access faults in row order, precise
#
# Spec: SeedChip S1 v1.0 section 2 (Xseed tile extension): 2.1 state, 2.2 encodings, 2.3 CSRs, 2.4 numerics.
# All rows are checked before any byte moves: a fault writes neither memory nor the tile.
# DRAM starts at 0x8000_0000 and is at most 64 MiB: the faulting addresses are outside for every size.
#
# SeedChip S1 conformance suite conventions (riscv-tests style, plain assembly):
#   - _start is at 0x8000_0000 (bare mode); tohost is an 8-byte aligned word of its own.
#   - gp holds the number of the running sub-test; every sub-test starts with `li gp, N`.
#   - every expected value is written from the specification and loaded with `li t2, ...`
#     (expected trap cause: `li s2, ...`) right before the check that uses it.
#   - pass writes 1 to tohost; fail writes (gp << 1) | 1. An unexpected trap goes to fail
#     (or to the checking trap handler, which fails on any mismatch).

        .text
        .globl  _start
_start:
        li      gp, 0
        li      s5, 0
        la      t0, handler
        csrw    mtvec, t0

        # set-up: src words 0x1000 + k, m1 <- src, then marker 0xabcd in m1 word 0; dst words 0xdeadbeef
        la      a0, src
        li      a1, 64
        li      a2, 0x1000
        li      a3, 1
        call    fill_words
        la      a0, src
        li      a1, 32
        tld     m1, (a0), a1
        li      a1, 0xabcd
        tput    m1, a1, zero
        li      a1, 0x0fe0
        tput    m2, a1, zero
        la      a0, dst
        li      a1, 64
        li      a2, 0xdeadbeef
        li      a3, 0
        call    fill_words

        # test 1: tld with base not a multiple of 4: cause 4, mtval = base, tile unchanged
        li      gp, 1
        la      a0, src
        addi    a0, a0, 2
        li      a1, 32
        li      s2, 4                   # expected mcause
        mv      s3, a0                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tld     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x0000abcd
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m1, a4
        li      t2, 0x00001001
        bne     a5, t2, fail

        # test 2: tld with stride not a multiple of 4: cause 4, mtval = base
        li      gp, 2
        la      a0, src
        li      a1, 2
        li      s2, 4                   # expected mcause
        mv      s3, a0                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tld     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x0000abcd
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m1, a4
        li      t2, 0x00001001
        bne     a5, t2, fail

        # test 3: tld with both misaligned: mtval = base
        li      gp, 3
        la      a0, src
        addi    a0, a0, 1
        li      a1, 33
        li      s2, 4                   # expected mcause
        mv      s3, a0                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tld     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x0000abcd
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m1, a4
        li      t2, 0x00001001
        bne     a5, t2, fail

        # test 4: tst with base not a multiple of 4: cause 6, memory unchanged
        li      gp, 4
        la      a0, dst
        addi    a0, a0, 2
        li      a1, 32
        li      s2, 6                   # expected mcause
        mv      s3, a0                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tst     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        lw      a5, 4(a0)
        bne     a5, t2, fail

        # test 5: tst with stride not a multiple of 4: cause 6, memory unchanged
        li      gp, 5
        la      a0, dst
        li      a1, 34
        li      s2, 6                   # expected mcause
        mv      s3, a0                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tst     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        lw      a5, 4(a0)
        bne     a5, t2, fail

        # test 6: tstn with base not a multiple of 4: cause 6
        li      gp, 6
        la      a0, dst
        addi    a0, a0, 1
        li      a1, 8
        li      s2, 6                   # expected mcause
        mv      s3, a0                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tstn    m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        lw      a5, 4(a0)
        bne     a5, t2, fail

        # test 7: tstn with stride not a multiple of 4: cause 6
        li      gp, 7
        la      a0, dst
        li      a1, 6
        li      s2, 6                   # expected mcause
        mv      s3, a0                  # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tstn    m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        lw      a5, 4(a0)
        bne     a5, t2, fail

        # test 8: misaligned beats access fault: tld at 0x00000002
        li      gp, 8
        li      a0, 0x00000002
        li      a1, 32
        li      s2, 4                   # expected mcause
        li      s3, 0x00000002          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tld     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x0000abcd
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m1, a4
        li      t2, 0x00001001
        bne     a5, t2, fail

        # test 9: tld rows 0..2 inside, row 3 below DRAM: cause 5, mtval = row 3, tile unchanged
        li      gp, 9
        li      a0, 0x80000040
        li      a1, -32
        li      s2, 5                   # expected mcause
        li      s3, 0x7fffffe0          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tld     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x0000abcd
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m1, a4
        li      t2, 0x00001001
        bne     a5, t2, fail

        # test 10: tld with base outside DRAM: mtval = base
        li      gp, 10
        li      a0, 0x00001000
        li      a1, 32
        li      s2, 5                   # expected mcause
        li      s3, 0x00001000          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tld     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x0000abcd
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m1, a4
        li      t2, 0x00001001
        bne     a5, t2, fail

        # test 11: tld row 1 wraps the address space: mtval = its address
        li      gp, 11
        li      a0, 0x80000100
        li      a1, 0x80000000
        li      s2, 5                   # expected mcause
        li      s3, 0x00000100          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tld     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      a4, 0
        tget    a5, m1, a4
        li      t2, 0x0000abcd
        bne     a5, t2, fail
        li      a4, 1
        tget    a5, m1, a4
        li      t2, 0x00001001
        bne     a5, t2, fail

        # test 12: tst row 1 far above DRAM: cause 7, row 0 is not written
        li      gp, 12
        la      a0, dst
        li      a1, 0x10000000
        li      s2, 7                   # expected mcause
        li      s3, 0x10000000
        add     s3, s3, a0              # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tst     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        lw      a5, 4(a0)
        bne     a5, t2, fail

        # test 13: tst row 1 below DRAM: cause 7, row 0 is not written
        li      gp, 13
        la      a0, dst
        li      a1, -0x10000000
        li      s2, 7                   # expected mcause
        li      s3, -0x10000000
        add     s3, s3, a0              # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tst     m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        la      a0, dst
        lw      a5, 0(a0)
        li      t2, 0xdeadbeef
        bne     a5, t2, fail
        lw      a5, 4(a0)
        bne     a5, t2, fail

        # test 14: tstn rows 0..6 over this program's code, row 7 below DRAM: nothing is written
        li      gp, 14
        li      a0, 0x800000c0
        li      a1, -32
        li      s2, 7                   # expected mcause
        li      s3, 0x7fffffe0          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tstn    m2, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail
        li      a0, 0x80000000
        lw      a5, 0(a0)
        li      t2, 0x00000193          # the first instruction, li gp, 0, is intact
        bne     a5, t2, fail

        # test 15: tstn with base below DRAM: mtval = base
        li      gp, 15
        li      a0, 0x7ffffff8
        li      a1, 8
        li      s2, 7                   # expected mcause
        li      s3, 0x7ffffff8          # expected mtval
        la      s4, 1f                  # expected mepc
        li      s11, 0
1:      tstn    m1, (a0), a1
        li      t2, 1                   # exactly one trap was taken
        bne     s11, t2, fail

        # test 16: aligned rows inside DRAM do not fault
        li      gp, 16
        la      a0, dst
        li      a1, 32
        li      s11, 0
        tld     m3, (a0), a1
        tst     m3, (a0), a1
        tstn    m3, (a0), a1
        li      t2, 0                   # no trap
        bne     s11, t2, fail

        j       pass

# ---------------------------------------------------------------------------------------------
# fill_words: a0 = address, a1 = word count, a2 = first value, a3 = increment
fill_words:
1:      sw      a2, 0(a0)
        add     a2, a2, a3
        addi    a0, a0, 4
        addi    a1, a1, -1
        bnez    a1, 1b
        ret

# ---------------------------------------------------------------------------------------------
# Trap handler: checks mcause = s2, mtval = s3, mepc = s4 (set by the sub-test before the
# trapping instruction), counts the trap in s11, then resumes after the trapping instruction
# (mepc + 4), or at s5 when the sub-test set a resume address (faults with mepc = the target).
handler:
        csrr    t0, mcause
        bne     t0, s2, fail
        csrr    t0, mtval
        bne     t0, s3, fail
        csrr    t0, mepc
        bne     t0, s4, fail
        addi    s11, s11, 1
        beqz    s5, 1f
        csrw    mepc, s5
        mret
1:      addi    t0, t0, 4
        csrw    mepc, t0
        mret

# ---------------------------------------------------------------------------------------------
pass:
        fence
        li      t0, 1
        la      t1, tohost
        sw      t0, 0(t1)
1:      j       1b

fail:
        fence
2:      beqz    gp, 2b                  # never report a failure as "test 0" (= pass): hang
        slli    t0, gp, 1
        ori     t0, t0, 1
        la      t1, tohost
        sw      t0, 0(t1)
3:      j       3b

        .data
        .align  3
tohost: .word   0, 0

        .align  5
src:    .space  256
dst:    .space  256
