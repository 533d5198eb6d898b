package dev.seedverify.reports.signoff;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.RunResult;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.Random;

import static dev.seedverify.reports.signoff.RunMergeTest.TODAY;
import static dev.seedverify.reports.signoff.RunMergeTest.samples;
import static dev.seedverify.reports.signoff.RunMergeTest.shard;
import static org.assertj.core.api.Assertions.assertThat;

/** Shard merging, over random splits of sample runs into 1 to 5 shards. */
class RunMergeProperties {

    @Property(tries = 60)
    void mergedShardsGetTheVerdictOfTheUnshardedRun(@ForAll @IntRange(min = 1, max = 5) int n, @ForAll @IntRange(min = 0, max = 2) int sample,
                                                   @ForAll long seed) {
        RunResult whole = samples().get(sample);
        List<Waiver> waivers = List.of(SignOffTest.waiver("W-1", SampleRuns.MULH_BUCKET, "2026-12-31"));
        RunResult merged = RunMerge.merge(whole.id(), shard(whole, n, new Random(seed)));
        SignOff a = SignOff.evaluate(whole, waivers, TODAY), b = SignOff.evaluate(merged, waivers, TODAY);
        assertThat(b.verdict()).isEqualTo(a.verdict());
        assertThat(merged.counts()).isEqualTo(whole.counts());
        assertThat(merged.coverage().bins()).containsExactlyElementsOf(whole.coverage().bins());
        assertThat(merged.buckets()).containsExactlyInAnyOrderElementsOf(whole.buckets());
    }
}
