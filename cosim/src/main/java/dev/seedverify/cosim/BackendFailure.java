package dev.seedverify.cosim;

/**
 * A backend could not go on: it hung (nothing retired or completed within its cycle budget), its
 * model crashed ($fatal, a failed assertion, a C++ exception) or it reported an error. The JVM and
 * the comparator survive; the failure becomes part of the divergence report.
 */
public class BackendFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { HANG, CRASH, ERROR }

    private final Kind kind;

    public BackendFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BackendFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
