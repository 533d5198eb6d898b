package dev.seedverify.conformance.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.conformance.Tier;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.mutant.MutantBackendProvider;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

/**
 * The mutants tier for the device: every injected device bug (RtlMutants.device(), built on first
 * use) is detected by the device suite's scenarios golden vs the mutant and shrunk to a few
 * commands and instructions; the window bugs also break the isolation property.
 */
@EnabledIfSystemProperty(named = Tier.PROPERTY, matches = "mutants")
class DeviceMutantsTierTest {
    static final int DRAM = RtlModel.builtIn().dramBytes();

    static List<RtlMutation> mutants() { return RtlMutants.device(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void everyDeviceMutantIsDetectedAndShrunk(RtlMutation m) {
        MutationResult r = new DeviceSuite(DRAM, 0).mutant(m, 1, DeviceSuite.MUTANT_CASES).result();
        assertThat(r.killed()).as(m.name() + " survived " + r.programsTried() + " scenarios").isTrue();
        assertThat(r.shrunkInstructions()).as("shrunk commands + instructions").isLessThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windowMutants")
    void windowMutantsBreakTheIsolationProperty(RtlMutation m) {
        try (Backend chip = Backends.open(MutantBackendProvider.PREFIX + m.name(), DRAM)) {
            IsolationCheck.Result r = IsolationCheck.run(chip, 1, 2_000);
            assertThat(r.holds()).as(m.name()).isFalse();
            assertThat(r.counts().escapes()).isPositive();
        }
    }

    static List<RtlMutation> windowMutants() { return List.of(RtlMutants.WINDOW_LIMIT_OFF_BY_ONE, RtlMutants.TILE_ROWS_NOT_WINDOW_CHECKED); }
}
