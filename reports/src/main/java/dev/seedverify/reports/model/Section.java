package dev.seedverify.reports.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One suite run on one target, e.g. "conformance list" on {@code rtl}.
 *
 * @param suite          the suite's name ({@code conformance list}, {@code property campaign}, {@code kernels}, ...)
 * @param target         what it ran on
 * @param complete       false when it stopped before its end (an interrupted run)
 * @param startedAt      when it started, or null
 * @param durationMillis its wall time
 * @param cases          its cases; a large section may list only the cases worth reading (every case that did not
 *                       pass) and count the rest in {@code unlistedPassed}
 * @param unlistedPassed cases that passed and are not listed one by one (e.g. 19,990 random programs)
 * @param error          why the section itself could not run, or null
 * @param detail         one line for people (seed range, number of buckets), or null
 */
public record Section(String suite, Target target, boolean complete, Instant startedAt, long durationMillis,
                      List<CaseResult> cases, long unlistedPassed, String error, String detail) {
    public Section {
        Checks.text(suite, "suite name");
        if (target == null) throw new IllegalArgumentException("section " + suite + " needs a target");
        Checks.nonNegative(durationMillis, "duration of section " + suite);
        Checks.nonNegative(unlistedPassed, "unlisted passes of section " + suite);
        cases = Checks.list(cases);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (CaseResult c : cases) {
            if (!ids.add(c.id())) throw new IllegalArgumentException("section " + suite + " on " + target.name() + " lists case '" + c.id() + "' twice");
        }
    }

    /** A finished section of listed cases. */
    public static Section of(String suite, Target target, List<CaseResult> cases) {
        long ms = cases.stream().mapToLong(CaseResult::durationMillis).sum();
        return new Section(suite, target, true, null, ms, cases, 0, null, null);
    }

    /** A section that could not run at all. */
    public static Section failedToRun(String suite, Target target, String error) {
        return new Section(suite, target, true, null, 0, List.of(), 0, Checks.text(error, "error"), null);
    }

    /** Identifies a section within a run: {@code <suite> on <target name>}. */
    public String key() { return key(suite, target.name()); }

    public static String key(String suite, String targetName) { return suite + " on " + targetName; }

    public Counts counts() {
        long passed = unlistedPassed, failed = 0, diverged = 0, errors = 0, skipped = 0, waived = 0;
        for (CaseResult c : cases) {
            switch (c.status()) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case DIVERGED -> diverged++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                case WAIVED -> waived++;
            }
        }
        return new Counts(cases.size() + unlistedPassed, passed, failed, diverged, errors, skipped, waived);
    }

    public SectionStatus status() {
        if (error != null) return SectionStatus.ERROR;
        Counts c = counts();
        if (c.notPassed() > 0) return SectionStatus.FAILED;
        if (!complete || c.skipped() > 0) return SectionStatus.INCOMPLETE;
        if (c.total() == 0) return SectionStatus.EMPTY;
        return c.waived() > 0 ? SectionStatus.PASSED_WITH_WAIVERS : SectionStatus.PASSED;
    }

    public Section withCases(List<CaseResult> newCases) {
        return new Section(suite, target, complete, startedAt, durationMillis, newCases, unlistedPassed, error, detail);
    }

    public Section withCase(CaseResult c) {
        List<CaseResult> l = new ArrayList<>(cases);
        l.add(c);
        return withCases(l);
    }

    public Section withDetail(String text) {
        return new Section(suite, target, complete, startedAt, durationMillis, cases, unlistedPassed, error, text);
    }

    public Section withUnlistedPassed(long n) {
        return new Section(suite, target, complete, startedAt, durationMillis, cases, n, error, detail);
    }

    public Section withTiming(Instant start, long millis) {
        return new Section(suite, target, complete, start, millis, cases, unlistedPassed, error, detail);
    }

    /** This section as it stood when the run was interrupted. */
    public Section unfinished() {
        return new Section(suite, target, false, startedAt, durationMillis, cases, unlistedPassed, error, detail);
    }
}
