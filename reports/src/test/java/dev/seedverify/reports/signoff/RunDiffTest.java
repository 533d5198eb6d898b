package dev.seedverify.reports.signoff;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SectionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunDiffTest {
    @Test
    void aNewBucketIsListedAndIsARegression() {
        RunDiff d = RunDiff.between(SampleRuns.signedOff(), SampleRuns.failing());
        assertThat(d.newBuckets()).containsExactly(SampleRuns.MULH_BUCKET, SampleRuns.SRA_BUCKET);
        assertThat(d.regressed()).isTrue();
    }

    @Test
    void aBucketThatWentAwayIsListedAndIsNoRegression() {
        RunResult fixed = SampleRuns.signedOff().toBuilder().coverage(SampleRuns.failing().coverage()).build();
        RunResult before = SampleRuns.failing();
        RunDiff d = RunDiff.between(before, fixed);
        assertThat(d.removedBuckets()).containsExactly(SampleRuns.MULH_BUCKET, SampleRuns.SRA_BUCKET);
        assertThat(d.regressed()).isFalse();
    }

    @Test
    void aBinNoLongerHitIsLostCoverage() {
        RunResult later = SampleRuns.signedOff().toBuilder().coverage(lose(SampleRuns.coverage(95, 1), "alu.bin0")).build();
        RunDiff d = RunDiff.between(SampleRuns.signedOff(), later);
        assertThat(d.newlyUncovered()).containsExactly("alu.bin0");
        assertThat(d.lostCoverage()).isTrue();
        assertThat(d.regressed()).isTrue();
    }

    @Test
    void sectionsWhoseResultChangedAreListed() {
        RunDiff d = RunDiff.between(SampleRuns.signedOff(), SampleRuns.failing());
        assertThat(d.sectionChanges()).containsExactly(
                new RunDiff.SectionChange("conformance list on rtl", SectionStatus.PASSED, SectionStatus.FAILED),
                new RunDiff.SectionChange("property campaign on rtl", SectionStatus.PASSED, SectionStatus.FAILED),
                new RunDiff.SectionChange("kernels on rtl", SectionStatus.PASSED, null));
    }

    @Test
    void theSameRunTwiceIsUnchanged() {
        RunDiff d = RunDiff.between(SampleRuns.signedOff(), SampleRuns.signedOff());
        assertThat(d.unchanged()).isTrue();
        assertThat(d.regressed()).isFalse();
    }

    @Test
    void aDifferenceIsAttachedToTheSignOff() {
        SignOff s = SignOff.evaluate(SampleRuns.failing(), java.util.List.of(), java.time.LocalDate.parse("2026-12-03")).comparedWith(SampleRuns.signedOff());
        assertThat(s.diff().previousId()).isEqualTo(SampleRuns.signedOff().id());
        assertThat(s.verdict()).isEqualTo(SignOff.evaluate(SampleRuns.failing(), java.util.List.of(), java.time.LocalDate.parse("2026-12-03")).verdict());
    }

    static dev.seedverify.reports.model.Coverage lose(dev.seedverify.reports.model.Coverage c, String bin) {
        return new dev.seedverify.reports.model.Coverage(c.model(), c.targetPercent(), c.minHits(), c.programs(), c.records(),
                c.bins().stream().map(b -> b.name().equals(bin) ? new dev.seedverify.reports.model.CoverageBin(b.name(), b.group(), 0) : b).toList());
    }

    @Test
    void sectionKeysNameSuiteAndTarget() {
        assertThat(Section.key("kernels", "rtl")).isEqualTo("kernels on rtl");
    }
}
