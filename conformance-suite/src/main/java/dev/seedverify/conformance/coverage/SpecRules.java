package dev.seedverify.conformance.coverage;

import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Tiles;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The coverage bins of the spec's rules rather than its opcodes (issue 13), derived from the
 * tables, never from hand-copied numbers:
 *
 * <ul>
 *   <li><b>csr-values</b>: per writable {@link Csr} whose WARL rule can change a written value, a
 *       write that reads back as written ({@code kept}) and one the rule changed ({@code warl});
 *       where the rule is a clamp to a range, writes at its minimum and maximum and beyond each.
 *       Which CSRs have which classes is found by writing probe values into the golden model's
 *       own CSR behaviour ({@link Hart#setCsr}), the one definition of the rules;</li>
 *   <li><b>counters</b>: per writable counter pair ({@code X}/{@code Xh} in the table, with their
 *       read-only aliases), the low word seen wrapping into the high word, the high word read
 *       after such a carry, and a write of the high word right after the low word was set to all
 *       ones (the write replaces the increment that would carry: spec §1.1);</li>
 *   <li><b>dram</b>: an access whose first byte is the first byte of DRAM and one whose last byte
 *       is its last byte, per direction and per access width of the table (scalar widths and tile
 *       rows); access faults at the first byte past DRAM (load, store, fetch) and just below it;</li>
 *   <li><b>smc</b>: self-modifying code (spec §1): an instruction executed from a word stored
 *       earlier in the program, 1..4 or more records after a {@code fence.i} that followed the
 *       store, and one executed with no {@code fence.i} in between, which the spec allows only
 *       when the stored word is the word that was there (the collector checks it is);</li>
 *   <li><b>numeric</b>: the special classes and limits of requant, E4M3 (operands and
 *       {@code to_e4m3} inputs), UE8M0 scales and binary32, each crossed with the distance 1..4
 *       from the instruction that produced the operand (a tile write or a CSR write) to the one
 *       that consumes it.</li>
 * </ul>
 */
final class SpecRules {
    // ------------------------------------------------------------------ csr-values

    /** By CSR address (-1: no such bin). */
    final int[] kept = new int[4096], warl = new int[4096], atMin = new int[4096], atMax = new int[4096], belowMin = new int[4096],
            aboveMax = new int[4096];
    /** The clamp range of CSRs whose rule is a range (valid where {@link #atMin} is set). */
    final int[] rangeMin = new int[4096], rangeMax = new int[4096];

    /** Values written into the golden model to learn each CSR's rule (bit patterns, extremes, small values). */
    private static final int[] PROBES = {0, 1, 2, 3, 4, -1, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x8, 0x80, 0x88, 0x1800, 0x1888, 0x100,
        0x7FFF_FFFC, 0x8000_0004};

    // ------------------------------------------------------------------ counters

    /** Writable counter pairs: low and high CSR. */
    final List<Csr[]> counters;
    /** By CSR address: the counter pair whose low (or high) word it reads or writes, or -1. */
    final int[] counterLow = new int[4096], counterHigh = new int[4096];
    final int[] carry, carryHighRead, highWriteAtCarry;

    // ------------------------------------------------------------------ dram

    /** By access width in bytes (-1: no such width). */
    final int[] firstLoad = new int[Tiles.ROW_BYTES + 1], lastLoad = new int[Tiles.ROW_BYTES + 1], firstStore = new int[Tiles.ROW_BYTES + 1],
            lastStore = new int[Tiles.ROW_BYTES + 1];
    final int pastEndLoad, pastEndStore, pastEndFetch, belowStartLoad, belowStartStore;
    /** How far below DRAM a faulting access still counts as "just below" it: one tile row. */
    static final int BELOW_START_BYTES = Tiles.ROW_BYTES;

    // ------------------------------------------------------------------ smc

    static final int SMC_FAR = 5;
    /** [distance - 1] for 1..4, [4] for farther. */
    final int[] smcFenced = new int[SMC_FAR];
    final int smcUnfencedSameWord;

    // ------------------------------------------------------------------ numeric

    /** Numeric classes: the consumer and the class, as the bin name says ({@code numeric.<consumer>.<class>.d<n>}). */
    static final String[] NUMERIC_CLASSES = {
        "tquant.in-int-min", "tquant.in-int-max", "tquant.mul-int-min", "tquant.mul-int-max",
        "tquant.shift-min", "tquant.shift-max", "tquant.zp-min", "tquant.zp-max",
        "tcvt.in-nan", "tcvt.in-inf", "tcvt.in-e4m3-max", "tcvt.in-above-e4m3-max", "tcvt.in-subnormal", "tcvt.in-neg-zero",
        "tmma_e4m3.op-nan", "tmma_e4m3.op-max", "tmma_e4m3.op-subnormal", "tmma_e4m3.scale-nan", "tmma_e4m3.scale-min", "tmma_e4m3.scale-max",
        "tadd_f32.in-nan", "tadd_f32.in-inf", "tadd_f32.in-subnormal", "tadd_f32.in-neg-zero", "tadd_f32.in-max-finite"};
    static final int Q_IN_MIN = 0, Q_IN_MAX = 1, Q_MUL_MIN = 2, Q_MUL_MAX = 3, Q_SHIFT_MIN = 4, Q_SHIFT_MAX = 5, Q_ZP_MIN = 6, Q_ZP_MAX = 7,
            C_NAN = 8, C_INF = 9, C_MAX = 10, C_ABOVE_MAX = 11, C_SUBNORMAL = 12, C_NEG_ZERO = 13,
            E_NAN = 14, E_MAX = 15, E_SUBNORMAL = 16, E_SCALE_NAN = 17, E_SCALE_MIN = 18, E_SCALE_MAX = 19,
            F_NAN = 20, F_INF = 21, F_SUBNORMAL = 22, F_NEG_ZERO = 23, F_MAX = 24;
    /** [class][distance - 1] */
    final int[][] numeric = new int[NUMERIC_CLASSES.length][4];

    SpecRules(CoverageModel m) {
        csrValues(m);

        Arrays.fill(counterLow, -1);
        Arrays.fill(counterHigh, -1);
        List<Csr[]> pairs = new java.util.ArrayList<>();
        for (Csr lo : Csr.values()) {
            Csr hi = Csr.byName(lo.mnemonic() + "h");
            if (lo.readOnly() || hi == null || hi.readOnly()) continue;
            int p = pairs.size();
            pairs.add(new Csr[] {lo, hi});
            counterLow[lo.address()] = p;
            counterHigh[hi.address()] = p;
        }
        // Read-only aliases (cycle, instreth, ...) read the same counter as the machine CSR named "m" + alias.
        for (Csr c : Csr.values()) {
            Csr machine = Csr.byName("m" + c.mnemonic());
            if (!c.readOnly() || machine == null) continue;
            if (counterLow[machine.address()] >= 0) counterLow[c.address()] = counterLow[machine.address()];
            if (counterHigh[machine.address()] >= 0) counterHigh[c.address()] = counterHigh[machine.address()];
        }
        counters = List.copyOf(pairs);
        carry = new int[pairs.size()];
        carryHighRead = new int[pairs.size()];
        highWriteAtCarry = new int[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            String n = "counter." + pairs.get(p)[0].mnemonic();
            carry[p] = m.add(CoverageModel.COUNTERS, n + ".carry");
            carryHighRead[p] = m.add(CoverageModel.COUNTERS, n + ".carry-then-high-read");
            highWriteAtCarry[p] = m.add(CoverageModel.COUNTERS, n + ".high-write-at-carry");
        }

        for (int[] a : new int[][] {firstLoad, lastLoad, firstStore, lastStore}) Arrays.fill(a, -1);
        TreeSet<Integer> loads = new TreeSet<>(), stores = new TreeSet<>();
        for (Instruction i : Instruction.all()) {
            switch (i.category()) {
                case LOAD -> loads.add(i.accessBytes());
                case STORE -> stores.add(i.accessBytes());
                case TILE_LOAD -> loads.add(Tiles.ROW_BYTES);
                case TILE_STORE -> stores.add(i == Instruction.TSTN ? Tiles.NARROW_ROW_BYTES : Tiles.ROW_BYTES);
                default -> { }
            }
        }
        for (int w : loads) firstLoad[w] = m.add(CoverageModel.DRAM, "dram.first-byte.load.w" + w);
        for (int w : stores) firstStore[w] = m.add(CoverageModel.DRAM, "dram.first-byte.store.w" + w);
        for (int w : loads) lastLoad[w] = m.add(CoverageModel.DRAM, "dram.last-byte.load.w" + w);
        for (int w : stores) lastStore[w] = m.add(CoverageModel.DRAM, "dram.last-byte.store.w" + w);
        pastEndLoad = m.add(CoverageModel.DRAM, "dram.past-end.load");
        pastEndStore = m.add(CoverageModel.DRAM, "dram.past-end.store");
        pastEndFetch = m.add(CoverageModel.DRAM, "dram.past-end.fetch");
        belowStartLoad = m.add(CoverageModel.DRAM, "dram.below-start.load");
        belowStartStore = m.add(CoverageModel.DRAM, "dram.below-start.store");

        for (int d = 1; d <= 4; d++) smcFenced[d - 1] = m.add(CoverageModel.SMC, "smc.store-fence.i-execute.d" + d);
        smcFenced[SMC_FAR - 1] = m.add(CoverageModel.SMC, "smc.store-fence.i-execute.far");
        smcUnfencedSameWord = m.add(CoverageModel.SMC, "smc.store-same-word-execute-unfenced");

        for (int c = 0; c < NUMERIC_CLASSES.length; c++) {
            for (int d = 1; d <= 4; d++) numeric[c][d - 1] = m.add(CoverageModel.NUMERIC, "numeric." + NUMERIC_CLASSES[c] + ".d" + d);
        }
    }

    /** Learns each writable CSR's value classes from the golden model's own write rule. */
    private void csrValues(CoverageModel m) {
        for (int[] a : new int[][] {kept, warl, atMin, atMax, belowMin, aboveMax}) Arrays.fill(a, -1);
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        for (Csr c : Csr.values()) {
            // Counters and read-only CSRs have no value rule to cover (their writes are the counters group and csr.*.write-illegal).
            if (c.readOnly() || counterOrAlias(c)) continue;
            boolean anyKept = false, anyChanged = false;
            for (int v : PROBES) {
                if (writes(h, c, v) == v) anyKept = true;
                else anyChanged = true;
            }
            if (!anyChanged) continue;
            String n = "csrv." + c.mnemonic();
            if (anyKept) kept[c.address()] = m.add(CoverageModel.CSR_VALUES, n + ".kept");
            warl[c.address()] = m.add(CoverageModel.CSR_VALUES, n + ".warl");
            // A clamp to [lo, hi]: the extremes land on lo and hi, which are kept, and one beyond each lands back on it.
            int lo = writes(h, c, Integer.MIN_VALUE), hi = writes(h, c, Integer.MAX_VALUE);
            if (lo != Integer.MIN_VALUE && hi != Integer.MAX_VALUE && lo < hi && writes(h, c, lo) == lo && writes(h, c, hi) == hi
                    && writes(h, c, lo - 1) == lo && writes(h, c, hi + 1) == hi && writes(h, c, lo + 1) == lo + 1 && writes(h, c, hi - 1) == hi - 1) {
                rangeMin[c.address()] = lo;
                rangeMax[c.address()] = hi;
                atMin[c.address()] = m.add(CoverageModel.CSR_VALUES, n + ".at-min");
                atMax[c.address()] = m.add(CoverageModel.CSR_VALUES, n + ".at-max");
                belowMin[c.address()] = m.add(CoverageModel.CSR_VALUES, n + ".below-min");
                aboveMax[c.address()] = m.add(CoverageModel.CSR_VALUES, n + ".above-max");
            }
        }
    }

    private static int writes(Hart h, Csr c, int v) {
        h.setCsr(c, v);
        return h.csr(c);
    }

    private static boolean counterOrAlias(Csr c) {
        Csr hi = Csr.byName(c.mnemonic() + "h");
        return c.mnemonic().endsWith("h") && Csr.byName(c.mnemonic().substring(0, c.mnemonic().length() - 1)) != null
                || hi != null || c.implementationDefined();
    }
}
