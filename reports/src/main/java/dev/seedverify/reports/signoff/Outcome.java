package dev.seedverify.reports.signoff;

/** The verdict's word. Precedence when several apply: FAILED, then INTERRUPTED, then INCOMPLETE. */
public enum Outcome {
    /** Every required suite ran on a real DUT and passed, coverage met its target, nothing skipped, nothing failed. */
    SIGNED_OFF("SIGNED OFF"),
    /** Something failed: a case, an unwaived bucket, an expired waiver, a surviving mutant, the isolation property. */
    FAILED("FAILED"),
    /** Nothing failed, but the run does not show enough: a required suite missing or golden-only, a skip, coverage short. */
    INCOMPLETE("INCOMPLETE"),
    /** The run stopped before its end; what finished is in the report. */
    INTERRUPTED("INTERRUPTED");

    private final String label;

    Outcome(String label) { this.label = label; }

    public String label() { return label; }
}
