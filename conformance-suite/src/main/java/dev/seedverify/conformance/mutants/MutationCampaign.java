package dev.seedverify.conformance.mutants;

import dev.seedverify.conformance.CProgram;
import dev.seedverify.conformance.ConformanceList;
import dev.seedverify.conformance.ConformanceProgram;
import dev.seedverify.conformance.device.DeviceCase;
import dev.seedverify.conformance.device.DeviceCaseGenerator;
import dev.seedverify.conformance.device.DeviceLockstep;
import dev.seedverify.conformance.device.DeviceSuite;
import dev.seedverify.conformance.device.DirectedDeviceScenarios;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.numerics.NumericCases;
import dev.seedverify.conformance.numerics.NumericSweep;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.LockstepBackend;
import dev.seedverify.cosim.RecordComparator;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Environment;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.PerformanceFigure;
import dev.seedverify.reports.model.Requirements;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Target;
import dev.seedverify.reports.render.Reports;
import dev.seedverify.reports.signoff.SignOff;
import dev.seedverify.rtl.RtlSimulator;
import dev.seedverify.rtl.mutant.AutoMutant;
import dev.seedverify.rtl.mutant.MutantModel;
import dev.seedverify.rtl.mutant.MutantModels;
import dev.seedverify.rtl.mutant.MutationEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The automatic mutation campaign (issue 13): mutants made by {@link MutationEngine} over the RTL
 * files, all built into one model ({@link MutantModel}, one build), each run against the
 * campaign's checkers with early stop:
 * <ol>
 *   <li><b>directed conformance</b>: the sign-off list in lockstep, until its first divergence;</li>
 *   <li><b>numerics sweep</b>: boundary and random operands of tcvt.e4m3, tadd.f32, tquant.i8 and
 *       tmma.e4m3 ({@link NumericSweep}) in lockstep, until the first divergence;</li>
 *   <li><b>random lockstep</b>: generated programs (seeds 1..), until the {@value #RANDOM_MARGIN}th
 *       diverging program;</li>
 *   <li><b>end-of-program state</b>: any of those programs whose records all agreed but whose final
 *       GPRs, CSRs, tiles or DRAM digest differ ({@link Divergence.Kind#FINAL_STATE});</li>
 *   <li><b>device directed</b>: the command-mode scenarios of {@link DirectedDeviceScenarios} (every opcode and
 *       completion status, ring rules, interrupts), until the first difference;</li>
 *   <li><b>device random</b>: generated device scenarios ({@link DeviceCaseGenerator}: random rings, valid and
 *       invalid descriptor streams, LAUNCH kernels, interrupt acknowledges; seeds 1..) golden vs the mutant in
 *       whole-chip lockstep ({@link LockstepBackend}), until the first divergence: a second, independent
 *       checker for command-mode logic that no bare-mode program reaches;</li>
 *   <li><b>compiled C</b>: the self-checking C programs ({@link CProgram}: recursion, function pointers, jump
 *       tables, libgcc), built with GCC at -O0 and -O2, in lockstep until the first divergence or failed
 *       self-check: code far larger than a generated program (calls and jumps across kilobytes).</li>
 * </ol>
 * The device and compiled checkers run only for a mutant whose margin the others did not meet.
 * A mutant stops as soon as its margin is met: killed by two checkers or by {@value #RANDOM_MARGIN}
 * random programs (a mutant one checker killed gets the soak's programs too, until the margin). A mutant no checker kills is re-checked by a soak (more random programs); if it
 * survives that too, its RTL is compared with the original design (mutant 0 of the same model) on
 * every checker program: identical records, cycle counts and final state on all of them make it
 * <i>probably equivalent</i>; otherwise it is a <i>survivor</i> (cycle counts only differing is
 * reported as such). Nothing is dropped: mutants Verilator rejected are listed as unbuildable.
 *
 * <p>The result is the reports module's model ({@link #toRunResult}): one case per mutant in the
 * section {@code mutation engine}, the killed mutants and survivors as {@code mutations[]} (with the
 * checkers that killed each), the score and per-checker counts as figures. {@link #main} writes it
 * with {@link Reports#writeAll} ({@code ci/mutate.sh}).
 */
public final class MutationCampaign {
    /** Random programs that must kill a mutant for the margin without a second checker. */
    public static final int RANDOM_MARGIN = 10;
    /** Target: mutation score over non-equivalent mutants, percent. */
    public static final double TARGET_SCORE_PERCENT = 95;
    /** DRAM of the device scenarios: the RTL's (1 MiB), which the mutant model is built with. */
    static final int DEVICE_DRAM_BYTES = 1 << 20;
    /** Records a compiled C program may run (the longest, qsort at -O0, needs about 1.5 million). */
    static final long COMPILED_BUDGET = 5_000_000;
    /** Target: mutants in a full run. */
    public static final int TARGET_MUTANTS = 500;

    /** The checkers, in the order they run. */
    public enum Checker {
        DIRECTED("directed conformance"), NUMERICS("numerics sweep"), RANDOM("random lockstep"),
        FINAL_STATE("end-of-program state"), DEVICE("device directed"), DEVICE_RANDOM("device random"),
        COMPILED("compiled C"), SOAK("random soak");

        public final String label;

        Checker(String label) { this.label = label; }
    }

    /** What became of a mutant. */
    public enum Verdict {
        KILLED, KILLED_IN_SOAK, SURVIVED, SURVIVED_TIMING, IMPLEMENTATION_DEFINED, PROBABLY_EQUIVALENT, ERROR, UNBUILDABLE;

        public boolean killed() { return this == KILLED || this == KILLED_IN_SOAK; }

        /**
         * Counts for the score: not the probably equivalent, the unbuildable, nor those that change
         * only implementation-defined values (equivalent under the spec, which never compares them).
         * Timing-only survivors do count (a slower design is a real, if unchecked, difference).
         */
        public boolean counted() { return this != PROBABLY_EQUIVALENT && this != UNBUILDABLE && this != IMPLEMENTATION_DEFINED; }
    }

    /**
     * @param perFile        RTL file -> at most this many mutants of it (a seeded sample)
     * @param sampleSeed     seed of the sample
     * @param randomPrograms random programs per mutant (the random checker's budget)
     * @param soakPrograms   more random programs for a mutant that survived the checkers
     * @param deviceScenarios random device scenarios per mutant (the device random checker's budget)
     * @param threads        worker threads (each with its own simulators)
     */
    public record Config(Map<String, Integer> perFile, long sampleSeed, int randomPrograms, int soakPrograms, int deviceScenarios,
                         int threads, long budget, Path out, Path cache) {
        /** The nightly run: 600 mutants over the core, MDU, CSR file, tile unit and numerics packages. */
        public static Config nightly() {
            Map<String, Integer> f = new LinkedHashMap<>();
            f.put("s1_core.sv", 200);
            f.put("s1_mdu.sv", 40);
            f.put("s1_csr.sv", 100);
            f.put("s1_tile.sv", 120);
            f.put("s1_fp32_pkg.sv", 60);
            f.put("s1_e4m3_pkg.sv", 45);
            f.put("s1_requant_pkg.sv", 35);
            return new Config(f, 13, 300, 2000, 100, 2, 20_000, null, MutantModels.cacheRoot());
        }

        public Config withPerFile(Map<String, Integer> f) { return new Config(f, sampleSeed, randomPrograms, soakPrograms, deviceScenarios, threads, budget, out, cache); }

        public Config withPrograms(int random, int soak) { return new Config(perFile, sampleSeed, random, soak, deviceScenarios, threads, budget, out, cache); }

        public Config withDeviceScenarios(int n) { return new Config(perFile, sampleSeed, randomPrograms, soakPrograms, n, threads, budget, out, cache); }

        public Config withThreads(int t) { return new Config(perFile, sampleSeed, randomPrograms, soakPrograms, deviceScenarios, t, budget, out, cache); }

        public Config withOut(Path o) { return new Config(perFile, sampleSeed, randomPrograms, soakPrograms, deviceScenarios, threads, budget, o, cache); }

        public Config withCache(Path c) { return new Config(perFile, sampleSeed, randomPrograms, soakPrograms, deviceScenarios, threads, budget, out, c); }

        public Config withSampleSeed(long s) { return new Config(perFile, s, randomPrograms, soakPrograms, deviceScenarios, threads, budget, out, cache); }
    }

    /**
     * One mutant's outcome.
     *
     * @param kills    per checker, the programs of it that killed the mutant
     * @param randomKills random programs that killed it (by their records or their final state)
     * @param programs programs run on the mutant (soak and equivalence check included)
     * @param bucket   the bucket of its first divergence, or null
     * @param note     what decided a survivor's class, or an error
     */
    public record Outcome(AutoMutant mutant, Verdict verdict, Map<Checker, Integer> kills, int randomKills, int programs, double seconds,
                          String bucket, String note) {
        /** Killed by two checkers, or by {@value #RANDOM_MARGIN} random programs (whichever comparison saw it). */
        public boolean marginMet() {
            return randomKills >= RANDOM_MARGIN || kills.size() >= 2;
        }

        public String killedBy() {
            return kills.entrySet().stream().map(e -> e.getKey().label + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                    .collect(Collectors.joining(", "));
        }
    }

    /** The whole run. */
    public record Result(Config config, List<Outcome> outcomes, Duration buildTime, Duration runTime, int candidates, Instant started,
                         Instant finished) {
        public long count(Verdict v) { return outcomes.stream().filter(o -> o.verdict() == v).count(); }

        public long killed() { return outcomes.stream().filter(o -> o.verdict().killed()).count(); }

        /** Mutants that count for the score: all but the probably equivalent and unbuildable ones. */
        public long nonEquivalent() { return outcomes.stream().filter(o -> o.verdict().counted()).count(); }

        /** Killed / non-equivalent, percent. */
        public double score() { return nonEquivalent() == 0 ? 0 : 100.0 * killed() / nonEquivalent(); }

        /** Killed mutants whose margin is met (two checkers or {@value #RANDOM_MARGIN} random programs). */
        public long marginMet() { return outcomes.stream().filter(o -> o.verdict().killed() && o.marginMet()).count(); }

        public long killsBy(Checker c) { return outcomes.stream().filter(o -> o.kills().containsKey(c)).count(); }

        public boolean targetsMet() {
            return outcomes.size() >= TARGET_MUTANTS && score() >= TARGET_SCORE_PERCENT && marginMet() == killed();
        }

        public String text() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "mutation campaign: %d mutants (sampled from %d candidates, seed %d) in one model; build %.0f s, run %.0f s%n",
                    outcomes.size(), candidates, config.sampleSeed(), buildTime.toMillis() / 1e3, runTime.toMillis() / 1e3));
            s.append(String.format(Locale.ROOT, "checkers: directed conformance, numerics sweep, random lockstep (%d programs, margin %d), end-of-program state, device directed,"
                    + " device random (%d scenarios), compiled C (%d programs); survivors: %d-program soak, then compared with the original design%n%n", config.randomPrograms(),
                    RANDOM_MARGIN, config.deviceScenarios(), CProgram.list().size() * 2, config.soakPrograms()));
            s.append(String.format(Locale.ROOT, "mutation score: %.1f %% (%d killed of %d non-equivalent; target >= %.0f %%)%n", score(), killed(),
                    nonEquivalent(), TARGET_SCORE_PERCENT));
            for (Verdict v : Verdict.values()) s.append(String.format(Locale.ROOT, "  %-22s %5d%n", v.name().toLowerCase(Locale.ROOT), count(v)));
            s.append(String.format(Locale.ROOT, "margin (>= 2 checkers or >= %d random programs): %d of %d killed mutants%n", RANDOM_MARGIN, marginMet(), killed()));
            s.append("\nkilled by (mutants each checker killed):\n");
            for (Checker c : Checker.values()) s.append(String.format(Locale.ROOT, "  %-22s %5d%n", c.label, killsBy(c)));
            s.append("\nper file:\n");
            Map<String, List<Outcome>> byFile = outcomes.stream().collect(Collectors.groupingBy(o -> o.mutant().file(), LinkedHashMap::new, Collectors.toList()));
            s.append(String.format(Locale.ROOT, "  %-20s %7s %7s %9s %9s %9s%n", "file", "mutants", "killed", "survived", "equiv.", "score %"));
            for (Map.Entry<String, List<Outcome>> f : byFile.entrySet()) {
                long k = f.getValue().stream().filter(o -> o.verdict().killed()).count();
                long n = f.getValue().stream().filter(o -> o.verdict().counted()).count();
                long eq = f.getValue().stream().filter(o -> o.verdict() == Verdict.PROBABLY_EQUIVALENT).count();
                s.append(String.format(Locale.ROOT, "  %-20s %7d %7d %9d %9d %9.1f%n", f.getKey(), f.getValue().size(), k, n - k, eq, n == 0 ? 0 : 100.0 * k / n));
            }
            s.append("\nper operator:\n");
            Map<String, List<Outcome>> byOp = outcomes.stream().collect(Collectors.groupingBy(o -> o.mutant().operator().name(), LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<Outcome>> f : byOp.entrySet()) {
                long k = f.getValue().stream().filter(o -> o.verdict().killed()).count();
                long n = f.getValue().stream().filter(o -> o.verdict().counted()).count();
                s.append(String.format(Locale.ROOT, "  %-20s %7d mutants, %7d killed of %d non-equivalent%n", f.getKey(), f.getValue().size(), k, n));
            }
            s.append("\nnot killed (survivors first, with their source line):\n");
            List<Outcome> notKilled = new ArrayList<>(outcomes.stream().filter(o -> !o.verdict().killed()).toList());
            notKilled.sort(java.util.Comparator.comparing(Outcome::verdict));
            for (Outcome o : notKilled) {
                AutoMutant m = o.mutant();
                s.append(String.format(Locale.ROOT, "  %-20s %s:%d %s %s%n      line: %s%n      %s%n", o.verdict(), m.file(), m.line(), m.operator(), m.change(),
                        m.sourceLine(), o.note() == null ? "" : o.note()));
            }
            s.append("\nkilled mutants below the margin:\n");
            for (Outcome o : outcomes) {
                if (o.verdict().killed() && !o.marginMet()) {
                    s.append(String.format(Locale.ROOT, "  %s %s killed by %s%n", o.mutant().name(), o.mutant().change(), o.killedBy()));
                }
            }
            return s.toString();
        }
    }

    private MutationCampaign() {}

    // ------------------------------------------------------------------ programs of the checkers

    /** A checker's program. */
    record Prog(String name, ElfImage image) {}

    /** The programs of each checker (built once, shared by the worker threads). */
    record Programs(List<Prog> directed, List<Prog> numerics, List<Prog> random, List<Prog> soak, List<DeviceCase> device, List<Prog> compiled) {
        static Programs of(Config c) {
            List<Prog> directed = new ArrayList<>();
            for (ConformanceProgram p : ConformanceList.load().programs()) directed.add(new Prog(p.id(), p.image()));
            List<Prog> numerics = new ArrayList<>();
            addSweep(numerics, "to-e4m3", NumericSweep.programs("to-e4m3", NumericSweep.Op.TCVT_E4M3, NumericCases.toE4m3Boundaries(), Map.of()));
            addSweep(numerics, "fp32-add", NumericSweep.programs("fp32-add", NumericSweep.Op.TADD_F32, NumericCases.binary32Additions(64 * 256, 20261122L), Map.of()));
            int[] inputs = NumericCases.requantInputs(64 * 128, 7);
            int[][] params = {{0x4000_0000, 0, 0}, {Integer.MAX_VALUE, -31, 127}, {Integer.MIN_VALUE, 30, -128}, {0x5A82_7999, -12, -3}};
            for (int[] p : params) {
                Map<Csr, Integer> csrs = new LinkedHashMap<>();
                csrs.put(Csr.XSQMUL, p[0]);
                csrs.put(Csr.XSQSHIFT, p[1]);
                csrs.put(Csr.XSQZP, p[2]);
                addSweep(numerics, "requant-" + p[1], NumericSweep.programs("requant", NumericSweep.Op.TQUANT_I8, inputs, csrs));
            }
            // The rounding point: with XSQMUL = 2^30 - 1, input 1 gives a product one below the 2^30 that
            // rounds up, which random inputs almost never hit (a rounding constant off by one showed only in the soak).
            int[] small = new int[64];
            for (int i = 0; i < small.length; i++) small[i] = i - 32;
            Map<Csr, Integer> rounding = new LinkedHashMap<>();
            rounding.put(Csr.XSQMUL, 0x3FFF_FFFF);
            rounding.put(Csr.XSQSHIFT, 0);
            rounding.put(Csr.XSQZP, 0);
            addSweep(numerics, "requant-rounding", NumericSweep.programs("requant", NumericSweep.Op.TQUANT_I8, small, rounding));
            int[] pairs = NumericCases.allE4m3Pairs();
            int[] some = java.util.Arrays.copyOf(pairs, 128 * 64 * 2);
            int[][] scales = {{127, 127}, {60, 45}, {254, 254}, {255, 127}};
            for (int[] s : scales) {
                Map<Csr, Integer> m = new LinkedHashMap<>();
                m.put(Csr.XSASCL0, s[0]);
                m.put(Csr.XSASCL1, s[0]);
                m.put(Csr.XSBSCL0, s[1]);
                m.put(Csr.XSBSCL1, s[1]);
                addSweep(numerics, "e4m3-" + s[0] + "-" + s[1], NumericSweep.programs("e4m3", NumericSweep.Op.TMMA_E4M3, some, m));
            }
            ProgramGenerator gen = new ProgramGenerator(Weights.DEFAULT, Memory.DEFAULT_BYTES);
            List<Prog> random = new ArrayList<>();
            for (int k = 1; k <= c.randomPrograms(); k++) random.add(new Prog("seed " + k, ProgramRenderer.image(gen.generate(k)).image()));
            List<Prog> soak = new ArrayList<>();
            for (int k = c.randomPrograms() + 1; k <= c.randomPrograms() + c.soakPrograms(); k++) {
                soak.add(new Prog("seed " + k, ProgramRenderer.image(gen.generate(k)).image()));
            }
            // The device suite's generator and seeds (1..): a mutant's device kill replays with DeviceSuite --seed.
            DeviceCaseGenerator devices = new DeviceCaseGenerator(DEVICE_DRAM_BYTES, DeviceSuite.MAX_COMMANDS);
            List<DeviceCase> device = new ArrayList<>();
            for (long k = 1; k <= c.deviceScenarios(); k++) device.add(devices.generate(k));
            List<Prog> compiled = new ArrayList<>();
            Path build = Path.of("target", "mutation-c-programs").toAbsolutePath();
            for (CProgram p : CProgram.list()) {
                for (String o : List.of("-O0", "-O2")) compiled.add(new Prog(p.name() + " " + o, p.build(build.resolve(p.name() + o), o)));
            }
            return new Programs(directed, numerics, random, soak, device, compiled);
        }

        private static void addSweep(List<Prog> out, String name, List<ElfImage> images) {
            for (int i = 0; i < images.size(); i++) out.add(new Prog(name + "#" + i, images.get(i)));
        }

        List<Prog> of(Checker c) {
            return switch (c) {
                case DIRECTED -> directed;
                case NUMERICS -> numerics;
                case RANDOM -> random;
                case SOAK -> soak;
                case COMPILED -> compiled;
                case FINAL_STATE, DEVICE, DEVICE_RANDOM -> List.of();
            };
        }
    }

    // ------------------------------------------------------------------ running

    /** Plans, builds and runs the campaign of {@code c}. */
    public static Result run(Config c, Consumer<String> log) {
        Consumer<String> say = log == null ? x -> { } : log;
        Instant started = Instant.now();
        List<MutationEngine.Candidate> chosen = new ArrayList<>();
        int candidates = 0;
        for (Map.Entry<String, Integer> f : c.perFile().entrySet()) {
            candidates += MutationEngine.candidates(f.getKey(), dev.seedverify.rtl.mutant.RtlSources.read(f.getKey())).size();
            chosen.addAll(MutantModel.candidates(f.getKey(), f.getValue(), c.sampleSeed()));
        }
        long b0 = System.nanoTime();
        MutantModel model = MutantModel.build(chosen, c.cache(), say);
        Duration build = Duration.ofNanos(System.nanoTime() - b0);
        say.accept(String.format(Locale.ROOT, "mutant model: %d mutants built in %.0f s (%d rejected by Verilator)", model.mutants().size(),
                build.toMillis() / 1e3, model.unbuildable().size()));
        Programs programs = Programs.of(c);
        long r0 = System.nanoTime();
        List<Outcome> outcomes = runAll(model, model.mutants(), programs, c, say);
        for (Map.Entry<AutoMutant, String> u : model.unbuildable().entrySet()) {
            outcomes.add(new Outcome(u.getKey(), Verdict.UNBUILDABLE, Map.of(), 0, 0, 0, null, u.getValue()));
        }
        outcomes.sort(java.util.Comparator.comparingInt(o -> o.mutant().id()));
        return new Result(c, outcomes, build, Duration.ofNanos(System.nanoTime() - r0), candidates, started, Instant.now());
    }

    /** Runs {@code mutants} of {@code model} on {@code c.threads()} threads. */
    static List<Outcome> runAll(MutantModel model, List<AutoMutant> mutants, Programs programs, Config c, Consumer<String> log) {
        Consumer<String> say = log == null ? x -> { } : log;
        ConcurrentLinkedQueue<AutoMutant> queue = new ConcurrentLinkedQueue<>(mutants);
        List<Outcome> out = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, c.threads()); t++) {
            Thread w = new Thread(() -> {
                for (AutoMutant m; (m = queue.poll()) != null; ) {
                    Outcome o;
                    try {
                        o = runOne(model, m, programs, c);
                    } catch (RuntimeException | Error e) { // never lose a mutant: it is an ERROR row
                        o = new Outcome(m, Verdict.ERROR, Map.of(), 0, 0, 0, null, "error: " + e);
                    }
                    out.add(o);
                    int n = done.incrementAndGet();
                    say.accept(String.format(Locale.ROOT, "[%d/%d %.0f s] %s %s: %s%s", n, mutants.size(), (System.nanoTime() - t0) / 1e9,
                            m.name(), m.change(), o.verdict(), o.kills().isEmpty() ? "" : " by " + o.killedBy()));
                }
            }, "mutation-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running mutants", e);
            }
        }
        if (out.size() != mutants.size()) throw new IllegalStateException(out.size() + " outcomes for " + mutants.size() + " mutants");
        return new ArrayList<>(out);
    }

    /** Runs one mutant through the checkers with early stop, then the soak and the equivalence check if it survived. */
    public static Outcome runOne(MutantModel model, AutoMutant m, Programs programs, Config c) {
        long t0 = System.nanoTime();
        Map<Checker, Integer> kills = new EnumMap<>(Checker.class);
        int run = 0, randomKills = 0;
        String bucket = null;
        try (LockstepRunner runner = new LockstepRunner(() -> model.backend(m), c.budget())) {
            for (Checker checker : List.of(Checker.DIRECTED, Checker.NUMERICS, Checker.RANDOM)) {
                int limit = checker == Checker.RANDOM ? RANDOM_MARGIN : 1, found = 0;
                for (Prog p : programs.of(checker)) {
                    LockstepRunner.Outcome o = runner.run(p.image());
                    run++;
                    // A directed program checks itself: its failure on the mutant is a catch even when the
                    // golden model agrees (it follows the DUT's reads of implementation-defined CSRs).
                    boolean selfCheck = checker == Checker.DIRECTED && !o.diverged() && !o.passed();
                    if (o.diverged() || selfCheck) {
                        // A difference only the end-of-program comparison saw is that checker's kill.
                        Checker by = o.diverged() && o.divergence().kind() == Divergence.Kind.FINAL_STATE ? Checker.FINAL_STATE : checker;
                        kills.merge(by, 1, Integer::sum);
                        if (checker == Checker.RANDOM) randomKills++;
                        if (bucket == null) {
                            bucket = selfCheck ? p.name() + " fails its own check (" + o.result().outcome() + ", tohost " + o.result().tohostValue() + ")"
                                    : o.signature().toString();
                        }
                        // A checker's limit counts its own kills: a program whose records agreed but whose end
                        // state did not is the end-of-program check's, and the checker's own programs go on.
                        if ((checker == Checker.RANDOM || by == checker) && ++found >= limit) break;
                    }
                }
                if (randomKills >= RANDOM_MARGIN || kills.size() >= 2) break;
            }
            if (!(randomKills >= RANDOM_MARGIN || kills.size() >= 2)) {
                // Last: the device scenarios (command mode), which may leave a crashed DUT behind.
                for (DirectedDeviceScenarios.Scenario sc : DirectedDeviceScenarios.scenarios()) {
                    run++;
                    String diff;
                    try {
                        diff = DirectedDeviceScenarios.run(runner.reference(), runner.dut(), sc);
                    } catch (RuntimeException e) {
                        diff = "the DUT failed: " + e.getMessage();
                    }
                    if (diff != null) {
                        kills.merge(Checker.DEVICE, 1, Integer::sum);
                        if (bucket == null) bucket = "device: " + sc.name() + ": " + diff;
                        break;
                    }
                }
            }
            if (!(randomKills >= RANDOM_MARGIN || kills.size() >= 2) && !programs.device().isEmpty()) {
                // Random device scenarios on a pair of their own: the runner's DUT may be dead by now.
                int[] scenarios = {0};
                String diff = randomDevice(model, m, programs.device(), scenarios);
                run += scenarios[0];
                if (diff != null) {
                    kills.merge(Checker.DEVICE_RANDOM, 1, Integer::sum);
                    if (bucket == null) bucket = "device random: " + diff;
                }
            }
            if (!(randomKills >= RANDOM_MARGIN || kills.size() >= 2) && !programs.compiled().isEmpty()) {
                int[] ran = {0};
                String diff = compiled(model, m, programs.compiled(), ran);
                run += ran[0];
                if (diff != null) {
                    kills.merge(Checker.COMPILED, 1, Integer::sum);
                    if (bucket == null) bucket = "compiled C: " + diff;
                }
            }
            if (!kills.isEmpty()) {
                // Killed by one checker only: the margin is measured on the soak's random programs too
                // (more programs of the same generator), up to the margin.
                try {
                    for (Prog p : programs.soak()) {
                        if (randomKills >= RANDOM_MARGIN || kills.size() >= 2) break;
                        LockstepRunner.Outcome o = runner.run(p.image());
                        run++;
                        if (o.diverged()) {
                            kills.merge(o.divergence().kind() == Divergence.Kind.FINAL_STATE ? Checker.FINAL_STATE : Checker.RANDOM, 1, Integer::sum);
                            randomKills++;
                        }
                    }
                } catch (RuntimeException e) {
                    // a DUT the device scenarios left dead: the kill stands, the margin is what was measured
                }
                return new Outcome(m, Verdict.KILLED, kills, randomKills, run, seconds(t0), bucket, null);
            }
            for (Prog p : programs.soak()) {
                LockstepRunner.Outcome o = runner.run(p.image());
                run++;
                if (o.diverged()) {
                    kills.put(Checker.SOAK, 1);
                    return new Outcome(m, Verdict.KILLED_IN_SOAK, kills, 0, run, seconds(t0), o.signature().toString(),
                            "killed by soak program " + p.name());
                }
            }
        } catch (RuntimeException e) {
            return new Outcome(m, Verdict.ERROR, kills, randomKills, run, seconds(t0), bucket, "error: " + e);
        }
        // Survived everything: is there any difference from the original design at all?
        List<Prog> all = new ArrayList<>(programs.directed());
        all.addAll(programs.numerics());
        all.addAll(programs.random());
        try (RtlSimulator mutant = model.simulator(m.id()); RtlSimulator original = model.simulator(0)) {
            Comparison cmp = compareWithOriginal(mutant, original, all, c.budget());
            return new Outcome(m, cmp.verdict(), kills, 0, run + cmp.programs(), seconds(t0), null, cmp.note());
        } catch (RuntimeException e) {
            return new Outcome(m, Verdict.ERROR, kills, 0, run, seconds(t0), bucket, "error in the equivalence check: " + e);
        }
    }

    /**
     * Runs {@code cases} golden vs mutant {@code m} in whole-chip lockstep until the first
     * divergence; its seed and signature, or null when all agreed. {@code ran[0]} gets the number run.
     */
    static String randomDevice(MutantModel model, AutoMutant m, List<DeviceCase> cases, int[] ran) {
        int dram = model.model().dramBytes();
        if (dram != DEVICE_DRAM_BYTES) throw new IllegalStateException("the device scenarios are laid out for " + DEVICE_DRAM_BYTES + " bytes of DRAM, the model has " + dram);
        try (DeviceLockstep pair = new DeviceLockstep("automutant:" + m.name(), dram, () -> new LockstepBackend(new GoldenBackend(dram), model.backend(m)))) {
            for (DeviceCase dc : cases) {
                ran[0]++;
                DeviceLockstep.Result r = pair.run(dc);
                if (r.diverged()) return r.signature() + " (scenario seed " + dc.seed() + ")";
            }
        }
        return null;
    }

    /**
     * Runs the compiled C programs golden vs mutant {@code m} (a runner of their own: they need a
     * larger budget) until the first divergence or failed self-check; what happened, or null.
     */
    static String compiled(MutantModel model, AutoMutant m, List<Prog> programs, int[] ran) {
        try (LockstepRunner big = new LockstepRunner(() -> model.backend(m), COMPILED_BUDGET)) {
            for (Prog p : programs) {
                ran[0]++;
                LockstepRunner.Outcome o;
                try {
                    o = big.run(p.image());
                } catch (RuntimeException e) {
                    return p.name() + ": the DUT failed: " + e.getMessage();
                }
                if (o.diverged()) return o.signature() + " (" + p.name() + ")";
                // golden followed the DUT's mcycle reads: a failed self-check is still the mutant's doing
                if (o.result().outcome() == dev.seedverify.cosim.LockstepResult.Outcome.HALTED && !o.passed()) {
                    return p.name() + " fails its own check (tohost " + o.result().tohostValue() + ")";
                }
            }
        }
        return null;
    }

    /** How a mutant that no checker killed compares with the original design: its class, why, and the programs run. */
    record Comparison(Verdict verdict, String note, int programs) {}

    /**
     * Runs each of {@code all} alone on the mutant and on the original design and compares their
     * record streams (every architectural effect up to the halt), cycle counts and drained end
     * states: the first architectural difference makes a {@link Verdict#SURVIVED survivor}; else
     * cycle counts differing on a program whose implementation-defined reads agreed make it
     * {@link Verdict#SURVIVED_TIMING timing-only}; else differing implementation-defined values
     * (mcycle reads, the final mcycle) make it {@link Verdict#IMPLEMENTATION_DEFINED}; else it is
     * {@link Verdict#PROBABLY_EQUIVALENT}.
     */
    static Comparison compareWithOriginal(RtlSimulator mutant, RtlSimulator original, List<Prog> all, long budget) {
        String timing = null, implementationDefined = null;
        int run = 0;
        CommitLog logA = new CommitLog((int) budget), logB = new CommitLog((int) budget), tail = new CommitLog(64);
        for (Prog p : all) {
            run++;
            Run a = Run.of(mutant, p.image(), budget, logA, tail), b = Run.of(original, p.image(), budget, logB, tail);
            int n = Math.min(a.log().size(), b.log().size());
            int first = -1;
            for (int i = 0; i < n && first < 0; i++) if (!RecordComparator.equal(b.log(), i, a.log(), i)) first = i;
            if (first < 0 && a.log().size() != b.log().size()) first = n;
            boolean readsDiffer = false;
            if (first >= 0) {
                if (!(first < n && readsImplementationDefined(b.log(), first) && readsImplementationDefined(a.log(), first))) {
                    return new Comparison(Verdict.SURVIVED, "survived every checker and the soak, yet its records differ from the original design's on "
                            + p.name() + " at record " + first
                            + (first < n ? ": " + RecordComparator.differences(b.log(), first, a.log(), first) : " (one stream is longer)"), run);
                }
                // The comparator gives the golden model the DUT's reads of these (spec §5): what follows is not compared.
                readsDiffer = true;
                if (implementationDefined == null) {
                    implementationDefined = "on " + p.name() + " record " + first + ": " + RecordComparator.differences(b.log(), first, a.log(), first);
                }
            }
            if (!a.end().equals(b.end())) {
                return new Comparison(Verdict.SURVIVED, "survived every checker and the soak, yet ends differently from the original design on "
                        + p.name() + ": " + a.end() + " vs " + b.end(), run);
            }
            // Only where the implementation-defined reads agreed: a program that read another mcycle
            // value may branch elsewhere, so its cycle count says nothing about the mutant's timing.
            if (timing == null && !readsDiffer && (a.cycles() != b.cycles() || a.tail() != b.tail())) {
                timing = "on " + p.name() + ": " + a.cycles() + " cycles vs " + b.cycles() + ", " + a.tail() + " vs " + b.tail()
                        + " instructions in flight at the halt";
            }
            if (!readsDiffer && a.tail() == b.tail() && !a.state().equals(b.state())) {
                List<dev.seedverify.cosim.FieldDifference> d = dev.seedverify.cosim.ArchStateComparison.differences(b.state(), a.state());
                if (!d.isEmpty()) {
                    return new Comparison(Verdict.SURVIVED, "survived every checker and the soak, yet its final state differs from the original design's on "
                            + p.name() + ": " + d.get(0), run);
                }
                if (implementationDefined == null) implementationDefined = "on " + p.name() + ": the final mcycle";
            }
        }
        // Timing first: a slower design also reads other mcycle values, as a consequence.
        if (timing != null) {
            return new Comparison(Verdict.SURVIVED_TIMING,
                    "the same architectural records as the original design on every checker program; only the timing differs, " + timing, run);
        }
        if (implementationDefined != null) {
            return new Comparison(Verdict.IMPLEMENTATION_DEFINED,
                    "only values the spec leaves implementation-defined (mcycle, §1.1, §5) differ from the original design's, " + implementationDefined, run);
        }
        return new Comparison(Verdict.PROBABLY_EQUIVALENT,
                "records, ending, cycle counts and final state (mcycle included) equal to the original design's on all " + all.size() + " checker programs", run);
    }

    /** Record {@code i} reads an implementation-defined CSR (mcycle, cycle and their high halves). */
    private static boolean readsImplementationDefined(CommitLog log, int i) {
        if ((log.flags(i) & CommitLog.FLAG_CSR_READ) == 0) return false;
        Csr csr = Csr.byAddress(log.csrAddr(i));
        return csr != null && csr.implementationDefined();
    }

    /** One program on one simulator: its records, how it ended, its cycles, the in-flight tail, its final state. */
    record Run(CommitLog log, String end, long cycles, int tail, dev.seedverify.golden.exec.ArchState state) {
        /** Runs {@code image} into {@code log} (cleared first; reused, as is {@code tail}, so a check allocates two logs, not two per program). */
        static Run of(RtlSimulator sim, ElfImage image, long budget, CommitLog log, CommitLog tail) {
            sim.loadBare(image);
            log.clear();
            tail.clear();
            dev.seedverify.rtl.RunResult r = sim.run(budget, log);
            sim.drain(tail);
            return new Run(log, r.status() + " tohost " + r.tohostValue(), r.totalCycles(), tail.size(), sim.archState());
        }
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }

    // ------------------------------------------------------------------ the report model

    /** The run in the reports module's model (see the class comment). */
    public static RunResult toRunResult(Result r, String command) {
        RunResult.Builder run = RunResult.builder("mutation-" + r.started().toString().replace(':', '-'), "SeedChip S1 mutation campaign")
                .startedAt(r.started())
                .environment(Environment.ofThisHost(null, null, Map.of(), "sample seed " + r.config().sampleSeed() + ", random seeds 1.."
                        + (r.config().randomPrograms() + r.config().soakPrograms())))
                .requirements(new Requirements(List.of("mutation engine"), false));
        List<CaseResult> cases = new ArrayList<>();
        for (Outcome o : r.outcomes()) {
            AutoMutant m = o.mutant();
            String desc = m.operator() + " " + m.change() + " at " + m.file() + ":" + m.line() + " (" + m.sourceLine() + ")";
            long ms = Math.round(o.seconds() * 1000);
            CaseResult cr = switch (o.verdict()) {
                case KILLED, KILLED_IN_SOAK -> CaseResult.passed(m.name(), ms);
                case PROBABLY_EQUIVALENT, IMPLEMENTATION_DEFINED, UNBUILDABLE -> CaseResult.skipped(m.name(), o.verdict().name().toLowerCase(Locale.ROOT) + ": " + o.note());
                case ERROR -> CaseResult.error(m.name(), ms, o.note());
                default -> CaseResult.failed(m.name(), ms, o.verdict().name().toLowerCase(Locale.ROOT) + ": " + desc + "; " + o.note());
            };
            cases.add(cr.withLabel("file", m.file()).withLabel("operator", m.operator().name())
                    .withLabel("killed by", o.kills().isEmpty() ? "-" : o.killedBy()));
            if (o.verdict().counted() && o.verdict() != Verdict.ERROR) {
                run.mutation(new MutationResult(m.name(), desc, o.verdict().killed(), o.verdict().killed() ? o.killedBy() : null, o.programs(),
                        o.verdict().killed() ? o.seconds() : null, null, o.bucket()));
            }
        }
        run.section(Section.of("mutation engine", Target.of("mutant:auto"), cases).withTiming(r.started(), r.runTime().toMillis()));
        run.performance(new PerformanceFigure("mutation score", round(r.score()), "%", command,
                r.killed() + " killed of " + r.nonEquivalent() + " non-equivalent mutants (" + r.outcomes().size() + " in all)"));
        run.performance(new PerformanceFigure("killed mutants meeting the margin", r.marginMet(), "mutants", command,
                ">= 2 checkers or >= " + RANDOM_MARGIN + " random programs, of " + r.killed() + " killed"));
        for (Checker ch : Checker.values()) {
            run.performance(new PerformanceFigure("mutants killed by " + ch.label, r.killsBy(ch), "mutants", command, null));
        }
        run.performance(new PerformanceFigure("mutant model build", round(r.buildTime().toMillis() / 1e3), "s", command, "one build for all mutants"));
        run.performance(new PerformanceFigure("mutation run", round(r.runTime().toMillis() / 1e3), "s", command,
                r.config().threads() + " threads"));
        return run.finishedAt(r.finished()).build();
    }

    private static double round(double v) { return Math.round(v * 10) / 10.0; }

    // ------------------------------------------------------------------ command line

    public static void main(String[] args) {
        Config c = Config.nightly().withOut(Path.of("reports-out", "mutation"));
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--files" -> {
                        Map<String, Integer> f = new LinkedHashMap<>();
                        for (String part : value(args, ++i, a).split(",")) {
                            String[] kv = part.strip().split("=");
                            if (kv.length != 2) throw new IllegalArgumentException("--files wants FILE=N,...: " + part);
                            f.put(kv[0], Integer.parseInt(kv[1]));
                        }
                        c = c.withPerFile(f);
                    }
                    case "--scale" -> {
                        double s = Double.parseDouble(value(args, ++i, a));
                        Map<String, Integer> f = new LinkedHashMap<>();
                        c.perFile().forEach((k, v) -> f.put(k, Math.max(1, (int) Math.round(v * s))));
                        c = c.withPerFile(f);
                    }
                    case "--programs" -> c = c.withPrograms(Integer.parseInt(value(args, ++i, a)), c.soakPrograms());
                    case "--soak" -> c = c.withPrograms(c.randomPrograms(), Integer.parseInt(value(args, ++i, a)));
                    case "--device" -> c = c.withDeviceScenarios(Integer.parseInt(value(args, ++i, a)));
                    case "--threads" -> c = c.withThreads(Integer.parseInt(value(args, ++i, a)));
                    case "--seed" -> c = c.withSampleSeed(Long.parseLong(value(args, ++i, a)));
                    case "--out" -> c = c.withOut(Path.of(value(args, ++i, a)));
                    case "--cache" -> c = c.withCache(Path.of(value(args, ++i, a)));
                    case "--list" -> {
                        for (Map.Entry<String, Integer> f : c.perFile().entrySet()) {
                            for (MutationEngine.Candidate x : MutantModel.candidates(f.getKey(), f.getValue(), c.sampleSeed())) {
                                System.out.printf("%s:%d %s `%s` -> `%s`%n", x.file(), x.line(), x.operator(), x.original(), x.mutated());
                            }
                        }
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            for (String f : c.perFile().keySet()) {
                if (!dev.seedverify.rtl.mutant.RtlSources.files().contains(f)) throw new IllegalArgumentException("no RTL file " + f);
            }
        } catch (RuntimeException e) {
            System.err.println("mutate: " + e.getMessage());
            System.err.println("usage: MutationCampaign [--files FILE=N,...] [--scale X] [--programs N] [--soak N] [--device N] [--threads N] [--seed N]"
                    + " [--out DIR] [--cache DIR] [--list]");
            System.exit(2);
            return;
        }
        Result r = run(c, line -> System.err.println(line));
        String text = r.text();
        System.out.print(text);
        try {
            RunResult model = toRunResult(r, "ci/mutate.sh");
            Path out = Objects.requireNonNull(c.out());
            Reports.writeAll(SignOff.evaluate(model, List.of(), LocalDate.now()), out);
            AtomicFiles.write(out.resolve("mutation.txt"), text);
            System.out.println("report: " + out.toAbsolutePath() + " (mutation.txt, signoff.*)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.exit(r.targetsMet() ? 0 : 1);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }
}
