package dev.seedverify.reports.render;

import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.CoverageBin;
import dev.seedverify.reports.model.ModelJson;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.signoff.RunDiff;
import dev.seedverify.reports.signoff.SignOff;
import dev.seedverify.reports.signoff.WaiverUse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report: a {@link ModelJson#REPORT_FORMAT} document. {@code verdict}, {@code waivers},
 * {@code summary} and {@code diff} are for tools that read results (dashboards, gates); {@code run}
 * holds the observed facts, which {@link ModelJson#read} reads back for merging and resuming.
 */
public final class JsonReport {
    private JsonReport() {}

    public static String render(SignOff signOff) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", ModelJson.REPORT_FORMAT);
        doc.put("version", ModelJson.VERSION);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("outcome", signOff.verdict().outcome().label());
        v.put("signedOff", signOff.verdict().signedOff());
        v.put("headline", signOff.verdict().headline());
        v.put("reasons", signOff.verdict().reasons());
        v.put("notes", signOff.verdict().notes());
        doc.put("verdict", v);
        doc.put("summary", summary(signOff.run()));
        List<Object> ws = new ArrayList<>();
        for (WaiverUse u : signOff.waivers()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("id", u.waiver().id());
            w.put("state", u.state().name());
            if (u.waiver().bucket() != null) w.put("bucket", u.waiver().bucket());
            if (u.waiver().rule() != null) w.put("rule", u.waiver().rule());
            w.put("reason", u.waiver().reason());
            w.put("owner", u.waiver().owner());
            w.put("expires", u.waiver().expires().toString());
            w.put("source", u.waiver().source());
            w.put("buckets", u.buckets());
            w.put("cases", u.cases());
            ws.add(w);
        }
        doc.put("waivers", ws);
        RunDiff d = signOff.diff();
        if (d != null) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("previousId", d.previousId());
            dm.put("regressed", d.regressed());
            dm.put("newBuckets", d.newBuckets());
            dm.put("removedBuckets", d.removedBuckets());
            dm.put("coverageBefore", d.coverageBefore());
            dm.put("coverageAfter", d.coverageAfter());
            dm.put("newlyUncovered", d.newlyUncovered());
            dm.put("newlyCovered", d.newlyCovered());
            List<Object> ch = new ArrayList<>();
            for (RunDiff.SectionChange c : d.sectionChanges()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("section", c.section());
                cm.put("before", c.before() == null ? null : c.before().name());
                cm.put("after", c.after() == null ? null : c.after().name());
                ch.add(cm);
            }
            dm.put("sectionChanges", ch);
            doc.put("diff", dm);
        }
        doc.put("run", signOff.observed());
        return ModelJson.toJson(doc);
    }

    private static Map<String, Object> summary(RunResult run) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> sections = new ArrayList<>();
        for (Section s : run.sections()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("key", s.key());
            e.put("suite", s.suite());
            e.put("target", s.target().name());
            e.put("realDut", s.target().realDut());
            e.put("status", s.status().name());
            e.put("counts", s.counts());
            sections.add(e);
        }
        m.put("sections", sections);
        m.put("counts", run.counts());
        Coverage c = run.coverage();
        if (c != null) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("percent", Math.round(c.percent() * 10) / 10.0);
            cm.put("targetPercent", c.targetPercent());
            cm.put("met", c.met());
            cm.put("covered", c.covered());
            cm.put("bins", c.total());
            cm.put("uncovered", c.uncovered());
            // Covered, but by fewer than minHits hits: a margin, not just a catch (issue 13).
            cm.put("minHits", c.minHits());
            List<Map<String, Object>> rare = new ArrayList<>();
            for (CoverageBin b : c.rarelyHit()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("bin", b.name());
                e.put("hits", b.hits());
                rare.add(e);
            }
            cm.put("rarelyHit", rare);
            m.put("coverage", cm);
        }
        m.put("buckets", run.buckets().size());
        m.put("divergences", run.divergences());
        return m;
    }
}
