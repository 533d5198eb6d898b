package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik adapters over the plain generator core: a program per jqwik random draw (the draw picks
 * the seed; the program is a pure function of it), shrinking with {@link ProgramShrinkable}.
 */
final class ProgramArbitraries {
    private ProgramArbitraries() {}

    /** Programs of {@code gen}; shrinking accepts any smaller failing program. */
    static Arbitrary<Program> programs(ProgramGenerator gen) {
        return Arbitraries.fromGenerator(random -> new ProgramShrinkable(gen.generate(random.nextLong()), null)).withoutEdgeCases();
    }

    /** Programs of {@code gen}; shrinking keeps to the bucket the first failure had, as {@code oracle} reports it. */
    static Arbitrary<Program> programs(ProgramGenerator gen, ProgramShrinker.Oracle oracle) {
        return Arbitraries.fromGenerator(random -> new ProgramShrinkable(gen.generate(random.nextLong()), oracle)).withoutEdgeCases();
    }
}
