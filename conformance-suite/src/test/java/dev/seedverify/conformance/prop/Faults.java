package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.prop.FaultyGoldenBackend.Fault;
import dev.seedverify.conformance.prop.FaultyGoldenBackend.Step;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Tiles;
import dev.seedverify.golden.isa.TrapCause;
import dev.seedverify.golden.numerics.Binary32;
import dev.seedverify.golden.numerics.Requant;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Realistic RTL-style bugs, injected at record level into a golden-model DUT ({@link FaultyGoldenBackend}).
 * Fault objects are shared by all DUTs (and threads): any state they carry lives in the DUT's {@link Step}.
 */
final class Faults {
    private Faults() {}

    /** Every fault with the unit and field its bucket must name, and how few body instructions its shrunk reproducer may have. */
    record Case(Fault fault, String unit, String field, int maxInstructions) {
        @Override
        public String toString() { return fault.name(); }
    }

    static List<Case> all() {
        return List.of(
                new Case(SRA_AS_SRL_WHEN_NEGATIVE, "sra", "rd_wdata", 2),
                new Case(MULH_AS_MULHU, "mulh", "rd_wdata", 2),
                new Case(DIV_BY_ZERO_GIVES_ZERO, "div", "rd_wdata", 2),
                new Case(BLTU_COMPARES_SIGNED, "bltu", "next-pc", 3),
                new Case(LOAD_USE_STALE_OPERAND, "load-use", "operand", 3),
                new Case(RS2_FORWARD_MISSING, "stale-rs2", "operand", 3),
                new Case(MEPC_OFF_BY_FOUR, "csr:mepc", "rd_wdata", 2),
                new Case(MTVAL_ALIGNED_ON_MISALIGNED_STORE, "trap", "trap_tval", 3),
                new Case(EBREAK_MTVAL_ZERO, "trap", "trap_tval", 1),
                new Case(XSQSHIFT_CLAMPS_TO_31, "csr:xsqshift", "csr_wdata", 3),
                new Case(TQUANT_NEGATIVE_TIES_UP, "tquant.i8", "tile.row[].word[]", 12),
                new Case(TADD_F32_PROPAGATES_NAN_PAYLOAD, "tadd.f32", "tile.row[].word[]", 12),
                new Case(TCVT_INF_TO_NAN, "tcvt.e4m3", "tile.row[].word[]", 10));
    }

    static boolean retired(CommitLog log, int i, Step s, Instruction insn) {
        return !log.trap(i) && s.insn == insn;
    }

    /** Sets rd to {@code v} in the record and in the hart (the wrong value flows on). */
    static void setRd(Hart h, CommitLog log, int i, int v) {
        int rd = log.rdAddr(i);
        log.setField(i, CommitLog.RD_WDATA, rd == 0 ? 0 : v);
        h.setX(rd, v);
    }

    static Fault rdFault(String name, Instruction insn, BiFunction<Integer, Integer, Integer> wrong, java.util.function.BiPredicate<Integer, Integer> when) {
        return new Fault() {
            @Override
            public String name() { return name; }

            @Override
            public void after(Hart h, Step s, CommitLog log, int i) {
                if (retired(log, i, s, insn) && when.test(s.rs1v, s.rs2v)) setRd(h, log, i, wrong.apply(s.rs1v, s.rs2v));
            }
        };
    }

    static final Fault SRA_AS_SRL_WHEN_NEGATIVE = rdFault("sra-as-srl-when-negative", Instruction.SRA,
            (a, b) -> a >>> (b & 31), (a, b) -> a < 0 && (b & 31) != 0);

    static final Fault MULH_AS_MULHU = rdFault("mulh-as-mulhu", Instruction.MULH,
            (a, b) -> (int) (((a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL)) >>> 32), (a, b) -> true);

    static final Fault DIV_BY_ZERO_GIVES_ZERO = rdFault("div-by-zero-gives-zero", Instruction.DIV, (a, b) -> 0, (a, b) -> b == 0);

    /** BLTU compares signed: a wrong branch decision when the operands' sign bits differ. */
    static final Fault BLTU_COMPARES_SIGNED = new Fault() {
        @Override
        public String name() { return "bltu-compares-signed"; }

        @Override
        public void after(Hart h, Step s, CommitLog log, int i) {
            if (!retired(log, i, s, Instruction.BLTU)) return;
            boolean signed = s.rs1v < s.rs2v;
            boolean unsigned = Integer.compareUnsigned(s.rs1v, s.rs2v) < 0;
            if (signed == unsigned) return;
            int wrong = signed ? s.pc + Field.IMM_B.extract(s.word) : s.pc + 4;
            if ((wrong & 3) != 0) return;
            log.setField(i, CommitLog.PC_NEXT, wrong);
            h.setPc(wrong);
        }
    };

    /** What a stale-operand bug's consumer reads: whether it reads {@code reg} through the path the bug breaks. */
    interface StaleRead {
        boolean reads(Instruction insn, Step s, int reg);
    }

    /**
     * The instruction right after a writer that {@code writer} accepts, reading its rd where
     * {@code read} says, sees the register's value from before that write (an interlock or a
     * forwarding path missing); the write itself lands as usual.
     */
    static Fault staleOperand(String name, java.util.function.Predicate<Instruction> writer, StaleRead read) {
        return new Fault() {
            @Override
            public String name() { return name; }

            @Override
            public void reset(Step s) {
                s.pendingReg = 0;
                s.stale = false;
            }

            @Override
            public void before(Hart h, Step s) {
                s.stale = false;
                if (s.pendingReg != 0 && s.insn != null && read.reads(s.insn, s, s.pendingReg)) {
                    h.setX(s.pendingReg, s.pendingOld);
                    if (s.rs1 == s.pendingReg) s.rs1v = s.pendingOld;
                    if (s.rs2 == s.pendingReg) s.rs2v = s.pendingOld;
                    s.stale = true;
                }
            }

            @Override
            public void after(Hart h, Step s, CommitLog log, int i) {
                if (s.stale && (log.trap(i) || log.rdAddr(i) != s.pendingReg)) h.setX(s.pendingReg, s.pendingNew);
                s.pendingReg = 0;
                if (!log.trap(i) && s.insn != null && writer.test(s.insn) && log.rdAddr(i) != 0) {
                    s.pendingReg = log.rdAddr(i);
                    s.pendingOld = s.rdOld;
                    s.pendingNew = log.rdWdata(i);
                }
            }
        };
    }

    private static boolean isLoad(Instruction insn) { return insn.category() == dev.seedverify.golden.isa.Category.LOAD; }

    /** A load's result is not forwarded: the next instruction reading its rd sees the old value. */
    static final Fault LOAD_USE_STALE_OPERAND = staleOperand("load-use-stale-operand", Faults::isLoad, (insn, s, reg) -> switch (insn.format()) {
        case R, S, B, TILE_MEMORY, TILE_PUT -> s.rs1 == reg || s.rs2 == reg;
        case I, SHIFT, CSR -> s.rs1 == reg;
        case TILE_GET -> s.rs2 == reg;
        default -> false;
    });

    /**
     * The rs2 forwarding from the instruction right ahead is missing (RTL mutant
     * fwd-mem-rs2-missing's golden-model twin): an instruction reading as rs2 (and not as rs1) the
     * register that a non-load instruction right before wrote sees its old value.
     */
    static final Fault RS2_FORWARD_MISSING = staleOperand("rs2-forward-missing", insn -> !isLoad(insn), (insn, s, reg) -> switch (insn.format()) {
        case R, S, B -> s.rs2 == reg && s.rs1 != reg;
        default -> false;
    });

    /** Traps save pc + 4 in mepc: the handler's read of mepc differs. */
    static final Fault MEPC_OFF_BY_FOUR = new Fault() {
        @Override
        public String name() { return "mepc-off-by-four"; }

        @Override
        public void after(Hart h, Step s, CommitLog log, int i) {
            if (log.trap(i)) h.setCsr(Csr.MEPC, h.csr(Csr.MEPC) + 4);
        }
    };

    /** A misaligned store reports the word-aligned address in mtval. */
    static final Fault MTVAL_ALIGNED_ON_MISALIGNED_STORE = new Fault() {
        @Override
        public String name() { return "mtval-aligned-on-misaligned-store"; }

        @Override
        public void after(Hart h, Step s, CommitLog log, int i) {
            if (log.trap(i) && log.cause(i) == TrapCause.STORE_MISALIGNED.code()) {
                int wrong = log.tval(i) & ~3;
                log.setField(i, CommitLog.TVAL, wrong);
                h.setCsr(Csr.MTVAL, wrong);
            }
        }
    };

    static final Fault EBREAK_MTVAL_ZERO = new Fault() {
        @Override
        public String name() { return "ebreak-mtval-zero"; }

        @Override
        public void after(Hart h, Step s, CommitLog log, int i) {
            if (log.trap(i) && log.cause(i) == TrapCause.BREAKPOINT.code()) {
                log.setField(i, CommitLog.TVAL, 0);
                h.setCsr(Csr.MTVAL, 0);
            }
        }
    };

    /** The WARL clamp of xsqshift lets 31 through (the record shows the written value as 31). */
    static final Fault XSQSHIFT_CLAMPS_TO_31 = new Fault() {
        @Override
        public String name() { return "xsqshift-clamps-to-31"; }

        @Override
        public void after(Hart h, Step s, CommitLog log, int i) {
            if (log.trap(i) || (log.flags(i) & CommitLog.FLAG_CSR_WRITE) == 0 || log.csrAddr(i) != Csr.XSQSHIFT.address()) return;
            int requested = switch (s.insn) {
                case CSRRW -> s.rs1v;
                case CSRRWI -> s.rs1;
                default -> 0;
            };
            if (requested > Csr.XSQSHIFT_MAX) log.setField(i, CommitLog.CSR_WDATA, 31);
        }
    };

    /** Captures the source tiles and requant CSRs of an Xseed instruction before it runs. */
    abstract static class TileFault implements Fault {
        private final Instruction insn;

        TileFault(Instruction insn) { this.insn = insn; }

        @Override
        public void before(Hart h, Step s) {
            if (s.insn != insn) return;
            s.tileA = words(h, s.rs1);
            s.tileB = insn.format() == dev.seedverify.golden.isa.Format.TILE_DAB ? words(h, s.rs2) : null;
            s.xsqmul = h.csr(Csr.XSQMUL);
            s.xsqshift = h.csr(Csr.XSQSHIFT);
            s.xsqzp = h.csr(Csr.XSQZP);
        }

        @Override
        public void after(Hart h, Step s, CommitLog log, int i) {
            if (!retired(log, i, s, insn)) return;
            int[] golden = new int[Tiles.WORDS];
            for (int w = 0; w < Tiles.WORDS; w++) golden[w] = log.tileWord(i, w);
            int[] wrong = wrong(s, golden.clone());
            if (java.util.Arrays.equals(wrong, golden)) return;
            Records.replaceTile(log, i, wrong);
            for (int w = 0; w < Tiles.WORDS; w++) h.tiles().setWord(s.rd, w, wrong[w]);
        }

        /** The DUT's result from the golden one. */
        abstract int[] wrong(Step s, int[] result);

        static int[] words(Hart h, int tile) {
            int[] w = new int[Tiles.WORDS];
            for (int k = 0; k < w.length; k++) w[k] = h.tiles().word(tile, k);
            return w;
        }
    }

    /** requant rounds negative ties towards +inf (RDBPOT without the +1 for negative x). */
    static final Fault TQUANT_NEGATIVE_TIES_UP = new TileFault(Instruction.TQUANT_I8) {
        @Override
        public String name() { return "tquant-negative-ties-up"; }

        @Override
        int[] wrong(Step s, int[] result) {
            byte[] bytes = new byte[Tiles.TILE_BYTES];
            for (int r = 0; r < Tiles.ROWS; r++) {
                for (int j = 0; j < 8; j++) bytes[32 * r + j] = (byte) requantTiesUp(s.tileA[8 * r + j], s.xsqmul, s.xsqshift, s.xsqzp);
            }
            int[] out = new int[Tiles.WORDS];
            for (int w = 0; w < out.length; w++) {
                out[w] = (bytes[4 * w] & 0xFF) | (bytes[4 * w + 1] & 0xFF) << 8 | (bytes[4 * w + 2] & 0xFF) << 16 | bytes[4 * w + 3] << 24;
            }
            return out;
        }

        int requantTiesUp(int x, int m, int shift, int zp) {
            int left = Math.max(shift, 0), right = Math.max(-shift, 0);
            int v = Requant.srdhm(x << left, m);
            int mask = (int) ((1L << right) - 1);
            int rem = v & mask;
            v = (v >> right) + (rem > (mask >> 1) ? 1 : 0);
            long r = (long) v + zp;
            return (int) Math.max(-128, Math.min(127, r));
        }
    };

    /** tadd.f32 passes an operand's NaN through instead of the canonical NaN. */
    static final Fault TADD_F32_PROPAGATES_NAN_PAYLOAD = new TileFault(Instruction.TADD_F32) {
        @Override
        public String name() { return "tadd-f32-propagates-nan-payload"; }

        @Override
        int[] wrong(Step s, int[] result) {
            for (int w = 0; w < result.length; w++) {
                if (Binary32.isNaN(s.tileA[w])) result[w] = s.tileA[w];
                else if (Binary32.isNaN(s.tileB[w])) result[w] = s.tileB[w];
            }
            return result;
        }
    };

    /** tcvt.e4m3 turns +-inf into the NaN code instead of saturating to +-448. */
    static final Fault TCVT_INF_TO_NAN = new TileFault(Instruction.TCVT_E4M3) {
        @Override
        public String name() { return "tcvt-inf-to-nan"; }

        @Override
        int[] wrong(Step s, int[] result) {
            for (int r = 0; r < Tiles.ROWS; r++) {
                for (int j = 0; j < 8; j++) {
                    if ((s.tileA[8 * r + j] & 0x7FFFFFFF) == Binary32.POSITIVE_INFINITY) {
                        int byteIndex = 32 * r + j, w = byteIndex / 4, shift = 8 * (byteIndex % 4);
                        result[w] = (result[w] & ~(0xFF << shift)) | (0x7F << shift);
                    }
                }
            }
            return result;
        }
    };
}
