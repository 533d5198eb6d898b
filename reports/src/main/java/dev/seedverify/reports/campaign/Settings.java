package dev.seedverify.reports.campaign;

import java.nio.file.Path;
import java.util.List;

/**
 * A section's block of the campaign configuration. Each getter checks the value's type and range
 * and throws {@link SettingsException} naming the setting; the campaign adds the file and line.
 */
public interface Settings {

    /** A whole number in {@code min..max}, or {@code fallback} when absent. */
    long integer(String name, long fallback, long min, long max);

    /** A text, or {@code fallback} when absent. */
    String text(String name, String fallback);

    /** A list of texts (a single text counts as a list of one), or {@code fallback} when absent. */
    List<String> texts(String name, List<String> fallback);

    /** Paths, resolved against {@link SectionContext#baseDir()}, or {@code fallback} (resolved too) when absent. */
    List<Path> paths(String name, List<String> fallback);

    /** Whether {@code name} is set. */
    boolean has(String name);

    /** No settings at all: every getter returns its fallback. */
    static Settings none(Path baseDir) {
        return new Settings() {
            @Override
            public long integer(String name, long fallback, long min, long max) { return fallback; }

            @Override
            public String text(String name, String fallback) { return fallback; }

            @Override
            public List<String> texts(String name, List<String> fallback) { return fallback; }

            @Override
            public List<Path> paths(String name, List<String> fallback) { return fallback.stream().map(baseDir::resolve).toList(); }

            @Override
            public boolean has(String name) { return false; }
        };
    }
}
