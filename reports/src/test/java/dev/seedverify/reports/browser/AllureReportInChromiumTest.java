package dev.seedverify.reports.browser;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.allure.AllureReport;
import dev.seedverify.reports.render.AllureResults;
import dev.seedverify.reports.signoff.SignOff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered Allure report of a campaign, opened from disk (one self-contained file) in headless Chromium. */
class AllureReportInChromiumTest {
    static Chromium chromium;
    static Path index;

    @BeforeAll
    static void render() throws IOException {
        Chromium.assumeInstalled();
        Path dir = Chromium.OUT.resolve("allure");
        SignOff s = SignOff.evaluate(SampleRuns.failing(), List.of(), LocalDate.parse("2026-12-03"));
        Path results = AllureResults.write(s, dir.resolve("allure-results"), dir);
        index = AllureReport.render(List.of(results), dir.resolve("allure-report"), AllureReport.Layout.SINGLE_FILE, "SeedChip S1 sign-off");
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() { if (chromium != null) chromium.close(); }

    void open(String route) { chromium.driver.get(index.toAbsolutePath().toUri() + route); }

    /** The page's visible text (as shown: Allure capitalises some titles), once it contains {@code expected}, in lower case. */
    String textOnceShown(String expected) {
        String want = expected.toLowerCase(Locale.ROOT);
        new WebDriverWait(chromium.driver, Duration.ofSeconds(60)).until(d -> text().contains(want));
        return text();
    }

    String text() { return chromium.driver.findElement(By.tagName("body")).getText().toLowerCase(Locale.ROOT); }

    /** The shown tree row with a line starting with {@code text} (the same test may sit under several, collapsed, nodes), or null. */
    WebElement row(String text) {
        return chromium.driver.findElements(By.className("node__title")).stream().filter(WebElement::isDisplayed)
                .filter(e -> e.getText().lines().anyMatch(l -> l.startsWith(text))).findFirst().orElse(null);
    }

    List<String> shownRows() {
        return chromium.driver.findElements(By.className("node__title")).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    /** Opens tree rows along {@code path}: a node is clicked unless its child already shows (Allure remembers what was open). */
    void expand(String... path) {
        WebDriverWait wait = new WebDriverWait(chromium.driver, Duration.ofSeconds(30));
        for (int i = 0; i < path.length; i++) {
            String text = path[i];
            WebElement node = wait.withMessage(() -> "no shown row starting with '" + text + "'; shown: " + shownRows()).until(d -> row(text));
            if (i + 1 == path.length || row(path[i + 1]) == null) node.click();
        }
    }

    @Test
    void theOverviewShowsTheReportNameAndTheNumberOfCases() throws IOException {
        open("#");
        String text = textOnceShown("SeedChip S1 sign-off");
        assertThat(text).contains("21", "test cases");
        Chromium.assertPlausiblePng(chromium.screenshot("allure-overview.png"), 1000, 700);
    }

    @Test
    void aRandomDivergenceIsFiledUnderItsBucketWithItsReportAttached() throws IOException {
        open("#categories");
        textOnceShown("Bucket " + SampleRuns.SRA_BUCKET);
        expand("Bucket " + SampleRuns.SRA_BUCKET, "DIVERGED [bucket " + SampleRuns.SRA_BUCKET + "]", "seed 17");
        String text = textOnceShown("divergence report");
        assertThat(text).contains("diverged [bucket sra | rd_wdata | -] mismatch at order 12", "divergence (json)");
        Chromium.assertPlausiblePng(chromium.screenshot("allure-divergence.png"), 1000, 700);
    }

    @Test
    void theSuitesTreeHasEverySuiteOfTheCampaign() {
        open("#suites");
        textOnceShown("SeedChip S1 campaign");
        expand("SeedChip S1 campaign", "conformance list");
        assertThat(textOnceShown("conformance list")).contains("property campaign", "regressions", "sign-off", "kernels");
    }
}
