package dev.seedverify.reports.signoff;

import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.CoverageBin;
import dev.seedverify.reports.model.Environment;
import dev.seedverify.reports.model.IsolationCounts;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.PerformanceFigure;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Shard;
import dev.seedverify.reports.model.SkippedSection;
import dev.seedverify.reports.model.SmallestReproducer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges several runs (the shards of one campaign, or runs of different suites) into one, as facts:
 * sections of the same suite and target joined case by case, buckets deduplicated by signature
 * (counts added, the smallest reproducer kept), coverage unioned bin by bin (hits added). The
 * merged run is judged like any other, so merged shards get the verdict the unsharded run gets.
 *
 * <p>Refused, with the reason: runs of different commits or RTL builds, different requirements or
 * coverage models, shards of different counts or the same shard twice, a case in two runs. A shard
 * of {@code i/n} that is missing is recorded as skipped, so the merged run cannot sign off.
 * Shards must not list sections outside their partition as skipped: a skip is a skip.
 */
public final class RunMerge {
    private RunMerge() {}

    /** Why runs cannot be merged. */
    public static final class MergeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public MergeException(String message) { super(message); }
    }

    public static RunResult merge(String id, List<RunResult> runs) {
        if (runs.isEmpty()) throw new MergeException("nothing to merge");
        List<RunResult> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparingInt(r -> r.shard() == null ? 0 : r.shard().index()));
        RunResult first = ordered.get(0);

        RunResult.Builder b = RunResult.builder(id, first.title()).requirements(first.requirements());
        for (RunResult r : ordered) {
            if (!r.requirements().equals(first.requirements())) {
                throw new MergeException("run " + r.id() + " requires " + r.requirements() + ", run " + first.id() + " requires " + first.requirements());
            }
        }
        b.environment(environment(ordered));
        List<String> missing = shards(ordered);
        b.startedAt(ordered.stream().map(RunResult::startedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null));
        boolean allFinished = ordered.stream().allMatch(r -> r.finishedAt() != null);
        b.finishedAt(allFinished ? ordered.stream().map(RunResult::finishedAt).max(Comparator.naturalOrder()).orElse(null) : null);
        b.interrupted(ordered.stream().anyMatch(RunResult::interrupted));

        for (Section s : sections(ordered)) b.section(s);
        Set<SkippedSection> skipped = new LinkedHashSet<>();
        for (RunResult r : ordered) skipped.addAll(r.skipped());
        for (String m : missing) skipped.add(new SkippedSection("shard " + m, null, "no result for shard " + m + " was merged"));
        for (SkippedSection k : skipped) b.skipped(k.suite(), k.target(), k.reason());
        b.coverage(coverage(ordered));
        for (Bucket k : buckets(ordered)) b.bucket(k);
        for (MutationResult m : mutations(ordered)) b.mutation(m);
        IsolationCounts iso = null;
        for (RunResult r : ordered) if (r.isolation() != null) iso = iso == null ? r.isolation() : iso.plus(r.isolation());
        b.isolation(iso);
        for (PerformanceFigure p : performance(ordered)) b.performance(p);
        return b.build();
    }

    /** Checks the shards fit together; returns the missing ones as {@code i/n}. */
    private static List<String> shards(List<RunResult> runs) {
        long sharded = runs.stream().filter(r -> r.shard() != null).count();
        if (sharded == 0) return List.of();
        if (sharded != runs.size()) {
            RunResult whole = runs.stream().filter(r -> r.shard() == null).findFirst().orElseThrow();
            throw new MergeException("run " + whole.id() + " is not a shard but the others are; merge shards of one campaign, or whole runs");
        }
        int n = runs.get(0).shard().count();
        Map<Integer, String> seen = new HashMap<>();
        for (RunResult r : runs) {
            Shard s = r.shard();
            if (s.count() != n) throw new MergeException("shard " + s + " (run " + r.id() + ") and shard " + runs.get(0).shard() + " (run "
                    + runs.get(0).id() + ") split the work differently");
            String other = seen.putIfAbsent(s.index(), r.id());
            if (other != null) throw new MergeException("shard " + s + " given twice: runs " + other + " and " + r.id());
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= n; i++) if (!seen.containsKey(i)) missing.add(i + "/" + n);
        return missing;
    }

    private static Environment environment(List<RunResult> runs) {
        Environment e0 = runs.get(0).environment();
        String sha = e0.gitSha(), build = e0.rtlBuildId();
        Map<String, String> tools = new LinkedHashMap<>(), other = new LinkedHashMap<>();
        Set<String> seeds = new LinkedHashSet<>(), hosts = new LinkedHashSet<>();
        for (RunResult r : runs) {
            Environment e = r.environment();
            if (e.gitSha() != null && sha != null && !e.gitSha().equals(sha)) {
                throw new MergeException("run " + r.id() + " is of commit " + e.gitSha() + ", run " + runs.get(0).id() + " of " + sha);
            }
            if (e.rtlBuildId() != null && build != null && !e.rtlBuildId().equals(build)) {
                throw new MergeException("run " + r.id() + " ran RTL build " + e.rtlBuildId() + ", run " + runs.get(0).id() + " build " + build);
            }
            if (sha == null) sha = e.gitSha();
            if (build == null) build = e.rtlBuildId();
            e.tools().forEach((k, v) -> tools.merge(k, v, (a, x) -> a.equals(x) || a.contains(x) ? a : a + "; " + x));
            e.other().forEach(other::putIfAbsent);
            if (e.seed() != null) seeds.add(e.seed());
            if (e.host() != null) hosts.addAll(List.of(e.host().split(",\\s*")));
        }
        return new Environment(sha, build, tools, seeds.isEmpty() ? null : String.join(", ", seeds),
                hosts.isEmpty() ? null : String.join(", ", hosts), other);
    }

    private static List<Section> sections(List<RunResult> runs) {
        Map<String, Section> merged = new LinkedHashMap<>();
        Map<String, String> caseOwner = new HashMap<>();
        for (RunResult r : runs) {
            for (Section s : r.sections()) {
                for (CaseResult c : s.cases()) {
                    String other = caseOwner.putIfAbsent(s.key() + "\u0000" + c.id(), r.id());
                    if (other != null) throw new MergeException("case '" + c.id() + "' of " + s.key() + " is in runs " + other + " and " + r.id());
                }
                merged.merge(s.key(), s, RunMerge::join);
            }
        }
        return List.copyOf(merged.values());
    }

    private static Section join(Section a, Section b) {
        List<CaseResult> cases = new ArrayList<>(a.cases());
        cases.addAll(b.cases());
        Instant start = a.startedAt() == null ? b.startedAt() : b.startedAt() == null ? a.startedAt()
                : a.startedAt().isBefore(b.startedAt()) ? a.startedAt() : b.startedAt();
        return new Section(a.suite(), a.target(), a.complete() && b.complete(), start, a.durationMillis() + b.durationMillis(), cases,
                a.unlistedPassed() + b.unlistedPassed(), joinText(a.error(), b.error()), joinText(a.detail(), b.detail()));
    }

    private static String joinText(String a, String b) {
        if (a == null) return b;
        if (b == null || a.equals(b)) return a;
        return a + "; " + b;
    }

    private static Coverage coverage(List<RunResult> runs) {
        Coverage acc = null;
        Map<String, CoverageBin> bins = new LinkedHashMap<>();
        long programs = 0, records = 0;
        for (RunResult r : runs) {
            Coverage c = r.coverage();
            if (c == null) continue;
            if (acc != null && (!acc.model().equals(c.model()) || acc.targetPercent() != c.targetPercent() || acc.minHits() != c.minHits())) {
                throw new MergeException("run " + r.id() + " measured coverage '" + c.model() + "' (target " + c.targetPercent() + "%, min hits "
                        + c.minHits() + "), another run '" + acc.model() + "' (target " + acc.targetPercent() + "%, min hits " + acc.minHits() + ")");
            }
            if (acc == null) acc = c;
            for (CoverageBin bin : c.bins()) {
                bins.merge(bin.name(), bin, (x, y) -> new CoverageBin(x.name(), x.group(), x.hits() + y.hits()));
            }
            programs += c.programs();
            records += c.records();
        }
        return acc == null ? null : new Coverage(acc.model(), acc.targetPercent(), acc.minHits(), programs, records, List.copyOf(bins.values()));
    }

    private static List<Bucket> buckets(List<RunResult> runs) {
        Map<String, Bucket> merged = new LinkedHashMap<>();
        for (RunResult r : runs) {
            for (Bucket k : r.buckets()) {
                merged.merge(Waiver.normalize(k.signature()), Bucket.of(k.signature(), k.count(), k.seeds(), k.smallest()), (a, x) -> {
                    TreeSet<Long> seeds = new TreeSet<>(a.seeds());
                    seeds.addAll(x.seeds());
                    List<Long> kept = seeds.stream().limit(Bucket.MAX_SEEDS).toList();
                    SmallestReproducer s = a.smallest() == null ? x.smallest() : x.smallest() == null ? a.smallest()
                            : SmallestReproducer.compare(a.smallest(), x.smallest()) <= 0 ? a.smallest() : x.smallest();
                    return Bucket.of(a.signature(), a.count() + x.count(), kept, s);
                });
            }
        }
        List<Bucket> l = new ArrayList<>(merged.values());
        l.sort(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::signature));
        return l;
    }

    private static List<MutationResult> mutations(List<RunResult> runs) {
        Map<String, MutationResult> merged = new LinkedHashMap<>();
        for (RunResult r : runs) {
            for (MutationResult m : r.mutations()) merged.merge(m.mutant(), m, (a, x) -> a.killed() || !x.killed() ? a : x);
        }
        return List.copyOf(merged.values());
    }

    private static List<PerformanceFigure> performance(List<RunResult> runs) {
        Map<String, Integer> count = new HashMap<>();
        for (RunResult r : runs) for (PerformanceFigure p : r.performance()) count.merge(p.name(), 1, Integer::sum);
        List<PerformanceFigure> l = new ArrayList<>();
        for (RunResult r : runs) {
            for (PerformanceFigure p : r.performance()) {
                String from = r.shard() != null ? "shard " + r.shard() : "run " + r.id();
                l.add(count.get(p.name()) == 1 ? p : new PerformanceFigure(p.name() + " (" + from + ")", p.value(), p.unit(), p.command(), p.note()));
            }
        }
        return l;
    }
}
