package dev.seedverify.cli;

import dev.seedverify.reports.browser.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-off page and the Allure report of a real campaign (the fault campaign), opened in headless Chromium. */
class CampaignReportsInChromiumTest {
    static Chromium chromium;
    static Path run;

    @BeforeAll
    static void start() throws IOException {
        Chromium.assumeInstalled();
        run = Campaigns.plainFaultCampaign();
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    String text() { return chromium.driver.findElement(By.tagName("body")).getText(); }

    @Test
    void theSignOffPageShowsTheVerdictTheBucketAndItsSmallestReproducer() throws IOException {
        chromium.open(run.resolve("signoff.html"));
        String text = text();
        assertThat(text).contains("FAILED").contains("sra | rd_wdata").contains("conformance list").contains("property campaign")
                .contains(Campaigns.FAULT).contains("sra ");
        Chromium.assertPlausiblePng(chromium.screenshot("cli-campaign-signoff.png"), 1000, 700);
    }

    @Test
    void theAllureReportOfTheCampaignRendersWithItsSuites() throws IOException {
        Cli r = Cli.run("report", run.toString(), "--allure");
        assertThat(r.out()).as(r.toString()).contains("allure: ");
        chromium.driver.get(run.resolve("allure-report/index.html").toAbsolutePath().toUri() + "#suites");
        new WebDriverWait(chromium.driver, Duration.ofSeconds(60)).until(d -> text().toLowerCase(Locale.ROOT).contains("seedchip s1 campaign"));
        assertThat(text().toLowerCase(Locale.ROOT)).contains("seedchip s1 campaign");
        Chromium.assertPlausiblePng(chromium.screenshot("cli-campaign-allure.png"), 1000, 700);
    }
}
