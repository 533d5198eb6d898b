package dev.seedverify.reports.campaign;

import dev.seedverify.reports.model.RunResult;

import java.util.List;
import java.util.Map;

/**
 * One suite a campaign can run, plugged in without touching the campaign: an implementation names
 * itself in {@code META-INF/services/dev.seedverify.reports.campaign.CampaignSection} of its own
 * module and is found with {@link java.util.ServiceLoader} (the conformance list, the kernels, the
 * regression folder, the property campaign, the injected bugs; next the device, the driver and the
 * kernels through the driver).
 *
 * <p>A section splits its work into <em>units</em> (the whole section, or chunks of seeds): each
 * unit runs on its own, is checkpointed as soon as it finishes (an interrupted campaign resumes
 * from its finished units), and goes to one shard of a sharded campaign. Units must be
 * deterministic: the same configuration gives the same units with the same results, whatever the
 * shard, the resume or the number of threads, so a resumed or a sharded-then-merged campaign gets
 * the verdict, buckets and coverage of a plain one.
 *
 * <p>A unit records facts only, into a {@link RunResult.Builder}: its {@code Section} (suite
 * {@link #suite()} on the unit's target; the campaign joins the sections of several units), the
 * buckets of its divergences, coverage, injected-bug results, performance figures. Files it keeps
 * (waveforms, builds) go under {@link SectionContext#runDir()}; paths in the model are relative
 * to it. A reproducer is recorded as text with its path ({@code Divergence.withReproducer}) and
 * handed to {@link SectionContext#keepFile}, which the campaign writes.
 */
public interface CampaignSection {

    /** The suite's name: in the configuration, the requirements and every report ({@code conformance list}). */
    String suite();

    /** One line for {@code seedverify campaign --list}. */
    String description();

    /** Where it runs among the sections, lower first (the built-in ones use 100, 200, ...). */
    default int order() { return 1000; }

    /** Whether a campaign whose configuration lists no suites runs it (a long or optional suite says false). */
    default boolean runByDefault() { return true; }

    /** Whether sign-off needs it unless the configuration says otherwise. */
    default boolean requiredByDefault() { return runByDefault(); }

    /**
     * The settings it reads from its block of the configuration, name to meaning (for {@code --list});
     * any other name there is a configuration error.
     */
    default Map<String, String> settings() { return Map.of(); }

    /**
     * The targets it runs on, given the campaign's: by default each of them. A section that also runs
     * on the golden model alone, or only on other models (injected bugs), says so here.
     */
    default List<String> targets(List<String> campaignTargets) { return campaignTargets; }

    /**
     * Its units of work on {@code ctx.target()}, by name ({@code seeds 1..2000}); called for every
     * section before anything runs, so it validates its settings here.
     *
     * @throws SettingsException for a bad setting
     */
    List<String> units(SectionContext ctx);

    /**
     * Runs unit {@code unit} (an index into {@link #units}) and records what it found. Failures of
     * the code under test are facts (FAIL, DIVERGED, ERROR cases); an exception means the unit
     * itself could not run, and the campaign records its section as unable to run.
     */
    void run(SectionContext ctx, int unit, RunResult.Builder out) throws Exception;
}
