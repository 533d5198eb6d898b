package dev.seedverify.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seedverify replay}: a malformed file is an ERROR line and the others still run; an empty folder is an error. */
class ReplayCommandTest {
    static final Path REGRESSIONS = Path.of(System.getProperty("seedverify.home", "..")).resolve("conformance-suite/src/test/resources/regressions");

    @Test
    void theRegressionFolderPassesOnTheRtl() {
        Cli r = Cli.run("replay", REGRESSIONS.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0 errors");
    }

    @Test
    void aMalformedFileIsAnErrorLineAndTheOthersStillRun(@TempDir Path dir) throws IOException {
        Path good = REGRESSIONS.resolve("mutants/sra-as-srl.S");
        Files.copy(good, dir.resolve("a-good.S"));
        String text = Files.readString(good);
        Files.writeString(dir.resolve("b-cut.S"), text.substring(0, text.indexOf("# bucket:") + 12));
        Files.write(dir.resolve("c-binary.S"), new byte[] {0, 1, 2, (byte) 0xff, 0x7f, 'E', 'L', 'F'});
        // a reproducer of this version, its header edited (the hash covers it)
        Path v2;
        try (var files = Files.list(Campaigns.plainFaultCampaign().resolve("repro"))) {
            v2 = files.sorted().findFirst().orElseThrow();
        }
        String v2text = Files.readString(v2);
        assertThat(v2text).startsWith("# seedverify-repro v2");
        Files.writeString(dir.resolve("d-edited.S"), v2text.replaceFirst("# bucket: [^\n]*", "# bucket: add | rd_wdata | -"));
        Cli r = Cli.run("replay", dir.toString(), "--target", "golden");
        assertThat(r.out()).containsPattern("PASS\\s+\\S*a-good\\.S").containsPattern("ERROR\\s+\\S*b-cut\\.S")
                .containsPattern("ERROR\\s+\\S*c-binary\\.S").containsPattern("ERROR\\s+\\S*d-edited\\.S");
        assertThat(r.out()).contains("replayed 4 reproducers");
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void anEmptyFolderIsAnErrorNotAPass(@TempDir Path dir) {
        Cli r = Cli.run("replay", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("holds no reproducer");
    }
}
