package dev.seedverify.reports.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.model.ModelJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {
    @Test
    void theReportReadsBackAsTheObservedRun() {
        assertThat(ModelJson.read(JsonReport.render(Samples.failing()), "signoff.json")).isEqualTo(SampleRuns.failing());
    }

    @Test
    void theVerdictBlockCarriesOutcomeHeadlineAndReasons() throws Exception {
        JsonNode doc = ModelJson.mapper().readTree(JsonReport.render(Samples.failing()));
        assertThat(doc.get("format").asText()).isEqualTo("seedverify-report");
        assertThat(doc.at("/verdict/outcome").asText()).isEqualTo("FAILED");
        assertThat(doc.at("/verdict/headline").asText()).isEqualTo(Samples.failing().verdict().headline());
        assertThat(doc.at("/verdict/reasons").size()).isEqualTo(Samples.failing().verdict().reasons().size());
    }

    @Test
    void theSummaryGivesSectionStatusesAndCoverage() throws Exception {
        JsonNode doc = ModelJson.mapper().readTree(JsonReport.render(Samples.failing()));
        assertThat(doc.at("/summary/sections/1/key").asText()).isEqualTo("conformance list on rtl");
        assertThat(doc.at("/summary/sections/1/status").asText()).isEqualTo("PASSED_WITH_WAIVERS");
        assertThat(doc.at("/summary/coverage/uncovered/0").asText()).isEqualTo(SampleRuns.UNCOVERED_BIN);
        assertThat(doc.at("/diff/regressed").asBoolean()).isTrue();
    }

    @Test
    void theSummaryListsTheBinsHitFewerThanMinHitsTimesWithTheirCounts() throws Exception {
        JsonNode doc = ModelJson.mapper().readTree(JsonReport.render(Samples.failing()));
        assertThat(doc.at("/summary/coverage/minHits").asLong()).isEqualTo(10);
        assertThat(doc.at("/summary/coverage/rarelyHit").size()).isEqualTo(2);
        assertThat(doc.at("/summary/coverage/rarelyHit/0/bin").asText()).isEqualTo("alu.bin0");
        assertThat(doc.at("/summary/coverage/rarelyHit/0/hits").asLong()).isEqualTo(5);
        assertThat(doc.at("/summary/coverage/rarelyHit/1/bin").asText()).isEqualTo("mem.lh.misaligned");
    }

    @Test
    void waiversAreListedWithWhatTheyCovered() throws Exception {
        JsonNode doc = ModelJson.mapper().readTree(JsonReport.render(Samples.failing()));
        assertThat(doc.at("/waivers/0/id").asText()).isEqualTo("W-7");
        assertThat(doc.at("/waivers/0/state").asText()).isEqualTo("APPLIED");
        assertThat(doc.at("/waivers/0/cases/0").asText()).isEqualTo("conformance list on rtl / mulh.S");
        assertThat(doc.at("/waivers/1/state").asText()).isEqualTo("UNUSED");
    }
}
