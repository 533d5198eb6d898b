package dev.seedverify.conformance;

import dev.seedverify.reports.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The main job: a co-verification campaign on the built-in S1. Runs the conformance list on every
 * target and writes the campaign report. Exit status 0 when everything passed, 1 otherwise,
 * 2 for bad arguments.
 */
public final class Campaign {
    private Campaign() {}

    public static void main(String[] args) {
        Path out = Path.of("reports-out");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else {
                System.err.println("usage: Campaign [--out DIR]");
                System.exit(2);
            }
        }
        System.exit(run(out));
    }

    static int run(Path out) {
        Instant start = Instant.now();
        ConformanceList list = ConformanceList.load();
        List<ConformanceRunner.Report> reports = new ArrayList<>();
        reports.add(new ConformanceRunner(new GoldenTarget()).runAll(list));

        StringBuilder text = new StringBuilder("SeedVerify campaign on the SeedChip S1\n\n");
        boolean ok = true;
        for (ConformanceRunner.Report r : reports) {
            text.append("== conformance list on ").append(r.target()).append(" ==\n").append(r.summaryTable()).append('\n');
            ok &= r.allPassed();
        }
        text.append(String.format("campaign %s in %.1f s%n", ok ? "SIGNED OFF" : "FAILED",
                Duration.between(start, Instant.now()).toMillis() / 1000.0));
        try {
            Path report = AtomicFiles.write(out.resolve("campaign.txt"), text.toString());
            System.out.print(text);
            System.out.println("report: " + report.toAbsolutePath());
        } catch (IOException e) {
            System.out.print(text);
            System.err.println("cannot write the report to " + out + ": " + e.getMessage());
            return 1;
        }
        return ok ? 0 : 1;
    }
}
