package dev.seedverify.conformance.coverage;

import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.CoverageBin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Coverage as percentages per group and overall, with every uncovered bin named; as text and as a run's {@link Coverage}. */
public final class CoverageReport {
    /** The coverage model's name in a run's result. */
    public static final String MODEL_NAME = "S1 instruction coverage";
    private final CoverageModel model;
    private final long[] hits;
    private final long programs, records;

    CoverageReport(CoverageModel model, long[] hits, long programs, long records) {
        this.model = model;
        this.hits = hits;
        this.programs = programs;
        this.records = records;
    }

    public int total() { return hits.length; }

    public int covered() {
        int n = 0;
        for (long h : hits) if (h > 0) n++;
        return n;
    }

    public double percent() { return 100.0 * covered() / total(); }

    public long programs() { return programs; }

    public long records() { return records; }

    public long hits(String bin) {
        int id = model.id(bin);
        if (id < 0) throw new IllegalArgumentException("no bin " + bin);
        return hits[id];
    }

    /** {covered, total} per group, in {@link CoverageModel#GROUPS} order. */
    public Map<String, int[]> groups() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String g : CoverageModel.GROUPS) m.put(g, new int[2]);
        for (CoverageModel.Bin b : model.bins()) {
            int[] c = m.get(b.group());
            c[1]++;
            if (hits[b.id()] > 0) c[0]++;
        }
        return m;
    }

    public List<String> uncovered() {
        List<String> out = new ArrayList<>();
        for (CoverageModel.Bin b : model.bins()) if (hits[b.id()] == 0) out.add(b.name());
        return out;
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("coverage: %d of %d bins (%.1f%%) from %d programs, %d commit records%n", covered(), total(), percent(), programs, records));
        for (Map.Entry<String, int[]> e : groups().entrySet()) {
            int[] c = e.getValue();
            s.append(String.format("  %-13s %4d / %-4d %6.1f%%%n", e.getKey(), c[0], c[1], c[1] == 0 ? 100.0 : 100.0 * c[0] / c[1]));
        }
        List<String> u = uncovered();
        s.append(u.isEmpty() ? "  every bin covered\n" : "  uncovered (" + u.size() + "): " + String.join(", ", u) + "\n");
        return s.toString();
    }

    /**
     * The coverage as a run records it: every bin with its group and hits, and the target.
     *
     * @param targetPercent the share of bins sign-off needs
     * @param minHits       bins hit fewer times are listed as rarely hit
     */
    public Coverage toModel(double targetPercent, long minHits) {
        List<CoverageBin> bins = new ArrayList<>();
        for (CoverageModel.Bin b : model.bins()) bins.add(new CoverageBin(b.name(), b.group(), hits[b.id()]));
        return new Coverage(MODEL_NAME, targetPercent, minHits, programs, records, bins);
    }
}
