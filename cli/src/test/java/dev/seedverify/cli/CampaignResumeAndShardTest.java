package dev.seedverify.cli;

import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.signoff.Outcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign interrupted by SIGINT and resumed, and a campaign run in two shards and merged, each
 * give the verdict, section counts, buckets (with their smallest reproducers) and coverage of the
 * same campaign run plainly.
 */
class CampaignResumeAndShardTest {

    @Test
    void sigintRecordsAnInterruptedRunAndItsResumeGivesThePlainRunsFacts() throws Exception {
        RunResult plain = Campaigns.read(Campaigns.plainFaultCampaign());
        Path out = Campaigns.fresh("interrupted");
        Path cfg = Campaigns.writeConfig(out, Campaigns.FAULT_CONFIG);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dseedverify.home=" + System.getProperty("seedverify.home", "..")));
        cmd.addAll(List.of(SeedVerify.class.getName(), "campaign", "--config", cfg.toString(), "--out", out.toString(), "--id", "cut"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve("log.txt").toFile()).start();
        Path units = out.resolve("runs/cut/units");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (unitFiles(units) < 1) {
            assertThat(p.isAlive()).as("the campaign ended before its first unit was checkpointed: %s", log(out)).isTrue();
            assertThat(System.nanoTime()).as("no unit finished within 120 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log(out)).isEqualTo(ExitCodes.INTERRUPTED);

        RunResult cut = Campaigns.read(out.resolve("runs/cut"));
        assertThat(cut.interrupted()).isTrue();
        assertThat(Campaigns.judge(cut).verdict().outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(Files.readString(out.resolve("runs/cut/signoff.txt"))).startsWith("INTERRUPTED: ");
        assertThat(out.resolve("latest").toRealPath()).isEqualTo(out.resolve("runs/cut").toRealPath());
        assertThat(cut.sections().stream().filter(s -> !s.complete())).as("the sections with units left are marked unfinished").isNotEmpty();
        assertThat(log(out)).contains("resume with: seedverify campaign --resume");

        Cli resumed = Cli.run("campaign", "--resume", "--out", out.toString());
        assertThat(resumed.exit()).as(resumed.toString()).isEqualTo(ExitCodes.FAIL);
        assertThat(resumed.out()).containsPattern("\\d+ units, \\d+ to run");
        RunResult done = Campaigns.read(out.resolve("runs/cut"));
        assertThat(done.interrupted()).isFalse();
        Campaigns.assertSameFacts(done, plain);
    }

    @Test
    void aResumeOfAFinishedRunIsRefused() {
        Path plain = Campaigns.plainFaultCampaign();
        Cli r = Cli.run("campaign", "--resume", plain.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("only an interrupted run can be resumed");
    }

    @Test
    void twoShardsMergedGiveThePlainRunsFacts() {
        RunResult plain = Campaigns.read(Campaigns.plainFaultCampaign());
        Path out = Campaigns.fresh("shards");
        Path cfg = Campaigns.writeConfig(out, Campaigns.FAULT_CONFIG);
        for (String shard : new String[] {"1/2", "2/2"}) {
            Cli s = Cli.run("campaign", "--config", cfg.toString(), "--shard", shard, "--out", out.toString(), "--id", "shard" + shard.charAt(0));
            assertThat(s.exit()).as(s.toString()).isEqualTo(ExitCodes.FAIL);
        }
        RunResult one = Campaigns.read(out.resolve("runs/shard1"));
        assertThat(one.shard()).hasToString("1/2");
        assertThat(Campaigns.judge(one).verdict().reasons()).anyMatch(x -> x.startsWith("this is shard 1/2 of a campaign"));

        Cli merged = Cli.run("report", "merge", out.resolve("runs/shard1").toString(), out.resolve("runs/shard2").toString(), "--out",
                out.resolve("merged").toString());
        assertThat(merged.exit()).as(merged.toString()).isEqualTo(ExitCodes.FAIL);
        assertThat(merged.headline()).isEqualTo(Campaigns.judge(plain).verdict().headline());
        Campaigns.assertSameFacts(Campaigns.read(out.resolve("merged")), plain);

        Cli half = Cli.run("report", "merge", out.resolve("runs/shard1").toString(), "--out", out.resolve("half").toString());
        assertThat(Campaigns.judge(Campaigns.read(out.resolve("half"))).verdict().reasons()).anyMatch(x -> x.contains("shard 2/2"));
        assertThat(half.exit()).isEqualTo(ExitCodes.FAIL);
    }

    private static long unitFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().matches("\\d+\\.json")).count();
        }
    }

    private static String log(Path out) {
        try {
            return Files.readString(out.resolve("log.txt"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
