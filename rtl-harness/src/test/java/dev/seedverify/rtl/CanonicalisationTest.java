package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import org.junit.jupiter.api.Test;

import static dev.seedverify.golden.commit.CommitLog.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native side writes canonical records in CommitLog's layout: tile row accesses attached to
 * the next record, tile data when a tile is written, junk in fields without their flag removed,
 * data outside the byte masks zeroed. Driven by the test top's TILES and SCALAR modes.
 */
class CanonicalisationTest {

    @Test
    void rowAccessesAndTileWrites() {
        try (RtlSimulator sim = TestSupport.testTopSim(TestTop.TILES)) {
            CommitLog log = new CommitLog(64);
            log.begin(0, 0, 0);     // a record already in the log: MEM_FIRST must be rebased
            log.scalarAccess(0, 0xF, 0, 1, 0);
            log.end(0);
            RunResult r = sim.run(40 * 4, log.capacity() - log.size(), log);
            assertThat(r.status()).isEqualTo(RunResult.Status.CYCLE_LIMIT);
            assertThat(log.size()).isEqualTo(1 + 40);
            for (int i = 1; i < log.size(); i++) {
                int c = 4 * i;                       // the test top's cycle counter at this record
                assertThat(log.order(i)).isEqualTo(c - 1);
                assertThat(log.flags(i)).as("flags %d", i).isEqualTo(FLAG_TILE_WRITE);
                assertThat(log.rdAddr(i)).isZero();
                assertThat(log.rdWdata(i)).isZero();                          // junk 0xdeadbeef of x0
                assertThat(log.field(i, CSR_ADDR)).isZero();                   // junk without csr flags
                assertThat(log.field(i, CSR_RDATA)).isZero();
                assertThat(log.field(i, CSR_WDATA)).isZero();
                assertThat(log.field(i, CAUSE)).isZero();                      // junk without trap
                assertThat(log.field(i, TVAL)).isZero();
                assertThat(log.tileIndex(i)).isEqualTo((c >> 2) & 7);
                for (int w = 0; w < TILE_INTS; w++) assertThat(log.tileWord(i, w)).isEqualTo(c ^ 0xA5A50000);
                assertThat(log.memCount(i)).isEqualTo(3);
                // row read at c-3, full row write at c-2, 8-byte (tstn) write at c-1
                assertRow(log, i, 0, c - 3, -1, 0, 8);
                assertRow(log, i, 1, c - 2, 0, -1, 8);
                assertRow(log, i, 2, c - 1, 0, 0xFF, 2);
            }
        }
    }

    private static void assertRow(CommitLog log, int i, int k, int c, int rmask, int wmask, int words) {
        assertThat(log.access(i, k, MEM_ADDR)).isEqualTo(0x8000_2000 + c * 32);
        assertThat(log.access(i, k, MEM_RMASK)).isEqualTo(rmask);
        assertThat(log.access(i, k, MEM_WMASK)).isEqualTo(wmask);
        for (int w = 0; w < ACCESS_DATA_INTS; w++) {
            int expect = w < words ? c : 0;
            assertThat(log.access(i, k, MEM_RDATA + w)).isEqualTo(rmask != 0 ? expect : 0);
            assertThat(log.access(i, k, MEM_WDATA + w)).isEqualTo(wmask != 0 ? expect : 0);
        }
    }

    @Test
    void scalarLanesCsrFlagsAndTraps() {
        try (RtlSimulator sim = TestSupport.testTopSim(TestTop.SCALAR)) {
            CommitLog log = new CommitLog(64);
            assertThat(sim.run(1000, 64, log).status()).isEqualTo(RunResult.Status.RECORD_LIMIT);
            for (int i = 0; i < log.size(); i++) {
                int c = i + 1;
                switch (c & 3) {
                    case 1, 3 -> {    // load of lane 1, CSR read
                        assertThat(log.flags(i)).isEqualTo(FLAG_CSR_READ);
                        assertThat(log.rdAddr(i)).isEqualTo(5);
                        assertThat(log.rdWdata(i)).isEqualTo(c);
                        assertThat(log.memCount(i)).isEqualTo(1);
                        assertThat(log.access(i, 0, MEM_ADDR)).isEqualTo(0x8000_1000);
                        assertThat(log.access(i, 0, MEM_RMASK)).isEqualTo(0b0010);
                        assertThat(log.access(i, 0, MEM_WMASK)).isZero();
                        assertThat(log.access(i, 0, MEM_RDATA)).isEqualTo(0x0000_CC00);
                        assertThat(log.access(i, 0, MEM_WDATA)).isZero();
                        assertThat(log.csrAddr(i)).isEqualTo(0x340);
                        assertThat(log.csrRdata(i)).isEqualTo(0x77);
                        assertThat(log.csrWdata(i)).isZero();
                    }
                    case 2 -> {       // trap: x0 junk removed, cause and tval kept
                        assertThat(log.flags(i)).isEqualTo(FLAG_TRAP);
                        assertThat(log.cause(i)).isEqualTo(2);
                        assertThat(log.tval(i)).isEqualTo(0x13);
                        assertThat(log.rdWdata(i)).isZero();
                        assertThat(log.memCount(i)).isZero();
                    }
                    default -> {      // store of lanes 2-3, CSR write
                        assertThat(log.flags(i)).isEqualTo(FLAG_CSR_WRITE);
                        assertThat(log.access(i, 0, MEM_ADDR)).isEqualTo(0x8000_1004);
                        assertThat(log.access(i, 0, MEM_WMASK)).isEqualTo(0b1100);
                        assertThat(log.access(i, 0, MEM_WDATA)).isEqualTo(0x1234_0000);
                        assertThat(log.access(i, 0, MEM_RDATA)).isZero();
                        assertThat(log.csrAddr(i)).isEqualTo(0x341);
                        assertThat(log.csrRdata(i)).isZero();
                        assertThat(log.csrWdata(i)).isEqualTo(0x88);
                    }
                }
            }
        }
    }
}
