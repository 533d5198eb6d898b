package dev.seedverify.cli;

import dev.seedverify.cli.campaign.CampaignConfig;
import dev.seedverify.cli.campaign.CampaignPlan;
import dev.seedverify.cli.campaign.CampaignRunner;
import dev.seedverify.cli.campaign.ConfigFile;
import dev.seedverify.cli.progress.ProgressMeter;
import dev.seedverify.conformance.campaign.PropertySection;
import dev.seedverify.reports.campaign.CampaignOptions;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.reports.model.ModelJson;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seedverify campaign}: every section on the target, one verdict, a run folder of its own. */
@Command(name = "campaign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the co-verification campaign: every campaign section (conformance list, kernels, kernel library, regressions, property campaign, device, driver, "
                + "and any section plugged in) on each target, and judges it: SIGNED OFF only when every required suite ran on a real DUT "
                + "and passed, coverage met its target and nothing was skipped; otherwise FAILED, INCOMPLETE or INTERRUPTED with the reason "
                + "on the first line.",
                "Each run writes to OUT/runs/<id>/ (run.json after every unit; signoff.txt/.json/.md/.html, junit.xml, allure-results/ "
                        + "at the end); OUT/latest points at the last run that ended. Ctrl-C records the run as INTERRUPTED; "
                        + "--resume continues it.",
                "Settings come from --config (YAML or JSON); flags override them."},
        footer = {"", "Exit status: 0 signed off, 1 not signed off, 2 usage or unavailable target, 3 bad configuration, 130 interrupted."})
final class CampaignCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "the campaign configuration (YAML or JSON)")
    Path config;

    @Option(names = {"-t", "--target"}, paramLabel = "NAME", split = ",", description = "DUTs to compare the golden model with (rtl, mutant:NAME, ...; golden compares it with itself and never signs off)")
    List<String> targets;

    @Option(names = "--suites", paramLabel = "SUITE", split = ",", description = "run only these suites (the others, if required, keep the run from signing off)")
    List<String> suites;

    @Option(names = "--skip", paramLabel = "SUITE", description = "skip a suite on purpose: recorded as skipped, so the run cannot sign off")
    List<String> skip = new ArrayList<>();

    @Option(names = "--programs", paramLabel = "N", description = "random programs of the property campaign")
    Long programs;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads")
    Integer threads;

    @Option(names = "--weights", paramLabel = "SPEC", description = "the program generator's weights (default, or e.g. alu=3,tile_compute=0)")
    String weights;

    @Option(names = "--coverage-target", paramLabel = "PERCENT", description = "coverage sign-off needs (default 95)")
    Double coverageTarget;

    @Option(names = "--min-hits", paramLabel = "N", description = "bins hit fewer than N times (but at least once) are listed as rarely hit (default 10)")
    Long minHits;

    @Option(names = "--waivers", paramLabel = "FILE", description = "the waiver file (YAML)")
    Path waivers;

    @Option(names = "--seconds", paramLabel = "S", description = "stop before the next unit after S seconds (INTERRUPTED, resumable)")
    Long seconds;

    @Option(names = "--shard", paramLabel = "I/N", description = "run shard I of N (units dealt round robin); merge the shards with 'seedverify report merge'")
    String shard;

    @Mixin
    CampaignRunOptions run = new CampaignRunOptions();

    @Option(names = "--id", paramLabel = "ID", description = "the run's folder name (default: the start time)")
    String id;

    @Option(names = "--resume", paramLabel = "RUN", arity = "0..1", fallbackValue = "",
            description = "continue an interrupted run (a run folder or id under OUT/runs; default OUT/latest) from its finished units")
    String resume;

    @Option(names = "--list", description = "list the campaign sections on the classpath, their settings, and exit")
    boolean list;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SeedVerify root = SeedVerify.root(spec);
        PrintStream o = root.out;
        List<CampaignSection> sections = CampaignPlan.discover();
        if (list) {
            list(sections, o);
            return ExitCodes.PASS;
        }
        ProgressMeter meter = ProgressMeter.forThisProcess(root.err);
        CampaignRunner runner;
        long budget;
        if (resume != null) {
            if (config != null || targets != null || suites != null || !skip.isEmpty() || run.seed != null || programs != null || threads != null
                    || weights != null || coverageTarget != null || minHits != null || waivers != null || shard != null || id != null) {
                throw new SeedVerify.UsageException("--resume runs the interrupted campaign exactly as it was configured; it takes only --out and --seconds (default: the run's own time budget)");
            }
            Path dir = resumeFolder();
            runner = CampaignRunner.resume(dir, sections, o, meter);
            budget = seconds != null ? seconds : runner.plan().config().secondsBudget();
        } else {
            CampaignConfig c = configuration();
            CampaignPlan plan = CampaignPlan.of(c, sections);
            Shard s = parseShard();
            runner = CampaignRunner.start(plan, run.out, id, s, o, meter);
            budget = plan.config().secondsBudget();
        }
        return runner.run(budget).exitCode();
    }

    private Path resumeFolder() throws IOException {
        Path dir;
        if (resume.isEmpty()) {
            dir = run.out.resolve(CampaignRunner.LATEST);
            if (!Files.exists(dir)) throw new BadInputException(dir + " does not exist: name the run to resume (--resume RUN)");
            RunResult r = ModelJson.read(dir.resolve(CampaignRunner.RUN));
            if (!r.interrupted()) throw new BadInputException("the latest run " + r.id() + " was not interrupted; name the run to resume (--resume RUN)");
            return dir.toRealPath();
        }
        dir = Path.of(resume);
        if (!Files.isDirectory(dir)) dir = run.out.resolve("runs").resolve(resume);
        return dir;
    }

    private Shard parseShard() {
        if (shard == null) return null;
        try {
            return Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
        }
    }

    /** The configuration file (or the defaults) with the flags on top. */
    CampaignConfig configuration() {
        Path home = Path.of(System.getProperty("seedverify.home", ".")).toAbsolutePath().normalize();
        CampaignConfig c = config != null ? ConfigFile.load(config) : CampaignConfig.defaults(home);
        CampaignConfig.Changes ch = c.with();
        if (targets != null) ch.targets(targets, "--target");
        if (suites != null) ch.run(suites, "--suites");
        for (String s : skip) ch.skip(s, "--skip");
        if (programs != null) ch.setting(PropertySection.SUITE, "programs", Long.toString(programs), "--programs");
        if (waivers != null) ch.waivers(waivers.toAbsolutePath(), "--waivers");
        if (seconds != null) ch.secondsBudget(seconds, "--seconds");
        run.seedOver(ch);
        CampaignOptions x = ch.options();
        try {
            if (threads != null) ch.options(x = new CampaignOptions(x.seed(), threads, x.directedBudget(), x.randomBudget(), x.weights(),
                    x.coverageTarget(), x.coverageMinHits()), "threads", "--threads");
            if (weights != null) ch.options(x = new CampaignOptions(x.seed(), x.threads(), x.directedBudget(), x.randomBudget(), weights,
                    x.coverageTarget(), x.coverageMinHits()), "weights", "--weights");
            if (coverageTarget != null) ch.options(x = new CampaignOptions(x.seed(), x.threads(), x.directedBudget(), x.randomBudget(), x.weights(),
                    coverageTarget, x.coverageMinHits()), "coverage.target", "--coverage-target");
            if (minHits != null) ch.options(new CampaignOptions(x.seed(), x.threads(), x.directedBudget(), x.randomBudget(), x.weights(),
                    x.coverageTarget(), minHits), "coverage.min-hits", "--min-hits");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return ch.done();
    }

    private static void list(List<CampaignSection> sections, PrintStream o) {
        o.println("campaign sections on the classpath (in order):");
        for (CampaignSection s : sections) {
            o.printf("  %-20s %s%s%n", s.suite(), s.description(),
                    (s.runByDefault() ? "" : " [not run unless configured]") + (s.requiredByDefault() ? " [required for sign-off]" : ""));
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(s.settings()).entrySet()) o.printf("      %-18s %s%n", e.getKey(), e.getValue());
        }
    }
}
