package dev.seedverify.cli;

import dev.seedverify.cli.campaign.CampaignRunner;
import dev.seedverify.reports.allure.AllureReport;
import dev.seedverify.reports.allure.AllureUnavailableException;
import dev.seedverify.reports.model.ModelJson;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.render.Reports;
import dev.seedverify.reports.signoff.RunMerge;
import dev.seedverify.reports.signoff.SignOff;
import dev.seedverify.reports.signoff.Waiver;
import dev.seedverify.reports.signoff.Waivers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seedverify report}: render a run's reports again, or merge shards into one run. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Renders the reports of a run folder again (with today's waivers), or with --allure the Allure HTML report "
                + "(Allure's command line, from the local Maven repository). 'report merge' joins shard runs into one."},
        subcommands = {ReportCommand.Merge.class},
        footer = {"", "Exit status: 0 the run signed off, 1 it did not (or Allure failed), 2 usage, 3 a folder that is not a run."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", arity = "0..1", description = "a run folder (default: reports-out/latest)")
    Path run;

    @Option(names = "--waivers", paramLabel = "FILE", description = "judge with this waiver file")
    Path waivers;

    @Option(names = "--allure", description = "also render the Allure HTML report of the run's allure-results into RUN/allure-report/")
    boolean allure;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintStream out = SeedVerify.root(spec).out;
        Path dir = run != null ? run : Path.of("reports-out", CampaignRunner.LATEST);
        RunResult r = read(dir);
        SignOff s = judge(r, waivers);
        Reports.writeAll(s, dir);
        out.println(s.verdict().headline());
        out.println("reports: " + dir.resolve(Reports.HTML));
        if (allure && !renderAllure(dir, out, SeedVerify.root(spec).err)) return ExitCodes.FAIL;
        return s.verdict().signedOff() ? ExitCodes.PASS : ExitCodes.FAIL;
    }

    /** Renders {@code dir/allure-results} into {@code dir/allure-report/index.html}; false (with the reason) when Allure cannot. */
    static boolean renderAllure(Path dir, PrintStream out, PrintStream err) throws IOException {
        try {
            Path index = AllureReport.render(dir.resolve(Reports.ALLURE_RESULTS), dir.resolve("allure-report"));
            out.println("allure: " + index);
            return true;
        } catch (AllureUnavailableException e) {
            err.println("seedverify report: " + e.getMessage());
            return false;
        }
    }

    /** The run document of a run folder ({@code run.json}, else {@code signoff.json}), or a run or report document itself. */
    static RunResult read(Path dirOrFile) throws IOException {
        Path f = dirOrFile;
        if (Files.isDirectory(dirOrFile)) {
            f = dirOrFile.resolve(CampaignRunner.RUN);
            if (!Files.isRegularFile(f)) f = dirOrFile.resolve(Reports.JSON);
        }
        try {
            return ModelJson.read(f);
        } catch (NoSuchFileException e) {
            throw new BadInputException(dirOrFile + " is not a run (no " + CampaignRunner.RUN + " or " + Reports.JSON + ")");
        } catch (ModelJson.ModelFormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    static SignOff judge(RunResult r, Path waiverFile) throws IOException {
        List<Waiver> w = List.of();
        if (waiverFile != null) {
            try {
                w = Waivers.load(waiverFile);
            } catch (NoSuchFileException e) {
                throw new BadInputException("no such waiver file: " + waiverFile);
            } catch (RuntimeException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        }
        return SignOff.evaluate(r, w, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * The run with its sections in the order a campaign runs them (by the section's order, the golden
     * model alone first), as an unsharded run lists them: shards hold them in another order, and
     * the first reason of a verdict follows the sections' order. Suites no section on the classpath
     * records keep their place after the known ones.
     */
    static RunResult inCampaignOrder(RunResult run) {
        java.util.Map<String, Integer> order = new java.util.HashMap<>();
        for (dev.seedverify.reports.campaign.CampaignSection s : dev.seedverify.cli.campaign.CampaignPlan.discover()) order.put(s.suite(), s.order());
        List<dev.seedverify.reports.model.Section> sorted = new ArrayList<>(run.sections());
        sorted.sort(java.util.Comparator.comparingInt((dev.seedverify.reports.model.Section s) -> order.getOrDefault(s.suite(), Integer.MAX_VALUE))
                .thenComparingInt(s -> s.target().name().equals(dev.seedverify.cosim.Backends.GOLDEN) ? 0 : 1));
        RunResult.Builder b = run.toBuilder();
        for (var s : run.sections()) b.removeSection(s.key());
        sorted.forEach(b::section);
        return b.build();
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Merges the runs of a sharded campaign (or runs of different suites) into one run: sections joined case by case, "
                    + "buckets deduplicated, coverage unioned, one verdict; writes it and its reports to OUT. A missing shard keeps the "
                    + "merge from signing off."},
            footer = {"", "Exit status: 0 the merged run signed off, 1 it did not, 2 usage, 3 a folder that is not a run or runs that do not fit together."})
    static final class Merge implements Callable<Integer> {
        @Parameters(paramLabel = "RUN", arity = "1..*", description = "run folders (or their run.json / signoff.json)")
        List<Path> runs;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "the merged run's folder (created; must not hold another run)")
        Path out;

        @Option(names = "--id", paramLabel = "ID", description = "the merged run's id (default: the folder's name)")
        String id;

        @Option(names = "--waivers", paramLabel = "FILE", description = "judge with this waiver file")
        Path waivers;

        @Option(names = "--allure", description = "also render the Allure HTML report into OUT/allure-report/")
        boolean allure;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintStream o = SeedVerify.root(spec).out;
            List<RunResult> parts = new ArrayList<>();
            for (Path p : runs) parts.add(read(p));
            if (Files.exists(out.resolve(CampaignRunner.RUN))) throw new BadInputException(out + " already holds a run; merge into a new folder");
            RunResult merged;
            try {
                merged = RunMerge.merge(id != null ? id : out.toAbsolutePath().normalize().getFileName().toString(), parts);
            } catch (RunMerge.MergeException e) {
                throw new BadInputException("cannot merge: " + e.getMessage(), e);
            }
            merged = inCampaignOrder(merged);
            Files.createDirectories(out);
            dev.seedverify.reports.AtomicFiles.write(out.resolve(CampaignRunner.RUN), ModelJson.write(merged));
            SignOff s = judge(merged, waivers);
            Reports.writeAll(s, out);
            o.println(s.verdict().headline());
            o.println("merged " + parts.size() + " runs; reports: " + out.resolve(Reports.HTML));
            if (allure && !renderAllure(out, o, SeedVerify.root(spec).err)) return ExitCodes.FAIL;
            return s.verdict().signedOff() ? ExitCodes.PASS : ExitCodes.FAIL;
        }
    }
}
