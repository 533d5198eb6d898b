package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.ShrinkingDistance;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * jqwik's view of a generated program: its shrink candidates are {@link ProgramShrinker}'s
 * one-step moves (chunk deletions, operand/immediate/register simplifications, initial values,
 * data), each with a smaller distance. With an oracle, only candidates that fail with the
 * <em>same bucket</em> as the original are offered (jqwik alone would accept any failure), so a
 * jqwik property shrinks exactly like the campaign does.
 */
final class ProgramShrinkable implements Shrinkable<Program> {
    private final Program program;
    private final ProgramShrinker.Oracle oracle;
    private BucketSignature target;

    ProgramShrinkable(Program program, ProgramShrinker.Oracle oracle) { this(program, oracle, null); }

    private ProgramShrinkable(Program program, ProgramShrinker.Oracle oracle, BucketSignature target) {
        this.program = program;
        this.oracle = oracle;
        this.target = target;
    }

    @Override
    public Program value() { return program; }

    @Override
    public Stream<Shrinkable<Program>> shrink() {
        ShrinkingDistance here = distance();
        Stream<Program> candidates = ProgramShrinker.candidates(program).filter(c -> distanceOf(c).compareTo(here) < 0);
        if (oracle != null) {
            // Asked only after the property failed on this program: learn how it fails, then keep to that bucket.
            if (target == null) target = oracle.test(program);
            BucketSignature t = target;
            if (t == null) return Stream.empty();
            candidates = candidates.filter(c -> t.equals(oracle.test(c)));
        }
        BucketSignature t = target;
        return candidates.map(c -> new ProgramShrinkable(c, oracle, t));
    }

    @Override
    public ShrinkingDistance distance() { return distanceOf(program); }

    static ShrinkingDistance distanceOf(Program p) { return ShrinkingDistance.of(ProgramShrinker.distance(p)); }

    @Override
    public String toString() { return "ProgramShrinkable" + Arrays.toString(ProgramShrinker.distance(program)); }
}
