package dev.seedverify.golden.isa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Millions of random words ({@link WordSamples#randomWords()}: 10<sup>6</sup> uniform, 40 000 per
 * major opcode, 200 000 one-bit mutants of boundary words): the table-driven decoder agrees with
 * the independent hand-written {@link ReferenceDecoder} on legality and mnemonic of every word,
 * and every legal word re-encodes to itself.
 */
class RandomWordDecodeTest {

    private static int[] words;

    @BeforeAll
    static void sample() {
        words = WordSamples.randomWords();
    }

    @Test
    void decoderAgreesWithTheIndependentReferenceDecoderOnEveryRandomWord() {
        List<String> mismatches = new ArrayList<>();
        int disagreements = 0;
        for (int w : words) {
            Instruction insn = Decoder.decode(w);
            String ref = ReferenceDecoder.decode(w);
            String ours = insn == null ? null : insn.mnemonic();
            if (ours == null ? ref != null : !ours.equals(ref)) {
                disagreements++;
                if (mismatches.size() < 30) mismatches.add(String.format("%08x: table %s, reference %s", w, ours, ref));
            }
        }
        assertThat(mismatches).as(disagreements + " disagreements").isEmpty();
    }

    @Test
    void everyLegalRandomWordReEncodesToItself() {
        List<String> failures = new ArrayList<>();
        for (int w : words) {
            Instruction insn = Decoder.decode(w);
            if (insn == null) continue;
            int again = Encoder.encode(insn, insn.operandValues(w));
            if (again != w && failures.size() < 30) failures.add(String.format("%s %08x re-encodes as %08x", insn, w, again));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void whyIllegalExplainsExactlyTheIllegalWords() {
        for (int w : words) {
            boolean legal = Decoder.isLegal(w);
            String why = Decoder.whyIllegal(w);
            if (legal != (why == null)) {
                throw new AssertionError(String.format("%08x: legal %s but whyIllegal says %s", w, legal, why));
            }
        }
    }

    @Test
    void theSampleReachesEveryInstructionAndManyNearMisses() {
        Map<Instruction, Integer> hits = new EnumMap<>(Instruction.class);
        int legal = 0;
        int illegalInS1Opcodes = 0;
        for (int w : words) {
            Instruction insn = Decoder.decode(w);
            if (insn != null) {
                legal++;
                hits.merge(insn, 1, Integer::sum);
            } else if (ReferenceDecoder.OPCODES.contains(w & 0x7F)) {
                illegalInS1Opcodes++;
            }
        }
        // The fully fixed words (ecall, fence.i, ...) are reached by the one-bit mutants.
        assertThat(hits.keySet()).as("instructions reached").containsExactlyInAnyOrderElementsOf(Instruction.all());
        assertThat(legal).as("legal words in the sample").isGreaterThan(300_000);
        assertThat(illegalInS1Opcodes).as("illegal words with an S1 opcode").isGreaterThan(200_000);
    }
}
