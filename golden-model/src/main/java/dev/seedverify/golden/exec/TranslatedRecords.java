package dev.seedverify.golden.exec;

import dev.seedverify.golden.commit.CommitLog;

/**
 * How translated code writes a record in place: one call per instruction instead of the
 * stores themselves, so a recording translation's bytecode stays close to a plain one's (it
 * covers as much guest code; HotSpot's C2 inlines the call, C1 need not).
 */
final class TranslatedRecords {
    private TranslatedRecords() {}

    /**
     * Writes record {@code base / RECORD_INTS}: the instruction's template (every field that does
     * not depend on the run: see {@link RegionCompiler}) and its order, rd value (0 when rd is
     * x0), first access and next pc.
     */
    static void record(int[] records, int base, int[] templates, int template, long order, int rdValue, int memFirst, int pcNext) {
        System.arraycopy(templates, template, records, base, CommitLog.RECORD_INTS);
        records[base + CommitLog.ORDER_LO] = (int) order;
        records[base + CommitLog.ORDER_HI] = (int) (order >>> 32);
        records[base + CommitLog.RD_WDATA] = rdValue;
        records[base + CommitLog.MEM_FIRST] = memFirst;
        records[base + CommitLog.PC_NEXT] = pcNext;
    }
}
