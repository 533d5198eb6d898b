package dev.seedverify.conformance;

import dev.seedverify.rtl.RtlBackendProvider;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.BackendUnavailableException;
import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.prop.PropertyCampaign;
import dev.seedverify.conformance.repro.Replay;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.reports.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main job: a co-verification campaign on the built-in S1, and its sign-off report. Sections,
 * each golden model vs the target in lockstep unless said otherwise:
 * <ol>
 *   <li>the conformance list (the sign-off list of directed programs) on the golden model alone,</li>
 *   <li>the conformance list in lockstep,</li>
 *   <li>the kernels ({@link KernelSuite}: GCC-built C programs, INT8 and MXFP8 GEMMs checked against
 *       their exact reference),</li>
 *   <li>the regression folder of past reproducers, when given ({@code --regressions DIR}),</li>
 *   <li>a bounded property campaign (random programs of a fixed seed range) with coverage,
 *       divergence buckets and shrunk reproducers.</li>
 * </ol>
 * Every divergence of a directed program or kernel gets its report under {@code divergences/}.
 * The report is {@code campaign.txt} and {@code campaign.json} in the output folder, each written
 * whole or not at all. Exit status 0 when every section passed (SIGNED OFF), 1 otherwise, 2 for
 * bad arguments or an unavailable target.
 *
 * <p>Usage: {@code Campaign [--out DIR] [--target rtl|golden|mutant:NAME] [--seed N] [--programs N]
 * [--threads N] [--weights SPEC] [--regressions DIR] [--no-kernels] [--no-property]}.
 */
public final class Campaign {
    /** Records a directed program or kernel may run before it counts as hung (C at -O0 needs a few million). */
    static final long BUDGET = 5_000_000;
    /** Random programs of the property section: about ten seconds golden == RTL on two cores. */
    static final int DEFAULT_PROGRAMS = 20_000;

    private Campaign() {}

    /** The command line. */
    record Options(Path out, long seed, int programs, String target, int threads, Weights weights, Path regressions,
                   boolean kernels, boolean property) {
        static Options defaults() {
            PropertyCampaign.Config d = PropertyCampaign.Config.defaults();
            return new Options(Path.of("reports-out"), d.firstSeed(), DEFAULT_PROGRAMS, RtlBackendProvider.NAME, d.threads(), d.weights(), null, true, true);
        }
    }

    /** One section of the report: {@code total} items, {@code passed} of them passed. */
    record Section(String name, String target, int total, int passed, boolean ok, String detail) {}

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("campaign: " + e.getMessage());
            System.err.println("usage: Campaign [--out DIR] [--target rtl|golden|mutant:NAME] [--seed N] [--programs N] [--threads N]"
                    + " [--weights SPEC] [--regressions DIR] [--no-kernels] [--no-property]");
            System.exit(2);
            return;
        }
        System.exit(run(o));
    }

    static Options parse(String[] args) {
        Options d = Options.defaults();
        Path out = d.out(), regressions = null;
        long seed = d.seed();
        int programs = d.programs(), threads = d.threads();
        String target = d.target();
        Weights weights = d.weights();
        boolean kernels = true, property = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            try {
                switch (a) {
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--programs" -> programs = Integer.parseInt(value(args, ++i, a));
                    case "--target" -> target = value(args, ++i, a);
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                    case "--weights" -> weights = Weights.parse(value(args, ++i, a));
                    case "--regressions" -> regressions = Path.of(value(args, ++i, a));
                    case "--no-kernels" -> kernels = false;
                    case "--no-property" -> property = false;
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a number");
            }
        }
        if (programs < 0 || threads < 1) throw new IllegalArgumentException("--programs must be >= 0 and --threads >= 1");
        return new Options(out, seed, programs, target, threads, weights, regressions, kernels, property);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    /** Runs the campaign and writes its report; returns the exit status. */
    static int run(Options o) {
        Instant start = Instant.now();
        StringBuilder body = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        String dut;
        PropertyCampaign.Result property = null;
        try {
            ConformanceList list = ConformanceList.load();
            ConformanceRunner.Report golden = new ConformanceRunner(new GoldenTarget()).runAll(list);
            add(sections, body, "conformance list", golden, "golden model alone");
            try (LockstepTarget lockstep = new LockstepTarget(o.target(), () -> Backends.open(o.target(), Memory.DEFAULT_BYTES), BUDGET)) {
                add(sections, body, "conformance list", runReporting(lockstep, list, o.out()), "golden model == " + o.target());
                dut = lockstep.dutDescription();
                if (o.kernels()) {
                    add(sections, body, "kernels", KernelSuite.run(lockstep, o.out().resolve("kernels-build"),
                            () -> writeDivergences(lockstep, o.out())), "C programs and GEMMs, golden model == " + o.target());
                }
            }
            if (o.regressions() != null) sections.add(regressions(o, body));
            if (o.property() && o.programs() > 0) {
                PropertyCampaign.Config c = PropertyCampaign.Config.defaults().withSeeds(o.seed(), o.programs()).withTarget(o.target())
                        .withThreads(o.threads()).withWeights(o.weights()).withOut(o.out().resolve("property"));
                property = PropertyCampaign.run(c);
                body.append("== property campaign ==\n").append(property.summary())
                        .append("  reports: ").append(o.out().resolve("property")).append(" (summary, buckets, coverage, repro/)\n\n");
                sections.add(new Section("property campaign", "golden model == " + o.target(), o.programs(), property.passed(), property.clean(),
                        String.format(Locale.ROOT, "seeds %d..%d, %d buckets, coverage %.1f%%", o.seed(), o.seed() + o.programs() - 1,
                                property.buckets().buckets().size(), property.coverage() == null ? 0 : property.coverage().percent())));
            }
        } catch (BackendUnavailableException e) {
            System.err.println("campaign: target " + o.target() + " unavailable: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("campaign: " + e.getMessage());
            return 1;
        }
        boolean ok = sections.stream().allMatch(Section::ok);
        Duration elapsed = Duration.between(start, Instant.now());
        String text = header(o, dut, sections, ok, elapsed) + "\n" + body;
        try {
            AtomicFiles.write(o.out().resolve("campaign.json"), json(o, dut, sections, ok, elapsed, property));
            Path report = AtomicFiles.write(o.out().resolve("campaign.txt"), text);
            System.out.print(text);
            System.out.println("report: " + report.toAbsolutePath() + " (and campaign.json)");
        } catch (IOException e) {
            System.out.print(text);
            System.err.println("campaign: cannot write the report to " + o.out() + ": " + e.getMessage());
            return 1;
        }
        return ok ? 0 : 1;
    }

    private static void add(List<Section> sections, StringBuilder body, String name, ConformanceRunner.Report r, String target) {
        int passed = r.counts().get(ProgramOutcome.Status.PASS);
        sections.add(new Section(name, target, r.outcomes().size(), passed, r.allPassed(), r.notPassed().isEmpty() ? ""
                : r.notPassed().size() + " not passed: " + String.join(", ", r.notPassed().stream().map(ProgramOutcome::program).limit(5).toList())));
        body.append("== ").append(name).append(" on ").append(target).append(" ==\n").append(r.summaryTable()).append('\n');
    }

    /** The conformance list in lockstep, writing the report of every divergence as it happens. */
    private static ConformanceRunner.Report runReporting(LockstepTarget lockstep, ConformanceList list, Path out) {
        List<ProgramOutcome> outcomes = new ArrayList<>();
        for (ConformanceProgram p : list.programs()) {
            outcomes.add(new ConformanceRunner(lockstep).run(p));
            writeDivergences(lockstep, out);
        }
        return new ConformanceRunner.Report(lockstep.name(), outcomes);
    }

    /** Writes the last run's divergence report, if it diverged, as {@code divergences/<program>.txt|json}. */
    private static void writeDivergences(LockstepTarget lockstep, Path out) {
        DivergenceReport d = lockstep.lastReport();
        if (d == null) return;
        try {
            d.writeTo(out.resolve("divergences"), d.program().replaceAll("[^A-Za-z0-9._-]+", "_"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the divergence report of " + d.program(), e);
        }
    }

    private static Section regressions(Options o, StringBuilder body) throws IOException {
        Replay.Summary s = Replay.replay(Replay.collect(List.of(o.regressions())), o.target(), null);
        if (s.unavailable() != null) throw new BackendUnavailableException(s.unavailable());
        body.append("== regression folder ").append(o.regressions()).append(" ==\n").append(s.text()).append('\n');
        int passed = (int) s.count(Replay.Verdict.PASS);
        return new Section("regressions", "golden model == " + o.target(), s.results().size(), passed,
                s.exitCode() == 0 && !s.results().isEmpty(), s.results().isEmpty() ? "no reproducer files in " + o.regressions() : "");
    }

    private static String header(Options o, String dut, List<Section> sections, boolean ok, Duration elapsed) {
        StringBuilder s = new StringBuilder("SeedVerify campaign on the SeedChip S1\n");
        s.append("  target: ").append(o.target()).append(dut == null ? "" : " (" + dut + ")").append('\n');
        s.append(String.format(Locale.ROOT, "  finished %s after %.1f s%n%n", Instant.now(), elapsed.toMillis() / 1000.0));
        int on = "on".length();
        for (Section x : sections) on = Math.max(on, x.target().length());
        String fmt = "%-18s %-" + on + "s %7s %7s  %-6s %s%n";
        s.append(String.format(fmt, "section", "on", "items", "passed", "result", "detail"));
        for (Section x : sections) {
            s.append(String.format(fmt, x.name(), x.target(), x.total(), x.passed(), x.ok() ? "PASS" : "FAIL", x.detail()).stripTrailing()).append('\n');
        }
        s.append(String.format("%ncampaign %s%n", ok ? "SIGNED OFF" : "FAILED: not signed off"));
        return s.toString();
    }

    private static String json(Options o, String dut, List<Section> sections, boolean ok, Duration elapsed, PropertyCampaign.Result property) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chip", "SeedChip S1");
        m.put("target", o.target());
        m.put("dut", dut);
        m.put("signedOff", ok);
        m.put("finished", Instant.now().toString());
        m.put("seconds", elapsed.toMillis() / 1000.0);
        List<Object> list = new ArrayList<>();
        for (Section x : sections) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("section", x.name());
            e.put("on", x.target());
            e.put("items", x.total());
            e.put("passed", x.passed());
            e.put("ok", x.ok());
            e.put("detail", x.detail());
            list.add(e);
        }
        m.put("sections", list);
        if (property != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("firstSeed", o.seed());
            p.put("programs", o.programs());
            p.put("weights", o.weights().toString());
            p.put("diverged", property.diverged());
            p.put("buckets", property.buckets().buckets().size());
            if (property.coverage() != null) {
                p.put("coveragePercent", Math.round(property.coverage().percent() * 10) / 10.0);
                p.put("uncoveredBins", property.coverage().uncovered());
            }
            m.put("property", p);
        }
        return Json.write(m);
    }
}
