package dev.seedverify.conformance.prop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.conformance.engines.EngineDiff;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.TranslationPolicy;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The engines' differential property: random programs of the property generator give the same
 * commit records, stop and final state on the interpreter and on the translator (translating
 * every entry point at once), with runs and logs of random sizes so budgets and full logs fall
 * inside translated blocks. A failure shrinks to a smaller program.
 */
class RandomProgramEnginesTest {
    static final ProgramGenerator GEN = new ProgramGenerator(Weights.DEFAULT, Memory.DEFAULT_BYTES);
    static final EngineDiff DIFF = new EngineDiff((int) LockstepRunner.DEFAULT_BUDGET);

    @Provide
    Arbitrary<Program> programs() { return ProgramArbitraries.programs(GEN); }

    @Property(tries = 500, seed = "20261202")
    void randomProgramsRunTheSameOnBothEngines(@ForAll("programs") Program p, @ForAll @IntRange(min = 1, max = 300) int chunk,
                                               @ForAll @IntRange(min = 1, max = 64) int capacity) {
        String diff = DIFF.compare(ProgramRenderer.image(p).image(), p.dramBytes(), LockstepRunner.DEFAULT_BUDGET, chunk, capacity,
                TranslationPolicy.EAGER);
        assertThat(diff).as(() -> "runs of " + chunk + ", log of " + capacity + ", " + p + ":\n" + ProgramRenderer.render(p).assembly())
                .isNull();
    }
}
