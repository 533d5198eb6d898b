package dev.seedverify.reports.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {
    static Coverage of(double target, long... hits) {
        List<CoverageBin> bins = new ArrayList<>();
        for (int i = 0; i < hits.length; i++) bins.add(new CoverageBin("b" + i, i % 2 == 0 ? "even" : "odd", hits[i]));
        return new Coverage("m", target, 5, 1, 1, bins);
    }

    @Test
    void theTargetIsMetInWholeBins() {
        long[] hits = new long[200];
        for (int i = 0; i < 190; i++) hits[i] = 1;
        assertThat(of(95, hits).met()).isTrue();
        hits[189] = 0;
        assertThat(of(95, hits).met()).isFalse();
    }

    @Test
    void everyBinWithoutHitsIsNamedUncovered() {
        assertThat(of(50, 0, 3, 0, 9).uncovered()).containsExactly("b0", "b2");
    }

    @Test
    void binsHitFewerThanMinHitsTimesAreRarelyHit() {
        assertThat(of(50, 0, 3, 5, 4).rarelyHit()).extracting(CoverageBin::name).containsExactly("b1", "b3");
    }

    @Test
    void groupsCountCoveredAndTotalBins() {
        assertThat(of(50, 0, 3, 1, 0).groups()).containsOnlyKeys("even", "odd")
                .hasEntrySatisfying("even", c -> assertThat(c).containsExactly(1, 2));
    }

    @Test
    void aModelWithoutBinsIsFullyCovered() {
        assertThat(of(100).percent()).isEqualTo(100.0);
    }
}
