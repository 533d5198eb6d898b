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
     * Writes record {@code base / RECORD_INTS}: the fields of the instruction's template that do
     * not depend on the run (pc, instruction word, rd, access count: see {@link RegionCompiler}),
     * and its order, rd value (0 when rd is x0), first access and next pc. Not the fields an
     * instruction of translated code never has (flags, trap, CSR, tile): the log keeps them zero in
     * slots not yet written (CommitLog.forgetRare), and nine stores instead of sixteen keep this
     * small enough for C2 to inline at every site of a recording translation. Field by field:
     * HotSpot turns these into plain stores, cheaper than a copy of the whole template.
     */
    static void record(int[] records, int base, int[] templates, int template, long order, int rdValue, int memFirst, int pcNext) {
        records[base + CommitLog.ORDER_LO] = (int) order;
        records[base + CommitLog.ORDER_HI] = (int) (order >>> 32);
        records[base + CommitLog.PC] = templates[template + CommitLog.PC];
        records[base + CommitLog.PC_NEXT] = pcNext;
        records[base + CommitLog.INSN] = templates[template + CommitLog.INSN];
        records[base + CommitLog.RD_ADDR] = templates[template + CommitLog.RD_ADDR];
        records[base + CommitLog.RD_WDATA] = rdValue;
        records[base + CommitLog.MEM_FIRST] = memFirst;
        records[base + CommitLog.MEM_COUNT] = templates[template + CommitLog.MEM_COUNT];
    }
}
