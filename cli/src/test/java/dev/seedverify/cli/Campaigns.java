package dev.seedverify.cli;

import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.CoverageBin;
import dev.seedverify.reports.model.ModelJson;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.signoff.SignOff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaigns the tests share. The fault campaign runs the conformance list and a property campaign
 * of six seed chunks on a DUT with a known bug (the golden model with a test fault), so it has
 * buckets, shrunk reproducers and coverage to compare; it runs once per JVM.
 */
final class Campaigns {
    static final Path OUT = Path.of(System.getProperty("seedverify.reports.testOut", "target/report-tests")).resolve("campaigns");
    static final String FAULT = "fault:sra-as-srl-when-negative";
    static final String FAULT_CONFIG = """
            # a DUT with a known bug: buckets, reproducers, coverage
            targets: [%s]
            seed: 1
            threads: 2
            coverage: {target: 90}
            suites:
              conformance list:
              property campaign: {programs: 900, chunk: 150}
            """.formatted(FAULT);

    private static Path plain;

    private Campaigns() {}

    /** A fresh folder under the test output. */
    static Path fresh(String name) {
        Path p = OUT.resolve(name);
        try {
            dev.seedverify.reports.AtomicFiles.deleteTree(p);
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeConfig(Path dir, String text) {
        try {
            return Files.writeString(Files.createDirectories(dir).resolve("campaign.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plain, uninterrupted, unsharded fault campaign's run folder. */
    static synchronized Path plainFaultCampaign() {
        if (plain == null) {
            Path out = fresh("plain");
            Cli r = Cli.run("campaign", "--config", writeConfig(out, FAULT_CONFIG).toString(), "--out", out.toString(), "--id", "plain");
            assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.FAIL);
            plain = out.resolve("runs/plain");
        }
        return plain;
    }

    static RunResult read(Path runDirOrFile) {
        try {
            return ModelJson.read(Files.isDirectory(runDirOrFile) ? runDirOrFile.resolve("run.json") : runDirOrFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SignOff judge(RunResult r) { return SignOff.evaluate(r, List.of(), LocalDate.now()); }

    /** Checks {@code actual} has the verdict, section counts, buckets and coverage of {@code expected}. */
    static void assertSameFacts(RunResult actual, RunResult expected) {
        SignOff a = judge(actual), e = judge(expected);
        assertThat(a.verdict().outcome()).isEqualTo(e.verdict().outcome());
        assertThat(a.verdict().reasons()).isEqualTo(e.verdict().reasons());
        assertThat(counts(actual)).isEqualTo(counts(expected));
        assertThat(buckets(actual)).isEqualTo(buckets(expected));
        assertThat(actual.coverage().bins()).isEqualTo(expected.coverage().bins());
        assertThat(actual.coverage().programs()).isEqualTo(expected.coverage().programs());
    }

    static Map<String, String> counts(RunResult r) {
        return r.sections().stream().collect(Collectors.toMap(Section::key, s -> s.status() + " " + s.counts(), (x, y) -> x, TreeMap::new));
    }

    /** Each bucket: signature to count, seeds and the smallest reproducer's text. */
    static Map<String, String> buckets(RunResult r) {
        Map<String, String> m = new TreeMap<>();
        for (Bucket b : r.buckets()) {
            m.put(b.signature(), b.count() + " " + b.seeds() + " " + (b.smallest() == null ? "-" : b.smallest().instructions() + "\n" + b.smallest().text()));
        }
        return m;
    }

    static long coveredBins(RunResult r) { return r.coverage().bins().stream().filter(b -> b.hits() > 0).count(); }

    static List<CoverageBin> bins(RunResult r) { return r.coverage().bins(); }
}
