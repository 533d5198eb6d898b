package dev.seedverify.conformance;

import dev.seedverify.conformance.dut.DutTargets;
import dev.seedverify.conformance.dut.DutUnavailableException;
import dev.seedverify.conformance.dut.LockstepTarget;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.prop.PropertyCampaign;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.reports.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The main job: a co-verification campaign on the built-in S1. Runs the conformance list (the
 * sign-off list) on the golden model and in lockstep against the target, then a bounded property
 * campaign (random programs of a fixed seed range, golden == target in lockstep) with coverage,
 * divergence buckets and shrunk reproducers, and writes the campaign report. Exit status 0 when
 * everything passed, 1 otherwise, 2 for bad arguments or an unavailable target.
 *
 * <p>Usage: {@code Campaign [--out DIR] [--seed N] [--programs N] [--target golden|rtl] [--threads N]
 * [--weights SPEC] [--no-property]}. The target is {@code golden} (golden-vs-golden) until the RTL
 * harness provides {@code rtl}.
 */
public final class Campaign {
    private Campaign() {}

    /** The command line. */
    record Options(Path out, long seed, int programs, String target, int threads, Weights weights, boolean property) {
        static Options defaults() {
            PropertyCampaign.Config d = PropertyCampaign.Config.defaults();
            return new Options(Path.of("reports-out"), d.firstSeed(), d.programs(), DutTargets.GOLDEN, d.threads(), d.weights(), true);
        }
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("campaign: " + e.getMessage());
            System.err.println("usage: Campaign [--out DIR] [--seed N] [--programs N] [--target golden|rtl] [--threads N] [--weights SPEC] [--no-property]");
            System.exit(2);
            return;
        }
        System.exit(run(o));
    }

    static Options parse(String[] args) {
        Options o = Options.defaults();
        Path out = o.out();
        long seed = o.seed();
        int programs = o.programs(), threads = o.threads();
        String target = o.target();
        Weights weights = o.weights();
        boolean property = true;
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
                    case "--no-property" -> property = false;
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a number");
            }
        }
        if (programs < 0 || threads < 1) throw new IllegalArgumentException("--programs must be >= 0 and --threads >= 1");
        return new Options(out, seed, programs, target, threads, weights, property);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    static int run(Options o) {
        Instant start = Instant.now();
        ConformanceList list = ConformanceList.load();
        List<ConformanceRunner.Report> reports = new ArrayList<>();
        reports.add(new ConformanceRunner(new GoldenTarget()).runAll(list));
        try (LockstepTarget lockstep = new LockstepTarget(o.target(), () -> DutTargets.open(o.target(), Memory.DEFAULT_BYTES),
                GoldenTarget.DEFAULT_BUDGET)) {
            reports.add(new ConformanceRunner(lockstep).runAll(list));
        } catch (DutUnavailableException e) {
            System.err.println("campaign: target " + o.target() + " unavailable: " + e.getMessage());
            return 2;
        }

        StringBuilder text = new StringBuilder("SeedVerify campaign on the SeedChip S1\n\n");
        boolean ok = true;
        for (ConformanceRunner.Report r : reports) {
            text.append("== conformance list on ").append(r.target()).append(" ==\n").append(r.summaryTable()).append('\n');
            ok &= r.allPassed();
        }
        if (o.property() && o.programs() > 0) {
            PropertyCampaign.Config c = PropertyCampaign.Config.defaults().withSeeds(o.seed(), o.programs()).withTarget(o.target())
                    .withThreads(o.threads()).withWeights(o.weights()).withOut(o.out().resolve("property"));
            PropertyCampaign.Result r;
            try {
                r = PropertyCampaign.run(c);
            } catch (DutUnavailableException e) {
                System.err.println("campaign: target " + o.target() + " unavailable: " + e.getMessage());
                return 2;
            }
            text.append("== property campaign ==\n").append(r.summary())
                    .append("  reports: ").append(o.out().resolve("property")).append(" (summary, buckets, coverage, repro/)\n\n");
            ok &= r.clean();
        }
        text.append(String.format("campaign %s in %.1f s%n", ok ? "SIGNED OFF" : "FAILED",
                Duration.between(start, Instant.now()).toMillis() / 1000.0));
        try {
            Path report = AtomicFiles.write(o.out().resolve("campaign.txt"), text.toString());
            System.out.print(text);
            System.out.println("report: " + report.toAbsolutePath());
        } catch (IOException e) {
            System.out.print(text);
            System.err.println("cannot write the report to " + o.out() + ": " + e.getMessage());
            return 1;
        }
        return ok ? 0 : 1;
    }
}
