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

/** The Markdown report (for merge-request comments and wikis): the verdict's headline first, then the same tables as the text report. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(SignOff signOff) {
        RunResult run = signOff.run();
        StringBuilder s = new StringBuilder();
        s.append("# ").append(Markdown.text(signOff.verdict().headline())).append("\n\n");
        s.append(Markdown.text(run.title() + " - run " + run.id() + (run.shard() == null ? "" : " (shard " + run.shard() + ")") + "; " + Fmt.span(run)))
                .append("\n\n");
        s.append(signOff.verdict().signedOff() ? "**Shown**\n\n" : "**Why**\n\n");
        for (String r : signOff.verdict().reasons()) s.append("- ").append(Markdown.text(r)).append('\n');
        if (!signOff.verdict().notes().isEmpty()) {
            s.append("\n**Notes**\n\n");
            for (String n : signOff.verdict().notes()) s.append("- ").append(Markdown.text(n)).append('\n');
        }
        s.append("\n## Sections\n\n").append(ReportTables.sections(run).markdown());
        if (!run.skipped().isEmpty()) s.append('\n').append(ReportTables.skipped(run).markdown());

        Coverage c = run.coverage();
        if (c != null) {
            s.append("\n## Coverage\n\n").append(Markdown.text(String.format("%s: %d of %d bins, %s, target %s: %s", c.model(), c.covered(), c.total(),
                    Fmt.percent(c.percent()), Fmt.percent(c.targetPercent()), c.met() ? "met" : "NOT MET"))).append("\n\n");
            s.append(ReportTables.coverageGroups(c).markdown()).append('\n');
            List<String> u = c.uncovered();
            s.append(u.isEmpty() ? "Every bin hit.\n" : "Uncovered (" + u.size() + "): " + Markdown.text(String.join(", ", u)) + "\n");
            List<CoverageBin> rare = c.rarelyHit();
            if (!rare.isEmpty()) {
                s.append("\nHit fewer than ").append(c.minHits()).append(" times: ")
                        .append(Markdown.text(String.join(", ", rare.stream().map(b -> b.name() + " (" + b.hits() + ")").toList()))).append('\n');
            }
        }
        if (!run.buckets().isEmpty()) {
            s.append("\n## Buckets\n\n").append(ReportTables.buckets(run).markdown());
            for (var k : run.buckets()) {
                if (k.smallest() == null) continue;
                s.append("\nSmallest reproducer of `").append(k.signature().replace("`", "'")).append("`:\n\n").append(Markdown.code(k.smallest().text()));
            }
        }
        List<Map.Entry<Section, CaseResult>> notable = ReportTables.notableCases(run);
        if (!notable.isEmpty()) {
            s.append("\n## Cases that did not simply pass\n\n");
            for (Map.Entry<Section, CaseResult> e : notable) {
                CaseResult k = e.getValue();
                s.append("- **").append(k.status()).append(k.waivedBy() == null ? "" : " by " + Markdown.text(k.waivedBy())).append("** ")
                        .append(Markdown.text(e.getKey().key() + " / " + k.id()));
                if (k.message() != null) s.append(": ").append(Markdown.text(Table.oneLine(k.message())));
                s.append('\n');
                if (k.divergence() != null) s.append('\n').append(Fmt.indent(Markdown.code(k.divergence().text()), 2)).append('\n');
            }
        }
        if (!signOff.waivers().isEmpty()) s.append("\n## Waivers\n\n").append(ReportTables.waivers(signOff).markdown());
        if (!run.mutations().isEmpty()) s.append("\n## Injected bugs\n\n").append(ReportTables.mutations(run).markdown());
        IsolationCounts iso = run.isolation();
        if (iso != null) {
            s.append("\n## Isolation property\n\n").append(iso.holds() ? "Holds" : "**VIOLATED**").append(": ")
                    .append(Fmt.plural(iso.launches(), "launch", "launches")).append(", ").append(Fmt.plural(iso.escapes(), "escape", "escapes"))
                    .append(", ").append(Fmt.number(iso.bytesChangedOutsideWindow())).append(" bytes changed outside the window.\n");
        }
        if (!run.performance().isEmpty()) s.append("\n## Performance\n\n").append(ReportTables.performance(run).markdown());
        s.append("\n## Environment\n\n").append(ReportTables.environment(run).markdown());
        RunDiff d = signOff.diff();
        if (d != null) {
            s.append("\n## Since the previous sign-off (run ").append(Markdown.text(d.previousId())).append(")\n\n");
            if (d.unchanged()) {
                s.append("No change.\n");
            } else {
                s.append("- new buckets: ").append(Markdown.text(d.newBuckets().isEmpty() ? "none" : String.join(", ", d.newBuckets()))).append('\n');
                s.append("- buckets gone: ").append(Markdown.text(d.removedBuckets().isEmpty() ? "none" : String.join(", ", d.removedBuckets()))).append('\n');
                s.append("- ").append(Markdown.text(ReportTables.coverageChange(d))).append('\n');
                if (!d.newlyUncovered().isEmpty()) s.append("- bins no longer hit: ").append(Markdown.text(String.join(", ", d.newlyUncovered()))).append('\n');
                if (!d.newlyCovered().isEmpty()) s.append("- bins newly hit: ").append(Markdown.text(String.join(", ", d.newlyCovered()))).append('\n');
                if (!d.sectionChanges().isEmpty()) s.append('\n').append(ReportTables.sectionChanges(d).markdown());
            }
        }
        return s.toString();
    }
}
