package dev.seedverify.cli;

import dev.seedverify.cli.campaign.CampaignPlan;
import dev.seedverify.cosim.BackendUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The {@code seedverify} command: one entry point for running programs, campaigns, replays and
 * reports. Exit status everywhere: 0 pass, 1 fail, 2 usage, 3 bad input, 130 interrupted.
 */
@Command(name = "seedverify", mixinStandardHelpOptions = true, versionProvider = SeedVerify.Version.class,
        description = "Co-verification of the SeedChip S1: the golden model against the RTL, record by record.",
        subcommands = {RunCommand.class, TraceCommand.class, CampaignCommand.class, ReplayCommand.class, MutantsCommand.class,
                ReportCommand.class, GateCommand.class, BenchCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 pass, 1 fail, 2 usage, 3 bad input (bad ELF, assembly or compile error, malformed configuration "
                + "or reproducer), 130 interrupted.", "Run 'seedverify COMMAND --help' for a command's options."})
public final class SeedVerify implements Runnable {
    final PrintStream out;
    final PrintStream err;

    SeedVerify(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new SeedVerify(out, err));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("seedverify " + line.getCommandName() + ": " + message(e));
            line.getErr().flush();
            if (e instanceof BadInputException) return ExitCodes.BAD_INPUT;
            if (e instanceof UsageException || e instanceof CampaignPlan.UnknownTargetException || e instanceof BackendUnavailableException) {
                return ExitCodes.USAGE;
            }
            if (!(e instanceof IOException)) e.printStackTrace(line.getErr());
            return ExitCodes.FAIL;
        });
        return cl;
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** The root of a subcommand's command line. */
    static SeedVerify root(CommandLine.Model.CommandSpec spec) {
        CommandLine c = spec.commandLine();
        while (c.getParent() != null) c = c.getParent();
        return c.getCommand();
    }

    /** Wrong usage that picocli's parser cannot see (an option that needs another); exit status 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) { super(message); }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = SeedVerify.class.getResourceAsStream("/seedverify-version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"seedverify " + p.getProperty("version", "(unknown version)"), "Java " + System.getProperty("java.version")};
        }
    }
}
