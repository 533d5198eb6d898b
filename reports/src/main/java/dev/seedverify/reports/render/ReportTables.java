package dev.seedverify.reports.render;

import dev.seedverify.reports.model.Bucket;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.MutationResult;
import dev.seedverify.reports.model.PerformanceFigure;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SectionStatus;
import dev.seedverify.reports.model.SkippedSection;
import dev.seedverify.reports.signoff.RunDiff;
import dev.seedverify.reports.signoff.SignOff;
import dev.seedverify.reports.signoff.WaiverUse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables the text and Markdown reports share, so both say the same. */
final class ReportTables {
    private ReportTables() {}

    static Table sections(RunResult run) {
        Table t = new Table("suite", "target", "result", "cases", "time", "detail");
        for (Section s : run.sections()) {
            String detail = s.error() != null ? s.error() : s.detail();
            t.row(s.suite(), s.target().name() + (s.target().realDut() ? "" : " (not a real DUT)"), s.status().label(), s.counts().summary(),
                    Fmt.duration(s.durationMillis()), detail == null ? "" : detail);
        }
        return t;
    }

    static Table skipped(RunResult run) {
        Table t = new Table("skipped", "reason");
        for (SkippedSection k : run.skipped()) t.row(k.key(), k.reason());
        return t;
    }

    static Table coverageGroups(Coverage c) {
        Table t = new Table("group", "covered", "bins", "share");
        for (Map.Entry<String, int[]> e : c.groups().entrySet()) {
            int[] g = e.getValue();
            t.row(e.getKey(), g[0], g[1], Fmt.percent(g[1] == 0 ? 100 : 100.0 * g[0] / g[1]));
        }
        return t;
    }

    static Table buckets(RunResult run) {
        Table t = new Table("bucket", "count", "waiver", "smallest reproducer");
        for (Bucket k : run.buckets()) {
            String smallest = k.smallest() == null ? "not shrunk" + (k.seeds().isEmpty() ? "" : " (first seed " + k.seeds().get(0) + ")")
                    : k.smallest().instructions() + " instructions, " + k.smallest().caseId() + (k.smallest().path() == null ? "" : ", " + k.smallest().path());
            t.row(k.signature(), Fmt.number(k.count()), k.waivedBy() == null ? "-" : k.waivedBy(), smallest);
        }
        return t;
    }

    /** Cases worth reading: every case that did not simply pass. */
    static List<Map.Entry<Section, CaseResult>> notableCases(RunResult run) {
        List<Map.Entry<Section, CaseResult>> l = new ArrayList<>();
        for (Section s : run.sections()) {
            for (CaseResult c : s.cases()) if (c.status() != dev.seedverify.reports.model.CaseStatus.PASS) l.add(Map.entry(s, c));
        }
        return l;
    }

    static Table waivers(SignOff signOff) {
        Table t = new Table("waiver", "state", "covers", "owner", "expires", "used by", "reason");
        for (WaiverUse u : signOff.waivers()) {
            t.row(u.waiver().id(), u.state().name(), u.waiver().target(), u.waiver().owner(), u.waiver().expires(),
                    Fmt.plural(u.cases().size(), "case", "cases") + ", " + Fmt.plural(u.buckets().size(), "bucket", "buckets"), u.waiver().reason());
        }
        return t;
    }

    static Table mutations(RunResult run) {
        Table t = new Table("mutant", "result", "killed by", "programs", "time to detect", "shrunk", "bucket");
        for (MutationResult m : run.mutations()) {
            t.row(m.mutant(), m.killed() ? "killed" : "SURVIVED", m.killedBy(), Fmt.number(m.programsTried()),
                    m.secondsToDetect() == null ? "-" : Fmt.number(m.secondsToDetect()) + " s",
                    m.shrunkInstructions() == null ? "-" : m.shrunkInstructions() + " insns", m.bucket());
        }
        return t;
    }

    static Table performance(RunResult run) {
        Table t = new Table("figure", "value", "unit", "command", "note");
        for (PerformanceFigure p : run.performance()) t.row(p.name(), Fmt.number(p.value()), p.unit(), p.command(), p.note() == null ? "" : p.note());
        return t;
    }

    static Table environment(RunResult run) {
        Table t = new Table("what", "value");
        run.environment().asMap().forEach(t::row);
        if (run.shard() != null) t.row("shard", run.shard());
        return t;
    }

    static Table sectionChanges(RunDiff d) {
        Table t = new Table("section", "before", "now");
        for (RunDiff.SectionChange c : d.sectionChanges()) t.row(c.section(), label(c.before()), label(c.after()));
        return t;
    }

    static String label(SectionStatus s) { return s == null ? "did not run" : s.label(); }

    /** One line for the difference's coverage. */
    static String coverageChange(RunDiff d) {
        if (d.coverageBefore() == null && d.coverageAfter() == null) return "coverage not measured either time";
        return "coverage " + (d.coverageBefore() == null ? "not measured" : Fmt.percent(d.coverageBefore())) + " -> "
                + (d.coverageAfter() == null ? "not measured" : Fmt.percent(d.coverageAfter()));
    }
}
