package dev.seedverify.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.RunResult;
import org.junit.jupiter.api.Test;

/** The campaign's progress line for a finished unit says what the unit recorded. */
class CampaignRunnerSummaryTest {

    @Test
    void aUnitOfInjectedBugsSaysHowManyWereCaught() {
        RunResult r = RunResult.builder("u", "injected driver bugs")
                .mutation(new MutationResult("driver:missing-doorbell", "", true, "driver properties (model)", 4, null, null, null))
                .mutation(new MutationResult("driver:ring-wrap-off-by-one", "", false, null, 300, null, null, null))
                .build();
        assertThat(CampaignRunner.summary(r, "driver")).isEqualTo("1 of 2 injected bugs caught");
    }

    @Test
    void aUnitThatRecordedNothingSaysSo() {
        assertThat(CampaignRunner.summary(RunResult.builder("u", "empty").build(), "driver")).isEqualTo("recorded nothing");
    }
}
