package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.Backends;
import dev.seedverify.rtl.RtlBackendProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, item 9: random programs of about 50 instructions through golden + DUT lockstep, one
 * reused DUT per worker; the target is at least 200 programs/s on the 2-core machine. The floor
 * asserted is that target, far below what is measured (so a loaded machine does not fail it).
 */
class ThroughputTest {

    @Test
    void goldenAgainstGoldenRunsFarMoreThan200ProgramsPerSecond() {
        for (int threads = 1; threads <= 2; threads++) {
            Throughput.Result r = Throughput.measure(Backends.GOLDEN, 3000, threads, Throughput.FIFTY, 2);
            System.out.println(r);
            assertThat(r.diverged()).isZero();
            assertThat(r.avgInstructions()).isBetween(40.0, 60.0);
            assertThat(r.programsPerSecond()).isGreaterThan(200);
        }
    }

    /** The RTL is built with the project: unavailable is a failure, not a skip. */
    @Test
    void goldenAgainstTheRtlReusesOneSimulatorPerWorker() {
        Throughput.Result r = Throughput.measure(RtlBackendProvider.NAME, 2000, 2, Throughput.FIFTY, 2);
        System.out.println(r);
        assertThat(r.diverged()).as("programs where golden and RTL disagree").isZero();
        assertThat(r.programs()).isEqualTo(2000);
        assertThat(r.avgInstructions()).isBetween(40.0, 60.0);
        assertThat(r.programsPerSecond()).isGreaterThan(200);
    }
}
