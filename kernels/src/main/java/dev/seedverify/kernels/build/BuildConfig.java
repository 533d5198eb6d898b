package dev.seedverify.kernels.build;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A toolchain and the flags it builds the kernel library with (the optimisation level and
 * anything else a compiler team wants to try), e.g. {@code gcc -O2} or {@code clang -Os}.
 */
public record BuildConfig(Toolchain toolchain, List<String> flags) {
    /** The optimisation levels every compiler builds the library at. */
    public static final List<String> LEVELS = List.of("-O0", "-O2", "-Os");

    public BuildConfig {
        Objects.requireNonNull(toolchain, "toolchain");
        flags = List.copyOf(flags);
    }

    public static BuildConfig of(Toolchain toolchain, String... flags) { return new BuildConfig(toolchain, List.of(flags)); }

    /** The build matrix: both compilers at every level. */
    public static List<BuildConfig> matrix() {
        return List.of(Toolchain.gcc(), Toolchain.clang()).stream()
                .flatMap(t -> LEVELS.stream().map(level -> of(t, level))).toList();
    }

    /** The default build the properties run on. */
    public static BuildConfig standard() { return of(Toolchain.gcc(), "-O2"); }

    /** {@code TOOLCHAIN[:FLAGS]}, e.g. {@code gcc:-O2}, {@code clang:-Os -funroll-loops}, {@code gcc@/opt/gcc/bin/x-gcc:-O3}. */
    public static BuildConfig parse(String spec) {
        int colon = spec.indexOf(':');
        String tool = colon < 0 ? spec : spec.substring(0, colon);
        String rest = colon < 0 ? "-O2" : spec.substring(colon + 1).strip();
        List<String> flags = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
        return new BuildConfig(Toolchain.parse(tool), flags);
    }

    /** {@code gcc -O2}. */
    public String label() { return flags.isEmpty() ? toolchain.spec() : toolchain.spec() + " " + String.join(" ", flags); }

    @Override
    public String toString() { return label(); }
}
