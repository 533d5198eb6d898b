package dev.seedverify.golden.exec;

import java.lang.invoke.MethodHandles;

/**
 * The translating engine's translations for one {@link Hart}: finds the translation for a pc,
 * counts how often untranslated entry points are reached, and translates those that prove hot
 * ({@link RegionPlan}; the code comes from {@link CodeCache}, shared between harts, or from
 * {@link RegionCompiler} as a hidden class, nestmate of {@link Hart} so it reads the hart's
 * fields directly). A translation is entered at its checks (entry, loop heads, return sites);
 * a pc that some translation covers elsewhere must be {@link #COVERED_HOTNESS} times hotter before
 * it gets a translation of its own (execution usually reaches an entry soon: the same guest code
 * compiled twice costs HotSpot twice). The table is bounded: past {@link #MAX_ENTRIES} live entry
 * points it starts over. Translations are kept apart for runs with and without a commit log (the code differs).
 *
 * <p>Staleness: a translation remembers its pages' {@link Memory#codeEpoch code epochs}; any
 * write that could change its code advances one, and the translation is dropped when next looked
 * up. A page whose code keeps changing (self-modifying code) stops being translated after
 * {@link #MAX_STALE_PER_PAGE} drops and stays with the interpreter.
 */
final class Translator {
    /**
     * Guest instructions per translation at most (HotSpot's method size limit may cut it
     * further). Enough for a function the size of the qsort workload's with its loops (79); larger
     * translations take C2 longer to compile, and the code runs slower until it has (matmul's
     * loop nest ran about 10% slower per run at 96-128 than at 64-80).
     */
    static final int MAX_INSTRUCTIONS = 80;
    /** With records each instruction writes its record in place: more bytecode per instruction, so fewer of them. */
    static final int MAX_RECORDING_INSTRUCTIONS = 48;
    /** Entry points held at most (a translation has one per check). */
    static final int MAX_ENTRIES = 8192;
    /** How many times hotter than the policy's hotness a pc must be that a translation covers. */
    static final int COVERED_HOTNESS = 16;
    static final int MAX_STALE_PER_PAGE = 64;
    private static final int NEVER = Integer.MIN_VALUE;

    private final Hart hart;
    private final Memory mem;
    private final MethodHandles.Lookup lookup;
    private final Translation[][] plain, recording;
    private final int[][] heat;
    /** Per page, per word: covered by a live translation (not necessarily an entry of it). */
    private final boolean[][] covered;
    private final int[] stale;
    private final int threshold;
    /** Live entry points at most; tests lower it. */
    int maxEntries = MAX_ENTRIES;
    /** The hart translates only once its order is past this. */
    final long warmup;
    private int live;

    // Counters for tests and diagnostics.
    long translations, flushes, staleDrops;

    Translator(Hart hart, MethodHandles.Lookup hartLookup, TranslationPolicy policy) {
        this.hart = hart;
        this.mem = hart.memory();
        this.lookup = hartLookup;
        int pages = mem.size() >>> Memory.PAGE_SHIFT;
        plain = new Translation[pages][];
        recording = new Translation[pages][];
        heat = new int[pages][];
        covered = new boolean[pages][];
        stale = new int[pages];
        this.threshold = policy.hotness();
        this.warmup = policy.warmup();
    }

    int liveEntries() { return live; }

    /**
     * The current translation entered at {@code pc} for runs with ({@code records}) or without a
     * commit log; translates it when {@code pc} has become hot. Null: interpret.
     */
    Translation regionAt(int pc, boolean records) {
        Translation r = cached(pc, records);
        if (r != null) return r;
        int off = pc - Memory.BASE;
        int page = off >>> Memory.PAGE_SHIFT;
        if (page >= heat.length) return null; // outside DRAM: the interpreter's fetch fault
        int word = Memory.wordInPage(off);
        int[] counts = heat[page];
        if (counts == null) counts = heat[page] = new int[1 << (Memory.PAGE_SHIFT - 2)];
        boolean[] cover = covered[page];
        if (++counts[word] < (cover != null && cover[word] ? threshold * COVERED_HOTNESS : threshold)) return null;
        if (stale[page] >= MAX_STALE_PER_PAGE) {
            counts[word] = NEVER; // self-modifying code: leave the page to the interpreter
            return null;
        }
        r = translate(pc, records);
        if (r == null) {
            counts[word] = NEVER; // nothing to translate here (e.g. an illegal word)
            return null;
        }
        counts[word] = 0;
        if (live + r.code.entries.length > maxEntries) flush();
        // entered at pc, and also at its other blocks where no translation is yet
        for (int entry : r.code.entries) if (entry == pc || cached(entry, records) == null) put(entry, r, records);
        return r;
    }

    private void put(int pc, Translation r, boolean records) {
        int off = pc - Memory.BASE;
        Translation[][] table = records ? recording : plain;
        Translation[] slots = table[off >>> Memory.PAGE_SHIFT];
        if (slots == null) slots = table[off >>> Memory.PAGE_SHIFT] = new Translation[1 << (Memory.PAGE_SHIFT - 2)];
        slots[Memory.wordInPage(off)] = r;
        live++;
    }

    /** The current translation entered at {@code pc}, or null (a stale one is dropped). */
    Translation cached(int pc, boolean records) {
        int off = pc - Memory.BASE;
        int page = off >>> Memory.PAGE_SHIFT;
        if (page >= heat.length) return null;
        Translation[] slots = (records ? recording : plain)[page];
        if (slots == null) return null;
        int word = Memory.wordInPage(off);
        Translation r = slots[word];
        if (r == null || r.current(mem)) return r;
        slots[word] = null;
        live--;
        staleDrops++;
        stale[page]++;
        covered[page] = null; // the code there may be new
        return null;
    }

    /**
     * Forgets how hot and how often stale each entry point was (a reset or launch starts another
     * program, which the last one's self-modifying code must not keep from translation).
     */
    void forgetHeat() {
        java.util.Arrays.fill(heat, null);
        java.util.Arrays.fill(stale, 0);
        java.util.Arrays.fill(covered, null);
    }

    /** Drops every translation of this hart (its classes stay shared in {@link CodeCache}, softly, while it keeps them). */
    void flush() {
        java.util.Arrays.fill(plain, null);
        java.util.Arrays.fill(recording, null);
        java.util.Arrays.fill(covered, null);
        live = 0;
        flushes++;
    }

    private Translation translate(int pc, boolean records) {
        int max = records ? MAX_RECORDING_INSTRUCTIONS : MAX_INSTRUCTIONS;
        while (max >= 8) {
            RegionPlan plan = RegionPlan.discover(mem, hart.windowLo(), hart.windowSpan(), pc, max);
            if (plan == null) return null;
            CodeCache.Compiled c = CodeCache.code(plan, records, lookup);
            if (c.code() != null) {
                translations++;
                return new Translation(c.code(), pc, plan.instructions(), stamp(plan), mem);
            }
            // too big for HotSpot to compile: cover less, in proportion (one more try, usually)
            max = Math.min(max / 2 + max / 4, (int) ((long) plan.instructions() * RegionCompiler.MAX_CODE_BYTES * 9 / 10 / c.codeBytes()));
        }
        return null;
    }

    /** Flags the covered words (after which any write to them counts) and returns their pages. */
    private int[] stamp(RegionPlan plan) {
        java.util.TreeSet<Integer> pages = new java.util.TreeSet<>();
        for (int pc : plan.pcs) {
            int off = pc - Memory.BASE;
            mem.markTranslated(off);
            int page = off >>> Memory.PAGE_SHIFT;
            pages.add(page);
            if (covered[page] == null) covered[page] = new boolean[1 << (Memory.PAGE_SHIFT - 2)];
            covered[page][Memory.wordInPage(off)] = true;
        }
        return pages.stream().mapToInt(Integer::intValue).toArray();
    }
}
