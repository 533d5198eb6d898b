package dev.seedverify.golden.asm;

import java.util.List;

/**
 * An assembly program has errors. {@link #getMessage()} starts with the first error, e.g.
 * {@code prog.S: line 7: bne: offset 5000 to 'loop' out of range [-4096, 4094]}, followed by the
 * line's text; every error found is in {@link #diagnostics()} (in line order within each pass;
 * errors of the second pass are only looked for when the first pass found none).
 */
public final class AssemblyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One error: where ({@code line} counts from 1) and what. */
    public record Diagnostic(String sourceName, int line, String lineText, String message) {

        /** {@code name: line N: message}. */
        public String location() {
            return sourceName + ": line " + line + ": " + message;
        }

        @Override
        public String toString() {
            return location() + "\n    " + lineText.strip();
        }
    }

    private final List<Diagnostic> diagnostics;

    AssemblyException(List<Diagnostic> diagnostics) {
        super(format(diagnostics));
        if (diagnostics.isEmpty()) throw new IllegalArgumentException("no diagnostics");
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every error, the first one first. */
    public List<Diagnostic> diagnostics() { return diagnostics; }

    /** The source name given to the assembler (a file or resource name). */
    public String sourceName() { return diagnostics.get(0).sourceName(); }

    /** Line number (from 1) of the first error. */
    public int line() { return diagnostics.get(0).line(); }

    /** Text of the first error's line, as written in the source. */
    public String lineText() { return diagnostics.get(0).lineText(); }

    /** The first error's message without location, e.g. {@code undefined symbol 'foo'}. */
    public String reason() { return diagnostics.get(0).message(); }

    private static String format(List<Diagnostic> ds) {
        if (ds.isEmpty()) return "no diagnostics";
        StringBuilder sb = new StringBuilder(ds.get(0).toString());
        if (ds.size() > 1) {
            sb.append("\n(").append(ds.size() - 1).append(ds.size() == 2 ? " more error)" : " more errors)");
            for (int i = 1; i < ds.size(); i++) sb.append('\n').append(ds.get(i));
        }
        return sb.toString();
    }
}
