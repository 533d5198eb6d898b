package dev.seedverify.reports.signoff;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.CoverageBin;
import dev.seedverify.reports.model.Environment;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Shard;
import dev.seedverify.reports.model.SmallestReproducer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunMergeTest {
    static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    /**
     * Splits a run the way a sharded campaign would: every case goes to one shard (chosen by
     * {@code random}), unlisted passes and coverage hits are divided, buckets are counted where their
     * divergences fell, skips are recorded by the shard that would have run them (shard 1).
     */
    static List<RunResult> shard(RunResult whole, int n, Random random) {
        List<RunResult.Builder> shards = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            RunResult.Builder b = RunResult.builder(whole.id() + "-shard" + i, whole.title()).startedAt(whole.startedAt()).finishedAt(whole.finishedAt())
                    .interrupted(whole.interrupted()).shard(new Shard(i, n)).environment(whole.environment()).requirements(whole.requirements())
                    .isolation(i == 1 ? whole.isolation() : null);
            shards.add(b);
        }
        Map<String, Integer> bucketShard = new HashMap<>();
        for (Section s : whole.sections()) {
            List<List<CaseResult>> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) parts.add(new ArrayList<>());
            for (CaseResult c : s.cases()) {
                int k = random.nextInt(n);
                parts.get(k).add(c);
                if (c.bucket() != null) bucketShard.putIfAbsent(c.bucket(), k);
            }
            long unlisted = s.unlistedPassed();
            for (int i = 0; i < n; i++) {
                long share = i == n - 1 ? unlisted : unlisted / n;
                unlisted -= share;
                if (parts.get(i).isEmpty() && share == 0 && i > 0) continue;
                shards.get(i).section(new Section(s.suite(), s.target(), s.complete(), s.startedAt(), s.durationMillis() / n, parts.get(i), share,
                        s.error(), s.detail()));
            }
        }
        for (var k : whole.skipped()) shards.get(0).skipped(k.suite(), k.target(), k.reason());
        for (Bucket b : whole.buckets()) shards.get(bucketShard.getOrDefault(b.signature(), 0)).bucket(b);
        for (var m : whole.mutations()) shards.get(random.nextInt(n)).mutation(m);
        Coverage c = whole.coverage();
        if (c != null) {
            List<List<CoverageBin>> bins = new ArrayList<>();
            for (int i = 0; i < n; i++) bins.add(new ArrayList<>());
            for (CoverageBin bin : c.bins()) {
                long left = bin.hits();
                for (int i = 0; i < n; i++) {
                    long h = i == n - 1 ? left : (long) (left * random.nextDouble());
                    left -= h;
                    bins.get(i).add(new CoverageBin(bin.name(), bin.group(), h));
                }
            }
            for (int i = 0; i < n; i++) {
                long programs = i == n - 1 ? c.programs() - (c.programs() / n) * (n - 1) : c.programs() / n;
                long records = i == n - 1 ? c.records() - (c.records() / n) * (n - 1) : c.records() / n;
                shards.get(i).coverage(new Coverage(c.model(), c.targetPercent(), c.minHits(), programs, records, bins.get(i)));
            }
        }
        return shards.stream().map(RunResult.Builder::build).toList();
    }

    static List<RunResult> samples() {
        return List.of(SampleRuns.signedOff(), SampleRuns.failing(), SignOffTest.onlyMulhDivergence());
    }

    @Test
    void bucketsAreDeduplicatedWithCountsAddedAndTheSmallestReproducerKept() {
        SmallestReproducer big = new SmallestReproducer("seed 9", 9L, 6, null, "six instructions");
        SmallestReproducer small = new SmallestReproducer("seed 40", 40L, 2, null, "two instructions");
        RunResult a = shardWith(1, Bucket.of(SampleRuns.SRA_BUCKET, 3, List.of(9L, 11L, 12L), big));
        RunResult b = shardWith(2, Bucket.of(SampleRuns.SRA_BUCKET, 2, List.of(40L, 41L), small));
        RunResult merged = RunMerge.merge("m", List.of(a, b));
        assertThat(merged.buckets()).containsExactly(Bucket.of(SampleRuns.SRA_BUCKET, 5, List.of(9L, 11L, 12L, 40L, 41L), small));
    }

    @Test
    void coverageIsUnionedBinByBin() {
        Coverage c1 = new Coverage("m", 90, 10, 5, 50, List.of(new CoverageBin("a", "g", 3), new CoverageBin("b", "g", 0)));
        Coverage c2 = new Coverage("m", 90, 10, 7, 70, List.of(new CoverageBin("a", "g", 1), new CoverageBin("b", "g", 4)));
        RunResult merged = RunMerge.merge("m", List.of(shard(1, 2).coverage(c1).build(), shard(2, 2).coverage(c2).build()));
        assertThat(merged.coverage()).isEqualTo(new Coverage("m", 90, 10, 12, 120, List.of(new CoverageBin("a", "g", 4), new CoverageBin("b", "g", 4))));
        assertThat(merged.coverage().percent()).isEqualTo(100.0);
    }

    @Test
    void aMissingShardIsRecordedAsSkippedSoTheMergeCannotSignOff() {
        RunResult merged = RunMerge.merge("m", List.of(shard(1, 3).build(), shard(3, 3).build()));
        assertThat(merged.skipped()).extracting(k -> k.key() + ": " + k.reason()).containsExactly("shard 2/3: no result for shard 2/3 was merged");
        assertThat(SignOff.evaluate(merged, List.of(), TODAY).verdict().outcome()).isNotEqualTo(Outcome.SIGNED_OFF);
    }

    @Test
    void theSameShardTwiceIsRefused() {
        assertThatThrownBy(() -> RunMerge.merge("m", List.of(shard(2, 3).build(), shard(2, 3).build())))
                .isInstanceOf(RunMerge.MergeException.class).hasMessage("shard 2/3 given twice: runs s2 and s2");
    }

    @Test
    void shardsOfDifferentCountsAreRefused() {
        assertThatThrownBy(() -> RunMerge.merge("m", List.of(shard(1, 2).build(), shard(2, 3).build())))
                .hasMessage("shard 2/3 (run s2) and shard 1/2 (run s1) split the work differently");
    }

    @Test
    void runsOfDifferentCommitsAreRefused() {
        RunResult a = shard(1, 2).build();
        RunResult b = shard(2, 2).environment(new Environment("ffff", "rtl-7f3a9c21", Map.of(), null, "h", Map.of())).build();
        assertThatThrownBy(() -> RunMerge.merge("m", List.of(a, b))).hasMessage("run s2 is of commit ffff, run s1 of " + a.environment().gitSha());
    }

    @Test
    void aCaseInTwoRunsIsRefused() {
        Section s = Section.of(SampleRuns.CONFORMANCE, SampleRuns.RTL, List.of(CaseResult.passed("add.S", 1)));
        assertThatThrownBy(() -> RunMerge.merge("m", List.of(shard(1, 2).section(s).build(), shard(2, 2).section(s).build())))
                .hasMessage("case 'add.S' of conformance list on rtl is in runs s1 and s2");
    }

    @Test
    void differentRequirementsAreRefused() {
        RunResult a = shard(1, 2).build();
        RunResult b = shard(2, 2).requirements(dev.seedverify.reports.model.Requirements.none()).build();
        assertThatThrownBy(() -> RunMerge.merge("m", List.of(a, b))).isInstanceOf(RunMerge.MergeException.class).hasMessageStartingWith("run s2 requires");
    }

    @Test
    void anInterruptedShardMakesTheMergeInterrupted() {
        RunResult merged = RunMerge.merge("m", List.of(shard(1, 2).build(), shard(2, 2).interrupted(true).finishedAt(null).build()));
        assertThat(merged.interrupted()).isTrue();
        assertThat(merged.finishedAt()).isNull();
    }

    @Test
    void aWholeRunAndAShardAreRefused() {
        RunResult whole = RunResult.builder("w", "t").environment(SampleRuns.environment()).requirements(SampleRuns.requirements()).build();
        assertThatThrownBy(() -> RunMerge.merge("m", List.of(whole, shard(1, 2).build())))
                .hasMessage("run w is not a shard but the others are; merge shards of one campaign, or whole runs");
    }

    @Test
    void nothingToMergeIsRefused() {
        assertThatThrownBy(() -> RunMerge.merge("m", List.of())).hasMessage("nothing to merge");
    }

    @Test
    void hostsOfTheShardsAreAllRecorded() {
        RunResult a = shard(1, 2).environment(new Environment("s", null, Map.of(), "1..10", "node-a", Map.of())).build();
        RunResult b = shard(2, 2).environment(new Environment("s", null, Map.of(), "1..10", "node-b", Map.of())).build();
        assertThat(RunMerge.merge("m", List.of(a, b)).environment().host()).isEqualTo("node-a, node-b");
    }

    static RunResult.Builder shard(int i, int n) {
        return RunResult.builder("s" + i, "SeedChip S1 campaign").shard(new Shard(i, n)).environment(SampleRuns.environment())
                .requirements(SampleRuns.requirements());
    }

    static RunResult shardWith(int i, Bucket b) { return shard(i, 2).bucket(b).build(); }
}
