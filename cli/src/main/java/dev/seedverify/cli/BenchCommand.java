package dev.seedverify.cli;

import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.conformance.prop.Throughput;
import dev.seedverify.conformance.rtl.LockstepThroughput;
import dev.seedverify.rtl.RtlBackendProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code seedverify bench}: the throughput figures the README quotes, as reproducible commands. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures throughput on this machine:",
                "  lockstep   retired instructions per second of golden + RTL lockstep on a long scalar (or --tile: Xseed) program, "
                        + "next to the RTL alone and the golden model alone (the comparison's cost as a ratio)",
                "  programs   random ~35-instruction programs per second in lockstep (--target, --threads), with and without generation"},
        subcommands = {BenchCommand.Lockstep.class, BenchCommand.Programs.class})
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: lockstep or programs");
    }

    @Command(name = "lockstep", mixinStandardHelpOptions = true, description = "golden + RTL lockstep, RTL alone, golden alone: M instr/s per round")
    static final class Lockstep implements Callable<Integer> {
        @Option(names = "--records", paramLabel = "N", defaultValue = "2000000", description = "records per round (default: ${DEFAULT-VALUE})")
        long records;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "rounds (default: ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--tile", description = "the Xseed workload (9 tile instructions in 10) instead of the scalar matmul")
        boolean tile;

        @Override
        public Integer call() {
            if (records < 1 || rounds < 1) throw new SeedVerify.UsageException("--records and --rounds must be at least 1");
            LockstepThroughput.main(tile ? new String[] {Long.toString(records), Integer.toString(rounds), "tile"}
                    : new String[] {Long.toString(records), Integer.toString(rounds)});
            return ExitCodes.PASS;
        }
    }

    @Command(name = "programs", mixinStandardHelpOptions = true, description = "random programs per second in lockstep (the best of --rounds)")
    static final class Programs implements Callable<Integer> {
        @Option(names = "--target", paramLabel = "NAME", defaultValue = RtlBackendProvider.NAME, description = "golden or a DUT (default: ${DEFAULT-VALUE})")
        String target;

        @Option(names = "--programs", paramLabel = "N", defaultValue = "4000", description = "programs per round (default: ${DEFAULT-VALUE})")
        int programs;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "workers (default: ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "rounds (default: ${DEFAULT-VALUE})")
        int rounds;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (programs < 1 || threads < 1 || rounds < 1) throw new SeedVerify.UsageException("--programs, --threads and --rounds must be at least 1");
            SeedVerify.root(spec).out.println(Throughput.measure(target, programs, threads, Throughput.FIFTY, rounds));
            return ExitCodes.PASS;
        }
    }
}
