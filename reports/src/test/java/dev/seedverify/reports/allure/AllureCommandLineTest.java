package dev.seedverify.reports.allure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllureCommandLineTest {
    static Path zip(Path file, String... entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                if (!e.endsWith("/")) z.write(1);
                z.closeEntry();
            }
        }
        return file;
    }

    @Test
    void theVersionIsTheOneTheBuildFilledIn() {
        assertThat(AllureCommandLine.expectedVersion()).matches("2\\.\\d+\\.\\d+");
    }

    @Test
    void theBuildsUnpackedCommandLineIsFound() {
        AllureCommandLine a = AllureCommandLine.locate();
        assertThat(a.home().resolve("lib")).isDirectory();
        assertThat(a.command(java.util.List.of("--version"))).contains("io.qameta.allure.CommandLine", "--version");
    }

    @Test
    void theZipInTheLocalRepositoryIsUnpackedIntoTheCacheOnce(@TempDir Path dir) throws IOException {
        Path repo = dir.resolve("repo");
        zip(repo.resolve("io/qameta/allure/allure-commandline/9.9.9/allure-commandline-9.9.9.zip"), "allure-9.9.9/", "allure-9.9.9/lib/allure-commandline-9.9.9.jar");
        AllureCommandLine a = AllureCommandLine.locate("9.9.9", null, null, repo, dir.resolve("cache"));
        assertThat(a.home()).isEqualTo(dir.resolve("cache/allure-commandline-9.9.9/allure-9.9.9"));
        assertThat(a.home().resolve("lib/allure-commandline-9.9.9.jar")).exists();
        Files.writeString(a.home().resolve("marker"), "kept");
        AllureCommandLine again = AllureCommandLine.locate("9.9.9", null, null, repo, dir.resolve("cache"));
        assertThat(again.home().resolve("marker")).as("not unpacked a second time").exists();
    }

    @Test
    void nothingFoundSaysWhereItLookedAndHowToFetchIt(@TempDir Path dir) {
        assertThatThrownBy(() -> AllureCommandLine.locate("2.27.0", null, null, dir, dir.resolve("cache"))).isInstanceOf(AllureUnavailableException.class)
                .hasMessageContaining("the Allure command line 2.27.0 is not available; looked at -Dseedverify.allure.home (not set), $ALLURE_HOME (not set), "
                        + dir.resolve("io/qameta/allure/allure-commandline/2.27.0/allure-commandline-2.27.0.zip") + " (absent)")
                .hasMessageContaining("mvn dependency:get -Dartifact=io.qameta.allure:allure-commandline:2.27.0:zip");
    }

    @Test
    void aHomeGivenExplicitlyThatIsNoDistributionIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> AllureCommandLine.locate("2.27.0", dir.toString(), null, dir, dir))
                .hasMessage("-Dseedverify.allure.home points at " + dir + ", which is not an Allure distribution (no lib/ folder)");
    }

    @Test
    void aZipEntryLeavingTheFolderIsRefused(@TempDir Path dir) throws IOException {
        Path z = zip(dir.resolve("evil.zip"), "../escape.txt");
        Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> AllureCommandLine.unzip(z, dir.resolve("out"))).hasMessageContaining("leaves the folder");
        assertThat(dir.resolve("escape.txt")).doesNotExist();
    }
}
