package dev.seedverify.golden.isa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/** Deterministic instruction-word samples shared by the ISA and assembler tests. */
public final class WordSamples {

    /** Uniformly random words (seeded). */
    public static final int UNIFORM_WORDS = 1_000_000;
    /** Random words per major opcode with the opcode bits forced (most of them are near-legal). */
    public static final int WORDS_PER_OPCODE = 40_000;
    /** One-bit mutants of boundary words. */
    public static final int MUTANTS = 200_000;
    public static final long SEED = 0x5EED_0001L;

    private static int[] random;
    private static int[] boundary;

    private WordSamples() {}

    /**
     * The boundary values of one operand: every GPR, every tile, every CSR, every fence set, and for
     * immediates min, min+step, -step, 0, step, max-step, max (those the field accepts).
     */
    public static int[] boundaryValues(Operand o) {
        return switch (o.kind()) {
            case GPR -> IntStream.range(0, Gpr.COUNT).toArray();
            case TILE -> IntStream.range(0, Tiles.COUNT).toArray();
            case CSR -> Arrays.stream(Csr.values()).mapToInt(Csr::address).toArray();
            case FENCE_SET -> IntStream.range(0, 16).toArray();
            default -> {
                Field f = o.field();
                int s = f.step();
                yield IntStream.of(f.min(), f.min() + s, -s, 0, s, f.max() - s, f.max())
                        .filter(f::accepts).distinct().toArray();
            }
        };
    }

    /**
     * Calls {@code action} with every combination of boundary operand values of {@code insn} and the
     * word Encoder makes of it, or null when the Encoder rejects the combination (a write to a
     * read-only CSR).
     */
    public static void forEachBoundaryCombination(Instruction insn, BiConsumer<int[], Integer> action) {
        List<Operand> ops = insn.operands();
        int[][] sets = new int[ops.size()][];
        for (int i = 0; i < sets.length; i++) sets[i] = boundaryValues(ops.get(i));
        int[] idx = new int[sets.length];
        int[] values = new int[sets.length];
        while (true) {
            for (int i = 0; i < sets.length; i++) values[i] = sets[i][idx[i]];
            Integer word;
            try {
                word = Encoder.encode(insn, values);
            } catch (IllegalArgumentException e) {
                word = null;
            }
            action.accept(values.clone(), word);
            int k = sets.length - 1;
            while (k >= 0 && ++idx[k] == sets[k].length) idx[k--] = 0;
            if (k < 0) return;
        }
    }

    /** Every legal word of {@link #forEachBoundaryCombination} over all instructions (cached). */
    public static synchronized int[] boundaryWords() {
        if (boundary == null) {
            List<Integer> words = new ArrayList<>();
            for (Instruction insn : Instruction.all()) {
                forEachBoundaryCombination(insn, (v, w) -> {
                    if (w != null) words.add(w);
                });
            }
            boundary = words.stream().mapToInt(Integer::intValue).toArray();
        }
        return boundary.clone();
    }

    /**
     * {@link #UNIFORM_WORDS} uniform words, {@link #WORDS_PER_OPCODE} per major opcode (each of the
     * 32 opcodes with bits 1:0 = 11, so those of the S1 land near legal encodings), and
     * {@link #MUTANTS} one-bit flips of boundary words (of each instruction equally often, 1 in 33
     * left unflipped); fixed seed (cached).
     */
    public static synchronized int[] randomWords() {
        if (random == null) {
            SplittableRandom rnd = new SplittableRandom(SEED);
            int[] w = new int[UNIFORM_WORDS + 128 * WORDS_PER_OPCODE / 4 + MUTANTS];
            int n = 0;
            for (int i = 0; i < UNIFORM_WORDS; i++) w[n++] = rnd.nextInt();
            for (int op = 3; op < 128; op += 4) {  // the 32 opcodes with bits 1:0 = 11 (no C extension)
                for (int i = 0; i < WORDS_PER_OPCODE; i++) w[n++] = (rnd.nextInt() & ~0x7F) | op;
            }
            // Mutants: pick an instruction, one of its boundary words, and flip one bit (1 time in 33: none).
            List<int[]> perInsn = new ArrayList<>();
            for (Instruction insn : Instruction.all()) {
                List<Integer> ws = new ArrayList<>();
                forEachBoundaryCombination(insn, (v, word) -> {
                    if (word != null) ws.add(word);
                });
                perInsn.add(ws.stream().mapToInt(Integer::intValue).toArray());
            }
            for (int i = 0; i < MUTANTS; i++) {
                int[] ws = perInsn.get(rnd.nextInt(perInsn.size()));
                int bit = rnd.nextInt(33);
                w[n++] = ws[rnd.nextInt(ws.length)] ^ (bit == 32 ? 0 : 1 << bit);
            }
            random = Arrays.copyOf(w, n);
        }
        return random.clone();
    }

    /** The legal words among {@link #randomWords()}. */
    public static int[] legalRandomWords() {
        return Arrays.stream(randomWords()).filter(Decoder::isLegal).toArray();
    }
}
