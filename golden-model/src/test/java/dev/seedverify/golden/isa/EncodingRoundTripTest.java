package dev.seedverify.golden.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Encoder and Decoder are inverse on every instruction at the boundary values of every operand
 * (all combinations) and on random operand values, and the independent {@link ReferenceDecoder}
 * agrees on each word.
 */
class EncodingRoundTripTest {

    private static final int RANDOM_TUPLES_PER_INSTRUCTION = 20_000;

    @Test
    void everyBoundaryOperandCombinationDecodesToTheSameInstructionAndOperandsAndReEncodes() {
        List<String> failures = new ArrayList<>();
        int[] legal = {0};
        for (Instruction insn : Instruction.all()) {
            WordSamples.forEachBoundaryCombination(insn, (values, word) -> {
                if (word == null) {
                    checkRejectedCombination(insn, values, failures);
                    return;
                }
                legal[0]++;
                checkRoundTrip(insn, values, word, failures);
            });
        }
        assertThat(failures).as("round-trip failures").isEmpty();
        assertThat(legal[0]).as("boundary words").isGreaterThan(500_000);
    }

    @Test
    void randomOperandValuesRoundTrip() {
        SplittableRandom rnd = new SplittableRandom(WordSamples.SEED);
        List<String> failures = new ArrayList<>();
        for (Instruction insn : Instruction.all()) {
            List<Operand> ops = insn.operands();
            int accepted = 0;
            for (int n = 0; n < RANDOM_TUPLES_PER_INSTRUCTION; n++) {
                int[] values = new int[ops.size()];
                for (int i = 0; i < values.length; i++) values[i] = randomLegalValue(ops.get(i), rnd);
                int word;
                try {
                    word = Encoder.encode(insn, values);
                } catch (IllegalArgumentException e) {
                    checkRejectedCombination(insn, values, failures);
                    continue;
                }
                accepted++;
                checkRoundTrip(insn, values, word, failures);
            }
            assertThat(accepted).as(insn + ": accepted random tuples").isGreaterThan(RANDOM_TUPLES_PER_INSTRUCTION / 4);
        }
        assertThat(failures).as("round-trip failures").isEmpty();
    }

    @Test
    void everyFieldAcceptsItsMinAndMaxAndNothingBeyond() {
        for (Field f : Field.values()) {
            assertThat(f.accepts(f.min())).as(f + " min " + f.min()).isTrue();
            assertThat(f.accepts(f.max())).as(f + " max " + f.max()).isTrue();
            assertThat(f.accepts(f.min() - f.step())).as(f + " below min").isFalse();
            assertThat(f.accepts(f.max() + f.step())).as(f + " above max").isFalse();
            assertThat(f.max() % f.step()).as(f + " max is a multiple of the step").isZero();
            if (f.step() > 1) assertThat(f.accepts(f.step() + 1)).as(f + " misaligned").isFalse();
            assertThatThrownBy(() -> f.encode(f.max() + f.step()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[" + f.min() + ", " + f.max() + "]");
        }
        assertThat(Field.IMM_B.max()).isEqualTo(4094);
        assertThat(Field.IMM_J.max()).isEqualTo((1 << 20) - 2);
        assertThat(Field.IMM_I.max()).isEqualTo(2047);
    }

    @Test
    void everyFieldExtractsWhatItEncodesWithinItsOwnBits() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (Field f : Field.values()) {
            int span = f.max() - f.min();
            int tries = span <= 1 << 14 ? span / f.step() + 1 : 50_000;
            for (int i = 0; i < tries; i++) {
                int v = span <= 1 << 14 ? f.min() + i * f.step() : f.min() + rnd.nextInt(span / f.step() + 1) * f.step();
                int bits = f.encode(v);
                assertThat(bits & ~f.bits()).as(f + " value " + v + " stays in its bits").isZero();
                assertThat(f.extract(bits)).as(f + " extract(encode(" + v + "))").isEqualTo(v);
                assertThat(f.extract(bits | ~f.bits())).as(f + " ignores other bits").isEqualTo(v);
            }
        }
    }

    @Test
    void everyInstructionHasExactlyTheOperandFieldsOfItsFormatFree() {
        for (Instruction insn : Instruction.all()) {
            int operandBits = 0;
            for (Operand o : insn.operands()) {
                assertThat(operandBits & o.field().bits()).as(insn + ": operands overlap").isZero();
                operandBits |= o.field().bits();
            }
            assertThat(insn.mask()).as(insn + " mask").isEqualTo(~operandBits);
            assertThat(insn.match() & ~insn.mask()).as(insn + " match within mask").isZero();
            assertThat(Disassembler.operandNames(insn.syntax()))
                    .as(insn + ": the syntax writes every operand exactly once")
                    .containsExactlyInAnyOrderElementsOf(insn.operands().stream().map(Operand::name).toList());
        }
    }

    /** An encoder rejection must be exactly a write to a read-only CSR, and the word must be illegal. */
    private static void checkRejectedCombination(Instruction insn, int[] values, List<String> failures) {
        Set<Format> csrFormats = EnumSet.of(Format.CSR, Format.CSR_IMM);
        int word = insn.match();
        for (int i = 0; i < values.length; i++) word |= insn.operands().get(i).field().place(values[i]);
        Csr csr = csrFormats.contains(insn.format()) ? Csr.byAddress(Field.CSR.extract(word)) : null;
        if (csr == null || !csr.readOnly() || !insn.writesCsr(word)) {
            failures.add(insn + " " + java.util.Arrays.toString(values) + ": rejected by the encoder but not a read-only CSR write");
        } else if (Decoder.decode(word) != null || ReferenceDecoder.decode(word) != null) {
            failures.add(String.format("%s %08x: read-only CSR write decodes as legal", insn, word));
        }
    }

    private static void checkRoundTrip(Instruction insn, int[] values, int word, List<String> failures) {
        if (failures.size() > 50) return;
        Instruction d = Decoder.decode(word);
        if (d != insn) {
            failures.add(String.format("%s %s: word %08x decodes as %s", insn, java.util.Arrays.toString(values), word, d));
            return;
        }
        int[] back = insn.operandValues(word);
        if (!java.util.Arrays.equals(back, values)) {
            failures.add(String.format("%s %08x: operands %s, expected %s", insn, word,
                    java.util.Arrays.toString(back), java.util.Arrays.toString(values)));
        }
        int again = Encoder.encode(insn, back);
        if (again != word) failures.add(String.format("%s: %08x re-encodes as %08x", insn, word, again));
        String ref = ReferenceDecoder.decode(word);
        if (!insn.mnemonic().equals(ref)) {
            failures.add(String.format("%s %08x: the reference decoder says %s", insn, word, ref));
        }
    }

    private static int randomLegalValue(Operand o, SplittableRandom rnd) {
        return switch (o.kind()) {
            case TILE -> rnd.nextInt(Tiles.COUNT);
            case CSR -> Csr.values()[rnd.nextInt(Csr.values().length)].address();
            default -> {
                Field f = o.field();
                long steps = ((long) f.max() - f.min()) / f.step() + 1;
                yield (int) (f.min() + rnd.nextLong(steps) * f.step());
            }
        };
    }
}
