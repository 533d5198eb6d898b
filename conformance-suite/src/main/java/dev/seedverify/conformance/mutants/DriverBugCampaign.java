package dev.seedverify.conformance.mutants;

import dev.seedverify.conformance.driver.ActionGenerator;
import dev.seedverify.conformance.driver.DriverScript;
import dev.seedverify.conformance.driver.ScriptRunner;
import dev.seedverify.conformance.driver.ScriptShrinker;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.driver.DriverBug;
import dev.seedverify.golden.exec.Memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The injected driver bugs ({@link DriverBug}), run the way the RTL mutants are
 * ({@link MutantCampaign}): for each bug, generated driver action scripts of a fixed seed
 * sequence ({@link ActionGenerator#script}) run against the driver carrying the bug, checked by
 * the plain API model and the strict bus protocol monitor ({@link ScriptRunner}), until the first
 * failure; that script is shrunk ({@link ScriptShrinker}), the shrunk script is checked to pass
 * with the correct driver, and it is written as a replayable reproducer. Targets: every bug
 * detected, every shrunk reproducer at most {@link #TARGET_MAX_ACTIONS} actions.
 *
 * <p>Usage: {@code DriverBugCampaign [--bugs a,b,...] [--seed N] [--scripts N] [--actions N]
 * [--backend NAME] [--out DIR] [--regressions DIR] [--list]} ({@code ci/driver-bugs.sh} runs it).
 * Exit status 0 when every target is met, 1 otherwise, 2 for bad arguments.
 */
public final class DriverBugCampaign {
    public static final int TARGET_MAX_ACTIONS = 6;

    private DriverBugCampaign() {}

    public record Config(List<DriverBug> bugs, long firstSeed, int maxScripts, int maxActions, String backend, int maxShrinkRuns, Path out,
                         Path regressions) {
        public static Config defaults() {
            return new Config(List.of(DriverBug.values()), 1, 2000, 40, Backends.GOLDEN, 3000, null, null);
        }

        public Config withBackend(String b) { return new Config(bugs, firstSeed, maxScripts, maxActions, b, maxShrinkRuns, out, regressions); }

        public Config withBugs(List<DriverBug> b) { return new Config(b, firstSeed, maxScripts, maxActions, backend, maxShrinkRuns, out, regressions); }

        public Config withOut(Path o) { return new Config(bugs, firstSeed, maxScripts, maxActions, backend, maxShrinkRuns, o, regressions); }
    }

    /**
     * One bug's result.
     *
     * @param scriptsTried   scripts run up to and including the first failing one
     * @param caughtBy       "monitor" when the bus protocol monitor objected, else "model"
     * @param failure        the shrunk script's failure
     * @param correctPasses  whether the shrunk script passes with the correct driver
     */
    public record BugResult(DriverBug bug, boolean detected, long seed, int scriptsTried, double secondsToDetect, int shrinkRuns, int shrunkActions,
                            String caughtBy, String failure, DriverScript reproducer, boolean correctPasses) {
        public boolean targetMet() { return detected && correctPasses && shrunkActions <= TARGET_MAX_ACTIONS; }
    }

    public record Result(List<BugResult> bugs, String backend) {
        public boolean allTargetsMet() { return !bugs.isEmpty() && bugs.stream().allMatch(BugResult::targetMet); }

        public String text() {
            StringBuilder s = new StringBuilder(String.format("%-32s %-9s %7s %8s %7s %-8s %s%n", "driver bug", "detected", "scripts", "seconds", "actions",
                    "caught", "failure"));
            for (BugResult b : bugs) {
                String first = b.failure == null ? "" : b.failure.lines().findFirst().orElse("");
                s.append(String.format(Locale.ROOT, "%-32s %-9s %7d %8.2f %7s %-8s %s%n", b.bug.id(), b.detected ? "yes" : "NO", b.scriptsTried,
                        b.secondsToDetect, b.detected ? String.valueOf(b.shrunkActions) : "-", b.caughtBy, first));
            }
            s.append(String.format("backend %s; targets: every bug detected, shrunk to <= %d actions, shrunk script passes with the correct driver: %s%n",
                    backend, TARGET_MAX_ACTIONS, allTargetsMet() ? "met" : "NOT met"));
            return s.toString();
        }
    }

    public static Result run(Config config, Consumer<String> progress) {
        List<BugResult> out = new ArrayList<>();
        try (Backend backend = Backends.open(config.backend(), Memory.DEFAULT_BYTES); ScriptRunner runner = new ScriptRunner(backend)) {
            for (DriverBug bug : config.bugs()) {
                BugResult r = runOne(runner, bug, config);
                progress.accept(String.format("%s: %s", bug.id(), r.detected ? "detected after " + r.scriptsTried + " scripts, shrunk to " + r.shrunkActions
                        + " actions (" + r.caughtBy + ")" : "NOT detected in " + r.scriptsTried + " scripts"));
                out.add(r);
                if (r.detected && config.out() != null) write(config.out().resolve(bug.id() + ".script"), r.reproducer.text());
                if (r.detected && config.regressions() != null) write(config.regressions().resolve(bug.id() + ".script"), r.reproducer.text());
            }
        }
        Result result = new Result(out, config.backend());
        if (config.out() != null) write(config.out().resolve("driver-bugs.txt"), result.text());
        return result;
    }

    private static BugResult runOne(ScriptRunner runner, DriverBug bug, Config config) {
        long start = System.nanoTime();
        for (int i = 0; i < config.maxScripts(); i++) {
            long seed = config.firstSeed() + i;
            DriverScript script = ActionGenerator.script(seed, config.maxActions());
            ScriptRunner.Report report = runner.run(script, bug);
            if (report.passed()) continue;
            double seconds = (System.nanoTime() - start) / 1e9;
            ScriptShrinker.Result shrunk = ScriptShrinker.shrink(script, s -> !runner.run(s, bug).passed(), config.maxShrinkRuns());
            DriverScript repro = shrunk.script().foundWith(bug);
            ScriptRunner.Report failing = runner.run(repro, bug);
            boolean correct = runner.run(repro, null).passed();
            String caughtBy = failing.failure() != null && failing.failure().contains("protocol violation") ? "monitor" : "model";
            return new BugResult(bug, true, seed, i + 1, seconds, shrunk.runs(), repro.actions().size(), caughtBy, failing.failure(), repro, correct);
        }
        return new BugResult(bug, false, -1, config.maxScripts(), (System.nanoTime() - start) / 1e9, 0, 0, "-", null, null, false);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        Config c = Config.defaults();
        List<DriverBug> bugs = c.bugs();
        long seed = c.firstSeed();
        int scripts = c.maxScripts(), actions = c.maxActions();
        String backend = c.backend();
        Path out = Path.of("reports-out", "driver-bugs"), regressions = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bugs" -> bugs = Arrays.stream(args[++i].split(",")).map(DriverBug::byId).toList();
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--scripts" -> scripts = Integer.parseInt(args[++i]);
                    case "--actions" -> actions = Integer.parseInt(args[++i]);
                    case "--backend" -> backend = args[++i];
                    case "--out" -> out = Path.of(args[++i]);
                    case "--regressions" -> regressions = Path.of(args[++i]);
                    case "--list" -> {
                        for (DriverBug b : DriverBug.values()) System.out.printf("%-32s %s%n", b.id(), b.description());
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("DriverBugCampaign: " + e.getMessage());
            System.exit(2);
        }
        Result r = run(new Config(bugs, seed, scripts, actions, backend, c.maxShrinkRuns(), out, regressions), System.err::println);
        System.out.print(r.text());
        System.exit(r.allTargetsMet() ? 0 : 1);
    }
}
