package dev.seedverify.kernels.build;

import java.util.Objects;

/**
 * A textual change to one library source, applied before the build: how injected kernel bugs
 * and compiler-gate experiments are expressed without a second copy of the library. The text
 * to replace must occur exactly once, so a patch that no longer matches its source fails the
 * build instead of silently changing nothing.
 */
public record SourcePatch(String file, String find, String replace) {
    public SourcePatch {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(find, "find");
        Objects.requireNonNull(replace, "replace");
        if (find.isEmpty()) throw new IllegalArgumentException("a patch of " + file + " must replace some text");
    }

    /** The patched text of {@code source} (the contents of {@link #file}). */
    public String apply(String source) {
        int at = source.indexOf(find);
        if (at < 0) throw new KernelBuildException("patch of " + file + " does not apply: text not found: " + first(find));
        if (source.indexOf(find, at + 1) >= 0) {
            throw new KernelBuildException("patch of " + file + " is ambiguous: the text occurs more than once: " + first(find));
        }
        return source.substring(0, at) + replace + source.substring(at + find.length());
    }

    private static String first(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return "'" + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + "'";
    }
}
