package dev.seedverify.reports.signoff;

import java.util.List;

/** A waiver file that cannot be used; {@link #problems()} each name the file, the line and the field. */
public final class WaiverFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public WaiverFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
