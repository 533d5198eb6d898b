package dev.seedverify.conformance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.conformance.mutants.DriverBugCampaign;
import dev.seedverify.driver.DriverBug;
import dev.seedverify.reports.model.CaseStatus;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SectionStatus;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The driver campaign section records facts in the result model: passes counted, a failing script a FAIL case with its replayable script. */
class DriverSuiteTest {

    @Test
    void aCorrectDriverMakesAPassingSectionOnTheRtl() {
        Section s = DriverSuite.run("rtl", 1, 20, 20, null);
        assertThat(s.error()).isNull();
        assertThat(s.cases()).isEmpty();
        assertThat(s.unlistedPassed()).isEqualTo(20);
        assertThat(s.key()).isEqualTo("driver on rtl");
        assertThat(s.detail()).contains("lockstep:golden,rtl");
        assertThat(s.status()).isEqualTo(SectionStatus.PASSED);
    }

    @Test
    void aFailingScriptIsAFailCaseCarryingItsScript() {
        Section s = DriverSuite.run("golden", 1, 5, 20, DriverBug.ALIGNMENT_IGNORED);
        assertThat(s.cases()).isNotEmpty().allMatch(c -> c.status() == CaseStatus.FAIL);
        assertThat(s.cases().get(0).attachments().get(0).content()).contains("# bug: alignment-ignored").contains("open ring=");
    }

    @Test
    void unitsSplitTheSeedRange() {
        assertThat(DriverSuite.units(1, 250)).containsExactly("seeds 1..100", "seeds 101..200", "seeds 201..250");
    }

    @Test
    void injectedDriverBugsBecomeMutationResults() {
        DriverBugCampaign.Result r = DriverBugCampaign.run(DriverBugCampaign.Config.defaults().withBugs(List.of(DriverBug.TAIL_BEFORE_DESCRIPTOR)), m -> { });
        List<MutationResult> m = DriverSuite.mutations(r);
        assertThat(m).singleElement().satisfies(x -> {
            assertThat(x.mutant()).isEqualTo("driver:tail-before-descriptor");
            assertThat(x.killed()).isTrue();
            assertThat(x.shrunkInstructions()).isLessThanOrEqualTo(6);
        });
    }
}
