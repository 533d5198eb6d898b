package dev.seedverify.cli.progress;

import dev.seedverify.reports.campaign.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress: plain periodic lines in CI logs, a bar redrawn in place on a terminal, nothing for short work. */
class ProgressMeterTest {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String shown() { return bytes.toString(StandardCharsets.UTF_8); }

    @Test
    void ciLogsGetPlainLinesWithCountRateAndEta() throws InterruptedException {
        ProgressMeter m = new ProgressMeter(out, false, 200, 0);
        Progress p = m.start("property campaign on rtl", "programs", 100);
        p.advance(25);
        Thread.sleep(1200);
        m.done();
        assertThat(shown()).doesNotContain("\r").containsPattern("progress: property campaign on rtl: 25/100 programs \\(25%\\), [0-9.]+/s, ETA \\S+.*, elapsed \\d+ s");
        assertThat(shown().lines().count()).isBetween(2L, 8L);
    }

    @Test
    void aTerminalGetsABarRedrawnInPlace() throws InterruptedException {
        ProgressMeter m = new ProgressMeter(out, true, 200, 0);
        Progress p = m.start("kernels", "kernels", 10);
        p.advance(5);
        Thread.sleep(1200);
        m.done();
        assertThat(shown()).startsWith("\r[###############...............] 5/10 kernels (50%)").endsWith("\n");
    }

    @Test
    void shortWorkShowsNothing() {
        ProgressMeter m = new ProgressMeter(out, false, 200);
        m.start("regressions", "reproducers", 18).advance(18);
        m.done();
        assertThat(shown()).isEmpty();
    }
}
