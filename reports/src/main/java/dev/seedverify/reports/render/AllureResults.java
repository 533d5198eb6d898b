package dev.seedverify.reports.render;

import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.model.Attachment;
import dev.seedverify.reports.model.CaseResult;
import dev.seedverify.reports.model.CaseStatus;
import dev.seedverify.reports.model.Coverage;
import dev.seedverify.reports.model.Divergence;
import dev.seedverify.reports.model.ModelJson;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.SkippedSection;
import dev.seedverify.reports.signoff.SignOff;
import dev.seedverify.reports.signoff.WaiverUse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A run as an Allure results folder ({@code allure-results}): one {@code <uuid>-result.json} per
 * case, its files as {@code <uuid>-attachment.<ext>}, plus {@code environment.properties},
 * {@code categories.json} (a category per bucket, then per divergence kind) and {@code executor.json}.
 * Labels: {@code parentSuite} the run's title, {@code suite} the section's suite, {@code subSuite}
 * its target, {@code instruction}, {@code bucket}, {@code severity}, tags. A suite {@code sign-off}
 * holds the verdict (one step per reason) and the coverage table, so Allure shows what the sign-off page shows.
 *
 * <p>Status mapping: PASS passed; FAIL and DIVERGED failed; ERROR broken; SKIPPED skipped; WAIVED
 * passed, its message starting {@code WAIVED by <id>} and marked known. UUIDs are derived from the
 * run id and the case, so writing the same run twice gives the same files.
 */
public final class AllureResults {
    private AllureResults() {}

    /** Writes the results folder {@code dir} whole (replacing what was there), so Allure never reads half of it. */
    public static Path write(SignOff signOff, Path dir, Path runDir) throws IOException {
        return AtomicFiles.replaceDirectory(dir, d -> new Writer(signOff, d, runDir).all());
    }

    /** The message a divergence's result carries; categories match on it. */
    static String divergenceMessage(Divergence d) {
        return "DIVERGED " + (d.bucket() == null ? "" : "[bucket " + d.bucket() + "] ") + d.summary();
    }

    private static final class Writer {
        final SignOff signOff;
        final RunResult run;
        final Path dir;
        final Path runDir;
        final long start, stop;
        int attachmentCount;

        Writer(SignOff signOff, Path dir, Path runDir) {
            this.signOff = signOff;
            this.run = signOff.run();
            this.dir = dir;
            this.runDir = runDir;
            this.start = run.startedAt() == null ? 0 : run.startedAt().toEpochMilli();
            this.stop = run.finishedAt() == null ? start : run.finishedAt().toEpochMilli();
        }

        void all() throws IOException {
            verdict();
            coverage();
            for (Section s : run.sections()) section(s);
            for (SkippedSection k : run.skipped()) skipped(k);
            environment();
            categories();
            executor();
        }

        void section(Section s) throws IOException {
            long t = s.startedAt() == null ? start : s.startedAt().toEpochMilli();
            if (s.error() != null) {
                Map<String, Object> r = result(s.key() + "/(section)", "(section could not run)", s, "broken", s.error(), null, t, t, "critical");
                save(r);
            }
            for (CaseResult k : s.cases()) {
                String uuid = uuid(s.key() + "/" + k.id());
                String status = switch (k.status()) {
                    case PASS, WAIVED -> "passed";
                    case FAIL, DIVERGED -> "failed";
                    case ERROR -> "broken";
                    case SKIPPED -> "skipped";
                };
                String message = k.status() == CaseStatus.WAIVED ? "WAIVED by " + k.waivedBy() + ": " + waiverReason(k.waivedBy())
                        + (k.divergence() != null ? "\n" + divergenceMessage(k.divergence()) : "")
                        : k.divergence() != null ? divergenceMessage(k.divergence()) : k.message();
                String trace = k.divergence() != null ? k.divergence().text() : null;
                String severity = k.divergence() != null ? "critical" : k.status().failed() ? "normal" : "minor";
                Map<String, Object> r = result(s.key() + "/" + k.id(), k.id(), s, status, message, trace, t, t + k.durationMillis(), severity);
                t += k.durationMillis();
                @SuppressWarnings("unchecked") List<Map<String, String>> labels = (List<Map<String, String>>) r.get("labels");
                String instruction = k.labels().get(CaseResult.INSTRUCTION);
                if (instruction != null) {
                    labels.add(label("instruction", instruction));
                    labels.add(label("story", instruction));
                }
                if (k.bucket() != null) labels.add(label("bucket", k.bucket()));
                if (k.status() == CaseStatus.WAIVED) labels.add(label("tag", "waived"));
                List<Object> params = new ArrayList<>();
                for (Map.Entry<String, String> e : k.labels().entrySet()) {
                    if (!e.getKey().equals(CaseResult.INSTRUCTION)) params.add(Map.of("name", e.getKey(), "value", e.getValue()));
                }
                r.put("parameters", params);
                if (k.status() == CaseStatus.WAIVED) {
                    @SuppressWarnings("unchecked") Map<String, Object> details = (Map<String, Object>) r.get("statusDetails");
                    details.put("known", true);
                }
                List<Object> attachments = new ArrayList<>();
                Divergence d = k.divergence();
                if (d != null) {
                    attachments.add(inline(uuid, "divergence report", "text/plain", "txt", d.text()));
                    attachments.add(inline(uuid, "divergence (JSON)", "application/json", "json", ModelJson.toJson(d)));
                    if (d.reproducer() != null) attachments.add(inline(uuid, "shrunk reproducer", "text/plain", "S", d.reproducer()));
                    if (d.waveform() != null) {
                        Map<String, Object> w = file(uuid, "waveform of the shrunk failure (FST, GTKWave)", Attachment.FST, d.waveform());
                        if (w != null) attachments.add(w);
                    }
                }
                for (Attachment a : k.attachments()) {
                    Map<String, Object> m = a.content() != null ? inline(uuid, a.name(), a.type(), a.extension(), a.content()) : file(uuid, a.name(), a.type(), a.path());
                    if (m != null) attachments.add(m);
                }
                r.put("attachments", attachments);
                save(r);
            }
            if (s.unlistedPassed() > 0) {
                save(result(s.key() + "/(unlisted)", Fmt.number(s.unlistedPassed()) + " further cases passed (not listed one by one)", s, "passed",
                        null, null, t, t, "minor"));
            }
        }

        void skipped(SkippedSection k) throws IOException {
            Map<String, Object> r = base(k.key() + "/(skipped)", k.key() + " (skipped)", "skipped", "skipped: " + k.reason(), null, start, start);
            r.put("labels", labels(k.suite(), k.target() == null ? "-" : k.target(), "normal"));
            save(r);
        }

        void verdict() throws IOException {
            boolean ok = signOff.verdict().signedOff();
            Map<String, Object> r = base("(sign-off)/verdict", "verdict: " + signOff.verdict().outcome().label(), ok ? "passed" : "failed",
                    signOff.verdict().headline(), String.join("\n", signOff.verdict().reasons()), start, stop);
            r.put("labels", labels("sign-off", "verdict", "blocker"));
            List<Object> steps = new ArrayList<>();
            for (String reason : signOff.verdict().reasons()) steps.add(step(reason, ok ? "passed" : "failed"));
            for (String note : signOff.verdict().notes()) steps.add(step("note: " + note, "passed"));
            for (WaiverUse u : signOff.waivers()) {
                steps.add(step("waiver " + u.waiver().id() + " " + u.state().name().toLowerCase() + ": " + u.waiver().target() + " (owner "
                        + u.waiver().owner() + ", until " + u.waiver().expires() + ")", u.state() == WaiverUse.State.EXPIRED ? "failed" : "passed"));
            }
            r.put("steps", steps);
            String uuid = (String) r.get("uuid");
            r.put("attachments", List.of(inline(uuid, "sign-off report", "text/plain", "txt", TextReport.render(signOff))));
            save(r);
        }

        void coverage() throws IOException {
            Coverage c = run.coverage();
            if (c == null) return;
            String message = "coverage " + Fmt.percent(c.percent()) + " of " + c.total() + " bins " + (c.met() ? "meets" : "is below") + " its target "
                    + Fmt.percent(c.targetPercent()) + (c.uncovered().isEmpty() ? "" : "; uncovered: " + String.join(", ", c.uncovered()));
            Map<String, Object> r = base("(sign-off)/coverage", "coverage: " + c.model(), c.met() ? "passed" : "failed", message, null, start, stop);
            r.put("labels", labels("sign-off", "coverage", "critical"));
            String uuid = (String) r.get("uuid");
            StringBuilder table = new StringBuilder(ReportTables.coverageGroups(c).text(""));
            table.append("\nbin  group  hits\n");
            for (var b : c.bins()) table.append(b.name()).append("  ").append(b.group()).append("  ").append(b.hits()).append('\n');
            r.put("attachments", List.of(inline(uuid, "coverage table", "text/plain", "txt", table.toString())));
            save(r);
        }

        Map<String, Object> result(String key, String name, Section s, String status, String message, String trace, long from, long to,
                                   String severity) {
            Map<String, Object> r = base(key, name, status, message, trace, from, to);
            r.put("labels", labels(s.suite(), s.target().name(), severity));
            r.put("description", s.target().description() + (s.detail() == null ? "" : "; " + s.detail()));
            return r;
        }

        Map<String, Object> base(String key, String name, String status, String message, String trace, long from, long to) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("uuid", uuid(key));
            String history = md5(run.title() + "\u0000" + key);
            r.put("historyId", history);
            r.put("testCaseId", history);
            r.put("fullName", run.title() + ": " + key);
            r.put("name", name);
            r.put("status", status);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("known", false);
            details.put("muted", false);
            details.put("flaky", false);
            if (message != null) details.put("message", message);
            if (trace != null) details.put("trace", trace);
            r.put("statusDetails", details);
            r.put("stage", "finished");
            r.put("start", from);
            r.put("stop", to);
            r.put("links", List.of());
            r.put("steps", List.of());
            r.put("attachments", List.of());
            r.put("parameters", List.of());
            return r;
        }

        List<Map<String, String>> labels(String suite, String subSuite, String severity) {
            List<Map<String, String>> l = new ArrayList<>();
            l.add(label("parentSuite", run.title()));
            l.add(label("suite", suite));
            l.add(label("subSuite", subSuite));
            l.add(label("epic", run.title()));
            l.add(label("feature", suite));
            l.add(label("severity", severity));
            l.add(label("framework", "seedverify"));
            l.add(label("language", "java"));
            if (run.environment().host() != null) l.add(label("host", run.environment().host()));
            return l;
        }

        Map<String, Object> step(String name, String status) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("status", status);
            m.put("stage", "finished");
            m.put("start", start);
            m.put("stop", stop);
            m.put("steps", List.of());
            m.put("attachments", List.of());
            m.put("parameters", List.of());
            return m;
        }

        Map<String, Object> inline(String uuid, String name, String type, String ext, String content) throws IOException {
            String source = uuid + "-" + (++attachmentCount) + "-attachment." + ext;
            AtomicFiles.write(dir.resolve(source), content);
            return Map.of("name", name, "source", source, "type", type);
        }

        /** A file attachment copied in; a missing file becomes a note saying so (the report must not hide it). */
        Map<String, Object> file(String uuid, String name, String type, String path) throws IOException {
            Path p = Path.of(path);
            if (!p.isAbsolute() && runDir != null) p = runDir.resolve(p);
            if (!Files.isRegularFile(p)) return inline(uuid, name + " (missing)", "text/plain", "txt", "file not found: " + path + "\n");
            String ext = new Attachment(name, type, null, path).extension();
            String source = uuid + "-" + (++attachmentCount) + "-attachment." + ext;
            AtomicFiles.copy(p, dir.resolve(source));
            return Map.of("name", name + " (" + p.getFileName() + ")", "source", source, "type", type);
        }

        void save(Map<String, Object> result) throws IOException {
            AtomicFiles.write(dir.resolve(result.get("uuid") + "-result.json"), ModelJson.toJson(result));
        }

        String waiverReason(String id) {
            for (WaiverUse u : signOff.waivers()) if (u.waiver().id().equals(id)) return u.waiver().reason();
            return "";
        }

        void environment() throws IOException {
            StringBuilder s = new StringBuilder();
            Map<String, String> env = new LinkedHashMap<>(run.environment().asMap());
            env.put("run", run.id());
            env.put("verdict", signOff.verdict().outcome().label());
            if (run.shard() != null) env.put("shard", run.shard().toString());
            env.forEach((k, v) -> s.append(escapeKey(k)).append('=').append(escapeValue(v)).append('\n'));
            AtomicFiles.write(dir.resolve("environment.properties"), s.toString());
        }

        void categories() throws IOException {
            List<Object> cats = new ArrayList<>();
            Map<String, Object> waived = new LinkedHashMap<>();
            waived.put("name", "Waived divergences");
            waived.put("matchedStatuses", List.of("passed"));
            waived.put("messageRegex", "(?s)WAIVED by .*");
            cats.add(waived);
            for (var b : run.buckets()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", "Bucket " + b.signature());
                c.put("matchedStatuses", List.of("failed"));
                c.put("messageRegex", "(?s)DIVERGED \\[bucket " + Pattern.quote(b.signature()) + "].*");
                cats.add(c);
            }
            java.util.Set<String> kinds = new java.util.TreeSet<>();
            for (Section s : run.sections()) for (CaseResult k : s.cases()) if (k.divergence() != null) kinds.add(k.divergence().kind());
            for (String kind : kinds) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", "Divergence " + kind);
                c.put("matchedStatuses", List.of("failed"));
                c.put("messageRegex", "(?s)DIVERGED (\\[bucket .*?] )?" + Pattern.quote(kind) + "\\b.*");
                cats.add(c);
            }
            cats.add(Map.of("name", "Sign-off not granted", "matchedStatuses", List.of("failed"), "messageRegex", "(?s)(FAILED|INCOMPLETE|INTERRUPTED): .*"));
            cats.add(Map.of("name", "Coverage below its target", "matchedStatuses", List.of("failed"), "messageRegex", "(?s)coverage .* is below its target .*"));
            cats.add(Map.of("name", "Skipped", "matchedStatuses", List.of("skipped")));
            // Failures without a divergence and broken cases fall into Allure's own "Product defects" and "Test defects".
            AtomicFiles.write(dir.resolve("categories.json"), ModelJson.toJson(cats));
        }

        void executor() throws IOException {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", "SeedVerify");
            e.put("type", "seedverify");
            e.put("buildName", run.id() + (run.shard() == null ? "" : " (shard " + run.shard() + ")"));
            e.put("reportName", run.title() + ": " + signOff.verdict().outcome().label());
            AtomicFiles.write(dir.resolve("executor.json"), ModelJson.toJson(e));
        }

        String uuid(String key) { return UUID.nameUUIDFromBytes((run.id() + "\u0000" + key).getBytes(StandardCharsets.UTF_8)).toString(); }
    }

    static Map<String, String> label(String name, String value) { return Map.of("name", name, "value", value); }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** java.util.Properties escaping, without its date comment (so the file is reproducible). */
    static String escapeKey(String s) { return escape(s, true); }

    static String escapeValue(String s) { return escape(s, false); }

    private static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
