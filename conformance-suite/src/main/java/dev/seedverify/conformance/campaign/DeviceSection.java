package dev.seedverify.conformance.campaign;

import dev.seedverify.conformance.device.DeviceSuite;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.reports.campaign.SectionContext;
import dev.seedverify.reports.model.RunResult;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The device of spec §4 in the campaign: random host-action scenarios (descriptor streams, valid
 * and invalid, on wrapping rings) golden == target in whole-chip lockstep, each divergence shrunk
 * and kept as a host-action script; then the isolation property on the target.
 */
public final class DeviceSection implements CampaignSection {
    public static final int DEFAULT_CHUNK = 100;

    @Override
    public String suite() { return DeviceSuite.SUITE; }

    @Override
    public String description() {
        return "the device: random host-action scenarios golden == target in whole-chip lockstep, shrunk to scripts; the isolation property";
    }

    @Override
    public int order() { return 500; }

    @Override
    public Map<String, String> settings() {
        return Map.of("cases", "random device scenarios (default " + DeviceSuite.DEFAULT_CASES + ")",
                "chunk", "scenarios per unit (default " + DEFAULT_CHUNK + ")",
                "isolation", "launches of the isolation property (default " + DeviceSuite.DEFAULT_ISOLATION_LAUNCHES + ")");
    }

    private record Plan(int cases, int chunk, long isolation) {}

    private static Plan plan(SectionContext ctx) {
        return new Plan((int) ctx.settings().integer("cases", DeviceSuite.DEFAULT_CASES, 0, 10_000_000),
                (int) ctx.settings().integer("chunk", DEFAULT_CHUNK, 1, 10_000_000),
                ctx.settings().integer("isolation", DeviceSuite.DEFAULT_ISOLATION_LAUNCHES, 0, 100_000_000));
    }

    @Override
    public List<String> units(SectionContext ctx) {
        Plan p = plan(ctx);
        return DeviceSuite.units(ctx.options().seed(), p.cases(), p.chunk());
    }

    @Override
    public void run(SectionContext ctx, int unit, RunResult.Builder out) throws IOException {
        Plan p = plan(ctx);
        DeviceSuite.Result r = DeviceSuite.forRtl(p.isolation()).runUnit(ctx.target(), ctx.options().seed(), p.cases(), p.chunk(), unit);
        for (DeviceSuite.KeptFile f : r.reproducers()) ctx.keepFile(f.path(), f.text());
        r.recordInto(out);
    }
}
