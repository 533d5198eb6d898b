package dev.seedverify.reports.render;

import dev.seedverify.reports.SampleRuns;
import dev.seedverify.reports.signoff.SignOff;
import dev.seedverify.reports.signoff.Waiver;

import java.time.LocalDate;
import java.util.List;

/** Judged sample runs for the writers' tests. */
final class Samples {
    static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    private Samples() {}

    static Waiver waiver() {
        return new Waiver("W-7", SampleRuns.MULH_BUCKET, null, "RTL issue 41: MULH high word sign; fix in RTL 1.3", "alice@example.com",
                LocalDate.parse("2027-01-31"), "waivers.yaml:2");
    }

    static Waiver unused() {
        return new Waiver("W-8", null, "tquant | * | *", "rounding under review", "bob", LocalDate.parse("2027-03-01"), "waivers.yaml:8");
    }

    /** FAILED: an unwaived bucket, a surviving mutant, skipped kernels; the MULH divergence waived. */
    static SignOff failing() {
        return SignOff.evaluate(SampleRuns.failing(), List.of(waiver(), unused()), TODAY).comparedWith(SampleRuns.signedOff());
    }

    static SignOff signedOff() {
        return SignOff.evaluate(SampleRuns.signedOff(), List.of(), TODAY);
    }
}
