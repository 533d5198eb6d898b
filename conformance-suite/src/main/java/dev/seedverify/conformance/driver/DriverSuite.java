package dev.seedverify.conformance.driver;

import dev.seedverify.conformance.mutants.DriverBugCampaign;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.driver.DriverBug;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.reports.model.Attachment;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.CaseStatus;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Target;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The driver campaign section (reports/README.md's result model): generated driver action
 * scripts of a seed range, run by the real driver on a target and checked step by step against
 * the plain API model and the bus protocol monitor; on a design under test (any target but
 * {@code golden}) the driver runs on the lockstep pair golden vs that target, so every record,
 * DRAM image and idle register is compared too. Each failing script is a FAIL case carrying its
 * run as a readable, replayable action script; the passing ones are counted. The injected driver
 * bugs become {@link MutationResult}s.
 *
 * <p>Shaped for the campaign's pluggable sections (units of seeds, facts only): a
 * {@code CampaignSection} adapter calls {@link #units} and {@link #run} per unit and
 * {@link #mutations} for the injected-bug part.
 */
public final class DriverSuite {
    public static final String SUITE = "driver";
    public static final String BUGS_KILLED_BY = "driver properties";
    /** Scripts per unit. */
    public static final int UNIT_SCRIPTS = 100;

    private DriverSuite() {}

    public static String description() {
        return "the host driver: generated action scripts against the plain API model, the bus monitor silent, golden == target";
    }

    /** The backend the driver runs on for campaign target {@code target}. */
    public static String backendFor(String target) {
        return target.equals(Target.GOLDEN) ? Backends.GOLDEN : "lockstep:" + Backends.GOLDEN + "," + target;
    }

    /** Units of {@link #UNIT_SCRIPTS} seeds covering {@code scripts} seeds from {@code firstSeed}. */
    public static List<String> units(long firstSeed, int scripts) {
        List<String> out = new ArrayList<>();
        for (long s = firstSeed; s < firstSeed + scripts; s += UNIT_SCRIPTS) {
            out.add("seeds " + s + ".." + (Math.min(s + UNIT_SCRIPTS, firstSeed + scripts) - 1));
        }
        return out;
    }

    /**
     * Runs scripts of seeds {@code [from, from + count)} (at most {@code maxActions} actions each) with
     * the driver (carrying {@code bug}, or the correct one for null) on {@code target}.
     */
    public static Section run(String target, long from, int count, int maxActions, DriverBug bug) {
        Instant start = Instant.now();
        List<CaseResult> failed = new ArrayList<>();
        long passed = 0;
        try (Backend backend = Backends.open(backendFor(target), Memory.DEFAULT_BYTES); ScriptRunner runner = new ScriptRunner(backend)) {
            for (long seed = from; seed < from + count; seed++) {
                long t0 = System.nanoTime();
                ScriptRunner.Report r = runner.run(ActionGenerator.script(seed, maxActions), bug);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (r.passed()) {
                    passed++;
                    continue;
                }
                String first = r.failure().lines().findFirst().orElse("");
                failed.add(new CaseResult("seed " + seed, CaseStatus.FAIL, ms, Map.of(CaseResult.SEED, Long.toString(seed)),
                        "step " + (r.failedStep() + 1) + ": " + first, null,
                        List.of(Attachment.text("driver script", r.script().foundWith(bug).text()), Attachment.text("run", r.text())), null));
            }
        } catch (RuntimeException e) {
            return Section.failedToRun(SUITE, Target.of(target), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        long ms = java.time.Duration.between(start, Instant.now()).toMillis();
        return new Section(SUITE, Target.of(target), true, start, ms, failed, passed, null,
                String.format("driver scripts, seeds %d..%d, up to %d actions, on %s%s", from, from + count - 1, maxActions, backendFor(target),
                        bug == null ? "" : ", driver with bug " + bug.id()));
    }

    /** The injected driver bugs as the result model's mutation results. */
    public static List<MutationResult> mutations(DriverBugCampaign.Result r) {
        List<MutationResult> out = new ArrayList<>();
        for (DriverBugCampaign.BugResult b : r.bugs()) {
            out.add(new MutationResult("driver:" + b.bug().id(), b.bug().description(), b.detected(), b.detected() ? BUGS_KILLED_BY + " (" + b.caughtBy() + ")" : null,
                    b.scriptsTried(), b.detected() ? b.secondsToDetect() : null, b.detected() ? b.shrunkActions() : null, null));
        }
        return out;
    }
}
