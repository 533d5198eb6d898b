package dev.seedverify.reports.signoff;

import java.util.List;

/**
 * The verdict and why.
 *
 * @param outcome what it is
 * @param reasons why, most serious first (for SIGNED OFF: what was shown); never empty
 * @param notes   things worth knowing that do not change the verdict (unused waivers, applied waivers)
 */
public record Verdict(Outcome outcome, List<String> reasons, List<String> notes) {
    public Verdict {
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
        if (reasons.isEmpty()) throw new IllegalArgumentException("a verdict needs a reason");
    }

    public boolean signedOff() { return outcome == Outcome.SIGNED_OFF; }

    /** The first line of every report: {@code FAILED: <the first reason> (and 2 more)}. */
    public String headline() {
        String more = reasons.size() > 1 ? " (and " + (reasons.size() - 1) + " more)" : "";
        return outcome.label() + ": " + reasons.get(0) + more;
    }
}
