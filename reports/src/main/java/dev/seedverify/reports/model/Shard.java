package dev.seedverify.reports.model;

/** Shard {@code index} of {@code count} (1-based), written {@code index/count}. */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count) throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, got " + index + "/" + count);
    }

    public static Shard parse(String text) {
        String[] p = text.strip().split("/");
        try {
            if (p.length == 2) return new Shard(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("shard must be i/n (e.g. 2/4), got '" + text + "'");
    }

    @Override
    public String toString() { return index + "/" + count; }
}
