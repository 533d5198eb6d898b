package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.RenderedProgram;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import dev.seedverify.golden.exec.Memory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main property, golden == DUT in lockstep, against golden-model DUTs with realistic bugs:
 * random programs with the default weights must find each bug, and the shrinker must cut the
 * first failing program down to a handful of instructions that fail in the same bucket.
 */
class FaultDetectionTest {
    static final int MAX_PROGRAMS = 3000;
    static final List<String> TABLE = new ArrayList<>();

    static Stream<Faults.Case> faults() { return Faults.all().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyInjectedBugIsFoundAndShrunkToAHandfulOfInstructions(Faults.Case c) {
        ProgramGenerator gen = new ProgramGenerator(Weights.DEFAULT);
        try (LockstepRunner runner = new LockstepRunner(() -> new FaultyGoldenBackend(c.fault(), Memory.DEFAULT_BYTES))) {
            long t0 = System.nanoTime();
            Program failing = null;
            LockstepRunner.Outcome outcome = null;
            int tried = 0;
            for (long seed = 0; seed < MAX_PROGRAMS && failing == null; seed++) {
                Program p = gen.generate(seed);
                tried++;
                LockstepRunner.Outcome o = runner.run(ProgramRenderer.image(p).image());
                if (o.diverged()) {
                    failing = p;
                    outcome = o;
                }
            }
            long t1 = System.nanoTime();
            assertThat(failing).as("%s found within %d programs", c, MAX_PROGRAMS).isNotNull();
            BucketSignature sig = outcome.signature();
            ProgramShrinker.Result r = new ProgramShrinker(ProgramShrinker.Oracle.of(runner)).shrink(failing, sig);
            long t2 = System.nanoTime();
            RenderedProgram shrunk = ProgramRenderer.render(r.program());
            TABLE.add(String.format("%-36s %6d %8.0f ms %8.0f ms %5d -> %2d ops, %2d insns  %s", c, tried, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    failing.size(), r.program().size(), shrunk.bodyInstructions(), sig));
            System.out.println(c + ": " + sig + ", shrunk with " + r.calls() + " oracle calls in " + r.elapsed().toMillis() + " ms:\n"
                    + shrunk.assembly().lines().dropWhile(l -> !l.contains("# body")).takeWhile(l -> !l.contains("# epilogue"))
                    .reduce("", (a, b) -> a + b + "\n"));
            assertThat(runner.run(ProgramRenderer.image(r.program()).image()).signature()).isEqualTo(sig);
            if (c.unit() != null) assertThat(sig.unit()).isEqualTo(c.unit());
            if (c.field() != null) assertThat(sig.field()).isEqualTo(c.field());
            assertThat(shrunk.bodyInstructions()).as("body instructions of the shrunk %s reproducer", c).isLessThanOrEqualTo(c.maxInstructions());
        }
    }

    @AfterAll
    static void printTable() {
        System.out.println(String.format("%-36s %6s %11s %11s %s", "fault", "tried", "search", "shrink", "original -> shrunk, bucket"));
        TABLE.forEach(System.out::println);
    }
}
