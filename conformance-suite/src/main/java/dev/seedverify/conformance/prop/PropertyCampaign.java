package dev.seedverify.conformance.prop;

import dev.seedverify.conformance.bucket.BucketTable;
import dev.seedverify.conformance.coverage.CoverageCollector;
import dev.seedverify.conformance.coverage.CoverageReport;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.RenderedProgram;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.repro.Replay;
import dev.seedverify.conformance.repro.Reproducer;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A bounded property campaign: programs of a fixed seed range run on the golden model and a DUT
 * in lockstep (the main property, golden == DUT), by a few workers that each reuse one golden hart
 * and one DUT. Divergences are grouped into buckets; the first few programs of each bucket are
 * shrunk (same bucket required) into reproducers, each confirmed by a last run on the DUT that is
 * also traced into an FST waveform when the DUT can trace (so every waveform kept is of a failure);
 * coverage is collected from the golden commit records. The result depends only on the
 * configuration, not on the number of threads. It writes no report: {@link Result#section} gives
 * the facts of a run's result (the waveforms are the only files, written by the simulator).
 */
public final class PropertyCampaign {

    /**
     * @param shrinkPerBucket how many programs of each bucket (lowest seeds first) are shrunk; the smallest is the bucket's reproducer
     * @param waveforms       folder for the waveforms of the shrunk failures, or null for none
     */
    public record Config(long firstSeed, int programs, Weights weights, String target, int dramBytes, long budget, int threads,
                         int shrinkPerBucket, int maxShrinkCalls, boolean coverage, Path waveforms) {
        public static Config defaults() {
            return new Config(1, 2000, Weights.DEFAULT, Backends.GOLDEN, Memory.DEFAULT_BYTES, LockstepRunner.DEFAULT_BUDGET,
                    Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 2, ProgramShrinker.DEFAULT_MAX_CALLS, true, null);
        }

        public Config withSeeds(long first, int n) { return new Config(first, n, weights, target, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, coverage, waveforms); }

        public Config withTarget(String t) { return new Config(firstSeed, programs, weights, t, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, coverage, waveforms); }

        public Config withWeights(Weights w) { return new Config(firstSeed, programs, w, target, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, coverage, waveforms); }

        public Config withThreads(int t) { return new Config(firstSeed, programs, weights, target, dramBytes, budget, t, shrinkPerBucket, maxShrinkCalls, coverage, waveforms); }

        public Config withBudget(long b) { return new Config(firstSeed, programs, weights, target, dramBytes, b, threads, shrinkPerBucket, maxShrinkCalls, coverage, waveforms); }

        public Config withWaveforms(Path dir) { return new Config(firstSeed, programs, weights, target, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, coverage, dir); }

        public Config withCoverage(boolean c) { return new Config(firstSeed, programs, weights, target, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, c, waveforms); }

        public Config withShrinkPerBucket(int k) { return new Config(firstSeed, programs, weights, target, dramBytes, budget, threads, k, maxShrinkCalls, coverage, waveforms); }
    }

    /** What one program did. */
    public enum Status { PASS, TIMEOUT, DIVERGED, ERROR }

    /**
     * A program that did not pass: its seed, what happened, and for a divergence its bucket and a
     * short divergence (no history: the shrunk example of its bucket carries the full report).
     */
    public record NotPassed(long seed, Status status, String detail, BucketSignature signature,
                            dev.seedverify.reports.model.Divergence divergence) {}

    /**
     * A shrunk failure: its reproducer (not written: {@link Reproducer#write} or the campaign keeps
     * it), the full divergence of the shrunk program, and its waveform file (null when the DUT cannot
     * trace; {@code waveformNote} says why).
     */
    public record Shrunk(long seed, BucketSignature signature, Reproducer reproducer, dev.seedverify.reports.model.Divergence divergence,
                         Path waveform, String waveformNote) {}

    /** The campaign's outcome. */
    public record Result(Config config, int passed, int timedOut, int diverged, int errors, List<String> errorMessages, BucketTable buckets,
                         CoverageReport coverage, List<NotPassed> notPassed, List<Shrunk> shrunk, Duration elapsed, String dutDescription) {
        /** Every program halted with both sides equal. */
        public boolean clean() { return diverged == 0 && errors == 0 && timedOut == 0; }

        public double programsPerSecond() { return config.programs() / Math.max(1e-9, elapsed.toNanos() / 1e9); }

        public String summary() {
            StringBuilder s = new StringBuilder();
            s.append(String.format("property campaign: golden == %s in lockstep, seeds %d..%d, weights %s, %d thread%s%n", config.target(),
                    config.firstSeed(), config.firstSeed() + config.programs() - 1, config.weights(), config.threads(), config.threads() == 1 ? "" : "s"));
            s.append(String.format("  DUT: %s%n", dutDescription));
            s.append(String.format("  %d programs: %d passed, %d diverged, %d timed out, %d errors, in %.1f s (%.0f programs/s)%n", config.programs(),
                    passed, diverged, timedOut, errors, elapsed.toMillis() / 1000.0, programsPerSecond()));
            for (String e : errorMessages.subList(0, Math.min(10, errorMessages.size()))) s.append("  error: ").append(e).append('\n');
            s.append("\n").append(buckets.text());
            if (coverage != null) s.append("\n").append(coverage.text());
            return s.toString();
        }

        /**
         * This campaign as a section of a run: every program that did not pass is a case
         * ({@code seed N}), the rest are counted; the shrunk seed of each bucket carries the full
         * divergence with its reproducer ({@code repro/<name>}) and waveform (relative to {@code runDir}).
         */
        public Section section(String suite, Instant startedAt, Path runDir) {
            Map<Long, Shrunk> shrunkBySeed = new LinkedHashMap<>();
            for (Shrunk s : shrunk) shrunkBySeed.put(s.seed(), s);
            List<CaseResult> cases = new ArrayList<>();
            for (NotPassed p : notPassed) {
                String id = "seed " + p.seed();
                CaseResult c = switch (p.status()) {
                    case DIVERGED -> {
                        Shrunk s = shrunkBySeed.get(p.seed());
                        dev.seedverify.reports.model.Divergence d = s == null ? p.divergence() : s.divergence()
                                .withReproducer(s.reproducer().source(), reproducerPath(s.reproducer()))
                                .withWaveform(s.waveform() == null ? null : relative(runDir, s.waveform()));
                        yield CaseResult.diverged(id, 0, d).withLabel(CaseResult.INSTRUCTION, p.signature().unit());
                    }
                    case TIMEOUT, ERROR -> CaseResult.error(id, 0, p.detail());
                    case PASS -> throw new IllegalStateException("seed " + p.seed() + " passed");
                };
                cases.add(c.withLabel(CaseResult.SEED, Long.toString(p.seed())));
            }
            String detail = String.format("seeds %d..%d, weights %s, %d bucket%s", config.firstSeed(), config.firstSeed() + config.programs() - 1,
                    config.weights(), buckets.buckets().size(), buckets.buckets().size() == 1 ? "" : "s");
            return new Section(suite, Target.of(config.target()), true, startedAt, elapsed.toMillis(), cases, passed, null, detail);
        }
    }

    /** Where the campaign keeps the reproducer of a shrunk failure, relative to the run's folder. */
    public static String reproducerPath(Reproducer r) { return "repro/" + r.name(); }

    private static String relative(Path root, Path file) {
        Path a = file.toAbsolutePath().normalize(), b = root.toAbsolutePath().normalize();
        return (a.startsWith(b) ? b.relativize(a) : a).toString().replace('\\', '/');
    }

    private PropertyCampaign() {}

    public static Result run(Config c) {
        return run(c, () -> Backends.open(c.target(), c.dramBytes()), n -> { });
    }

    /** Runs the campaign; {@code done} hears of every finished program (from the worker threads). */
    public static Result run(Config c, LongConsumer done) {
        return run(c, () -> Backends.open(c.target(), c.dramBytes()), done);
    }

    /** Runs the campaign against DUTs made by {@code factory} (called once per worker thread). */
    public static Result run(Config c, Supplier<? extends Backend> factory, LongConsumer done) {
        long t0 = System.nanoTime();
        ProgramGenerator gen = new ProgramGenerator(c.weights(), c.dramBytes());
        int n = c.programs();
        Status[] status = new Status[n];
        BucketSignature[] sigs = new BucketSignature[n];
        String[] errors = new String[n];
        dev.seedverify.reports.model.Divergence[] divergences = new dev.seedverify.reports.model.Divergence[n];
        CoverageCollector coverage = c.coverage() ? new CoverageCollector(c.dramBytes()) : null;
        AtomicInteger next = new AtomicInteger();
        String[] dutDescription = new String[1];

        int threads = Math.max(1, Math.min(c.threads(), n));
        parallel(threads, () -> {
            CoverageCollector mine = c.coverage() ? new CoverageCollector(c.dramBytes()) : null;
            try (LockstepRunner runner = new LockstepRunner(factory, c.budget())) {
                dutDescription[0] = runner.dut().describe();
                int k;
                while ((k = next.getAndIncrement()) < n) {
                    long seed = c.firstSeed() + k;
                    try {
                        RenderedProgram rp = ProgramRenderer.image(gen.generate(seed));
                        LockstepRunner.Outcome o = runner.run(rp.image());
                        status[k] = o.diverged() ? Status.DIVERGED : o.passed() ? Status.PASS : o.timedOut() ? Status.TIMEOUT : Status.ERROR;
                        if (status[k] == Status.ERROR) errors[k] = "ended with " + o.result().outcome() + " (tohost " + o.result().tohostValue() + ")";
                        if (status[k] == Status.TIMEOUT) errors[k] = "did not halt within " + c.budget() + " records (golden and DUT equal)";
                        sigs[k] = o.signature();
                        if (o.diverged()) divergences[k] = brief(o.divergence(), seed, runner.dut().describe(), o.signature());
                        if (mine != null) {
                            mine.beginProgram();
                            runner.runReference(rp.image(), mine);
                        }
                    } catch (RuntimeException e) {
                        status[k] = Status.ERROR;
                        errors[k] = e.toString();
                    }
                    done.accept(1);
                }
            } finally {
                if (mine != null) coverage.merge(mine);
            }
        });

        BucketTable buckets = new BucketTable();
        Map<BucketSignature, List<Long>> toShrink = new LinkedHashMap<>();
        int passed = 0, timedOut = 0, diverged = 0, errs = 0;
        List<String> messages = new ArrayList<>();
        List<NotPassed> notPassed = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long seed = c.firstSeed() + k;
            switch (status[k]) {
                case PASS -> passed++;
                case TIMEOUT -> {
                    timedOut++;
                    notPassed.add(new NotPassed(seed, Status.TIMEOUT, errors[k], null, null));
                }
                case ERROR -> {
                    errs++;
                    messages.add("seed " + seed + ": " + errors[k]);
                    notPassed.add(new NotPassed(seed, Status.ERROR, errors[k], null, null));
                }
                case DIVERGED -> {
                    diverged++;
                    buckets.add(sigs[k], seed);
                    notPassed.add(new NotPassed(seed, Status.DIVERGED, divergences[k].summary(), sigs[k], divergences[k]));
                    List<Long> l = toShrink.computeIfAbsent(sigs[k], s -> new ArrayList<>());
                    if (l.size() < c.shrinkPerBucket()) l.add(seed);
                }
            }
        }

        List<Shrunk> shrunk = Collections.synchronizedList(new ArrayList<>());
        List<Long> jobSeeds = new ArrayList<>();
        List<BucketSignature> jobSigs = new ArrayList<>();
        for (Map.Entry<BucketSignature, List<Long>> e : toShrink.entrySet()) {
            for (long seed : e.getValue()) {
                jobSeeds.add(seed);
                jobSigs.add(e.getKey());
            }
        }
        AtomicInteger nextJob = new AtomicInteger();
        if (!jobSeeds.isEmpty()) {
            parallel(Math.min(threads, jobSeeds.size()), () -> {
                try (LockstepRunner runner = new LockstepRunner(factory, c.budget())) {
                    int j;
                    while ((j = nextJob.getAndIncrement()) < jobSeeds.size()) {
                        long seed = jobSeeds.get(j);
                        try {
                            shrunk.add(shrink(c, gen.generate(seed), jobSigs.get(j), runner, buckets));
                        } catch (RuntimeException e) {
                            synchronized (messages) {
                                messages.add("shrinking seed " + seed + ": " + e);
                            }
                        }
                    }
                }
            });
        }
        List<Shrunk> sorted = new ArrayList<>(shrunk);
        sorted.sort(Comparator.comparingLong(Shrunk::seed));
        return new Result(c, passed, timedOut, diverged, errs, messages, buckets, coverage == null ? null : coverage.report(), notPassed,
                sorted, Duration.ofNanos(System.nanoTime() - t0), dutDescription[0]);
    }

    /** A divergence of a generated program for the case list: what and where, without the history. */
    private static dev.seedverify.reports.model.Divergence brief(Divergence d, long seed, String dut, BucketSignature sig) {
        dev.seedverify.reports.model.Divergence full = new DivergenceReport(d, "generated program, seed " + seed, dut, null).toModel();
        return new dev.seedverify.reports.model.Divergence(full.kind(), full.order(), full.message(), full.firstField(), full.fields(),
                full.goldenRecord(), full.dutRecord(), List.of(), sig.toString(), null, null, null, null);
    }

    /**
     * Shrinks {@code p} (which diverges with {@code sig}), confirms the shrunk program on the DUT
     * (traced into a waveform when the campaign keeps them and the DUT can), and records the example.
     */
    static Shrunk shrink(Config c, Program p, BucketSignature sig, LockstepRunner runner, BucketTable buckets) {
        ProgramShrinker.Result s = new ProgramShrinker(ProgramShrinker.Oracle.of(runner), c.maxShrinkCalls()).shrink(p, sig);
        RenderedProgram shrunk = ProgramRenderer.render(s.program());
        Path wave = null;
        String waveNote = null;
        if (c.waveforms() != null) {
            Path f = c.waveforms().resolve(sig.slug() + "-seed" + p.seed() + ".fst");
            try {
                Files.createDirectories(c.waveforms());
                runner.dut().traceInto(f);
                wave = f;
            } catch (UnsupportedOperationException e) {
                waveNote = e.getMessage();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + c.waveforms(), e);
            }
        }
        LockstepRunner.Outcome o = runner.run(shrunk.image());
        if (!sig.equals(o.signature())) {
            if (wave != null) deleteQuietly(wave); // a waveform is only ever of a failure
            throw new IllegalStateException("the shrunk program of seed " + p.seed() + " no longer diverges as " + sig);
        }
        Divergence d = o.divergence();
        Reproducer.Details x = new Reproducer.Details(p.seed(), c.weights().toString(), c.target(), runner.dut().describe(), c.dramBytes(),
                c.budget(), sig, p.size(), s.program().size(), shrunk.bodyInstructions());
        Reproducer r = Reproducer.of(shrunk, d, x);
        String path = reproducerPath(r);
        buckets.addExample(sig, new BucketTable.Example(p.seed(), p.size(), s.program().size(), shrunk.bodyInstructions(), path, r.source()));
        dev.seedverify.reports.model.Divergence full = new DivergenceReport(d, "generated program, seed " + p.seed() + " (shrunk: "
                + s.program().size() + " of " + p.size() + " ops)", runner.dut().describe(), Replay.command(path, c.target())).toModel()
                .withBucket(sig.toString());
        return new Shrunk(p.seed(), sig, r, full, wave, waveNote);
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // the caller reports the failure itself
        }
    }

    private static void parallel(int threads, Runnable worker) {
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "property-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < threads; i++) fs.add(pool.submit(worker));
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) throw re;
                    if (cause instanceof Error er) throw er;
                    throw new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
