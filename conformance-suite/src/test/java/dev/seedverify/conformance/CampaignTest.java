package dev.seedverify.conformance;

import dev.seedverify.rtl.mutant.MutantBackendProvider;
import dev.seedverify.rtl.RtlBackendProvider;
import dev.seedverify.cosim.Backends;
import dev.seedverify.rtl.mutant.RtlMutants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The main job: every section runs on the target, and the report says whether the S1 signs off. */
class CampaignTest {
    static Campaign.Options options(Path out, String target, int programs, boolean kernels) {
        Campaign.Options d = Campaign.Options.defaults();
        return new Campaign.Options(out, 1, programs, target, d.threads(), d.weights(), Path.of("src/test/resources/regressions"), kernels, true);
    }

    @Test
    void theCampaignOnTheRealRtlSignsOffWithEverySection() throws IOException {
        // A relative folder, as the main job's default reports-out/: the C kernels are built below it.
        Path out = Path.of("target", "campaign-test");
        deleteRecursively(out);
        assertThat(Campaign.run(options(out, RtlBackendProvider.NAME, 300, true))).isZero();
        String text = Files.readString(out.resolve("campaign.txt"));
        assertThat(text).contains("campaign SIGNED OFF")
                .contains("conformance list   golden model alone")
                .contains("conformance list   golden model == rtl")
                .contains("kernels").contains("regressions").contains("property campaign");
        assertThat(text).doesNotContain("FAIL ");
        assertThat(Files.readString(out.resolve("campaign.json"))).contains("\"signedOff\": true").contains("\"target\": \"rtl\"");
        assertThat(out.resolve("divergences")).doesNotExist();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void aCampaignOnABuggyRtlIsNotSignedOffAndReportsEachDivergence(@TempDir Path out) throws IOException {
        String mutant = MutantBackendProvider.PREFIX + RtlMutants.FWD_MEM_RS2_MISSING.name();
        assertThat(Campaign.run(options(out, mutant, 100, false))).isEqualTo(1);
        assertThat(Files.readString(out.resolve("campaign.txt"))).contains("campaign FAILED: not signed off");
        assertThat(Files.readString(out.resolve("campaign.json"))).contains("\"signedOff\": false");
        try (var reports = Files.list(out.resolve("divergences"))) {
            assertThat(reports.map(p -> p.getFileName().toString())).contains("rv32i_add_sub.S.txt", "rv32i_add_sub.S.json");
        }
        assertThat(Files.readString(out.resolve("divergences").resolve("rv32i_add_sub.S.txt"))).contains("DIVERGENCE").contains("golden>");
    }

    @Test
    void anUnavailableTargetExitsWithTwoAndWritesNoReport(@TempDir Path out) {
        assertThat(Campaign.run(options(out, "no-such-target", 10, false))).isEqualTo(2);
        assertThat(out.resolve("campaign.txt")).doesNotExist();
        assertThat(out.resolve("campaign.json")).doesNotExist();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Campaign.parse(new String[] {"--programs", "many"})).hasMessageContaining("--programs needs a number");
        assertThatThrownBy(() -> Campaign.parse(new String[] {"--frobnicate"})).hasMessageContaining("unknown argument '--frobnicate'");
        assertThatThrownBy(() -> Campaign.parse(new String[] {"--out"})).hasMessageContaining("--out needs a value");
    }

    @Test
    void theDefaultsAreTheRealRtlAndTwentyThousandPrograms() {
        Campaign.Options o = Campaign.parse(new String[0]);
        assertThat(o.target()).isEqualTo(RtlBackendProvider.NAME);
        assertThat(o.programs()).isEqualTo(20_000);
        assertThat(o.kernels()).isTrue();
    }
}
