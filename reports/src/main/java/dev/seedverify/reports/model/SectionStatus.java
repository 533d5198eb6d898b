package dev.seedverify.reports.model;

/** A section's state, derived from its cases ({@link Section#status()}). */
public enum SectionStatus {
    /** Every case passed. */
    PASSED,
    /** Every case passed, some of them by waiver. */
    PASSED_WITH_WAIVERS,
    /** Some case failed, diverged or could not run. */
    FAILED,
    /** The section itself could not run (the DUT was unavailable, a build failed). */
    ERROR,
    /** It stopped before its end, or some of its cases were skipped. */
    INCOMPLETE,
    /** It ran no case at all: an empty folder is not a pass. */
    EMPTY;

    public boolean passed() { return this == PASSED || this == PASSED_WITH_WAIVERS; }

    public boolean failed() { return this == FAILED || this == ERROR; }

    /** For tables: {@code PASS}, {@code PASS*} (waived), {@code FAIL}, ... */
    public String label() {
        return switch (this) {
            case PASSED -> "PASS";
            case PASSED_WITH_WAIVERS -> "PASS (waived)";
            case FAILED -> "FAIL";
            case ERROR -> "ERROR";
            case INCOMPLETE -> "INCOMPLETE";
            case EMPTY -> "EMPTY";
        };
    }
}
