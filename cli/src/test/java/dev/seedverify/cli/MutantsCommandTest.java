package dev.seedverify.cli;

import dev.seedverify.reports.model.MutationResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seedverify mutants}: an injected RTL bug is detected and shrunk, its reproducer kept; the table shows the targets. */
class MutantsCommandTest {

    @Test
    void anInjectedBugIsDetectedShrunkAndKept() throws IOException {
        Path out = Campaigns.fresh("mutants");
        Path kept = out.resolve("kept");
        Cli r = Cli.run("mutants", "--mutants", "fwd-mem-rs2-missing", "--programs", "5000", "--out", out.toString(), "--regressions", kept.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.PASS);
        assertThat(r.headline()).isEqualTo("INCOMPLETE: required suite 'injected bugs' ran only on mutant:*, not on a real DUT");
        assertThat(r.out()).contains("SELF-TEST PASSED");
        assertThat(r.out()).containsPattern("fwd-mem-rs2-missing\\s+yes").contains("detected 100% (target 100%): met");
        MutationResult m = Campaigns.read(out.resolve("latest")).mutations().get(0);
        assertThat(m.killed()).isTrue();
        assertThat(m.shrunkInstructions()).isNotNull();
        assertThat(Files.readString(kept.resolve("fwd-mem-rs2-missing.S"))).startsWith("# seedverify-repro v2")
                .contains("--target mutant:fwd-mem-rs2-missing");
    }

    @Test
    void anUnknownMutantIsBadInput() {
        Path out = Campaigns.fresh("mutants-unknown");
        Cli r = Cli.run("mutants", "--mutants", "no-such-bug", "--out", out.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no-such-bug");
    }
}
