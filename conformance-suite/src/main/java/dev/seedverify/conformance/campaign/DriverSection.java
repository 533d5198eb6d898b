package dev.seedverify.conformance.campaign;

import dev.seedverify.conformance.driver.DriverSuite;
import dev.seedverify.conformance.mutants.DriverBugCampaign;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.reports.campaign.SectionContext;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The host driver in the campaign: generated action scripts through the driver on golden ==
 * target (whole-chip lockstep), checked against the plain model of the API with the bus monitor
 * watching; on the real chip also the injected driver bugs, each of which must be caught.
 */
public final class DriverSection implements CampaignSection {
    public static final int DEFAULT_SCRIPTS = 300, DEFAULT_MAX_ACTIONS = 40;
    static final String BUGS_UNIT = "injected driver bugs";

    @Override
    public String suite() { return DriverSuite.SUITE; }

    @Override
    public String description() { return DriverSuite.description() + "; every injected driver bug caught"; }

    @Override
    public int order() { return 600; }

    @Override
    public Map<String, String> settings() {
        return Map.of("scripts", "generated driver scripts (default " + DEFAULT_SCRIPTS + ")",
                "max-actions", "actions per script at most (default " + DEFAULT_MAX_ACTIONS + ")");
    }

    private static int scripts(SectionContext ctx) { return (int) ctx.settings().integer("scripts", DEFAULT_SCRIPTS, 0, 10_000_000); }

    private static int maxActions(SectionContext ctx) { return (int) ctx.settings().integer("max-actions", DEFAULT_MAX_ACTIONS, 1, 10_000); }

    /** The injected driver bugs are a property of the driver, not of the chip: checked once, not per mutant target. */
    private static boolean checksBugs(SectionContext ctx) { return !ctx.target().startsWith(Target.MUTANT_PREFIX); }

    @Override
    public List<String> units(SectionContext ctx) {
        maxActions(ctx);
        List<String> units = new ArrayList<>(DriverSuite.units(ctx.options().seed(), scripts(ctx)));
        if (checksBugs(ctx)) units.add(BUGS_UNIT);
        return units;
    }

    @Override
    public void run(SectionContext ctx, int unit, RunResult.Builder out) {
        int seedUnits = DriverSuite.units(ctx.options().seed(), scripts(ctx)).size();
        if (unit == seedUnits) {
            DriverBugCampaign.Result r = DriverBugCampaign.run(DriverBugCampaign.Config.defaults(), line -> { });
            for (MutationResult m : DriverSuite.mutations(r)) out.mutation(m);
            return;
        }
        long from = ctx.options().seed() + (long) unit * DriverSuite.UNIT_SCRIPTS;
        int count = (int) Math.min(DriverSuite.UNIT_SCRIPTS, ctx.options().seed() + scripts(ctx) - from);
        out.section(DriverSuite.run(ctx.target(), from, count, maxActions(ctx), null));
    }
}
