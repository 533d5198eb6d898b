package dev.seedverify.conformance.gen;

import dev.seedverify.golden.isa.Category;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The knobs of the program generator, as named integers: one weight per ISA {@link Category}
 * (key = the category's name in lower case, so the set follows the ISA table), weights of the
 * generator's compound kinds, and percentages/lengths. Written as {@code key=value,key=value}
 * (only the keys that differ from {@link #DEFAULT} need to be given), so a reproducer records
 * the exact weights it was generated with.
 */
public final class Weights {

    // Compound kinds (besides one weight per Category).
    /** Xseed sequences: CSR set-up, tile loads of interesting data, a compute op, a store or tget. */
    public static final String XSEQ = "xseq";
    /** Bounded loops (counter in a reserved register, 1..4 iterations). */
    public static final String LOOP = "loop";
    /** Illegal instruction words (bad tile index, reserved Xseed fields, unknown CSR, ...). */
    public static final String ILLEGAL = "illegal";
    /** A jump outside DRAM (fetch access fault; the handler returns to the link register). */
    public static final String FETCH_FAULT = "fetch_fault";
    /** A load-immediate of an edge value into a general register. */
    public static final String LI = "li";
    /**
     * Directed templates for the spec-rule coverage bins (issue 13): WARL writes of mtvec, counter
     * carries, accesses at the first and last bytes of DRAM, self-modifying code around
     * {@code fence.i}, limit values into requant and the converters 1..4 instructions after
     * their producer. 0 gives exactly the programs of the generator before the templates existed.
     */
    public static final String SPEC_RULES = "spec_rules";

    // Percentages and sizes.
    /** % of source registers taken from the destinations of the last 1..4 ops (pipeline hazards). */
    public static final String HAZARD = "hazard_pct";
    /** % of immediates and values drawn from the edge values (0, 1, -1, min, max). */
    public static final String EDGE = "edge_pct";
    /** % of memory ops given a misaligned or out-of-DRAM address. */
    public static final String FAULT = "fault_pct";
    /** % of branches and jumps aimed 2 bytes past their label (fetch-misaligned trap when taken). */
    public static final String MISALIGN_TARGET = "misalign_target_pct";
    /** % of instructions with two source registers given rs1 = rs2, and of rd = rs1. */
    public static final String SAME_REG = "same_reg_pct";
    public static final String MIN_LEN = "min_len";
    public static final String MAX_LEN = "max_len";

    public static final Weights DEFAULT;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Category c : Category.values()) m.put(key(c), 0);
        m.put(key(Category.UPPER), 3);
        m.put(key(Category.JUMP), 3);
        m.put(key(Category.BRANCH), 8);
        m.put(key(Category.LOAD), 8);
        m.put(key(Category.STORE), 6);
        m.put(key(Category.ALU_IMM), 9);
        m.put(key(Category.SHIFT_IMM), 5);
        m.put(key(Category.ALU), 12);
        m.put(key(Category.MUL_DIV), 9);
        m.put(key(Category.FENCE), 1);
        m.put(key(Category.SYSTEM), 2);
        m.put(key(Category.CSR), 8);
        m.put(key(Category.TILE_LOAD), 2);
        m.put(key(Category.TILE_STORE), 2);
        m.put(key(Category.TILE_COMPUTE), 3);
        m.put(key(Category.TILE_MOVE), 3);
        m.put(XSEQ, 5);
        m.put(LOOP, 2);
        m.put(ILLEGAL, 2);
        m.put(FETCH_FAULT, 1);
        m.put(LI, 3);
        m.put(SPEC_RULES, 3);
        m.put(HAZARD, 35);
        m.put(EDGE, 40);
        m.put(FAULT, 12);
        m.put(MISALIGN_TARGET, 5);
        m.put(SAME_REG, 8);
        m.put(MIN_LEN, 30);
        m.put(MAX_LEN, 70);
        DEFAULT = new Weights(m);
    }

    private final Map<String, Integer> values;

    private Weights(Map<String, Integer> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static String key(Category c) { return c.name().toLowerCase(Locale.ROOT); }

    public int get(String key) {
        Integer v = values.get(key);
        if (v == null) throw new IllegalArgumentException("no weight named '" + key + "' (known: " + values.keySet() + ")");
        return v;
    }

    public int get(Category c) { return get(key(c)); }

    /** A copy with {@code key} set to {@code value}. */
    public Weights with(String key, int value) {
        get(key);
        if (value < 0) throw new IllegalArgumentException("weight " + key + " must not be negative: " + value);
        Map<String, Integer> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return new Weights(m).checked();
    }

    public Map<String, Integer> asMap() { return values; }

    /**
     * The defaults overridden by {@code spec} ({@code "alu=20,load=0,max_len=200"}); an empty or
     * blank spec, or {@code "default"}, is {@link #DEFAULT}.
     */
    public static Weights parse(String spec) {
        Weights w = DEFAULT;
        if (spec == null || spec.isBlank() || spec.strip().equals("default")) return w;
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("weights: expected key=value, got '" + p + "'");
            String k = p.substring(0, eq).strip();
            int v;
            try {
                v = Integer.parseInt(p.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weights: value of " + k + " is not an integer: '" + p + "'");
            }
            w = w.with(k, v);
        }
        return w;
    }

    private Weights checked() {
        if (values.get(MIN_LEN) > values.get(MAX_LEN)) {
            throw new IllegalArgumentException("weights: min_len " + values.get(MIN_LEN) + " > max_len " + values.get(MAX_LEN));
        }
        return this;
    }

    /** Only the keys that differ from {@link #DEFAULT}, or {@code "default"}. Parses back to equal weights. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            if (!e.getValue().equals(DEFAULT.values.get(e.getKey()))) {
                s.append(s.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return s.length() == 0 ? "default" : s.toString();
    }

    /** Every key with its value. */
    public String toFullString() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            s.append(s.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) { return o instanceof Weights w && w.values.equals(values); }

    @Override
    public int hashCode() { return values.hashCode(); }
}
