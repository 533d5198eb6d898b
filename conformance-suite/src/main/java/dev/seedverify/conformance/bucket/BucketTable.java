package dev.seedverify.conformance.bucket;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.SmallestReproducer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Divergences grouped by {@link BucketSignature}: a campaign with a thousand failures of one bug
 * shows one bucket with its count, the seeds, and its smallest reproducer. {@link #toModel} gives
 * the buckets of a run's result.
 */
public final class BucketTable {

    /**
     * A shrunk example of a bucket.
     *
     * @param reproducer where its reproducer file is kept (relative to the run's folder)
     * @param text       the reproducer itself, or null when not kept
     */
    public record Example(long seed, int originalOps, int shrunkOps, int shrunkInstructions, String reproducer, String text) {}

    /** One bucket. */
    public static final class Entry {
        private final BucketSignature signature;
        private int count;
        private final List<Long> seeds = new ArrayList<>();
        private final List<Example> examples = new ArrayList<>();

        Entry(BucketSignature signature) { this.signature = signature; }

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

    private final Map<BucketSignature, Entry> buckets = new LinkedHashMap<>();

    /** Counts one divergence of program {@code seed} (null for a directed program). */
    public synchronized void add(BucketSignature s, Long seed) {
        Entry b = buckets.computeIfAbsent(s, Entry::new);
        b.count++;
        if (seed != null && b.seeds.size() < Bucket.MAX_SEEDS) b.seeds.add(seed);
    }

    /** Adds a shrunk example (with its reproducer file) to bucket {@code s}. */
    public synchronized void addExample(BucketSignature s, Example e) {
        buckets.computeIfAbsent(s, Entry::new).examples.add(e);
    }

    /** Buckets, largest count first (then by signature). */
    public synchronized List<Entry> buckets() {
        List<Entry> l = new ArrayList<>(buckets.values());
        l.sort(Comparator.comparingInt(Entry::count).reversed().thenComparing(b -> b.signature().toString()));
        return l;
    }

    public synchronized int total() { return buckets.values().stream().mapToInt(Entry::count).sum(); }

    public synchronized boolean isEmpty() { return buckets.isEmpty(); }

    public String text() {
        List<Entry> bs = buckets();
        StringBuilder s = new StringBuilder();
        s.append(String.format("%d divergences in %d bucket%s%n", total(), bs.size(), bs.size() == 1 ? "" : "s"));
        if (bs.isEmpty()) return s.toString();
        int w = "bucket (mnemonic | field | trap)".length();
        for (Entry b : bs) w = Math.max(w, b.signature().toString().length());
        s.append(String.format("%-" + w + "s  %6s  %-12s  %s%n", "bucket (mnemonic | field | trap)", "count", "smallest", "reproducer"));
        for (Entry b : bs) {
            Example e = b.smallest();
            String size = e == null ? "-" : e.shrunkInstructions() + " insns";
            s.append(String.format("%-" + w + "s  %6d  %-12s  %s%n", b.signature(), b.count(), size,
                    e != null ? e.reproducer() + " (seed " + e.seed() + ")"
                            : b.seeds().isEmpty() ? "(not shrunk)" : "(not shrunk; first seed " + b.seeds().get(0) + ")"));
        }
        return s.toString();
    }

    /**
     * The buckets as a run records them: signature, count, seeds (ascending), and the smallest
     * example with its reproducer text (an example without text is not a reproducer to show).
     */
    public synchronized List<Bucket> toModel() {
        List<Bucket> out = new ArrayList<>();
        for (Entry b : buckets()) {
            Example e = b.examples.stream().filter(x -> x.text() != null)
                    .min(Comparator.comparingInt(Example::shrunkInstructions).thenComparingInt(Example::shrunkOps).thenComparingLong(Example::seed))
                    .orElse(null);
            SmallestReproducer smallest = e == null ? null
                    : new SmallestReproducer("seed " + e.seed(), e.seed(), e.shrunkInstructions(), e.reproducer(), e.text());
            out.add(Bucket.of(b.signature().toString(), b.count(), b.seeds.stream().sorted().toList(), smallest));
        }
        return out;
    }

}
