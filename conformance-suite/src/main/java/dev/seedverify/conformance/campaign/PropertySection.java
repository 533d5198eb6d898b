package dev.seedverify.conformance.campaign;

import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.prop.PropertyCampaign;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.reports.campaign.SectionContext;
import dev.seedverify.reports.campaign.SettingsException;
import dev.seedverify.reports.model.RunResult;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random programs golden == target in lockstep ({@link PropertyCampaign}) with coverage, buckets,
 * shrunk reproducers and the waveform of each shrunk failure. Units are chunks of consecutive seeds,
 * each a campaign of its own (its buckets shrunk within it), so a resumed or sharded campaign gets
 * exactly the chunks, buckets and coverage of a plain one.
 */
public final class PropertySection implements CampaignSection {
    public static final String SUITE = "property campaign";
    public static final int DEFAULT_PROGRAMS = 20_000;
    public static final int DEFAULT_CHUNK = 2_000;

    @Override
    public String suite() { return SUITE; }

    @Override
    public String description() { return "random programs golden == target in lockstep, with coverage, buckets and shrunk reproducers"; }

    @Override
    public int order() { return 400; }

    @Override
    public Map<String, String> settings() {
        return Map.of("programs", "random programs (default " + DEFAULT_PROGRAMS + ")",
                "chunk", "programs per unit: a checkpoint, resume and shard unit (default " + DEFAULT_CHUNK + ")",
                "shrink-per-bucket", "programs of each bucket (lowest seeds first) shrunk per chunk (default 2)");
    }

    private record Plan(int programs, int chunk, int shrinkPerBucket, Weights weights) {}

    private static Plan plan(SectionContext ctx) {
        int programs = (int) ctx.settings().integer("programs", DEFAULT_PROGRAMS, 0, 100_000_000);
        int chunk = (int) ctx.settings().integer("chunk", DEFAULT_CHUNK, 1, 100_000_000);
        int shrink = (int) ctx.settings().integer("shrink-per-bucket", 2, 0, 1000);
        Weights w;
        try {
            w = Weights.parse(ctx.options().weights());
        } catch (IllegalArgumentException e) {
            throw new SettingsException("weights", e.getMessage());
        }
        return new Plan(programs, chunk, shrink, w);
    }

    @Override
    public List<String> units(SectionContext ctx) {
        Plan p = plan(ctx);
        List<String> units = new ArrayList<>();
        long first = ctx.options().seed();
        for (int done = 0; done < p.programs(); done += p.chunk()) {
            int n = Math.min(p.chunk(), p.programs() - done);
            units.add("seeds " + (first + done) + ".." + (first + done + n - 1));
        }
        return units;
    }

    @Override
    public void run(SectionContext ctx, int unit, RunResult.Builder out) throws IOException {
        Plan p = plan(ctx);
        int n = Math.min(p.chunk(), p.programs() - unit * p.chunk());
        PropertyCampaign.Config c = PropertyCampaign.Config.defaults().withSeeds(ctx.options().seed() + (long) unit * p.chunk(), n)
                .withTarget(ctx.target()).withThreads(ctx.options().threads()).withWeights(p.weights()).withBudget(ctx.options().randomBudget())
                .withShrinkPerBucket(p.shrinkPerBucket()).withWaveforms(ctx.runDir().resolve("waves"));
        Instant start = Instant.now();
        PropertyCampaign.Result r = PropertyCampaign.run(c, ctx.progress("programs", n)::advance);
        if (r.dutDescription() == null && n > 0) throw new IllegalStateException("no worker opened " + ctx.target());
        for (PropertyCampaign.Shrunk s : r.shrunk()) ctx.keepFile(PropertyCampaign.reproducerPath(s.reproducer()), s.reproducer().source());
        out.section(r.section(SUITE, start, ctx.runDir()));
        r.buckets().toModel().forEach(out::bucket);
        if (r.coverage() != null) out.coverage(r.coverage().toModel(ctx.options().coverageTarget(), ctx.options().coverageMinHits()));
    }
}
