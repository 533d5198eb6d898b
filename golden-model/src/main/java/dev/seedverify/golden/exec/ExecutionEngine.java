package dev.seedverify.golden.exec;

import java.util.Locale;

/**
 * How a {@link Hart} executes: both engines give the same architectural results, commit records,
 * stop reasons and counters; they differ only in speed.
 */
public enum ExecutionEngine {
    /** Decodes once per word and interprets each instruction: the reference, and the cold path of the translator. */
    INTERPRETER,
    /** Translates hot code into JVM bytecode that HotSpot compiles ({@link Translator}). */
    TRANSLATOR;

    /** System property naming the engine new harts use: {@code interpreter} or {@code translator}. */
    public static final String PROPERTY = "seedverify.engine";

    /**
     * The engine of {@link #PROPERTY}, else the translator: faster on long runs and no slower on
     * short ones, because it interprets until code has proved hot (README, Performance).
     */
    public static ExecutionEngine defaultEngine() {
        String v = System.getProperty(PROPERTY);
        return v == null || v.isBlank() ? TRANSLATOR : parse(v);
    }

    /** {@code interpreter} or {@code translator}, any case. */
    public static ExecutionEngine parse(String name) {
        for (ExecutionEngine e : values()) {
            if (e.name().equalsIgnoreCase(name.strip())) return e;
        }
        throw new IllegalArgumentException("unknown execution engine '" + name + "': expected interpreter or translator");
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
