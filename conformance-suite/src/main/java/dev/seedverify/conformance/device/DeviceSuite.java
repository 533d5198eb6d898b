package dev.seedverify.conformance.device;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.BackendUnavailableException;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.IsolationCounts;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SmallestReproducer;
import dev.seedverify.reports.model.Target;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.mutant.MutantBackendProvider;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The device section of a campaign (spec §4 on golden vs a DUT): random device scenarios
 * ({@link DeviceCaseGenerator}, seeds {@code firstSeed ..}) run through the whole-chip lockstep
 * ({@code lockstep:golden,TARGET}), each divergence shrunk ({@link DeviceShrinker}) and kept as a
 * host-action reproducer ({@link DeviceReproducer}); then the isolation property
 * ({@link IsolationCheck}) on the target alone. Its result is the reports model: the section
 * {@value #SUITE} on the target, its buckets (smallest reproducer each), the isolation counts.
 * {@link #mutant} runs the same stream against an injected device bug until it is detected.
 *
 * <p>Shaped for the campaign's pluggable sections ({@code CampaignSection}): {@link #units} names
 * deterministic units (chunks of seeds, then the isolation property) and {@link #runUnit} runs
 * one; every fact goes into a {@link Result} that {@link Result#recordInto} adds to a
 * {@code RunResult.Builder} (the campaign joins the units' sections), and reproducers are returned
 * as text with their path relative to the run's folder ({@link KeptFile}), for
 * {@code SectionContext.keepFile}. The injected device bugs ({@link #mutant}) give a
 * {@code MutationResult} and the shrunk reproducer, for the injected-bugs section.
 */
public final class DeviceSuite {
    public static final String SUITE = "device";
    /** Random scenarios per campaign by default, and commands per scenario at most. */
    public static final int DEFAULT_CASES = 300, MAX_COMMANDS = 12;
    public static final long DEFAULT_ISOLATION_LAUNCHES = 2_000;
    /** Scenarios an injected bug gets before it counts as surviving. */
    public static final int MUTANT_CASES = 2_000;

    private final int dramBytes;
    private final long isolationLaunches;

    public DeviceSuite(int dramBytes, long isolationLaunches) {
        this.dramBytes = dramBytes;
        this.isolationLaunches = isolationLaunches;
    }

    /** The RTL's DRAM size (the device suite compares it, so both sides use it). */
    public static DeviceSuite forRtl(long isolationLaunches) { return new DeviceSuite(RtlModel.builtIn().dramBytes(), isolationLaunches); }

    /** A kept reproducer: a path relative to the run's folder and the file's text. */
    public record KeptFile(String path, String text) {}

    /** What one run of the suite on one target found. */
    public record Result(Section section, List<Bucket> buckets, IsolationCounts isolation, List<String> isolationEscapes,
                         List<KeptFile> reproducers) {
        public boolean passed() { return buckets.isEmpty() && (isolation == null || isolation.holds()); }

        /** Adds the section, the buckets and the isolation counts to a campaign's run. */
        public void recordInto(RunResult.Builder run) {
            run.section(section);
            for (Bucket b : buckets) run.bucket(b);
            if (isolation != null) run.isolation(isolation);
        }
    }

    /**
     * Runs scenarios {@code firstSeed .. firstSeed + cases - 1} golden vs {@code target}, then the
     * isolation property on {@code target}: {@link #scenarios} and {@link #isolation} in one section.
     *
     * @throws BackendUnavailableException when the target cannot be opened here
     */
    public Result run(String target, long firstSeed, int cases) {
        Result s = scenarios(target, firstSeed, cases);
        Result i = isolation(target, firstSeed);
        List<CaseResult> all = new ArrayList<>(s.section().cases());
        all.addAll(i.section().cases());
        Section joined = new Section(SUITE, Target.of(target), true, s.section().startedAt(),
                s.section().durationMillis() + i.section().durationMillis(), all,
                s.section().unlistedPassed() + i.section().unlistedPassed(), null, s.section().detail() + "; " + i.section().detail());
        return new Result(joined, s.buckets(), i.isolation(), i.isolationEscapes(), s.reproducers());
    }

    /**
     * The work of {@link #run} as the campaign's units: scenario seeds in chunks of {@code chunk},
     * then the isolation property. Each unit is deterministic ({@link #runUnit}).
     */
    public static List<String> units(long firstSeed, int cases, int chunk) {
        List<String> out = new ArrayList<>();
        for (long s = firstSeed; s < firstSeed + cases; s += chunk) out.add("seeds " + s + ".." + (Math.min(firstSeed + cases, s + chunk) - 1));
        out.add("isolation");
        return out;
    }

    /** Runs unit {@code unit} of {@link #units}: a chunk of scenarios, or (the last) the isolation property. */
    public Result runUnit(String target, long firstSeed, int cases, int chunk, int unit) {
        int chunks = (cases + chunk - 1) / chunk;
        if (unit < 0 || unit > chunks) throw new IndexOutOfBoundsException("unit " + unit + " of " + (chunks + 1));
        if (unit == chunks) return isolation(target, firstSeed);
        long from = firstSeed + (long) unit * chunk;
        return scenarios(target, from, (int) Math.min(chunk, firstSeed + cases - from));
    }

    /** Scenarios {@code firstSeed ..} golden vs {@code target} in lockstep, each divergence shrunk and kept. */
    public Result scenarios(String target, long firstSeed, int cases) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        DeviceCaseGenerator gen = new DeviceCaseGenerator(dramBytes, MAX_COMMANDS);
        List<CaseResult> diverged = new ArrayList<>();
        Map<String, BucketBuilder> buckets = new LinkedHashMap<>();
        List<KeptFile> kept = new ArrayList<>();
        long passed = 0, instructions = 0, completions = 0;
        try (DeviceLockstep lockstep = new DeviceLockstep(target, dramBytes)) {
            for (long seed = firstSeed; seed < firstSeed + cases; seed++) {
                long c0 = System.nanoTime();
                DeviceCase c = gen.generate(seed);
                DeviceLockstep.Result r = lockstep.run(c);
                if (!r.diverged()) {
                    passed++;
                    instructions += r.outcome().instructions();
                    completions += r.outcome().completions();
                    continue;
                }
                BucketSignature sig = r.signature();
                Found f = shrinkAndKeep(lockstep, c, r, target, "device/" + sig.slug() + "-seed" + seed + DeviceReproducer.SUFFIX);
                long ms = (System.nanoTime() - c0) / 1_000_000;
                diverged.add(CaseResult.diverged("seed " + seed, ms, f.report()).withLabel(CaseResult.SEED, Long.toString(seed)));
                buckets.computeIfAbsent(sig.toString(), k -> new BucketBuilder()).add(seed, f);
                if (buckets.get(sig.toString()).smallest == f) kept.add(new KeptFile(f.path(), f.reproducer().text()));
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String detail = String.format("seeds %d..%d: %d scenarios equal (%d commands, %d kernel instructions), %d diverged", firstSeed,
                firstSeed + cases - 1, passed, completions, instructions, diverged.size());
        Section section = new Section(SUITE, Target.of(target), true, start, millis, diverged, passed, null, detail);
        List<Bucket> bucketList = new ArrayList<>();
        for (Map.Entry<String, BucketBuilder> e : buckets.entrySet()) bucketList.add(e.getValue().build(e.getKey()));
        return new Result(section, bucketList, null, List.of(), kept);
    }

    /** The isolation property on {@code target} alone ({@link IsolationCheck}, {@code isolationLaunches} launches from {@code seed}). */
    public Result isolation(String target, long seed) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        IsolationCheck.Result iso;
        try (Backend chip = Backends.open(target, dramBytes)) {
            iso = IsolationCheck.run(chip, seed, isolationLaunches);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String detail = String.format("isolation: %d launches, %d DMA attempts, %d escapes, %d bytes changed outside the window",
                iso.counts().launches(), iso.dmaAttempts(), iso.counts().escapes(), iso.counts().bytesChangedOutsideWindow());
        List<CaseResult> cases = iso.holds() ? List.of()
                : List.of(CaseResult.failed("isolation", millis, "the isolation property does not hold: " + String.join("; ", iso.escapes())));
        Section section = new Section(SUITE, Target.of(target), true, start, millis, cases, iso.holds() ? 1 : 0, null, detail);
        return new Result(section, List.of(), iso.counts(), iso.escapes(), List.of());
    }

    /** A divergence shrunk: its reproducer and the report model's divergence. */
    record Found(DeviceReproducer reproducer, String path, dev.seedverify.reports.model.Divergence report, int commands, int instructions) {}

    private Found shrinkAndKeep(DeviceLockstep lockstep, DeviceCase c, DeviceLockstep.Result r, String target, String path) {
        DeviceShrinker.Shrunk s = new DeviceShrinker(lockstep).shrink(c, r);
        DeviceCase small = s.deviceCase();
        DeviceReproducer rep = DeviceReproducer.of(small, s.result().divergence(), new DeviceReproducer.Details(c.seed(), target,
                lockstep.describe(), dramBytes, c.commands().size(), small.commands().size(), small.instructions()));
        var model = new DivergenceReport(s.result().divergence(), "device scenario seed " + c.seed(), target,
                "ci/replay.sh " + path + " --target " + target).toModel()
                .withBucket(s.result().signature().toString()).withReproducer(rep.text(), path);
        return new Found(rep, path, model, small.commands().size(), small.instructions());
    }

    private static final class BucketBuilder {
        long count;
        final List<Long> seeds = new ArrayList<>();
        Found smallest;
        long smallestSeed;

        void add(long seed, Found f) {
            count++;
            if (seeds.size() < Bucket.MAX_SEEDS) seeds.add(seed);
            if (smallest == null || f.commands() + f.instructions() < smallest.commands() + smallest.instructions()) {
                smallest = f;
                smallestSeed = seed;
            }
        }

        Bucket build(String signature) {
            return Bucket.of(signature, count, seeds, new SmallestReproducer("seed " + smallestSeed, smallestSeed,
                    smallest.instructions() + smallest.commands(), smallest.path(), smallest.reproducer().text()));
        }
    }

    // ------------------------------------------------------------------ injected device bugs

    /** How the suite did against one injected bug: the model's result and the shrunk reproducer (null if it survived). */
    public record MutantOutcome(MutationResult result, DeviceReproducer reproducer) {}

    /**
     * Runs scenarios from {@code firstSeed} golden vs {@code mutant:NAME} until the first divergence
     * (at most {@code maxCases}), shrinks it and writes nothing: the reproducer is returned.
     */
    public MutantOutcome mutant(RtlMutation m, long firstSeed, int maxCases) {
        String target = MutantBackendProvider.PREFIX + m.name();
        DeviceCaseGenerator gen = new DeviceCaseGenerator(dramBytes, MAX_COMMANDS);
        try (DeviceLockstep lockstep = new DeviceLockstep(target, dramBytes)) {
            long t1 = System.nanoTime(); // the build (or cache check) is not detection time
            for (long seed = firstSeed; seed < firstSeed + maxCases; seed++) {
                DeviceCase c = gen.generate(seed);
                DeviceLockstep.Result r = lockstep.run(c);
                if (!r.diverged()) continue;
                double seconds = (System.nanoTime() - t1) / 1e9;
                Found f = shrinkAndKeep(lockstep, c, r, target, "device/" + m.name() + DeviceReproducer.SUFFIX);
                return new MutantOutcome(new MutationResult(m.name(), m.description(), true, SUITE, seed - firstSeed + 1, seconds,
                        f.commands() + f.instructions(), r.signature().toString()), f.reproducer());
            }
            return new MutantOutcome(new MutationResult(m.name(), m.description(), false, null, maxCases, null, null, null), null);
        }
    }

    // ------------------------------------------------------------------ command line

    /**
     * {@code DeviceSuite [--target NAME] [--cases N] [--seed N] [--isolation N] [--mutants all|a,b] [--regressions DIR]}:
     * runs the section on the target (default rtl) and prints it; with {@code --mutants}, runs the
     * injected device bugs and, with {@code --regressions}, writes each one's reproducer as
     * {@code DIR/<mutant>.script}. Exit 0 when the target passed and every mutant was detected.
     */
    public static void main(String[] args) throws IOException {
        String target = "rtl";
        int cases = DEFAULT_CASES;
        long seed = 1, isolation = DEFAULT_ISOLATION_LAUNCHES;
        String mutants = null;
        Path regressions = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target" -> target = args[++i];
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--isolation" -> isolation = Long.parseLong(args[++i]);
                case "--mutants" -> mutants = args[++i];
                case "--regressions" -> regressions = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: DeviceSuite [--target NAME] [--cases N] [--seed N] [--isolation N] [--mutants all|a,b] [--regressions DIR]");
                    System.exit(2);
                }
            }
        }
        DeviceSuite suite = forRtl(isolation);
        boolean ok = true;
        if (cases > 0) {
            Result r = suite.run(target, seed, cases);
            System.out.println(r.section().key() + ": " + r.section().status() + " (" + r.section().durationMillis() + " ms) " + r.section().detail());
            for (Bucket b : r.buckets()) System.out.println("  bucket " + b.signature() + " x" + b.count() + " smallest " + b.smallest().caseId());
            ok = r.passed();
        }
        if (mutants != null) {
            List<RtlMutation> list = mutants.equals("all") ? RtlMutants.device()
                    : java.util.Arrays.stream(mutants.split(",")).map(RtlMutants::byName).toList();
            for (RtlMutation m : list) {
                long t = System.nanoTime();
                MutantOutcome o = suite.mutant(m, seed, MUTANT_CASES);
                MutationResult x = o.result();
                System.out.printf("%-32s %s after %d scenarios, %.1f s, shrunk to %s, bucket %s (%s)%n", m.name(),
                        x.killed() ? "DETECTED" : "SURVIVED", x.programsTried(), x.secondsToDetect() == null ? Double.NaN : x.secondsToDetect(),
                        x.shrunkInstructions() == null ? "-" : x.shrunkInstructions() + " commands+instructions", x.bucket(),
                        Duration.ofNanos(System.nanoTime() - t).toSeconds() + " s in all");
                ok &= x.killed();
                if (o.reproducer() != null && regressions != null) {
                    o.reproducer().write(regressions.resolve(m.name() + DeviceReproducer.SUFFIX));
                }
            }
        }
        System.exit(ok ? 0 : 1);
    }
}
