package dev.seedverify.reports.model;

import java.util.List;

/**
 * Divergences grouped by signature: many failures of one bug are one bucket.
 *
 * @param signature {@code mnemonic | field | cause}
 * @param count     divergences in it
 * @param seeds     seeds that diverged this way (ascending, at most {@link #MAX_SEEDS})
 * @param smallest  its smallest shrunk reproducer, or null when none was shrunk
 * @param waivedBy  the waiver that covers it; set only by the verdict
 */
public record Bucket(String signature, long count, List<Long> seeds, SmallestReproducer smallest, String waivedBy) {
    public static final int MAX_SEEDS = 100;

    public Bucket {
        Checks.text(signature, "bucket signature");
        if (count < 1) throw new IllegalArgumentException("bucket " + signature + " needs a count >= 1, got " + count);
        seeds = Checks.list(seeds);
    }

    public static Bucket of(String signature, long count, List<Long> seeds, SmallestReproducer smallest) {
        return new Bucket(signature, count, seeds, smallest, null);
    }

    public Bucket waived(String waiverId) { return new Bucket(signature, count, seeds, smallest, waiverId); }
}
