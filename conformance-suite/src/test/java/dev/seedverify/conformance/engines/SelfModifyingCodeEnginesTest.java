package dev.seedverify.conformance.engines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.TranslationPolicy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Self-modifying programs ({@link SelfModifyingPrograms}) give the same commit records, stop and
 * final state on the interpreter and on the translator, with runs and logs of random sizes, and
 * entry points translated after 1 to 4 visits (so execution moves between translated code and
 * the interpreter while the code changes under both).
 */
class SelfModifyingCodeEnginesTest {
    static final long BUDGET = 30_000;
    static final EngineDiff DIFF = new EngineDiff((int) BUDGET);

    @Property(tries = 150, seed = "20261202")
    void selfModifyingProgramsRunTheSameOnBothEngines(@ForAll long seed, @ForAll @IntRange(min = 1, max = 500) int chunk,
                                                      @ForAll @IntRange(min = 1, max = 64) int capacity,
                                                      @ForAll @IntRange(min = 1, max = 4) int hotness) {
        String source = SelfModifyingPrograms.generate(seed);
        ElfImage image = Assembler.assemble(source, "smc-" + seed + ".S");
        String diff = DIFF.compare(image, Memory.MIN_BYTES, BUDGET, chunk, capacity, new TranslationPolicy(hotness, 0));
        assertThat(diff).as("runs of %d, log of %d, hotness %d:%n%s", chunk, capacity, hotness, source).isNull();
    }
}
