package dev.seedverify.conformance.engines;

import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Instruction;

import java.util.SplittableRandom;

/**
 * Random self-modifying bare-mode programs, for the engines' differential test (the property
 * generator never stores to code). A loop runs a body of register arithmetic on a0..a5 with
 * patch sites in it: two-word slots that stores from the loop itself rewrite with words from a
 * table of variants — whole words ({@code sw}), halves and bytes (mixing two instructions'
 * bytes, so sometimes an illegal word or an unexpected jump), and tile stores ({@code tstn} with
 * stride 0: its last row lands on the slot). A patch may hit a slot earlier or later in the same
 * iteration, in the same translated block as the store or another; {@code fence.i} appears at
 * random (a no-op for both engines: every write is seen at once). Traps (illegal words,
 * {@code ecall}) are skipped by the handler. Half the programs also call a recursive subroutine
 * (through {@code jal} or {@code jalr}, one to three levels deep) that holds some of the patch
 * sites and patches of its own: code that translations follow into through calls and return
 * from, rewritten by its caller and by itself. The program ends through tohost after its
 * iterations, or when it runs wild, by the budget.
 */
final class SelfModifyingPrograms {
    private static final int A0 = 10, REGS = 6;
    private static final Instruction[] RR = {Instruction.ADD, Instruction.SUB, Instruction.XOR, Instruction.OR, Instruction.AND,
            Instruction.SLL, Instruction.SRL, Instruction.SRA, Instruction.SLT, Instruction.SLTU, Instruction.MUL,
            Instruction.MULH, Instruction.MULHU, Instruction.DIV, Instruction.DIVU, Instruction.REM, Instruction.REMU};
    private static final Instruction[] RI = {Instruction.ADDI, Instruction.XORI, Instruction.ORI, Instruction.ANDI,
            Instruction.SLTI, Instruction.SLTIU};
    private static final Instruction[] SHIFT = {Instruction.SLLI, Instruction.SRLI, Instruction.SRAI};

    private SelfModifyingPrograms() {}

    /** The program of {@code seed} (assembly source). */
    static String generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int sites = 1 + r.nextInt(4);
        int variants = 4 + r.nextInt(12);
        int iterations = 20 + r.nextInt(200);
        StringBuilder s = new StringBuilder();
        s.append("# self-modifying program, seed ").append(seed).append('\n');
        boolean withSub = r.nextBoolean();
        s.append("_start:\n    la t0, handler\n    csrw mtvec, t0\n    la s0, table\n    la sp, stack_top\n    li s2, ")
                .append(iterations).append('\n');
        for (int i = 0; i < REGS; i++) s.append("    li a").append(i).append(", ").append(r.nextInt()).append('\n');
        s.append("loop:\n");
        // sites [0, inLoop) in the loop, the rest in the subroutine
        int inLoop = withSub ? r.nextInt(sites + 1) : sites;
        int placed = items(s, r, 0, inLoop, sites, variants, withSub);
        if (withSub) call(s, r);
        s.append("    addi s2, s2, -1\n    bnez s2, loop\n");
        s.append("    la t0, tohost\n    li t1, 1\n    sw t1, 0(t0)\nspin: j spin\n");
        if (withSub) {
            // s3 counts the levels left; ra is saved on the stack
            s.append("sub:\n    addi sp, sp, -8\n    sw ra, 4(sp)\n");
            items(s, r, placed, sites, sites, variants, false);
            s.append("    addi s3, s3, -1\n    blez s3, sub_ret\n    jal sub\nsub_ret:\n    lw ra, 4(sp)\n    addi sp, sp, 8\n    ret\n");
        }
        s.append("handler:\n    csrr t3, mepc\n    addi t3, t3, 4\n    csrw mepc, t3\n    mret\n");
        s.append("    .align 3\ntable:\n");
        for (int v = 0; v < variants; v++) s.append(word(variant(r), "variant " + v));
        s.append("    .align 3\ntohost: .word 0, 0\n");
        s.append("    .align 4\n    .space 256\nstack_top:\n");
        return s.toString();
    }

    /**
     * A run of random items (body words, {@code fence.i}, patches, calls of the subroutine when
     * {@code calls}) that places sites [first, last); returns {@code last}.
     */
    private static int items(StringBuilder s, SplittableRandom r, int first, int last, int sites, int variants, boolean calls) {
        int items = 4 + r.nextInt(16);
        int placed = first;
        for (int k = 0; k < items || placed < last; k++) {
            int pick = r.nextInt(calls ? 11 : 10);
            if (placed < last && (pick < 2 || k >= items)) {
                s.append("site").append(placed).append(":\n");
                s.append(word(variant(r), "patchable")).append(word(variant(r), "patchable"));
                placed++;
            } else if (pick < 6) {
                s.append(word(variant(r), "body"));
            } else if (pick < 7) {
                s.append("    fence.i\n");
            } else if (pick < 10) {
                patch(s, r, sites, variants);
            } else {
                call(s, r);
            }
        }
        return placed;
    }

    /** A call of the subroutine for one to three levels, through jal or jalr. */
    private static void call(StringBuilder s, SplittableRandom r) {
        s.append("    li s3, ").append(1 + r.nextInt(3)).append('\n');
        s.append(r.nextBoolean() ? "    jal sub\n" : "    la t5, sub\n    jalr t5\n");
    }

    /** A store of a table word into a site: word, half, byte or a tile row. */
    private static void patch(StringBuilder s, SplittableRandom r, int sites, int variants) {
        int site = r.nextInt(sites), slot = r.nextInt(2), v = r.nextInt(variants);
        s.append("    la t2, site").append(site).append('\n');
        s.append("    lw t1, ").append(4 * v).append("(s0)\n");
        int kind = r.nextInt(10);
        if (kind < 6) {
            s.append("    sw t1, ").append(4 * slot).append("(t2)\n");
        } else if (kind < 7) {
            s.append("    sh t1, ").append(4 * slot + 2 * r.nextInt(2)).append("(t2)\n");
        } else if (kind < 8) {
            s.append("    sb t1, ").append(4 * slot + r.nextInt(4)).append("(t2)\n");
        } else {
            // tstn with stride 0 writes all eight rows at the site: row 7 (words 56, 57) stays.
            int other = r.nextInt(variants);
            s.append("    li t4, 56\n    tput m1, t1, t4\n    lw t1, ").append(4 * other).append("(s0)\n");
            s.append("    li t4, 57\n    tput m1, t1, t4\n    tstn m1, (t2), zero\n");
        }
    }

    /** A random instruction on a0..a5, or now and then a word that traps. */
    private static int variant(SplittableRandom r) {
        int pick = r.nextInt(20);
        if (pick == 0) return 0;                                   // illegal
        if (pick == 1) return Encoder.encode(Instruction.ECALL);
        int rd = A0 + r.nextInt(REGS), rs1 = A0 + r.nextInt(REGS), rs2 = A0 + r.nextInt(REGS);
        if (pick < 8) return Encoder.encode(RR[r.nextInt(RR.length)], rd, rs1, rs2);
        if (pick < 14) return Encoder.encode(RI[r.nextInt(RI.length)], rd, rs1, r.nextInt(4096) - 2048);
        if (pick < 18) return Encoder.encode(SHIFT[r.nextInt(SHIFT.length)], rd, rs1, r.nextInt(32));
        return Encoder.encode(Instruction.LUI, rd, r.nextInt(1 << 20));
    }

    private static String word(int w, String note) {
        return String.format("    .word 0x%08x   # %s%n", w, note);
    }
}
