package dev.seedverify.conformance.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.conformance.Tier;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.reports.AtomicFiles;
import dev.seedverify.reports.model.IsolationCounts;
import dev.seedverify.reports.model.ModelJson;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Target;
import dev.seedverify.rtl.RtlBackendProvider;
import dev.seedverify.rtl.RtlModel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The isolation property: random kernels that try to leave their window on every path, and DMA
 * ranges outside DRAM, escape 0 times and change 0 bytes outside the window. A slice here; the
 * soak tier runs 100,000 launches on the golden model and 10,000 on the RTL and records the counts
 * as a run document the reports render ({@code target/soak/isolation-run.json}).
 */
class IsolationTest {
    static final int DRAM = RtlModel.builtIn().dramBytes();

    static IsolationCheck.Result check(String backend, long seed, long launches) {
        try (Backend chip = Backends.open(backend, DRAM)) {
            return IsolationCheck.run(chip, seed, launches);
        }
    }

    @Test
    void kernelsOnTheGoldenModelNeverLeaveTheirWindow() {
        IsolationCheck.Result r = check(Backends.GOLDEN, 1, 3_000);
        assertThat(r.escapes()).isEmpty();
        assertThat(r.counts()).isEqualTo(new IsolationCounts(3_000, 0, 0));
        assertThat(r.dmaAttempts()).isGreaterThan(250);
    }

    @Test
    void kernelsOnTheRtlNeverLeaveTheirWindow() {
        IsolationCheck.Result r = check(RtlBackendProvider.NAME, 2, 400);
        assertThat(r.escapes()).isEmpty();
        assertThat(r.counts()).isEqualTo(new IsolationCounts(400, 0, 0));
    }

    @Test
    void aChipThatChangesMemoryOutsideTheWindowIsCaught() {
        try (Backend chip = new FaultyDevices.Leaky(new GoldenBackend(DRAM))) {
            IsolationCheck.Result r = IsolationCheck.run(chip, 3, 50);
            assertThat(r.holds()).isFalse();
            assertThat(r.counts().bytesChangedOutsideWindow()).isGreaterThanOrEqualTo(50);
            assertThat(r.escapes()).isNotEmpty().allSatisfy(e -> assertThat(e).contains("bytes changed outside the window"));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = Tier.PROPERTY, matches = "soak")
    void aHundredThousandLaunchesOnGoldenAndTenThousandOnTheRtlNeverEscape() throws IOException {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        IsolationCheck.Result golden = check(Backends.GOLDEN, 100, 100_000);
        long t1 = System.nanoTime();
        IsolationCheck.Result rtl = check(RtlBackendProvider.NAME, 200, 10_000);
        long t2 = System.nanoTime();
        RunResult.Builder run = RunResult.builder("isolation-soak-" + start.getEpochSecond(), "Isolation property (soak tier)").startedAt(start);
        run.section(new Section("isolation", Target.golden(), true, start, (t1 - t0) / 1_000_000, List.of(), 1, null, describe(golden)));
        run.section(new Section("isolation", new Target(RtlBackendProvider.NAME, "rtl alone"), true, start, (t2 - t1) / 1_000_000, List.of(), 1, null,
                describe(rtl)));
        run.isolation(golden.counts().plus(rtl.counts()));
        AtomicFiles.write(Path.of("target", "soak", "isolation-run.json"), ModelJson.write(run.finishedAt(Instant.now()).build()));
        System.out.println(describe(golden) + "\n" + describe(rtl));
        assertThat(golden.escapes()).isEmpty();
        assertThat(rtl.escapes()).isEmpty();
        assertThat(golden.counts()).isEqualTo(new IsolationCounts(100_000, 0, 0));
        assertThat(rtl.counts()).isEqualTo(new IsolationCounts(10_000, 0, 0));
    }

    static String describe(IsolationCheck.Result r) {
        return String.format("%s: %d launches, %d DMA attempts, %d escapes, %d bytes changed outside the window", r.backend(),
                r.counts().launches(), r.dmaAttempts(), r.counts().escapes(), r.counts().bytesChangedOutsideWindow());
    }
}
