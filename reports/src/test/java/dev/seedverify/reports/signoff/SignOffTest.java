package dev.seedverify.reports.signoff;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.CaseStatus;
import dev.seedverify.reports.model.IsolationCounts;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.Requirements;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SectionStatus;
import dev.seedverify.reports.model.Target;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.seedverify.reports.SampleRuns.CONFORMANCE;
import static dev.seedverify.reports.SampleRuns.GOLDEN;
import static dev.seedverify.reports.SampleRuns.KERNELS;
import static dev.seedverify.reports.SampleRuns.MULH_BUCKET;
import static dev.seedverify.reports.SampleRuns.PROPERTY;
import static dev.seedverify.reports.SampleRuns.REGRESSIONS;
import static dev.seedverify.reports.SampleRuns.RTL;
import static dev.seedverify.reports.SampleRuns.SRA_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

class SignOffTest {
    static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    static SignOff judge(RunResult run, Waiver... waivers) { return SignOff.evaluate(run, List.of(waivers), TODAY); }

    static Waiver waiver(String id, String bucket, String expires) {
        return new Waiver(id, bucket, null, "RTL issue 41", "alice", LocalDate.parse(expires), "waivers.yaml:" + id.length());
    }

    /** {@code run} with section {@code removeKey} replaced by {@code replacement} (or just removed for null). */
    static RunResult withSection(RunResult run, Section replacement, String removeKey) {
        RunResult.Builder b = run.toBuilder().removeSection(removeKey);
        if (replacement != null) b.section(replacement);
        return b.build();
    }

    @Test
    void signsOffWhenEveryRequiredSuitePassedOnARealDutWithCoverageMetAndNothingSkipped() {
        SignOff s = judge(SampleRuns.signedOff());
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.SIGNED_OFF);
        assertThat(s.verdict().headline()).startsWith("SIGNED OFF: every required suite passed on rtl").contains("coverage 97.6% meets its target 95.0%");
    }

    @Test
    void aRequiredSuiteRunOnlyOnTheGoldenModelIsIncomplete() {
        RunResult run = withSection(SampleRuns.signedOff(), null, Section.key(CONFORMANCE, "rtl"));
        SignOff s = judge(run);
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(s.verdict().headline()).isEqualTo("INCOMPLETE: required suite 'conformance list' ran only on golden, not on a real DUT");
    }

    @Test
    void aDutNamedGoldenIsNotARealDut() {
        RunResult base = SampleRuns.signedOff();
        Section goldenVsGolden = Section.of(KERNELS, new Target("golden", "golden model == golden model"), SampleRuns.passing("k", 2));
        SignOff s = judge(withSection(base, goldenVsGolden, Section.key(KERNELS, "rtl")));
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(s.verdict().reasons()).contains("required suite 'kernels' ran only on golden, not on a real DUT");
    }

    @Test
    void aMutatedRtlIsNotARealDut() {
        Section onMutant = Section.of(KERNELS, Target.of("mutant:sra-as-srl"), SampleRuns.passing("k", 2));
        SignOff s = judge(withSection(SampleRuns.signedOff(), onMutant, Section.key(KERNELS, "rtl")));
        assertThat(s.verdict().reasons()).contains("required suite 'kernels' ran only on mutant:sra-as-srl, not on a real DUT");
    }

    @Test
    void aRequiredSuiteThatDidNotRunIsIncomplete() {
        SignOff s = judge(withSection(SampleRuns.signedOff(), null, Section.key(REGRESSIONS, "rtl")));
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(s.verdict().reasons()).containsExactly("required suite 'regressions' did not run");
    }

    @Test
    void aSkippedSectionIsIncompleteWithItsReason() {
        RunResult run = SampleRuns.signedOff().toBuilder().skipped("device", "rtl", "--no-device").build();
        SignOff s = judge(run);
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(s.verdict().headline()).isEqualTo("INCOMPLETE: device on rtl skipped: --no-device");
    }

    @Test
    void aSkippedCaseMakesItsSectionIncomplete() {
        Section withSkip = SampleRuns.signedOff().section(Section.key(REGRESSIONS, "rtl")).orElseThrow()
                .withCase(CaseResult.skipped("slow.S", "tier soak only"));
        SignOff s = judge(withSection(SampleRuns.signedOff(), withSkip, withSkip.key()));
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(s.verdict().reasons()).contains("regressions on rtl incomplete: 3/4 passed, 1 skipped");
    }

    @Test
    void anEmptySectionIsNotAPass() {
        Section empty = Section.of(REGRESSIONS, RTL, List.of());
        SignOff s = judge(withSection(SampleRuns.signedOff(), empty, empty.key()));
        assertThat(empty.status()).isEqualTo(SectionStatus.EMPTY);
        assertThat(s.verdict().reasons()).containsExactly("regressions on rtl ran no cases");
    }

    @Test
    void coverageBelowItsTargetIsIncomplete() {
        RunResult run = SampleRuns.signedOff().toBuilder().coverage(SampleRuns.coverage(99, 3)).build();
        SignOff s = judge(run);
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(s.verdict().headline()).isEqualTo("INCOMPLETE: coverage 93.2% is below its target 99.0% (3 of 44 bins uncovered)");
    }

    @Test
    void requiredCoverageThatWasNotMeasuredIsIncomplete() {
        RunResult run = SampleRuns.signedOff().toBuilder().coverage(null).build();
        assertThat(judge(run).verdict().reasons()).containsExactly("coverage was not measured");
    }

    @Test
    void aDivergenceFailsTheRun() {
        SignOff s = judge(SampleRuns.failing());
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(s.verdict().reasons().get(0)).isEqualTo("conformance list on rtl: 5/6 passed, 1 diverged");
        assertThat(s.verdict().reasons()).contains("2 divergence buckets not waived: mulh | rd_wdata | - (1), sra | rd_wdata | - (2)");
    }

    @Test
    void aFailedRunStillListsWhatIsIncomplete() {
        SignOff s = judge(SampleRuns.failing());
        assertThat(s.verdict().reasons()).contains("kernels on rtl skipped: --no-kernels", "required suite 'kernels' did not run")
                .anyMatch(r -> r.startsWith("coverage 91.1% is below its target 95.0%"));
    }

    @Test
    void anInterruptedRunIsInterruptedWithWhatFinished() {
        RunResult base = SampleRuns.signedOff();
        Section half = base.section(Section.key(PROPERTY, "rtl")).orElseThrow().unfinished();
        RunResult run = withSection(base, half, half.key()).toBuilder().interrupted(true).finishedAt(null).build();
        SignOff s = judge(run);
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(s.verdict().headline()).startsWith("INTERRUPTED: the run was interrupted after 4 finished sections; unfinished: property campaign on rtl");
    }

    @Test
    void aFailureOutranksAnInterruption() {
        RunResult run = SampleRuns.failing().toBuilder().interrupted(true).build();
        SignOff s = judge(run);
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(s.verdict().reasons()).anyMatch(r -> r.startsWith("the run was interrupted"));
    }

    @Test
    void aShardAloneCannotSignOffEvenWhenItsPartPassed() {
        SignOff s = judge(SampleRuns.signedOff().toBuilder().shard(dev.seedverify.reports.model.Shard.parse("1/2")).build());
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(s.verdict().headline()).isEqualTo("INCOMPLETE: this is shard 1/2 of a campaign: merge every shard (seedverify report merge) for its verdict");
    }

    @Test
    void aRunThatRequiresNothingCannotSignOff() {
        RunResult run = SampleRuns.signedOff().toBuilder().requirements(Requirements.none()).build();
        SignOff s = judge(run);
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(s.verdict().reasons()).containsExactly("no required suites were named, so nothing can sign off");
    }

    @Test
    void aBucketWithoutListedCasesStillFails() {
        RunResult run = SampleRuns.signedOff().toBuilder().bucket(dev.seedverify.reports.model.Bucket.of(SRA_BUCKET, 7, List.of(3L), null)).build();
        assertThat(judge(run).verdict().reasons()).containsExactly("1 divergence bucket not waived: sra | rd_wdata | - (7)");
    }

    @Test
    void aWaivedDivergencePassesVisibly() {
        RunResult run = onlyMulhDivergence();
        SignOff s = judge(run, waiver("W-1", MULH_BUCKET, "2026-12-31"));
        Section conf = s.run().section(Section.key(CONFORMANCE, "rtl")).orElseThrow();
        CaseResult mulh = conf.cases().stream().filter(c -> c.id().equals("mulh.S")).findFirst().orElseThrow();
        assertThat(mulh.status()).isEqualTo(CaseStatus.WAIVED);
        assertThat(mulh.waivedBy()).isEqualTo("W-1");
        assertThat(conf.status()).isEqualTo(SectionStatus.PASSED_WITH_WAIVERS);
        assertThat(s.run().buckets().get(0).waivedBy()).isEqualTo("W-1");
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.SIGNED_OFF);
        assertThat(s.verdict().headline()).endsWith("; 1 divergence waived");
        assertThat(s.verdict().notes()).containsExactly("waiver W-1 let 1 case and 1 bucket pass (mulh | rd_wdata | -), until 2026-12-31");
    }

    @Test
    void theObservedRunKeepsTheDivergenceAsObserved() {
        SignOff s = judge(onlyMulhDivergence(), waiver("W-1", MULH_BUCKET, "2026-12-31"));
        assertThat(s.observed().counts().diverged()).isEqualTo(1);
        assertThat(s.run().counts().waived()).isEqualTo(1);
    }

    @Test
    void aWaiverRuleIsAGlobOverBucketSignatures() {
        Waiver rule = new Waiver("W-2", null, "mul* | rd_wdata | *", "multiplier rework", "bob", LocalDate.parse("2027-01-01"), "w:1");
        assertThat(judge(onlyMulhDivergence(), rule).verdict().outcome()).isEqualTo(Outcome.SIGNED_OFF);
        assertThat(rule.matches("div | rd_wdata | -")).isFalse();
    }

    @Test
    void anExpiredWaiverFailsTheRunAndLetsNothingPass() {
        SignOff s = judge(onlyMulhDivergence(), waiver("W-1", MULH_BUCKET, "2026-12-02"));
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(s.verdict().reasons()).contains("waiver W-1 (owner alice) expired on 2026-12-02; it covered mulh | rd_wdata | -");
        assertThat(s.run().counts().waived()).isZero();
        assertThat(s.waivers().get(0).state()).isEqualTo(WaiverUse.State.EXPIRED);
    }

    @Test
    void aWaiverAppliesThroughItsExpiryDay() {
        assertThat(judge(onlyMulhDivergence(), waiver("W-1", MULH_BUCKET, TODAY.toString())).verdict().outcome()).isEqualTo(Outcome.SIGNED_OFF);
    }

    @Test
    void anUnusedWaiverIsReportedWithoutChangingTheVerdict() {
        SignOff s = judge(SampleRuns.signedOff(), waiver("W-9", "div | rd_wdata | -", "2027-01-01"));
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.SIGNED_OFF);
        assertThat(s.waivers().get(0).state()).isEqualTo(WaiverUse.State.UNUSED);
        assertThat(s.verdict().notes()).containsExactly("waiver W-9 matched nothing (div | rd_wdata | -)");
    }

    @Test
    void aBucketGoesToTheFirstWaiverThatMatchesIt() {
        Waiver first = waiver("W-1", MULH_BUCKET, "2027-01-01");
        Waiver second = new Waiver("W-2", null, "*", "everything", "bob", LocalDate.parse("2027-01-01"), "w:2");
        SignOff s = judge(onlyMulhDivergence(), first, second);
        assertThat(s.waivers()).extracting(WaiverUse::state).containsExactly(WaiverUse.State.APPLIED, WaiverUse.State.UNUSED);
    }

    @Test
    void aSurvivingMutantFailsTheRun() {
        RunResult run = SampleRuns.signedOff().toBuilder().mutation(new MutationResult("tstn-stuck", "", false, null, 20_000, null, null, null)).build();
        assertThat(judge(run).verdict().reasons()).containsExactly("1 injected bug not detected: tstn-stuck");
    }

    @Test
    void anIsolationEscapeFailsTheRun() {
        RunResult run = SampleRuns.signedOff().toBuilder().isolation(new IsolationCounts(1_200, 2, 64)).build();
        assertThat(judge(run).verdict().reasons())
                .containsExactly("isolation property violated: 2 escapes, 64 bytes changed outside the window in 1200 launches");
    }

    @Test
    void theHeadlineIsTheFirstReasonAndHowManyMoreThereAre() {
        Verdict v = new Verdict(Outcome.FAILED, List.of("a", "b", "c"), List.of());
        assertThat(v.headline()).isEqualTo("FAILED: a (and 2 more)");
    }

    @Test
    void theSameFactsWaiversAndDayGiveTheSameVerdict() {
        Waiver w = waiver("W-1", MULH_BUCKET, "2026-12-31");
        assertThat(judge(SampleRuns.failing(), w)).isEqualTo(judge(SampleRuns.failing(), w));
    }

    /** The signed-off sample plus one directed divergence in the MULH bucket. */
    static RunResult onlyMulhDivergence() {
        RunResult base = SampleRuns.signedOff();
        Section conf = base.section(Section.key(CONFORMANCE, "rtl")).orElseThrow()
                .withCase(CaseResult.diverged("mulh.S", 14, SampleRuns.mulhDivergence()));
        return withSection(base, conf, conf.key()).toBuilder()
                .bucket(dev.seedverify.reports.model.Bucket.of(MULH_BUCKET, 1, List.of(), null)).build();
    }

    @Test
    void goldenAloneIsNotARealDutButTheRtlIs() {
        assertThat(GOLDEN.realDut()).isFalse();
        assertThat(RTL.realDut()).isTrue();
    }
}
