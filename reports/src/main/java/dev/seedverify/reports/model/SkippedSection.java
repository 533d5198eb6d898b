package dev.seedverify.reports.model;

/** A section that did not run, and why ({@code --no-kernels}, the tier, a missing tool). */
public record SkippedSection(String suite, String target, String reason) {
    public SkippedSection {
        Checks.text(suite, "skipped suite");
        Checks.text(reason, "reason " + suite + " was skipped");
    }

    public String key() { return target == null ? suite : Section.key(suite, target); }
}
