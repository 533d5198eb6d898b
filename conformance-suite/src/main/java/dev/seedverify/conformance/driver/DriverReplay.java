package dev.seedverify.conformance.driver;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.driver.DriverBug;
import dev.seedverify.golden.exec.Memory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Replays a driver action script ({@code ci/driver-replay.sh FILE [--backend NAME] [--bug NAME|--correct] [--shrink]}):
 * prints every step with its outcome and the first failure. The backend defaults to golden; the
 * bug to the script's {@code # bug:} line ({@code --correct} runs the correct driver). Exit status
 * {@code --shrink}: a failing script is shrunk first and the shrunk script printed. Exit status
 * 0 when the script passes, 1 when it fails, 2 for bad arguments.
 */
public final class DriverReplay {
    private DriverReplay() {}

    public static void main(String[] args) throws IOException {
        Path file = null;
        String backend = Backends.GOLDEN;
        String bug = null;
        boolean correct = false, shrink = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> backend = args[++i];
                case "--bug" -> bug = args[++i];
                case "--correct" -> correct = true;
                case "--shrink" -> shrink = true;
                default -> {
                    if (file != null || args[i].startsWith("--")) {
                        System.err.println("usage: DriverReplay FILE [--backend NAME] [--bug NAME | --correct] [--shrink]");
                        System.exit(2);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            System.err.println("usage: DriverReplay FILE [--backend NAME] [--bug NAME | --correct]");
            System.exit(2);
        }
        DriverScript script = DriverScript.read(file);
        DriverBug b = correct ? null : bug != null ? DriverBug.byId(bug) : script.foundWith();
        try (Backend chip = Backends.open(backend, Memory.DEFAULT_BYTES); ScriptRunner runner = new ScriptRunner(chip)) {
            ScriptRunner.Report r = runner.run(script, b);
            if (shrink && !r.passed()) {
                DriverScript small = ScriptShrinker.shrink(script, s -> !runner.run(s, b).passed(), 5000).script();
                System.out.println("# shrunk from " + script.actions().size() + " to " + small.actions().size() + " actions:");
                System.out.print(small.text());
                r = runner.run(small, b);
            }
            System.out.println("# backend " + backend + ", driver " + (b == null ? "correct" : "with bug " + b.id()));
            System.out.print(r.text());
            System.out.println(r.passed() ? "PASSED" : "FAILED");
            System.exit(r.passed() ? 0 : 1);
        }
    }
}
