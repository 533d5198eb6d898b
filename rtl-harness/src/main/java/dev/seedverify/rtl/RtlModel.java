package dev.seedverify.rtl;

import dev.seedverify.golden.gen.CommitLayoutHeader;
import dev.seedverify.golden.gen.DeviceHeader;
import dev.seedverify.golden.gen.DevicePackage;
import dev.seedverify.golden.gen.SystemVerilogPackage;
import dev.seedverify.rtl.jni.S1Glue;
import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A built S1 model library ({@code libs1model.so}): the verilated RTL, its own Verilator runtime
 * and the C ABI of {@code s1model.h}, loaded into this JVM with {@code dlopen(RTLD_NOW |
 * RTLD_LOCAL)}. Several model libraries (the real RTL, mutants, test tops) coexist; each
 * {@link RtlSimulator} made from one has its own {@code VerilatedContext}.
 *
 * <p>Loaded libraries are never unloaded. Loading the same file twice gives the same instance; a
 * library file that changed after it was loaded is refused (dlopen would hand back the old code):
 * build each variant into its own folder.
 */
public final class RtlModel {
    public static final String LIBRARY_NAME = "libs1model.so";
    /** System property: path of the model library {@link #builtIn()} uses instead of the packaged one. */
    public static final String MODEL_PROPERTY = "seedverify.rtl.model";
    /** System property: folder where {@link #build} keeps compiled Verilator runtime objects between builds. */
    public static final String RUNTIME_CACHE_PROPERTY = "seedverify.rtl.runtimeCache";

    private static final String KIT = "/dev/seedverify/rtl/buildkit/";
    /** The build kit: the script and the harness C++ sources, packaged as classpath resources. */
    static final List<String> KIT_FILES = List.of("build-model.sh", "cpp/s1model.h", "cpp/s1model_hooks.h", "cpp/s1_digest.h",
            "cpp/s1model_abi.cpp", "cpp/bench_main.cpp", "cpp/s1_glue.h");

    private static final Map<Path, RtlModel> LOADED = new HashMap<>();
    private static RtlModel builtIn;

    private final Path library;
    private final long handle;
    private final int dramBytes;
    private final boolean tracing;
    private final String info;
    private final Map<String, String> infoFields;
    private final long fileSize;
    private final long fileTime;

    private RtlModel(Path library, long handle, long fileSize, long fileTime) {
        this.library = library;
        this.handle = handle;
        this.dramBytes = S1Glue.libraryDramBytes(handle);
        this.tracing = S1Glue.libraryTrace(handle) != 0;
        this.info = S1Glue.libraryInfo(handle);
        this.fileSize = fileSize;
        this.fileTime = fileTime;
        Map<String, String> f = new LinkedHashMap<>();
        for (String part : info.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) f.put(part.substring(0, eq), part.substring(eq + 1));
        }
        this.infoFields = Map.copyOf(f);
    }

    // ------------------------------------------------------------------ finding and loading

    /**
     * Loads a model library (idempotent per file).
     *
     * @throws IllegalArgumentException if the file does not exist or is not a model library of this ABI
     * @throws IllegalStateException    if the file changed since this JVM loaded it
     */
    public static RtlModel load(Path library) {
        Objects.requireNonNull(library, "library");
        Path real;
        long size, time;
        try {
            real = library.toRealPath();
            size = Files.size(real);
            time = Files.getLastModifiedTime(real).toMillis();
        } catch (IOException e) {
            throw new IllegalArgumentException("no model library at " + library, e);
        }
        synchronized (LOADED) {
            RtlModel m = LOADED.get(real);
            if (m != null) {
                if (m.fileSize != size || m.fileTime != time) {
                    throw new IllegalStateException(real + " changed after this JVM loaded it; dlopen would return the "
                            + "old code: build each model variant into its own folder");
                }
                return m;
            }
            long h = S1Glue.openLibrary(real.toString());
            if (h == 0) throw new IllegalArgumentException(S1Glue.error());
            m = new RtlModel(real, h, size, time);
            LOADED.put(real, m);
            return m;
        }
    }

    /**
     * The model of the real RTL built with this module: the file named by the system property
     * {@value #MODEL_PROPERTY}, else the copy packaged on the classpath (extracted to a temporary
     * folder when it is inside a jar), else {@code target/native/libs1model.so}.
     *
     * @throws IllegalStateException when there is none (the module was built without Verilator)
     */
    public static synchronized RtlModel builtIn() {
        if (builtIn == null) builtIn = load(locateBuiltIn());
        return builtIn;
    }

    static Path locateBuiltIn() {
        String prop = System.getProperty(MODEL_PROPERTY);
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String resource = "/dev/seedverify/rtl/native/" + Loader.getPlatform() + "/" + LIBRARY_NAME;
        URL url = RtlModel.class.getResource(resource);
        if (url != null) {
            if ("file".equals(url.getProtocol())) {
                try {
                    return Path.of(url.toURI());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return extractResource(resource);
        }
        for (Path p : List.of(Path.of("target", "native", LIBRARY_NAME), Path.of("rtl-harness", "target", "native", LIBRARY_NAME))) {
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalStateException("no built-in RTL model library: build rtl-harness (mvn -pl golden-model,rtl-harness -am "
                + "install; it needs Verilator and g++, see ci/setup.sh) or set -D" + MODEL_PROPERTY + "=/path/" + LIBRARY_NAME);
    }

    /** Copies a classpath resource to a temporary folder named after its content hash. */
    private static Path extractResource(String resource) {
        try (InputStream in = RtlModel.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("resource " + resource + " vanished");
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "seedverify-rtl-" + hash);
            Path file = dir.resolve(LIBRARY_NAME);
            if (Files.isRegularFile(file) && Files.size(file) == bytes.length) return file;
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "lib", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("extracting " + resource, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ building

    /**
     * How {@link #build} builds a model library.
     *
     * @param top          top module name (its ports must be those of {@code s1_top}, INTERFACE.md)
     * @param dramBytes    DRAM_BYTES parameter, or 0 for the default of seedchip_pkg
     * @param trace        compile FST tracing in
     * @param jobs         parallel compile jobs
     * @param timeout      longest a build may take
     * @param runtimeCache folder where compiled Verilator runtime objects are reused, or null
     * @param verilatorFlags extra Verilator options (e.g. larger unroll limits for mutant models), none by default
     */
    public record BuildOptions(String top, int dramBytes, boolean trace, int jobs, Duration timeout, Path runtimeCache,
                               List<String> verilatorFlags) {
        public BuildOptions {
            Objects.requireNonNull(top, "top");
            Objects.requireNonNull(timeout, "timeout");
            if (jobs < 1) throw new IllegalArgumentException("jobs must be positive");
            verilatorFlags = List.copyOf(verilatorFlags);
            for (String f : verilatorFlags) {
                if (f.isBlank() || f.chars().anyMatch(Character::isWhitespace)) throw new IllegalArgumentException("bad Verilator flag '" + f + "'");
            }
        }

        public BuildOptions withVerilatorFlags(List<String> f) { return new BuildOptions(top, dramBytes, trace, jobs, timeout, runtimeCache, f); }

        /** s1_top, default DRAM size, tracing in, 2 jobs, 20 minutes, the runtime cache of {@value #RUNTIME_CACHE_PROPERTY}. */
        public static BuildOptions defaults() {
            String cache = System.getProperty(RUNTIME_CACHE_PROPERTY);
            Path cacheDir = cache != null && !cache.isBlank() ? Path.of(cache)
                    : Path.of(System.getProperty("java.io.tmpdir"), "seedverify-verilator-runtime");
            return new BuildOptions("s1_top", 0, true, 2, Duration.ofMinutes(20), cacheDir, List.of());
        }

        public BuildOptions withTop(String t) { return new BuildOptions(t, dramBytes, trace, jobs, timeout, runtimeCache, verilatorFlags); }

        public BuildOptions withDramBytes(int d) { return new BuildOptions(top, d, trace, jobs, timeout, runtimeCache, verilatorFlags); }

        public BuildOptions withTrace(boolean t) { return new BuildOptions(top, dramBytes, t, jobs, timeout, runtimeCache, verilatorFlags); }

        public BuildOptions withJobs(int j) { return new BuildOptions(top, dramBytes, trace, j, timeout, runtimeCache, verilatorFlags); }

        public BuildOptions withTimeout(Duration t) { return new BuildOptions(top, dramBytes, trace, jobs, t, runtimeCache, verilatorFlags); }

        public BuildOptions withRuntimeCache(Path c) { return new BuildOptions(top, dramBytes, trace, jobs, timeout, c, verilatorFlags); }
    }

    /** {@link #build(Path, Path, BuildOptions)} with {@link BuildOptions#defaults()}. */
    public static RtlModel build(Path rtlDir, Path outDir) {
        return build(rtlDir, outDir, BuildOptions.defaults());
    }

    /**
     * Builds a model library from the RTL in {@code rtlDir} (its {@code s1_files.f} order if it has
     * one, else every {@code .sv}; {@code .cpp} files there are compiled in as DPI code) into
     * {@code outDir} with the same script as the Maven build, and loads it. Nothing is rebuilt when
     * {@code outDir} already holds a library of identical inputs. Used for mutants and test tops.
     *
     * @throws RtlBuildException when Verilator or the compiler rejects the RTL or a tool is missing
     */
    public static RtlModel build(Path rtlDir, Path outDir, BuildOptions options) {
        if (!Files.isDirectory(rtlDir)) throw new IllegalArgumentException("no RTL folder " + rtlDir);
        Path out = outDir.toAbsolutePath();
        Path kit = out.resolve("kit");
        Path gen = out.resolve("gen");
        Path console = out.resolve("build-model.out");
        try {
            Files.createDirectories(gen);
            for (String f : KIT_FILES) {
                try (InputStream in = RtlModel.class.getResourceAsStream(KIT + f)) {
                    if (in == null) throw new IllegalStateException("build kit file " + KIT + f + " is not on the classpath");
                    writeIfChanged(kit.resolve(f), in.readAllBytes());
                }
            }
            writeIfChanged(gen.resolve("seedchip_pkg.sv"), SystemVerilogPackage.render().getBytes(StandardCharsets.UTF_8));
            writeIfChanged(gen.resolve(CommitLayoutHeader.FILE_NAME), CommitLayoutHeader.render().getBytes(StandardCharsets.UTF_8));
            writeIfChanged(gen.resolve(DevicePackage.NAME + ".sv"), DevicePackage.render().getBytes(StandardCharsets.UTF_8));
            writeIfChanged(gen.resolve(DeviceHeader.FILE_NAME), DeviceHeader.render().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("preparing the model build in " + out, e);
        }
        List<String> cmd = new ArrayList<>(List.of("bash", kit.resolve("build-model.sh").toString(),
                "--rtl", rtlDir.toAbsolutePath().toString(), "--out", out.toString(), "--gen", gen.toString(),
                "--cpp", kit.resolve("cpp").toString(), "--top", options.top(), "--jobs", Integer.toString(options.jobs())));
        if (options.dramBytes() != 0) cmd.addAll(List.of("--dram-bytes", Integer.toString(options.dramBytes())));
        if (!options.trace()) cmd.add("--no-trace");
        if (!options.verilatorFlags().isEmpty()) cmd.addAll(List.of("--vflags", String.join(" ", options.verilatorFlags())));
        if (options.runtimeCache() != null) cmd.addAll(List.of("--runtime-cache", options.runtimeCache().toAbsolutePath().toString()));
        Path log = out.resolve("build.log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(console.toFile()).start();
            if (!p.waitFor(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new RtlBuildException("building a model from " + rtlDir + " took longer than " + options.timeout(), log);
            }
            if (p.exitValue() != 0) {
                throw new RtlBuildException("building a model from " + rtlDir + " failed:\n" + tail(console, 40), log);
            }
        } catch (IOException e) {
            throw new RtlBuildException("cannot run the model build (bash): " + e.getMessage(), log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RtlBuildException("interrupted while building a model from " + rtlDir, log, e);
        }
        return load(out.resolve(LIBRARY_NAME));
    }

    private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) return;
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    // ------------------------------------------------------------------ properties

    /** The library file (real path). */
    public Path library() { return library; }

    /** DRAM_BYTES the model was built with. */
    public int dramBytes() { return dramBytes; }

    /** Whether FST tracing is compiled in. */
    public boolean tracing() { return tracing; }

    /** Build information, e.g. {@code top=s1_top verilator=5.006 trace=fst dram_bytes=1048576 build=3fa2b1c9d0e1 rtl=/path}. */
    public String info() { return info; }

    /** One field of {@link #info()} ({@code top}, {@code verilator}, {@code trace}, {@code dram_bytes}, {@code build}, {@code rtl}), or null. */
    public String info(String key) { return infoFields.get(key); }

    /** A new simulator with the built DRAM size, on the calling thread. */
    public RtlSimulator newSimulator() { return RtlSimulator.create(this); }

    long handle() { return handle; }

    /**
     * E.g. {@code RTL s1_top (Verilator 5.006, build 3fa2b1c9d0e1)}: the build id hashes the RTL
     * sources, the Verilator and compiler versions and every flag (not the checkout's folder), so
     * reports name exactly what was simulated and carry no file paths.
     */
    public String describe() {
        return "RTL " + infoFields.getOrDefault("top", "?") + " (Verilator " + infoFields.getOrDefault("verilator", "?")
                + ", build " + infoFields.getOrDefault("build", "?") + ")";
    }

    @Override
    public String toString() { return "RtlModel[" + library + ", " + info + "]"; }
}
