package dev.seedverify.conformance.regressions;

import dev.seedverify.rtl.mutant.MutantBackendProvider;
import dev.seedverify.conformance.Tier;
import dev.seedverify.cosim.Backends;
import dev.seedverify.conformance.device.DeviceReproducer;
import dev.seedverify.conformance.repro.Replay;
import dev.seedverify.conformance.repro.Reproducer;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permanent regression tier: every reproducer kept in {@code src/test/resources/regressions/}
 * (the shrunk reproducer of each injected RTL bug, {@code mutants/<mutant>.S}, written by
 * {@code seedverify mutants --regressions ...}; the host-action script of each injected device bug,
 * {@code device/<mutant>.script}, written by {@code DeviceSuite --mutants all --regressions ...}) must PASS on the real RTL: golden and RTL agree on the
 * whole program, which halts with tohost = 1. The same check from the command line, the one to
 * gate merges on: {@code seedverify replay conformance-suite/src/test/resources/regressions --target both}.
 * In the mutants tier each mutant's file must still FAIL on its mutant, in its recorded bucket (so
 * the file keeps testing what it was kept for).
 */
class RegressionFolderTest {
    static final Path FOLDER = Path.of(System.getProperty("seedverify.regressions", "src/test/resources/regressions"));

    static List<Path> files() throws IOException {
        assertThat(FOLDER).as("the regression folder (run from the conformance-suite module)").isDirectory();
        return Replay.collect(List.of(FOLDER));
    }

    @Test
    void everyRegressionPassesOnTheGoldenModelAndTheRealRtl() throws IOException {
        List<Path> files = files();
        assertThat(files).as("reproducers in " + FOLDER).hasSizeGreaterThanOrEqualTo(RtlMutants.all().size());
        Replay.Summary s = Replay.replay(files, "both", null);
        System.out.print(s.text());
        assertThat(s.unavailable()).isNull();
        assertThat(s.results()).as("one verdict per file").hasSameSizeAs(files);
        assertThat(s.results()).allSatisfy(r -> assertThat(r.verdict()).as(r.file() + ": " + r.detail()).isEqualTo(Replay.Verdict.PASS));
        assertThat(s.exitCode()).isZero();
    }

    @Test
    void everyMutantOfTheCatalogueHasItsRegressionFile() throws IOException {
        List<String> targets = new ArrayList<>();
        for (Path f : files()) {
            targets.add(DeviceReproducer.looksLikeDeviceReproducer(f) ? DeviceReproducer.read(f).target() : Reproducer.read(f).target());
        }
        for (RtlMutation m : RtlMutants.all()) {
            Path f = FOLDER.resolve("mutants").resolve(m.name() + ".S");
            assertThat(f).as("regression file of mutant " + m.name()).exists();
            Reproducer r = Reproducer.read(f);
            assertThat(r.target()).isEqualTo(MutantBackendProvider.PREFIX + m.name());
            assertThat(Integer.parseInt(r.get("shrunk-instructions"))).isPositive();
            r.image(); // assembles to the recorded bytes
        }
        assertThat(targets).doesNotContain(Backends.GOLDEN);
    }

    @Test
    void everyDeviceMutantHasItsRegressionScript() throws IOException {
        for (RtlMutation m : RtlMutants.device()) {
            Path f = FOLDER.resolve("device").resolve(m.name() + DeviceReproducer.SUFFIX);
            assertThat(f).as("regression script of device mutant " + m.name()).exists();
            DeviceReproducer r = DeviceReproducer.read(f); // parses, and the script matches its hash
            assertThat(r.target()).isEqualTo(MutantBackendProvider.PREFIX + m.name());
            assertThat(Integer.parseInt(r.get("shrunk-commands"))).isPositive();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = Tier.PROPERTY, matches = "mutants")
    void everyDeviceRegressionStillFailsOnItsMutantWithItsOwnBug() throws IOException {
        int replayed = 0;
        for (Path f : Files.list(FOLDER.resolve("device")).sorted().toList()) {
            if (!DeviceReproducer.looksLikeDeviceReproducer(f)) continue;
            replayed++;
            Replay.Summary s = Replay.replay(List.of(f), DeviceReproducer.read(f).target(), null);
            System.out.print(s.text());
            assertThat(s.results()).singleElement().satisfies(x -> {
                assertThat(x.verdict()).as(f + ": " + x.detail()).isEqualTo(Replay.Verdict.FAIL);
                assertThat(x.ownBug()).as(f + ": " + x.detail()).isTrue();
            });
        }
        assertThat(replayed).isGreaterThanOrEqualTo(RtlMutants.device().size());
    }

    @Test
    @EnabledIfSystemProperty(named = Tier.PROPERTY, matches = "mutants")
    void everyMutantRegressionStillFailsOnItsMutantInItsBucket() throws IOException {
        int replayed = 0;
        for (Path f : Files.list(FOLDER.resolve("mutants")).sorted().toList()) {
            if (!Reproducer.looksLikeReproducer(f)) continue;
            replayed++;
            Reproducer r = Reproducer.read(f);
            Replay.Summary s = Replay.replay(List.of(f), r.target(), null);
            System.out.print(s.text());
            assertThat(s.results()).singleElement().satisfies(x -> {
                assertThat(x.verdict()).as(f + ": " + x.detail()).isEqualTo(Replay.Verdict.FAIL);
                assertThat(x.ownBug()).as(f + ": " + x.detail()).isTrue();
            });
        }
        assertThat(replayed).as("reproducers replayed on their mutants").isGreaterThanOrEqualTo(RtlMutants.all().size());
    }
}
