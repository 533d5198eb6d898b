package dev.seedverify.conformance.mutants;

import dev.seedverify.rtl.mutant.MutantBackendProvider;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.Backend;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.rtl.RtlBackendProvider;
import dev.seedverify.rtl.mutant.MutantModels;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.RenderedProgram;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.conformance.repro.Reproducer;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.reports.Json;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The self-test of the bug-finding engine on injected RTL bugs (issue 5, item 8). For each mutant
 * of {@link RtlMutants}: build it (cached, {@link MutantModels}; build time reported apart), run
 * generated programs of a fixed seed sequence (seeds {@code firstSeed, firstSeed + 1, ...}, the
 * given weights, default: {@link Weights#DEFAULT}) on the golden model and the mutant in lockstep
 * until the first divergence, shrink that program with {@link ProgramShrinker} (same bucket
 * required), check the shrunk program still diverges the same way on the mutant and passes on
 * the real RTL, and write its reproducer. Per mutant it records whether it was detected, the
 * programs tried, the time to detect (from the first program to the divergence, build excluded),
 * the shrink time, the shrunk length (body instructions) and the bucket; the table (text and
 * JSON) gives the medians and checks the targets: 100 % detected, median time to detect under
 * 30 s, median shrunk length at most 6 instructions.
 *
 * <p>One thread: the programs tried are the seeds up to the first diverging one, so they do not
 * depend on the machine; only the times do.
 *
 * <p>Usage: {@code MutantCampaign [--mutants a,b,...] [--seed N] [--programs N] [--seconds S]
 * [--weights SPEC] [--out DIR] [--regressions DIR] [--list]} ({@code ci/mutants.sh} runs it).
 * {@code --regressions DIR} also copies each shrunk reproducer to {@code DIR/<mutant>.S} (the
 * permanent regression folder). Exit status 0 when every target is met, 1 otherwise, 2 for bad
 * arguments.
 */
public final class MutantCampaign {
    /** Target: every mutant detected. */
    public static final double TARGET_DETECTED_PERCENT = 100;
    /** Target: median time to detect, seconds (exclusive). */
    public static final double TARGET_MEDIAN_DETECT_SECONDS = 30;
    /** Target: median shrunk length, body instructions (inclusive). */
    public static final double TARGET_MEDIAN_SHRUNK_INSTRUCTIONS = 6;

    private MutantCampaign() {}

    /**
     * @param maxPrograms programs tried per mutant before it counts as not detected
     * @param maxTime     time per mutant before it counts as not detected
     * @param warmup      programs run on the real RTL first (JIT warm-up; they must all pass)
     * @param out         folder for the table and the reproducers, or null to write nothing
     * @param regressions folder to copy the reproducers to as {@code <mutant>.S}, or null
     */
    public record Config(List<RtlMutation> mutants, long firstSeed, int maxPrograms, Duration maxTime, Weights weights, int dramBytes,
                         long budget, int maxShrinkCalls, int warmup, Path out, Path regressions, Path cache) {
        public static Config defaults() {
            return new Config(RtlMutants.all(), 1, 20_000, Duration.ofMinutes(2), Weights.DEFAULT, Memory.DEFAULT_BYTES,
                    LockstepRunner.DEFAULT_BUDGET, ProgramShrinker.DEFAULT_MAX_CALLS, 100, null, null, MutantModels.cacheRoot());
        }

        public Config withMutants(List<RtlMutation> m) { return new Config(m, firstSeed, maxPrograms, maxTime, weights, dramBytes, budget, maxShrinkCalls, warmup, out, regressions, cache); }

        public Config withSeeds(long first, int max) { return new Config(mutants, first, max, maxTime, weights, dramBytes, budget, maxShrinkCalls, warmup, out, regressions, cache); }

        public Config withMaxTime(Duration t) { return new Config(mutants, firstSeed, maxPrograms, t, weights, dramBytes, budget, maxShrinkCalls, warmup, out, regressions, cache); }

        public Config withWeights(Weights w) { return new Config(mutants, firstSeed, maxPrograms, maxTime, w, dramBytes, budget, maxShrinkCalls, warmup, out, regressions, cache); }

        public Config withWarmup(int n) { return new Config(mutants, firstSeed, maxPrograms, maxTime, weights, dramBytes, budget, maxShrinkCalls, n, out, regressions, cache); }

        public Config withOut(Path o) { return new Config(mutants, firstSeed, maxPrograms, maxTime, weights, dramBytes, budget, maxShrinkCalls, warmup, o, regressions, cache); }

        public Config withRegressions(Path r) { return new Config(mutants, firstSeed, maxPrograms, maxTime, weights, dramBytes, budget, maxShrinkCalls, warmup, out, r, cache); }

        public Config withCache(Path c) { return new Config(mutants, firstSeed, maxPrograms, maxTime, weights, dramBytes, budget, maxShrinkCalls, warmup, out, regressions, c); }
    }

    /**
     * One mutant's outcome. Times in seconds; {@code seed} is the first diverging seed (or -1);
     * {@code shrunkInstructions} counts body instructions (prologue, epilogue and handler excluded);
     * {@code realRtlPasses}: the shrunk program runs clean on the real RTL (the divergence is the
     * mutation's); {@code error} says what went wrong (build failure, shrink failure), else null.
     */
    public record MutantResult(String name, String files, String description, boolean detected, int programsTried, long seed,
                               double detectSeconds, double shrinkSeconds, int shrinkCalls, int originalOps, int shrunkOps,
                               int shrunkInstructions, BucketSignature bucket, double buildSeconds, boolean buildCached,
                               boolean realRtlPasses, String reproducerText, Path reproducer, String error) {
        /** Detected, shrunk, and the shrunk program passes on the real RTL. */
        public boolean ok() { return shrunk() && realRtlPasses; }

        /** Detected and shrunk without error. */
        public boolean shrunk() { return detected && error == null; }
    }

    /** The whole run. */
    public record Result(Config config, List<MutantResult> mutants, String warmup) {
        public long detected() { return mutants.stream().filter(MutantResult::detected).count(); }

        public double detectedPercent() { return mutants.isEmpty() ? 0 : 100.0 * detected() / mutants.size(); }

        /** Median time to detect over all mutants (an undetected one counts as infinite). */
        public double medianDetectSeconds() { return medianOver(MutantResult::detected, MutantResult::detectSeconds); }

        /** Median shrunk length over all mutants (an undetected or unshrunk one counts as infinite). */
        public double medianShrunkInstructions() { return medianOver(MutantResult::shrunk, MutantResult::shrunkInstructions); }

        public double medianProgramsTried() { return medianOver(MutantResult::detected, MutantResult::programsTried); }

        public double medianShrinkSeconds() { return medianOver(MutantResult::shrunk, MutantResult::shrinkSeconds); }

        /** The median of {@code value} over all mutants, those failing {@code counted} taken as infinite. */
        private double medianOver(java.util.function.Predicate<MutantResult> counted, java.util.function.ToDoubleFunction<MutantResult> value) {
            return median(mutants.stream().mapToDouble(m -> counted.test(m) ? value.applyAsDouble(m) : Double.POSITIVE_INFINITY).toArray());
        }

        public double medianBuildSeconds() { return median(mutants.stream().mapToDouble(MutantResult::buildSeconds).toArray()); }

        public boolean detectedTargetMet() { return !mutants.isEmpty() && detectedPercent() >= TARGET_DETECTED_PERCENT; }

        public boolean detectTimeTargetMet() { return medianDetectSeconds() < TARGET_MEDIAN_DETECT_SECONDS; }

        public boolean shrunkLengthTargetMet() { return medianShrunkInstructions() <= TARGET_MEDIAN_SHRUNK_INSTRUCTIONS; }

        /** Every mutant ok and every target met. */
        public boolean allTargetsMet() {
            return detectedTargetMet() && detectTimeTargetMet() && shrunkLengthTargetMet() && mutants.stream().allMatch(MutantResult::ok);
        }

        public String text() {
            StringBuilder s = new StringBuilder();
            s.append(String.format("mutant campaign: golden == mutant RTL in lockstep, seeds %d.. (at most %d programs or %d s per mutant), weights %s%n",
                    config.firstSeed(), config.maxPrograms(), config.maxTime().toSeconds(), config.weights()));
            if (warmup != null) s.append("  ").append(warmup).append('\n');
            s.append('\n');
            String fmt = "%-27s %-18s %-8s %8s %9s %9s %11s %-40s %8s%n";
            s.append(String.format(fmt, "mutant", "file", "detected", "programs", "detect s", "shrink s", "shrunk ins", "bucket", "build s"));
            for (MutantResult m : mutants) {
                s.append(String.format(fmt, m.name(), m.files(), m.error() != null && !m.detected() ? "ERROR" : m.detected() ? "yes" : "NO",
                        m.detected() ? Integer.toString(m.programsTried()) : ">" + m.programsTried(),
                        String.format(Locale.ROOT, "%.2f", m.detectSeconds()),
                        m.detected() ? String.format(Locale.ROOT, "%.2f", m.shrinkSeconds()) : "-",
                        m.shrunk() ? m.shrunkInstructions() + " (" + m.shrunkOps() + "/" + m.originalOps() + " ops)" : "-",
                        m.bucket() == null ? "-" : m.bucket().toString(),
                        String.format(Locale.ROOT, "%.1f%s", m.buildSeconds(), m.buildCached() ? "c" : "")));
                if (m.error() != null) s.append("    error: ").append(m.error()).append('\n');
                else if (m.detected() && !m.realRtlPasses()) s.append("    the shrunk program does NOT pass on the real RTL\n");
            }
            s.append(String.format(Locale.ROOT, "%nmedians: programs tried %s, time to detect %s s, shrink time %s s, shrunk length %s instructions, build %.1f s%n",
                    num(medianProgramsTried()), num(medianDetectSeconds()), num(medianShrinkSeconds()), num(medianShrunkInstructions()), medianBuildSeconds()));
            s.append(String.format(Locale.ROOT, "targets: detected %d/%d (%.0f %%, target 100 %%): %s; median time to detect %s s (target < 30 s): %s;"
                            + " median shrunk length %s (target <= 6): %s%n", detected(), mutants.size(), detectedPercent(), met(detectedTargetMet()),
                    num(medianDetectSeconds()), met(detectTimeTargetMet()), num(medianShrunkInstructions()), met(shrunkLengthTargetMet())));
            s.append("(build s: the mutant's build in this run; 'c' = found in the cache, only the stamp checked)\n");
            return s.toString();
        }

        public String json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("firstSeed", config.firstSeed());
            m.put("maxPrograms", config.maxPrograms());
            m.put("maxSeconds", config.maxTime().toSeconds());
            m.put("weights", config.weights().toString());
            m.put("warmup", warmup);
            List<Object> list = new ArrayList<>();
            for (MutantResult r : mutants) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("name", r.name());
                x.put("files", r.files());
                x.put("description", r.description());
                x.put("detected", r.detected());
                x.put("programsTried", r.programsTried());
                x.put("seed", r.seed());
                x.put("detectSeconds", round(r.detectSeconds()));
                x.put("shrinkSeconds", round(r.shrinkSeconds()));
                x.put("shrinkCalls", r.shrinkCalls());
                x.put("originalOps", r.originalOps());
                x.put("shrunkOps", r.shrunkOps());
                x.put("shrunkInstructions", r.shrunkInstructions());
                x.put("bucket", r.bucket() == null ? null : r.bucket().toString());
                x.put("buildSeconds", round(r.buildSeconds()));
                x.put("buildCached", r.buildCached());
                x.put("realRtlPasses", r.realRtlPasses());
                x.put("reproducer", r.reproducer() == null ? null : r.reproducer().toString());
                x.put("error", r.error());
                list.add(x);
            }
            m.put("mutants", list);
            Map<String, Object> med = new LinkedHashMap<>();
            med.put("programsTried", jsonNum(medianProgramsTried()));
            med.put("detectSeconds", jsonNum(medianDetectSeconds()));
            med.put("shrinkSeconds", jsonNum(medianShrinkSeconds()));
            med.put("shrunkInstructions", jsonNum(medianShrunkInstructions()));
            med.put("buildSeconds", jsonNum(medianBuildSeconds()));
            m.put("medians", med);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("detectedPercent", round(detectedPercent()));
            t.put("detectedTargetMet", detectedTargetMet());
            t.put("medianDetectSecondsTargetMet", detectTimeTargetMet());
            t.put("medianShrunkInstructionsTargetMet", shrunkLengthTargetMet());
            t.put("allTargetsMet", allTargetsMet());
            m.put("targets", t);
            return Json.write(m);
        }
    }

    // ------------------------------------------------------------------ running

    /** Runs every mutant of {@code c}, printing progress lines to {@code log} (may be null). */
    public static Result run(Config c, Consumer<String> log) {
        Consumer<String> say = log == null ? x -> { } : log;
        String warm = null;
        if (c.warmup() > 0) {
            warm = warmup(c);
            say.accept(warm);
        }
        List<MutantResult> results = new ArrayList<>();
        for (RtlMutation m : c.mutants()) {
            say.accept("mutant " + m.name() + ": building");
            MutantResult r = runOne(c, m);
            results.add(r);
            say.accept(String.format(Locale.ROOT, "mutant %s: %s after %d programs (%.2f s), shrunk to %d instructions in %.2f s, bucket %s, build %.1f s%s",
                    m.name(), r.detected() ? "detected" : "NOT detected", r.programsTried(), r.detectSeconds(), r.shrunkInstructions(),
                    r.shrinkSeconds(), r.bucket(), r.buildSeconds(), r.error() == null ? "" : "; error: " + r.error()));
        }
        Result res = new Result(c, results, warm);
        if (c.out() != null) {
            try {
                AtomicFiles.write(c.out().resolve("mutants.txt"), res.text());
                AtomicFiles.write(c.out().resolve("mutants.json"), res.json());
            } catch (IOException e) {
                throw new UncheckedIOException("writing the mutant table to " + c.out(), e);
            }
        }
        return res;
    }

    /** Runs {@code c.warmup()} programs on the real RTL (JIT warm-up); returns a line about it. */
    static String warmup(Config c) {
        ProgramGenerator gen = new ProgramGenerator(c.weights(), c.dramBytes());
        long t0 = System.nanoTime();
        int passed = 0;
        try (LockstepRunner runner = new LockstepRunner(() -> new RtlBackend(RtlModel.builtIn(), RtlBackendProvider.NAME), c.budget())) {
            for (int k = 0; k < c.warmup(); k++) {
                if (runner.run(ProgramRenderer.image(gen.generate(c.firstSeed() + k)).image()).passed()) passed++;
            }
        }
        return String.format(Locale.ROOT, "warm-up on the real RTL: %d of %d programs passed in %.2f s", passed, c.warmup(), (System.nanoTime() - t0) / 1e9);
    }

    /** Builds, detects, shrinks and writes the reproducer of one mutant. */
    public static MutantResult runOne(Config c, RtlMutation m) {
        String files = String.join(",", m.edits().stream().map(RtlMutation.Edit::file).distinct().toList());
        MutantModels.Built built;
        try {
            built = MutantModels.build(m, c.cache());
        } catch (RuntimeException e) {
            return new MutantResult(m.name(), files, m.description(), false, 0, -1, 0, 0, 0, 0, 0, 0, null, 0, false, false, null, null,
                    "build failed: " + e.getMessage());
        }
        double buildSeconds = built.buildTime().toNanos() / 1e9;
        ProgramGenerator gen = new ProgramGenerator(c.weights(), c.dramBytes());
        long deadline = System.nanoTime() + c.maxTime().toNanos();
        long t0 = System.nanoTime();
        try (LockstepRunner runner = new LockstepRunner(() -> dut(built), c.budget())) {
            Program failing = null;
            BucketSignature sig = null;
            int tried = 0;
            while (tried < c.maxPrograms() && System.nanoTime() < deadline) {
                Program p = gen.generate(c.firstSeed() + tried);
                tried++;
                LockstepRunner.Outcome o = runner.run(ProgramRenderer.image(p).image());
                if (o.diverged()) {
                    failing = p;
                    sig = o.signature();
                    break;
                }
            }
            double detect = (System.nanoTime() - t0) / 1e9;
            if (failing == null) {
                return new MutantResult(m.name(), files, m.description(), false, tried, -1, detect, 0, 0, 0, 0, 0, null, buildSeconds,
                        built.cached(), false, null, null, null);
            }
            long s0 = System.nanoTime();
            ProgramShrinker.Result s;
            try {
                s = new ProgramShrinker(ProgramShrinker.Oracle.of(runner), c.maxShrinkCalls()).shrink(failing, sig);
            } catch (RuntimeException e) {
                return new MutantResult(m.name(), files, m.description(), true, tried, failing.seed(), detect, (System.nanoTime() - s0) / 1e9, 0,
                        failing.size(), 0, 0, sig, buildSeconds, built.cached(), false, null, null, "shrinking failed: " + e);
            }
            double shrink = (System.nanoTime() - s0) / 1e9;
            RenderedProgram shrunk = ProgramRenderer.render(s.program());
            LockstepRunner.Outcome again = runner.run(shrunk.image());
            String error = sig.equals(again.signature()) ? null : "the shrunk program no longer diverges as " + sig + " (now: " + again.signature() + ")";
            boolean realPasses = passesOnRealRtl(c, shrunk);
            Reproducer.Details x = new Reproducer.Details(failing.seed(), c.weights().toString(), MutantBackendProvider.PREFIX + m.name(),
                    runner.dut().describe(), c.dramBytes(), c.budget(), sig, failing.size(), s.program().size(), shrunk.bodyInstructions());
            Reproducer repro = error == null ? Reproducer.of(shrunk, again.divergence(), x) : null;
            Path file = null;
            if (repro != null) {
                try {
                    file = write(c, m, repro, again.divergence(), failing, s, runner);
                } catch (IOException e) {
                    error = "writing the reproducer: " + e.getMessage();
                }
            }
            return new MutantResult(m.name(), files, m.description(), true, tried, failing.seed(), detect, shrink, s.calls(), failing.size(),
                    s.program().size(), shrunk.bodyInstructions(), sig, buildSeconds, built.cached(), realPasses,
                    repro == null ? null : repro.source(), file, error);
        }
    }

    private static Backend dut(MutantModels.Built built) {
        return MutantBackendProvider.backend(built.mutation(), built.model());
    }

    private static boolean passesOnRealRtl(Config c, RenderedProgram shrunk) {
        try (LockstepRunner real = new LockstepRunner(() -> new RtlBackend(RtlModel.builtIn(), RtlBackendProvider.NAME), c.budget())) {
            return real.run(shrunk.image()).passed();
        }
    }

    private static Path write(Config c, RtlMutation m, Reproducer repro, Divergence d, Program failing, ProgramShrinker.Result s,
                              LockstepRunner runner) throws IOException {
        Path file = null;
        if (c.out() != null) {
            Path dir = c.out().resolve(m.name());
            file = repro.write(dir.resolve(repro.name()));
            String base = repro.name().substring(0, repro.name().length() - 2);
            new DivergenceReport(d, "generated program, seed " + failing.seed() + " (shrunk: " + s.program().size() + " of " + failing.size()
                    + " ops), mutant " + m.name(), runner.dut().describe(),
                    "ci/replay.sh " + file + " --target " + MutantBackendProvider.PREFIX + m.name()).writeTo(dir, base);
        }
        if (c.regressions() != null) {
            Path reg = repro.write(c.regressions().resolve(m.name() + ".S"));
            if (file == null) file = reg;
        }
        return file;
    }

    // ------------------------------------------------------------------ command line

    public static void main(String[] args) {
        Config c = Config.defaults().withOut(Path.of("reports-out", "mutants"));
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--mutants" -> c = c.withMutants(Stream.of(value(args, ++i, a).split(",")).map(String::strip)
                            .filter(x -> !x.isEmpty()).map(RtlMutants::byName).toList());
                    case "--seed" -> c = c.withSeeds(Long.parseLong(value(args, ++i, a)), c.maxPrograms());
                    case "--programs" -> c = c.withSeeds(c.firstSeed(), Integer.parseInt(value(args, ++i, a)));
                    case "--seconds" -> c = c.withMaxTime(Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
                    case "--weights" -> c = c.withWeights(Weights.parse(value(args, ++i, a)));
                    case "--warmup" -> c = c.withWarmup(Integer.parseInt(value(args, ++i, a)));
                    case "--out" -> c = c.withOut(Path.of(value(args, ++i, a)));
                    case "--regressions" -> c = c.withRegressions(Path.of(value(args, ++i, a)));
                    case "--cache" -> c = c.withCache(Path.of(value(args, ++i, a)));
                    case "--list" -> {
                        for (RtlMutation m : RtlMutants.all()) {
                            System.out.printf("%-24s %-18s %s%n", m.name(), String.join(",", m.edits().stream().map(RtlMutation.Edit::file).distinct().toList()),
                                    m.description());
                        }
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
        } catch (RuntimeException e) {
            System.err.println("mutants: " + e.getMessage());
            System.err.println("usage: MutantCampaign [--mutants a,b,...] [--seed N] [--programs N] [--seconds S] [--weights SPEC] [--warmup N]"
                    + " [--out DIR] [--regressions DIR] [--cache DIR] [--list]");
            System.exit(2);
            return;
        }
        if (c.regressions() != null) {
            try {
                Files.createDirectories(c.regressions());
            } catch (IOException e) {
                System.err.println("mutants: cannot create " + c.regressions() + ": " + e.getMessage());
                System.exit(2);
            }
        }
        Result r = run(c, line -> System.err.println(line));
        System.out.print(r.text());
        if (c.out() != null) System.out.println("table: " + c.out().resolve("mutants.txt").toAbsolutePath() + " (and mutants.json; reproducers in <mutant>/)");
        System.exit(r.allTargetsMet() ? 0 : 1);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    // ------------------------------------------------------------------ helpers

    static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] x = v.clone();
        java.util.Arrays.sort(x);
        int n = x.length;
        return n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
    }

    private static String num(double v) {
        if (Double.isInfinite(v)) return "inf";
        if (Double.isNaN(v)) return "-";
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static Object jsonNum(double v) { return Double.isFinite(v) ? (Object) round(v) : null; }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    private static String met(boolean b) { return b ? "MET" : "NOT MET"; }
}
