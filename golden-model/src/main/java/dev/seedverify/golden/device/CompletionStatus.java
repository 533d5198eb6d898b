package dev.seedverify.golden.device;

/** Completion statuses (spec §4.2, completion word 0 bits 15:0). */
public enum CompletionStatus {
    OK(0),
    BAD_COMMAND(1),
    BAD_ADDRESS(2),
    TRAP(3),
    WATCHDOG(4);

    private final int code;

    CompletionStatus(int code) { this.code = code; }

    public int code() { return code; }

    /** The status with {@code code}, or null. */
    public static CompletionStatus of(int code) {
        for (CompletionStatus s : values()) if (s.code == code) return s;
        return null;
    }
}
