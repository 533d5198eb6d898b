package dev.seedverify.conformance.mutants;

import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.rtl.mutant.MutantBackendProvider;
import dev.seedverify.rtl.mutant.MutantModels;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * How well divergence buckets name bugs, measured on known bugs: each bug runs the same generated
 * programs (seeds {@code 1..programs}) in lockstep against the golden model, and every diverging
 * program's bucket is counted. One bug should give one bucket (buckets per bug), and one bucket
 * should hold one bug (bugs per bucket). The table names, per bug, its buckets and their counts;
 * {@link #measureBoth} also buckets the same divergences by their first differing record alone,
 * ignoring the causes a replay found ({@link dev.seedverify.cosim.OperandCause}), for the comparison.
 *
 * <p>Usage: {@code BucketQuality [--programs N] [--mutants a,b,...]} on the RTL mutants of
 * {@link RtlMutants} (built on first use, cached).
 */
public final class BucketQuality {

    /** A known bug: its name and how to open a backend that has it. */
    public record Bug(String name, Supplier<? extends Backend> backend) {}

    /** The buckets each bug produced (signature to number of diverging programs), and how many programs diverged. */
    public record Result(Map<String, Map<BucketSignature, Integer>> bucketsByBug, Map<String, Integer> diverged, int programs) {

        /** Distinct buckets of {@code bug}. */
        public int bucketsOf(String bug) { return bucketsByBug.get(bug).size(); }

        /** Bugs that produced {@code signature}. */
        public List<String> bugsIn(BucketSignature signature) {
            List<String> out = new ArrayList<>();
            bucketsByBug.forEach((bug, m) -> {
                if (m.containsKey(signature)) out.add(bug);
            });
            return out;
        }

        /** Every bucket any bug produced, with the bugs in it. */
        public Map<BucketSignature, List<String>> buckets() {
            Map<BucketSignature, List<String>> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
            bucketsByBug.values().forEach(m -> m.keySet().forEach(s -> out.computeIfAbsent(s, k -> bugsIn(k))));
            return out;
        }

        /** Mean buckets per detected bug. */
        public double meanBucketsPerBug() {
            return bucketsByBug.values().stream().filter(m -> !m.isEmpty()).mapToInt(Map::size).average().orElse(0);
        }

        /** Mean bugs per bucket. */
        public double meanBugsPerBucket() {
            return buckets().values().stream().mapToInt(List::size).average().orElse(0);
        }

        public String text() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "%-32s %8s %8s  buckets (diverging programs each)%n", "bug", "diverged", "buckets"));
            bucketsByBug.forEach((bug, m) -> {
                StringBuilder b = new StringBuilder();
                m.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                        .forEach(e -> b.append(b.length() == 0 ? "" : "; ").append(e.getKey()).append(" (").append(e.getValue()).append(')'));
                s.append(String.format(Locale.ROOT, "%-32s %8d %8d  %s%n", bug, diverged.get(bug), m.size(), b));
            });
            long shared = buckets().values().stream().filter(l -> l.size() > 1).count();
            s.append(String.format(Locale.ROOT, "%d bugs, %d programs each: %.2f buckets per detected bug (1 is ideal), %.2f bugs per bucket "
                            + "(1 is ideal), %d bucket%s shared by several bugs%n", bucketsByBug.size(), programs, meanBucketsPerBug(),
                    meanBugsPerBucket(), shared, shared == 1 ? "" : "s"));
            buckets().forEach((sig, bugs) -> {
                if (bugs.size() > 1) s.append("  shared: ").append(sig).append(" <- ").append(String.join(", ", bugs)).append('\n');
            });
            return s.toString();
        }
    }

    private BucketQuality() {}

    /** Runs seeds {@code 1..programs} with the default weights on every bug. */
    public static Result measure(List<Bug> bugs, int programs) { return measureBoth(bugs, programs).buckets(); }

    /**
     * The same programs bucketed two ways: as the campaign buckets them ({@link BucketSignature#of},
     * causes found by replay included), and by the first differing record alone
     * ({@link BucketSignature#byRecord}, how they were bucketed before causes).
     */
    public record Both(Result buckets, Result byRecord) {}

    /** {@link #measure}, with the by-record bucketing of the same divergences. */
    public static Both measureBoth(List<Bug> bugs, int programs) {
        ProgramGenerator gen = new ProgramGenerator(Weights.DEFAULT);
        Map<String, Map<BucketSignature, Integer>> byBug = new LinkedHashMap<>(), byRecord = new LinkedHashMap<>();
        Map<String, Integer> diverged = new LinkedHashMap<>();
        for (Bug bug : bugs) {
            Map<BucketSignature, Integer> counts = new LinkedHashMap<>(), recordCounts = new LinkedHashMap<>();
            int n = 0;
            try (LockstepRunner runner = new LockstepRunner(bug.backend())) {
                for (long seed = 1; seed <= programs; seed++) {
                    LockstepRunner.Outcome o = runner.run(ProgramRenderer.image(gen.generate(seed)).image());
                    if (o.diverged()) {
                        n++;
                        counts.merge(o.signature(), 1, Integer::sum);
                        recordCounts.merge(BucketSignature.byRecord(o.divergence()), 1, Integer::sum);
                    }
                }
            }
            byBug.put(bug.name(), counts);
            byRecord.put(bug.name(), recordCounts);
            diverged.put(bug.name(), n);
        }
        return new Both(new Result(byBug, diverged, programs), new Result(byRecord, diverged, programs));
    }

    public static void main(String[] args) {
        int programs = 500;
        List<RtlMutation> mutants = RtlMutants.all();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--programs" -> programs = Integer.parseInt(args[++i]);
                case "--mutants" -> {
                    List<RtlMutation> m = new ArrayList<>();
                    for (String name : args[++i].split(",")) m.add(RtlMutants.byName(name.strip()));
                    mutants = m;
                }
                default -> {
                    System.err.println("usage: BucketQuality [--programs N] [--mutants a,b,...]");
                    System.exit(2);
                }
            }
        }
        List<Bug> bugs = new ArrayList<>();
        for (RtlMutation m : mutants) {
            bugs.add(new Bug(m.name(), () -> MutantBackendProvider.backend(m, MutantModels.build(m).model())));
        }
        Both b = measureBoth(bugs, programs);
        System.out.print(b.buckets().text());
        System.out.printf(Locale.ROOT, "by the first differing record alone (no causes): %.2f buckets per detected bug, %.2f bugs per bucket%n",
                b.byRecord().meanBucketsPerBug(), b.byRecord().meanBugsPerBucket());
    }
}
