package dev.seedverify.reports.render;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Divergence;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.signoff.SignOff;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSignOffPageTest {
    static String hostile() {
        Divergence d = SampleRuns.mulhDivergence().withWaveform("javascript:alert(1)").withReproducer("<script>alert('r')</script>", null);
        RunResult run = SampleRuns.signedOff().toBuilder().section(Section.of("<img src=x onerror=alert(1)>", SampleRuns.RTL,
                List.of(CaseResult.diverged("<script>alert(\"id\")</script>", 1, d)))).build();
        return HtmlSignOffPage.render(SignOff.evaluate(run, List.of(), Samples.TODAY));
    }

    @Test
    void theTitleAndTheBannerStartWithTheVerdict() {
        String html = HtmlSignOffPage.render(Samples.failing());
        assertThat(html).contains("<title>FAILED \u00b7 SeedChip S1 campaign").contains("<span id=\"verdict-word\">FAILED</span>");
        assertThat(html.indexOf("id=\"verdict\"")).isLessThan(html.indexOf("id=\"matrix\""));
    }

    @Test
    void textFromTheRunIsEscaped() {
        String html = hostile();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;alert(&quot;id&quot;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void onlyFilePathsBecomeLinks() {
        assertThat(hostile()).doesNotContain("href=\"javascript:").contains("<code>javascript:alert(1)</code>");
        assertThat(Html.fileHref("waves/a b.fst")).isEqualTo("waves/a%20b.fst");
        assertThat(Html.fileHref("/tmp/w.fst")).isEqualTo("file:///tmp/w.fst");
    }

    @Test
    void thePageNeedsNothingFromTheNetwork() {
        String html = HtmlSignOffPage.render(Samples.failing());
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("@import")
                .doesNotContain("url(");
    }

    @Test
    void everyUncoveredBinIsNamed() {
        String html = HtmlSignOffPage.render(Samples.failing());
        for (String bin : SampleRuns.failing().coverage().uncovered()) assertThat(html).contains("<li>" + bin + "</li>");
    }

    @Test
    void theMatrixHasACellPerSuiteAndTargetWithSkipsShown() {
        String html = HtmlSignOffPage.render(Samples.failing());
        assertThat(html).contains("data-section=\"conformance list on rtl\"", "data-section=\"conformance list on golden\"",
                "data-section=\"kernels on rtl\"><span class=\"chip\">SKIPPED</span><span class=\"note\">--no-kernels</span>");
    }

    @Test
    void aSignedOffPageHasAGreenBanner() {
        assertThat(HtmlSignOffPage.render(Samples.signedOff())).contains("<header id=\"verdict\" class=\"banner ok\"");
        assertThat(HtmlSignOffPage.render(Samples.failing())).contains("<header id=\"verdict\" class=\"banner bad\"");
    }

    @Test
    void aLongCaseListIsCutWithACount() {
        List<CaseResult> many = new java.util.ArrayList<>();
        for (int i = 0; i < HtmlSignOffPage.MAX_CASES + 5; i++) many.add(CaseResult.failed("p" + i, 1, "no"));
        RunResult run = SampleRuns.signedOff().toBuilder().section(Section.of("many", SampleRuns.RTL, many)).build();
        assertThat(HtmlSignOffPage.render(SignOff.evaluate(run, List.of(), Samples.TODAY))).contains("and 5 more, listed in the text and JSON reports.");
    }
}
