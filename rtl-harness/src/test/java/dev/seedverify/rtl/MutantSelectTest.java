package dev.seedverify.rtl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real RTL has no mutant select (ABI 4, select_mutant): selecting a mutant is refused, never
 * silently ignored. (Mutant models and their select are tested with the mutation campaign in the
 * conformance suite, MutationCampaignTest, which builds one.)
 */
class MutantSelectTest {

    @Test
    void theRealRtlRefusesToSelectAMutant() {
        try (RtlSimulator real = RtlSimulator.create(RtlModel.builtIn())) {
            assertThatThrownBy(() -> real.selectMutant(1)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("select mutant 1");
        }
    }
}
