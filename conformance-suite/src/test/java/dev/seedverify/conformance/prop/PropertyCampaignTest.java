package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.bucket.BucketTable;
import dev.seedverify.cosim.Backends;
import dev.seedverify.conformance.repro.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyCampaignTest {

    @Test
    void goldenAgainstGoldenIsCleanAndWritesCoverageAndBuckets(@TempDir Path out) throws IOException {
        PropertyCampaign.Result r = PropertyCampaign.run(PropertyCampaign.Config.defaults().withSeeds(1, 400).withOut(out));
        assertThat(r.clean()).as(r.summary()).isTrue();
        assertThat(r.passed()).isEqualTo(400);
        assertThat(r.buckets().isEmpty()).isTrue();
        assertThat(r.coverage().percent()).isGreaterThan(90);
        assertThat(Files.readString(out.resolve("summary.txt"))).contains("400 programs: 400 passed, 0 diverged");
        assertThat(Files.readString(out.resolve("coverage.json"))).contains("\"uncovered\"");
        assertThat(Files.readString(out.resolve("buckets.json"))).contains("\"divergences\": 0");
    }

    /** Buckets, counts, examples and reproducers depend on the seeds only, not on the number of threads. */
    @Test
    void aBuggyTargetGivesTheSameBucketsAndShrunkReproducersWhateverTheThreads(@TempDir Path out) throws IOException {
        String target = "fault:load-use-stale-operand";
        PropertyCampaign.Config c = PropertyCampaign.Config.defaults().withSeeds(100, 300).withTarget(target).withCoverage(false);
        PropertyCampaign.Result one = PropertyCampaign.run(c.withThreads(1).withOut(out.resolve("one")));
        PropertyCampaign.Result two = PropertyCampaign.run(c.withThreads(2).withOut(out.resolve("two")));
        assertThat(one.diverged()).isPositive();
        assertThat(two.diverged()).isEqualTo(one.diverged());
        assertThat(two.buckets().text()).isEqualTo(one.buckets().text());
        assertThat(two.reproducers().stream().map(p -> p.getFileName().toString()).toList())
                .isEqualTo(one.reproducers().stream().map(p -> p.getFileName().toString()).toList());
        for (BucketTable.Bucket b : one.buckets().buckets()) {
            assertThat(b.smallest()).as(b.signature().toString()).isNotNull();
            assertThat(b.smallest().shrunkInstructions()).isLessThanOrEqualTo(6);
        }
        System.out.println(one.summary());
        // Every reproducer fails on the buggy target (in its bucket) and passes on the golden model.
        List<Path> files = Replay.collect(List.of(out.resolve("one/repro")));
        assertThat(files).hasSameSizeAs(one.reproducers());
        Replay.Summary still = Replay.replay(files, target, null);
        assertThat(still.count(Replay.Verdict.FAIL)).isEqualTo(files.size());
        assertThat(still.results()).allMatch(Replay.FileResult::ownBug);
        assertThat(Replay.replay(files, Backends.GOLDEN, null).exitCode()).isZero();
        Path first = one.reproducers().get(0);
        String base = first.getFileName().toString().replace(".S", "");
        assertThat(Files.readString(first.resolveSibling(base + ".txt"))).contains("DIVERGENCE MISMATCH", "replay:   ci/replay.sh");
        assertThat(Files.readString(first.resolveSibling(base + ".json"))).contains("\"firstField\"");
    }
}
