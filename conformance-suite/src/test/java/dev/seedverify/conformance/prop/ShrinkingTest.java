package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramValidator;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import net.jqwik.api.Shrinkable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The shrinker keeps to the original bucket; the jqwik Shrinkable offers the same moves. */
class ShrinkingTest {
    static final ProgramGenerator GEN = new ProgramGenerator(Weights.DEFAULT);

    /** Two bugs in one DUT: shrinking a failure of one must never turn it into the other. */
    static final FaultyGoldenBackend.Fault TWO_BUGS = new FaultyGoldenBackend.Fault() {
        @Override
        public String name() { return "two-bugs"; }

        @Override
        public void before(Hart h, FaultyGoldenBackend.Step s) { Faults.LOAD_USE_STALE_OPERAND.before(h, s); }

        @Override
        public void after(Hart h, FaultyGoldenBackend.Step s, CommitLog log, int i) {
            Faults.LOAD_USE_STALE_OPERAND.after(h, s, log, i);
            Faults.MULH_AS_MULHU.after(h, s, log, i);
        }

        @Override
        public void reset(FaultyGoldenBackend.Step s) { Faults.LOAD_USE_STALE_OPERAND.reset(s); }
    };

    @Test
    void aShrinkStepIsAcceptedOnlyWithTheSameBucketAndEveryStepIsValid() {
        try (LockstepRunner runner = new LockstepRunner(() -> new FaultyGoldenBackend(TWO_BUGS, Memory.DEFAULT_BYTES))) {
            int shrunk = 0;
            for (long seed = 0; seed < 400 && shrunk < 6; seed++) {
                Program p = GEN.generate(seed);
                BucketSignature sig = runner.run(ProgramRenderer.image(p).image()).signature();
                if (sig == null) continue;
                List<BucketSignature> seen = new ArrayList<>();
                ProgramShrinker.Oracle spying = c -> {
                    assertThat(ProgramValidator.problems(c)).isEmpty();
                    BucketSignature s = ProgramShrinker.Oracle.of(runner).test(c);
                    seen.add(s);
                    return s;
                };
                ProgramShrinker.Result r = new ProgramShrinker(spying).shrink(p, sig);
                assertThat(r.signature()).isEqualTo(sig);
                assertThat(runner.run(ProgramRenderer.image(r.program()).image()).signature()).isEqualTo(sig);
                assertThat(r.program().size()).isLessThan(p.size());
                assertThat(r.accepted()).isPositive();
                shrunk++;
            }
            assertThat(shrunk).isEqualTo(6);
        }
    }

    @Test
    void shrinkingANonFailingProgramIsAnError() {
        try (LockstepRunner runner = new LockstepRunner(() -> new FaultyGoldenBackend(Faults.DIV_BY_ZERO_GIVES_ZERO, Memory.DEFAULT_BYTES))) {
            Program passing = GEN.generate(0).withBody(List.of());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProgramShrinker(ProgramShrinker.Oracle.of(runner)).shrink(passing, null))
                    .hasMessageContaining("does not fail");
        }
    }

    @Test
    void everyCandidateOfTheJqwikShrinkableIsValidAndSmaller() {
        Program p = GEN.generate(5);
        ProgramShrinkable s = new ProgramShrinkable(p, null);
        List<Shrinkable<Program>> candidates = s.shrink().limit(400).toList();
        assertThat(candidates).hasSizeGreaterThan(50);
        for (Shrinkable<Program> c : candidates) {
            assertThat(ProgramValidator.problems(c.value())).isEmpty();
            assertThat(c.distance().compareTo(s.distance())).isNegative();
        }
    }

    /** jqwik's loop (take the first candidate that still fails, repeat) over the same-bucket Shrinkable. */
    @Test
    void theJqwikShrinkableShrinksToTheSameBucketAsTheCampaign() {
        try (LockstepRunner runner = new LockstepRunner(() -> new FaultyGoldenBackend(Faults.SRA_AS_SRL_WHEN_NEGATIVE, Memory.DEFAULT_BYTES))) {
            Program failing = null;
            for (long seed = 0; failing == null; seed++) {
                Program p = GEN.generate(seed);
                if (runner.run(ProgramRenderer.image(p).image()).diverged()) failing = p;
            }
            BucketSignature sig = runner.run(ProgramRenderer.image(failing).image()).signature();
            Shrinkable<Program> cur = new ProgramShrinkable(failing, ProgramShrinker.Oracle.of(runner));
            for (int steps = 0; steps < 500; steps++) {
                Optional<Shrinkable<Program>> next = cur.shrink().findFirst();
                if (next.isEmpty()) break;
                cur = next.get();
            }
            assertThat(runner.run(ProgramRenderer.image(cur.value()).image()).signature()).isEqualTo(sig);
            assertThat(cur.value().size()).isLessThanOrEqualTo(2);
        }
    }
}
