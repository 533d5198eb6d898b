package dev.seedverify.cli;

import dev.seedverify.cli.campaign.CampaignConfig;
import dev.seedverify.cli.campaign.CampaignPlan;
import dev.seedverify.cli.campaign.ConfigException;
import dev.seedverify.cli.campaign.ConfigFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The campaign configuration file: read as YAML or JSON, every problem named with file, line and setting; flags override it. */
class CampaignConfigTest {
    static CampaignConfig parse(String text) { return ConfigFile.parse(text, "campaign.yaml", Path.of("/base")); }

    static CampaignPlan plan(String text) { return CampaignPlan.of(parse(text), CampaignPlan.discover()); }

    @Test
    void aFullConfigurationIsRead() {
        CampaignConfig c = parse("""
                targets: [rtl]
                seed: 7
                threads: 1
                weights: "alu=3,tile_compute=0"
                budgets: {directed: 1000, random: 500, seconds: 60}
                coverage: {target: 90, min-hits: 5, required: true}
                waivers: w.yaml
                suites:
                  conformance list:
                  property campaign: {programs: 400, chunk: 100}
                """);
        assertThat(c.targets()).containsExactly("rtl");
        assertThat(c.options().seed()).isEqualTo(7);
        assertThat(c.options().weights()).isEqualTo("alu=3,tile_compute=0");
        assertThat(c.options().coverageTarget()).isEqualTo(90);
        assertThat(c.secondsBudget()).isEqualTo(60);
        assertThat(c.waivers()).isEqualTo(Path.of("/base/w.yaml"));
        assertThat(c.run()).containsExactly("conformance list", "property campaign");
        assertThat(plan(ConfigFile.write(CampaignPlan.of(c, CampaignPlan.discover()).config())).units()).hasSize(2 + 4);
    }

    @Test
    void theTierConfigurationsOfCiAreValidPlans() throws IOException {
        Path dir = Path.of(System.getProperty("seedverify.home", "..")).resolve("ci/campaigns");
        for (String tier : new String[] {"gate", "default", "nightly", "soak"}) {
            CampaignPlan p = CampaignPlan.of(ConfigFile.load(dir.resolve(tier + ".yaml")), CampaignPlan.discover());
            assertThat(p.requirements().suites()).as(tier).contains("conformance list", "kernels", "regressions", "property campaign");
            assertThat(p.config().baseDir().resolve("conformance-suite")).as(tier).isDirectory();
        }
    }

    @Test
    void jsonIsReadToo() {
        assertThat(parse("{\"targets\": [\"rtl\"], \"seed\": 3}").options().seed()).isEqualTo(3);
    }

    @Test
    void problemsNameTheFileTheLineAndTheSetting() {
        assertThatThrownBy(() -> parse("seed: 1\ncoverage:\n  target: lots\n")).isInstanceOf(ConfigException.class)
                .hasMessage("campaign.yaml:3: coverage.target: must be a number from 0 to 100, got 'lots'");
        assertThatThrownBy(() -> parse("seed: 1\nsede: 2\n")).hasMessageStartingWith("campaign.yaml:2: sede: unknown setting; known here: ");
        assertThatThrownBy(() -> parse("threads: 0\n")).hasMessage("campaign.yaml:1: threads: must be from 1 to 256, got 0");
        assertThatThrownBy(() -> parse("targets: [rtl\n")).hasMessageStartingWith("campaign.yaml:").hasMessageContaining("not valid YAML or JSON");
        assertThatThrownBy(() -> plan("suites:\n  kernals:\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("campaign.yaml:2: suites.kernals: no campaign section records suite 'kernals'; available: conformance list, kernels");
        assertThatThrownBy(() -> plan("suites:\n  property campaign:\n    programs: many\n"))
                .hasMessage("campaign.yaml:3: suites.property campaign.programs: must be a whole number, got 'many'");
        assertThatThrownBy(() -> plan("suites:\n  property campaign:\n    progrms: 5\n"))
                .hasMessageStartingWith("campaign.yaml:3: suites.property campaign.progrms: unknown setting of property campaign; its settings: chunk, programs");
    }

    @Test
    void aMalformedConfigurationExitsWithThree(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("campaign.yaml"), "seed: 1\ncoverage:\n  target: lots\n");
        Cli r = Cli.run("campaign", "--config", f.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(f + ":3: coverage.target: must be a number from 0 to 100, got 'lots'");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownTargetIsAUsageError(@org.junit.jupiter.api.io.TempDir Path dir) {
        Cli r = Cli.run("campaign", "--target", "no-such-dut", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--target: no backend named 'no-such-dut'");
    }

    @Test
    void flagsOverrideTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("campaign.yaml"), "seed: 5\nsuites:\n  property campaign: {programs: 400}\n");
        CampaignCommand c = new CampaignCommand();
        new picocli.CommandLine(c).parseArgs("--config", f.toString(), "--seed", "9", "--programs", "50", "--target", "golden");
        CampaignConfig cfg = c.configuration();
        assertThat(cfg.options().seed()).isEqualTo(9);
        assertThat(cfg.suite("property campaign").settings()).containsEntry("programs", "50");
        assertThat(cfg.targets()).containsExactly("golden");
        assertThat(cfg.where("seed")).isEqualTo("--seed");
    }

    @Test
    void minHitsIsAFlagToo(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("campaign.yaml"), "coverage: {target: 90, min-hits: 5}\n");
        CampaignCommand c = new CampaignCommand();
        new picocli.CommandLine(c).parseArgs("--config", f.toString(), "--min-hits", "50");
        CampaignConfig cfg = c.configuration();
        assertThat(cfg.options().coverageMinHits()).isEqualTo(50);
        assertThat(cfg.options().coverageTarget()).isEqualTo(90);
        assertThat(cfg.where("coverage.min-hits")).isEqualTo("--min-hits");
    }

    @Test
    void unitsAreDealtToShardsRoundRobinAndTogetherCoverThePlan() {
        CampaignPlan p = plan("suites:\n  conformance list:\n  property campaign: {programs: 1000, chunk: 200}\n");
        var one = p.units(dev.seedverify.reports.model.Shard.parse("1/3"));
        var two = p.units(dev.seedverify.reports.model.Shard.parse("2/3"));
        var three = p.units(dev.seedverify.reports.model.Shard.parse("3/3"));
        assertThat(one.size() + two.size() + three.size()).isEqualTo(p.units().size()).isEqualTo(2 + 5);
        assertThat(one).extracting(CampaignPlan.Unit::index).containsExactly(0, 3, 6);
    }
}
