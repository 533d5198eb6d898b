package dev.seedverify.cli.campaign;

import dev.seedverify.cli.BadInputException;
import dev.seedverify.cli.progress.ProgressMeter;
import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.campaign.Progress;
import dev.seedverify.reports.model.Environment;
import dev.seedverify.reports.model.ModelJson;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Shard;
import dev.seedverify.reports.model.SkippedSection;
import dev.seedverify.reports.model.Target;
import dev.seedverify.reports.render.Reports;
import dev.seedverify.reports.signoff.RunMerge;
import dev.seedverify.reports.signoff.SignOff;
import dev.seedverify.reports.signoff.Waiver;
import dev.seedverify.reports.signoff.Waivers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs a {@link CampaignPlan} in a run folder of its own ({@code OUT/runs/<id>/}), checkpointing
 * after every unit, and writes the reports when the run ends, however it ends.
 *
 * <pre>
 * OUT/runs/&lt;id&gt;/config.json     the resolved configuration (what --resume runs again)
 * OUT/runs/&lt;id&gt;/units/NNNN.json  each finished unit's facts (a run document of its own)
 * OUT/runs/&lt;id&gt;/run.json         the run so far: the units' facts merged (RunMerge)
 * OUT/runs/&lt;id&gt;/signoff.*        the reports (Reports.writeAll), when the run ends
 * OUT/latest                  a symbolic link to the run folder, moved only when a run ends
 * OUT/signed-off              the same for the last run that signed off (the reports show the change since)
 * </pre>
 *
 * A run ends finished, or interrupted: by SIGINT (the shutdown hook records it as INTERRUPTED with
 * what finished), by the time budget, or by {@link #interrupt}. Units are facts of their own,
 * merged in plan order, so a resumed run and a run of shards merged give the facts of a plain run.
 */
public final class CampaignRunner {
    public static final String CONFIG = "config.json";
    public static final String RUN = "run.json";
    public static final String UNITS = "units";
    public static final String LATEST = "latest";
    public static final String SIGNED_OFF = "signed-off";
    public static final String TITLE = "SeedChip S1 campaign";

    /** How a run ended: its folder and verdict. */
    public record Outcome(Path runDir, SignOff signOff, boolean interrupted) {
        /** 0 signed off, 1 anything else, 130 interrupted. */
        public int exitCode() {
            if (interrupted) return dev.seedverify.cli.ExitCodes.INTERRUPTED;
            return signOff.verdict().signedOff() ? dev.seedverify.cli.ExitCodes.PASS : dev.seedverify.cli.ExitCodes.FAIL;
        }
    }

    private final CampaignPlan plan;
    private final Path out;
    private final Path runDir;
    private final String runId;
    private final Shard shard;
    private final List<Waiver> waivers;
    private final PrintStream log;
    private final ProgressMeter meter;
    private final Object lock = new Object();
    private final Map<Integer, RunResult> finished = new TreeMap<>();
    private Instant startedAt;
    private Environment environment;
    private CampaignPlan.Unit current;
    private boolean ended;
    private volatile boolean stopRequested;
    private Outcome outcome;

    private CampaignRunner(CampaignPlan plan, Path out, Path runDir, Shard shard, PrintStream log, ProgressMeter meter) {
        this.plan = plan;
        this.out = out;
        this.runDir = runDir;
        this.runId = runDir.getFileName().toString();
        this.shard = shard;
        this.log = log;
        this.meter = meter;
        this.waivers = loadWaivers(plan.config());
    }

    /** A new run of {@code plan} in a new folder under {@code out/runs/} named {@code id} (null: the start time). */
    public static CampaignRunner start(CampaignPlan plan, Path out, String id, Shard shard, PrintStream log, ProgressMeter meter) throws IOException {
        Instant now = Instant.now();
        String name = id != null ? id : DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now) + "Z"
                + (shard == null ? "" : "-shard" + shard.index() + "of" + shard.count());
        if (!name.matches("[A-Za-z0-9._-]+")) throw new BadInputException("run id '" + name + "': use letters, digits, '.', '_' and '-' only");
        Path runDir = out.resolve("runs").resolve(name);
        if (Files.exists(runDir)) {
            if (id != null) throw new BadInputException(runDir + " exists: a run never reuses another's folder (choose another --id, or --resume it)");
            for (int i = 2; Files.exists(runDir); i++) runDir = out.resolve("runs").resolve(name + "-" + i);
        }
        Files.createDirectories(runDir.resolve(UNITS));
        CampaignRunner r = new CampaignRunner(plan, out, runDir, shard, log, meter);
        r.startedAt = now;
        r.environment = EnvironmentProbe.probe(plan.config(), shard);
        AtomicFiles.write(runDir.resolve(CONFIG), ConfigFile.write(plan.config()));
        r.writeRun(r.merged(false, false));
        return r;
    }

    /**
     * Continues the run in {@code runDir} from its finished units: the configuration is the one the
     * run was started with, read from its folder; the sections on the classpath must still give its units.
     */
    public static CampaignRunner resume(Path runDir, List<dev.seedverify.reports.campaign.CampaignSection> sections, PrintStream log,
                                        ProgressMeter meter) throws IOException {
        if (!Files.isDirectory(runDir)) throw new BadInputException(runDir + ": no such run folder");
        Path cfg = runDir.resolve(CONFIG);
        if (!Files.isRegularFile(cfg)) throw new BadInputException(runDir + " is not a campaign's run folder (no " + CONFIG + ")");
        RunResult previous;
        try {
            previous = ModelJson.read(runDir.resolve(RUN));
        } catch (NoSuchFileException e) {
            throw new BadInputException(runDir + " is not a campaign's run folder (no " + RUN + ")");
        } catch (ModelJson.ModelFormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (previous.finishedAt() != null && !previous.interrupted()) {
            throw new BadInputException(runDir + " finished at " + previous.finishedAt() + "; only an interrupted run can be resumed");
        }
        CampaignPlan plan = CampaignPlan.of(ConfigFile.load(cfg), sections);
        Path out = runDir.toAbsolutePath().normalize().getParent().getParent();
        CampaignRunner r = new CampaignRunner(plan, out, runDir, previous.shard(), log, meter);
        r.startedAt = previous.startedAt() != null ? previous.startedAt() : Instant.now();
        r.environment = previous.environment();
        try (Stream<Path> files = Files.list(runDir.resolve(UNITS))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{4,}\\.json")).sorted().toList()) {
                int index = Integer.parseInt(f.getFileName().toString().replace(".json", ""));
                if (index >= plan.units().size()) throw new BadInputException(f + ": unit " + index + " is not in the plan any more");
                try {
                    r.finished.put(index, ModelJson.read(f));
                } catch (ModelJson.ModelFormatException e) {
                    // a unit whose checkpoint is damaged runs again
                    log.println("campaign: " + f + " is damaged (" + e.getMessage() + "); unit " + index + " runs again");
                }
            }
        } catch (NoSuchFileException e) {
            // no unit finished
        }
        return r;
    }

    public Path runDir() { return runDir; }

    /** What it runs (for a resumed run, the plan of the configuration it was started with). */
    public CampaignPlan plan() { return plan; }

    /** Stops before the next unit; the run ends as interrupted (resumable). Safe from any thread. */
    public void requestStop() { stopRequested = true; }

    /** Runs the remaining units of this run's shard, then writes the reports and moves {@code latest}. */
    public Outcome run(long secondsBudget) throws IOException {
        Thread hook = new Thread(() -> interrupt("interrupted (SIGINT)"), "seedverify-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<CampaignPlan.Unit> todo = plan.units(shard).stream().filter(u -> !finished.containsKey(u.index())).toList();
            int all = plan.units(shard).size();
            log.printf("campaign %s: %d units%s, %d to run; reports in %s%n", runId, all, shard == null ? "" : " of shard " + shard, todo.size(), runDir);
            long deadline = secondsBudget > 0 ? System.nanoTime() + secondsBudget * 1_000_000_000L : Long.MAX_VALUE;
            int n = all - todo.size();
            for (CampaignPlan.Unit u : todo) {
                if (stopRequested || System.nanoTime() > deadline) {
                    return interrupt(stopRequested ? "stopped" : "the time budget of " + secondsBudget + " s ran out");
                }
                synchronized (lock) {
                    if (ended) return outcome;
                    current = u;
                }
                n++;
                log.printf("[%d/%d] %s%n", n, all, u.title());
                RunResult r = runUnit(u);
                synchronized (lock) {
                    if (ended) return outcome;
                    AtomicFiles.write(runDir.resolve(UNITS).resolve(String.format("%04d.json", u.index())), ModelJson.write(r));
                    finished.put(u.index(), r);
                    current = null;
                    writeRun(merged(false, false));
                }
                log.printf("[%d/%d] %s: %s%n", n, all, u.sectionKey(), summary(r, u.sectionKey()));
            }
            return end(false, null);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running or has run
            }
        }
    }

    /** The progress line's verdict on one finished unit. */
    static String summary(RunResult r, String key) {
        Section s = r.section(key).orElse(null);
        if (s == null && !r.mutations().isEmpty()) {
            // a unit of injected bugs records mutations, not a section
            long killed = r.mutations().stream().filter(MutationResult::killed).count();
            return killed + " of " + r.mutations().size() + " injected bugs caught";
        }
        if (s == null) return "recorded nothing";
        if (s.error() != null) return "could not run: " + s.error();
        var c = s.counts();
        return s.status() + " (" + c.passed() + "/" + c.total() + " passed" + (r.buckets().isEmpty() ? "" : ", " + r.buckets().size() + " buckets") + ")";
    }

    /** The facts of one unit, in a run document of its own; a unit that throws records its section as unable to run. */
    private RunResult runUnit(CampaignPlan.Unit u) {
        RunResult.Builder b = RunResult.builder(runId + "#" + u.index(), TITLE).environment(environment).requirements(plan.requirements())
                .startedAt(Instant.now());
        UnitContext ctx = new UnitContext(u.target(), plan.config().options(), new ConfigSettings(plan.config(), u.suite()), runDir,
                plan.config().baseDir(), u.suite(), (items, total) -> meter.start(u.title(), items, total));
        try {
            u.section().run(ctx, u.unit(), b);
        } catch (Exception | LinkageError | StackOverflowError e) {
            String why = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
            RunResult.Builder failed = RunResult.builder(runId + "#" + u.index(), TITLE).environment(environment)
                    .requirements(plan.requirements()).startedAt(b.build().startedAt());
            failed.section(Section.failedToRun(u.suite(), target(u.target()), "unit " + (u.unit() + 1) + "/" + u.units() + " (" + u.name() + "): " + why));
            b = failed;
        } finally {
            meter.done();
        }
        return b.finishedAt(Instant.now()).build();
    }

    private static Target target(String name) {
        return name.equals(dev.seedverify.cosim.Backends.GOLDEN) ? Target.golden() : Target.of(name);
    }

    /**
     * Ends the run as interrupted: records what finished (every section with units left is marked
     * unfinished), writes the reports and moves {@code latest}. Called by the SIGINT hook.
     */
    public Outcome interrupt(String why) {
        try {
            return end(true, why);
        } catch (IOException e) {
            log.println("campaign: cannot record the interrupted run in " + runDir + ": " + e.getMessage());
            return outcome;
        }
    }

    private Outcome end(boolean interrupted, String why) throws IOException {
        synchronized (lock) {
            if (ended) return outcome;
            ended = true;
            RunResult run = merged(true, interrupted);
            writeRun(run);
            SignOff s = SignOff.evaluate(run, waivers, LocalDate.now(ZoneOffset.UTC)).comparedWith(previousSignedOff());
            Reports.writeAll(s, runDir);
            point(LATEST);
            if (s.verdict().signedOff()) point(SIGNED_OFF);
            outcome = new Outcome(runDir, s, interrupted);
            if (interrupted) log.println("campaign " + runId + " " + why + "; resume with: seedverify campaign --resume " + runDir);
            log.println(s.verdict().headline());
            log.println("reports: " + runDir.resolve(Reports.HTML) + " (and " + Reports.TEXT + ", " + Reports.JSON + ", " + Reports.MARKDOWN + ", "
                    + Reports.JUNIT + ", " + Reports.ALLURE_RESULTS + "/)");
            log.flush();
            return outcome;
        }
    }

    private RunResult previousSignedOff() {
        Path p = out.resolve(SIGNED_OFF).resolve(RUN);
        if (!Files.isRegularFile(p)) return null;
        try {
            RunResult r = ModelJson.read(p);
            return r.id().equals(runId) ? null : r;
        } catch (IOException | RuntimeException e) {
            log.println("campaign: the last signed-off run " + p + " cannot be read (" + e.getMessage() + "); no difference shown");
            return null;
        }
    }

    /** {@code out/name} becomes a link to this run's folder, replaced in one step. */
    private void point(String name) throws IOException {
        Path link = out.resolve(name);
        Path tmp = out.resolve("." + name + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, out.toAbsolutePath().normalize().relativize(runDir.toAbsolutePath().normalize()));
        Files.move(tmp, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeRun(RunResult run) throws IOException {
        AtomicFiles.write(runDir.resolve(RUN), ModelJson.write(run));
    }

    /**
     * The run as it stands: the header (requirements, skips, environment) and the finished units
     * merged in plan order. When it has ended, every section with units of this shard left is
     * marked unfinished (or recorded as an empty, unfinished section).
     */
    private RunResult merged(boolean ending, boolean interrupted) {
        RunResult.Builder header = RunResult.builder(runId, TITLE).environment(environment).requirements(plan.requirements())
                .startedAt(startedAt);
        for (SkippedSection k : plan.skipped()) header.skipped(k.suite(), k.target(), k.reason());
        List<RunResult> parts = new ArrayList<>();
        parts.add(header.build());
        parts.addAll(finished.values());
        RunResult.Builder b = RunMerge.merge(runId, parts).toBuilder().startedAt(startedAt).shard(shard).environment(environment);
        b.finishedAt(ending ? Instant.now() : null).interrupted(interrupted);
        if (ending && interrupted) {
            RunResult sofar = b.build();
            Set<String> open = new LinkedHashSet<>();
            for (CampaignPlan.Unit u : plan.units(shard)) if (!finished.containsKey(u.index())) open.add(u.sectionKey());
            if (current != null) open.add(current.sectionKey());
            for (CampaignPlan.Unit u : plan.units(shard)) {
                if (!open.remove(u.sectionKey())) continue;
                Section s = sofar.section(u.sectionKey()).orElse(null);
                b.section(s != null ? s.unfinished()
                        : new Section(u.suite(), target(u.target()), false, null, 0, List.of(), 0, null, "interrupted before it finished"));
            }
        }
        return b.build();
    }

    private static List<Waiver> loadWaivers(CampaignConfig c) {
        if (c.waivers() == null) return List.of();
        try {
            return Waivers.load(c.waivers());
        } catch (NoSuchFileException e) {
            throw new ConfigException(c.where("waivers") + ": waivers: no such file " + c.waivers());
        } catch (IOException e) {
            throw new ConfigException(c.where("waivers") + ": waivers: cannot read " + c.waivers() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** A meter that does nothing, for callers without a terminal. */
    static Progress none() { return Progress.NONE; }
}
