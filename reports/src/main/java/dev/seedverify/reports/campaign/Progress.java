package dev.seedverify.reports.campaign;

/** Counts finished items of a unit's work; thread-safe, cheap enough to call once per program. */
public interface Progress {
    /** {@code n} more items finished. */
    void advance(long n);

    /** A meter that shows nothing. */
    Progress NONE = n -> { };
}
