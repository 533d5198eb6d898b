package dev.seedverify.reports.model;

import java.util.Locale;

/**
 * What a section's cases ran on.
 *
 * @param name        the DUT compared with the golden model: {@code rtl}, {@code device}, {@code mutant:NAME}, ...;
 *                    {@link #GOLDEN} for the golden model alone (or compared with itself)
 * @param description for people, e.g. {@code golden model == rtl (Verilator 5.006)}
 */
public record Target(String name, String description) {
    public static final String GOLDEN = "golden";
    /** Prefix of injected-bug RTL targets: a mutated RTL is not the chip. */
    public static final String MUTANT_PREFIX = "mutant:";

    public Target {
        Checks.text(name, "target name");
        if (description == null || description.isBlank()) description = name;
    }

    public static Target of(String name) { return new Target(name, name.equals(GOLDEN) ? "golden model alone" : "golden model == " + name); }

    public static Target golden() { return of(GOLDEN); }

    /**
     * Whether results on this target can sign off the chip: the golden model alone proves nothing
     * about the chip, and a deliberately broken RTL is not the chip either.
     */
    public boolean realDut() {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.equals(GOLDEN) && !n.startsWith(MUTANT_PREFIX);
    }
}
