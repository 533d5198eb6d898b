package dev.seedverify.conformance.coverage;

import dev.seedverify.conformance.coverage.CoverageModel.InsnBins;
import dev.seedverify.conformance.coverage.CoverageModel.Role;
import dev.seedverify.golden.commit.CommitLog;
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

    private final CoverageModel m;
    private final long[] hits;
    private long programs, records;

    private final int[] x = new int[32];
    private final byte[] tiles = new byte[Tiles.COUNT * Tiles.TILE_BYTES];
    private int xsqmul, xsqshift, xsqzp, ascl0, ascl1, bscl0, bscl1;
    /** The last four records, most recent at (pos - 1) & 3: register and tile written, producer kind, store word address. */
    private final int[] histReg = new int[4], histKind = new int[4], histTile = new int[4], histStore = new int[4];
    private final boolean[] histStoreValid = new boolean[4];
    private int pos, count;

    public CoverageCollector() { this(CoverageModel.standard()); }

    public CoverageCollector(CoverageModel model) {
        m = model;
        hits = new long[m.size()];
    }

    public CoverageModel model() { return m; }

    /** Resets the rebuilt state to the reset state of bare mode. */
    public void beginProgram() {
        programs++;
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(tiles, (byte) 0);
        xsqmul = xsqshift = xsqzp = ascl0 = ascl1 = bscl0 = bscl1 = 0;
        count = 0;
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
        if (trap) {
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
        if (!trap && insn != null) {
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
            warl(insn, word, log.csrAddr(i), log.csrWdata(i), rs1 >= 0 ? x[rs1] : Field.ZIMM.extract(word));
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

    /** A write to xsqshift or xsqzp whose requested value the WARL rule changed. */
    private void warl(Instruction insn, int word, int csr, int now, int src) {
        if (csr != Csr.XSQSHIFT.address() && csr != Csr.XSQZP.address()) return;
        int old = csr == Csr.XSQSHIFT.address() ? xsqshift : xsqzp;
        int requested = switch (insn) {
            case CSRRW, CSRRWI -> src;
            case CSRRS, CSRRSI -> old | src;
            default -> old & ~src;
        };
        if (requested != now) hit(m.xseed.get(csr == Csr.XSQSHIFT.address() ? "xsqshift.warl-clamp" : "xsqzp.warl-clamp"));
    }

    // ------------------------------------------------------------------ Xseed numeric events

    private int tw(int tile, int w) {
        int o = tile * Tiles.TILE_BYTES + 4 * w;
        return (tiles[o] & 0xFF) | (tiles[o + 1] & 0xFF) << 8 | (tiles[o + 2] & 0xFF) << 16 | tiles[o + 3] << 24;
    }

    private void event(String name) { hit(m.xseed.get(name)); }

    private void xseed(Instruction insn, int word, int md, int ma, int mb) {
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
                    if ((code & 0x78) == 0 && (code & 7) != 0) event("tcvt.subnormal");
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
                subA[r] |= (a & 0x78) == 0 && (a & 7) != 0;
                subB[r] |= (b & 0x78) == 0 && (b & 7) != 0;
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
