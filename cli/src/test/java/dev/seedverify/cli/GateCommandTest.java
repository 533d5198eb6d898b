package dev.seedverify.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seedverify gate --baseline}: fails only on a new bucket or lost coverage. */
class GateCommandTest {

    @Test
    void aRunGatedAgainstItselfPassesThoughItDidNotSignOff() {
        Path run = Campaigns.plainFaultCampaign();
        Cli r = Cli.run("gate", run.toString(), "--baseline", run.resolve("run.json").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("GATE PASSED").contains("FAILED: ");
    }

    @Test
    void aNewBucketFailsTheGate() {
        Path out = Campaigns.fresh("gate");
        Cli clean = Cli.run("campaign", "--suites", "property campaign", "--programs", "150", "--out", out.toString(), "--id", "clean");
        assertThat(clean.headline()).doesNotStartWith("FAILED");
        Cli r = Cli.run("gate", Campaigns.plainFaultCampaign().toString(), "--baseline", out.resolve("runs/clean").toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.FAIL);
        assertThat(r.out()).contains("NEW BUCKET      sra | rd_wdata").contains("GATE FAILED");
    }

    @Test
    void aBaselineThatIsNotARunIsBadInput() {
        Cli r = Cli.run("gate", Campaigns.plainFaultCampaign().toString(), "--baseline", "no/such/run.json");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
