package dev.seedverify.reports.render;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.signoff.SignOff;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitXmlReportTest {
    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> suites(Document d) {
        List<String> l = new ArrayList<>();
        NodeList n = d.getElementsByTagName("testsuite");
        for (int i = 0; i < n.getLength(); i++) l.add(((Element) n.item(i)).getAttribute("name"));
        return l;
    }

    static Element testcase(Document d, String name) {
        NodeList n = d.getElementsByTagName("testcase");
        for (int i = 0; i < n.getLength(); i++) if (((Element) n.item(i)).getAttribute("name").equals(name)) return (Element) n.item(i);
        throw new AssertionError("no testcase " + name);
    }

    @Test
    void oneTestsuitePerSectionAndPerSkippedSectionAfterTheVerdict() throws Exception {
        Document d = parse(JUnitXmlReport.render(Samples.failing()));
        assertThat(suites(d)).containsExactly("sign-off", "conformance list on golden", "conformance list on rtl", "regressions on rtl",
                "property campaign on rtl", "kernels on rtl");
    }

    @Test
    void oneTestcasePerCase() throws Exception {
        Document d = parse(JUnitXmlReport.render(Samples.signedOff()));
        Element conf = (Element) d.getElementsByTagName("testsuite").item(2);
        assertThat(conf.getAttribute("name")).isEqualTo("conformance list on rtl");
        assertThat(conf.getElementsByTagName("testcase").getLength()).isEqualTo(6);
        assertThat(conf.getAttribute("tests")).isEqualTo("6");
    }

    @Test
    void aDivergenceIsAFailureCarryingTheDivergenceReport() throws Exception {
        Document d = parse(JUnitXmlReport.render(Samples.failing()));
        Element failure = (Element) testcase(d, "seed 17").getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("DIVERGED MISMATCH");
        assertThat(failure.getTextContent()).contains("DIVERGENCE MISMATCH at order 12", "sra | rd_wdata | -");
    }

    @Test
    void aWaivedCasePassesAndSaysByWhichWaiver() throws Exception {
        Element mulh = testcase(parse(JUnitXmlReport.render(Samples.failing())), "mulh.S");
        assertThat(mulh.getElementsByTagName("failure").getLength()).isZero();
        assertThat(mulh.getElementsByTagName("system-out").item(0).getTextContent()).startsWith("WAIVED by W-7");
    }

    @Test
    void theVerdictCaseFailsUnlessTheRunSignedOff() throws Exception {
        Element failed = testcase(parse(JUnitXmlReport.render(Samples.failing())), "verdict");
        assertThat(((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message")).isEqualTo(Samples.failing().verdict().headline());
        Element ok = testcase(parse(JUnitXmlReport.render(Samples.signedOff())), "verdict");
        assertThat(ok.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void aSkippedSectionIsASkippedTestcaseWithItsReason() throws Exception {
        Element k = testcase(parse(JUnitXmlReport.render(Samples.failing())), "kernels on rtl");
        assertThat(((Element) k.getElementsByTagName("skipped").item(0)).getAttribute("message")).isEqualTo("--no-kernels");
    }

    @Test
    void controlCharactersAndMarkupInMessagesKeepTheXmlWellFormed() throws Exception {
        RunResult run = SampleRuns.signedOff().toBuilder()
                .section(Section.of("x", SampleRuns.RTL, List.of(CaseResult.failed("<a>&\"", 1, "bell \u0007 and ]]> end")))).build();
        Document d = parse(JUnitXmlReport.render(SignOff.evaluate(run, List.of(), Samples.TODAY)));
        Element f = (Element) testcase(d, "<a>&\"").getElementsByTagName("failure").item(0);
        assertThat(f.getAttribute("message")).isEqualTo("bell \uFFFD and ]]> end");
    }

    @Test
    void halfASurrogatePairBecomesAReplacementCharacterAndAWholeOneStays() {
        assertThat(JUnitXmlReport.clean("a\uD83D b \uD83D\uDE00")).isEqualTo("a\uFFFD b \uD83D\uDE00");
    }

    @Test
    void unlistedPassesAreOneTestcaseSayingHowMany() throws Exception {
        Document d = parse(JUnitXmlReport.render(Samples.failing()));
        testcase(d, "19,998 further cases passed (not listed one by one)");
    }
}
