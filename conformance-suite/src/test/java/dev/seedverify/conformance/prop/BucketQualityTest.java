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
 * give one bucket per bug and one bug per bucket. The load-use fault, whose stale operand shows in
 * whatever instruction consumes it, is one bucket too, named by its cause ({@link OperandCause}).
 * The one allowance: a consumer whose wrong result is a single bit (a branch outcome) can also be
 * explained by a stale operand, so a bug of such an instruction may leave a stray program (at most
 * 2 % of its own) in the load-use bucket.
 */
class BucketQualityTest {
    static final int PROGRAMS = 500;
    static final BucketSignature LOAD_USE = new BucketSignature(OperandCause.LOAD_USE, "operand", "-");

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
            assertThat(buckets.keySet()).as(bug + " " + buckets).allMatch(s -> s.equals(own) || s.equals(LOAD_USE));
        }
        assertThat(r.bucketsOf(Faults.LOAD_USE_STALE_OPERAND.name())).isEqualTo(1);
        assertThat(r.buckets()).allSatisfy((sig, in) -> {
            if (!sig.equals(LOAD_USE)) assertThat(in).as(sig.toString()).hasSize(1);
        });
    }
}
