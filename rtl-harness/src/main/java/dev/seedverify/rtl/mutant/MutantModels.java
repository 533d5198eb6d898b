package dev.seedverify.rtl.mutant;

import dev.seedverify.rtl.RtlModel;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Built mutant models, cached on disk: mutant {@code m} is built into
 * {@code <cache>/<name>-<first 12 hex digits of m.digest()>/} ({@code rtl/} the mutated sources,
 * {@code model/} the library), so the key changes with the mutation and with the real RTL, and a
 * re-run finds the library and only re-checks the build stamp (about a second) instead of
 * verilating again (15–30 s). The cache is {@value #CACHE_PROPERTY} if set, else
 * {@code rtl-harness/target/mutant-models} (beside the classes this runs from; {@code mvn
 * clean} empties it), else a folder under {@code java.io.tmpdir}. Each model is loaded once per JVM.
 */
public final class MutantModels {
    /** System property: the folder where built mutants are kept. */
    public static final String CACHE_PROPERTY = "seedverify.mutants.cache";

    /**
     * A built (or found) mutant. {@code buildTime}: what the first build call of this JVM took;
     * {@code cached}: the library was already on disk then (only its stamp was checked).
     */
    public record Built(RtlMutation mutation, RtlModel model, Path dir, Duration buildTime, boolean cached) {}

    private static final Map<Path, Built> BUILT = new HashMap<>();

    private MutantModels() {}

    /** The cache folder (see the class comment). */
    public static Path cacheRoot() {
        String p = System.getProperty(CACHE_PROPERTY);
        if (p != null && !p.isBlank()) return Path.of(p).toAbsolutePath();
        try {
            Path classes = Path.of(MutantModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(classes) && classes.getFileName().toString().equals("classes")
                    && classes.getParent() != null && classes.getParent().getFileName().toString().equals("target")) {
                return classes.getParent().resolve("mutant-models");
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not from a folder of classes: fall through
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "seedverify-mutant-models").toAbsolutePath();
    }

    /** The folder mutant {@code m} is built in under {@code root}. */
    public static Path dirOf(RtlMutation m, Path root) {
        return root.resolve(m.name() + "-" + m.digest().substring(0, 12));
    }

    /** {@link #build(RtlMutation, Path)} in {@link #cacheRoot()}. */
    public static Built build(RtlMutation m) { return build(m, cacheRoot()); }

    /**
     * Applies {@code m} and builds its model library under {@code root} (nothing is verilated again
     * when the folder already holds a library of identical inputs); loads it.
     *
     * @throws dev.seedverify.rtl.RtlBuildException when the mutated RTL does not lint or build
     */
    public static synchronized Built build(RtlMutation m, Path root) {
        Path dir = dirOf(m, root);
        Built b = BUILT.get(dir);
        if (b != null) return b; // built (or found) earlier in this JVM: that call's build time
        boolean cached = Files.isRegularFile(dir.resolve("model").resolve(RtlModel.LIBRARY_NAME))
                && Files.isRegularFile(dir.resolve("model").resolve("stamp"));
        long t0 = System.nanoTime();
        RtlModel model = m.build(dir);
        b = new Built(m, model, dir, Duration.ofNanos(System.nanoTime() - t0), cached);
        BUILT.put(dir, b);
        return b;
    }
}
