package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.mutants.BucketQuality;
import dev.seedverify.golden.exec.Memory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buckets name bugs: the injected golden-model faults, each over the same 500 generated programs,
 * give one bucket per bug and one bug per bucket (the load-use fault, whose stale operand shows in
 * whatever instruction consumes it, is the exception the table names).
 */
class BucketQualityTest {
    static final int PROGRAMS = 500;

    @Test
    void eachInjectedFaultFallsIntoFewBucketsAndNoBucketMixesFaults() {
        List<BucketQuality.Bug> bugs = new ArrayList<>();
        for (Faults.Case c : Faults.all()) {
            bugs.add(new BucketQuality.Bug(c.fault().name(), () -> new FaultyGoldenBackend(c.fault(), Memory.DEFAULT_BYTES)));
        }
        BucketQuality.Result r = BucketQuality.measure(bugs, PROGRAMS);
        System.out.print(r.text());
        String hazard = Faults.LOAD_USE_STALE_OPERAND.name();
        for (Faults.Case c : Faults.all()) {
            String bug = c.fault().name();
            assertThat(r.diverged().get(bug)).as(bug).isPositive();
            if (!bug.equals(hazard)) assertThat(r.bucketsOf(bug)).as(bug + " " + r.bucketsByBug().get(bug)).isEqualTo(1);
        }
        assertThat(r.buckets().values()).allSatisfy(in -> assertThat(in.stream().filter(b -> !b.equals(hazard))).hasSizeLessThanOrEqualTo(1));
    }
}
