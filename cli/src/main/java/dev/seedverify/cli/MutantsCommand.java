package dev.seedverify.cli;

import dev.seedverify.cli.campaign.CampaignConfig;
import dev.seedverify.cli.campaign.CampaignPlan;
import dev.seedverify.cli.campaign.CampaignRunner;
import dev.seedverify.cli.progress.ProgressMeter;
import dev.seedverify.conformance.campaign.InjectedBugsSection;
import dev.seedverify.conformance.mutants.MutantCampaign;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code seedverify mutants}: the bug-finding engine's self-test on injected RTL bugs. */
@Command(name = "mutants", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The self-test on injected RTL bugs: builds each mutant (cached in rtl-harness/target/mutant-models), runs generated "
                + "programs golden vs the mutant until the first divergence, shrinks it and keeps its reproducer and waveform. A campaign "
                + "of the 'injected bugs' section alone: signed off when every mutant was detected and shrunk."},
        footer = {"", "Exit status: 0 every mutant detected and the targets met (median time to detect < 30 s, median shrunk length <= 6), "
                + "1 otherwise, 2 usage, 3 bad input."})
final class MutantsCommand implements Callable<Integer> {
    @Option(names = "--mutants", paramLabel = "NAME", split = ",", description = "mutants to run (default: the whole catalogue)")
    List<String> mutants;

    @Option(names = "--programs", paramLabel = "N", description = "programs per mutant before it survives (default 20000)")
    Long programs;

    @Option(names = "--seconds", paramLabel = "S", description = "time per mutant before it survives (default 120)")
    Long seconds;

    @Mixin
    CampaignRunOptions run = new CampaignRunOptions();

    @Option(names = "--regressions", paramLabel = "DIR", description = "also copy each shrunk reproducer to DIR/<mutant>.S (the kept folder: "
            + "conformance-suite/src/test/resources/regressions/mutants)")
    Path regressions;

    @Option(names = "--list", description = "print the catalogue (name, files, description) and exit")
    boolean list;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SeedVerify root = SeedVerify.root(spec);
        PrintStream o = root.out;
        if (list) {
            for (RtlMutation m : RtlMutants.all()) o.printf("%-30s %-28s %s%n", m.name(), String.join(",", m.edits().stream().map(RtlMutation.Edit::file).distinct().toList()), m.description());
            return ExitCodes.PASS;
        }
        List<CampaignSection> sections = CampaignPlan.discover();
        CampaignPlan plan = CampaignPlan.of(configuration(sections), sections);
        CampaignRunner.Outcome r = CampaignRunner.start(plan, run.out, null, null, o, ProgressMeter.forThisProcess(root.err)).run(0);
        if (regressions != null) keep(r.runDir().resolve("mutants"), regressions, o);
        if (r.interrupted()) return r.exitCode();
        boolean targetsMet = table(r.signOff().observed().mutations(), o);
        // Runs on mutants never sign off the chip (INCOMPLETE); the self-test passes when nothing failed and the targets are met.
        boolean passed = r.signOff().verdict().outcome() != dev.seedverify.reports.signoff.Outcome.FAILED && targetsMet;
        o.println(passed ? "SELF-TEST PASSED: every injected bug detected and shrunk, targets met"
                : "SELF-TEST FAILED: " + (targetsMet ? r.signOff().verdict().headline() : "a target was missed"));
        return passed ? ExitCodes.PASS : ExitCodes.FAIL;
    }

    /** The defaults with only the injected-bugs section run and required, and the flags on top. */
    CampaignConfig configuration(List<CampaignSection> sections) {
        Path home = Path.of(System.getProperty("seedverify.home", ".")).toAbsolutePath().normalize();
        CampaignConfig.Changes c = CampaignConfig.defaults(home).with().run(List.of(InjectedBugsSection.SUITE), "mutants").coverageRequired(false, "mutants");
        for (CampaignSection s : sections) c.required(s.suite(), s.suite().equals(InjectedBugsSection.SUITE), "mutants");
        if (mutants != null) c.setting(InjectedBugsSection.SUITE, "mutants", mutants, "--mutants");
        if (programs != null) c.setting(InjectedBugsSection.SUITE, "programs", Long.toString(programs), "--programs");
        if (seconds != null) c.setting(InjectedBugsSection.SUITE, "seconds", Long.toString(seconds), "--seconds");
        run.seedOver(c);
        return c.done();
    }

    /**
     * Prints each mutant's row and the medians against the engine's targets (every mutant detected,
     * median time to detect under 30 s, median shrunk length at most 6 instructions); true when all are met.
     */
    static boolean table(List<MutationResult> ms, PrintStream o) {
        o.printf("%-30s %-9s %9s %9s %7s  %s%n", "mutant", "detected", "programs", "seconds", "shrunk", "bucket");
        for (MutationResult m : ms) {
            o.printf("%-30s %-9s %9d %9s %7s  %s%n", m.mutant(), m.killed() ? "yes" : "NO", m.programsTried(),
                    m.secondsToDetect() == null ? "-" : String.format("%.2f", m.secondsToDetect()),
                    m.shrunkInstructions() == null ? "-" : m.shrunkInstructions().toString(), m.bucket() == null ? "-" : m.bucket());
        }
        double detected = ms.isEmpty() ? 0 : 100.0 * ms.stream().filter(MutationResult::killed).count() / ms.size();
        double seconds = median(ms.stream().filter(MutationResult::killed).filter(m -> m.secondsToDetect() != null).mapToDouble(MutationResult::secondsToDetect).toArray());
        double shrunk = median(ms.stream().filter(m -> m.shrunkInstructions() != null).mapToDouble(MutationResult::shrunkInstructions).toArray());
        boolean a = !ms.isEmpty() && detected >= MutantCampaign.TARGET_DETECTED_PERCENT;
        boolean b = seconds < MutantCampaign.TARGET_MEDIAN_DETECT_SECONDS;
        boolean c = shrunk <= MutantCampaign.TARGET_MEDIAN_SHRUNK_INSTRUCTIONS;
        o.printf("detected %.0f%% (target %.0f%%): %s; median time to detect %.2f s (target < %.0f s): %s; median shrunk length %.1f (target <= %.0f): %s%n",
                detected, MutantCampaign.TARGET_DETECTED_PERCENT, a ? "met" : "MISSED", seconds, MutantCampaign.TARGET_MEDIAN_DETECT_SECONDS,
                b ? "met" : "MISSED", shrunk, MutantCampaign.TARGET_MEDIAN_SHRUNK_INSTRUCTIONS, c ? "met" : "MISSED");
        return a && b && c;
    }

    private static double median(double[] x) {
        if (x.length == 0) return Double.NaN;
        java.util.Arrays.sort(x);
        return x.length % 2 == 1 ? x[x.length / 2] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2;
    }

    /** Copies each mutant's shrunk reproducer ({@code mutants/<name>/*.S}) to {@code dir/<name>.S}. */
    private static void keep(Path from, Path dir, PrintStream o) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> s = Files.list(from)) {
            for (Path m : s.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> f = Files.list(m)) {
                    for (Path repro : f.filter(p -> p.toString().endsWith(".S")).sorted().limit(1).toList()) {
                        Path to = dir.resolve(m.getFileName() + ".S");
                        AtomicFiles.copy(repro, to);
                        o.println("kept " + to);
                    }
                }
            }
        }
    }
}
