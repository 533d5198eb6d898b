package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Tiles;

import java.util.ArrayList;
import java.util.List;

import static dev.seedverify.golden.commit.CommitLog.*;

/**
 * Compares commit records and device event records field by field (spec §5). {@link #equal} is the allocation-free fast
 * path; {@link #differences} names every differing field once a mismatch is known. Only bytes
 * inside the memory masks are significant. CSR write data of implementation-defined CSRs
 * (mcycle) is carried but not compared; reads of them are synchronised instead.
 */
public final class RecordComparator {
    /** Fields that every record carries; the rest are significant only when FLAGS say so. */
    private static final int[] FIXED_FIELDS = {ORDER_LO, ORDER_HI, PC, PC_NEXT, INSN, FLAGS, RD_ADDR, RD_WDATA, MEM_COUNT};

    private RecordComparator() {}

    /** The fields of a device event beyond the fixed ones (they alias instruction fields). */
    private static final int[] EVENT_FIELDS = {EV_ARG, EV_W0, EV_W3};

    public static boolean equal(CommitLog g, int gi, CommitLog d, int di) {
        for (int f : FIXED_FIELDS) {
            if (g.field(gi, f) != d.field(di, f)) return false;
        }
        int flags = g.flags(gi);
        if ((flags & FLAG_EVENT) != 0) {
            for (int f : EVENT_FIELDS) if (g.field(gi, f) != d.field(di, f)) return false;
            return true;
        }
        if ((flags & FLAG_TRAP) != 0 && (g.cause(gi) != d.cause(di) || g.tval(gi) != d.tval(di))) return false;
        if ((flags & (FLAG_CSR_READ | FLAG_CSR_WRITE)) != 0 && g.csrAddr(gi) != d.csrAddr(di)) return false;
        if ((flags & FLAG_CSR_READ) != 0 && g.csrRdata(gi) != d.csrRdata(di)) return false;
        if (g.csrWdata(gi) != d.csrWdata(di) && comparesCsrWrite(g, gi)) return false;
        if ((flags & FLAG_TILE_WRITE) != 0 && g.tileIndex(gi) != d.tileIndex(di)) return false;
        int n = g.memCount(gi);
        for (int k = 0; k < n; k++) {
            if (!accessEqual(g, gi, d, di, k)) return false;
        }
        if ((g.flags(gi) & FLAG_TILE_WRITE) != 0) {
            for (int w = 0; w < TILE_INTS; w++) if (g.tileWord(gi, w) != d.tileWord(di, w)) return false;
        }
        return true;
    }

    /** Every differing field, in the order a designer reads a record. */
    public static List<FieldDifference> differences(CommitLog g, int gi, CommitLog d, int di) {
        List<FieldDifference> out = new ArrayList<>();
        diff(out, "order", g.order(gi), d.order(di));
        if (((g.flags(gi) | d.flags(di)) & FLAG_EVENT) != 0) {
            diff(out, "event", bit(g, gi, FLAG_EVENT), bit(d, di, FLAG_EVENT));
            diff(out, "event_kind", g.field(gi, EV_KIND), d.field(di, EV_KIND));
            diff(out, "event_index", g.field(gi, EV_INDEX), d.field(di, EV_INDEX));
            diff(out, "event_addr", g.field(gi, EV_ADDR), d.field(di, EV_ADDR));
            diff(out, "event_arg", g.field(gi, EV_ARG), d.field(di, EV_ARG));
            int[] words = {EV_W0, EV_W1, EV_W2, EV_W3};
            for (int w = 0; w < words.length; w++) diff(out, "event_w" + w, g.field(gi, words[w]), d.field(di, words[w]));
            if ((g.flags(gi) & d.flags(di) & FLAG_EVENT) == 0) diff(out, "flags", g.flags(gi), d.flags(di));
            return out;
        }
        diff(out, "pc", g.pc(gi), d.pc(di));
        diff(out, "insn", g.insn(gi), d.insn(di));
        diff(out, "trap", bit(g, gi, FLAG_TRAP), bit(d, di, FLAG_TRAP));
        if (((g.flags(gi) | d.flags(di)) & FLAG_TRAP) != 0) {
            diff(out, "trap_cause", g.cause(gi), d.cause(di));
            diff(out, "trap_tval", g.tval(gi), d.tval(di));
        }
        diff(out, "rd_addr", g.rdAddr(gi), d.rdAddr(di));
        diff(out, "rd_wdata", g.rdWdata(gi), d.rdWdata(di));
        diff(out, "mem_count", g.memCount(gi), d.memCount(di));
        int n = Math.min(g.memCount(gi), d.memCount(di));
        for (int k = 0; k < n; k++) {
            String p = "mem[" + k + "].";
            diff(out, p + "addr", g.access(gi, k, MEM_ADDR), d.access(di, k, MEM_ADDR));
            diff(out, p + "rmask", g.access(gi, k, MEM_RMASK), d.access(di, k, MEM_RMASK));
            diff(out, p + "wmask", g.access(gi, k, MEM_WMASK), d.access(di, k, MEM_WMASK));
            dataDiff(out, p + "rdata", g, gi, d, di, k, MEM_RDATA, g.access(gi, k, MEM_RMASK) | d.access(di, k, MEM_RMASK));
            dataDiff(out, p + "wdata", g, gi, d, di, k, MEM_WDATA, g.access(gi, k, MEM_WMASK) | d.access(di, k, MEM_WMASK));
        }
        diff(out, "csr_read", bit(g, gi, FLAG_CSR_READ), bit(d, di, FLAG_CSR_READ));
        diff(out, "csr_write", bit(g, gi, FLAG_CSR_WRITE), bit(d, di, FLAG_CSR_WRITE));
        int csrFlags = g.flags(gi) | d.flags(di);
        if ((csrFlags & (FLAG_CSR_READ | FLAG_CSR_WRITE)) != 0) diff(out, "csr_addr", g.csrAddr(gi), d.csrAddr(di));
        if ((csrFlags & FLAG_CSR_READ) != 0) diff(out, "csr_rdata", g.csrRdata(gi), d.csrRdata(di));
        if (comparesCsrWrite(g, gi)) diff(out, "csr_wdata", g.csrWdata(gi), d.csrWdata(di));
        diff(out, "tile_write", bit(g, gi, FLAG_TILE_WRITE), bit(d, di, FLAG_TILE_WRITE));
        if ((g.flags(gi) & d.flags(di) & FLAG_TILE_WRITE) != 0) {
            diff(out, "tile_index", g.tileIndex(gi), d.tileIndex(di));
            // Word w of a tile is row w / 8, 32-bit element w % 8 (spec §2.1).
            for (int w = 0; w < TILE_INTS; w++) {
                int gw = g.tileWord(gi, w), dw = d.tileWord(di, w);
                if (gw != dw) diff(out, "tile.row[" + w / Tiles.WORDS_PER_ROW + "].word[" + w % Tiles.WORDS_PER_ROW + "]", gw, dw);
            }
        }
        diff(out, "pc_next", g.pcNext(gi), d.pcNext(di));
        return out;
    }

    private static boolean comparesCsrWrite(CommitLog g, int gi) {
        if ((g.flags(gi) & FLAG_CSR_WRITE) == 0) return false;
        Csr csr = Csr.byAddress(g.csrAddr(gi));
        return csr == null || !csr.implementationDefined();
    }

    private static boolean accessEqual(CommitLog g, int gi, CommitLog d, int di, int k) {
        int rmask = g.access(gi, k, MEM_RMASK), wmask = g.access(gi, k, MEM_WMASK);
        if (g.access(gi, k, MEM_ADDR) != d.access(di, k, MEM_ADDR) || rmask != d.access(di, k, MEM_RMASK)
                || wmask != d.access(di, k, MEM_WMASK)) {
            return false;
        }
        return dataEqual(g, gi, d, di, k, MEM_RDATA, rmask) && dataEqual(g, gi, d, di, k, MEM_WDATA, wmask);
    }

    private static boolean dataEqual(CommitLog g, int gi, CommitLog d, int di, int k, int field, int mask) {
        for (int w = 0; w < ACCESS_DATA_INTS && (mask >>> (4 * w)) != 0; w++) {
            int lanes = laneMask(mask >>> (4 * w));
            if (((g.access(gi, k, field + w) ^ d.access(di, k, field + w)) & lanes) != 0) return false;
        }
        return true;
    }

    private static void dataDiff(List<FieldDifference> out, String name, CommitLog g, int gi, CommitLog d, int di, int k,
                                 int field, int mask) {
        for (int w = 0; w < ACCESS_DATA_INTS && (mask >>> (4 * w)) != 0; w++) {
            int lanes = laneMask(mask >>> (4 * w));
            int gv = g.access(gi, k, field + w) & lanes, dv = d.access(di, k, field + w) & lanes;
            diff(out, w == 0 && (mask >>> 4) == 0 ? name : name + "[" + w + "]", gv, dv);
        }
    }

    /** Byte-lane mask of the low four mask bits. */
    static int laneMask(int maskNibble) {
        int lanes = 0;
        for (int b = 0; b < 4; b++) if ((maskNibble >>> b & 1) != 0) lanes |= 0xFF << (8 * b);
        return lanes;
    }

    private static int bit(CommitLog log, int i, int flag) { return (log.flags(i) & flag) != 0 ? 1 : 0; }

    /** A 32-bit field: values are reported as unsigned words. */
    private static void diff(List<FieldDifference> out, String field, int g, int d) {
        if (g != d) out.add(new FieldDifference(field, g & 0xFFFF_FFFFL, d & 0xFFFF_FFFFL));
    }

    private static void diff(List<FieldDifference> out, String field, long g, long d) {
        if (g != d) out.add(new FieldDifference(field, g, d));
    }
}
