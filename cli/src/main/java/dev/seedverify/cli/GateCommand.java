package dev.seedverify.cli;

import dev.seedverify.cli.campaign.CampaignRunner;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.signoff.RunDiff;
import dev.seedverify.reports.signoff.SignOff;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seedverify gate}: a run against a baseline; fails only on what got worse. */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares a run with a baseline run and fails only on a new bucket (a divergence the baseline did not have, "
                + "waived ones aside) or lost coverage (a bin hit before and not now, or a lower percentage). For teams that gate "
                + "merges while known issues are waived; the run's own verdict is printed but does not decide."},
        footer = {"", "Exit status: 0 nothing got worse, 1 a new bucket or lost coverage, 2 usage, 3 a baseline or run that is not a run."})
final class GateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", arity = "0..1", description = "the run to gate (a run folder or its run.json/signoff.json; default reports-out/latest)")
    Path run;

    @Option(names = "--baseline", paramLabel = "FILE", required = true, description = "the baseline run (a run folder, run.json or signoff.json)")
    Path baseline;

    @Option(names = "--waivers", paramLabel = "FILE", description = "waivers applied to both runs before comparing")
    Path waivers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintStream out = SeedVerify.root(spec).out;
        SignOff before = ReportCommand.judge(ReportCommand.read(baseline), waivers);
        SignOff now = ReportCommand.judge(ReportCommand.read(run != null ? run : Path.of("reports-out", CampaignRunner.LATEST)), waivers);
        RunDiff d = RunDiff.between(before.run(), now.run());
        RunResult r = now.observed();
        out.println("run " + r.id() + " against baseline " + before.observed().id() + ": " + now.verdict().headline());
        for (String b : d.newBuckets()) out.println("NEW BUCKET      " + b);
        for (String b : d.removedBuckets()) out.println("gone bucket     " + b);
        for (String b : d.newlyUncovered()) out.println("LOST COVERAGE   " + b);
        if (d.coverageBefore() != null || d.coverageAfter() != null) {
            out.println("coverage        " + pct(d.coverageBefore()) + " -> " + pct(d.coverageAfter()));
        }
        if (d.regressed()) {
            out.println("GATE FAILED: " + d.newBuckets().size() + " new bucket(s), " + (d.lostCoverage() ? "coverage lost" : "no coverage lost"));
            return ExitCodes.FAIL;
        }
        out.println("GATE PASSED: no new bucket, no coverage lost");
        return ExitCodes.PASS;
    }

    private static String pct(Double d) { return d == null ? "not measured" : String.format("%.1f%%", d); }
}
