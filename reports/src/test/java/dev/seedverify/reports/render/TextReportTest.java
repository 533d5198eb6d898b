package dev.seedverify.reports.render;

import dev.seedverify.reports.SampleRuns;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {
    @Test
    void theFirstLineIsTheVerdictWithItsReason() {
        assertThat(TextReport.render(Samples.failing()).lines().findFirst()).contains(Samples.failing().verdict().headline());
        assertThat(TextReport.render(Samples.signedOff())).startsWith("SIGNED OFF: every required suite passed on rtl");
    }

    @Test
    void everyReasonIsListed() {
        String text = TextReport.render(Samples.failing());
        for (String r : Samples.failing().verdict().reasons()) assertThat(text).contains("  - " + r + "\n");
    }

    @Test
    void everyUncoveredBinIsNamed() {
        assertThat(TextReport.render(Samples.failing())).contains("uncovered (4): " + SampleRuns.UNCOVERED_BIN + ", trap.unhit1, trap.unhit2, trap.unhit3");
    }

    @Test
    void binsHitRarelyAreListedWithTheirCounts() {
        assertThat(TextReport.render(Samples.failing())).contains("hit fewer than 10 times (2): alu.bin0 (5), mem.lh.misaligned (3)");
    }

    @Test
    void eachBucketShowsItsSmallestReproducerInline() {
        assertThat(TextReport.render(Samples.failing())).contains("smallest reproducer of sra | rd_wdata | - (seed 17):\n    _start:\n        li a0, -16");
    }

    @Test
    void aWaivedDivergenceIsShownAsWaivedWithBothValues() {
        assertThat(TextReport.render(Samples.failing())).contains("[WAIVED by W-7] conformance list on rtl / mulh.S")
                .containsPattern("rd_wdata\\s+0xffffffff\\s+0x00000000");
    }

    @Test
    void waiversMutantsIsolationPerformanceAndEnvironmentAreReported() {
        assertThat(TextReport.render(Samples.failing())).contains("W-7", "APPLIED", "W-8", "UNUSED", "tquant-round", "SURVIVED",
                "Isolation property: holds", "lockstep golden + RTL, scalar", "rtl-7f3a9c21");
    }

    @Test
    void theDifferenceFromThePreviousSignOffIsReported() {
        assertThat(TextReport.render(Samples.failing())).contains("Since the previous sign-off (run 2026-12-02T09-00-00Z)",
                "new buckets: mulh | rd_wdata | -, sra | rd_wdata | -", "coverage 97.6% -> 91.1%");
    }
}
