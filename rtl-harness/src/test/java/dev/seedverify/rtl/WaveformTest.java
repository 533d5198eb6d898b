package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.BackendFailure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FST waveforms switched on per run into a named file, complete once closed. */
class WaveformTest {
    private static final Path DIR = TestSupport.testOut().resolve("waves");

    /** The end time of an FST file's header block: type 0 (FST_BL_HDR), length, start time, end time (big-endian). */
    private static long fstEndTime(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            assertThat(f.read()).as("FST header block type").isZero();
            f.readLong();                      // section length
            long start = f.readLong();
            long end = f.readLong();
            assertThat(end).isGreaterThan(start);
            return end;
        }
    }

    @Test
    void traceOfOneRunIsWrittenAndClosed() throws IOException {
        Path file = DIR.resolve("small.fst");
        Files.deleteIfExists(file);
        try (RtlSimulator sim = RtlSimulator.create(RtlModel.builtIn())) {
            sim.load(TestSupport.smallProgram());
            sim.traceOpen(file);
            sim.resetBare();
            RunResult r = sim.run(10_000, 1000, new CommitLog(1000));
            assertThat(r.status()).isEqualTo(RunResult.Status.HALTED);
            sim.traceClose();
            assertThat(sim.traceFile()).contains(file.toAbsolutePath());
            long size = Files.size(file);
            assertThat(size).isGreaterThan(1000);
            // closed: the header carries the last time stamp (two per cycle, reset cycles included)
            assertThat(fstEndTime(file)).isEqualTo(2 * (r.totalCycles() + RtlSimulator.RESET_CYCLES) - 1);

            // tracing is off again: running on does not touch the closed file
            sim.resetBare();
            sim.run(10_000, 1000, new CommitLog(1000));
            assertThat(Files.size(file)).isEqualTo(size);

            // and a second run traces into another file
            Path second = DIR.resolve("second.fst");
            Files.deleteIfExists(second);
            sim.traceOpen(second);
            sim.resetBare();
            sim.run(10_000, 1000, new CommitLog(1000));
            sim.traceClose();
            assertThat(Files.size(second)).isGreaterThan(1000);
            assertThat(fstEndTime(second)).isGreaterThan(0);
        }
    }

    @Test
    void closingTheSimulatorCompletesAnOpenTrace() throws IOException {
        Path file = DIR.resolve("closed-by-destroy.fst");
        Files.deleteIfExists(file);
        try (RtlBackend src = new RtlBackend(RtlModel.builtIn(), "rtl")) {
            src.traceInto(file);
            src.loadBare(TestSupport.smallProgram());
            CommitLog log = new CommitLog(1000);
            assertThat(src.advance(log, 1000)).isEqualTo(Backend.Status.HALTED);
            assertThat(src.waveform()).contains(file.toAbsolutePath());
        }
        assertThat(Files.size(file)).isGreaterThan(1000);
        assertThat(fstEndTime(file)).isGreaterThan(0);
    }

    @Test
    void traceOfACrashedRunIsStillCompleted() throws IOException {
        Path file = DIR.resolve("crash.fst");
        Files.deleteIfExists(file);
        try (RtlSimulator sim = RtlSimulator.create(TestSupport.testTop())) {
            sim.setEcho(0);
            sim.writeWord(RtlSimulator.DRAM_BASE, TestTop.FATAL);
            sim.traceOpen(file);
            sim.resetBare();
            assertThatThrownBy(() -> sim.run(1000, 1000, null)).as("the crash under test")
                    .isInstanceOfSatisfying(RtlSimulationException.class, e -> assertThat(e.kind()).isEqualTo(BackendFailure.Kind.CRASH))
                    .hasMessageContaining("test top: fatal at cycle 100");
            assertThat(sim.isAlive()).isFalse();
            sim.traceClose();
        }
        assertThat(Files.size(file)).isGreaterThan(100);
        assertThat(fstEndTime(file)).isGreaterThan(2 * 90);
    }
}
