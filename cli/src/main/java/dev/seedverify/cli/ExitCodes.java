package dev.seedverify.cli;

/** The exit status of every {@code seedverify} command. */
public final class ExitCodes {
    /** The program passed, the campaign signed off, every reproducer passed, the gate held. */
    public static final int PASS = 0;
    /** Something failed, diverged, timed out, or did not sign off. */
    public static final int FAIL = 1;
    /** Bad usage: an unknown option or command, a missing argument, an unavailable target. */
    public static final int USAGE = 2;
    /** Bad input: a bad ELF, an assembly or compile error, a malformed configuration, reproducer or run folder. */
    public static final int BAD_INPUT = 3;
    /** Interrupted (SIGINT): the run is recorded as INTERRUPTED and can be resumed. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
