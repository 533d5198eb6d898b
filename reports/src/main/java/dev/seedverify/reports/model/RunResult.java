package dev.seedverify.reports.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a run found, as facts: no verdict (the verdict is computed from these facts and the
 * waivers, {@code dev.seedverify.reports.signoff.SignOff}), so merging shards or resuming works on facts.
 *
 * @param id           the run's id (its folder name)
 * @param title        for people ({@code SeedChip S1 campaign})
 * @param startedAt    when it started
 * @param finishedAt   when it ended, or null when it did not (interrupted, or still running)
 * @param interrupted  it stopped before its end (SIGINT, a crash, a time budget)
 * @param shard        which shard this is, or null for a whole run
 * @param environment  where and from what it ran
 * @param requirements what it must show to sign off
 * @param sections     what ran, in order
 * @param skipped      what did not run, and why
 * @param coverage     functional coverage, or null when not measured
 * @param buckets      divergences grouped by signature
 * @param mutations    the engine's self-test on injected bugs
 * @param isolation    the isolation property's counts, or null when not checked
 * @param performance  measured figures
 */
public record RunResult(String id, String title, Instant startedAt, Instant finishedAt, boolean interrupted, Shard shard,
                        Environment environment, Requirements requirements, List<Section> sections, List<SkippedSection> skipped,
                        Coverage coverage, List<Bucket> buckets, List<MutationResult> mutations, IsolationCounts isolation,
                        List<PerformanceFigure> performance) {
    public RunResult {
        Checks.text(id, "run id");
        if (title == null || title.isBlank()) title = "SeedVerify run " + id;
        if (environment == null) environment = Environment.unknown();
        if (requirements == null) requirements = Requirements.none();
        sections = Checks.list(sections);
        skipped = Checks.list(skipped);
        buckets = Checks.list(buckets);
        mutations = Checks.list(mutations);
        performance = Checks.list(performance);
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Section s : sections) if (!keys.add(s.key())) throw new IllegalArgumentException("run " + id + " has section '" + s.key() + "' twice");
        java.util.Set<String> sigs = new java.util.HashSet<>();
        for (Bucket b : buckets) if (!sigs.add(b.signature())) throw new IllegalArgumentException("run " + id + " has bucket '" + b.signature() + "' twice");
    }

    public static Builder builder(String id, String title) { return new Builder(id, title); }

    public Builder toBuilder() {
        Builder b = new Builder(id, title);
        b.startedAt = startedAt;
        b.finishedAt = finishedAt;
        b.interrupted = interrupted;
        b.shard = shard;
        b.environment = environment;
        b.requirements = requirements;
        b.sections.addAll(sections);
        b.skipped.addAll(skipped);
        b.coverage = coverage;
        b.buckets.addAll(buckets);
        b.mutations.addAll(mutations);
        b.isolation = isolation;
        b.performance.addAll(performance);
        return b;
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Cases of every section, counted together. */
    public Counts counts() {
        Counts c = Counts.ZERO;
        for (Section s : sections) c = c.plus(s.counts());
        return c;
    }

    /** Divergences over all buckets. */
    public long divergences() { return buckets.stream().mapToLong(Bucket::count).sum(); }

    /**
     * Builds a run step by step (a campaign adds each section as it finishes). Not thread-safe:
     * a campaign that runs sections in parallel adds them from one thread.
     */
    public static final class Builder {
        private final String id;
        private final String title;
        private Instant startedAt;
        private Instant finishedAt;
        private boolean interrupted;
        private Shard shard;
        private Environment environment;
        private Requirements requirements;
        private final List<Section> sections = new ArrayList<>();
        private final List<SkippedSection> skipped = new ArrayList<>();
        private Coverage coverage;
        private final List<Bucket> buckets = new ArrayList<>();
        private final List<MutationResult> mutations = new ArrayList<>();
        private IsolationCounts isolation;
        private final List<PerformanceFigure> performance = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder startedAt(Instant t) { startedAt = t; return this; }

        public Builder finishedAt(Instant t) { finishedAt = t; return this; }

        public Builder interrupted(boolean b) { interrupted = b; return this; }

        public Builder shard(Shard s) { shard = s; return this; }

        public Builder environment(Environment e) { environment = e; return this; }

        public Builder requirements(Requirements r) { requirements = r; return this; }

        /** Adds a section, or replaces the one with the same key in its place (a resumed section finishing). */
        public Builder section(Section s) {
            for (int i = 0; i < sections.size(); i++) {
                if (sections.get(i).key().equals(s.key())) {
                    sections.set(i, s);
                    return this;
                }
            }
            sections.add(s);
            return this;
        }

        public Builder removeSection(String key) {
            sections.removeIf(x -> x.key().equals(key));
            return this;
        }

        public Builder skipped(String suite, String target, String reason) { skipped.add(new SkippedSection(suite, target, reason)); return this; }

        public Builder coverage(Coverage c) { coverage = c; return this; }

        /** Adds a bucket, or replaces the one with the same signature in its place. */
        public Builder bucket(Bucket b) {
            for (int i = 0; i < buckets.size(); i++) {
                if (buckets.get(i).signature().equals(b.signature())) {
                    buckets.set(i, b);
                    return this;
                }
            }
            buckets.add(b);
            return this;
        }

        public Builder mutation(MutationResult m) { mutations.add(m); return this; }

        public Builder isolation(IsolationCounts i) { isolation = i; return this; }

        public Builder performance(PerformanceFigure p) { performance.add(p); return this; }

        public RunResult build() {
            return new RunResult(id, title, startedAt, finishedAt, interrupted, shard, environment, requirements, sections, skipped,
                    coverage, buckets, mutations, isolation, performance);
        }
    }
}
