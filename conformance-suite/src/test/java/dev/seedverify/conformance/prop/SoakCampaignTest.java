package dev.seedverify.conformance.prop;

import dev.seedverify.rtl.RtlBackendProvider;
import dev.seedverify.conformance.Tier;
import dev.seedverify.cosim.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The soak tier (-Dseedverify.tier=soak): long campaigns, reports under target/soak/. */
@EnabledIfSystemProperty(named = Tier.PROPERTY, matches = "soak")
class SoakCampaignTest {

    @Test
    void goldenAgainstGoldenForFiftyThousandPrograms() {
        PropertyCampaign.Result r = PropertyCampaign.run(PropertyCampaign.Config.defaults().withSeeds(1_000_000, 50_000)
                .withWaveforms(Path.of("target/soak/golden/waves")));
        System.out.println(r.summary());
        assertThat(r.clean()).isTrue();
        assertThat(r.coverage().percent()).isEqualTo(100.0);
    }

    @Test
    void goldenAgainstTheRtlForHalfAMillionPrograms() {
        // About 70 s on two cores (7,500 programs/s); the default tier runs seeds 1..10,000.
        PropertyCampaign.Result r = PropertyCampaign.run(PropertyCampaign.Config.defaults().withSeeds(2_000_000, 500_000)
                .withTarget(RtlBackendProvider.NAME).withWaveforms(Path.of("target/soak/rtl/waves")));
        System.out.println(r.summary());
        assertThat(r.clean()).as("divergences (waveforms of the shrunk ones in target/soak/rtl/waves):%n%s", r.buckets().text()).isTrue();
    }
}
