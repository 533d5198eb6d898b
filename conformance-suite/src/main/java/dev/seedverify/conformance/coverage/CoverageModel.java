package dev.seedverify.conformance.coverage;

import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Format;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.isa.OperandKind;
import dev.seedverify.golden.isa.TrapCause;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coverage bins, derived from the ISA table: for every {@link Instruction} its execution (retired or trapped) and
 * the classes of its operands (by the operand's {@link OperandKind} and role: data values zero /
 * negative / INT_MAX / INT_MIN, immediates at 0 / negative / field min / field max, strides and
 * indices zero / negative, rs1 = rs2, rd = rs, aliased tiles), taken and not-taken branches,
 * memory outcomes; every {@link TrapCause} and illegal-encoding kind; hazard distances 1..4 by
 * producer; every {@link Csr} read and write; and the Xseed numeric events. Names look like
 * {@code ADD.rs1=rs2}, {@code BEQ.taken}, {@code LW.misaligned}, {@code trap.LOAD_MISALIGNED},
 * {@code hazard.load-use.d1}, {@code csr.xsqshift.write}, {@code xseed.tquant.saturate-hi}.
 * Then the bins of the spec's rules ({@link SpecRules}): {@code csrv.mtvec.warl},
 * {@code counter.minstret.carry}, {@code dram.last-byte.store.w8}, {@code smc.store-fence.i-execute.d1},
 * {@code numeric.tcvt.in-nan.d2}.
 */
public final class CoverageModel {

    /** One bin. */
    public record Bin(int id, String group, String name) {}

    public static final String INSTRUCTIONS = "instructions", OPERANDS = "operands", BRANCHES = "branches", MEMORY = "memory",
            TRAPS = "traps", HAZARDS = "hazards", CSRS = "csrs", XSEED = "xseed";
    /** The spec-rule groups ({@link SpecRules}): CSR value classes, counter carries, DRAM edges, self-modifying code, numeric limits by hazard distance. */
    public static final String CSR_VALUES = "csr-values", COUNTERS = "counters", DRAM = "dram", SMC = "smc", NUMERIC = "numeric";
    public static final List<String> GROUPS = List.of(INSTRUCTIONS, OPERANDS, BRANCHES, MEMORY, TRAPS, HAZARDS, CSRS, XSEED,
            CSR_VALUES, COUNTERS, DRAM, SMC, NUMERIC);

    /** What an operand is, for its classes. */
    enum Role { DEST, DATA, ADDRESS, STRIDE, INDEX, SIGNED_IMM, UNSIGNED_IMM, TILE, NONE }

    static final int ZERO = 0, NEG = 1, MAX = 2, MIN = 3;
    static final String[] CLASS = {"zero", "neg", "max", "min"};

    /** Bin ids of one instruction (-1: no such bin). */
    static final class InsnBins {
        int executed = -1, taken = -1, notTaken = -1, ok = -1, misaligned = -1, access = -1;
        int rs1EqRs2 = -1, rdEqRs = -1, mdEqMa = -1, maEqMb = -1;
        /** [operand index][class] */
        int[][] classes;
        Role[] roles;
    }

    public static final List<String> HAZARD_KINDS = List.of("raw", "load-use", "muldiv-use", "csr-use", "tile", "store-load");
    public static final List<String> ILLEGAL_KINDS = List.of("unknown-encoding", "xseed-tile-index", "unknown-csr", "read-only-csr-write");
    public static final List<String> FETCH_MISALIGNED_KINDS = List.of("branch", "jal", "jalr");
    public static final List<String> XSEED_EVENTS = List.of(
            "tquant.saturate-hi", "tquant.saturate-lo", "tquant.tie", "tquant.zp-clamp", "tquant.left-shift", "tquant.right-shift",
            "tquant.srdhm-saturate",
            "tcvt.nan", "tcvt.inf", "tcvt.saturate", "tcvt.subnormal", "tcvt.underflow-zero",
            "tmma_e4m3.nan-scale", "tmma_e4m3.nan-operand", "tmma_e4m3.nan-accumulator", "tmma_e4m3.subnormal-operand",
            "tmma_e4m3.overflow-inf", "tmma_e4m3.subnormal-result", "tmma_e4m3.invalid",
            "tadd_f32.nan", "tadd_f32.invalid", "tadd_f32.overflow-inf", "tadd_f32.subnormal-result",
            "tmma_i8.wrap", "tadd_i32.wrap", "trelu_i32.negative",
            "tget.index-wrap", "tput.index-wrap", "xsqshift.warl-clamp", "xsqzp.warl-clamp");

    private static final CoverageModel STANDARD = new CoverageModel();

    private final List<Bin> bins = new ArrayList<>();
    private final Map<String, Integer> byName = new LinkedHashMap<>();
    final InsnBins[] insn = new InsnBins[Instruction.all().size()];
    final int[] trap = new int[16];
    final Map<String, Integer> illegal = new LinkedHashMap<>(), fetchMisaligned = new LinkedHashMap<>(), xseed = new LinkedHashMap<>();
    /** [kind][distance - 1] */
    final int[][] hazard = new int[HAZARD_KINDS.size()][4];
    /** By CSR address: read, write, write-illegal bins. */
    final int[] csrRead = new int[4096], csrWrite = new int[4096], csrWriteIllegal = new int[4096];

    public static CoverageModel standard() { return STANDARD; }

    private CoverageModel() {
        for (Instruction i : Instruction.all()) insn[i.ordinal()] = new InsnBins();
        for (Instruction i : Instruction.all()) insn[i.ordinal()].executed = add(INSTRUCTIONS, i.name() + ".executed");
        for (Instruction i : Instruction.all()) operandBins(i);
        for (Instruction i : Instruction.all()) {
            InsnBins b = insn[i.ordinal()];
            if (i.category() == Category.BRANCH) {
                b.taken = add(BRANCHES, i.name() + ".taken");
                b.notTaken = add(BRANCHES, i.name() + ".not-taken");
            }
        }
        for (Instruction i : Instruction.all()) {
            InsnBins b = insn[i.ordinal()];
            Category c = i.category();
            if (c == Category.LOAD || c == Category.STORE || c == Category.TILE_LOAD || c == Category.TILE_STORE) {
                b.ok = add(MEMORY, i.name() + ".ok");
                if (i.accessBytes() != 1) b.misaligned = add(MEMORY, i.name() + ".misaligned");
                b.access = add(MEMORY, i.name() + ".access");
            }
        }
        java.util.Arrays.fill(trap, -1);
        for (TrapCause c : TrapCause.values()) trap[c.code()] = add(TRAPS, "trap." + c.name());
        for (String k : ILLEGAL_KINDS) illegal.put(k, add(TRAPS, "trap.ILLEGAL_INSTRUCTION." + k));
        for (String k : FETCH_MISALIGNED_KINDS) fetchMisaligned.put(k, add(TRAPS, "trap.FETCH_MISALIGNED." + k));
        for (int k = 0; k < HAZARD_KINDS.size(); k++) {
            for (int d = 1; d <= 4; d++) hazard[k][d - 1] = add(HAZARDS, "hazard." + HAZARD_KINDS.get(k) + ".d" + d);
        }
        java.util.Arrays.fill(csrRead, -1);
        java.util.Arrays.fill(csrWrite, -1);
        java.util.Arrays.fill(csrWriteIllegal, -1);
        for (Csr c : Csr.values()) {
            csrRead[c.address()] = add(CSRS, "csr." + c.mnemonic() + ".read");
            if (c.readOnly()) csrWriteIllegal[c.address()] = add(CSRS, "csr." + c.mnemonic() + ".write-illegal");
            else csrWrite[c.address()] = add(CSRS, "csr." + c.mnemonic() + ".write");
        }
        for (String e : XSEED_EVENTS) xseed.put(e, add(XSEED, "xseed." + e));
        rules = new SpecRules(this);
    }

    /** The spec-rule bins (ids, and what the collector needs to fill them). */
    final SpecRules rules;

    private void operandBins(Instruction i) {
        InsnBins b = insn[i.ordinal()];
        List<Operand> ops = i.operands();
        b.classes = new int[ops.size()][];
        b.roles = new Role[ops.size()];
        boolean hasRd = false, rs1 = false, rs2 = false;
        for (int k = 0; k < ops.size(); k++) {
            Operand o = ops.get(k);
            Role r = role(i, o);
            b.roles[k] = r;
            int[] cls = new int[4];
            java.util.Arrays.fill(cls, -1);
            String prefix = i.name() + "." + o.name() + "=";
            switch (r) {
                case DATA, SIGNED_IMM -> {
                    for (int c = 0; c < 4; c++) cls[c] = add(OPERANDS, prefix + CLASS[c]);
                }
                case STRIDE, INDEX -> {
                    cls[ZERO] = add(OPERANDS, prefix + "zero");
                    cls[NEG] = add(OPERANDS, prefix + "neg");
                }
                case UNSIGNED_IMM -> {
                    cls[ZERO] = add(OPERANDS, prefix + "zero");
                    cls[MAX] = add(OPERANDS, prefix + "max");
                }
                default -> { }
            }
            b.classes[k] = cls;
            if (r == Role.DEST) hasRd = true;
            if (o.kind() == OperandKind.GPR && o.name().equals("rs1")) rs1 = true;
            if (o.kind() == OperandKind.GPR && o.name().equals("rs2")) rs2 = true;
        }
        Format f = i.format();
        if (rs1 && rs2 && f != Format.TILE_MEMORY) b.rs1EqRs2 = add(OPERANDS, i.name() + ".rs1=rs2");
        if (hasRd && (rs1 || rs2) && i != Instruction.JALR) b.rdEqRs = add(OPERANDS, i.name() + ".rd=rs");
        if (f == Format.TILE_DA || f == Format.TILE_DAB) b.mdEqMa = add(OPERANDS, i.name() + ".md=ma");
        if (f == Format.TILE_DAB) b.maEqMb = add(OPERANDS, i.name() + ".ma=mb");
    }

    static Role role(Instruction i, Operand o) {
        switch (o.kind()) {
            case GPR -> {
                if (o.name().equals("rd")) return Role.DEST;
                Category c = i.category();
                boolean rs1 = o.name().equals("rs1");
                if (rs1 && (c == Category.LOAD || c == Category.STORE || i == Instruction.JALR || i.format() == Format.TILE_MEMORY)) return Role.ADDRESS;
                if (i.format() == Format.TILE_MEMORY) return Role.STRIDE;
                if (!rs1 && (i.format() == Format.TILE_GET || i.format() == Format.TILE_PUT)) return Role.INDEX;
                return Role.DATA;
            }
            case SIMM -> {
                return i == Instruction.JALR ? Role.NONE : Role.SIGNED_IMM;
            }
            case UIMM, UNUSED -> {
                // An unused field (a fence's fm, rs1, rd, imm): zero and all ones must both execute as the fence.
                return Role.UNSIGNED_IMM;
            }
            case TILE -> {
                return Role.TILE;
            }
            default -> {
                return Role.NONE;
            }
        }
    }

    /** The value class test: zero, negative, the maximum, the minimum of the operand. */
    static boolean inClass(int cls, int v, Role r, Field f) {
        boolean imm = r == Role.SIGNED_IMM || r == Role.UNSIGNED_IMM;
        return switch (cls) {
            case ZERO -> v == 0;
            case NEG -> v < 0;
            case MAX -> v == (imm ? f.max() : Integer.MAX_VALUE);
            default -> v == (imm ? f.min() : Integer.MIN_VALUE);
        };
    }

    int add(String group, String name) {
        if (byName.containsKey(name)) throw new IllegalStateException("duplicate bin " + name);
        int id = bins.size();
        bins.add(new Bin(id, group, name));
        byName.put(name, id);
        return id;
    }

    public List<Bin> bins() { return Collections.unmodifiableList(bins); }

    public int size() { return bins.size(); }

    public Bin bin(int id) { return bins.get(id); }

    /** The bin id of {@code name}, or -1. */
    public int id(String name) { return byName.getOrDefault(name, -1); }
}
