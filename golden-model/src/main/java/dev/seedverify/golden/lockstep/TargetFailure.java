package dev.seedverify.golden.lockstep;

/**
 * A target could not go on: it hung (no instruction retired within its cycle budget), its model
 * crashed ($fatal, a failed assertion, a C++ exception) or it reported an error. The JVM and the
 * comparator survive; the failure becomes part of the divergence report.
 */
public class TargetFailure extends RuntimeException {
    public enum Kind { HANG, CRASH, ERROR }

    private final Kind kind;

    public TargetFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TargetFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
