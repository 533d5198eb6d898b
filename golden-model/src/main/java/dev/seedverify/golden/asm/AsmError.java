package dev.seedverify.golden.asm;

/** An error in one statement; the assembler adds the source name, line number and text. */
final class AsmError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AsmError(String message) {
        super(message, null, false, false);
    }
}
