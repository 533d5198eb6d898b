package dev.seedverify.conformance.campaign;

import dev.seedverify.conformance.ConformanceList;
import dev.seedverify.conformance.ConformanceProgram;
import dev.seedverify.conformance.ConformanceRunner;
import dev.seedverify.conformance.GoldenTarget;
import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.conformance.ProgramTarget;
import dev.seedverify.conformance.bucket.BucketTable;
import dev.seedverify.cosim.Backends;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.reports.campaign.CampaignSection;
import dev.seedverify.reports.campaign.Progress;
import dev.seedverify.reports.campaign.SectionContext;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Target;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sign-off list of directed programs ({@link ConformanceList}), on the golden model alone (the
 * programs check themselves) and golden model == each target in lockstep, end-of-program state included.
 */
public final class ConformanceListSection implements CampaignSection {
    public static final String SUITE = "conformance list";

    @Override
    public String suite() { return SUITE; }

    @Override
    public String description() { return "the sign-off list of directed programs, on the golden model alone and in lockstep"; }

    @Override
    public int order() { return 100; }

    /** The golden model alone first, then each target. */
    @Override
    public List<String> targets(List<String> campaignTargets) {
        List<String> l = new ArrayList<>();
        l.add(Backends.GOLDEN);
        for (String t : campaignTargets) if (!l.contains(t)) l.add(t);
        return l;
    }

    @Override
    public List<String> units(SectionContext ctx) {
        return List.of(ConformanceList.load().programs().size() + " programs");
    }

    @Override
    public void run(SectionContext ctx, int unit, RunResult.Builder out) {
        List<ConformanceProgram> programs = ConformanceList.load().programs();
        Progress progress = ctx.progress("programs", programs.size());
        BucketTable buckets = new BucketTable();
        List<CaseResult> cases = new ArrayList<>();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        boolean golden = ctx.target().equals(Backends.GOLDEN);
        LockstepTarget lockstep = golden ? null
                : new LockstepTarget(ctx.target(), () -> Backends.open(ctx.target(), Memory.DEFAULT_BYTES), ctx.options().directedBudget());
        try {
            ProgramTarget target = golden ? new GoldenTarget(Memory.DEFAULT_BYTES, ctx.options().directedBudget()) : lockstep;
            ConformanceRunner runner = new ConformanceRunner(target);
            for (ConformanceProgram p : programs) {
                long c0 = System.nanoTime();
                cases.add(ProgramCases.of(runner.run(p), (System.nanoTime() - c0) / 1_000_000, lockstep, buckets));
                progress.advance(1);
            }
        } finally {
            if (lockstep != null) lockstep.close();
        }
        Target on = golden ? Target.golden() : Target.of(ctx.target());
        out.section(Section.of(SUITE, on, cases).withTiming(start, (System.nanoTime() - t0) / 1_000_000));
        buckets.toModel().forEach(out::bucket);
    }
}
