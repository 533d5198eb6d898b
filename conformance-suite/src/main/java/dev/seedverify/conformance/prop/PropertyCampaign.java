package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.conformance.bucket.BucketTable;
import dev.seedverify.conformance.coverage.CoverageCollector;
import dev.seedverify.conformance.coverage.CoverageReport;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.RenderedProgram;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.repro.Reproducer;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.DivergenceReport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bounded property campaign: programs of a fixed seed range run on the golden model and a DUT
 * in lockstep (the main property, golden == DUT), by a few workers that each reuse one golden hart
 * and one DUT. Divergences are grouped into buckets; the first few programs of each bucket are
 * shrunk (same bucket required) and written as reproducer files with their divergence reports;
 * coverage is collected from the golden commit records. The result (and the files) depend only on
 * the configuration, not on the number of threads.
 */
public final class PropertyCampaign {

    /**
     * @param shrinkPerBucket how many programs of each bucket (lowest seeds first) are shrunk; the smallest is the bucket's reproducer
     * @param out             folder for the reports and reproducers, or null to write nothing
     */
    public record Config(long firstSeed, int programs, Weights weights, String target, int dramBytes, long budget, int threads,
                         int shrinkPerBucket, int maxShrinkCalls, boolean coverage, Path out) {
        public static Config defaults() {
            return new Config(1, 2000, Weights.DEFAULT, Backends.GOLDEN, Memory.DEFAULT_BYTES, LockstepRunner.DEFAULT_BUDGET,
                    Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 2, ProgramShrinker.DEFAULT_MAX_CALLS, true, null);
        }

        public Config withSeeds(long first, int n) { return new Config(first, n, weights, target, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, coverage, out); }

        public Config withTarget(String t) { return new Config(firstSeed, programs, weights, t, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, coverage, out); }

        public Config withWeights(Weights w) { return new Config(firstSeed, programs, w, target, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, coverage, out); }

        public Config withThreads(int t) { return new Config(firstSeed, programs, weights, target, dramBytes, budget, t, shrinkPerBucket, maxShrinkCalls, coverage, out); }

        public Config withOut(Path o) { return new Config(firstSeed, programs, weights, target, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, coverage, o); }

        public Config withCoverage(boolean c) { return new Config(firstSeed, programs, weights, target, dramBytes, budget, threads, shrinkPerBucket, maxShrinkCalls, c, out); }

        public Config withShrinkPerBucket(int k) { return new Config(firstSeed, programs, weights, target, dramBytes, budget, threads, k, maxShrinkCalls, coverage, out); }
    }

    /** What one program did. */
    enum Status { PASS, TIMEOUT, DIVERGED, ERROR }

    /** The campaign's outcome. */
    public record Result(Config config, int passed, int timedOut, int diverged, int errors, List<String> errorMessages, BucketTable buckets,
                         CoverageReport coverage, List<Path> reproducers, Duration elapsed, String dutDescription) {
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
    }

    private PropertyCampaign() {}

    public static Result run(Config c) {
        return run(c, () -> Backends.open(c.target(), c.dramBytes()));
    }

    /** Runs the campaign against DUTs made by {@code factory} (called once per worker thread). */
    public static Result run(Config c, Supplier<? extends Backend> factory) {
        long t0 = System.nanoTime();
        ProgramGenerator gen = new ProgramGenerator(c.weights(), c.dramBytes());
        int n = c.programs();
        Status[] status = new Status[n];
        BucketSignature[] sigs = new BucketSignature[n];
        String[] errors = new String[n];
        CoverageCollector coverage = c.coverage() ? new CoverageCollector() : null;
        AtomicInteger next = new AtomicInteger();
        String[] dutDescription = new String[1];

        int threads = Math.max(1, Math.min(c.threads(), n));
        parallel(threads, () -> {
            CoverageCollector mine = c.coverage() ? new CoverageCollector() : null;
            try (LockstepRunner runner = new LockstepRunner(factory, c.budget())) {
                dutDescription[0] = runner.dut().describe();
                int k;
                while ((k = next.getAndIncrement()) < n) {
                    long seed = c.firstSeed() + k;
                    try {
                        RenderedProgram rp = ProgramRenderer.image(gen.generate(seed));
                        LockstepRunner.Outcome o = runner.run(rp.image());
                        status[k] = o.diverged() ? Status.DIVERGED : o.passed() ? Status.PASS : o.timedOut() ? Status.TIMEOUT : Status.ERROR;
                        if (status[k] == Status.ERROR) errors[k] = "seed " + seed + ": " + o.result().outcome() + " (tohost " + o.result().tohostValue() + ")";
                        sigs[k] = o.signature();
                        if (mine != null) {
                            mine.beginProgram();
                            runner.runReference(rp.image(), mine);
                        }
                    } catch (RuntimeException e) {
                        status[k] = Status.ERROR;
                        errors[k] = "seed " + seed + ": " + e;
                    }
                }
            } finally {
                if (mine != null) coverage.merge(mine);
            }
        });

        BucketTable buckets = new BucketTable();
        Map<BucketSignature, List<Long>> toShrink = new LinkedHashMap<>();
        int passed = 0, timedOut = 0, diverged = 0, errs = 0;
        List<String> messages = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            switch (status[k]) {
                case PASS -> passed++;
                case TIMEOUT -> timedOut++;
                case ERROR -> {
                    errs++;
                    messages.add(errors[k]);
                }
                case DIVERGED -> {
                    diverged++;
                    buckets.add(sigs[k], c.firstSeed() + k);
                    List<Long> l = toShrink.computeIfAbsent(sigs[k], s -> new ArrayList<>());
                    if (l.size() < c.shrinkPerBucket()) l.add(c.firstSeed() + k);
                }
            }
        }

        List<Path> reproducers = Collections.synchronizedList(new ArrayList<>());
        List<long[]> jobs = new ArrayList<>();
        List<BucketSignature> jobSigs = new ArrayList<>();
        for (Map.Entry<BucketSignature, List<Long>> e : toShrink.entrySet()) {
            for (long seed : e.getValue()) {
                jobs.add(new long[] {seed});
                jobSigs.add(e.getKey());
            }
        }
        AtomicInteger nextJob = new AtomicInteger();
        if (!jobs.isEmpty()) {
            parallel(Math.min(threads, jobs.size()), () -> {
                try (LockstepRunner runner = new LockstepRunner(factory, c.budget())) {
                    int j;
                    while ((j = nextJob.getAndIncrement()) < jobs.size()) {
                        long seed = jobs.get(j)[0];
                        BucketSignature sig = jobSigs.get(j);
                        try {
                            Path file = shrinkAndWrite(c, gen.generate(seed), sig, runner, buckets);
                            if (file != null) reproducers.add(file);
                        } catch (RuntimeException | IOException e) {
                            synchronized (messages) {
                                messages.add("shrinking seed " + seed + ": " + e);
                            }
                        }
                    }
                }
            });
        }
        Collections.sort(reproducers);
        CoverageReport report = coverage == null ? null : coverage.report();
        Result r = new Result(c, passed, timedOut, diverged, errs, messages, buckets, report, reproducers,
                Duration.ofNanos(System.nanoTime() - t0), dutDescription[0]);
        if (c.out() != null) write(r);
        return r;
    }

    /** Shrinks {@code p} (which diverges with {@code sig}), records the example and writes its reproducer and reports. */
    static Path shrinkAndWrite(Config c, Program p, BucketSignature sig, LockstepRunner runner, BucketTable buckets) throws IOException {
        ProgramShrinker.Result s = new ProgramShrinker(ProgramShrinker.Oracle.of(runner), c.maxShrinkCalls()).shrink(p, sig);
        RenderedProgram shrunk = ProgramRenderer.render(s.program());
        LockstepRunner.Outcome o = runner.run(shrunk.image());
        if (!sig.equals(o.signature())) throw new IllegalStateException("the shrunk program of seed " + p.seed() + " no longer diverges as " + sig);
        Divergence d = o.divergence();
        Reproducer.Details x = new Reproducer.Details(p.seed(), c.weights().toString(), c.target(), runner.dut().describe(), c.dramBytes(),
                c.budget(), sig, p.size(), s.program().size(), shrunk.bodyInstructions());
        Reproducer r = Reproducer.of(shrunk, d, x);
        String rel = "repro/" + r.name();
        buckets.addExample(sig, new BucketTable.Example(p.seed(), p.size(), s.program().size(), shrunk.bodyInstructions(), rel));
        if (c.out() == null) return null;
        Path file = r.write(c.out().resolve(rel));
        String base = r.name().substring(0, r.name().length() - 2);
        new DivergenceReport(d, "generated program, seed " + p.seed() + " (shrunk: " + s.program().size() + " of " + p.size() + " ops)",
                runner.dut().describe(), "ci/replay.sh " + file + " --target " + c.target()).writeTo(c.out().resolve("repro"), base);
        return file;
    }

    static void write(Result r) {
        Path out = r.config().out();
        try {
            AtomicFiles.write(out.resolve("summary.txt"), r.summary());
            AtomicFiles.write(out.resolve("buckets.txt"), r.buckets().text());
            AtomicFiles.write(out.resolve("buckets.json"), r.buckets().json());
            if (r.coverage() != null) {
                AtomicFiles.write(out.resolve("coverage.txt"), r.coverage().text());
                AtomicFiles.write(out.resolve("coverage.json"), r.coverage().json());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing the campaign report to " + out, e);
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
