package dev.seedverify.bench;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.ExecutionEngine;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.StopReason;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Golden-model throughput. Scores are operations per second: instructions for the scalar
 * programs (on each engine), multiply-accumulates for tmma.i8 and tmma.e4m3.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GoldenModelBenchmark {
    /** Instructions per benchmark invocation. */
    static final int STEPS = 1_000_000;
    /** tmma.i8 instructions per invocation and MACs each (8 x 8 x 32). */
    static final int TMMA_STEPS = 90_000;
    static final int MACS_PER_TMMA = 2048;
    static final int TMMA_LOOP_BODY = 9;

    @State(Scope.Thread)
    public static class Scalar {
        @Param({"matmul", "crc32"})
        public String program;

        @Param({"false", "true"})
        public boolean records;

        @Param({"interpreter", "translator"})
        public String engine;

        Hart hart;
        CommitLog log;

        @Setup(Level.Trial)
        public void setUp() {
            hart = loaded("bench/" + program + ".S");
            hart.setEngine(ExecutionEngine.parse(engine));
            if (records) {
                log = new CommitLog(4096);
                hart.setCommitLog(log);
            }
        }
    }

    @State(Scope.Thread)
    public static class Tiles {
        @Param({"tmma_i8", "tmma_e4m3"})
        public String program;

        Hart hart;

        @Setup(Level.Trial)
        public void setUp() {
            hart = loaded("bench/" + program + ".S");
            hart.run(2_000); // past the set-up code, into the tmma loop
        }
    }

    static Hart loaded(String resource) {
        Hart hart = new Hart(new Memory(Memory.DEFAULT_BYTES));
        BareMetal.load(hart, Assembler.assembleResource(resource));
        return hart;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long scalarInstructions(Scalar s) {
        Hart hart = s.hart;
        long end = hart.order() + STEPS;
        while (hart.order() < end) {
            StopReason stop = hart.run(end - hart.order());
            if (s.log != null) s.log.clear();
            if (stop != StopReason.BUDGET && stop != StopReason.LOG_FULL) throw new IllegalStateException("stopped: " + stop);
        }
        return hart.x(10);
    }

    /** Reported as MAC/s: 8 of every 9 loop instructions are tmma (tmma.i8 or tmma.e4m3). */
    @Benchmark
    @OperationsPerInvocation(TMMA_STEPS / TMMA_LOOP_BODY * 8 * MACS_PER_TMMA)
    public int tmmaMacs(Tiles t) {
        t.hart.run(TMMA_STEPS);
        return t.hart.tiles().word(2, 0);
    }
}
