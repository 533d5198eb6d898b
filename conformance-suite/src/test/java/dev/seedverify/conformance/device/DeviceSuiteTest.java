package dev.seedverify.conformance.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.SectionStatus;
import dev.seedverify.rtl.RtlBackendProvider;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The device section golden vs the real RTL signs off, in the reports' result model. */
class DeviceSuiteTest {

    @Test
    void theRealRtlPassesTheDeviceSectionAndItsIsolationCountsReachTheRun() {
        DeviceSuite.Result r = DeviceSuite.forRtl(300).run(RtlBackendProvider.NAME, 1, 40);
        assertThat(r.section().status()).as(r.section().detail()).isEqualTo(SectionStatus.PASSED);
        assertThat(r.section().suite()).isEqualTo(DeviceSuite.SUITE);
        assertThat(r.section().counts().passed()).isEqualTo(41); // 40 scenarios and the isolation property
        assertThat(r.buckets()).isEmpty();
        assertThat(r.isolation().launches()).isEqualTo(300);
        assertThat(r.isolation().holds()).isTrue();
        assertThat(r.passed()).isTrue();
        RunResult.Builder run = RunResult.builder("t", "device").startedAt(Instant.now());
        r.recordInto(run);
        RunResult built = run.finishedAt(Instant.now()).build();
        assertThat(built.section("device on rtl")).isPresent();
        assertThat(built.isolation()).isEqualTo(r.isolation());
    }

    @Test
    void unitsAreChunksOfSeedsThenTheIsolationProperty() {
        assertThat(DeviceSuite.units(1, 250, 100)).containsExactly("seeds 1..100", "seeds 101..200", "seeds 201..250", "isolation");
        DeviceSuite suite = DeviceSuite.forRtl(100);
        DeviceSuite.Result last = suite.runUnit(RtlBackendProvider.NAME, 1, 25, 10, 2);
        assertThat(last.section().detail()).startsWith("seeds 21..25: 5 scenarios equal");
        DeviceSuite.Result iso = suite.runUnit(RtlBackendProvider.NAME, 1, 25, 10, 3);
        assertThat(iso.isolation().launches()).isEqualTo(100);
    }
}
