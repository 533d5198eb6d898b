package dev.seedverify.conformance.coverage;

import dev.seedverify.reports.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Coverage as percentages per group and overall, with every uncovered bin named; text and JSON. */
public final class CoverageReport {
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

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("programs", programs);
        m.put("records", records);
        m.put("bins", total());
        m.put("covered", covered());
        m.put("percent", Math.round(percent() * 10) / 10.0);
        Map<String, Object> groups = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : groups().entrySet()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("covered", e.getValue()[0]);
            g.put("bins", e.getValue()[1]);
            groups.put(e.getKey(), g);
        }
        m.put("groups", groups);
        m.put("uncovered", new ArrayList<Object>(uncovered()));
        Map<String, Object> all = new LinkedHashMap<>();
        for (CoverageModel.Bin b : model.bins()) all.put(b.name(), hits[b.id()]);
        m.put("hits", all);
        return m;
    }

    public String json() { return Json.write(toMap()); }
}
