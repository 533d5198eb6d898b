package dev.seedverify.cli;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seedverify trace}: the commit trace of a run, one line per retired instruction. */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the commit trace of a program (ELF, .S or .c) in bare mode, one line per record: order, pc, instruction word, "
                + "disassembly, effects (registers, memory, CSRs, traps), like objdump of the run. Then the PASS/FAIL/TIMEOUT line."},
        footer = {"", "Exit status: 0 PASS, 1 FAIL or TIMEOUT, 2 usage, 3 bad input."})
final class TraceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROGRAM")
    Path program;

    @Option(names = "--on", paramLabel = "TARGET", defaultValue = Backends.GOLDEN, description = "golden, rtl or a backend name (default: ${DEFAULT-VALUE})")
    String on;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "10000000", description = "records before the run is a TIMEOUT (default: ${DEFAULT-VALUE})")
    long budget;

    @Option(names = "--dram", paramLabel = "SIZE", defaultValue = "1M", description = "DRAM size (default: ${DEFAULT-VALUE})")
    String dram;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the trace to FILE instead of standard output")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintStream out = SeedVerify.root(spec).out;
        if (budget < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--budget must be at least 1");
        int dramBytes = ProgramImages.dram(dram);
        ElfImage image = ProgramImages.load(program);
        try (Backend b = Backends.open(on, dramBytes)) {
            b.loadBare(image);
            Writer w = output == null ? new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)) : Files.newBufferedWriter(output);
            CommitLog log = new CommitLog(4096);
            long records = 0;
            Backend.Status s = Backend.Status.RUNNING;
            try {
                while (records < budget && s != Backend.Status.HALTED) {
                    log.clear();
                    s = b.advance(log, (int) Math.min(log.capacity(), budget - records));
                    records += log.size();
                    RunCommand.trace(log, w);
                }
            } finally {
                if (output == null) w.flush();
                else w.close();
            }
            if (s != Backend.Status.HALTED) {
                out.println("TIMEOUT after " + records + " records on " + on);
                return ExitCodes.FAIL;
            }
            int tohost = b.tohostValue();
            out.printf("%s tohost=0x%08x records=%d on %s%n", tohost == 1 ? "PASS" : "FAIL", tohost, records, on);
            return tohost == 1 ? ExitCodes.PASS : ExitCodes.FAIL;
        }
    }
}
