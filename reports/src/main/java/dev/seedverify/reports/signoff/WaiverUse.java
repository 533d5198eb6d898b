package dev.seedverify.reports.signoff;

import java.util.List;

/**
 * What a waiver did in a run.
 *
 * @param waiver  the waiver
 * @param state   applied, unused, or expired (an expired waiver applies to nothing and fails the run)
 * @param buckets the bucket signatures it covers (for an expired waiver: would have covered)
 * @param cases   the cases it let pass ({@code <section key> / <case id>}); for an expired waiver: would have
 */
public record WaiverUse(Waiver waiver, State state, List<String> buckets, List<String> cases) {
    public enum State { APPLIED, UNUSED, EXPIRED }

    public WaiverUse {
        buckets = List.copyOf(buckets);
        cases = List.copyOf(cases);
    }
}
