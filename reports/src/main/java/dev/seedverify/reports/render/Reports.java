package dev.seedverify.reports.render;

import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.signoff.SignOff;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes every report of a judged run into one folder, each file whole or not at all:
 * {@value #TEXT}, {@value #JSON}, {@value #MARKDOWN}, {@value #HTML}, {@value #JUNIT} and the
 * folder {@value #ALLURE_RESULTS}. The JSON is written first and the HTML last, so a reader that
 * finds the page finds the rest.
 */
public final class Reports {
    public static final String TEXT = "signoff.txt";
    public static final String JSON = "signoff.json";
    public static final String MARKDOWN = "signoff.md";
    public static final String HTML = "signoff.html";
    public static final String JUNIT = "junit.xml";
    public static final String ALLURE_RESULTS = "allure-results";

    private Reports() {}

    /** Where each report went. */
    public record Written(Path text, Path json, Path markdown, Path html, Path junit, Path allureResults) {}

    /**
     * Writes all reports into {@code dir}; relative attachment paths of the run (waveforms,
     * reproducers) are taken relative to {@code dir}.
     */
    public static Written writeAll(SignOff signOff, Path dir) throws IOException {
        Path json = AtomicFiles.write(dir.resolve(JSON), JsonReport.render(signOff));
        Path text = AtomicFiles.write(dir.resolve(TEXT), TextReport.render(signOff));
        Path md = AtomicFiles.write(dir.resolve(MARKDOWN), MarkdownReport.render(signOff));
        Path junit = AtomicFiles.write(dir.resolve(JUNIT), JUnitXmlReport.render(signOff));
        Path allure = AllureResults.write(signOff, dir.resolve(ALLURE_RESULTS), dir);
        Path html = AtomicFiles.write(dir.resolve(HTML), HtmlSignOffPage.render(signOff));
        return new Written(text, json, md, html, junit, allure);
    }
}
