package dev.seedverify.reports.model;

/** One coverage bin: its name (unique in its model), its group, and how often it was hit. */
public record CoverageBin(String name, String group, long hits) {
    public CoverageBin {
        Checks.text(name, "bin name");
        if (group == null || group.isBlank()) group = "bins";
        Checks.nonNegative(hits, "hits of bin " + name);
    }
}
