package dev.seedverify.reports.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AllureResultsTest {
    static List<JsonNode> results(Path dir) throws IOException {
        List<JsonNode> l = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) if (f.getFileName().toString().endsWith("-result.json")) l.add(ModelJson.mapper().readTree(f.toFile()));
        }
        return l;
    }

    static JsonNode named(List<JsonNode> results, String name) {
        return results.stream().filter(r -> r.get("name").asText().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no result " + name));
    }

    static Map<String, String> labels(JsonNode r) {
        Map<String, String> m = new HashMap<>();
        for (JsonNode l : r.get("labels")) m.putIfAbsent(l.get("name").asText(), l.get("value").asText());
        return m;
    }

    static Path write(Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(run.resolve("waves"));
        Files.write(run.resolve("waves/mulh.rd_wdata.fst"), new byte[]{(byte) 0xfc, 1, 2, 3});
        return AllureResults.write(Samples.failing(), run.resolve("allure-results"), run);
    }

    @Test
    void everyCaseHasAResultFileWithSuiteLabels(@TempDir Path dir) throws IOException {
        List<JsonNode> rs = results(write(dir));
        // 6 + 6 + 3 + 2 cases, 1 unlisted-passes summary, 1 skipped section, the verdict and the coverage.
        assertThat(rs).hasSize(6 + 6 + 3 + 2 + 1 + 1 + 2);
        Map<String, String> l = labels(named(rs, "conf-0.S"));
        assertThat(l).containsEntry("parentSuite", "SeedChip S1 campaign").containsEntry("suite", "conformance list").containsEntry("framework", "seedverify");
        assertThat(List.of(l.get("subSuite"))).containsAnyOf("golden", "rtl");
    }

    @Test
    void aDivergenceFailsWithInstructionAndBucketLabelsAndItsReportAttached(@TempDir Path dir) throws IOException {
        Path out = write(dir);
        JsonNode seed = named(results(out), "seed 17");
        assertThat(seed.get("status").asText()).isEqualTo("failed");
        assertThat(labels(seed)).containsEntry("instruction", "sra").containsEntry("bucket", SampleRuns.SRA_BUCKET).containsEntry("severity", "critical");
        assertThat(seed.at("/statusDetails/message").asText()).startsWith("DIVERGED [bucket sra | rd_wdata | -] MISMATCH at order 12");
        JsonNode report = seed.get("attachments").get(0);
        assertThat(report.get("name").asText()).isEqualTo("divergence report");
        assertThat(Files.readString(out.resolve(report.get("source").asText()))).contains("DIVERGENCE MISMATCH at order 12");
    }

    @Test
    void aWaivedDivergencePassesMarkedKnownWithTheWaiverInItsMessage(@TempDir Path dir) throws IOException {
        JsonNode mulh = named(results(write(dir)), "mulh.S");
        assertThat(mulh.get("status").asText()).isEqualTo("passed");
        assertThat(mulh.at("/statusDetails/known").asBoolean()).isTrue();
        assertThat(mulh.at("/statusDetails/message").asText()).startsWith("WAIVED by W-7: RTL issue 41");
    }

    @Test
    void theWaveformOfTheShrunkFailureIsCopiedIn(@TempDir Path dir) throws IOException {
        Path out = write(dir);
        JsonNode mulh = named(results(out), "mulh.S");
        JsonNode wave = null;
        for (JsonNode a : mulh.get("attachments")) if (a.get("name").asText().startsWith("waveform of the shrunk failure")) wave = a;
        assertThat(wave).isNotNull();
        assertThat(wave.get("source").asText()).endsWith("-attachment.fst");
        assertThat(Files.readAllBytes(out.resolve(wave.get("source").asText()))).containsExactly(0xfc, 1, 2, 3);
    }

    @Test
    void aMissingWaveformIsAttachedAsANoteSayingSo(@TempDir Path dir) throws IOException {
        Path out = AllureResults.write(Samples.failing(), dir.resolve("allure-results"), dir);
        JsonNode mulh = named(results(out), "mulh.S");
        assertThat(mulh.get("attachments").findValuesAsText("name")).contains("waveform of the shrunk failure (FST, GTKWave) (missing)");
    }

    @Test
    void theVerdictIsAResultWithOneStepPerReason(@TempDir Path dir) throws IOException {
        JsonNode v = named(results(write(dir)), "verdict: FAILED");
        assertThat(v.get("status").asText()).isEqualTo("failed");
        assertThat(v.at("/statusDetails/message").asText()).isEqualTo(Samples.failing().verdict().headline());
        assertThat(v.get("steps").findValuesAsText("name")).containsAll(Samples.failing().verdict().reasons());
    }

    @Test
    void theEnvironmentFileReadsBackAsProperties(@TempDir Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(write(dir).resolve("environment.properties"))) {
            p.load(r);
        }
        assertThat(p).containsEntry("git SHA", SampleRuns.environment().gitSha()).containsEntry("RTL build id", "rtl-7f3a9c21")
                .containsEntry("verilator", "Verilator 5.006 2023-01-22").containsEntry("seed", "1..20000").containsEntry("verdict", "FAILED");
    }

    @Test
    void everyBucketHasACategoryMatchingItsDivergences(@TempDir Path dir) throws IOException {
        Path out = write(dir);
        JsonNode cats = ModelJson.mapper().readTree(out.resolve("categories.json").toFile());
        JsonNode sra = null;
        for (JsonNode c : cats) if (c.get("name").asText().equals("Bucket " + SampleRuns.SRA_BUCKET)) sra = c;
        assertThat(sra).isNotNull();
        String message = named(results(out), "seed 17").at("/statusDetails/message").asText();
        assertThat(Pattern.compile(sra.get("messageRegex").asText()).matcher(message).matches()).isTrue();
        String other = named(results(out), "conf-0.S").at("/statusDetails/message").asText("");
        assertThat(Pattern.compile(sra.get("messageRegex").asText()).matcher(other).matches()).isFalse();
    }

    @Test
    void theExecutorNamesTheRun(@TempDir Path dir) throws IOException {
        JsonNode e = ModelJson.mapper().readTree(write(dir).resolve("executor.json").toFile());
        assertThat(e.get("buildName").asText()).isEqualTo("2026-12-03T09-00-00Z");
        assertThat(e.get("reportName").asText()).isEqualTo("SeedChip S1 campaign: FAILED");
    }

    @Test
    void writingTheSameRunTwiceGivesTheSameFiles(@TempDir Path dir) throws IOException {
        Path a = AllureResults.write(Samples.failing(), dir.resolve("a"), dir);
        Path b = AllureResults.write(Samples.failing(), dir.resolve("b"), dir);
        try (var fa = Files.list(a); var fb = Files.list(b)) {
            assertThat(fa.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(fb.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void rewritingReplacesTheWholeFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("allure-results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("stale-result.json"), "{}");
        AllureResults.write(Samples.signedOff(), out, dir);
        assertThat(out.resolve("stale-result.json")).doesNotExist();
    }

    @Test
    void propertiesEscapingSurvivesSeparatorsAndUnicode() throws IOException {
        Properties p = new Properties();
        p.load(new java.io.StringReader(AllureResults.escapeKey("a key=x") + "=" + AllureResults.escapeValue(" v:1 # é\n2") + "\n"));
        assertThat(p).containsEntry("a key=x", " v:1 # é\n2");
    }
}
