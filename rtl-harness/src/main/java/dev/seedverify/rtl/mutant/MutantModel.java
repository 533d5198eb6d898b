package dev.seedverify.rtl.mutant;

import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.rtl.RtlBuildException;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.RtlSimulator;
import dev.seedverify.rtl.mutant.MutationEngine.Candidate;
import dev.seedverify.rtl.mutant.MutationEngine.Instrumented;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Verilated model holding many mutants of the mutation engine: the chosen RTL files
 * instrumented by {@link MutationEngine}, the other files unchanged, plus the select package.
 * {@link #backend(int)} opens a simulator with mutant {@code id} selected (0: the original design).
 *
 * <p>A mutant that Verilator rejects (e.g. a constant moved out of an enum's range) is not built:
 * {@link #build} reads the error lines of the failed build, leaves out every mutant of those lines,
 * and builds again; the ones left out are listed in {@link #unbuildable()} with the error, never
 * silently dropped. Built models are cached by the digest of their sources (under
 * {@link MutantModels#cacheRoot()}), so a second run loads the library at once.
 */
public final class MutantModel {
    /** How many builds may fail on rejected mutants before giving up. */
    static final int MAX_ATTEMPTS = 8;
    /** The mutants inflate loop bodies past Verilator's default unroll limit (its BLKLOOPINIT error). */
    static final List<String> VERILATOR_FLAGS = List.of("--unroll-stmts", "1000000");

    private final RtlModel model;
    private final List<AutoMutant> mutants;
    private final Map<AutoMutant, String> unbuildable;
    private final Path dir;
    private final Duration buildTime;

    private MutantModel(RtlModel model, List<AutoMutant> mutants, Map<AutoMutant, String> unbuildable, Path dir, Duration buildTime) {
        this.model = model;
        this.mutants = List.copyOf(mutants);
        this.unbuildable = Map.copyOf(unbuildable);
        this.dir = dir;
        this.buildTime = buildTime;
    }

    public RtlModel model() { return model; }

    /** The mutants this model holds (selectable by their ids). */
    public List<AutoMutant> mutants() { return mutants; }

    /** Mutants Verilator rejected, with the error line that rejected them. */
    public Map<AutoMutant, String> unbuildable() { return unbuildable; }

    public Path dir() { return dir; }

    /** Wall time of all build attempts of this call (a cached model: about a second). */
    public Duration buildTime() { return buildTime; }

    /** A simulator of this model with mutant {@code id} selected (0: the original design). */
    public RtlSimulator simulator(int id) {
        RtlSimulator s = RtlSimulator.create(model);
        try {
            s.selectMutant(id);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** A lockstep backend named {@code automutant:<name>} of mutant {@code m} (or of the original design for null). */
    public RtlBackend backend(AutoMutant m) {
        String name = m == null ? "automutant:original" : "automutant:" + m.name();
        String description = m == null ? "the S1 RTL as built into a mutant model, no mutant selected"
                : "mutant " + m.name() + " of the S1 RTL: " + m.change() + " at " + m.file() + ":" + m.line();
        return new RtlBackend(simulator(m == null ? 0 : m.id()), name, description);
    }

    // ------------------------------------------------------------------ planning

    /**
     * The candidates of {@code file} in the real RTL, sampled to at most {@code max} (seeded,
     * deterministic; every one when there are fewer).
     */
    public static List<Candidate> candidates(String file, int max, long seed) {
        List<Candidate> all = MutationEngine.candidates(file, RtlSources.read(file));
        return MutationEngine.sample(all, max, seed ^ file.hashCode());
    }

    /** Builds (or loads from the cache) a model of {@code chosen} (candidates of any of the RTL files). */
    public static MutantModel build(List<Candidate> chosen, Path root, Consumer<String> log) {
        Consumer<String> say = log == null ? x -> { } : log;
        List<Candidate> left = new ArrayList<>(chosen);
        Map<AutoMutant, String> rejected = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Map<String, String> files = new LinkedHashMap<>();
            List<AutoMutant> mutants = new ArrayList<>();
            Map<String, Instrumented> instrumented = instrument(left, mutants);
            files.put(MutationEngine.SELECT_FILE, MutationEngine.selectPackage());
            for (String f : RtlSources.files()) files.put(f, instrumented.containsKey(f) ? instrumented.get(f).text() : RtlSources.read(f));
            files.put(RtlSources.FILE_LIST, MutationEngine.SELECT_FILE + "\n" + RtlSources.read(RtlSources.FILE_LIST));
            Path dir = root.resolve("auto-" + digest(files).substring(0, 16));
            say.accept(String.format("mutant model: %d mutants in %s (attempt %d)", mutants.size(), dir, attempt));
            try {
                write(dir.resolve("rtl"), files);
                RtlModel m = RtlModel.build(dir.resolve("rtl"), dir.resolve("model"), RtlModel.BuildOptions.defaults().withTrace(false)
                        .withVerilatorFlags(VERILATOR_FLAGS));
                return new MutantModel(m, mutants, rejected, dir, Duration.ofNanos(System.nanoTime() - t0));
            } catch (RtlBuildException e) {
                Map<String, Set<Integer>> bad = errorLines(e.log());
                if (bad.isEmpty() || attempt >= MAX_ATTEMPTS) throw e;
                List<Candidate> keep = new ArrayList<>();
                Set<Candidate> drop = blamed(left, bad);
                int dropped = 0;
                for (int i = 0; i < left.size(); i++) {
                    Candidate c = left.get(i);
                    if (drop.contains(c)) {
                        rejected.put(mutants.get(i), "rejected by Verilator (" + c.file() + " error lines " + bad.get(c.file()) + ")");
                        dropped++;
                    } else {
                        keep.add(c);
                    }
                }
                if (dropped == 0) throw e;
                say.accept("mutant model: Verilator rejected " + dropped + " mutants at " + bad + "; building without them");
                left = keep;
            }
        }
    }

    /**
     * The candidates an error at these lines blames: those whose span covers the line, else those
     * of the nearest span that starts at most {@value #BLAME_LINES} lines above it (an error about a
     * statement can name a line below the mutated condition that encloses it).
     */
    static Set<Candidate> blamed(List<Candidate> candidates, Map<String, Set<Integer>> errors) {
        Set<Candidate> out = new java.util.HashSet<>();
        for (Map.Entry<String, Set<Integer>> f : errors.entrySet()) {
            List<Candidate> of = candidates.stream().filter(c -> c.file().equals(f.getKey())).toList();
            if (of.isEmpty()) continue;
            String text = RtlSources.read(f.getKey());
            for (int line : f.getValue()) {
                List<Candidate> covering = of.stream()
                        .filter(c -> lineOf(text, c.spanStart()) <= line && line <= lineOf(text, c.spanEnd())).toList();
                if (!covering.isEmpty()) {
                    out.addAll(covering);
                    continue;
                }
                int nearest = of.stream().mapToInt(c -> lineOf(text, c.spanStart())).filter(l -> l <= line && line - l <= BLAME_LINES).max().orElse(-1);
                for (Candidate c : of) if (lineOf(text, c.spanStart()) == nearest) out.add(c);
            }
        }
        return out;
    }

    static final int BLAME_LINES = 10;

    /** Instruments each file of {@code chosen}; numbers mutants 1.. in the order of {@code chosen}, collected into {@code out}. */
    static Map<String, Instrumented> instrument(List<Candidate> chosen, List<AutoMutant> out) {
        Map<String, List<Candidate>> byFile = new LinkedHashMap<>();
        for (Candidate c : chosen) byFile.computeIfAbsent(c.file(), k -> new ArrayList<>()).add(c);
        Map<String, Instrumented> result = new LinkedHashMap<>();
        Map<Candidate, AutoMutant> ids = new LinkedHashMap<>();
        int next = 1;
        for (Map.Entry<String, List<Candidate>> f : byFile.entrySet()) {
            Instrumented ins = MutationEngine.instrument(f.getKey(), RtlSources.read(f.getKey()), f.getValue(), next);
            next += f.getValue().size();
            result.put(f.getKey(), ins);
            for (int i = 0; i < f.getValue().size(); i++) ids.put(f.getValue().get(i), ins.mutants().get(i));
        }
        for (Candidate c : chosen) out.add(ids.get(c));
        return result;
    }

    private static final Pattern ERROR = Pattern.compile("%Error[^:]*: (?:[^:\\s]*/)?([A-Za-z0-9_]+\\.sv):(\\d+):");
    /** A continuation line of an error that points at another place ("... Location of ..."). */
    private static final Pattern MORE = Pattern.compile("^\\s+(?:[^:\\s]*/)?([A-Za-z0-9_]+\\.sv):(\\d+):\\d+: \\.\\.\\.");

    /** File and line of every Verilator error in {@code log}. */
    static Map<String, Set<Integer>> errorLines(Path log) {
        Map<String, Set<Integer>> out = new LinkedHashMap<>();
        if (log == null || !Files.isRegularFile(log)) return out;
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = ERROR.matcher(line);
                if (!m.find()) m = MORE.matcher(line);
                if (m.reset().find()) out.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(Integer.parseInt(m.group(2)));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static void write(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path out = dir.resolve(f.getKey());
                byte[] b = f.getValue().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(out) && java.util.Arrays.equals(Files.readAllBytes(out), b)) continue;
                Files.write(out, b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the mutant model's RTL into " + dir, e);
        }
    }

    private static String digest(Map<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> f : files.entrySet()) {
                md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(f.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
