// fence.i: after it, stores to code are visible to instruction fetch (spec §1). The patched
// instruction may directly follow the fence.i, and the store may directly precede it.
#include "s1_test.h"
RVTEST_CODE_BEGIN
        NO_TRAP
        // patch the instruction right after fence.i: store, fence.i, patched
        li TESTNUM, 2
        la a1, 1f
        lw a2, insn_addi_5         // addi a0, a0, 5
        li a0, 0
        sw a2, 0(a1)
        fence.i
1:      addi a0, a0, 1             // replaced
        CHECK(a0, 5)

        // patch in a loop: every iteration rewrites the immediate of the next instruction
        li TESTNUM, 3
        li a0, 0
        li a3, 0                   // expected sum
        li a4, 1                   // increment this round
        li a5, 8                   // rounds
        la a1, 3f
        lw a6, insn_addi_0         // addi a0, a0, 0
2:      slli a2, a4, 20            // immediate field
        or a2, a2, a6
        sw a2, 0(a1)
        fence.i
3:      addi a0, a0, 0             // patched to addi a0, a0, <a4>
        add a3, a3, a4
        addi a4, a4, 1
        addi a5, a5, -1
        bnez a5, 2b
        CHECK_EQ(a0, a3)

        // copy a routine into data memory and call it (fetch from a region written by stores)
        li TESTNUM, 4
        la a1, routine
        la a2, buf
        li a3, 4                   // words
4:      lw a4, 0(a1)
        sw a4, 0(a2)
        addi a1, a1, 4
        addi a2, a2, 4
        addi a3, a3, -1
        bnez a3, 4b
        fence.i
        li a0, 20
        la a2, buf
        jalr ra, 0(a2)
        CHECK(a0, 63)              // (20 + 1) * 3

        // overwrite the copied routine with a different one, fence.i, call again
        li TESTNUM, 5
        la a2, buf
        lw a4, insn_addi_5
        sw a4, 0(a2)               // first word: addi a0, a0, 5
        fence.i
        li a0, 1
        jalr ra, 0(a2)
        CHECK(a0, 18)              // (1 + 5) * 3

        // fence.i with no preceding store, and right after a branch
        li TESTNUM, 6
        fence.i
        beq x0, x0, 5f
5:      fence.i
        fence.i
        li a0, 3
        CHECK(a0, 3)
        RVTEST_PASS

        .align 2
routine:
        addi a0, a0, 1
        slli a1, a0, 1
        add a0, a0, a1
        ret
RVTEST_CODE_END
RVTEST_DATA_BEGIN
insn_addi_5: addi a0, a0, 5
insn_addi_0: addi a0, a0, 0
        .align 4
buf:    .word 0, 0, 0, 0, 0, 0, 0, 0
RVTEST_DATA_END
