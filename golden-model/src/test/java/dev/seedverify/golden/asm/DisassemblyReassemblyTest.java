package dev.seedverify.golden.asm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.WordSamples;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Assembler and disassembler are inverse: the disassembly of every legal word of the boundary set
 * and of the random sample ({@link WordSamples}), with and without aliases, re-assembles at the
 * same pc to the same word. The pc varies with the word so that targets cover the address space.
 */
class DisassemblyReassemblyTest {

    @Test
    void everyBoundaryWordReassemblesFromItsDisassemblyWithAndWithoutAliases() {
        assertThat(roundTripFailures(WordSamples.boundaryWords())).isEmpty();
    }

    @Test
    void everyLegalRandomWordReassemblesFromItsDisassemblyWithAndWithoutAliases() {
        assertThat(roundTripFailures(WordSamples.legalRandomWords())).isEmpty();
    }

    @Test
    void disassemblyWithSymbolsReassemblesToo() {
        int pc = 0x8000_0100;
        int beq = Assembler.assembleInstruction("beq a0, a1, 0x80000010", pc)[0];
        String text = Disassembler.disassemble(beq, pc, a -> a == 0x8000_0010 ? "loop" : null);
        assertThat(text).isEqualTo("beq\ta0,a1,80000010 <loop>");
        assertThat(Assembler.reassemble(text, pc)).isEqualTo(beq);
    }

    @Test
    void illegalWordsReassembleFromTheirDataDirective() {
        for (int w : new int[] {0, -1, 0xc0001073, 0x0040100b}) {
            assertThat(Assembler.reassemble(Disassembler.disassemble(w, 0), 0)).isEqualTo(w);
            assertThat(Assembler.reassemble(Disassembler.disassembleExplained(w, 0), 0)).isEqualTo(w);
        }
    }

    private static List<String> roundTripFailures(int[] words) {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        IntStream.range(0, words.length).parallel().forEach(i -> {
            int w = words[i];
            int pc = 0x8000_0000 + (i % 4096) * 0x1_0004; // spread over DRAM and beyond
            for (boolean aliases : new boolean[] {true, false}) {
                String text = Disassembler.disassemble(w, pc, aliases);
                try {
                    int back = Assembler.reassemble(text, pc);
                    if (back != w && failures.size() < 30) {
                        failures.add(String.format("%08x at %08x: '%s' re-assembles as %08x", w, pc, text, back));
                    }
                } catch (RuntimeException e) {
                    if (failures.size() < 30) failures.add(String.format("%08x at %08x: '%s': %s", w, pc, text, e.getMessage()));
                }
            }
        });
        return List.copyOf(failures);
    }
}
