package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.BackendFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Nothing in a model kills the JVM: $fatal, $stop, $finish, a failed assertion, a Verilator
 * internal error and a C++ exception end the run with an exception carrying the message, the
 * records before it survive, the simulator is dead afterwards and close() still frees it.
 */
class ContainmentTest {

    /** Runs the test top in {@code mode} until it fails; returns the failure and the records before it. */
    private static RtlSimulationException crash(int mode, CommitLog log) {
        try (RtlSimulator sim = TestSupport.testTopSim(mode)) {
            RtlSimulationException e = catchThrowableOfType(() -> sim.run(100_000, log.capacity(), log),
                    RtlSimulationException.class);
            assertThat(e).as("mode %d must crash", mode).isNotNull();
            assertThat(sim.isAlive()).isFalse();
            // dead: every further use throws a clear exception
            assertThatThrownBy(() -> sim.run(10, 10, null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dead").hasMessageContaining(e.getMessage());
            assertThatThrownBy(() -> sim.readWord(RtlSimulator.DRAM_BASE)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(sim::resetBare).isInstanceOf(IllegalStateException.class);
            return e;
        } // close() frees the dead simulator
    }

    @Test
    void fatalEndsTheRunWithItsMessage() {
        CommitLog log = new CommitLog(1000);
        RtlSimulationException e = crash(TestTop.FATAL, log);
        assertThat(e).isInstanceOf(BackendFailure.class);
        assertThat(e.kind()).isEqualTo(BackendFailure.Kind.CRASH);
        assertThat(e.getMessage()).contains("s1_top.sv:").contains("test top: fatal at cycle 100");
        assertThat(e.cycle()).isEqualTo(100);
        assertThat(log.size()).isEqualTo(100);           // the records before the crash are kept
        assertThat(log.order(99)).isEqualTo(99);
    }

    @Test
    void stopIsContained() {
        CommitLog log = new CommitLog(1000);
        RtlSimulationException e = crash(TestTop.STOP, log);
        assertThat(e.getMessage()).startsWith("Verilog $stop at ").contains("s1_top.sv:");
        assertThat(log.size()).isEqualTo(50);
    }

    @Test
    void finishIsContained() {
        CommitLog log = new CommitLog(1000);
        RtlSimulationException e = crash(TestTop.FINISH, log);
        assertThat(e.getMessage()).startsWith("Verilog $finish at ").contains("s1_top.sv:");
        assertThat(log.size()).isEqualTo(40);
    }

    @Test
    void failedAssertionIsContained() {
        CommitLog log = new CommitLog(1000);
        RtlSimulationException e = crash(TestTop.ASSERTION, log);
        assertThat(e.getMessage()).contains("Assertion failed").contains("s1_top.sv:");
        assertThat(log.size()).isEqualTo(60);
    }

    @Test
    void cppExceptionInsideTheModelIsContained() {
        CommitLog log = new CommitLog(1000);
        RtlSimulationException e = crash(TestTop.EXCEPTION, log);
        assertThat(e.getMessage()).isEqualTo("C++ exception inside the model: DPI exception 30");
        assertThat(log.size()).isEqualTo(30);
    }

    @Test
    void verilatorInternalErrorIsContained() {
        CommitLog log = new CommitLog(1000);
        RtlSimulationException e = crash(TestTop.COMB_LOOP, log);
        assertThat(e.getMessage()).startsWith("Verilator fatal error").contains("did not converge");
    }

    @Test
    void modelOutputIsKept() {
        try (RtlSimulator sim = TestSupport.testTopSim(TestTop.FATAL)) {
            RtlSimulationException e = catchThrowableOfType(() -> sim.run(1000, 1000, null), RtlSimulationException.class);
            assertThat(e.modelOutput()).contains("test top: fatal at cycle 100");
            assertThat(sim.modelOutput()).contains("test top: fatal at cycle 100");
        }
    }

    @Test
    void aCrashedSimulatorDoesNotDisturbTheOthers() {
        try (RtlSimulator good = TestSupport.testTopSim(TestTop.NORMAL)) {
            crash(TestTop.FATAL, new CommitLog(1000));
            crash(TestTop.EXCEPTION, new CommitLog(1000));
            CommitLog log = new CommitLog(500);
            assertThat(good.run(1000, 500, log).status()).isEqualTo(RunResult.Status.RECORD_LIMIT);
            assertThat(log.order(499)).isEqualTo(499);
            // and the real RTL still runs in this JVM
            assertThat(RtlSimulatorTest.lockstep(RtlModel.builtIn(), TestSupport.smallProgram(), 64).passed()).isTrue();
        }
    }

    @Test
    void hangReturnsHangWithWhereItStopped() {
        try (RtlSimulator sim = TestSupport.testTopSim(TestTop.HANG)) {
            sim.setHangBudget(500);
            CommitLog log = new CommitLog(100);
            RunResult r = sim.run(1_000_000, 100, log);
            assertThat(r.status()).isEqualTo(RunResult.Status.HANG);
            assertThat(log.size()).isEqualTo(10);
            assertThat(r.lastOrder()).isEqualTo(9);
            assertThat(r.cycles()).isEqualTo(10 + 501);
            assertThat(r.message()).isEqualTo(String.format(
                    "no instruction retired in 500 cycles after order 9 at pc 0x%08x (next pc 0x%08x, core pc 0x%08x) at cycle 511",
                    RtlSimulator.DRAM_BASE + 36, RtlSimulator.DRAM_BASE + 40, sim.pc()));
            assertThat(sim.isAlive()).isTrue();                // a hang leaves the simulator usable
            assertThat(sim.gpr(3)).isNotNegative();
        }
    }

    @Test
    void hangBecomesABackendFailureInTheCoSimulationApi() {
        try (RtlSimulator sim = TestSupport.testTopSim(TestTop.HANG)) {
            sim.setHangBudget(10_000);
            RtlBackend source = new RtlBackend(sim, "test-top", "hanging test top");
            CommitLog log = new CommitLog(4096);
            BackendFailure f = catchThrowableOfType(() -> source.advance(log, 4096), BackendFailure.class);
            assertThat(f.kind()).isEqualTo(BackendFailure.Kind.HANG);
            assertThat(f.getMessage()).startsWith("no instruction retired in 10000 cycles after order 9 at pc 0x80000024");
            assertThat(log.size()).isEqualTo(10);
        }
    }

    @Test
    void crashBecomesABackendFailureInTheCoSimulationApi() {
        try (RtlBackend source = new RtlBackend(TestSupport.testTopSim(TestTop.FATAL), "test-top", "fatal test top")) {
            CommitLog log = new CommitLog(64);
            assertThat(source.advance(log, 64)).isEqualTo(Backend.Status.RUNNING);
            log.clear();
            BackendFailure f = catchThrowableOfType(() -> source.advance(log, 64), BackendFailure.class);
            assertThat(f.kind()).isEqualTo(BackendFailure.Kind.CRASH);
            assertThat(f.getMessage()).contains("fatal at cycle 100");
            assertThat(log.size()).isEqualTo(36);
            // asked again, the dead backend still answers with a CRASH failure
            BackendFailure again = catchThrowableOfType(() -> source.advance(log, 1), BackendFailure.class);
            assertThat(again.kind()).isEqualTo(BackendFailure.Kind.CRASH);
        }
    }

    @Test
    void commitPortProtocolViolationIsAnError() {
        try (RtlSimulator sim = TestSupport.testTopSim(TestTop.ROW_FLOOD)) {
            CommitLog log = new CommitLog(100);
            RtlSimulationException e = catchThrowableOfType(() -> sim.run(1000, 100, log), RtlSimulationException.class);
            assertThat(e.kind()).isEqualTo(BackendFailure.Kind.ERROR);
            assertThat(e.getMessage()).contains("more than 8 tile row accesses");
            assertThat(log.size()).isEqualTo(19);
            assertThat(sim.isAlive()).isTrue();
        }
    }

    @Test
    void testTopWithoutCrashRunsForever() {
        try (RtlSimulator sim = TestSupport.testTopSim(TestTop.NORMAL)) {
            RunResult r = sim.run(5000, Long.MAX_VALUE, null);
            assertThat(r.status()).isEqualTo(RunResult.Status.CYCLE_LIMIT);
            assertThat(r.records()).isEqualTo(5000);
            ElfImage none = new ElfImage("empty", RtlSimulator.DRAM_BASE, java.util.List.of(), java.util.Map.of());
            sim.load(none);   // clears the mode word too
            assertThat(sim.readWord(RtlSimulator.DRAM_BASE)).isZero();
        }
    }
}
