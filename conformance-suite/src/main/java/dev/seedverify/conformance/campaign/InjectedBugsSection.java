package dev.seedverify.conformance.campaign;

import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.mutants.MutantCampaign;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.reports.campaign.SectionContext;
import dev.seedverify.reports.campaign.SettingsException;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Target;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The engine's self-test on injected RTL bugs ({@link MutantCampaign}): each mutant built (cached),
 * detected by generated programs, shrunk; a surviving mutant fails the campaign. Not run unless the
 * configuration lists it (each mutant's first build takes 10-30 s); one unit per mutant, on the
 * mutants only (never a real DUT), so it is not a suite sign-off can require: its mutation
 * results are judged instead (a surviving mutant fails the run).
 */
public final class InjectedBugsSection implements CampaignSection {
    public static final String SUITE = "injected bugs";

    @Override
    public String suite() { return SUITE; }

    @Override
    public String description() { return "the engine's self-test: every injected RTL bug must be detected and shrunk (off unless configured)"; }

    @Override
    public int order() { return 900; }

    @Override
    public boolean runByDefault() { return false; }

    @Override
    public Map<String, String> settings() {
        return Map.of("mutants", "mutant names (default: every mutant of the catalogue)",
                "programs", "programs tried per mutant before it survives (default 20000)",
                "seconds", "time per mutant before it survives (default 120)");
    }

    @Override
    public List<String> targets(List<String> campaignTargets) { return List.of(Target.MUTANT_PREFIX + "*"); }

    private static List<RtlMutation> mutants(SectionContext ctx) {
        List<String> names = ctx.settings().texts("mutants", List.of());
        if (names.isEmpty()) return RtlMutants.all();
        try {
            return names.stream().map(RtlMutants::byName).toList();
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new SettingsException("mutants", e.getMessage());
        }
    }

    @Override
    public List<String> units(SectionContext ctx) {
        ctx.settings().integer("programs", 20_000, 1, 100_000_000);
        ctx.settings().integer("seconds", 120, 1, 86_400);
        return mutants(ctx).stream().map(RtlMutation::name).toList();
    }

    @Override
    public void run(SectionContext ctx, int unit, RunResult.Builder out) throws IOException {
        RtlMutation m = mutants(ctx).get(unit);
        MutantCampaign.Config c = MutantCampaign.Config.defaults().withMutants(List.of(m)).withWarmup(0)
                .withSeeds(ctx.options().seed(), (int) ctx.settings().integer("programs", 20_000, 1, 100_000_000))
                .withMaxTime(Duration.ofSeconds(ctx.settings().integer("seconds", 120, 1, 86_400)))
                .withWeights(Weights.parse(ctx.options().weights())).withWaveforms(ctx.runDir().resolve("waves").resolve("mutants"));
        Instant start = Instant.now();
        MutantCampaign.Result r = MutantCampaign.run(c, null);
        for (MutantCampaign.MutantResult x : r.mutants()) {
            if (x.reproducer() != null) ctx.keepFile(MutantCampaign.reproducerPath(x), x.reproducer().source());
        }
        out.section(r.section(SUITE, start, ctx.runDir()));
        for (MutationResult x : r.mutations()) out.mutation(x);
    }
}
