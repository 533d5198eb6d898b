package dev.seedverify.cli;

import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.signoff.Outcome;
import dev.seedverify.reports.signoff.SignOff;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honest verdicts: a campaign signs off only when every required suite ran on a real DUT and
 * passed, coverage met its target and nothing was skipped. The three ways the old campaign signed
 * off dishonestly (sections switched off, coverage short of its target, the golden model compared
 * with itself) now do not.
 */
class CampaignVerdictTest {

    @Test
    void everySectionPassingOnTheRtlWithCoverageMetSignsOff() throws IOException {
        Path out = Campaigns.fresh("signs-off");
        // 400 programs keep the test short; they reach 95% of the bins, not all of them.
        Cli r = Cli.run("campaign", "--programs", "400", "--coverage-target", "95", "--out", out.toString(), "--id", "full");
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.PASS);
        assertThat(r.headline()).startsWith("SIGNED OFF: every required suite passed on rtl (conformance list, kernels, kernel library, regressions, property campaign, device, driver)");
        Path run = out.resolve("runs/full");
        assertThat(Files.readString(run.resolve("signoff.txt"))).startsWith("SIGNED OFF");
        assertThat(out.resolve("latest").toRealPath()).isEqualTo(run.toRealPath());
        assertThat(out.resolve("signed-off").toRealPath()).isEqualTo(run.toRealPath());
    }

    @Test
    void switchingSectionsOffDoesNotSignOff() {
        Path out = Campaigns.fresh("sections-off");
        Cli r = Cli.run("campaign", "--skip", "kernels", "--skip", "property campaign", "--out", out.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.FAIL);
        assertThat(r.headline()).startsWith("INCOMPLETE: ");
        RunResult run = Campaigns.read(out.resolve("latest"));
        assertThat(Campaigns.judge(run).verdict().reasons()).anyMatch(x -> x.contains("kernels") && x.contains("skipped"))
                .anyMatch(x -> x.contains("property campaign") && x.contains("skipped"));
    }

    @Test
    void runningOnlySomeSuitesDoesNotSignOff() {
        Path out = Campaigns.fresh("suites-subset");
        Cli r = Cli.run("campaign", "--suites", "regressions", "--out", out.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.FAIL);
        assertThat(r.headline()).startsWith("INCOMPLETE: required suite 'conformance list' did not run (and ");
        RunResult run = Campaigns.read(out.resolve("latest"));
        for (String missing : java.util.List.of("conformance list", "kernels", "kernel library", "property campaign", "device", "driver")) {
            assertThat(Campaigns.judge(run).verdict().reasons()).as(missing).anyMatch(x -> x.contains("'" + missing + "' did not run"));
        }
    }

    @Test
    void coverageBelowItsTargetDoesNotSignOff() {
        Path out = Campaigns.fresh("coverage-short");
        Cli r = Cli.run("campaign", "--suites", "property campaign", "--programs", "30", "--out", out.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.FAIL);
        SignOff s = Campaigns.judge(Campaigns.read(out.resolve("latest")));
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(s.verdict().reasons()).anyMatch(x -> x.matches("coverage \\d+\\.\\d% is below its target 100\\.0%.*"));
    }

    @Test
    void theGoldenModelComparedWithItselfDoesNotSignOff() {
        Path out = Campaigns.fresh("golden");
        Cli r = Cli.run("campaign", "--target", "golden", "--programs", "400", "--coverage-target", "95", "--out", out.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.FAIL);
        SignOff s = Campaigns.judge(Campaigns.read(out.resolve("latest")));
        assertThat(s.verdict().outcome()).isEqualTo(Outcome.INCOMPLETE);
        // everything passed: the only reasons are that no real DUT was compared
        assertThat(s.verdict().reasons()).isNotEmpty().allMatch(x -> x.contains("golden"), "names the golden model");
        assertThat(Files.exists(out.resolve("signed-off"))).isFalse();
    }

    @Test
    void aWaivedBucketPassesVisiblyAndAnExpiredWaiverFails() throws IOException {
        Path out = Campaigns.fresh("waivers");
        Path active = Files.writeString(out.resolve("active.yaml"), """
                waivers:
                  - id: W-1
                    rule: "sra | * | *"
                    reason: test fault, fixed in the next build
                    owner: alice
                    expires: %s
                """.formatted(LocalDate.now().plusDays(30)));
        Cli waived = Cli.run("campaign", "--target", Campaigns.FAULT, "--suites", "property campaign", "--programs", "300", "--waivers",
                active.toString(), "--out", out.toString(), "--id", "waived");
        // waived, the bug no longer fails the run; the other required suites still keep it from signing off
        assertThat(waived.headline()).as(waived.toString()).startsWith("INCOMPLETE: ");
        assertThat(Files.readString(out.resolve("runs/waived/signoff.txt"))).contains("W-1").contains("WAIVED");

        Path expired = Files.writeString(out.resolve("expired.yaml"), Files.readString(active).replaceAll("expires: .*", "expires: 2020-01-01"));
        Cli failed = Cli.run("report", out.resolve("runs/waived").toString(), "--waivers", expired.toString());
        assertThat(failed.exit()).isEqualTo(ExitCodes.FAIL);
        assertThat(failed.headline()).startsWith("FAILED: ");
        assertThat(Files.readString(out.resolve("runs/waived/signoff.txt"))).contains("expired");
    }

    @Test
    void eachRunHasItsOwnFolderAndLatestMovesOnlyWhenARunEnds() throws IOException {
        Path out = Campaigns.fresh("folders");
        Cli first = Cli.run("campaign", "--target", Campaigns.FAULT, "--suites", "property campaign", "--programs", "200", "--out", out.toString(),
                "--id", "first");
        assertThat(first.headline()).startsWith("FAILED");
        Cli second = Cli.run("campaign", "--suites", "regressions", "--out", out.toString(), "--id", "second");
        assertThat(second.headline()).startsWith("INCOMPLETE");
        assertThat(out.resolve("latest").toRealPath()).isEqualTo(out.resolve("runs/second").toRealPath());
        // nothing of the first run mixes into the second
        String text = Files.readString(out.resolve("runs/second/signoff.txt"));
        assertThat(text).doesNotContain("property campaign  ").doesNotContain("sra |");
        assertThat(Files.readString(out.resolve("runs/first/signoff.txt"))).startsWith("FAILED");
        // an id is never reused
        Cli again = Cli.run("campaign", "--suites", "regressions", "--out", out.toString(), "--id", "second");
        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("a run never reuses another's folder");
    }
}
