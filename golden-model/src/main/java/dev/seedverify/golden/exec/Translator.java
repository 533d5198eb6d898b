package dev.seedverify.golden.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The translating engine's code cache for one {@link Hart}: finds the translation for a pc,
 * counts how often untranslated entry points are reached, and translates those that prove hot
 * ({@link RegionPlan}, {@link RegionCompiler}).
 *
 * <p>Each translation is a hidden class, nestmate of {@link Hart} (it reads the hart's fields
 * directly) and unreachable once dropped from this cache, so the JVM unloads it. The cache is
 * bounded: past {@link #MAX_REGIONS} live translations it starts over. Translations are kept
 * apart for runs with and without a commit log (the code differs).
 *
 * <p>Staleness: a translation remembers its pages' {@link Memory#codeEpoch code epochs}; any
 * write that could change its code advances one, and the translation is dropped when next looked
 * up. A page whose code keeps changing (self-modifying code) stops being translated after
 * {@link #MAX_STALE_PER_PAGE} drops and stays with the interpreter.
 */
final class Translator {
    /** Guest instructions per translation at most (HotSpot's method size limit may cut it further). */
    static final int MAX_INSTRUCTIONS = 256;
    static final int MAX_REGIONS = 2048;
    static final int MAX_STALE_PER_PAGE = 64;
    private static final int NEVER = Integer.MIN_VALUE;

    private final Hart hart;
    private final Memory mem;
    private final MethodHandles.Lookup lookup;
    private final TranslatedRegion[][] plain, recording;
    private final int[][] heat;
    private final int[] stale;
    private final int threshold;
    /** Live translations at most; tests lower it. */
    int maxRegions = MAX_REGIONS;
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
        plain = new TranslatedRegion[pages][];
        recording = new TranslatedRegion[pages][];
        heat = new int[pages][];
        stale = new int[pages];
        this.threshold = policy.hotness();
        this.warmup = policy.warmup();
    }

    int liveRegions() { return live; }

    /**
     * The current translation entered at {@code pc} for runs with ({@code records}) or without a
     * commit log; translates it when {@code pc} has become hot. Null: interpret.
     */
    TranslatedRegion regionAt(int pc, boolean records) {
        TranslatedRegion r = cached(pc, records);
        if (r != null) return r;
        int off = pc - Memory.BASE;
        int page = off >>> Memory.PAGE_SHIFT;
        if (page >= heat.length) return null; // outside DRAM: the interpreter's fetch fault
        int word = Memory.wordInPage(off);
        int[] counts = heat[page];
        if (counts == null) counts = heat[page] = new int[1 << (Memory.PAGE_SHIFT - 2)];
        if (++counts[word] < threshold) return null;
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
        if (live >= maxRegions) flush();
        TranslatedRegion[][] table = records ? recording : plain;
        TranslatedRegion[] slots = table[page];
        if (slots == null) slots = table[page] = new TranslatedRegion[1 << (Memory.PAGE_SHIFT - 2)];
        slots[word] = r;
        live++;
        return r;
    }

    /** The current translation entered at {@code pc}, or null (a stale one is dropped). */
    TranslatedRegion cached(int pc, boolean records) {
        int off = pc - Memory.BASE;
        int page = off >>> Memory.PAGE_SHIFT;
        if (page >= heat.length) return null;
        TranslatedRegion[] slots = (records ? recording : plain)[page];
        if (slots == null) return null;
        int word = Memory.wordInPage(off);
        TranslatedRegion r = slots[word];
        if (r == null || r.current(mem)) return r;
        slots[word] = null;
        live--;
        staleDrops++;
        stale[page]++;
        return null;
    }

    /** Drops every translation (the classes become unreachable and are unloaded). */
    void flush() {
        java.util.Arrays.fill(plain, null);
        java.util.Arrays.fill(recording, null);
        live = 0;
        flushes++;
    }

    private TranslatedRegion translate(int pc, boolean records) {
        int max = MAX_INSTRUCTIONS;
        while (true) {
            RegionPlan plan = RegionPlan.discover(mem, hart.windowLo(), hart.windowSpan(), pc, max);
            if (plan == null) return null;
            RegionCompiler.Output out = RegionCompiler.compile(plan, records);
            if (out.codeBytes() > RegionCompiler.MAX_CODE_BYTES && max > 8) {
                max /= 2; // too big for HotSpot to compile: cover less
                continue;
            }
            TranslatedRegion r = define(out.classBytes());
            r.entry = pc;
            r.instructions = plan.instructions();
            stamp(r, plan);
            translations++;
            return r;
        }
    }

    /** Flags the covered words and records their pages' epochs (after which any write to them counts). */
    private void stamp(TranslatedRegion r, RegionPlan plan) {
        java.util.TreeSet<Integer> pages = new java.util.TreeSet<>();
        for (int pc : plan.pcs) {
            int off = pc - Memory.BASE;
            mem.markTranslated(off);
            pages.add(off >>> Memory.PAGE_SHIFT);
        }
        r.pages = pages.stream().mapToInt(Integer::intValue).toArray();
        r.epochs = new int[r.pages.length];
        for (int i = 0; i < r.pages.length; i++) r.epochs[i] = mem.codeEpoch[r.pages[i]];
        r.checkedSum = mem.codeEpochSum;
    }

    private TranslatedRegion define(byte[] classBytes) {
        try {
            MethodHandles.Lookup l = lookup.defineHiddenClass(classBytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            return (TranslatedRegion) l.findConstructor(l.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            // Generated code the JVM rejects is a bug in the compiler, never the guest's fault.
            throw new IllegalStateException("the JVM rejected translated code: " + e, e);
        }
    }
}
