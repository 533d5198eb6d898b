package dev.seedverify.reports.model;

/** How many cases of a section (or a run) ended each way; {@code total} includes the unlisted passes. */
public record Counts(long total, long passed, long failed, long diverged, long errors, long skipped, long waived) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(total + o.total, passed + o.passed, failed + o.failed, diverged + o.diverged, errors + o.errors,
                skipped + o.skipped, waived + o.waived);
    }

    /** Cases that count against the verdict. */
    public long notPassed() { return failed + diverged + errors; }

    /** {@code 58/60 passed, 2 diverged}: for tables. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(n(passed + waived)).append('/').append(n(total)).append(" passed");
        if (waived > 0) s.append(", ").append(n(waived)).append(" waived");
        if (diverged > 0) s.append(", ").append(n(diverged)).append(" diverged");
        if (failed > 0) s.append(", ").append(n(failed)).append(" failed");
        if (errors > 0) s.append(", ").append(n(errors)).append(errors == 1 ? " error" : " errors");
        if (skipped > 0) s.append(", ").append(n(skipped)).append(" skipped");
        return s.toString();
    }

    private static String n(long v) { return String.format(java.util.Locale.ROOT, "%,d", v); }
}
