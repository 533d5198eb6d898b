package dev.seedverify.conformance.coverage;

import dev.seedverify.conformance.coverage.CoverageModel.InsnBins;
import dev.seedverify.conformance.coverage.CoverageModel.Role;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.isa.Tiles;
import dev.seedverify.golden.isa.TrapCause;
import dev.seedverify.golden.numerics.Binary32;
import dev.seedverify.golden.numerics.E4M3;
import dev.seedverify.golden.numerics.E4M3Block;
import dev.seedverify.golden.numerics.Requant;
import dev.seedverify.golden.numerics.UE8M0;
import dev.seedverify.golden.numerics.XseedFlags;

import java.util.List;
import java.util.function.Consumer;

/**
 * Fills the {@link CoverageModel}'s bins from golden commit records. The records are complete
 * (spec §5), so the collector rebuilds the architectural state a bin needs from them alone: the
 * integer registers from rd writes, the tiles from tile writes, the Xseed CSRs from CSR writes;
 * operand values, hazards (the producer of each source register among the last four records)
 * and the Xseed numeric events (recomputed per element with the golden numerics) come from that.
 *
 * <p>Call {@link #beginProgram()} before each program (state at reset is all zero), then feed
 * its records in order. One collector per thread; {@link #merge} adds another's hits.
 */
public final class CoverageCollector implements Consumer<CommitLog> {
    private static final int KIND_RAW = 0, KIND_LOAD = 1, KIND_MULDIV = 2, KIND_CSR = 3, KIND_TILE = 4, KIND_STORE_LOAD = 5;

    /** E4M3's largest magnitude (448) and binary32's largest finite magnitude, as binary32 bits. */
    private static final int E4M3_MAX_BITS = Float.floatToRawIntBits(Math.scalb((float) E4M3.toQ(E4M3.MAX_CODE), -9)),
            BINARY32_MAX_BITS = Float.floatToRawIntBits(Float.MAX_VALUE);

    private final CoverageModel m;
    private final SpecRules rules;
    /** DRAM bounds of the runs fed in (spec §1: base and size). */
    private final int dramBase = Memory.BASE, dramEnd;
    private final long[] hits;
    private long programs, records;

    private final int[] x = new int[32];
    private final byte[] tiles = new byte[Tiles.COUNT * Tiles.TILE_BYTES];
    private int xsqmul, xsqshift, xsqzp, ascl0, ascl1, bscl0, bscl1;
    /** The last four records, most recent at (pos - 1) & 3: register and tile written, producer kind, store word address. */
    private final int[] histReg = new int[4], histKind = new int[4], histTile = new int[4], histStore = new int[4];
    private final boolean[] histStoreValid = new boolean[4];
    private int pos, count;
    /** CSR written by each of the last four records (-1: none), for the numeric producer distance. */
    private final int[] histCsr = new int[4];

    /** Per counter pair: the last low word seen (read or written), whether it is known, whether a carry was seen since. */
    private final int[] counterLast;
    private final boolean[] counterKnown, counterCarried;
    /** The counter pair whose low word the previous record set to all ones, or -1. */
    private int lowAllOnes = -1;

    /** Words stored recently (FIFO): byte range [start, end), the data and lane mask of a scalar word store, and whether a fence.i followed. */
    private static final int STORES = 16;
    private final int[] storeStart = new int[STORES], storeEnd = new int[STORES], storeData = new int[STORES], storeMask = new int[STORES];
    private final boolean[] storeFenced = new boolean[STORES];
    private int storeNext, storeCount;
    /** The record number of the last fence.i. */
    private long lastFenceI;

    public CoverageCollector() { this(CoverageModel.standard(), Memory.DEFAULT_BYTES); }

    /** @param dramBytes the DRAM size of the runs (the "last byte" and "past the end" bins depend on it) */
    public CoverageCollector(int dramBytes) { this(CoverageModel.standard(), dramBytes); }

    public CoverageCollector(CoverageModel model) { this(model, Memory.DEFAULT_BYTES); }

    public CoverageCollector(CoverageModel model, int dramBytes) {
        m = model;
        rules = model.rules;
        dramEnd = Memory.BASE + dramBytes;
        hits = new long[m.size()];
        int pairs = rules.counters.size();
        counterLast = new int[pairs];
        counterKnown = new boolean[pairs];
        counterCarried = new boolean[pairs];
    }

    public CoverageModel model() { return m; }

    /** Resets the rebuilt state to the reset state of bare mode. */
    public void beginProgram() {
        programs++;
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(tiles, (byte) 0);
        xsqmul = xsqshift = xsqzp = ascl0 = ascl1 = bscl0 = bscl1 = 0;
        count = 0;
        java.util.Arrays.fill(counterKnown, false);
        java.util.Arrays.fill(counterCarried, false);
        lowAllOnes = -1;
        storeCount = storeNext = 0;
        lastFenceI = Long.MIN_VALUE;
    }

    @Override
    public void accept(CommitLog log) {
        for (int i = 0; i < log.size(); i++) record(log, i);
    }

    public long hits(int bin) { return hits[bin]; }

    public long programs() { return programs; }

    public long records() { return records; }

    public synchronized void merge(CoverageCollector o) {
        for (int i = 0; i < hits.length; i++) hits[i] += o.hits[i];
        programs += o.programs;
        records += o.records;
    }

    public CoverageReport report() { return new CoverageReport(m, hits.clone(), programs, records); }

    private void hit(int bin) {
        if (bin >= 0) hits[bin]++;
    }

    // ------------------------------------------------------------------ one record

    private void record(CommitLog log, int i) {
        records++;
        int word = log.insn(i);
        boolean trap = log.trap(i);
        int cause = trap ? log.cause(i) : -1;
        Instruction insn = trap && cause == TrapCause.FETCH_ACCESS.code() ? null : Decoder.decode(word);
        if (insn != null) selfModified(log.pc(i), word);
        if (trap) {
            dramFault(cause, log.tval(i));
            if (cause >= 0 && cause < m.trap.length) hit(m.trap[cause]);
            if (cause == TrapCause.ILLEGAL_INSTRUCTION.code()) illegal(word);
            if (cause == TrapCause.FETCH_MISALIGNED.code() && insn != null) {
                hit(m.fetchMisaligned.get(insn.category() == Category.BRANCH ? "branch" : insn == Instruction.JAL ? "jal" : "jalr"));
            }
        }
        if (insn != null) instruction(log, i, insn, word, trap, cause);
        // What this record leaves for the hazards of the next four.
        int slot = pos;
        histReg[slot] = 0;
        histTile[slot] = -1;
        histStoreValid[slot] = false;
        histCsr[slot] = -1;
        int allOnes = -1;
        if (!trap && insn != null) {
            int flags = log.flags(i);
            if ((flags & CommitLog.FLAG_CSR_WRITE) != 0 && insn.category() == Category.CSR) {
                histCsr[slot] = log.csrAddr(i);
                allOnes = counters(log, i);
            } else if ((flags & CommitLog.FLAG_CSR_READ) != 0) {
                counterRead(log.csrAddr(i), log.csrRdata(i));
            }
            if (insn == Instruction.FENCE_I) fenceI();
            if (log.memCount(i) > 0) accesses(log, i, insn);
            int rd = log.rdAddr(i);
            if (rd != 0 && insn.writesGpr()) {
                histReg[slot] = rd;
                histKind[slot] = switch (insn.category()) {
                    case LOAD -> KIND_LOAD;
                    case MUL_DIV -> KIND_MULDIV;
                    case CSR -> KIND_CSR;
                    default -> KIND_RAW;
                };
            }
            if ((log.flags(i) & CommitLog.FLAG_TILE_WRITE) != 0) histTile[slot] = log.tileIndex(i);
            if (insn.category() == Category.STORE && log.memCount(i) > 0) {
                histStore[slot] = log.access(i, 0, CommitLog.MEM_ADDR);
                histStoreValid[slot] = true;
            }
            update(log, i, insn, rd);
        }
        lowAllOnes = allOnes;
        pos = (pos + 1) & 3;
        if (count < 4) count++;
    }

    private void illegal(int word) {
        Decoder.Illegality why = Decoder.illegality(word);
        if (why == null) return;
        switch (why) {
            case TILE_INDEX -> hit(m.illegal.get("xseed-tile-index"));
            case UNKNOWN_CSR -> hit(m.illegal.get("unknown-csr"));
            case READ_ONLY_CSR_WRITE -> {
                hit(m.illegal.get("read-only-csr-write"));
                hit(m.csrWriteIllegal[Field.CSR.extract(word)]);
            }
            case UNKNOWN_ENCODING -> hit(m.illegal.get("unknown-encoding"));
        }
    }

    private void instruction(CommitLog log, int i, Instruction insn, int word, boolean trap, int cause) {
        InsnBins b = m.insn[insn.ordinal()];
        hit(b.executed);
        List<Operand> ops = insn.operands();
        int rd = -1, rs1 = -1, rs2 = -1, md = -1, ma = -1, mb = -1;
        for (int k = 0; k < ops.size(); k++) {
            Operand o = ops.get(k);
            Role r = b.roles[k];
            int f = o.field().extract(word);
            int v;
            switch (r) {
                case DEST -> {
                    rd = f;
                    continue;
                }
                case DATA, ADDRESS, STRIDE, INDEX -> {
                    v = x[f];
                    if (o.name().equals("rs1")) rs1 = f;
                    else rs2 = f;
                    hazard(f);
                }
                case SIGNED_IMM, UNSIGNED_IMM -> v = f;
                case TILE -> {
                    switch (o.name()) {
                        case "md" -> md = f;
                        case "ma" -> ma = f;
                        default -> mb = f;
                    }
                    continue;
                }
                default -> {
                    continue;
                }
            }
            int[] cls = b.classes[k];
            for (int c = 0; c < 4; c++) {
                if (cls[c] >= 0 && CoverageModel.inClass(c, v, r, o.field())) hit(cls[c]);
            }
        }
        if (b.rs1EqRs2 >= 0 && rs1 > 0 && rs1 == rs2) hit(b.rs1EqRs2);
        if (b.rdEqRs >= 0 && rd > 0 && (rd == rs1 || rd == rs2)) hit(b.rdEqRs);
        if (b.mdEqMa >= 0 && md == ma) hit(b.mdEqMa);
        if (b.maEqMb >= 0 && ma == mb) hit(b.maEqMb);
        // Tile hazards: sources are ma, mb, and the tile a tile store writes out.
        if (ma >= 0) tileHazard(ma);
        if (mb >= 0 && mb != ma) tileHazard(mb);
        if (insn.category() == Category.TILE_STORE && md >= 0) tileHazard(md);

        Category c = insn.category();
        if (trap) {
            if (cause == TrapCause.LOAD_MISALIGNED.code() || cause == TrapCause.STORE_MISALIGNED.code()) hit(b.misaligned);
            if (cause == TrapCause.LOAD_ACCESS.code() || cause == TrapCause.STORE_ACCESS.code()) hit(b.access);
            return;
        }
        hit(b.ok);
        if (c == Category.BRANCH) hit(taken(insn, x[Field.RS1.extract(word)], x[Field.RS2.extract(word)]) ? b.taken : b.notTaken);
        if (c == Category.LOAD && log.memCount(i) > 0) storeLoad(log.access(i, 0, CommitLog.MEM_ADDR));
        int flags = log.flags(i);
        if ((flags & CommitLog.FLAG_CSR_READ) != 0) hit(m.csrRead[log.csrAddr(i)]);
        if ((flags & CommitLog.FLAG_CSR_WRITE) != 0 && c == Category.CSR) {
            hit(m.csrWrite[log.csrAddr(i)]);
            int old = (flags & CommitLog.FLAG_CSR_READ) != 0 ? log.csrRdata(i) : 0;
            warl(insn, word, log.csrAddr(i), log.csrWdata(i), rs1 >= 0 ? x[rs1] : Field.ZIMM.extract(word), old);
        }
        if (insn.extension() == dev.seedverify.golden.isa.Extension.XSEED) xseed(insn, word, md, ma, mb);
    }

    /** The branch condition (a branch to the next instruction is taken although pc_next = pc + 4). */
    static boolean taken(Instruction insn, int a, int b) {
        return switch (insn) {
            case BEQ -> a == b;
            case BNE -> a != b;
            case BLT -> a < b;
            case BGE -> a >= b;
            case BLTU -> Integer.compareUnsigned(a, b) < 0;
            case BGEU -> Integer.compareUnsigned(a, b) >= 0;
            default -> throw new IllegalArgumentException(insn + " is not a branch");
        };
    }

    private void hazard(int reg) {
        if (reg == 0) return;
        for (int d = 1; d <= count; d++) {
            int s = (pos - d) & 3;
            if (histReg[s] == reg) {
                hit(m.hazard[histKind[s]][d - 1]);
                return;
            }
        }
    }

    private void tileHazard(int tile) {
        for (int d = 1; d <= count; d++) {
            int s = (pos - d) & 3;
            if (histTile[s] == tile) {
                hit(m.hazard[KIND_TILE][d - 1]);
                return;
            }
        }
    }

    private void storeLoad(int addr) {
        for (int d = 1; d <= count; d++) {
            int s = (pos - d) & 3;
            if (histStoreValid[s] && histStore[s] == addr) {
                hit(m.hazard[KIND_STORE_LOAD][d - 1]);
                return;
            }
        }
    }

    /**
     * The value class of a CSR write (spec-rule bins): kept as requested or changed by the WARL
     * rule, and where the rule is a clamp, at or beyond either limit. {@code old} is the value the
     * instruction read (csrrs/csrrc always read; a csrrw that does not read ignores it).
     */
    private void warl(Instruction insn, int word, int csr, int now, int src, int old) {
        int requested = switch (insn) {
            case CSRRW, CSRRWI -> src;
            case CSRRS, CSRRSI -> old | src;
            default -> old & ~src;
        };
        SpecRules s = rules;
        hit(requested == now ? s.kept[csr] : s.warl[csr]);
        if (s.atMin[csr] >= 0) {
            if (requested == s.rangeMin[csr]) hit(s.atMin[csr]);
            else if (requested == s.rangeMax[csr]) hit(s.atMax[csr]);
            else if (requested < s.rangeMin[csr]) hit(s.belowMin[csr]);
            else if (requested > s.rangeMax[csr]) hit(s.aboveMax[csr]);
        }
        if ((csr == Csr.XSQSHIFT.address() || csr == Csr.XSQZP.address()) && requested != now) {
            hit(m.xseed.get(csr == Csr.XSQSHIFT.address() ? "xsqshift.warl-clamp" : "xsqzp.warl-clamp"));
        }
    }

    // ------------------------------------------------------------------ counters, DRAM edges, self-modifying code

    /** A CSR instruction's write: counter bookkeeping. Returns the pair whose low word it set to all ones, or -1. */
    private int counters(CommitLog log, int i) {
        int csr = log.csrAddr(i);
        if ((log.flags(i) & CommitLog.FLAG_CSR_READ) != 0) counterRead(csr, log.csrRdata(i));
        int v = log.csrWdata(i);
        int p = rules.counterLow[csr];
        if (p >= 0) {
            counterLast[p] = v;
            counterKnown[p] = true;
            return v == -1 ? p : -1;
        }
        p = rules.counterHigh[csr];
        if (p >= 0) {
            if (lowAllOnes == p) hit(rules.highWriteAtCarry[p]);
            counterCarried[p] = false;
        }
        return -1;
    }

    /** A read of a counter word: a low word below the last one seen means it wrapped into the high word. */
    private void counterRead(int csr, int v) {
        int p = rules.counterLow[csr];
        if (p >= 0) {
            if (counterKnown[p] && Integer.compareUnsigned(v, counterLast[p]) < 0) {
                hit(rules.carry[p]);
                counterCarried[p] = true;
            }
            counterLast[p] = v;
            counterKnown[p] = true;
            return;
        }
        p = rules.counterHigh[csr];
        if (p >= 0 && counterCarried[p]) {
            hit(rules.carryHighRead[p]);
            counterCarried[p] = false;
        }
    }

    private void dramFault(int cause, int tval) {
        int kind = cause == TrapCause.LOAD_ACCESS.code() ? 0 : cause == TrapCause.STORE_ACCESS.code() ? 1 : cause == TrapCause.FETCH_ACCESS.code() ? 2 : -1;
        if (kind < 0) return;
        SpecRules s = rules;
        if (tval == dramEnd) hit(kind == 0 ? s.pastEndLoad : kind == 1 ? s.pastEndStore : s.pastEndFetch);
        if (kind < 2 && Integer.compareUnsigned(tval, dramBase - SpecRules.BELOW_START_BYTES) >= 0 && Integer.compareUnsigned(tval, dramBase) < 0) {
            hit(kind == 0 ? s.belowStartLoad : s.belowStartStore);
        }
    }

    /** The accesses of a retired instruction: DRAM edges by width, and stores remembered for self-modifying code. */
    private void accesses(CommitLog log, int i, Instruction insn) {
        Category c = insn.category();
        boolean tile = c == Category.TILE_LOAD || c == Category.TILE_STORE;
        int width = tile ? (insn == Instruction.TSTN ? Tiles.NARROW_ROW_BYTES : Tiles.ROW_BYTES) : insn.accessBytes();
        if (width == 0) return;
        SpecRules s = rules;
        for (int k = 0, n = log.memCount(i); k < n; k++) {
            int addr = log.access(i, k, CommitLog.MEM_ADDR), wmask = log.access(i, k, CommitLog.MEM_WMASK);
            int mask = log.access(i, k, CommitLog.MEM_RMASK) | wmask;
            if (mask == 0) continue;
            int first = addr + Integer.numberOfTrailingZeros(mask), last = addr + 31 - Integer.numberOfLeadingZeros(mask);
            boolean store = wmask != 0;
            if (first == dramBase) hit(store ? s.firstStore[width] : s.firstLoad[width]);
            if (last == dramEnd - 1) hit(store ? s.lastStore[width] : s.lastLoad[width]);
            if (store) {
                int e = storeNext;
                storeStart[e] = first;
                storeEnd[e] = last + 1;
                storeData[e] = tile ? 0 : log.access(i, k, CommitLog.MEM_WDATA);
                storeMask[e] = tile ? 0 : wmask;
                storeFenced[e] = false;
                storeNext = (e + 1) % STORES;
                if (storeCount < STORES) storeCount++;
            }
        }
    }

    private void fenceI() {
        lastFenceI = records;
        for (int e = 0; e < storeCount; e++) storeFenced[e] = true;
    }

    /** An instruction fetched from a word stored earlier: after a fence.i (by distance), or without one (the same word stored). */
    private void selfModified(int pc, int word) {
        for (int k = 1; k <= storeCount; k++) {
            int e = (storeNext - k + STORES) % STORES;
            if (Integer.compareUnsigned(pc, storeStart[e]) < 0 || Integer.compareUnsigned(pc, storeEnd[e]) >= 0) continue;
            if (storeFenced[e]) {
                long d = records - lastFenceI;
                hit(rules.smcFenced[(int) Math.min(d, SpecRules.SMC_FAR) - 1]);
            } else {
                // Fetch may see the old or the new bytes (spec §1): only a store of the word already there is meaningful.
                int lanes = storeMask[e], bits = 0;
                for (int b = 0; b < 4; b++) if ((lanes >>> b & 1) != 0) bits |= 0xFF << (8 * b);
                if (bits != 0 && (pc & 3) == 0 && (word & bits) == (storeData[e] & bits)) hit(rules.smcUnfencedSameWord);
            }
            return;
        }
    }

    // ------------------------------------------------------------------ Xseed numeric events

    private int tw(int tile, int w) {
        int o = tile * Tiles.TILE_BYTES + 4 * w;
        return (tiles[o] & 0xFF) | (tiles[o + 1] & 0xFF) << 8 | (tiles[o + 2] & 0xFF) << 16 | tiles[o + 3] << 24;
    }

    private void event(String name) { hit(m.xseed.get(name)); }

    private void xseed(Instruction insn, int word, int md, int ma, int mb) {
        numeric(insn, ma, mb);
        switch (insn) {
            case TQUANT_I8 -> tquant(ma);
            case TCVT_E4M3 -> tcvt(ma);
            case TMMA_E4M3 -> tmmaE4m3(md, ma, mb);
            case TADD_F32 -> taddF32(ma, mb);
            case TMMA_I8 -> {
                for (int i = 0; i < 8; i++) {
                    for (int j = 0; j < 8; j++) {
                        long sum = tw(md, 8 * i + j);
                        for (int k = 0; k < 32; k++) sum += (long) tiles[ma * 256 + 32 * i + k] * tiles[mb * 256 + 32 * j + k];
                        if (sum != (int) sum) {
                            event("tmma_i8.wrap");
                            return;
                        }
                    }
                }
            }
            case TADD_I32 -> {
                for (int w = 0; w < 64; w++) {
                    long s = (long) tw(ma, w) + tw(mb, w);
                    if (s != (int) s) {
                        event("tadd_i32.wrap");
                        return;
                    }
                }
            }
            case TRELU_I32 -> {
                for (int w = 0; w < 64; w++) {
                    if (tw(ma, w) < 0) {
                        event("trelu_i32.negative");
                        return;
                    }
                }
            }
            case TGET -> {
                int idx = x[Field.RS2.extract(word)];
                if (idx < 0 || idx > 63) event("tget.index-wrap");
            }
            case TPUT -> {
                int idx = x[Field.RS2.extract(word)];
                if (idx < 0 || idx > 63) event("tput.index-wrap");
            }
            default -> { }
        }
    }

    // ------------------------------------------------------------------ numeric limits by producer distance

    /** How many records back (1..4) {@code tile} was last written, or 0. */
    private int tileDistance(int tile) {
        for (int d = 1; d <= count; d++) if (histTile[(pos - d) & 3] == tile) return d;
        return 0;
    }

    /** How many records back (1..4) a CSR instruction wrote {@code csr}, or 0. */
    private int csrDistance(Csr csr) {
        for (int d = 1; d <= count; d++) if (histCsr[(pos - d) & 3] == csr.address()) return d;
        return 0;
    }

    private void numericHit(int cls, int d) {
        if (d > 0) hit(rules.numeric[cls][d - 1]);
    }

    /** The special classes and limits in an Xseed instruction's operands, each by the distance to its producer. */
    private void numeric(Instruction insn, int ma, int mb) {
        switch (insn) {
            case TQUANT_I8 -> {
                int d = tileDistance(ma);
                if (d > 0 && tileHasWord(ma, Integer.MIN_VALUE, -1)) numericHit(SpecRules.Q_IN_MIN, d);
                if (d > 0 && tileHasWord(ma, Integer.MAX_VALUE, -1)) numericHit(SpecRules.Q_IN_MAX, d);
                int dm = csrDistance(Csr.XSQMUL), ds = csrDistance(Csr.XSQSHIFT), dz = csrDistance(Csr.XSQZP);
                if (xsqmul == Integer.MIN_VALUE) numericHit(SpecRules.Q_MUL_MIN, dm);
                if (xsqmul == Integer.MAX_VALUE) numericHit(SpecRules.Q_MUL_MAX, dm);
                if (xsqshift == Csr.XSQSHIFT_MIN) numericHit(SpecRules.Q_SHIFT_MIN, ds);
                if (xsqshift == Csr.XSQSHIFT_MAX) numericHit(SpecRules.Q_SHIFT_MAX, ds);
                if (xsqzp == Csr.XSQZP_MIN) numericHit(SpecRules.Q_ZP_MIN, dz);
                if (xsqzp == Csr.XSQZP_MAX) numericHit(SpecRules.Q_ZP_MAX, dz);
            }
            case TCVT_E4M3 -> binary32Classes(ma, tileDistance(ma), true);
            case TADD_F32 -> {
                binary32Classes(ma, tileDistance(ma), false);
                if (mb != ma) binary32Classes(mb, tileDistance(mb), false);
            }
            case TMMA_E4M3 -> {
                e4m3Classes(ma, tileDistance(ma));
                if (mb != ma) e4m3Classes(mb, tileDistance(mb));
                scaleClasses(ascl0, csrDistance(Csr.XSASCL0));
                scaleClasses(ascl1, csrDistance(Csr.XSASCL1));
                scaleClasses(bscl0, csrDistance(Csr.XSBSCL0));
                scaleClasses(bscl1, csrDistance(Csr.XSBSCL1));
            }
            default -> { }
        }
    }

    /** Whether a word of {@code tile} equals {@code v} under {@code mask}. */
    private boolean tileHasWord(int tile, int v, int mask) {
        for (int w = 0; w < Tiles.WORDS; w++) if ((tw(tile, w) & mask) == (v & mask)) return true;
        return false;
    }

    /** binary32 operand classes; {@code toE4m3}: as to_e4m3 inputs (E4M3's maximum and beyond), else as tadd.f32 operands. */
    private void binary32Classes(int tile, int d, boolean toE4m3) {
        if (d == 0) return;
        boolean nan = false, inf = false, sub = false, negZero = false, max = false, above = false;
        int e4m3Max = E4M3_MAX_BITS;
        for (int w = 0; w < Tiles.WORDS; w++) {
            int f = tw(tile, w), mag = f & 0x7FFFFFFF;
            nan |= Binary32.isNaN(f);
            inf |= mag == Binary32.POSITIVE_INFINITY;
            sub |= Binary32.isSubnormal(f);
            negZero |= f == Binary32.NEGATIVE_ZERO;
            if (toE4m3) {
                max |= mag == e4m3Max;
                above |= mag > e4m3Max && mag < Binary32.POSITIVE_INFINITY;
            } else {
                max |= mag == BINARY32_MAX_BITS;
            }
        }
        if (toE4m3) {
            if (nan) numericHit(SpecRules.C_NAN, d);
            if (inf) numericHit(SpecRules.C_INF, d);
            if (max) numericHit(SpecRules.C_MAX, d);
            if (above) numericHit(SpecRules.C_ABOVE_MAX, d);
            if (sub) numericHit(SpecRules.C_SUBNORMAL, d);
            if (negZero) numericHit(SpecRules.C_NEG_ZERO, d);
        } else {
            if (nan) numericHit(SpecRules.F_NAN, d);
            if (inf) numericHit(SpecRules.F_INF, d);
            if (max) numericHit(SpecRules.F_MAX, d);
            if (sub) numericHit(SpecRules.F_SUBNORMAL, d);
            if (negZero) numericHit(SpecRules.F_NEG_ZERO, d);
        }
    }

    private void e4m3Classes(int tile, int d) {
        if (d == 0) return;
        boolean nan = false, max = false, sub = false;
        for (int b = 0; b < Tiles.TILE_BYTES; b++) {
            int code = tiles[tile * Tiles.TILE_BYTES + b] & 0xFF;
            nan |= E4M3.isNaN(code);
            max |= (code & 0x7F) == E4M3.MAX_CODE;
            sub |= E4M3.isSubnormal(code);
        }
        if (nan) numericHit(SpecRules.E_NAN, d);
        if (max) numericHit(SpecRules.E_MAX, d);
        if (sub) numericHit(SpecRules.E_SUBNORMAL, d);
    }

    /** UE8M0 scale bytes of one scale CSR: NaN (0xFF), the smallest (0) and the largest (0xFE) scale. */
    private void scaleClasses(int scales, int d) {
        if (d == 0) return;
        boolean nan = false, min = false, max = false;
        for (int b = 0; b < 4; b++) {
            int x = scales >>> (8 * b) & 0xFF;
            nan |= x == UE8M0.NAN_SCALE;
            min |= x == 0;
            max |= x == UE8M0.NAN_SCALE - 1;
        }
        if (nan) numericHit(SpecRules.E_SCALE_NAN, d);
        if (min) numericHit(SpecRules.E_SCALE_MIN, d);
        if (max) numericHit(SpecRules.E_SCALE_MAX, d);
    }

    private void tquant(int ma) {
        int s = xsqshift, mul = xsqmul, z = xsqzp;
        int left = Math.max(s, 0), right = Math.max(-s, 0);
        if (s > 0) event("tquant.left-shift");
        if (s < 0) event("tquant.right-shift");
        for (int w = 0; w < 64; w++) {
            int v0 = tw(ma, w) << left;
            if (v0 == Integer.MIN_VALUE && mul == Integer.MIN_VALUE) event("tquant.srdhm-saturate");
            int v = Requant.srdhm(v0, mul);
            if (right > 0 && (v & (int) ((1L << right) - 1)) == (1 << (right - 1))) event("tquant.tie");
            int q = Requant.rdbpot(v, right);
            long r = (long) q + z;
            if (r > 127) {
                event("tquant.saturate-hi");
                if (q <= 127) event("tquant.zp-clamp");
            } else if (r < -128) {
                event("tquant.saturate-lo");
                if (q >= -128) event("tquant.zp-clamp");
            }
        }
    }

    private void tcvt(int ma) {
        for (int r = 0; r < 8; r++) {
            for (int j = 0; j < 8; j++) {
                int f = tw(ma, 8 * r + j);
                int mag = f & 0x7FFFFFFF;
                if (Binary32.isNaN(f)) {
                    event("tcvt.nan");
                } else if (mag == Binary32.POSITIVE_INFINITY) {
                    event("tcvt.inf");
                } else {
                    int packed = E4M3.fromBinary32(f);
                    int code = packed & 0xFF;
                    if (((packed >>> 8) & XseedFlags.SAT) != 0) event("tcvt.saturate");
                    if (E4M3.isSubnormal(code)) event("tcvt.subnormal");
                    if ((code & 0x7F) == 0 && mag != 0) event("tcvt.underflow-zero");
                }
            }
        }
    }

    private void tmmaE4m3(int md, int ma, int mb) {
        boolean[] nanA = new boolean[8], nanB = new boolean[8], subA = new boolean[8], subB = new boolean[8];
        for (int r = 0; r < 8; r++) {
            for (int k = 0; k < 32; k++) {
                int a = tiles[ma * 256 + 32 * r + k] & 0xFF, b = tiles[mb * 256 + 32 * r + k] & 0xFF;
                nanA[r] |= E4M3.isNaN(a);
                nanB[r] |= E4M3.isNaN(b);
                subA[r] |= E4M3.isSubnormal(a);
                subB[r] |= E4M3.isSubnormal(b);
            }
        }
        for (int i = 0; i < 8; i++) {
            int sa = ((i < 4 ? ascl0 : ascl1) >>> (8 * (i & 3))) & 0xFF;
            for (int j = 0; j < 8; j++) {
                int sb = ((j < 4 ? bscl0 : bscl1) >>> (8 * (j & 3))) & 0xFF;
                int d = tw(md, 8 * i + j);
                boolean nanScale = sa == 0xFF || sb == 0xFF, nanOp = nanA[i] || nanB[j], nanAcc = Binary32.isNaN(d);
                if (nanScale) event("tmma_e4m3.nan-scale");
                if (nanOp) event("tmma_e4m3.nan-operand");
                if (nanAcc) event("tmma_e4m3.nan-accumulator");
                if (nanScale || nanOp || nanAcc) continue;
                if (subA[i] || subB[j]) event("tmma_e4m3.subnormal-operand");
                long packed = E4M3Block.element(d, tiles, ma * 256 + 32 * i, mb * 256 + 32 * j, sa, sb);
                int r = Binary32.result(packed);
                if ((r & 0x7FFFFFFF) == Binary32.POSITIVE_INFINITY && (d & 0x7FFFFFFF) != Binary32.POSITIVE_INFINITY) event("tmma_e4m3.overflow-inf");
                if ((r & 0x7F800000) == 0 && (r & 0x7FFFFF) != 0) event("tmma_e4m3.subnormal-result");
                if ((Binary32.flags(packed) & XseedFlags.NV) != 0) event("tmma_e4m3.invalid");
            }
        }
    }

    private void taddF32(int ma, int mb) {
        for (int w = 0; w < 64; w++) {
            int a = tw(ma, w), b = tw(mb, w);
            boolean nan = Binary32.isNaN(a) || Binary32.isNaN(b);
            if (nan) {
                event("tadd_f32.nan");
                continue;
            }
            long packed = Binary32.add(a, b);
            int r = Binary32.result(packed);
            if ((Binary32.flags(packed) & XseedFlags.NV) != 0) event("tadd_f32.invalid");
            boolean finite = (a & 0x7F800000) != 0x7F800000 && (b & 0x7F800000) != 0x7F800000;
            if ((r & 0x7FFFFFFF) == Binary32.POSITIVE_INFINITY && finite) event("tadd_f32.overflow-inf");
            if ((r & 0x7F800000) == 0 && (r & 0x7FFFFF) != 0) event("tadd_f32.subnormal-result");
        }
    }

    // ------------------------------------------------------------------ state update

    private void update(CommitLog log, int i, Instruction insn, int rd) {
        if (rd != 0) x[rd] = log.rdWdata(i);
        int flags = log.flags(i);
        if ((flags & CommitLog.FLAG_TILE_WRITE) != 0) {
            int t = log.tileIndex(i);
            for (int w = 0; w < Tiles.WORDS; w++) {
                int v = log.tileWord(i, w), o = t * Tiles.TILE_BYTES + 4 * w;
                tiles[o] = (byte) v;
                tiles[o + 1] = (byte) (v >>> 8);
                tiles[o + 2] = (byte) (v >>> 16);
                tiles[o + 3] = (byte) (v >>> 24);
            }
        }
        if ((flags & CommitLog.FLAG_CSR_WRITE) != 0) {
            int v = log.csrWdata(i);
            Csr csr = Csr.byAddress(log.csrAddr(i));
            if (csr != null) {
                switch (csr) {
                    case XSQMUL -> xsqmul = v;
                    case XSQSHIFT -> xsqshift = v;
                    case XSQZP -> xsqzp = v;
                    case XSASCL0 -> ascl0 = v;
                    case XSASCL1 -> ascl1 = v;
                    case XSBSCL0 -> bscl0 = v;
                    case XSBSCL1 -> bscl1 = v;
                    default -> { }
                }
            }
        }
    }
}
