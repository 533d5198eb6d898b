package dev.seedverify.conformance.rtl;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.ExecutionEngine;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.Lockstep;
import dev.seedverify.cosim.LockstepResult;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.RtlSimulator;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.rtl.RtlBackendProvider;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Benchmark (a reproducible command, not a test): retired instructions per second of golden+RTL
 * lockstep on a long-running scalar program, next to the RTL alone and the golden model alone
 * (both recording commits in batches as lockstep does), so the comparison cost shows as a ratio,
 * and the golden side's share of lockstep time (golden alone / lockstep) on each engine, by wall
 * time and by the thread's CPU time (lockstep, the RTL and the golden model all run on this
 * thread; CPU time is what a machine shared with other jobs distorts least).
 *
 * <pre>mvn -q -pl conformance-suite exec:java -Dexec.mainClass=dev.seedverify.conformance.rtl.LockstepThroughput -Dexec.args="2000000 5"
 * mvn -q -pl conformance-suite exec:java -Dexec.mainClass=dev.seedverify.conformance.rtl.LockstepThroughput -Dexec.args="500000 5 tile"</pre>
 */
public final class LockstepThroughput {
    /** Integer matrix multiply forever: loads, stores, MUL, nested loops (as the golden-model JMH benchmark). */
    static final String PROGRAM = """
            _start:
                la s0, mat_a
                la s1, mat_b
                li t0, 0
            init: slli t1, t0, 2
                add t2, s0, t1
                addi t3, t0, -100
                sw t3, 0(t2)
                add t2, s1, t1
                xori t3, t0, 0x55
                sw t3, 0(t2)
                addi t0, t0, 1
                li t4, 256
                blt t0, t4, init
            outer: li a0, 0
            loop_i: li a1, 0
            loop_j: li a2, 0
                li a3, 0
                slli a4, a0, 6
                add a4, a4, s0
                slli a5, a1, 2
                add a5, a5, s1
            loop_k: lw a6, 0(a4)
                lw a7, 0(a5)
                mul a6, a6, a7
                add a3, a3, a6
                addi a4, a4, 4
                addi a5, a5, 64
                addi a2, a2, 1
                li t5, 16
                blt a2, t5, loop_k
                slli t6, a0, 4
                add t6, t6, a1
                slli t6, t6, 2
                la t4, mat_c
                add t6, t6, t4
                sw a3, 0(t6)
                addi a1, a1, 1
                blt a1, t5, loop_j
                addi a0, a0, 1
                blt a0, t5, loop_i
                j outer
                .align 6
            mat_a: .space 1024
            mat_b: .space 1024
            mat_c: .space 1024
                .align 3
            tohost: .word 0
            """;

    /**
     * An Xseed loop, 9 tile instructions in every 10: loads, INT8 and MXFP8 MMA, element-wise
     * ops, requant, conversion and a store.
     */
    static final String TILE_PROGRAM = """
            _start:
                la a0, data
                li t0, 0
                li t2, 0x3a1c5e07
            fill: slli t1, t0, 2
                add t1, t1, a0
                sw t2, 0(t1)
                slli t3, t2, 5
                xor t2, t2, t3
                addi t2, t2, 0x123
                addi t0, t0, 1
                li t3, 128
                blt t0, t3, fill
                li t0, 0x40000000
                csrw xsqmul, t0
                li t0, -9
                csrw xsqshift, t0
                li t0, 0x7f7f7f7f
                csrw xsascl0, t0
                csrw xsascl1, t0
                csrw xsbscl0, t0
                csrw xsbscl1, t0
                li a1, 32
                addi a2, a0, 256
                la a3, out
            loop: tld m0, (a0), a1
                tld m1, (a2), a1
                tmma.i8 m2, m0, m1
                tmma.e4m3 m3, m0, m1
                tadd.i32 m4, m2, m2
                tquant.i8 m5, m4
                tadd.f32 m6, m3, m3
                tcvt.e4m3 m7, m6
                tst m5, (a3), a1
                j loop
                .align 5
            data: .space 512
            out:  .space 256
                .align 3
            tohost: .word 0
            """;

    private LockstepThroughput() {}

    public static void main(String[] args) {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean tiles = args.length > 2 && args[2].equals("tile");
        ElfImage image = tiles ? Assembler.assemble(TILE_PROGRAM, "xseed-loop.S") : Assembler.assemble(PROGRAM, "matmul-loop.S");
        RtlModel model = RtlModel.builtIn();
        try (RtlBackend source = new RtlBackend(model, RtlBackendProvider.NAME)) {
            RtlSimulator sim = source.simulator();
            GoldenBackend reference = new GoldenBackend(model.dramBytes());
            Hart golden = reference.hart();
            CommitLog log = new CommitLog(Lockstep.DEFAULT_BATCH);
            System.out.printf("lockstep throughput, %s workload: %,d records per round, %d rounds (%s)%n",
                    tiles ? "Xseed (9 tile instructions in 10)" : "scalar matmul", records, rounds, model.describe());
            for (int round = 1; round <= rounds; round++) {
                for (ExecutionEngine engine : ExecutionEngine.values()) {
                    golden.setEngine(engine);
                    double lock = rate(records, 0, () -> {
                        reference.loadBare(image);
                        source.loadBare(image);
                        LockstepResult r = new Lockstep(reference, source).run(records);
                        if (r.outcome() != LockstepResult.Outcome.BUDGET) throw new IllegalStateException("lockstep ended: " + r);
                    });
                    double rtl = rate(records, 1, () -> {
                        sim.loadBare(image);
                        for (long n = 0; n < records; n += log.size()) {
                            log.clear();
                            sim.run((int) Math.min(log.capacity(), records - n), log);
                        }
                    });
                    double gold = rate(records, 2, () -> {
                        BareMetal.load(golden, image);
                        golden.setCommitLog(log);
                        for (long n = 0; n < records; n += log.size()) {
                            log.clear();
                            golden.run(Math.min(log.capacity(), records - n));
                        }
                        golden.setCommitLog(null);
                    });
                    System.out.printf("round %d, golden on the %s: lockstep %.2f M instr/s | RTL alone %.2f M | golden alone %.1f M"
                                    + " | lockstep/RTL %.2f | golden share of lockstep time %.1f%% (CPU time %.1f%%)%s%n",
                            round, engine.label(), lock / 1e6, rtl / 1e6, gold / 1e6, lock / rtl, 100 * lock / gold,
                            100 * cpuSeconds[2] / cpuSeconds[0],
                            tiles ? String.format(" | lockstep %.0f k tile instr/s", lock * 0.9 / 1e3) : "");
                }
            }
        }
    }

    /** The running thread's CPU seconds of the last lockstep, RTL-alone and golden-alone run (all on this thread). */
    private static final double[] cpuSeconds = new double[3];

    private static double rate(long records, int slot, Runnable body) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        body.run();
        cpuSeconds[slot] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        return records / ((System.nanoTime() - t0) / 1e9);
    }
}
