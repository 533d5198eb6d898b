package dev.seedverify.reports.model;

import dev.seedverify.reports.SampleRuns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunResultTest {
    @Test
    void aSectionAddedAgainReplacesTheOldOneInItsPlace() {
        RunResult run = SampleRuns.signedOff();
        Section again = Section.of(SampleRuns.CONFORMANCE, SampleRuns.RTL, SampleRuns.passing("x", 1));
        RunResult replaced = run.toBuilder().section(again).build();
        assertThat(replaced.sections()).extracting(Section::key).containsExactlyElementsOf(run.sections().stream().map(Section::key).toList());
        assertThat(replaced.section(again.key())).contains(again);
    }

    @Test
    void aBucketAddedAgainReplacesTheOldOneInItsPlace() {
        RunResult run = SampleRuns.failing();
        Bucket first = run.buckets().get(0);
        RunResult replaced = run.toBuilder().bucket(first.waived("W-1")).build();
        assertThat(replaced.buckets().get(0).waivedBy()).isEqualTo("W-1");
        assertThat(replaced.buckets()).hasSameSizeAs(run.buckets());
    }

    @Test
    void theSameSectionTwiceIsRefused() {
        Section s = Section.of("a", Target.of("rtl"), List.of());
        assertThatThrownBy(() -> new RunResult("r", null, null, null, false, null, null, null, List.of(s, s), null, null, null, null, null, null))
                .hasMessage("run r has section 'a on rtl' twice");
    }

    @Test
    void countsAddUpOverSections() {
        // 6 + 6 + 3 listed cases and 2 + 19,998 in the property campaign; one directed and two random divergences.
        assertThat(SampleRuns.failing().counts().summary()).isEqualTo("20,012/20,015 passed, 3 diverged");
    }

    @Test
    void aShardIsWrittenIndexSlashCount() {
        assertThat(Shard.parse(" 2/4 ")).isEqualTo(new Shard(2, 4));
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessage("shard must be i/n with 1 <= i <= n, got 5/4");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessage("shard must be i/n (e.g. 2/4), got 'two'");
    }
}
