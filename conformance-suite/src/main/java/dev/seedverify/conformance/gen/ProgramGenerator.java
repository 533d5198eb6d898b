package dev.seedverify.conformance.gen;

import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Extension;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Format;
import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.numerics.Binary32;
import dev.seedverify.golden.isa.OperandKind;
import dev.seedverify.golden.isa.Tiles;
import dev.seedverify.golden.numerics.E4M3;
import dev.seedverify.golden.numerics.UE8M0;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates random bare-mode programs from the ISA table: every {@link Instruction} of a
 * {@link Category} with a non-zero weight can appear, its operands drawn from their
 * {@link Field} ranges and {@link OperandKind}s. The only per-instruction knowledge is what the
 * program structure needs to stay meaningful and free of implementation-defined behaviour:
 *
 * <ul>
 *   <li>loads and stores use the data pointer (t4, offsets stay in the data region) or the fault
 *       pointer (t3 = end of DRAM: negative offsets reach the scratch area, the others fault);
 *       loads may also use any register (a load changes nothing but rd); stores never can, so no
 *       store ever reaches code (spec §1: fetch after a store to code is implementation-defined);</li>
 *   <li>branches and {@code jal} jump forward to body labels; {@code jalr} and {@code mret} jump to
 *       a label through the address scratch register; bounded loops use a reserved counter; so
 *       every program ends (the instruction budget is only the last resort);</li>
 *   <li>traps (illegal words, misaligned and out-of-DRAM accesses and targets, ecall, ebreak) are
 *       skipped by the handler ({@code mepc += 4}; a fetch access fault returns to ra);</li>
 *   <li>CSR instructions use every {@link Csr}; a write to a read-only CSR becomes an illegal word;
 *       mtvec is only read (the handler must stay reachable) except by the mtvec template, which
 *       writes the handler's address with bits 1:0 set or clear; mcycle is read freely (lockstep
 *       synchronises the value);</li>
 *   <li>directed templates aim at the spec-rule coverage bins ({@link #specRule}).</li>
 *   <li>tile loads and stores get their address and stride from the reserved registers, usually a
 *       data block of the right flavour, sometimes a misaligned or out-of-DRAM one.</li>
 * </ul>
 *
 * Operands lean to edge values (0, -1, INT_MIN, INT_MAX, small) and sources to the registers the
 * last 1..4 ops wrote (hazards). The program is a pure function of (seed, weights, DRAM size).
 */
public final class ProgramGenerator {
    private static final int SEED_MIX = 0x5EED_0001;
    static final int[] EDGE_VALUES = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 2, -2, 0x80, 0xFF, 0xFFFF, 0x10000, 31, 32, 0x7FFF};

    /** One numeric class of the spec-rule templates: its consumer, and the values that put an operand in it (a tile word, or a CSR). */
    private record NumericTemplate(Instruction consumer, Csr csr, boolean scaleByte, int... values) {}

    private static final int F32_NAN = Binary32.CANONICAL_NAN,
            F32_INF = Binary32.POSITIVE_INFINITY, F32_MAX = Float.floatToRawIntBits(Float.MAX_VALUE);
    /** binary32 448 and 480: E4M3's largest value and a value beyond it. */
    private static final int F32_448 = Float.floatToRawIntBits(448f), F32_480 = Float.floatToRawIntBits(480f);
    private static final NumericTemplate[] NUMERIC_TEMPLATES = {
        new NumericTemplate(Instruction.TQUANT_I8, null, false, Integer.MIN_VALUE),
        new NumericTemplate(Instruction.TQUANT_I8, null, false, Integer.MAX_VALUE),
        new NumericTemplate(Instruction.TQUANT_I8, Csr.XSQMUL, false, Integer.MIN_VALUE),
        new NumericTemplate(Instruction.TQUANT_I8, Csr.XSQMUL, false, Integer.MAX_VALUE),
        new NumericTemplate(Instruction.TQUANT_I8, Csr.XSQSHIFT, false, Csr.XSQSHIFT_MIN),
        new NumericTemplate(Instruction.TQUANT_I8, Csr.XSQSHIFT, false, Csr.XSQSHIFT_MAX),
        new NumericTemplate(Instruction.TQUANT_I8, Csr.XSQZP, false, Csr.XSQZP_MIN),
        new NumericTemplate(Instruction.TQUANT_I8, Csr.XSQZP, false, Csr.XSQZP_MAX),
        new NumericTemplate(Instruction.TCVT_E4M3, null, false, F32_NAN, 0x7F800001, 0xFFC00000),
        new NumericTemplate(Instruction.TCVT_E4M3, null, false, F32_INF, F32_INF | 0x80000000),
        new NumericTemplate(Instruction.TCVT_E4M3, null, false, F32_448, F32_448 | 0x80000000),
        new NumericTemplate(Instruction.TCVT_E4M3, null, false, F32_480, Float.floatToRawIntBits(464f), F32_MAX | 0x80000000),
        new NumericTemplate(Instruction.TCVT_E4M3, null, false, 0x00000001, 0x807FFFFF, 0x00400000),
        new NumericTemplate(Instruction.TCVT_E4M3, null, false, 0x80000000),
        new NumericTemplate(Instruction.TMMA_E4M3, null, false, E4M3.NAN_CODE * 0x01010101, (0x80 | E4M3.NAN_CODE) << 16),
        new NumericTemplate(Instruction.TMMA_E4M3, null, false, E4M3.MAX_CODE * 0x01010101, (0x80 | E4M3.MAX_CODE) << 8),
        new NumericTemplate(Instruction.TMMA_E4M3, null, false, 0x01 << 24, 0x87, 0x04040404),
        new NumericTemplate(Instruction.TMMA_E4M3, Csr.XSASCL0, true, UE8M0.NAN_SCALE),
        new NumericTemplate(Instruction.TMMA_E4M3, Csr.XSASCL0, true, 0),
        new NumericTemplate(Instruction.TMMA_E4M3, Csr.XSASCL0, true, UE8M0.NAN_SCALE - 1),
        new NumericTemplate(Instruction.TADD_F32, null, false, F32_NAN, 0xFF800123),
        new NumericTemplate(Instruction.TADD_F32, null, false, F32_INF, F32_INF | 0x80000000),
        new NumericTemplate(Instruction.TADD_F32, null, false, 0x00000001, 0x807FFFFF),
        new NumericTemplate(Instruction.TADD_F32, null, false, 0x80000000),
        new NumericTemplate(Instruction.TADD_F32, null, false, F32_MAX, F32_MAX | 0x80000000),
    };

    private static final int FAMILY_MTVEC = 0, FAMILY_COUNTERS = 1, FAMILY_DRAM = 2, FAMILY_SMC = 3, FAMILY_NUMERIC = 4;

    private final Weights weights;
    private final int dramBytes;
    /** The spec-rule template families the weights allow. */
    private final int[] specFamilies;
    private final Map<Category, List<Instruction>> byCategory = new EnumMap<>(Category.class);
    private final List<String> kinds = new ArrayList<>();
    private final int[] kindWeights;
    private final int totalWeight;

    public ProgramGenerator(Weights weights) { this(weights, Memory.DEFAULT_BYTES); }

    public ProgramGenerator(Weights weights, int dramBytes) {
        if (dramBytes < Layout.MIN_DRAM) throw new IllegalArgumentException("DRAM of " + dramBytes + " bytes is too small for generated programs");
        new Memory(dramBytes); // validates the size
        this.weights = weights;
        this.dramBytes = dramBytes;
        for (Instruction i : Instruction.all()) byCategory.computeIfAbsent(i.category(), c -> new ArrayList<>()).add(i);
        List<Integer> w = new ArrayList<>();
        for (Category c : Category.values()) {
            if (byCategory.containsKey(c) && weights.get(c) > 0) {
                kinds.add(Weights.key(c));
                w.add(weights.get(c));
            }
        }
        for (String k : List.of(Weights.XSEQ, Weights.LOOP, Weights.ILLEGAL, Weights.FETCH_FAULT, Weights.LI, Weights.SPEC_RULES)) {
            if (weights.get(k) > 0) {
                kinds.add(k);
                w.add(weights.get(k));
            }
        }
        if (kinds.isEmpty()) throw new IllegalArgumentException("weights select nothing: " + weights);
        // A template family only where the weights allow its instructions (a zero weight means "never").
        List<Integer> families = new ArrayList<>();
        if (weights.get(Category.CSR) > 0) {
            families.add(FAMILY_MTVEC);
            families.add(FAMILY_COUNTERS);
        }
        if (weights.get(Category.LOAD) > 0 && weights.get(Category.STORE) > 0 && weights.get(Category.TILE_LOAD) > 0 && weights.get(Category.TILE_STORE) > 0) {
            families.add(FAMILY_DRAM);
        }
        if (weights.get(Category.STORE) > 0 && weights.get(Category.FENCE) > 0) families.add(FAMILY_SMC);
        if (weights.get(Category.TILE_COMPUTE) > 0 && weights.get(Category.TILE_MOVE) > 0 && weights.get(Category.CSR) > 0) families.add(FAMILY_NUMERIC);
        specFamilies = families.stream().mapToInt(Integer::intValue).toArray();
        kindWeights = w.stream().mapToInt(Integer::intValue).toArray();
        totalWeight = w.stream().mapToInt(Integer::intValue).sum();
    }

    public Weights weights() { return weights; }

    /** The murmur3 64-bit finaliser: a bijection that spreads nearby seeds far apart. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    public int dramBytes() { return dramBytes; }

    /** The program of {@code seed}: the same seed, weights and DRAM size always give the same program. */
    public Program generate(long seed) {
        return new Gen(seed).run();
    }

    /** The instructions of a category, in table order (what the generator draws from). */
    public List<Instruction> instructions(Category c) { return byCategory.getOrDefault(c, List.of()); }

    // ------------------------------------------------------------------ one generation

    private final class Gen {
        final long seed;
        final SplittableRandom r;
        final List<Op> ops = new ArrayList<>();
        /** Register written by each of the last ops (-1: none), most recent last. */
        final List<Integer> recentRegs = new ArrayList<>();
        final List<Integer> recentTiles = new ArrayList<>();
        /** Offsets from t4 of recent data-region stores (for store-to-load forwarding). */
        final List<Integer> recentStoreImms = new ArrayList<>();
        final int[] init = new int[32];
        int length;
        boolean inLoop;
        int nextLoopId;

        Gen(long seed) {
            this.seed = seed;
            // Scramble the seed: SplittableRandom(s) steps its state by a fixed gamma, so nearby raw
            // seeds would give the same stream shifted by a few values (near-identical programs).
            this.r = new SplittableRandom(mix64(seed ^ SEED_MIX));
        }

        Program run() {
            byte[] data = new byte[Layout.DATA_BYTES];
            String[] notes = new String[Layout.BLOCKS];
            for (int b = 0; b < Layout.BLOCKS; b++) {
                DataFlavour f = DataFlavour.BLOCK[b];
                f.fill(data, b * Layout.BLOCK_BYTES, r);
                notes[b] = f.description();
            }
            for (int reg = 1; reg <= Layout.GENERAL_REGS; reg++) init[reg] = pickValue();
            int min = weights.get(Weights.MIN_LEN), max = weights.get(Weights.MAX_LEN);
            length = min + r.nextInt(max - min + 1);
            while (ops.size() < length) emit(pickKind(false));
            fixTargets();
            return new Program(seed, weights, dramBytes, init, ops, data, notes);
        }

        String pickKind(boolean noLoop) {
            while (true) {
                int x = r.nextInt(totalWeight);
                int k = 0;
                while (x >= kindWeights[k]) x -= kindWeights[k++];
                String kind = kinds.get(k);
                if (noLoop && kind.equals(Weights.LOOP)) continue;
                return kind;
            }
        }

        void emit(String kind) {
            switch (kind) {
                case Weights.XSEQ -> xseq();
                case Weights.LOOP -> loop();
                case Weights.ILLEGAL -> illegal();
                case Weights.FETCH_FAULT -> add(new Op.FetchFault("jump past DRAM: fetch access fault, handler returns to ra"), Layout.R_LINK, -1);
                case Weights.LI -> {
                    int rd = pickRd();
                    add(new Op.Li(rd, pickValue(), ""), rd, -1);
                }
                case Weights.SPEC_RULES -> specRule();
                default -> category(Category.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
            }
        }

        void category(Category c) {
            List<Instruction> list = byCategory.get(c);
            Instruction insn = list.get(r.nextInt(list.size()));
            switch (c) {
                case LOAD -> load(insn);
                case STORE -> store(insn);
                case BRANCH -> branch(insn);
                case JUMP -> {
                    if (insn.format() == Format.J) jal(insn);
                    else jalr();
                }
                case SYSTEM -> {
                    if (insn == Instruction.MRET) add(new Op.Mret(pickTarget(), "mret to a label via mepc"), -1, -1);
                    else generic(insn, "");
                }
                case CSR -> csr(insn);
                case TILE_LOAD, TILE_STORE -> tileMem(insn, null, pickTile(), true);
                default -> generic(insn, "");
            }
        }

        // -------------------------------------------------------------- op kinds

        void add(Op op, int writtenReg, int writtenTile) {
            ops.add(op);
            recentRegs.add(writtenReg);
            if (recentRegs.size() > 4) recentRegs.remove(0);
            recentTiles.add(writtenTile);
            if (recentTiles.size() > 4) recentTiles.remove(0);
        }

        /** Any instruction, operands from their kinds and fields. */
        Op.Insn generic(Instruction insn, String note) {
            List<Operand> operands = insn.operands();
            int[] v = new int[operands.size()];
            int rdIdx = -1, rs1Idx = -1, rs2Idx = -1, mdIdx = -1, maIdx = -1, mbIdx = -1;
            for (int k = 0; k < v.length; k++) {
                Operand o = operands.get(k);
                switch (o.kind()) {
                    case GPR -> {
                        if (o.name().equals("rd")) {
                            v[k] = pickRd();
                            rdIdx = k;
                        } else {
                            v[k] = pickSource();
                            if (o.name().equals("rs1")) rs1Idx = k;
                            else rs2Idx = k;
                        }
                    }
                    case TILE -> {
                        switch (o.name()) {
                            case "md" -> { v[k] = pickTile(); mdIdx = k; }
                            case "ma" -> { v[k] = pickSourceTile(); maIdx = k; }
                            default -> { v[k] = pickSourceTile(); mbIdx = k; }
                        }
                    }
                    case SIMM, UIMM -> v[k] = pickImm(o.field());
                    case FENCE_SET -> v[k] = r.nextInt(16);
                    // A fence's unused fields (spec §1): half the fences keep them zero, the others
                    // get any value (edges included), and must still execute as fences.
                    case UNUSED -> v[k] = r.nextBoolean() ? 0 : pickImm(o.field());
                    case CSR -> v[k] = Csr.MSCRATCH.address();
                    case PC_OFFSET -> v[k] = 0;
                }
            }
            int same = weights.get(Weights.SAME_REG);
            if (rs1Idx >= 0 && rs2Idx >= 0 && r.nextInt(100) < same) v[rs2Idx] = v[rs1Idx];
            if (rdIdx >= 0 && rs1Idx >= 0 && v[rs1Idx] != 0 && !Layout.reserved(v[rs1Idx]) && r.nextInt(100) < same) v[rdIdx] = v[rs1Idx];
            if (mdIdx >= 0 && maIdx >= 0 && r.nextInt(100) < 12) v[mdIdx] = v[maIdx];
            if (maIdx >= 0 && mbIdx >= 0 && r.nextInt(100) < 12) v[mbIdx] = v[maIdx];
            Op.Insn op = new Op.Insn(insn, v, -1, 0, note);
            add(op, rdIdx >= 0 && insn.writesGpr() ? v[rdIdx] : -1, insn.writesTile() && mdIdx >= 0 ? v[mdIdx] : -1);
            return op;
        }

        void load(Instruction insn) {
            int bytes = insn.accessBytes();
            int rd = pickRd();
            int x = r.nextInt(100);
            int base, imm;
            String note;
            if (x < 80) {
                base = Layout.R_DATA;
                if (!recentStoreImms.isEmpty() && r.nextInt(100) < weights.get(Weights.HAZARD)) {
                    imm = recentStoreImms.get(r.nextInt(recentStoreImms.size())) & ~(bytes - 1);
                    note = "reads back a recent store";
                } else {
                    imm = dataOffset(bytes);
                    note = "";
                }
            } else if (x < 88) {
                base = Layout.R_BAD;
                imm = r.nextInt(-2048, 2048) & ~(bytes - 1);
                note = "";
            } else {
                base = rd != 0 && r.nextInt(100) < 3 * weights.get(Weights.SAME_REG) ? rd : pickSource();
                imm = pickImm(Field.IMM_I);
                note = "base from a register";
            }
            add(new Op.Insn(insn, new int[] {rd, base, imm}, -1, 0, note), rd, -1);
        }

        void store(Instruction insn) {
            int bytes = insn.accessBytes();
            int rs2 = pickSource();
            int base, imm;
            String note;
            if (r.nextInt(100) < 88) {
                base = Layout.R_DATA;
                imm = dataOffset(bytes);
                note = "";
                if ((imm & (bytes - 1)) == 0) {
                    recentStoreImms.add(imm);
                    if (recentStoreImms.size() > 4) recentStoreImms.remove(0);
                }
            } else {
                base = Layout.R_BAD;
                imm = r.nextInt(-2048, 2048);
                if (r.nextInt(100) >= weights.get(Weights.FAULT)) imm &= ~(bytes - 1);
                note = "";
            }
            // S format operand order: rs2, imm, rs1.
            add(new Op.Insn(insn, new int[] {rs2, imm, base}, -1, 0, note), -1, -1);
        }

        /** An offset from t4 that stays in the data region: edge values kept as they are, others aligned unless a fault is wanted. */
        int dataOffset(int bytes) {
            int imm = pickImm(Field.IMM_I);
            boolean edge = imm == Field.IMM_I.min() || imm == Field.IMM_I.max();
            if (!edge && r.nextInt(100) >= weights.get(Weights.FAULT) / 2) imm &= ~(bytes - 1);
            return imm;
        }

        void branch(Instruction insn) {
            int rs1 = pickSource(), rs2 = pickSource();
            if (r.nextInt(100) < weights.get(Weights.SAME_REG)) rs2 = rs1;
            int skew = r.nextInt(100) < weights.get(Weights.MISALIGN_TARGET) ? 2 : 0;
            add(new Op.Insn(insn, new int[] {rs1, rs2, 0}, pickTarget(), skew, ""), -1, -1);
        }

        void jal(Instruction insn) {
            int rd = r.nextInt(100) < 30 ? Gpr.ZERO : pickRd();
            int skew = r.nextInt(100) < weights.get(Weights.MISALIGN_TARGET) ? 2 : 0;
            add(new Op.Insn(insn, new int[] {rd, 0}, pickTarget(), skew, ""), rd, -1);
        }

        void jalr() {
            int rd = r.nextInt(100) < 30 ? Gpr.ZERO : pickRd();
            int x = r.nextInt(100);
            int misalign = weights.get(Weights.MISALIGN_TARGET);
            int offset = x < misalign ? 2 + r.nextInt(2) : x < misalign + 5 ? 1 : 0;
            add(new Op.JumpReg(rd, pickTarget(), offset, offset >= 2 ? "misaligned target" : offset == 1 ? "bit 0 of the target is cleared" : ""), rd, -1);
        }

        void csr(Instruction insn) {
            Csr[] all = Csr.values();
            Csr csr = all[r.nextInt(all.length)];
            boolean imm = insn.format() == Format.CSR_IMM;
            int rd = r.nextInt(100) < 20 ? Gpr.ZERO : pickRd();
            int src;
            String note = "";
            if (imm) {
                src = r.nextInt(100) < 20 ? 0 : pickImm(Field.ZIMM);
            } else if (r.nextInt(100) < 20) {
                src = Gpr.ZERO;
            } else if (r.nextInt(100) < 50 && !csr.readOnly() && csr != Csr.MTVEC) {
                src = pickRd();
                add(new Op.Li(src, csrValue(csr), "value for " + csr.mnemonic()), src, -1);
                note = "writes " + csr.mnemonic();
            } else {
                src = pickSource();
            }
            int[] v = {rd, csr.address(), src};
            int word = insn.match() | Field.RD.encode(rd) | Field.CSR.encode(csr.address())
                    | (imm ? Field.ZIMM.encode(src) : Field.RS1.encode(src));
            if (insn.writesCsr(word)) {
                if (csr == Csr.MTVEC) {
                    // The handler must stay reachable: read mtvec instead.
                    insn = Instruction.CSRRS;
                    v[2] = Gpr.ZERO;
                    note = "mtvec is only read";
                } else if (csr.readOnly()) {
                    add(new Op.Illegal(word, "illegal: " + Decoder.whyIllegal(word)), -1, -1);
                    return;
                }
            }
            add(new Op.Insn(insn, v, -1, 0, note), rd, -1);
        }

        int csrValue(Csr csr) {
            int x = r.nextInt(100);
            return switch (csr) {
                case XSQMUL -> x < 70 ? DataFlavour.pick(new int[] {0x40000000, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x60000000, 0x20000000, 1, -1, 0x7FFF0000}, r) : r.nextInt();
                case XSQSHIFT -> x < 80 ? DataFlavour.pick(new int[] {-1, -2, -3, -4, -8, -31, 0, 1, 2, 3, 30, 31, 64, -32, -100, 1000}, r) : r.nextInt(-40, 41);
                case XSQZP -> x < 80 ? DataFlavour.pick(new int[] {0, -128, 127, 1, -1, 5, -5, 128, -129, 300, -300}, r) : r.nextInt(-200, 201);
                case XSASCL0, XSASCL1, XSBSCL0, XSBSCL1 -> {
                    int v = 0;
                    for (int b = 0; b < 4; b++) {
                        int y = r.nextInt(100);
                        int s = y < 8 ? 0xFF : y < 14 ? 0 : y < 20 ? 254 : y < 26 ? 1 : y < 60 ? 127 : 110 + r.nextInt(35);
                        v |= s << (8 * b);
                    }
                    yield v;
                }
                case XSSTAT -> DataFlavour.pick(new int[] {0, 1, 2, 3, -1}, r);
                case MSTATUS -> DataFlavour.pick(new int[] {0, 0x8, 0x80, 0x88, -1, 0x1800}, r);
                default -> pickValue();
            };
        }

        /**
         * A tile load or store. {@code flavour} picks the data block (null: any); the address is
         * sometimes made to fault (misaligned base or stride, rows past DRAM) when {@code mayFault}.
         */
        void tileMem(Instruction insn, DataFlavour flavour, int tile, boolean mayFault) {
            boolean narrow = insn == Instruction.TSTN;
            int rowBytes = narrow ? Tiles.NARROW_ROW_BYTES : Tiles.ROW_BYTES;
            int end = Layout.dramEnd(dramBytes);
            int address, stride;
            String note;
            // Faults: misaligned base or stride, rows wholly outside DRAM (below, past the end, a stride
            // that leaves), and a row that straddles the end of DRAM (only its tail outside).
            if (mayFault && r.nextInt(100) < weights.get(Weights.FAULT)) {
                switch (r.nextInt(6)) {
                    case 0 -> { address = Layout.blockAddress(r.nextInt(Layout.BLOCKS)) + 2; stride = 32; note = "misaligned base"; }
                    case 1 -> { address = Layout.blockAddress(r.nextInt(8)); stride = 34; note = "misaligned stride"; }
                    case 2 -> { address = end - 2 * Tiles.ROW_BYTES; stride = 32; note = "rows 2..7 past the end of DRAM: access fault"; }
                    case 3 -> { address = Memory.BASE - 0x100; stride = 32; note = "below DRAM: access fault"; }
                    case 4 -> {
                        // Row 2 starts inside DRAM and ends outside: mtval is the DRAM end, not the row start.
                        address = end - 2 * Tiles.ROW_BYTES - 4 * (1 + r.nextInt(7));
                        stride = 32;
                        note = "row 2 straddles the end of DRAM: access fault at the DRAM end";
                    }
                    default -> { address = Layout.blockAddress(r.nextInt(Layout.BLOCKS)); stride = 0x4000_0000; note = "stride leaves DRAM: access fault"; }
                }
            } else {
                int block = pickBlock(flavour);
                int y = r.nextInt(100);
                if (y < 65) {
                    address = Layout.blockAddress(block);
                    stride = 32;
                } else if (y < 75) {
                    address = Layout.blockAddress(block) + 4 * r.nextInt(56);
                    stride = 0;
                } else if (y < 85 && block < Layout.BLOCKS - 1) {
                    address = Layout.blockAddress(block);
                    stride = 64;
                } else if (y < 95) {
                    address = Layout.blockAddress(block) + 224;
                    stride = -32;
                } else {
                    address = Layout.blockAddress(Math.min(block, Layout.BLOCKS - 2));
                    stride = 36;
                }
                note = "";
            }
            add(new Op.TileMem(insn, tile, address, stride, note), -1, insn.writesTile() ? tile : -1);
        }

        int pickBlock(DataFlavour flavour) {
            List<Integer> ok = new ArrayList<>();
            for (int b = 0; b < Layout.BLOCKS; b++) if (flavour == null || DataFlavour.BLOCK[b] == flavour) ok.add(b);
            return ok.get(r.nextInt(ok.size()));
        }

        /** CSR set-up, tile loads of the right data, one compute op, then maybe a store or tget of the result. */
        void xseq() {
            List<Instruction> compute = byCategory.get(Category.TILE_COMPUTE);
            Instruction op = compute.get(r.nextInt(compute.size()));
            DataFlavour in = switch (op) {
                case TMMA_I8 -> DataFlavour.I8_EDGE;
                case TMMA_E4M3 -> DataFlavour.E4M3_SPECIAL;
                case TQUANT_I8 -> r.nextBoolean() ? DataFlavour.I32_SMALL : DataFlavour.I32_EDGE;
                case TCVT_E4M3, TADD_F32 -> DataFlavour.F32_SPECIAL;
                case TADD_I32, TMAX_I32, TRELU_I32 -> DataFlavour.I32_EDGE;
                default -> null;
            };
            List<Csr> setup = switch (op) {
                case TQUANT_I8 -> List.of(Csr.XSQMUL, Csr.XSQSHIFT, Csr.XSQZP);
                case TMMA_E4M3 -> List.of(Csr.XSASCL0, Csr.XSASCL1, Csr.XSBSCL0, Csr.XSBSCL1);
                default -> List.of();
            };
            for (Csr c : setup) {
                if (r.nextInt(100) < 60) {
                    int reg = pickRd();
                    add(new Op.Li(reg, csrValue(c), "value for " + c.mnemonic()), reg, -1);
                    add(new Op.Insn(Instruction.CSRRW, new int[] {Gpr.ZERO, c.address(), reg}, -1, 0, "xseed set-up"), -1, -1);
                }
            }
            int d = pickTile(), a = r.nextInt(Tiles.COUNT), b = r.nextInt(Tiles.COUNT);
            if (r.nextInt(100) < 12) a = d;
            if (r.nextInt(100) < 12) b = a;
            Format f = op.format();
            if (f == Format.TILE_DA || f == Format.TILE_DAB) tileMem(Instruction.TLD, in, a, r.nextInt(100) < 15);
            if (f == Format.TILE_DAB && b != a) tileMem(Instruction.TLD, in, b, r.nextInt(100) < 15);
            boolean accumulates = op == Instruction.TMMA_I8 || op == Instruction.TMMA_E4M3;
            if (accumulates && d != a && d != b) {
                if (r.nextBoolean()) add(new Op.Insn(Instruction.TZERO, new int[] {d}, -1, 0, "clear the accumulator"), -1, d);
                else tileMem(Instruction.TLD, op == Instruction.TMMA_I8 ? DataFlavour.I32_EDGE : DataFlavour.F32_SPECIAL, d, false);
            }
            int[] v = switch (f) {
                case TILE_D -> new int[] {d};
                case TILE_DA -> new int[] {d, a};
                case TILE_DAB -> new int[] {d, a, b};
                default -> null;
            };
            if (v == null) {
                generic(op, "xseed");
            } else {
                add(new Op.Insn(op, v, -1, 0, "xseed compute"), -1, d);
            }
            int y = r.nextInt(100);
            if (y < 40) {
                tileMem(r.nextBoolean() ? Instruction.TST : Instruction.TSTN, null, d, false);
            } else if (y < 70) {
                int rd = pickRd(), idx = pickRd();
                add(new Op.Li(idx, r.nextInt(100) < 20 ? r.nextInt() : r.nextInt(64), "tile word index"), idx, -1);
                add(new Op.Insn(Instruction.TGET, new int[] {rd, d, idx}, -1, 0, "read a result word"), rd, -1);
            }
        }

        // -------------------------------------------------------------- spec-rule templates (issue 13)

        /** One directed template for a family of spec-rule coverage bins, chosen uniformly among the families the weights allow. */
        void specRule() {
            if (specFamilies.length == 0) {
                filler();
                return;
            }
            switch (specFamilies[r.nextInt(specFamilies.length)]) {
                case FAMILY_MTVEC -> {
                    if (r.nextBoolean()) mtvecWrite();
                    else csrWarl();
                }
                case FAMILY_COUNTERS -> counterCarry();
                case FAMILY_DRAM -> dramEdge();
                case FAMILY_SMC -> selfModifyingCode();
                default -> numericLimit();
            }
        }

        /** A no-op between a producer and its consumer: an ALU instruction when the weights allow them. */
        void filler() {
            if (weights.get(Category.ALU) > 0) category(Category.ALU);
            else add(new Op.Insn(Instruction.ADDI, new int[] {Gpr.ZERO, Gpr.ZERO, 0}, -1, 0, "nop"), -1, -1);
        }

        /** mtvec = the handler with bits 1:0 set (WARL: they read 0) or clear, then sometimes a trap through it. */
        void mtvecWrite() {
            Instruction[] forms = {Instruction.CSRRW, Instruction.CSRRS, Instruction.CSRRC, Instruction.CSRRSI, Instruction.CSRRCI};
            Instruction insn = forms[r.nextInt(forms.length)];
            int rd = r.nextInt(100) < 30 ? Gpr.ZERO : pickRd();
            int low = r.nextInt(4);
            add(new Op.MtvecWrite(insn, rd, low, low != 0 ? "mtvec WARL: bits 1:0 read 0, the handler stays reachable" : "mtvec rewritten"), rd, -1);
            if (weights.get(Category.SYSTEM) > 0 && r.nextBoolean()) add(new Op.Insn(Instruction.ECALL, new int[0], -1, 0, "trap through the written mtvec"), -1, -1);
        }

        /**
         * A write of a CSR with a value rule (not mtvec, not a counter): the usual values, the
         * extremes, and for the Xseed clamps their limits and one beyond each.
         */
        void csrWarl() {
            List<Csr> writable = new ArrayList<>();
            List<Csr> counters = new ArrayList<>();
            for (Csr[] pair : counterPairs()) counters.addAll(List.of(pair));
            for (Csr c : Csr.values()) if (!c.readOnly() && c != Csr.MTVEC && !counters.contains(c)) writable.add(c);
            Csr c = writable.get(r.nextInt(writable.size()));
            int x = r.nextInt(6);
            int value = switch (c) {
                case XSQSHIFT -> new int[] {Csr.XSQSHIFT_MIN - 1, Csr.XSQSHIFT_MIN, Csr.XSQSHIFT_MAX, Csr.XSQSHIFT_MAX + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}[x];
                case XSQZP -> new int[] {Csr.XSQZP_MIN - 1, Csr.XSQZP_MIN, Csr.XSQZP_MAX, Csr.XSQZP_MAX + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}[x];
                default -> x < 4 ? csrValue(c) : x == 4 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            };
            int v = pickGeneral();
            add(new Op.Li(v, value, "value for " + c.mnemonic()), v, -1);
            int rd = r.nextInt(100) < 50 ? Gpr.ZERO : pickRd();
            add(new Op.Insn(Instruction.CSRRW, new int[] {rd, c.address(), v}, -1, 0, "writes " + c.mnemonic()), rd, -1);
        }

        /** Writable counter pairs of the CSR table (X, Xh). */
        List<Csr[]> counterPairs() {
            List<Csr[]> out = new ArrayList<>();
            for (Csr lo : Csr.values()) {
                Csr hi = Csr.byName(lo.mnemonic() + "h");
                if (!lo.readOnly() && hi != null && !hi.readOnly()) out.add(new Csr[] {lo, hi});
            }
            return out;
        }

        /** A CSR that reads counter word {@code c}: itself or its read-only alias (cycle for mcycle). */
        Csr reader(Csr c) {
            Csr alias = c.mnemonic().startsWith("m") ? Csr.byName(c.mnemonic().substring(1)) : null;
            return alias != null && r.nextBoolean() ? alias : c;
        }

        void csrRead(Csr c, String note) {
            int rd = pickRd();
            add(new Op.Insn(Instruction.CSRRS, new int[] {rd, c.address(), Gpr.ZERO}, -1, 0, note), rd, -1);
        }

        /**
         * The low word set a few counts below the carry and read until it wraps, then the high
         * word read; or the low word set to all ones and the high word written by the next
         * instruction (that write replaces the increment that would carry: spec §1.1).
         */
        void counterCarry() {
            List<Csr[]> pairs = counterPairs();
            Csr[] p = pairs.get(r.nextInt(pairs.size()));
            Csr lo = p[0], hi = p[1];
            int v = pickGeneral();
            if (r.nextInt(100) < 70) {
                int before = 1 + r.nextInt(3);
                add(new Op.Li(v, -before, "low word " + before + " below the carry"), v, -1);
                add(new Op.Insn(Instruction.CSRRW, new int[] {Gpr.ZERO, lo.address(), v}, -1, 0, "set " + lo.mnemonic()), -1, -1);
                for (int k = 0; k < 1 + r.nextInt(3); k++) csrRead(reader(lo), "until it wraps");
                csrRead(reader(hi), "the carry in the high word");
            } else {
                int h = pickSource();
                add(new Op.Li(v, -1, "low word all ones"), v, -1);
                add(new Op.Insn(Instruction.CSRRW, new int[] {Gpr.ZERO, lo.address(), v}, -1, 0, "set " + lo.mnemonic()), -1, -1);
                add(new Op.Insn(Instruction.CSRRW, new int[] {Gpr.ZERO, hi.address(), h}, -1, 0, "the high word written instead of the carry"), -1, -1);
                csrRead(reader(lo), "");
                csrRead(reader(hi), "");
            }
        }

        /** An access at the first or last bytes of DRAM, or just past either end, of a width the table has. */
        void dramEdge() {
            int end = Layout.dramEnd(dramBytes);
            int x = r.nextInt(10);
            if (x == 9) {
                add(new Op.FetchFault("jump to the first byte past DRAM: fetch access fault, handler returns to ra"), Layout.R_LINK, -1);
            } else if (x < 6) {
                boolean store = r.nextBoolean();
                List<Instruction> list = byCategory.get(store ? Category.STORE : Category.LOAD);
                Instruction insn = list.get(r.nextInt(list.size()));
                int w = insn.accessBytes();
                int where = r.nextInt(4); // 0 first bytes, 1 last bytes, 2 just past the end, 3 just below the start
                int address = switch (where) {
                    case 0 -> Memory.BASE;
                    case 1 -> end - w;
                    case 2 -> end;
                    default -> Memory.BASE - w;
                };
                String note = switch (where) {
                    case 0 -> "the first bytes of DRAM";
                    case 1 -> "the last bytes of DRAM";
                    case 2 -> "the first byte past DRAM: access fault";
                    default -> "just below DRAM: access fault";
                };
                if (store) {
                    if (where == 1 || where == 2) add(new Op.Insn(insn, new int[] {pickSource(), address - end, Layout.R_BAD}, -1, 0, note), -1, -1);
                    else add(new Op.StoreAt(insn, pickSource(), address, note), -1, -1);
                } else {
                    int rd = pickRd();
                    if (where == 1 || where == 2) {
                        add(new Op.Insn(insn, new int[] {rd, Layout.R_BAD, address - end}, -1, 0, note), rd, -1);
                    } else {
                        int base = 1 + r.nextInt(Layout.GENERAL_REGS);
                        add(new Op.Li(base, address, "address for the next load"), base, -1);
                        add(new Op.Insn(insn, new int[] {rd, base, 0}, -1, 0, note), rd, -1);
                    }
                }
            } else {
                List<Instruction> tiles = new ArrayList<>(byCategory.get(Category.TILE_LOAD));
                tiles.addAll(byCategory.get(Category.TILE_STORE));
                Instruction insn = tiles.get(r.nextInt(tiles.size()));
                int rowBytes = insn == Instruction.TSTN ? Tiles.NARROW_ROW_BYTES : Tiles.ROW_BYTES;
                int tile = insn.writesTile() ? pickTile() : pickSourceTile();
                if (r.nextBoolean()) {
                    // Row 7 ends at the last byte of DRAM.
                    add(new Op.TileMem(insn, tile, end - rowBytes - 7 * Tiles.ROW_BYTES, Tiles.ROW_BYTES, "row 7 ends at the last byte of DRAM"), -1,
                            insn.writesTile() ? tile : -1);
                } else if (insn.category() == Category.TILE_STORE && prologueBytes() < Tiles.ROW_BYTES) {
                    int t = pickTile();
                    add(new Op.TileMem(Instruction.TLD, t, Memory.BASE, Tiles.ROW_BYTES, "row 0 at the first byte of DRAM"), -1, t);
                } else {
                    // Row 0 at the first byte of DRAM (a store there writes only the prologue, which never runs again).
                    int stride = insn.category() == Category.TILE_STORE ? 0 : Tiles.ROW_BYTES;
                    add(new Op.TileMem(insn, tile, Memory.BASE, stride, "row 0 at the first byte of DRAM"), -1, insn.writesTile() ? tile : -1);
                }
            }
        }

        /** addi rd, rs1, new stored over addi rd, rs1, old a few instructions ahead: fenced (any new word) or not (the same word). */
        void selfModifyingCode() {
            int rd = pickRd(), rs1 = pickSource();
            boolean fence = r.nextInt(100) < 75;
            int newImm = pickImm(Field.IMM_I), oldImm = fence ? pickImm(Field.IMM_I) : newImm;
            if (fence && oldImm == newImm) oldImm = newImm == 0 ? 1 : 0;
            int gap = r.nextInt(100) < 85 ? r.nextInt(4) : 4 + r.nextInt(3);
            add(new Op.Smc(rd, rs1, newImm, oldImm, fence, gap, fence ? "store over code, fence.i, " + gap + " no-ops, run it"
                    : "store the same word over code, no fence.i"), rd, -1);
        }

        /**
         * A limit or special value put into an Xseed operand 1..4 instructions before the
         * instruction that consumes it: one of the classes below, each as likely as the others.
         */
        void numericLimit() {
            int cls = r.nextInt(NUMERIC_TEMPLATES.length);
            NumericTemplate t = NUMERIC_TEMPLATES[cls];
            int distance = 1 + r.nextInt(4);
            int md = pickTile(), ma = r.nextInt(Tiles.COUNT), mb = r.nextInt(Tiles.COUNT);
            int value = t.values()[r.nextInt(t.values().length)];
            int v = pickGeneral();
            if (t.csr() != null) {
                Csr csr = t.csr();
                if (csr == Csr.XSASCL0) csr = new Csr[] {Csr.XSASCL0, Csr.XSASCL1, Csr.XSBSCL0, Csr.XSBSCL1}[r.nextInt(4)]; // any of the four scale CSRs
                if (t.scaleByte()) {
                    int b = r.nextInt(4);
                    value = (UE8M0.BIAS * 0x01010101 & ~(0xFF << (8 * b))) | value << (8 * b);
                }
                add(new Op.Li(v, value, "limit value for " + csr.mnemonic()), v, -1);
                add(new Op.Insn(Instruction.CSRRW, new int[] {Gpr.ZERO, csr.address(), v}, -1, 0, "the producer: " + csr.mnemonic()), -1, -1);
            } else {
                int idx = pickGeneral();
                while (idx == v) idx = pickGeneral();
                add(new Op.Li(v, value, "limit value"), v, -1);
                add(new Op.Li(idx, r.nextInt(Tiles.WORDS), "tile word index"), idx, -1);
                add(new Op.Insn(Instruction.TPUT, new int[] {ma, v, idx}, -1, 0, "the producer: m" + ma), -1, ma);
            }
            for (int k = 1; k < distance; k++) filler();
            Instruction op = t.consumer();
            int[] operands = op.format() == Format.TILE_DAB ? new int[] {md, ma, mb} : new int[] {md, ma};
            add(new Op.Insn(op, operands, -1, 0, "consumes it " + distance + " after its producer"), -1, md);
        }

        /** A general register other than x0. */
        int pickGeneral() { return 1 + r.nextInt(Layout.GENERAL_REGS); }

        /** A lower bound of the prologue's size: its fixed part (la, csrrw, two li) and one instruction per non-zero initial register. */
        int prologueBytes() {
            int n = 0;
            for (int reg = 1; reg <= Layout.GENERAL_REGS; reg++) if (init[reg] != 0) n++;
            return 24 + 4 * n;
        }

        void loop() {
            if (inLoop || length - ops.size() < 4) {
                category(Category.ALU);
                return;
            }
            int id = nextLoopId++;
            int count = 1 + r.nextInt(4);
            add(new Op.LoopHead(id, count, ""), Layout.R_LOOP, -1);
            inLoop = true;
            int k = 2 + r.nextInt(7);
            int start = ops.size();
            while (ops.size() - start < k) emit(pickKind(true));
            add(new Op.LoopTail(id, ""), Layout.R_LOOP, -1);
            inLoop = false;
        }

        void illegal() {
            for (int attempt = 0; attempt < 50; attempt++) {
                int word = candidateIllegal();
                if (Decoder.decode(word) == null) {
                    add(new Op.Illegal(word, "illegal: " + Decoder.whyIllegal(word)), -1, -1);
                    return;
                }
            }
            add(new Op.Illegal(0, "illegal: all-zero word"), -1, -1);
        }

        int candidateIllegal() {
            List<Instruction> all = Instruction.all();
            switch (r.nextInt(6)) {
                case 0 -> {
                    // A tile operand >= 8 in an otherwise legal Xseed word.
                    List<Instruction> xs = all.stream().filter(i -> i.extension() == Extension.XSEED).toList();
                    Instruction insn = xs.get(r.nextInt(xs.size()));
                    int w = insn.match();
                    boolean bad = false;
                    for (Operand o : insn.operands()) {
                        int v = o.kind() == OperandKind.TILE && !bad ? 8 + r.nextInt(24) : r.nextInt(o.kind() == OperandKind.TILE ? 8 : 32);
                        bad |= o.kind() == OperandKind.TILE;
                        w |= o.field().encode(v);
                    }
                    return w;
                }
                case 1 -> {
                    // A fixed bit of a table instruction flipped (reserved Xseed fields, funct values, opcodes).
                    Instruction insn = all.get(r.nextInt(all.size()));
                    int fixed = insn.mask() & ~0x7F;
                    int bit;
                    do {
                        bit = r.nextInt(32);
                    } while (fixed != 0 && (fixed >>> bit & 1) == 0);
                    return insn.match() ^ (1 << bit);
                }
                case 2 -> {
                    // A CSR number the S1 does not have: half of them next to the Xseed CSRs.
                    int csr;
                    do {
                        csr = r.nextInt(100) < 50 ? Csr.XSSTAT.address() + r.nextInt(64) : r.nextInt(4096);
                    } while (Csr.byAddress(csr) != null);
                    return Instruction.CSRRS.match() | Field.RD.encode(pickRd()) | Field.CSR.encode(csr);
                }
                case 3 -> {
                    // A write to a read-only CSR.
                    List<Csr> ro = java.util.Arrays.stream(Csr.values()).filter(Csr::readOnly).toList();
                    Csr c = ro.get(r.nextInt(ro.size()));
                    return Instruction.CSRRW.match() | Field.RD.encode(pickRd()) | Field.CSR.encode(c.address()) | Field.RS1.encode(pickSource());
                }
                case 4 -> {
                    return r.nextBoolean() ? 0 : -1;
                }
                default -> {
                    return r.nextInt();
                }
            }
        }

        // -------------------------------------------------------------- operands

        int pickRd() {
            return r.nextInt(100) < 4 ? Gpr.ZERO : 1 + r.nextInt(Layout.GENERAL_REGS);
        }

        int pickSource() {
            int x = r.nextInt(100);
            int hazard = weights.get(Weights.HAZARD);
            if (x < hazard) {
                int d = 1 + r.nextInt(4);
                for (int k = 0; k < 4; k++) {
                    int dd = 1 + (d - 1 + k) % 4;
                    if (dd <= recentRegs.size()) {
                        int reg = recentRegs.get(recentRegs.size() - dd);
                        if (reg > 0) return reg;
                    }
                }
            }
            if (x >= 95) return Gpr.ZERO;
            if (x >= 92) return Layout.R_BAD + r.nextInt(3); // t3..t5: read-only use of scaffolding values
            return 1 + r.nextInt(Layout.GENERAL_REGS);
        }

        int pickTile() { return r.nextInt(Tiles.COUNT); }

        int pickSourceTile() {
            if (r.nextInt(100) < weights.get(Weights.HAZARD)) {
                for (int k = recentTiles.size() - 1; k >= 0; k--) if (recentTiles.get(k) >= 0) return recentTiles.get(k);
            }
            return r.nextInt(Tiles.COUNT);
        }

        /** An immediate for {@code f}: edge values, small values, or any value of the field. */
        int pickImm(Field f) {
            int x = r.nextInt(100);
            int edge = weights.get(Weights.EDGE);
            int v;
            if (x < edge) {
                int[] c = f.signed() ? new int[] {0, f.step(), -f.step(), f.min(), f.max()} : new int[] {0, 1, f.max()};
                v = c[r.nextInt(c.length)];
            } else if (x < edge + 25) {
                v = f.signed() ? r.nextInt(-16, 17) : r.nextInt(Math.min(17, f.max() + 1));
            } else {
                v = (int) (f.min() + r.nextLong((long) f.max() - f.min() + 1));
            }
            v -= Math.floorMod(v, f.step());
            return f.accepts(v) ? v : 0;
        }

        /** An initial or loaded value: edge values, small values, data pointers, anything. */
        int pickValue() {
            int x = r.nextInt(100);
            int edge = weights.get(Weights.EDGE);
            if (x < edge) return EDGE_VALUES[r.nextInt(EDGE_VALUES.length)];
            if (x < edge + 20) return r.nextInt(-64, 65);
            if (x < edge + 30) return Layout.DATA_START + 4 * r.nextInt(Layout.DATA_BYTES / 4);
            return r.nextInt();
        }

        int pickTarget() {
            int i = ops.size();
            int x = r.nextInt(100);
            int d = x < 70 ? 1 + r.nextInt(4) : x < 95 ? 5 + r.nextInt(8) : length + 64;
            return (int) Math.min((long) i + d, Integer.MAX_VALUE);
        }

        /** Targets past the end go to the epilogue; a jump from outside a loop into its body goes to its head. */
        void fixTargets() {
            int n = ops.size();
            int[] loopOf = new int[n];
            java.util.Arrays.fill(loopOf, -1);
            int[] headOf = new int[n];
            int head = -1;
            for (int i = 0; i < n; i++) {
                Op op = ops.get(i);
                if (op instanceof Op.LoopHead) head = i;
                else if (op instanceof Op.LoopTail) {
                    for (int k = head + 1; k <= i; k++) {
                        loopOf[k] = head;
                        headOf[k] = head;
                    }
                    head = -1;
                }
            }
            for (int i = 0; i < n; i++) {
                Op op = ops.get(i);
                int t = op.target();
                if (t < 0) continue;
                int nt = Math.min(t, n);
                if (nt < n && loopOf[nt] >= 0 && loopOf[nt] != loopOf[i]) nt = headOf[nt];
                if (nt <= i) nt = i + 1;
                if (nt != t) ops.set(i, op.withTarget(nt));
            }
        }
    }
}
