package dev.seedverify.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a {@code seedverify} command line in this JVM, capturing what it prints. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8); PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = SeedVerify.execute(args, po, pe);
        }
        return new Cli(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** The first line of standard output that starts with one of the verdicts. */
    String headline() {
        return out.lines().filter(l -> l.matches("^(SIGNED OFF|FAILED|INCOMPLETE|INTERRUPTED): .*")).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict line in:\n" + out + "\nstderr:\n" + err));
    }

    @Override
    public String toString() { return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err; }
}
