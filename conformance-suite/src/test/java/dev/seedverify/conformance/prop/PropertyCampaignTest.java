package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.bucket.BucketTable;
import dev.seedverify.conformance.repro.Replay;
import dev.seedverify.cosim.Backends;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.CaseStatus;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SectionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyCampaignTest {

    @Test
    void goldenAgainstGoldenIsCleanAndGivesAPassingSectionAndCoverage(@TempDir Path run) {
        PropertyCampaign.Result r = PropertyCampaign.run(PropertyCampaign.Config.defaults().withSeeds(1, 400).withWaveforms(run.resolve("waves")));
        assertThat(r.clean()).as(r.summary()).isTrue();
        assertThat(r.passed()).isEqualTo(400);
        assertThat(r.buckets().isEmpty()).isTrue();
        assertThat(r.coverage().percent()).isGreaterThan(90);
        assertThat(r.summary()).contains("400 programs: 400 passed, 0 diverged");
        Section s = r.section("property campaign", Instant.now(), run);
        assertThat(s.status()).isEqualTo(SectionStatus.PASSED);
        assertThat(s.cases()).isEmpty();
        assertThat(s.unlistedPassed()).isEqualTo(400);
        assertThat(s.detail()).startsWith("seeds 1..400");
        assertThat(run.resolve("waves")).as("no waveform without a failure").doesNotExist();
    }

    /** Buckets, counts, examples and reproducers depend on the seeds only, not on the number of threads. */
    @Test
    void aBuggyTargetGivesTheSameBucketsAndShrunkReproducersWhateverTheThreads(@TempDir Path out) throws IOException {
        String target = "fault:load-use-stale-operand";
        PropertyCampaign.Config c = PropertyCampaign.Config.defaults().withSeeds(100, 300).withTarget(target).withCoverage(false);
        PropertyCampaign.Result one = PropertyCampaign.run(c.withThreads(1));
        PropertyCampaign.Result two = PropertyCampaign.run(c.withThreads(2));
        assertThat(one.diverged()).isPositive();
        assertThat(two.diverged()).isEqualTo(one.diverged());
        assertThat(two.buckets().text()).isEqualTo(one.buckets().text());
        assertThat(two.buckets().toModel()).isEqualTo(one.buckets().toModel());
        assertThat(names(two)).isEqualTo(names(one));
        for (BucketTable.Entry b : one.buckets().buckets()) {
            assertThat(b.smallest()).as(b.signature().toString()).isNotNull();
            assertThat(b.smallest().shrunkInstructions()).isLessThanOrEqualTo(6);
        }
        System.out.println(one.summary());
        // Every reproducer fails on the buggy target (in its bucket) and passes on the golden model.
        List<Path> files = new ArrayList<>();
        for (PropertyCampaign.Shrunk s : one.shrunk()) files.add(s.reproducer().write(out.resolve(PropertyCampaign.reproducerPath(s.reproducer()))));
        assertThat(Replay.collect(List.of(out.resolve("repro")))).hasSameSizeAs(one.shrunk());
        Replay.Summary still = Replay.replay(files, target, null);
        assertThat(still.count(Replay.Verdict.FAIL)).isEqualTo(files.size());
        assertThat(still.results()).allMatch(Replay.FileResult::ownBug);
        assertThat(Replay.replay(files, Backends.GOLDEN, null).exitCode()).isZero();
    }

    @Test
    void theSectionListsEveryDivergingSeedAndTheShrunkOnesCarryTheirReproducerAndReplayCommand(@TempDir Path run) {
        String target = "fault:load-use-stale-operand";
        PropertyCampaign.Result r = PropertyCampaign.run(PropertyCampaign.Config.defaults().withSeeds(100, 300).withTarget(target)
                .withCoverage(false).withWaveforms(run.resolve("waves")));
        Section s = r.section("property campaign", Instant.now(), run);
        assertThat(s.status()).isEqualTo(SectionStatus.FAILED);
        assertThat(s.counts().diverged()).isEqualTo(r.diverged());
        assertThat(s.counts().total()).isEqualTo(300);
        assertThat(s.cases()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CaseStatus.DIVERGED);
            assertThat(c.bucket()).isNotNull();
            assertThat(c.labels()).containsKey(CaseResult.SEED);
        });
        PropertyCampaign.Shrunk first = r.shrunk().get(0);
        CaseResult shrunkCase = s.cases().stream().filter(c -> c.id().equals("seed " + first.seed())).findFirst().orElseThrow();
        assertThat(shrunkCase.divergence().reproducer()).isEqualTo(first.reproducer().source());
        assertThat(shrunkCase.divergence().reproducerPath()).isEqualTo("repro/" + first.reproducer().name());
        assertThat(shrunkCase.divergence().replay()).isEqualTo("seedverify replay repro/" + first.reproducer().name() + " --target " + target);
        assertThat(shrunkCase.divergence().history()).isNotEmpty();
        // The test faults are golden models: they cannot trace, so no waveform, and the result says why.
        assertThat(first.waveform()).isNull();
        assertThat(first.waveformNote()).contains("does not produce waveforms");
        assertThat(shrunkCase.divergence().waveform()).isNull();
    }

    private static List<String> names(PropertyCampaign.Result r) {
        return r.shrunk().stream().map(s -> s.reproducer().name()).toList();
    }
}
