package dev.seedverify.conformance.campaign;

import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.conformance.ProgramOutcome;
import dev.seedverify.conformance.bucket.BucketTable;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.reports.model.CaseResult;

/** Program outcomes (directed programs, kernels) as cases of a run, their divergences counted in buckets. */
final class ProgramCases {
    private ProgramCases() {}

    /**
     * The case of {@code o}, which {@code lockstep} just ran (null when it ran on the golden model
     * alone); a divergence carries its full report and bucket, and is counted in {@code buckets}.
     */
    static CaseResult of(ProgramOutcome o, long millis, LockstepTarget lockstep, BucketTable buckets) {
        CaseResult c = switch (o.status()) {
            case PASS -> CaseResult.passed(o.program(), millis);
            case FAIL -> CaseResult.failed(o.program(), millis, o.verdict() + (o.detail().isEmpty() ? "" : ": " + o.detail()));
            case TIMEOUT -> CaseResult.failed(o.program(), millis, "TIMEOUT: " + o.detail());
            case ERROR -> CaseResult.error(o.program(), millis, o.detail());
            case DIVERGED -> diverged(o, millis, lockstep, buckets);
        };
        return c.withLabel(CaseResult.PROGRAM, o.program());
    }

    private static CaseResult diverged(ProgramOutcome o, long millis, LockstepTarget lockstep, BucketTable buckets) {
        LockstepRunner.Outcome last = lockstep == null ? null : lockstep.lastOutcome();
        DivergenceReport report = lockstep == null ? null : lockstep.lastReport();
        if (last == null || report == null) return CaseResult.error(o.program(), millis, "diverged, but no divergence was recorded: " + o.detail());
        buckets.add(last.signature(), null);
        return CaseResult.diverged(o.program(), millis, report.toModel().withBucket(last.signature().toString()))
                .withLabel(CaseResult.INSTRUCTION, last.signature().unit());
    }
}
