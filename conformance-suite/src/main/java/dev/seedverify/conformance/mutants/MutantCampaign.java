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
import dev.seedverify.conformance.repro.Replay;
import dev.seedverify.conformance.repro.Reproducer;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.reports.model.Attachment;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Divergence;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Target;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The self-test of the bug-finding engine on injected RTL bugs (issue 5, item 8). For each mutant
 * of {@link RtlMutants}: build it (cached, {@link MutantModels}; build time reported apart), run
 * generated programs of a fixed seed sequence (seeds {@code firstSeed, firstSeed + 1, ...}, the
 * given weights, default: {@link Weights#DEFAULT}) on the golden model and the mutant in lockstep
 * until the first divergence, shrink that program with {@link ProgramShrinker} (same bucket
 * required), check the shrunk program still diverges the same way on the mutant and passes on
 * the real RTL, and make its reproducer (the confirming run on the mutant traced into an FST
 * waveform when a waveform folder is given). Per mutant it records whether it was detected, the
 * programs tried, the time to detect (from the first program to the divergence, build excluded),
 * the shrink time, the shrunk length (body instructions) and the bucket; the table gives the
 * medians and checks the targets: 100 % detected, median time to detect under 30 s, median shrunk
 * length at most 6 instructions. It writes no file but the waveforms: {@link Result#mutations} and
 * {@link Result#section} are the facts of a run's result, and the reproducers are the caller's to
 * keep ({@code seedverify mutants}).
 *
 * <p>One thread: the programs tried are the seeds up to the first diverging one, so they do not
 * depend on the machine; only the times do.
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
     * @param waveforms   folder for the waveform of each shrunk failure, or null for none
     */
    public record Config(List<RtlMutation> mutants, long firstSeed, int maxPrograms, Duration maxTime, Weights weights, int dramBytes,
                         long budget, int maxShrinkCalls, int warmup, Path waveforms, Path cache) {
        public static Config defaults() {
            return new Config(RtlMutants.all(), 1, 20_000, Duration.ofMinutes(2), Weights.DEFAULT, Memory.DEFAULT_BYTES,
                    LockstepRunner.DEFAULT_BUDGET, ProgramShrinker.DEFAULT_MAX_CALLS, 100, null, MutantModels.cacheRoot());
        }

        public Config withMutants(List<RtlMutation> m) { return new Config(m, firstSeed, maxPrograms, maxTime, weights, dramBytes, budget, maxShrinkCalls, warmup, waveforms, cache); }

        public Config withSeeds(long first, int max) { return new Config(mutants, first, max, maxTime, weights, dramBytes, budget, maxShrinkCalls, warmup, waveforms, cache); }

        public Config withMaxTime(Duration t) { return new Config(mutants, firstSeed, maxPrograms, t, weights, dramBytes, budget, maxShrinkCalls, warmup, waveforms, cache); }

        public Config withWeights(Weights w) { return new Config(mutants, firstSeed, maxPrograms, maxTime, w, dramBytes, budget, maxShrinkCalls, warmup, waveforms, cache); }

        public Config withWarmup(int n) { return new Config(mutants, firstSeed, maxPrograms, maxTime, weights, dramBytes, budget, maxShrinkCalls, n, waveforms, cache); }

        public Config withWaveforms(Path dir) { return new Config(mutants, firstSeed, maxPrograms, maxTime, weights, dramBytes, budget, maxShrinkCalls, warmup, dir, cache); }

        public Config withCache(Path c) { return new Config(mutants, firstSeed, maxPrograms, maxTime, weights, dramBytes, budget, maxShrinkCalls, warmup, waveforms, c); }
    }

    /**
     * One mutant's outcome. Times in seconds; {@code seed} is the first diverging seed (or -1);
     * {@code shrunkInstructions} counts body instructions (prologue, epilogue and handler excluded);
     * {@code realRtlPasses}: the shrunk program runs clean on the real RTL (the divergence is the
     * mutation's); {@code reproducer} the shrunk reproducer (not written), {@code divergence} its
     * divergence on the mutant, {@code waveform} the FST of that run (or null); {@code error} says what
     * went wrong (build failure, shrink failure), else null.
     */
    public record MutantResult(String name, String files, String description, boolean detected, int programsTried, long seed,
                               double detectSeconds, double shrinkSeconds, int shrinkCalls, int originalOps, int shrunkOps,
                               int shrunkInstructions, BucketSignature bucket, double buildSeconds, boolean buildCached,
                               boolean realRtlPasses, Reproducer reproducer, Divergence divergence, Path waveform, String error) {
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

        /** Each mutant as an injected-bug result of a run. */
        public List<MutationResult> mutations() {
            List<MutationResult> out = new ArrayList<>();
            for (MutantResult m : mutants) {
                out.add(new MutationResult(m.name(), m.description(), m.detected(), m.detected() ? KILLED_BY : null, m.programsTried(),
                        m.detected() ? m.detectSeconds() : null, m.shrunk() ? m.shrunkInstructions() : null,
                        m.bucket() == null ? null : m.bucket().toString()));
            }
            return out;
        }

        /**
         * The self-test as a section of a run, on the injected-bug RTL ({@code mutant:*}, never a real
         * DUT): a mutant detected, shrunk and whose shrunk program passes on the real RTL is a PASS, its
         * divergence on the mutant, reproducer ({@link #reproducerPath}) and waveform (relative to
         * {@code runDir}) attached; any other mutant FAILs saying why.
         */
        public Section section(String suite, Instant startedAt, Path runDir) {
            List<CaseResult> cases = new ArrayList<>();
            long ms = 0;
            for (MutantResult m : mutants) {
                long caseMs = Math.round((m.detectSeconds() + m.shrinkSeconds()) * 1000);
                ms += caseMs;
                CaseResult c;
                if (m.ok()) {
                    c = CaseResult.passed(m.name(), caseMs);
                } else {
                    String why = m.error() != null ? m.error() : !m.detected() ? "not detected after " + m.programsTried() + " programs"
                            : "the shrunk program does not pass on the real RTL";
                    c = CaseResult.failed(m.name(), caseMs, why);
                }
                c = c.withLabel("mutant", m.name()).withLabel("files", m.files());
                if (m.bucket() != null) c = c.withLabel(CaseResult.INSTRUCTION, m.bucket().unit()).withLabel("bucket", m.bucket().toString());
                if (m.divergence() != null) {
                    c = c.withAttachment(Attachment.text("divergence on the mutant",
                            m.divergence().withReproducer(m.reproducer().source(), reproducerPath(m)).text()));
                }
                if (m.reproducer() != null) c = c.withAttachment(Attachment.file("shrunk reproducer", "text/plain", reproducerPath(m)));
                if (m.waveform() != null) c = c.withAttachment(Attachment.file("waveform of the shrunk failure (FST, GTKWave)", Attachment.FST,
                        relative(runDir, m.waveform())));
                cases.add(c);
            }
            return new Section(suite, new Target(Target.MUTANT_PREFIX + "*", "golden model == each injected-bug RTL mutant"), true, startedAt, ms,
                    cases, 0, null, String.format(Locale.ROOT, "%d/%d detected, median time to detect %s s, median shrunk length %s instructions",
                    detected(), mutants.size(), num(medianDetectSeconds()), num(medianShrunkInstructions())));
        }
    }

    /** The checker the self-test detects bugs with. */
    public static final String KILLED_BY = "generated programs in lockstep";

    /** Where a run keeps a mutant's reproducer, relative to its folder, or null when there is none. */
    public static String reproducerPath(MutantResult m) {
        return m.reproducer() == null ? null : "mutants/" + m.name() + "/" + m.reproducer().name();
    }

    private static String relative(Path root, Path file) {
        Path a = file.toAbsolutePath().normalize(), b = root.toAbsolutePath().normalize();
        return (a.startsWith(b) ? b.relativize(a) : a).toString().replace('\\', '/');
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
        return new Result(c, results, warm);
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
                    null, "build failed: " + e.getMessage());
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
                        built.cached(), false, null, null, null, null);
            }
            long s0 = System.nanoTime();
            ProgramShrinker.Result s;
            try {
                s = new ProgramShrinker(ProgramShrinker.Oracle.of(runner), c.maxShrinkCalls()).shrink(failing, sig);
            } catch (RuntimeException e) {
                return new MutantResult(m.name(), files, m.description(), true, tried, failing.seed(), detect, (System.nanoTime() - s0) / 1e9, 0,
                        failing.size(), 0, 0, sig, buildSeconds, built.cached(), false, null, null, null, "shrinking failed: " + e);
            }
            double shrink = (System.nanoTime() - s0) / 1e9;
            RenderedProgram shrunk = ProgramRenderer.render(s.program());
            Path wave = traceNextRun(c, m, runner);
            LockstepRunner.Outcome again = runner.run(shrunk.image());
            String error = sig.equals(again.signature()) ? null : "the shrunk program no longer diverges as " + sig + " (now: " + again.signature() + ")";
            if (error != null && wave != null) {
                deleteQuietly(wave); // a waveform is only ever of a failure
                wave = null;
            }
            boolean realPasses = passesOnRealRtl(c, shrunk);
            String target = MutantBackendProvider.PREFIX + m.name();
            Reproducer.Details x = new Reproducer.Details(failing.seed(), c.weights().toString(), target,
                    runner.dut().describe(), c.dramBytes(), c.budget(), sig, failing.size(), s.program().size(), shrunk.bodyInstructions());
            Reproducer repro = error == null ? Reproducer.of(shrunk, again.divergence(), x) : null;
            Divergence d = repro == null ? null : new DivergenceReport(again.divergence(), "generated program, seed " + failing.seed()
                    + " (shrunk: " + s.program().size() + " of " + failing.size() + " ops), mutant " + m.name(), runner.dut().describe(),
                    Replay.command("mutants/" + m.name() + "/" + repro.name(), target)).toModel().withBucket(sig.toString());
            return new MutantResult(m.name(), files, m.description(), true, tried, failing.seed(), detect, shrink, s.calls(), failing.size(),
                    s.program().size(), shrunk.bodyInstructions(), sig, buildSeconds, built.cached(), realPasses, repro, d, wave, error);
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

    /** Traces the runner's next run into {@code <waveforms>/<mutant>.fst} when waveforms are kept and the mutant can trace; returns the file or null. */
    private static Path traceNextRun(Config c, RtlMutation m, LockstepRunner runner) {
        if (c.waveforms() == null) return null;
        Path f = c.waveforms().resolve(m.name() + ".fst");
        try {
            Files.createDirectories(c.waveforms());
            runner.dut().traceInto(f);
            return f;
        } catch (UnsupportedOperationException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + c.waveforms(), e);
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // the result says the shrink failed either way
        }
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

    private static String met(boolean b) { return b ? "MET" : "NOT MET"; }
}
