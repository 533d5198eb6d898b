package dev.seedverify.conformance.campaign;

import dev.seedverify.conformance.KernelSuite;
import dev.seedverify.conformance.LockstepTarget;
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
 * The kernels in lockstep ({@link KernelSuite}): GCC-built C programs at -O0 and -O2 (built in the
 * section's work folder) and the INT8 and MXFP8 GEMMs, whose result must equal the exact reference.
 */
public final class KernelsSection implements CampaignSection {
    public static final String SUITE = "kernels";

    @Override
    public String suite() { return SUITE; }

    @Override
    public String description() { return "GCC-built C programs (-O0, -O2) and the INT8 and MXFP8 GEMMs, in lockstep, results against the exact reference"; }

    @Override
    public int order() { return 200; }

    @Override
    public List<String> units(SectionContext ctx) {
        return List.of(KernelSuite.kernels().size() + " kernels");
    }

    @Override
    public void run(SectionContext ctx, int unit, RunResult.Builder out) {
        List<KernelSuite.Kernel> kernels = KernelSuite.kernels();
        Progress progress = ctx.progress("kernels", kernels.size());
        BucketTable buckets = new BucketTable();
        List<CaseResult> cases = new ArrayList<>();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try (LockstepTarget lockstep = new LockstepTarget(ctx.target(), () -> Backends.open(ctx.target(), Memory.DEFAULT_BYTES),
                ctx.options().directedBudget())) {
            for (KernelSuite.Kernel k : kernels) {
                long c0 = System.nanoTime();
                CaseResult c = ProgramCases.of(KernelSuite.run(k, lockstep, ctx.workDir()), (System.nanoTime() - c0) / 1_000_000, lockstep, buckets);
                cases.add(c.withLabel(CaseResult.KERNEL, k.name()));
                progress.advance(1);
            }
        }
        out.section(Section.of(SUITE, Target.of(ctx.target()), cases).withTiming(start, (System.nanoTime() - t0) / 1_000_000));
        buckets.toModel().forEach(out::bucket);
    }
}
