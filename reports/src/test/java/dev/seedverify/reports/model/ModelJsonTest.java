package dev.seedverify.reports.model;

import dev.seedverify.reports.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelJsonTest {
    @Test
    void aRunReadsBackEqualToWhatWasWritten() {
        RunResult run = SampleRuns.failing();
        assertThat(ModelJson.read(ModelJson.write(run), "run.json")).isEqualTo(run);
    }

    @Test
    void anInterruptedShardReadsBackEqual() {
        RunResult run = SampleRuns.signedOff().toBuilder().interrupted(true).finishedAt(null).shard(new Shard(2, 4)).build();
        assertThat(ModelJson.read(ModelJson.write(run), "run.json")).isEqualTo(run);
    }

    @Test
    void aRunReadsBackFromAFile(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("run.json"), ModelJson.write(SampleRuns.signedOff()));
        assertThat(ModelJson.read(f)).isEqualTo(SampleRuns.signedOff());
    }

    @Test
    void timesAreIsoTextAndDerivedValuesAreNotStored() {
        String json = ModelJson.write(SampleRuns.signedOff());
        assertThat(json).contains("\"startedAt\" : \"2026-12-02T09:00:00Z\"").doesNotContain("\"status\" : \"PASSED\"").doesNotContain("realDut")
                .doesNotContain("\"percent\"");
    }

    @Test
    void anUnknownFieldIsRefusedNamingFileLineAndPath() {
        String json = ModelJson.write(SampleRuns.signedOff()).replace("\"interrupted\" : false", "\"interupted\" : false");
        assertThatThrownBy(() -> ModelJson.read(json, "run.json")).isInstanceOf(ModelJson.ModelFormatException.class)
                .hasMessageMatching("run\\.json:\\d+:\\d+: at run\\.interupted: Unrecognized field \"interupted\".*");
    }

    @Test
    void aRecordsOwnCheckIsReportedWithItsPath() {
        String json = ModelJson.write(SampleRuns.signedOff()).replace("\"id\" : \"conf-0.S\"", "\"id\" : \"\"");
        assertThatThrownBy(() -> ModelJson.read(json, "run.json")).hasMessageMatching("run\\.json:\\d+:\\d+: at run\\.sections\\[0]\\.cases\\[0]: case id must not be blank");
    }

    @Test
    void aNewerFormatVersionIsRefused() {
        String json = ModelJson.write(SampleRuns.signedOff()).replace("\"version\" : 1", "\"version\" : 99");
        assertThatThrownBy(() -> ModelJson.read(json, "run.json")).hasMessage("run.json: format version 99 is not supported (this SeedVerify reads 1..1)");
    }

    @Test
    void aDocumentOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> ModelJson.read("{\"format\": \"allure\", \"version\": 1}", "x.json"))
                .hasMessage("x.json: not a SeedVerify result (format 'allure', expected 'seedverify-run' or 'seedverify-report')");
    }

    @Test
    void truncatedJsonIsRefusedWithItsPlace() {
        String json = ModelJson.write(SampleRuns.signedOff());
        assertThatThrownBy(() -> ModelJson.read(json.substring(0, json.length() / 2), "cut.json")).isInstanceOf(ModelJson.ModelFormatException.class)
                .hasMessageStartingWith("cut.json:");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelJson.read(dir.resolve("nope.json"))).hasMessage(dir.resolve("nope.json") + ": no such file");
    }
}
