package dev.seedverify.reports.allure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.ModelJson;
import dev.seedverify.reports.render.AllureResults;
import dev.seedverify.reports.signoff.SignOff;
import dev.seedverify.reports.signoff.Waiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Allure itself reads what AllureResults writes: the real command line renders it and its data says what we wrote. */
class AllureReportTest {
    @TempDir
    static Path shared;
    /** Rendered once for the tests that read Allure's data files (a render takes a few seconds). */
    static Path served;

    @org.junit.jupiter.api.BeforeAll
    static void renderOnce() throws IOException {
        served = shared.resolve("report");
        AllureReport.render(List.of(results(shared)), served, AllureReport.Layout.SERVED, "S1 sign-off");
    }

    static Path results(Path dir) throws IOException {
        Waiver mulh = new Waiver("W-7", SampleRuns.MULH_BUCKET, null, "RTL issue 41", "alice", LocalDate.parse("2027-01-31"), "waivers.yaml:2");
        SignOff s = SignOff.evaluate(SampleRuns.failing(), List.of(mulh), LocalDate.parse("2026-12-03"));
        return AllureResults.write(s, dir.resolve("allure-results"), dir);
    }

    static JsonNode json(Path file) throws IOException { return ModelJson.mapper().readTree(file.toFile()); }

    @Test
    void allureCountsEveryResultWeWrote() throws IOException {
        assertThat(served.resolve("index.html")).isRegularFile();
        JsonNode stats = json(served.resolve("widgets/summary.json")).get("statistic");
        // 17 listed cases + 1 unlisted summary + 1 skipped section + verdict + coverage.
        assertThat(stats.get("total").asInt()).isEqualTo(21);
        // The two random divergences, the verdict and the coverage; the directed divergence is waived.
        assertThat(stats.get("failed").asInt()).isEqualTo(4);
        assertThat(stats.get("skipped").asInt()).isEqualTo(1);
        assertThat(json(served.resolve("widgets/summary.json")).get("reportName").asText()).isEqualTo("S1 sign-off");
    }

    @Test
    void allureSortsDivergencesIntoTheirBucketsCategory() throws IOException {
        JsonNode categories = json(served.resolve("data/categories.json"));
        JsonNode sra = null;
        for (JsonNode c : categories.get("children")) if (c.get("name").asText().equals("Bucket " + SampleRuns.SRA_BUCKET)) sra = c;
        assertThat(sra).as("category of the SRA bucket").isNotNull();
        assertThat(sra.findValuesAsText("name")).contains("seed 17", "seed 4242");
    }

    @Test
    void allureFilesTheWaivedDivergenceUnderWaivedDivergences() throws IOException {
        JsonNode waived = null;
        for (JsonNode c : json(served.resolve("data/categories.json")).get("children")) if (c.get("name").asText().equals("Waived divergences")) waived = c;
        assertThat(waived).as("category of waived divergences").isNotNull();
        assertThat(waived.findValuesAsText("name")).contains("mulh.S");
    }

    @Test
    void allureGroupsCasesBySuiteAndTarget() throws IOException {
        JsonNode suites = json(served.resolve("data/suites.json"));
        assertThat(suites.findValuesAsText("name")).contains("SeedChip S1 campaign", "conformance list", "property campaign", "rtl", "golden");
    }

    @Test
    void aSingleFileReportIsOneSelfContainedPage(@TempDir Path dir) throws IOException {
        Path index = AllureReport.render(results(dir), dir.resolve("single"));
        try (var files = Files.list(dir.resolve("single"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("index.html");
        }
        assertThat(Files.size(index)).isGreaterThan(500_000);
    }

    @Test
    void aFailingAllureIsReportedWithItsOutputAndTheOldReportStays(@TempDir Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("allure-0/lib"));
        Files.writeString(home.resolve("allure-commandline-0.jar"), "not a jar");
        AllureCommandLine broken = AllureCommandLine.at(dir.resolve("allure-0"), "0", "test");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("index.html"), "previous report");
        assertThatThrownBy(() -> AllureReport.render(broken, List.of(results(dir)), out, AllureReport.Layout.SINGLE_FILE, null))
                .isInstanceOf(AllureUnavailableException.class).hasMessageContaining("failed with exit status 1")
                .hasMessageContaining("io.qameta.allure.CommandLine");
        assertThat(out.resolve("index.html")).hasContent("previous report");
    }

    @Test
    void aMissingResultsFolderIsRefusedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> AllureReport.render(dir.resolve("nope"), dir.resolve("out"))).hasMessage("no Allure results folder at " + dir.resolve("nope"));
    }
}
