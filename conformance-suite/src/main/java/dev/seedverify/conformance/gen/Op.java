package dev.seedverify.conformance.gen;

import dev.seedverify.golden.isa.Instruction;

import java.util.Arrays;

/**
 * One element of a generated program's body. Control transfers name their target as a body
 * index (the label before that op; {@code size()} is the epilogue), never as a byte offset, so
 * deleting ops keeps every target meaningful ({@link Program#delete}).
 */
public sealed interface Op {

    /** Why the generator made this op (written as a comment in the assembly). */
    String note();

    /** The body index this op transfers control to, or -1. */
    default int target() { return -1; }

    /** This op with another target (only for ops whose {@link #target()} is not -1). */
    default Op withTarget(int target) { throw new UnsupportedOperationException(this + " has no target"); }

    /**
     * A table instruction with its operand values in {@link Instruction#operands()} order. For a
     * branch or {@code jal} the PC_OFFSET operand is ignored: the offset is that of label
     * {@code target}, plus {@code skew} bytes (2 makes a taken branch a fetch-misaligned trap).
     */
    record Insn(Instruction insn, int[] operands, int target, int skew, String note) implements Op {
        public Insn {
            operands = operands.clone();
        }

        @Override
        public int[] operands() { return operands.clone(); }

        public int operand(int i) { return operands[i]; }

        public Insn withOperand(int i, int value) {
            int[] o = operands.clone();
            o[i] = value;
            return new Insn(insn, o, target, skew, note);
        }

        public Insn withSkew(int s) { return new Insn(insn, operands, target, s, note); }

        @Override
        public Op withTarget(int t) {
            if (target < 0) throw new UnsupportedOperationException(insn + " has no target");
            return new Insn(insn, operands, t, skew, note);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Insn i && i.insn == insn && Arrays.equals(i.operands, operands) && i.target == target
                    && i.skew == skew && i.note.equals(note);
        }

        @Override
        public int hashCode() { return insn.hashCode() * 31 + Arrays.hashCode(operands) + 7 * target + skew; }

        @Override
        public String toString() { return "Insn[" + insn.mnemonic() + " " + Arrays.toString(operands) + " target=" + target + " skew=" + skew + "]"; }
    }

    /** {@code li rd, value}: one or two instructions (as the assembler expands it). */
    record Li(int rd, int value, String note) implements Op {}

    /**
     * A tile load or store with its address set up in the reserved address and stride
     * registers: {@code li s11, address; li s10, stride; tld/tst/tstn m<tile>, (s11), s10} (the
     * stride {@code li} is left out and x0 used when the stride is 0).
     */
    record TileMem(Instruction insn, int tile, int address, int stride, String note) implements Op {}

    /**
     * {@code jalr} to label {@code target}: {@code la s11, target; jalr rd, offset(s11)}. Offset 0
     * or 1 reaches the label (bit 0 is cleared), 2 or 3 traps fetch-misaligned at the jalr.
     */
    record JumpReg(int rd, int target, int offset, String note) implements Op {
        @Override
        public Op withTarget(int t) { return new JumpReg(rd, t, offset, note); }
    }

    /** {@code jalr ra, 0(t3)}: a jump to the first address past DRAM, a fetch access fault; the handler returns to ra. */
    record FetchFault(String note) implements Op {}

    /** {@code mret} to label {@code target}: {@code la s11, target; csrw mepc, s11; mret}. */
    record Mret(int target, String note) implements Op {
        @Override
        public Op withTarget(int t) { return new Mret(t, note); }
    }

    /**
     * Start of bounded loop {@code id}: {@code li t5, count} then the loop label. Rendered only
     * when the matching {@link LoopTail} is still in the body.
     */
    record LoopHead(int id, int count, String note) implements Op {}

    /** End of loop {@code id}: {@code addi t5, t5, -1; blt zero, t5, loop}. Rendered only with its head. */
    record LoopTail(int id, String note) implements Op {}

    /** A word that is an illegal instruction (checked with the decoder), written as {@code .word}. */
    record Illegal(int word, String note) implements Op {}

    /**
     * A write of mtvec that keeps the handler reachable (spec §1.1: bits 1:0 read 0): the handler's
     * address with {@code low} (0..3) in bits 1:0, written by {@code insn} (csrrw: {@code la s11,
     * handler; addi s11, s11, low}; csrrs/csrrc: {@code li s11, low}; csrrsi/csrrci: zimm =
     * {@code low}), the old value read into {@code rd}. A {@code low} of 1..3 is the WARL case.
     */
    record MtvecWrite(Instruction insn, int rd, int low, String note) implements Op {}

    /**
     * A scalar store at a fixed address: {@code li s11, address; <insn> rs2, 0(s11)}. Valid only
     * where a store may land (data region, scratch area, the prologue's words, which never run
     * again) or where it faults (outside DRAM, misaligned): it reaches the first bytes of DRAM
     * and just below it, which t3 and t4 cannot.
     */
    record StoreAt(Instruction insn, int rs2, int address, String note) implements Op {}

    /**
     * Self-modifying code (spec §1): stores {@code addi rd, rs1, newImm} over the instruction
     * {@code addi rd, rs1, oldImm} placed after it ({@code la s11, slot; li s10, word; sw s10,
     * 0(s11)}), then, when {@code fence}, a {@code fence.i}; then {@code gap} no-ops; then the slot.
     * Without the fence the two words must be equal (which word fetch sees is
     * implementation-defined); with it the new word is the one that runs.
     */
    record Smc(int rd, int rs1, int newImm, int oldImm, boolean fence, int gap, String note) implements Op {}
}
