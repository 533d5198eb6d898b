package dev.seedverify.reports.model;

/**
 * The smallest shrunk example of a bucket.
 *
 * @param caseId       the case it came from (e.g. {@code seed 1234})
 * @param seed         the generator seed, or null for a directed program
 * @param instructions body instructions after shrinking
 * @param path         where the reproducer file is kept, or null
 * @param text         the reproducer itself (shown inline in the reports)
 */
public record SmallestReproducer(String caseId, Long seed, int instructions, String path, String text) {
    public SmallestReproducer {
        Checks.text(caseId, "reproducer case");
        if (instructions < 0) throw new IllegalArgumentException("instructions must be >= 0");
        Checks.text(text, "reproducer text");
    }

    /** Smaller first: fewer instructions, then the lower seed, then the case id (deterministic across shards). */
    public static int compare(SmallestReproducer a, SmallestReproducer b) {
        int c = Integer.compare(a.instructions, b.instructions);
        if (c != 0) return c;
        long sa = a.seed == null ? Long.MAX_VALUE : a.seed, sb = b.seed == null ? Long.MAX_VALUE : b.seed;
        c = Long.compare(sa, sb);
        return c != 0 ? c : a.caseId.compareTo(b.caseId);
    }
}
