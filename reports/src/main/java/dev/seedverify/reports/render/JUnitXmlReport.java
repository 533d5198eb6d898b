package dev.seedverify.reports.render;

import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Counts;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SkippedSection;
import dev.seedverify.reports.signoff.SignOff;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * JUnit XML for CI tools: one {@code testsuite} per section (and per skipped section, its one case
 * skipped), one {@code testcase} per case, failures carrying the divergence report. A first suite
 * {@code sign-off} holds one case, the verdict, which fails unless the run signed off, so a CI page
 * shows an incomplete run as red too.
 */
public final class JUnitXmlReport {
    private JUnitXmlReport() {}

    public static String render(SignOff signOff) {
        RunResult run = signOff.run();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            Counts all = run.counts();
            long skippedSections = run.skipped().size();
            x.writeStartElement("testsuites");
            x.writeAttribute("name", clean(run.title() + " - run " + run.id()));
            x.writeAttribute("tests", Long.toString(listed(run) + skippedSections + 1));
            x.writeAttribute("failures", Long.toString(all.failed() + all.diverged() + (signOff.verdict().signedOff() ? 0 : 1)));
            x.writeAttribute("errors", Long.toString(all.errors()));
            x.writeAttribute("skipped", Long.toString(all.skipped() + skippedSections));
            x.writeAttribute("time", seconds(run.sections().stream().mapToLong(Section::durationMillis).sum()));
            x.writeCharacters("\n");

            suiteStart(x, "sign-off", 1, signOff.verdict().signedOff() ? 0 : 1, 0, 0, 0, run);
            caseStart(x, "verdict", "seedverify.sign-off", 0);
            if (!signOff.verdict().signedOff()) {
                x.writeStartElement("failure");
                x.writeAttribute("message", clean(signOff.verdict().headline()));
                x.writeAttribute("type", signOff.verdict().outcome().name());
                x.writeCharacters(clean(String.join("\n", signOff.verdict().reasons())));
                x.writeEndElement();
            } else {
                text(x, "system-out", signOff.verdict().headline());
            }
            end(x, 2);
            end(x, 1);

            for (Section s : run.sections()) {
                Counts c = s.counts();
                boolean aggregate = s.unlistedPassed() > 0;
                suiteStart(x, s.key(), s.cases().size() + (aggregate ? 1 : 0) + (s.error() != null ? 1 : 0), c.failed() + c.diverged(),
                        c.errors() + (s.error() != null ? 1 : 0), c.skipped(), s.durationMillis(), run);
                x.writeCharacters("    ");
                x.writeStartElement("properties");
                property(x, "target", s.target().name());
                property(x, "target.description", s.target().description());
                property(x, "realDut", Boolean.toString(s.target().realDut()));
                property(x, "complete", Boolean.toString(s.complete()));
                property(x, "unlistedPassed", Long.toString(s.unlistedPassed()));
                if (s.detail() != null) property(x, "detail", s.detail());
                x.writeEndElement();
                x.writeCharacters("\n");
                String classname = "seedverify." + name(s.suite()) + "." + name(s.target().name());
                if (s.error() != null) {
                    caseStart(x, "(section)", classname, 0);
                    x.writeStartElement("error");
                    x.writeAttribute("message", clean(s.error()));
                    x.writeAttribute("type", "SECTION_ERROR");
                    x.writeEndElement();
                    end(x, 2);
                }
                for (CaseResult k : s.cases()) writeCase(x, classname, k);
                if (aggregate) {
                    caseStart(x, Fmt.number(s.unlistedPassed()) + " further cases passed (not listed one by one)", classname, 0);
                    end(x, 2);
                }
                end(x, 1);
            }
            for (SkippedSection k : run.skipped()) {
                suiteStart(x, k.key(), 1, 0, 0, 1, 0, run);
                caseStart(x, k.key(), "seedverify.skipped", 0);
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", clean(k.reason()));
                end(x, 2);
                end(x, 1);
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static long listed(RunResult run) {
        long n = 0;
        for (Section s : run.sections()) n += s.cases().size() + (s.unlistedPassed() > 0 ? 1 : 0) + (s.error() != null ? 1 : 0);
        return n;
    }

    private static void writeCase(XMLStreamWriter x, String classname, CaseResult k) throws XMLStreamException {
        caseStart(x, k.id(), classname, k.durationMillis());
        String body = k.divergence() != null ? k.divergence().text() : k.message();
        switch (k.status()) {
            case FAIL, DIVERGED -> {
                x.writeStartElement("failure");
                x.writeAttribute("message", clean(k.message() == null ? k.status().name() : k.message()));
                x.writeAttribute("type", k.divergence() != null ? "DIVERGED " + k.divergence().kind() : k.status().name());
                if (body != null) x.writeCharacters(clean(body));
                x.writeEndElement();
            }
            case ERROR -> {
                x.writeStartElement("error");
                x.writeAttribute("message", clean(k.message() == null ? "error" : k.message()));
                x.writeAttribute("type", "ERROR");
                if (body != null) x.writeCharacters(clean(body));
                x.writeEndElement();
            }
            case SKIPPED -> {
                x.writeEmptyElement("skipped");
                if (k.message() != null) x.writeAttribute("message", clean(k.message()));
            }
            case WAIVED -> text(x, "system-out", "WAIVED by " + k.waivedBy() + (body == null ? "" : "\n" + body));
            case PASS -> { }
        }
        end(x, 2);
    }

    private static void suiteStart(XMLStreamWriter x, String name, long tests, long failures, long errors, long skipped, long millis,
                                   RunResult run) throws XMLStreamException {
        x.writeCharacters("  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", clean(name));
        x.writeAttribute("tests", Long.toString(tests));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", Long.toString(errors));
        x.writeAttribute("skipped", Long.toString(skipped));
        x.writeAttribute("time", seconds(millis));
        if (run.startedAt() != null) x.writeAttribute("timestamp", run.startedAt().toString());
        if (run.environment().host() != null) x.writeAttribute("hostname", clean(run.environment().host()));
        x.writeCharacters("\n");
    }

    private static void caseStart(XMLStreamWriter x, String name, String classname, long millis) throws XMLStreamException {
        x.writeCharacters("    ");
        x.writeStartElement("testcase");
        x.writeAttribute("name", clean(name));
        x.writeAttribute("classname", clean(classname));
        x.writeAttribute("time", seconds(millis));
    }

    /** Closes a testcase (level 2) or a testsuite (level 1). */
    private static void end(XMLStreamWriter x, int level) throws XMLStreamException {
        if (level == 1) x.writeCharacters("  ");
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", clean(value));
    }

    private static void text(XMLStreamWriter x, String element, String text) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(clean(text));
        x.writeEndElement();
    }

    private static String seconds(long millis) { return String.format(Locale.ROOT, "%.3f", millis / 1000.0); }

    /** A dotted class name part: the suite's words joined by '-'. */
    private static String name(String s) { return s.strip().replaceAll("[^A-Za-z0-9:_-]+", "-"); }

    /** XML 1.0 cannot carry most control characters even escaped, nor half a surrogate pair: they become U+FFFD. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
                continue;
            }
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            b.append(ok ? c : '\uFFFD');
        }
        return b.toString();
    }
}
