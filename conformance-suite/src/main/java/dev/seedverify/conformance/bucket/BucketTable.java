package dev.seedverify.conformance.bucket;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.reports.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Divergences grouped by {@link BucketSignature}: a campaign with a thousand failures of one bug
 * shows one bucket with its count, the seeds, and its smallest reproducer.
 */
public final class BucketTable {

    /** A shrunk example of a bucket. */
    public record Example(long seed, int originalOps, int shrunkOps, int shrunkInstructions, String reproducer) {}

    /** One bucket. */
    public static final class Bucket {
        private final BucketSignature signature;
        private int count;
        private final List<Long> seeds = new ArrayList<>();
        private final List<Example> examples = new ArrayList<>();

        Bucket(BucketSignature signature) { this.signature = signature; }

        public BucketSignature signature() { return signature; }

        public int count() { return count; }

        /** The seeds that diverged this way, in order (at most the first 100). */
        public List<Long> seeds() { return List.copyOf(seeds); }

        public List<Example> examples() { return List.copyOf(examples); }

        /** The example with the fewest body instructions (then the lowest seed), or null. */
        public Example smallest() {
            return examples.stream().min(Comparator.comparingInt(Example::shrunkInstructions).thenComparingInt(Example::shrunkOps)
                    .thenComparingLong(Example::seed)).orElse(null);
        }
    }

    private final Map<BucketSignature, Bucket> buckets = new LinkedHashMap<>();

    /** Counts one divergence of program {@code seed}. */
    public synchronized void add(BucketSignature s, long seed) {
        Bucket b = buckets.computeIfAbsent(s, Bucket::new);
        b.count++;
        if (b.seeds.size() < 100) b.seeds.add(seed);
    }

    /** Adds a shrunk example (with its reproducer file) to bucket {@code s}. */
    public synchronized void addExample(BucketSignature s, Example e) {
        buckets.computeIfAbsent(s, Bucket::new).examples.add(e);
    }

    /** Buckets, largest count first (then by signature). */
    public synchronized List<Bucket> buckets() {
        List<Bucket> l = new ArrayList<>(buckets.values());
        l.sort(Comparator.comparingInt(Bucket::count).reversed().thenComparing(b -> b.signature().toString()));
        return l;
    }

    public synchronized int total() { return buckets.values().stream().mapToInt(Bucket::count).sum(); }

    public synchronized boolean isEmpty() { return buckets.isEmpty(); }

    public String text() {
        List<Bucket> bs = buckets();
        StringBuilder s = new StringBuilder();
        s.append(String.format("%d divergences in %d bucket%s%n", total(), bs.size(), bs.size() == 1 ? "" : "s"));
        if (bs.isEmpty()) return s.toString();
        int w = "bucket (mnemonic | field | trap)".length();
        for (Bucket b : bs) w = Math.max(w, b.signature().toString().length());
        s.append(String.format("%-" + w + "s  %6s  %-12s  %s%n", "bucket (mnemonic | field | trap)", "count", "smallest", "reproducer"));
        for (Bucket b : bs) {
            Example e = b.smallest();
            String size = e == null ? "-" : e.shrunkInstructions() + " insns";
            s.append(String.format("%-" + w + "s  %6d  %-12s  %s%n", b.signature(), b.count(), size,
                    e == null ? "(not shrunk; first seed " + b.seeds().get(0) + ")" : e.reproducer() + " (seed " + e.seed() + ")"));
        }
        return s.toString();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("divergences", total());
        List<Object> list = new ArrayList<>();
        for (Bucket b : buckets()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("signature", b.signature().toString());
            bm.put("unit", b.signature().unit());
            bm.put("field", b.signature().field());
            bm.put("trap", b.signature().trap());
            bm.put("count", b.count());
            bm.put("seeds", new ArrayList<>(b.seeds()));
            Example e = b.smallest();
            if (e != null) {
                Map<String, Object> em = new TreeMap<>();
                em.put("seed", e.seed());
                em.put("originalOps", e.originalOps());
                em.put("shrunkOps", e.shrunkOps());
                em.put("shrunkInstructions", e.shrunkInstructions());
                em.put("reproducer", e.reproducer());
                bm.put("smallest", em);
            } else {
                bm.put("smallest", null);
            }
            list.add(bm);
        }
        m.put("buckets", list);
        return m;
    }

    public String json() { return Json.write(toMap()); }
}
