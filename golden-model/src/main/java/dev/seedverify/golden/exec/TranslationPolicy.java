package dev.seedverify.golden.exec;

/**
 * When the translating engine translates: an entry point is translated once it has been reached
 * {@code hotness} times, and only after the hart has executed {@code warmup} instructions since
 * reset (short programs stay with the interpreter, which costs nothing to start). Results never
 * depend on the policy; {@link #EAGER} exists so tests exercise translated code on tiny programs.
 */
public record TranslationPolicy(int hotness, long warmup) {
    /** System property overriding {@link #DEFAULT_HOTNESS}. */
    public static final String HOTNESS_PROPERTY = "seedverify.translator.hotness";
    /** System property overriding {@link #DEFAULT_WARMUP}. */
    public static final String WARMUP_PROPERTY = "seedverify.translator.warmup";
    /** Chosen by measurement (README, Performance). */
    public static final int DEFAULT_HOTNESS = 64;
    public static final long DEFAULT_WARMUP = 100_000;

    /** Translate every entry point the first time it is reached, from the first instruction. */
    public static final TranslationPolicy EAGER = new TranslationPolicy(1, 0);

    public TranslationPolicy {
        if (hotness < 1) throw new IllegalArgumentException("hotness must be at least 1, got " + hotness);
        if (warmup < 0) throw new IllegalArgumentException("warmup must not be negative, got " + warmup);
    }

    /** The defaults, or the system properties' values when set. */
    public static TranslationPolicy fromProperties() {
        return new TranslationPolicy(Integer.getInteger(HOTNESS_PROPERTY, DEFAULT_HOTNESS), Long.getLong(WARMUP_PROPERTY, DEFAULT_WARMUP));
    }
}
