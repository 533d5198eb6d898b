# zicsr/minstret.S: minstret/minstreth and instret(h): retired count, read-before, a CSR write of either is not counted (it replaces the increment), traps not counted
#
# Spec: SeedChip S1 v1.2 section 1.1 (CSRs) and Zicsr.
# A read returns the count before the reading instruction; a CSR instruction that writes minstret
# or minstreth is not counted: the write is done instead of its increment (the next instruction
# reads the written value).
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

        # test 1: three nops between two reads: the difference is 4
        li      gp, 1
        csrr    a0, minstret
        nop
        nop
        nop
        csrr    a1, minstret
        sub     a1, a1, a0
        li      t2, 4
        bne     a1, t2, fail

        # test 2: instret is an alias: reads differ by 1 across one instruction
        li      gp, 2
        csrr    a0, minstret
        rdinstret a1
        sub     a1, a1, a0
        li      t2, 1
        bne     a1, t2, fail

        # test 3: a write takes precedence: the next read returns the written value
        li      gp, 3
        li      a1, 100
        csrw    minstret, a1
        csrr    a0, minstret
        csrr    a3, minstret
        li      t2, 100
        bne     a0, t2, fail
        li      t2, 101
        bne     a3, t2, fail

        # test 4: a read returns the count before the reading instruction
        li      gp, 4
        li      a1, 1000
        li      a2, 5000
        csrw    minstret, a1            # the next instruction sees 1000
        nop                             # retires: 1001
        csrrw   a0, minstret, a2        # reads 1001, the count before it
        csrr    a3, minstret            # the write takes precedence: 5000
        li      t2, 1001
        bne     a0, t2, fail
        li      t2, 5000
        bne     a3, t2, fail

        # test 5: csrrs on minstret ORs into the count before the instruction
        li      gp, 5
        li      a1, 0x40
        li      a2, 0x100
        csrw    minstret, a1
        csrrs   a0, minstret, a2        # reads 0x40, writes 0x140
        csrr    a3, minstret
        li      t2, 0x40
        bne     a0, t2, fail
        li      t2, 0x140
        bne     a3, t2, fail

        # test 6: minstreth is writable and read back
        li      gp, 6
        li      a1, 7
        csrw    minstreth, a1
        csrr    a0, minstreth
        li      t2, 7
        bne     a0, t2, fail
        rdinstreth a0
        li      t2, 7
        bne     a0, t2, fail

        # test 7: the low half carries into minstreth
        li      gp, 7
        csrw    minstreth, zero
        li      a1, -1
        csrw    minstret, a1            # the next instruction sees 0x0_ffffffff
        nop                             # retires: 0x1_00000000
        csrr    a0, minstreth
        csrr    a3, minstret            # 0x1_00000001
        li      t2, 1
        bne     a0, t2, fail
        li      t2, 1
        bne     a3, t2, fail

        # test 8: a trapping instruction is not counted
        li      gp, 8
        la      t0, 3f
        csrw    mtvec, t0               # a local handler that reads minstret at once
        csrr    a5, minstret
        ecall                           # traps: not counted
        j       fail
3:      csrr    a6, minstret
        sub     a6, a6, a5
        li      t2, 1                   # only the csrr a5 retired in between
        bne     a6, t2, fail
        la      t0, handler
        csrw    mtvec, t0

        # test 9: instreth aliases minstreth
        li      gp, 9
        li      a1, 3
        csrw    minstreth, a1
        csrr    a0, instreth
        li      t2, 3
        bne     a0, t2, fail
        csrw    minstreth, zero

        # test 10: a CSR write of minstreth is not counted either (v1.2): minstret does not advance across it
        li      gp, 10
        li      a1, 1000
        csrw    minstret, a1            # the next instruction sees 1000
        csrw    minstreth, zero         # writes: not counted, still 1000
        csrr    a0, minstret
        li      t2, 1000
        bne     a0, t2, fail
        # test 11: a write that leaves the value unchanged still replaces the increment
        li      gp, 11
        li      a2, 1
        li      a1, 0x100
        csrw    minstret, a1            # the next instruction sees 0x100
        csrrc   a0, minstret, a2        # writes 0x100 & ~1 = 0x100: not counted
        csrr    a3, minstret
        li      t2, 0x100
        bne     a3, t2, fail
        # test 12: csrrs/csrrsi with a zero source field write nothing, so they are counted
        li      gp, 12
        li      a1, 0x200
        csrw    minstret, a1            # the next instruction sees 0x200
        csrrs   a0, minstret, zero      # reads 0x200, no write: counted
        csrrsi  a4, minstret, 0         # reads 0x201, no write: counted
        csrr    a3, minstret            # 0x202
        li      t2, 0x202
        bne     a3, t2, fail
        li      t2, 0x201
        bne     a4, t2, fail
        j       pass

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
