package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.mutants.BucketQuality;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.OperandCause;
import dev.seedverify.golden.exec.Memory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buckets name bugs: the injected golden-model faults, each over the same 500 generated programs,
 * give one bucket per bug and one bug per bucket. The load-use and rs2-forwarding faults, whose
 * stale operand shows in whatever instruction consumes it, are one bucket each too, named by their
 * cause ({@link OperandCause}). The allowances, at most 2 % of a bug's programs: a consumer whose
 * wrong result is a single bit (a branch outcome) can also be explained by a stale operand right
 * after a load, so a bug of such an instruction may leave a stray program in the load-use bucket;
 * and a forwarding cause, which needs an experiment on the DUT (the writer moved out of line),
 * leaves a program in its consumer's bucket where that experiment says nothing (the program reads
 * a counter after the writer, so moving it changes what the program computes).
 */
class BucketQualityTest {
    static final int PROGRAMS = 500;
    @Test
    void eachInjectedFaultFallsIntoItsOwnBucketAndNoBucketMixesFaults() {
        List<BucketQuality.Bug> bugs = new ArrayList<>();
        for (Faults.Case c : Faults.all()) {
            bugs.add(new BucketQuality.Bug(c.fault().name(), () -> new FaultyGoldenBackend(c.fault(), Memory.DEFAULT_BYTES)));
        }
        BucketQuality.Both both = BucketQuality.measureBoth(bugs, PROGRAMS);
        BucketQuality.Result r = both.buckets();
        System.out.print(r.text());
        System.out.printf(java.util.Locale.ROOT, "by the first differing record alone (no causes): %.2f buckets per detected bug, %.2f bugs per bucket%n",
                both.byRecord().meanBucketsPerBug(), both.byRecord().meanBugsPerBucket());
        for (Faults.Case c : Faults.all()) {
            String bug = c.fault().name();
            Map<BucketSignature, Integer> buckets = r.bucketsByBug().get(bug);
            int diverged = r.diverged().get(bug);
            assertThat(diverged).as(bug).isPositive();
            BucketSignature own = buckets.keySet().stream().filter(s -> s.unit().equals(c.unit()) && s.field().equals(c.field())).findFirst()
                    .orElseThrow(() -> new AssertionError(bug + ": no bucket " + c.unit() + " | " + c.field() + " in " + buckets));
            assertThat(buckets.get(own)).as(bug + " " + buckets).isGreaterThanOrEqualTo(diverged - diverged / 50);
            // an instruction's bug strays only into a cause's bucket; a cause's (one that needs the
            // experiment on the DUT) only into the buckets of instructions, where that could not be made
            if (!OperandCause.isCause(c.unit())) {
                assertThat(buckets.keySet()).as(bug + " " + buckets).allMatch(s -> s.equals(own) || OperandCause.isCause(s.unit()));
            }
        }
        assertThat(r.bucketsOf(Faults.LOAD_USE_STALE_OPERAND.name())).isEqualTo(1);
        java.util.Set<String> causes = new java.util.HashSet<>();
        for (Faults.Case c : Faults.all()) if (OperandCause.isCause(c.unit())) causes.add(c.fault().name());
        assertThat(r.buckets()).allSatisfy((sig, in) -> {
            if (!OperandCause.isCause(sig.unit())) assertThat(in.stream().filter(b -> !causes.contains(b))).as(sig.toString()).hasSizeLessThanOrEqualTo(1);
        });
    }
}
