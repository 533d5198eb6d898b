package dev.seedverify.conformance;

import java.util.Objects;

/**
 * What one program run reported.
 *
 * @param program    {@code group/name.S}
 * @param status     pass, fail (tohost odd: test number tohost >> 1), timeout, diverged (golden model and DUT
 *                   disagreed: see detail), or error (the target could not run it)
 * @param failedTest the failing sub-test for a FAIL with an odd tohost value, else 0
 * @param tohost     the word written to tohost (0 if none)
 * @param instret    instructions retired
 * @param steps      instructions executed, traps included (what the budget counts)
 * @param detail     free text for reports (e.g. a divergence or an error message); never null
 */
public record ProgramOutcome(String program, Status status, int failedTest, int tohost, long instret, long steps, String detail) {

    public enum Status { PASS, FAIL, TIMEOUT, DIVERGED, ERROR }

    public ProgramOutcome {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static ProgramOutcome error(String program, String detail) {
        return new ProgramOutcome(program, Status.ERROR, 0, 0, 0, 0, detail);
    }

    public boolean passed() { return status == Status.PASS; }

    /** One line: {@code PASS}, {@code FAIL (test 3)}, {@code FAIL (result)}, {@code TIMEOUT}, {@code ERROR: ...}. */
    public String verdict() {
        return switch (status) {
            case PASS -> "PASS";
            case FAIL -> failedTest != 0 ? "FAIL (test " + failedTest + ")"
                    : tohost == 1 ? "FAIL (result)" // the program passed its own checks; an outside check did not
                    : String.format("FAIL (tohost 0x%08x)", tohost);
            case TIMEOUT -> "TIMEOUT";
            case DIVERGED -> "DIVERGED";
            case ERROR -> "ERROR";
        };
    }
}
