package dev.seedverify.reports.model;

/**
 * What happened to one case. {@link #DIVERGED}: golden model and DUT disagreed (a {@link Divergence}
 * says where); {@link #FAIL}: both agreed but the program's own check failed (tohost, a kernel's
 * reference); {@link #ERROR}: the case could not run (bad input, a crash of the harness);
 * {@link #WAIVED}: it diverged in a bucket a valid waiver covers, so it passes, visibly.
 */
public enum CaseStatus {
    PASS, FAIL, DIVERGED, ERROR, SKIPPED, WAIVED;

    /** Counts against the verdict. */
    public boolean failed() { return this == FAIL || this == DIVERGED || this == ERROR; }

    /** Counts as passed (a waived divergence passes, visibly). */
    public boolean passed() { return this == PASS || this == WAIVED; }
}
