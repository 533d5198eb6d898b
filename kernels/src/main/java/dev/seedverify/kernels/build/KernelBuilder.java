package dev.seedverify.kernels.build;

import dev.seedverify.golden.elf.ElfFormatException;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.elf.ElfLoader;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.gen.XseedHeader;
import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.Extension;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.toolchain.CrossCompiler;
import dev.seedverify.golden.toolchain.ToolchainException;
import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.KernelAbiHeader;
import dev.seedverify.kernels.abi.Variant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the kernel library (the C sources of {@code src/main/c}, classpath folder
 * {@code /dev/seedverify/kernels/c/}, listed in its INDEX) with one {@link BuildConfig}, into a
 * content-addressed cache, and checks the result:
 *
 * <ol>
 *   <li>{@code xseed.h} (golden model's ISA table) and {@code s1_kernels.h} (the kernel ABI table)
 *       are generated next to the sources; nothing is copied by hand;</li>
 *   <li>every source is compiled on its own (objects are cached by the hash of compiler identity,
 *       flags, the source and every header), {@code *_scalar.c} with {@code S1K_NO_XSEED} so that
 *       xseed.h refuses them;</li>
 *   <li>the objects are linked with {@code s1k.ld}, no C library and no libgcc (a helper call a
 *       compiler wanted is a link error, named), at {@link #LINK_BASE} and again at
 *       {@code LINK_BASE + PLACEMENT_ALIGN}: the two images must be byte-identical, which proves
 *       that the code reaches everything pc-relatively and the image may be placed anywhere
 *       aligned like that;</li>
 *   <li>no word between {@code s1k_scalar_text_start} and {@code s1k_scalar_text_end} (the
 *       scalar variants) decodes to an Xseed instruction, and every LAUNCH entry exists.</li>
 * </ol>
 *
 * <p>The cache folder is {@code seedverify.kernels.cache} ({@code target/kernel-cache} in the
 * Maven build); built libraries are also kept per JVM, so a property run builds each one once.
 */
public final class KernelBuilder {
    public static final String CACHE_PROPERTY = "seedverify.kernels.cache";
    /** Where the image is linked: the DRAM base, so a bare look at the ELF shows plausible addresses. */
    public static final int LINK_BASE = Memory.BASE;
    /** Flags of every build besides the configuration's own (target flags come from the toolchain). */
    public static final List<String> COMMON_FLAGS = List.of("-std=c11", "-ffreestanding", "-nostdlib", "-static",
            "-mcmodel=medany", "-fno-pic", "-fno-pie", "-fno-jump-tables", "-fno-common", "-fno-asynchronous-unwind-tables",
            "-fno-unwind-tables", "-fno-stack-protector", "-gdwarf-4", "-Wall", "-Wextra", "-Werror");
    private static final String RESOURCES = "/dev/seedverify/kernels/c/";
    /** Part of every cache key: changes when the way objects are made changes (not visible in flags or sources). */
    private static final String CACHE_VERSION = "2: relative unit names, debug prefix s1k";
    private static final String LINK_SCRIPT = "s1k.ld";
    private static final int JOBS = 2;

    private static final Map<String, KernelLibrary> BUILT = new HashMap<>();
    private static final Map<String, String> IDENTITIES = new HashMap<>();

    private KernelBuilder() {}

    /** The library built with {@code config} from the unchanged sources. */
    public static KernelLibrary build(BuildConfig config) { return build(config, List.of()); }

    /** The library built with {@code config} from the sources with {@code patches} applied. */
    public static KernelLibrary build(BuildConfig config, List<SourcePatch> patches) {
        Map<String, String> sources = sources();
        for (SourcePatch p : patches) {
            String text = sources.get(p.file());
            if (text == null) throw new KernelBuildException("patch of " + p.file() + ": no such library source");
            sources.put(p.file(), p.apply(text));
        }
        sources.put("xseed.h", XseedHeader.render());
        sources.put(KernelAbiHeader.FILE_NAME, KernelAbiHeader.render());
        String identity = identity(config.toolchain());
        String key = hash(CACHE_VERSION, identity, String.join(" ", COMMON_FLAGS), String.join(" ", config.flags()), sources.toString());
        synchronized (BUILT) {
            KernelLibrary done = BUILT.get(key);
            if (done != null) return done;
            KernelLibrary lib = buildInto(cacheRoot(), config, sources, identity, key);
            BUILT.put(key, lib);
            return lib;
        }
    }

    /** The library sources by file name, in INDEX order. */
    public static Map<String, String> sources() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : index()) m.put(name, resource(name));
        return m;
    }

    /** The files of the INDEX. */
    public static List<String> index() {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open("INDEX"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) names.add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading kernel source " + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = KernelBuilder.class.getResourceAsStream(RESOURCES + name);
        if (in == null) throw new IllegalStateException("kernel library source " + RESOURCES + name + " is missing from the classpath");
        return in;
    }

    public static Path cacheRoot() {
        return Path.of(System.getProperty(CACHE_PROPERTY, "target/kernel-cache")).toAbsolutePath();
    }

    // ------------------------------------------------------------------ the build

    private static KernelLibrary buildInto(Path cache, BuildConfig config, Map<String, String> sources, String identity, String key) {
        Path dir = cache.resolve("lib").resolve(config.label().replaceAll("[^A-Za-z0-9.+-]+", "_") + "-" + key.substring(0, 16));
        Path elf = dir.resolve("lib.elf"), shifted = dir.resolve("lib-shifted.elf");
        try {
            if (!Files.isRegularFile(dir.resolve("ok"))) {
                Path work = Files.createDirectories(cache.resolve("tmp")).resolve(dir.getFileName() + "-" + ProcessHandle.current().pid());
                deleteTree(work);
                Path src = Files.createDirectories(work.resolve("src"));
                for (Map.Entry<String, String> e : sources.entrySet()) Files.writeString(src.resolve(e.getKey()), e.getValue());
                List<Path> objects = compileAll(cache, config, sources, identity, src, Files.createDirectories(work.resolve("obj")));
                link(config, src, objects, work.resolve("lib.elf"), LINK_BASE);
                link(config, src, objects, work.resolve("lib-shifted.elf"), LINK_BASE + KernelLibrary.PLACEMENT_ALIGN);
                Files.writeString(work.resolve("ok"), config.label() + "\n");
                Files.createDirectories(dir.getParent());
                try {
                    Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                    deleteTree(work); // another build finished first: same key, same bytes
                }
            }
            ElfImage image = ElfLoader.read(elf);
            ElfImage moved = ElfLoader.read(shifted);
            checkPositionIndependent(config, image, moved);
            checkScalarRegion(config, image);
            int end = 0;
            for (ElfImage.LoadSegment s : image.segments()) end = Math.max(end, s.address() - LINK_BASE + s.memorySize());
            int size = (end + KernelLibrary.PLACEMENT_ALIGN - 1) / KernelLibrary.PLACEMENT_ALIGN * KernelLibrary.PLACEMENT_ALIGN;
            KernelLibrary lib = new KernelLibrary(config, image, elf, LINK_BASE, size);
            for (Kernel k : Kernel.values()) for (Variant v : Variant.values()) lib.entry(k, v);
            return lib;
        } catch (IOException | ElfFormatException e) {
            throw new KernelBuildException("building the kernel library with " + config.label() + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> compileAll(Path cache, BuildConfig config, Map<String, String> sources, String identity, Path src,
                                         Path objDir) throws IOException {
        List<String> units = new ArrayList<>();
        for (String name : sources.keySet()) if (name.endsWith(".c") || name.endsWith(".S")) units.add(name);
        Path objects = Files.createDirectories(cache.resolve("objects"));
        ExecutorService pool = Executors.newFixedThreadPool(JOBS);
        try {
            List<Future<Path>> jobs = new ArrayList<>();
            for (String unit : units) {
                jobs.add(pool.submit(() -> {
                    List<String> flags = new ArrayList<>(COMMON_FLAGS);
                    flags.addAll(config.flags());
                    if (unit.endsWith("_scalar.c")) flags.add("-DS1K_NO_XSEED");
                    String objectKey = hash(CACHE_VERSION, identity, String.join(" ", flags), unit, sources.get(unit), includedHeaders(unit, sources));
                    List<String> cmd = config.toolchain().command();
                    cmd.addAll(flags);
                    // Debug information names the sources s1k/<file> whatever folder this build ran in.
                    // (the unit is named relative to src, where the compiler runs, so the name is s1k/<unit>)
                    cmd.addAll(List.of("-fdebug-prefix-map=" + src + "=s1k", "-I", src.toString(), "-c", unit, "-o"));
                    Path cached = objects.resolve(objectKey + ".o");
                    Path obj = objDir.resolve(unit.substring(0, unit.lastIndexOf('.')) + ".o");
                    if (!Files.isRegularFile(cached)) {
                        Path tmp = objects.resolve(objectKey + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
                        cmd.add(tmp.toString());
                        run(src, cmd, "compiling " + unit);
                        Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                    Files.copy(cached, obj, StandardCopyOption.REPLACE_EXISTING);
                    return obj;
                }));
            }
            List<Path> out = new ArrayList<>();
            for (Future<Path> f : jobs) out.add(f.get());
            return out;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof KernelBuildException k) throw k;
            if (c instanceof IOException io) throw io;
            throw new KernelBuildException("compiling the kernel library with " + config.label() + ": " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelBuildException("interrupted while compiling the kernel library", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final java.util.regex.Pattern INCLUDE = java.util.regex.Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"", java.util.regex.Pattern.MULTILINE);

    /**
     * The library headers {@code unit} includes, directly or not, with their contents (part of its
     * object's cache key, so a patched header rebuilds only the objects that use it).
     */
    static String includedHeaders(String unit, Map<String, String> sources) {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(unit));
        while (!todo.isEmpty()) {
            java.util.regex.Matcher m = INCLUDE.matcher(sources.getOrDefault(todo.pop(), ""));
            while (m.find()) if (sources.containsKey(m.group(1)) && seen.add(m.group(1))) todo.push(m.group(1));
        }
        StringBuilder s = new StringBuilder();
        for (String h : seen) s.append(h).append('\n').append(sources.get(h));
        return s.toString();
    }

    private static void link(BuildConfig config, Path src, List<Path> objects, Path out, int base) throws IOException {
        Path script = out.resolveSibling(out.getFileName() + ".ld");
        Files.writeString(script, Files.readString(src.resolve(LINK_SCRIPT)).replace("@LINK_BASE@", String.format("0x%08x", base)));
        List<String> cmd = config.toolchain().command();
        cmd.addAll(config.toolchain().linkOnly());
        cmd.addAll(COMMON_FLAGS);
        cmd.addAll(config.flags());
        cmd.addAll(List.of("-T", script.toString(), "-o", out.toString()));
        for (Path o : objects) cmd.add(o.toString());
        run(src, cmd, "linking");
    }

    private static void run(Path dir, List<String> cmd, String what) {
        try {
            CrossCompiler.run(dir, cmd);
        } catch (ToolchainException e) {
            throw new KernelBuildException(what + " the kernel library: " + e.getMessage(), e);
        }
    }

    /** The compiler's own description of itself ({@code --version}), part of every cache key. */
    private static String identity(Toolchain t) {
        synchronized (IDENTITIES) {
            String id = IDENTITIES.get(t.compiler());
            if (id == null) {
                try {
                    id = CrossCompiler.run(Path.of(".").toAbsolutePath(), List.of(t.compiler(), "--version"));
                } catch (ToolchainException e) {
                    throw new KernelBuildException("the " + t.name() + " compiler '" + t.compiler() + "' cannot be run (" + e.getMessage()
                            + "); install it (ci/setup.sh installs gcc-riscv64-unknown-elf, clang and lld)", e);
                }
                IDENTITIES.put(t.compiler(), id);
            }
            return t.compiler() + "\n" + id + "\n" + t.target();
        }
    }

    // ------------------------------------------------------------------ checks

    /** Both links must give the same bytes at the same offsets from their bases. */
    static void checkPositionIndependent(BuildConfig config, ElfImage a, ElfImage b) {
        List<ElfImage.LoadSegment> sa = a.segments(), sb = b.segments();
        String problem = null;
        if (sa.size() != sb.size()) problem = sa.size() + " vs " + sb.size() + " segments";
        for (int i = 0; problem == null && i < sa.size(); i++) {
            ElfImage.LoadSegment x = sa.get(i), y = sb.get(i);
            if (y.address() - x.address() != KernelLibrary.PLACEMENT_ALIGN || x.memorySize() != y.memorySize()
                    || x.data().length != y.data().length) {
                problem = String.format("segment %d lies at 0x%08x (%d bytes) and at 0x%08x (%d bytes)", i, x.address(), x.memorySize(),
                        y.address(), y.memorySize());
                break;
            }
            for (int o = 0; o < x.data().length; o++) {
                if (x.data()[o] != y.data()[o]) {
                    int at = x.address() + (o & ~3);
                    problem = String.format("the bytes at 0x%08x (%s) depend on where the image is linked: word %08x vs %08x",
                            at, describe(a, at), word(x.data(), o & ~3), word(y.data(), o & ~3));
                    break;
                }
            }
        }
        if (problem != null) {
            throw new KernelBuildException(config.label() + ": the kernel library is not position independent (an absolute address "
                    + "or an alignment above " + KernelLibrary.PLACEMENT_ALIGN + " bytes): " + problem);
        }
    }

    /** No Xseed instruction between s1k_scalar_text_start and s1k_scalar_text_end. */
    static void checkScalarRegion(BuildConfig config, ElfImage image) {
        Integer start = image.symbols().get("s1k_scalar_text_start"), end = image.symbols().get("s1k_scalar_text_end");
        if (start == null || end == null) throw new KernelBuildException(config.label() + ": the link script's scalar text symbols are missing");
        for (ElfImage.LoadSegment s : image.segments()) {
            for (int a = Math.max(start, s.address()); Integer.compareUnsigned(a, end) < 0 && a + 4 <= s.address() + s.data().length; a += 4) {
                int w = word(s.data(), a - s.address());
                Instruction insn = Decoder.decode(w);
                if (insn != null && insn.extension() == Extension.XSEED) {
                    throw new KernelBuildException(String.format("%s: a scalar variant contains the Xseed instruction %s at 0x%08x (%s)",
                            config.label(), Disassembler.disassemble(w, a), a, describe(image, a)));
                }
            }
        }
    }

    private static String describe(ElfImage image, int address) {
        String best = "?";
        int bestAddress = Integer.MIN_VALUE;
        for (Map.Entry<String, Integer> e : image.symbols().entrySet()) {
            int v = e.getValue();
            if (Integer.compareUnsigned(v, address) <= 0 && (bestAddress == Integer.MIN_VALUE || Integer.compareUnsigned(v, bestAddress) > 0)) {
                best = e.getKey();
                bestAddress = v;
            }
        }
        return best + "+0x" + Integer.toHexString(address - bestAddress);
    }

    static int word(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | b[o + 3] << 24;
    }

    static String hash(String... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                d.update(p.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
