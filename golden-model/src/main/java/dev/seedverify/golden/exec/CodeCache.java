package dev.seedverify.golden.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translated code shared by every hart in the JVM, keyed by exactly what it was made from (the
 * blocks' pcs and words, and whether it writes records): the same program loaded again, or into
 * another hart, reuses the class HotSpot has already compiled instead of defining a new one.
 *
 * <p>Bounded ({@link #capacity}, least recently used first out) and softly referenced: a class
 * that no hart uses any more is unloaded when it falls out or when memory runs short.
 * Thread-safe.
 */
final class CodeCache {
    static final int DEFAULT_CAPACITY = 4096;

    /** What a translation is made of; equal keys give identical bytecode. */
    static final class Key {
        private final boolean records;
        private final int[] code;
        private final int hash;

        Key(RegionPlan plan, boolean records) {
            int n = 0;
            for (RegionPlan.Block b : plan.blocks) n += 2 + b.length();
            code = new int[n];
            int k = 0;
            for (RegionPlan.Block b : plan.blocks) {
                code[k++] = b.start;
                code[k++] = b.length();
                for (int w : b.words) code[k++] = w;
            }
            this.records = records;
            hash = Arrays.hashCode(code) * 31 + (records ? 1 : 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && other.hash == hash && other.records == records && Arrays.equals(other.code, code);
        }

        @Override
        public int hashCode() { return hash; }
    }

    private static int capacity = DEFAULT_CAPACITY;
    private static final Map<Key, SoftReference<TranslatedRegion>> CODE = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SoftReference<TranslatedRegion>> eldest) {
            return size() > capacity;
        }
    };
    private static long defined;

    private CodeCache() {}

    /** Translated code, or null with the size of the bytecode that was too big to use. */
    record Compiled(TranslatedRegion code, int codeBytes) {}

    /**
     * The code for {@code plan}: shared if some hart made it already, else compiled and defined;
     * null code when its bytecode is over {@link RegionCompiler#MAX_CODE_BYTES}.
     */
    static Compiled code(RegionPlan plan, boolean records, MethodHandles.Lookup hartLookup) {
        Key key = new Key(plan, records);
        synchronized (CODE) {
            SoftReference<TranslatedRegion> ref = CODE.get(key);
            TranslatedRegion code = ref == null ? null : ref.get();
            if (code != null) return new Compiled(code, 0);
        }
        RegionCompiler.Output out = RegionCompiler.compile(plan, records);
        if (out.codeBytes() > RegionCompiler.MAX_CODE_BYTES) return new Compiled(null, out.codeBytes());
        TranslatedRegion code = define(out.classBytes(), hartLookup);
        code.templates = out.templates();
        code.entries = out.entries();
        code.steps = out.steps();
        synchronized (CODE) {
            CODE.put(key, new SoftReference<>(code));
            defined++;
        }
        return new Compiled(code, out.codeBytes());
    }

    private static TranslatedRegion define(byte[] classBytes, MethodHandles.Lookup hartLookup) {
        try {
            MethodHandles.Lookup l = hartLookup.defineHiddenClass(classBytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            return (TranslatedRegion) l.findConstructor(l.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            // Generated code the JVM rejects is a bug in the compiler, never the guest's fault.
            throw new IllegalStateException("the JVM rejected translated code: " + e, e);
        }
    }

    /** Classes defined since the JVM started (for tests and diagnostics). */
    static long defined() {
        synchronized (CODE) {
            return defined;
        }
    }

    /** Changes the bound; entries beyond it are dropped at once (0 empties the cache). */
    static void setCapacity(int entries) {
        synchronized (CODE) {
            capacity = entries;
            while (CODE.size() > capacity) CODE.remove(CODE.keySet().iterator().next());
        }
    }

    static int size() {
        synchronized (CODE) {
            return CODE.size();
        }
    }
}
