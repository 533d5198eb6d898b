package dev.seedverify.reports.signoff;

import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SectionStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed since a previous run (the last sign-off, or a baseline): buckets, coverage, sections.
 *
 * @param previousId       the previous run's id
 * @param newBuckets       signatures found now and not before
 * @param removedBuckets   signatures found before and not now
 * @param coverageBefore   the previous coverage percentage, or null
 * @param coverageAfter    this run's, or null
 * @param newlyUncovered   bins hit before and not now
 * @param newlyCovered     bins hit now and not before
 * @param sectionChanges   sections whose status changed, appeared or disappeared
 */
public record RunDiff(String previousId, List<String> newBuckets, List<String> removedBuckets, Double coverageBefore,
                      Double coverageAfter, List<String> newlyUncovered, List<String> newlyCovered, List<SectionChange> sectionChanges) {
    public RunDiff {
        newBuckets = List.copyOf(newBuckets);
        removedBuckets = List.copyOf(removedBuckets);
        newlyUncovered = List.copyOf(newlyUncovered);
        newlyCovered = List.copyOf(newlyCovered);
        sectionChanges = List.copyOf(sectionChanges);
    }

    /**
     * One section's change; {@code before} or {@code after} is null when it did not run then.
     */
    public record SectionChange(String section, SectionStatus before, SectionStatus after) {}

    /** Compares two runs: buckets and coverage as facts (a waived bucket is still a bucket), sections by status. */
    public static RunDiff between(RunResult previous, RunResult current) {
        Set<String> was = signatures(previous), now = signatures(current);
        List<String> added = now.stream().filter(s -> !was.contains(s)).toList();
        List<String> removed = was.stream().filter(s -> !now.contains(s)).toList();

        Coverage cb = previous.coverage(), ca = current.coverage();
        List<String> lost = new ArrayList<>(), gained = new ArrayList<>();
        Map<String, Long> hitsBefore = new LinkedHashMap<>();
        if (cb != null) cb.bins().forEach(b -> hitsBefore.put(b.name(), b.hits()));
        if (ca != null) {
            Map<String, Long> hitsAfter = new LinkedHashMap<>();
            ca.bins().forEach(b -> hitsAfter.put(b.name(), b.hits()));
            hitsBefore.forEach((bin, h) -> {
                if (h > 0 && hitsAfter.getOrDefault(bin, 0L) == 0) lost.add(bin);
            });
            hitsAfter.forEach((bin, h) -> {
                if (h > 0 && hitsBefore.getOrDefault(bin, 0L) == 0) gained.add(bin);
            });
        } else if (cb != null) {
            hitsBefore.forEach((bin, h) -> {
                if (h > 0) lost.add(bin);
            });
        }

        Map<String, SectionStatus> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
        for (Section s : previous.sections()) before.put(s.key(), s.status());
        for (Section s : current.sections()) after.put(s.key(), s.status());
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        List<SectionChange> changes = new ArrayList<>();
        for (String k : keys) {
            SectionStatus b = before.get(k), a = after.get(k);
            if (b != a) changes.add(new SectionChange(k, b, a));
        }
        return new RunDiff(previous.id(), added, removed, cb == null ? null : cb.percent(), ca == null ? null : ca.percent(), lost, gained, changes);
    }

    private static Set<String> signatures(RunResult r) {
        Set<String> s = new LinkedHashSet<>();
        for (Bucket b : r.buckets()) s.add(Waiver.normalize(b.signature()));
        return s;
    }

    /** Coverage went down: a bin hit before is not hit now, or the percentage fell. */
    public boolean lostCoverage() {
        if (!newlyUncovered.isEmpty()) return true;
        if (coverageBefore == null) return false;
        return coverageAfter == null || coverageAfter < coverageBefore - 1e-9;
    }

    /** What a baseline gate fails on: a new bucket or lost coverage (known, waived issues do not). */
    public boolean regressed() { return !newBuckets.isEmpty() || lostCoverage(); }

    public boolean unchanged() {
        return newBuckets.isEmpty() && removedBuckets.isEmpty() && newlyUncovered.isEmpty() && newlyCovered.isEmpty() && sectionChanges.isEmpty()
                && java.util.Objects.equals(coverageBefore, coverageAfter);
    }
}
