package dev.seedverify.reports.model;

import dev.seedverify.reports.SampleRuns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SectionTest {
    static final Target RTL = Target.of("rtl");

    @Test
    void aSectionWhoseCasesAllPassedPassed() {
        assertThat(Section.of("s", RTL, SampleRuns.passing("p", 3)).status()).isEqualTo(SectionStatus.PASSED);
    }

    @Test
    void aDivergedCaseFailsItsSection() {
        Section s = Section.of("s", RTL, List.of(CaseResult.passed("a", 1), CaseResult.diverged("b", 1, SampleRuns.mulhDivergence())));
        assertThat(s.status()).isEqualTo(SectionStatus.FAILED);
        assertThat(s.counts().summary()).isEqualTo("1/2 passed, 1 diverged");
    }

    @Test
    void anErrorCaseFailsItsSection() {
        assertThat(Section.of("s", RTL, List.of(CaseResult.error("cut.S", 0, "header cut at byte 12"))).status()).isEqualTo(SectionStatus.FAILED);
    }

    @Test
    void aSectionThatCouldNotRunIsAnError() {
        assertThat(Section.failedToRun("s", RTL, "Verilator model missing").status()).isEqualTo(SectionStatus.ERROR);
    }

    @Test
    void aSectionWithoutCasesIsEmpty() {
        assertThat(Section.of("s", RTL, List.of()).status()).isEqualTo(SectionStatus.EMPTY);
    }

    @Test
    void anUnfinishedSectionIsIncomplete() {
        assertThat(Section.of("s", RTL, SampleRuns.passing("p", 2)).unfinished().status()).isEqualTo(SectionStatus.INCOMPLETE);
    }

    @Test
    void unlistedPassesCountAsPassedCases() {
        Section s = Section.of("s", RTL, List.of(CaseResult.passed("a", 1))).withUnlistedPassed(19_999);
        assertThat(s.counts().total()).isEqualTo(20_000);
        assertThat(s.counts().passed()).isEqualTo(20_000);
    }

    @Test
    void aCaseListedTwiceIsRefused() {
        assertThatThrownBy(() -> Section.of("s", RTL, List.of(CaseResult.passed("a", 1), CaseResult.passed("a", 2))))
                .hasMessage("section s on rtl lists case 'a' twice");
    }

    @Test
    void aDivergedCaseNeedsItsDivergence() {
        assertThatThrownBy(() -> new CaseResult("a", CaseStatus.DIVERGED, 0, null, null, null, null, null)).hasMessage("case a is DIVERGED without a divergence");
    }

    @Test
    void anAttachmentIsInlineTextOrAPathNotBoth() {
        assertThatThrownBy(() -> new Attachment("log", "text/plain", "x", "y")).hasMessage("attachment 'log' needs exactly one of content and path");
        assertThat(Attachment.waveform("waves/a.fst").extension()).isEqualTo("fst");
        assertThat(Attachment.json("d", "{}").extension()).isEqualTo("json");
    }

    @Test
    void theDivergenceSummaryNamesKindOrderAndTheFirstField() {
        assertThat(SampleRuns.mulhDivergence().summary()).isEqualTo("MISMATCH at order 40: rd_wdata golden 0xffffffff DUT 0x00000000");
    }

    @Test
    void theDivergenceTextHasEveryFieldTheHistoryAndTheReproducer() {
        assertThat(SampleRuns.mulhDivergence().text()).contains("DIVERGENCE MISMATCH at order 40", "bucket:   mulh | rd_wdata | -")
                .containsPattern("rd_wdata\\s+0xffffffff\\s+0x00000000").contains("last 2 records", "waveform: waves/mulh.rd_wdata.fst", "mulh a2, a0, a1");
    }
}
