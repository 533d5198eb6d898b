package dev.seedverify.cli;

/**
 * The input cannot be used: a bad ELF, an assembly or compile error, a malformed configuration or
 * reproducer, a run folder that is not one. The command exits with {@link ExitCodes#BAD_INPUT}.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) { super(message); }

    public BadInputException(String message, Throwable cause) { super(message, cause); }
}
