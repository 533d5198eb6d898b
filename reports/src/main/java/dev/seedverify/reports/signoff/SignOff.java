package dev.seedverify.reports.signoff;

import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.CaseStatus;
import dev.seedverify.reports.model.Counts;
import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.IsolationCounts;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SectionStatus;
import dev.seedverify.reports.model.SkippedSection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run judged: the waivers applied, the verdict with its reasons, and (optionally) the difference
 * from the previous sign-off. Every report is written from one of these.
 *
 * @param observed the run as its suites recorded it (what JSON stores; merge and resume read it back)
 * @param run      the same run with the waivers applied: waived cases and buckets say {@code WAIVED} and by which waiver
 * @param verdict  the verdict
 * @param waivers  what each waiver of the file did
 * @param diff     the difference from the previous sign-off, or null
 */
public record SignOff(RunResult observed, RunResult run, Verdict verdict, List<WaiverUse> waivers, RunDiff diff) {
    public SignOff {
        waivers = List.copyOf(waivers);
    }

    /**
     * Judges a run: pure, the same facts, waivers and day give the same verdict.
     *
     * @param today the day waivers' expiry is checked against
     */
    public static SignOff evaluate(RunResult observed, List<Waiver> waivers, LocalDate today) {
        List<Waiver> active = waivers.stream().filter(w -> !w.expiredOn(today)).toList();
        RunResult run = applyWaivers(observed, active);
        List<WaiverUse> uses = uses(observed, waivers, today);
        return new SignOff(observed, run, judge(run, uses), uses, null);
    }

    /** This sign-off with the difference from {@code previous} (the last signed-off run), or without one for null. */
    public SignOff comparedWith(RunResult previous) {
        if (previous == null) return new SignOff(observed, run, verdict, waivers, null);
        // Both runs under today's waivers, so a section differs only when its facts do.
        List<Waiver> active = waivers.stream().filter(u -> u.state() != WaiverUse.State.EXPIRED).map(WaiverUse::waiver).toList();
        return new SignOff(observed, run, verdict, waivers, RunDiff.between(applyWaivers(previous, active), run));
    }

    static RunResult applyWaivers(RunResult observed, List<Waiver> active) {
        if (active.isEmpty()) return observed;
        RunResult.Builder b = observed.toBuilder();
        for (Section s : observed.sections()) {
            List<CaseResult> cases = new ArrayList<>();
            for (CaseResult c : s.cases()) {
                Waiver w = waivable(c) ? first(active, c.bucket()) : null;
                cases.add(w == null ? c : c.waived(w.id()));
            }
            b.section(s.withCases(cases));
        }
        for (Bucket k : observed.buckets()) {
            Waiver w = first(active, k.signature());
            if (w != null) b.bucket(k.waived(w.id()));
        }
        return b.build();
    }

    private static boolean waivable(CaseResult c) {
        return (c.status() == CaseStatus.DIVERGED || c.status() == CaseStatus.FAIL) && c.bucket() != null;
    }

    private static Waiver first(List<Waiver> ws, String signature) {
        for (Waiver w : ws) if (w.matches(signature)) return w;
        return null;
    }

    private static List<WaiverUse> uses(RunResult observed, List<Waiver> waivers, LocalDate today) {
        List<WaiverUse> uses = new ArrayList<>();
        List<Waiver> earlier = new ArrayList<>();
        for (Waiver w : waivers) {
            boolean expired = w.expiredOn(today);
            // A bucket goes to the first active waiver that matches it, as in applyWaivers.
            List<Waiver> before = earlier.stream().filter(x -> !x.expiredOn(today)).toList();
            List<String> buckets = new ArrayList<>();
            for (Bucket k : observed.buckets()) {
                if (w.matches(k.signature()) && (expired || first(before, k.signature()) == null)) buckets.add(k.signature());
            }
            List<String> cases = new ArrayList<>();
            for (Section s : observed.sections()) {
                for (CaseResult c : s.cases()) {
                    if (waivable(c) && w.matches(c.bucket()) && (expired || first(before, c.bucket()) == null)) {
                        cases.add(s.key() + " / " + c.id());
                    }
                }
            }
            WaiverUse.State state = expired ? WaiverUse.State.EXPIRED
                    : buckets.isEmpty() && cases.isEmpty() ? WaiverUse.State.UNUSED : WaiverUse.State.APPLIED;
            uses.add(new WaiverUse(w, state, buckets, cases));
            earlier.add(w);
        }
        return uses;
    }

    static Verdict judge(RunResult run, List<WaiverUse> uses) {
        List<String> failures = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        for (Section s : run.sections()) {
            SectionStatus st = s.status();
            Counts c = s.counts();
            switch (st) {
                case ERROR -> failures.add(s.key() + " could not run: " + s.error());
                case FAILED -> failures.add(s.key() + ": " + c.summary());
                case INCOMPLETE -> incomplete.add(s.key() + " incomplete: " + (!s.complete() ? "stopped before its end, " : "") + c.summary());
                case EMPTY -> incomplete.add(s.key() + " ran no cases");
                default -> { }
            }
        }
        List<Bucket> open = run.buckets().stream().filter(k -> k.waivedBy() == null).toList();
        if (!open.isEmpty()) {
            failures.add(open.size() + (open.size() == 1 ? " divergence bucket" : " divergence buckets") + " not waived: "
                    + list(open.stream().map(k -> k.signature() + " (" + k.count() + ")").toList()));
        }
        for (WaiverUse u : uses) {
            if (u.state() == WaiverUse.State.EXPIRED) {
                Waiver w = u.waiver();
                failures.add("waiver " + w.id() + " (owner " + w.owner() + ") expired on " + w.expires()
                        + (u.buckets().isEmpty() ? "" : "; it covered " + list(u.buckets())));
            }
        }
        List<String> survivors = run.mutations().stream().filter(MutationResult::survived).map(MutationResult::mutant).toList();
        if (!survivors.isEmpty()) {
            failures.add(survivors.size() + (survivors.size() == 1 ? " injected bug" : " injected bugs") + " not detected: " + list(survivors));
        }
        IsolationCounts iso = run.isolation();
        if (iso != null && !iso.holds()) {
            failures.add("isolation property violated: " + iso.escapes() + " escapes, " + iso.bytesChangedOutsideWindow()
                    + " bytes changed outside the window in " + iso.launches() + " launches");
        }

        String interrupted = null;
        if (run.interrupted()) {
            List<String> unfinished = run.sections().stream().filter(s -> !s.complete()).map(Section::key).toList();
            long finished = run.sections().stream().filter(Section::complete).count();
            interrupted = "the run was interrupted after " + finished + (finished == 1 ? " finished section" : " finished sections")
                    + (unfinished.isEmpty() ? "" : "; unfinished: " + list(unfinished));
        }

        // A shard holds part of a campaign: only the merge of every shard can sign off.
        if (run.shard() != null) {
            incomplete.add("this is shard " + run.shard() + " of a campaign: merge every shard (seedverify report merge) for its verdict");
        }
        List<String> required = run.requirements().suites();
        if (required.isEmpty()) incomplete.add("no required suites were named, so nothing can sign off");
        for (String suite : required) {
            List<Section> ran = run.sections().stream().filter(s -> s.suite().equals(suite)).toList();
            if (ran.isEmpty()) {
                incomplete.add("required suite '" + suite + "' did not run");
            } else if (ran.stream().noneMatch(s -> s.target().realDut())) {
                incomplete.add("required suite '" + suite + "' ran only on " + list(ran.stream().map(s -> s.target().name()).distinct().toList())
                        + ", not on a real DUT");
            }
        }
        for (SkippedSection k : run.skipped()) incomplete.add(k.key() + " skipped: " + k.reason());
        Coverage cov = run.coverage();
        if (cov == null) {
            if (run.requirements().coverage()) incomplete.add("coverage was not measured");
        } else if (!cov.met()) {
            incomplete.add(String.format(Locale.ROOT, "coverage %.1f%% is below its target %.1f%% (%d of %d bins uncovered)",
                    cov.percent(), cov.targetPercent(), cov.total() - cov.covered(), cov.total()));
        }

        for (WaiverUse u : uses) {
            Waiver w = u.waiver();
            if (u.state() == WaiverUse.State.UNUSED) notes.add("waiver " + w.id() + " matched nothing (" + w.target() + ")");
            if (u.state() == WaiverUse.State.APPLIED) {
                notes.add("waiver " + w.id() + " let " + u.cases().size() + (u.cases().size() == 1 ? " case" : " cases") + " and "
                        + u.buckets().size() + (u.buckets().size() == 1 ? " bucket" : " buckets") + " pass (" + w.target() + "), until " + w.expires());
            }
        }

        if (!failures.isEmpty()) {
            List<String> reasons = new ArrayList<>(failures);
            if (interrupted != null) reasons.add(interrupted);
            reasons.addAll(incomplete);
            return new Verdict(Outcome.FAILED, reasons, notes);
        }
        if (interrupted != null) {
            List<String> reasons = new ArrayList<>();
            reasons.add(interrupted);
            reasons.addAll(incomplete);
            return new Verdict(Outcome.INTERRUPTED, reasons, notes);
        }
        if (!incomplete.isEmpty()) return new Verdict(Outcome.INCOMPLETE, incomplete, notes);

        Set<String> targets = new LinkedHashSet<>();
        for (Section s : run.sections()) if (required.contains(s.suite()) && s.target().realDut()) targets.add(s.target().name());
        StringBuilder ok = new StringBuilder("every required suite passed on ").append(list(List.copyOf(targets)))
                .append(" (").append(String.join(", ", required)).append(')');
        if (cov != null) ok.append(String.format(Locale.ROOT, "; coverage %.1f%% meets its target %.1f%%", cov.percent(), cov.targetPercent()));
        long waived = run.counts().waived();
        if (waived > 0) ok.append("; ").append(waived).append(waived == 1 ? " divergence waived" : " divergences waived");
        return new Verdict(Outcome.SIGNED_OFF, List.of(ok.toString()), notes);
    }

    /** At most five items, then how many more. */
    static String list(List<String> items) {
        if (items.size() <= 5) return String.join(", ", items);
        return items.subList(0, 5).stream().collect(Collectors.joining(", ")) + " and " + (items.size() - 5) + " more";
    }
}
