package dev.seedverify.reports.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of a section: a directed program, a kernel, a generated program (by seed), an action
 * sequence of the device.
 *
 * @param id             unique within its section (a program's file name, {@code seed 1234}, {@code gemm-int8 -O2})
 * @param status         what happened
 * @param durationMillis wall time of the case
 * @param labels         facets for grouping: {@link #INSTRUCTION}, {@link #SEED}, {@link #KERNEL}, ... (the bucket
 *                       comes from the divergence)
 * @param message        one line for people (why it failed, why it was skipped), or null
 * @param divergence     the divergence when {@code status} is {@code DIVERGED} (or {@code WAIVED}), else null
 * @param attachments    files that go with it
 * @param waivedBy       the waiver that made it pass; set only by the verdict, never by a suite
 */
public record CaseResult(String id, CaseStatus status, long durationMillis, Map<String, String> labels, String message,
                         Divergence divergence, List<Attachment> attachments, String waivedBy) {
    public static final String INSTRUCTION = "instruction";
    public static final String SEED = "seed";
    public static final String KERNEL = "kernel";
    public static final String PROGRAM = "program";

    public CaseResult {
        Checks.text(id, "case id");
        if (status == null) throw new IllegalArgumentException("case " + id + " needs a status");
        Checks.nonNegative(durationMillis, "duration of case " + id);
        labels = Checks.map(labels);
        attachments = Checks.list(attachments);
        if (status == CaseStatus.DIVERGED && divergence == null) {
            throw new IllegalArgumentException("case " + id + " is DIVERGED without a divergence");
        }
        if ((status == CaseStatus.WAIVED) != (waivedBy != null)) {
            throw new IllegalArgumentException("case " + id + ": WAIVED exactly when a waiver is named (status " + status + ", waiver " + waivedBy + ")");
        }
    }

    public static CaseResult passed(String id, long durationMillis) {
        return new CaseResult(id, CaseStatus.PASS, durationMillis, Map.of(), null, null, List.of(), null);
    }

    public static CaseResult failed(String id, long durationMillis, String message) {
        return new CaseResult(id, CaseStatus.FAIL, durationMillis, Map.of(), message, null, List.of(), null);
    }

    public static CaseResult diverged(String id, long durationMillis, Divergence divergence) {
        return new CaseResult(id, CaseStatus.DIVERGED, durationMillis, Map.of(), divergence.summary(), divergence, List.of(), null);
    }

    public static CaseResult error(String id, long durationMillis, String message) {
        return new CaseResult(id, CaseStatus.ERROR, durationMillis, Map.of(), message, null, List.of(), null);
    }

    public static CaseResult skipped(String id, String reason) {
        return new CaseResult(id, CaseStatus.SKIPPED, 0, Map.of(), reason, null, List.of(), null);
    }

    public CaseResult withLabel(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(labels);
        m.put(name, value);
        return new CaseResult(id, status, durationMillis, m, message, divergence, attachments, waivedBy);
    }

    public CaseResult withAttachment(Attachment a) {
        List<Attachment> l = new java.util.ArrayList<>(attachments);
        l.add(a);
        return new CaseResult(id, status, durationMillis, labels, message, divergence, l, waivedBy);
    }

    /** This case passed visibly by waiver {@code waiverId} (used by the verdict). */
    public CaseResult waived(String waiverId) {
        return new CaseResult(id, CaseStatus.WAIVED, durationMillis, labels, message, divergence, attachments, waiverId);
    }

    /** The bucket signature of its divergence, or null. */
    public String bucket() { return divergence == null ? null : divergence.bucket(); }
}
