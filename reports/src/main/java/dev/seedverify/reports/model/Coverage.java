package dev.seedverify.reports.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functional coverage of a run: every bin with its hit count, and the target.
 *
 * @param model         the coverage model's name (e.g. {@code S1 instruction coverage})
 * @param targetPercent the share of bins that must be hit for sign-off, 0..100
 * @param minHits       bins hit fewer than this many times (but at least once) are listed as rarely hit
 * @param programs      programs that contributed
 * @param records       commit records that contributed
 * @param bins          every bin of the model, hit or not
 */
public record Coverage(String model, double targetPercent, long minHits, long programs, long records, List<CoverageBin> bins) {
    public Coverage {
        Checks.text(model, "coverage model name");
        if (!(targetPercent >= 0 && targetPercent <= 100)) throw new IllegalArgumentException("coverage target must be 0..100, got " + targetPercent);
        Checks.nonNegative(minHits, "minimum hits");
        Checks.nonNegative(programs, "programs");
        Checks.nonNegative(records, "records");
        bins = Checks.list(bins);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (CoverageBin b : bins) if (!names.add(b.name())) throw new IllegalArgumentException("coverage bin '" + b.name() + "' listed twice");
    }

    public int total() { return bins.size(); }

    public int covered() { return (int) bins.stream().filter(b -> b.hits() > 0).count(); }

    /** Share of bins hit, 0..100 (100 for a model without bins). */
    public double percent() { return bins.isEmpty() ? 100 : 100.0 * covered() / total(); }

    /** Whether the target is met; compared in whole bins so 95% of 200 bins needs 190. */
    public boolean met() { return covered() * 100.0 >= targetPercent * total() - 1e-9; }

    public List<String> uncovered() {
        List<String> l = new ArrayList<>();
        for (CoverageBin b : bins) if (b.hits() == 0) l.add(b.name());
        return l;
    }

    /** Bins hit at least once but fewer than {@code minHits} times. */
    public List<CoverageBin> rarelyHit() {
        List<CoverageBin> l = new ArrayList<>();
        for (CoverageBin b : bins) if (b.hits() > 0 && b.hits() < minHits) l.add(b);
        return l;
    }

    /** {covered, total} per group, in the order groups first appear. */
    public Map<String, int[]> groups() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (CoverageBin b : bins) {
            int[] c = m.computeIfAbsent(b.group(), g -> new int[2]);
            c[1]++;
            if (b.hits() > 0) c[0]++;
        }
        return m;
    }

    public long hits(String bin) {
        for (CoverageBin b : bins) if (b.name().equals(bin)) return b.hits();
        throw new IllegalArgumentException("no coverage bin '" + bin + "' in " + model);
    }
}
