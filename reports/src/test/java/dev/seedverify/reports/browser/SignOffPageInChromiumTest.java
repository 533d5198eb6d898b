package dev.seedverify.reports.browser;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.render.Reports;
import dev.seedverify.reports.signoff.SignOff;
import dev.seedverify.reports.signoff.Waiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-off page as a person sees it: opened from disk in headless Chromium, read, and photographed. */
class SignOffPageInChromiumTest {
    static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    static Chromium chromium;

    @BeforeAll
    static void start() throws IOException { chromium = Chromium.start(); }

    @AfterAll
    static void stop() { if (chromium != null) chromium.close(); }

    static Path page(String name, SignOff signOff) throws IOException {
        Path dir = Chromium.OUT.resolve(name);
        Files.createDirectories(dir.resolve("waves"));
        Files.write(dir.resolve("waves/mulh.rd_wdata.fst"), new byte[]{(byte) 0xfc, 0, 1});
        return Reports.writeAll(signOff, dir).html();
    }

    static SignOff failing() {
        Waiver w = new Waiver("W-7", SampleRuns.MULH_BUCKET, null, "RTL issue 41: MULH high word sign; fix in RTL 1.3", "alice@example.com",
                LocalDate.parse("2027-01-31"), "waivers.yaml:2");
        return SignOff.evaluate(SampleRuns.failing(), List.of(w), TODAY).comparedWith(SampleRuns.signedOff());
    }

    WebElement find(String css) { return chromium.driver.findElement(By.cssSelector(css)); }

    @Test
    void aFailedRunShowsItsVerdictMatrixUncoveredBinsAndReproducers() throws IOException {
        chromium.open(page("signoff-failed", failing()));
        assertThat(chromium.driver.getTitle()).startsWith("FAILED");
        assertThat(find("#verdict-word").getText()).isEqualTo("FAILED");
        assertThat(find("#verdict-reason").getText()).startsWith(failing().verdict().reasons().get(0));
        assertThat(find("td[data-section='property campaign on rtl'] .chip").getText()).isEqualTo("FAIL");
        assertThat(find("td[data-section='conformance list on rtl'] .chip").getText()).isEqualTo("PASS (waived)");
        assertThat(find("td[data-section='kernels on rtl']").getText()).contains("SKIPPED", "--no-kernels");
        assertThat(find("#uncovered").getText()).contains(SampleRuns.UNCOVERED_BIN);
        assertThat(find("#bucket-sra-rd-wdata pre.repro").getText()).contains("srai a1, a0, 4");
        assertThat(find("#waivers").getText()).contains("W-7", "APPLIED", "alice@example.com");
        assertThat(find("#mutations").getText()).contains("tquant-round", "SURVIVED");
        assertThat(find("#changes").getText()).contains("sra | rd_wdata | -");
        Chromium.assertPlausiblePng(chromium.screenshot("signoff-failed.png"), 1000, 1500);
    }

    @Test
    void aSignedOffRunHasAGreenBanner() throws IOException {
        chromium.open(page("signoff-signed-off", SignOff.evaluate(SampleRuns.signedOff(), List.of(), TODAY)));
        assertThat(find("#verdict-word").getText()).isEqualTo("SIGNED OFF");
        String background = find("#verdict").getCssValue("background-image");
        assertThat(background).contains("linear-gradient").contains("rgb(26, 127, 55)");
        assertThat(find("td[data-section='kernels on rtl'] .chip").getText()).isEqualTo("PASS");
        Chromium.assertPlausiblePng(chromium.screenshot("signoff-signed-off.png"), 1000, 900);
    }
}
