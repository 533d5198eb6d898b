package dev.seedverify.conformance.prop;

import dev.seedverify.golden.commit.CommitLog;

/** Edits of commit records that {@link CommitLog} has no setter for (fault injection in tests). */
final class Records {
    private Records() {}

    /** Replaces the tile data of the last record {@code i} of {@code log} (re-appends it with {@link CommitLog#appendRaw}). */
    static void replaceTile(CommitLog log, int i, int[] tile) {
        if (i != log.size() - 1) throw new IllegalArgumentException("only the last record can be rewritten");
        int[] rec = new int[CommitLog.RECORD_INTS];
        for (int f = 0; f < rec.length; f++) rec[f] = log.field(i, f);
        int n = log.memCount(i);
        int[] acc = new int[Math.max(1, n) * CommitLog.ACCESS_INTS];
        for (int k = 0; k < n; k++) {
            for (int f = 0; f < CommitLog.ACCESS_INTS; f++) acc[k * CommitLog.ACCESS_INTS + f] = log.access(i, k, f);
        }
        rec[CommitLog.MEM_FIRST] = 0;
        log.truncate(i);
        log.appendRaw(rec, 1, acc, n, tile.clone());
    }
}
