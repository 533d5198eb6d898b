package dev.seedverify.reports.render;

import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.CoverageBin;
import dev.seedverify.reports.model.IsolationCounts;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.signoff.RunDiff;
import dev.seedverify.reports.signoff.SignOff;

import java.util.List;
import java.util.Map;

/** The plain-text report: the verdict's headline on the first line, then the reasons and every table. */
public final class TextReport {
    private TextReport() {}

    public static String render(SignOff signOff) {
        RunResult run = signOff.run();
        StringBuilder s = new StringBuilder();
        s.append(signOff.verdict().headline()).append('\n');
        s.append(run.title()).append(" - run ").append(run.id()).append(run.shard() == null ? "" : " (shard " + run.shard() + ")").append('\n');
        s.append(Fmt.span(run)).append(run.interrupted() ? "; INTERRUPTED" : "").append("\n\n");

        s.append(signOff.verdict().signedOff() ? "Shown\n" : "Why\n");
        for (String r : signOff.verdict().reasons()) s.append("  - ").append(r).append('\n');
        if (!signOff.verdict().notes().isEmpty()) {
            s.append("Notes\n");
            for (String n : signOff.verdict().notes()) s.append("  - ").append(n).append('\n');
        }
        s.append("Required: ").append(run.requirements().suites().isEmpty() ? "nothing" : String.join(", ", run.requirements().suites()))
                .append(run.requirements().coverage() ? "; coverage" : "").append("\n\n");

        s.append("Sections\n").append(ReportTables.sections(run).text("  "));
        if (!run.skipped().isEmpty()) s.append('\n').append(ReportTables.skipped(run).text("  "));
        s.append('\n');

        Coverage c = run.coverage();
        if (c != null) {
            s.append(String.format("Coverage (%s): %d of %d bins, %s, target %s: %s; from %s programs, %s records%n", c.model(), c.covered(), c.total(),
                    Fmt.percent(c.percent()), Fmt.percent(c.targetPercent()), c.met() ? "met" : "NOT MET", Fmt.number(c.programs()), Fmt.number(c.records())));
            s.append(ReportTables.coverageGroups(c).text("  "));
            List<String> u = c.uncovered();
            s.append(u.isEmpty() ? "  every bin hit\n" : "  uncovered (" + u.size() + "): " + String.join(", ", u) + "\n");
            List<CoverageBin> rare = c.rarelyHit();
            if (!rare.isEmpty()) {
                s.append("  hit fewer than ").append(c.minHits()).append(" times (").append(rare.size()).append("): ");
                s.append(String.join(", ", rare.stream().map(b -> b.name() + " (" + b.hits() + ")").toList())).append('\n');
            }
            s.append('\n');
        }

        if (!run.buckets().isEmpty()) {
            s.append("Buckets (").append(Fmt.plural(run.buckets().size(), "bucket", "buckets")).append(", ")
                    .append(Fmt.plural(run.divergences(), "divergence", "divergences")).append(")\n");
            s.append(ReportTables.buckets(run).text("  "));
            for (var k : run.buckets()) {
                if (k.smallest() == null) continue;
                s.append("\n  smallest reproducer of ").append(k.signature()).append(" (").append(k.smallest().caseId()).append("):\n");
                s.append(Fmt.indent(k.smallest().text(), 4));
            }
            s.append('\n');
        }

        List<Map.Entry<Section, CaseResult>> notable = ReportTables.notableCases(run);
        if (!notable.isEmpty()) {
            s.append("Cases that did not simply pass (").append(notable.size()).append(")\n");
            for (Map.Entry<Section, CaseResult> e : notable) {
                CaseResult k = e.getValue();
                s.append("  [").append(k.status()).append(k.waivedBy() == null ? "" : " by " + k.waivedBy()).append("] ")
                        .append(e.getKey().key()).append(" / ").append(k.id());
                if (k.message() != null) s.append(": ").append(Table.oneLine(k.message()));
                s.append('\n');
                if (k.divergence() != null) s.append(Fmt.indent(k.divergence().text(), 4));
            }
            s.append('\n');
        }

        if (!signOff.waivers().isEmpty()) s.append("Waivers\n").append(ReportTables.waivers(signOff).text("  ")).append('\n');
        if (!run.mutations().isEmpty()) {
            long killed = run.mutations().stream().filter(m -> m.killed()).count();
            s.append("Injected bugs: ").append(killed).append(" of ").append(run.mutations().size()).append(" detected\n");
            s.append(ReportTables.mutations(run).text("  ")).append('\n');
        }
        IsolationCounts iso = run.isolation();
        if (iso != null) {
            s.append("Isolation property: ").append(iso.holds() ? "holds" : "VIOLATED").append(" - ")
                    .append(Fmt.plural(iso.launches(), "launch", "launches")).append(", ").append(Fmt.plural(iso.escapes(), "escape", "escapes"))
                    .append(", ").append(Fmt.number(iso.bytesChangedOutsideWindow())).append(" bytes changed outside the window\n\n");
        }
        if (!run.performance().isEmpty()) s.append("Performance\n").append(ReportTables.performance(run).text("  ")).append('\n');
        s.append("Environment\n").append(ReportTables.environment(run).text("  "));

        RunDiff d = signOff.diff();
        if (d != null) {
            s.append("\nSince the previous sign-off (run ").append(d.previousId()).append(")").append(d.unchanged() ? ": no change\n" : "\n");
            if (!d.unchanged()) {
                s.append("  new buckets: ").append(d.newBuckets().isEmpty() ? "none" : String.join(", ", d.newBuckets())).append('\n');
                s.append("  buckets gone: ").append(d.removedBuckets().isEmpty() ? "none" : String.join(", ", d.removedBuckets())).append('\n');
                s.append("  ").append(ReportTables.coverageChange(d)).append('\n');
                if (!d.newlyUncovered().isEmpty()) s.append("  bins no longer hit: ").append(String.join(", ", d.newlyUncovered())).append('\n');
                if (!d.newlyCovered().isEmpty()) s.append("  bins newly hit: ").append(String.join(", ", d.newlyCovered())).append('\n');
                if (!d.sectionChanges().isEmpty()) s.append(ReportTables.sectionChanges(d).text("  "));
            }
        }
        return s.toString();
    }
}
