package dev.seedverify.conformance;

/**
 * Something a conformance program can run on: the golden model alone ({@link GoldenTarget}), or
 * later the golden model in lockstep with the RTL. Implementations report what the program
 * reported through tohost, or a TIMEOUT/ERROR outcome; they throw only for bugs of their own.
 */
public interface ProgramTarget {
    /** A short name for reports, e.g. {@code golden} or {@code lockstep-verilator}. */
    String name();

    /** Runs {@code program} in bare mode from reset and reports its outcome. */
    ProgramOutcome run(ConformanceProgram program);
}
