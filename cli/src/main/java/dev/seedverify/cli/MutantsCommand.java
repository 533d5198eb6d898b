package dev.seedverify.cli;

import dev.seedverify.cli.campaign.CampaignConfig;
import dev.seedverify.cli.campaign.CampaignPlan;
import dev.seedverify.cli.campaign.CampaignRunner;
import dev.seedverify.cli.progress.ProgressMeter;
import dev.seedverify.conformance.campaign.InjectedBugsSection;
import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
        footer = {"", "Exit status: 0 every mutant detected, 1 one survived, 2 usage, 3 bad input."})
final class MutantsCommand implements Callable<Integer> {
    @Option(names = "--mutants", paramLabel = "NAME", split = ",", description = "mutants to run (default: the whole catalogue)")
    List<String> mutants;

    @Option(names = "--programs", paramLabel = "N", description = "programs per mutant before it survives (default 20000)")
    Long programs;

    @Option(names = "--seconds", paramLabel = "S", description = "time per mutant before it survives (default 120)")
    Long seconds;

    @Option(names = "--seed", paramLabel = "N", description = "the first seed")
    Long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "reports-out", description = "where runs/<id>/ goes (default: ${DEFAULT-VALUE})")
    Path out;

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
        Path home = Path.of(System.getProperty("seedverify.home", ".")).toAbsolutePath().normalize();
        CampaignConfig.Changes c = CampaignConfig.defaults(home).with().run(List.of(InjectedBugsSection.SUITE), "mutants").coverageRequired(false, "mutants");
        for (CampaignSection s : sections) c.required(s.suite(), s.suite().equals(InjectedBugsSection.SUITE), "mutants");
        if (mutants != null) c.setting(InjectedBugsSection.SUITE, "mutants", mutants, "--mutants");
        if (programs != null) c.setting(InjectedBugsSection.SUITE, "programs", Long.toString(programs), "--programs");
        if (seconds != null) c.setting(InjectedBugsSection.SUITE, "seconds", Long.toString(seconds), "--seconds");
        if (seed != null) {
            var x = c.options();
            c.options(new dev.seedverify.reports.campaign.CampaignOptions(seed, x.threads(), x.directedBudget(), x.randomBudget(), x.weights(),
                    x.coverageTarget(), x.coverageMinHits()), "seed", "--seed");
        }
        CampaignPlan plan = CampaignPlan.of(c.done(), sections);
        CampaignRunner.Outcome r = CampaignRunner.start(plan, out, null, null, o, ProgressMeter.forThisProcess(root.err)).run(0);
        if (regressions != null) keep(r.runDir().resolve("mutants"), regressions, o);
        return r.exitCode();
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
