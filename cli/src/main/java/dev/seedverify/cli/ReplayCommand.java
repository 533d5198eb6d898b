package dev.seedverify.cli;

import dev.seedverify.cli.progress.ProgressMeter;
import dev.seedverify.conformance.repro.Replay;
import dev.seedverify.rtl.RtlBackendProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seedverify replay}: reproducer files, or folders of them, on a target. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays reproducer files written by a campaign (or whole folders of them: the regression tier).",
                "Per file: PASS (golden and the target agree: the bug is gone), FAIL (they still diverge; the line says whether in the "
                        + "recorded bucket) or ERROR (the file cannot be replayed: malformed, edited, cut short, or its program does not "
                        + "halt). A malformed file does not stop the others; a folder with no reproducer is an error.",
                "  --target rtl     golden model and RTL in lockstep (default)",
                "  --target golden  the golden model alone: the file is intact and its program halts with tohost = 1",
                "  --target both    the golden check, then golden vs RTL"},
        footer = {"", "Exit status: 0 every file passed, 1 a file still diverges or could not run, 2 usage or unavailable target, "
                + "3 bad input (only malformed files, a missing path, an empty folder)."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|DIR", arity = "1..*")
    List<Path> paths;

    @Option(names = "--target", paramLabel = "NAME", defaultValue = RtlBackendProvider.NAME, description = "golden, both, rtl or a backend name (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--budget", paramLabel = "N", description = "records per program (default: each file's own)")
    Long budget;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream out = SeedVerify.root(spec).out;
        if (budget != null && budget < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--budget must be at least 1");
        List<Path> files;
        try {
            files = Replay.collect(paths);
        } catch (IOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        ProgressMeter meter = ProgressMeter.forThisProcess(SeedVerify.root(spec).err);
        Replay.Summary s;
        try {
            s = Replay.replay(files, target, budget, meter.start("replay on " + target, "reproducers", files.size())::advance);
        } finally {
            meter.done();
        }
        out.print(s.text());
        out.flush();
        return s.exitCode();
    }
}
