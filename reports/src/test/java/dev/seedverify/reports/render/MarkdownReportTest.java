package dev.seedverify.reports.render;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.signoff.SignOff;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {
    @Test
    void theFirstLineIsTheVerdictAsAHeading() {
        assertThat(MarkdownReport.render(Samples.signedOff())).startsWith("# SIGNED OFF: every required suite passed on rtl");
    }

    @Test
    void tableCellsEscapePipesAndHtml() {
        assertThat(MarkdownReport.render(Samples.failing())).contains("| sra \\| rd\\_wdata \\| - | 2 |");
        assertThat(Markdown.cell("<b>a|b</b>")).isEqualTo("&lt;b&gt;a\\|b&lt;/b&gt;");
    }

    @Test
    void codeFencesAreLongerThanAnyBacktickRunInside() {
        assertThat(Markdown.code("a ``` b")).startsWith("````\n").endsWith("\n````\n");
    }

    @Test
    void aCaseIdCannotInjectMarkdown() {
        RunResult run = SampleRuns.signedOff().toBuilder()
                .section(Section.of("x", SampleRuns.RTL, List.of(CaseResult.failed("[click](javascript:alert(1))", 1, "boom")))).build();
        String md = MarkdownReport.render(SignOff.evaluate(run, List.of(), Samples.TODAY));
        assertThat(md).contains("\\[click\\](javascript:alert(1))").doesNotContain("[click](javascript");
    }

    @Test
    void everyUncoveredBinIsNamed() {
        assertThat(MarkdownReport.render(Samples.failing())).contains("Uncovered (4): csr.mtval.write\\_illegal, trap.unhit1");
    }
}
