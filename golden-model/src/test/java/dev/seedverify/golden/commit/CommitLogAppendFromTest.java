package dev.seedverify.golden.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link CommitLog#appendFrom}: records move between logs with their accesses and tiles. */
class CommitLogAppendFromTest {

    private static CommitLog source() {
        CommitLog log = new CommitLog(4);
        log.begin(0, 0x8000_0000, 0x13);
        log.rd(5, 7);
        log.end(0x8000_0004);
        log.begin(1, 0x8000_0004, 0x0062_a023);
        log.scalarAccess(0x8000_0100, 4, true, 0x1234_5678);
        log.end(0x8000_0008);
        log.event(2, 1, 3, 0x8000_1000, 1, 0x10, 0x20, 0x30, 0x40);
        return log;
    }

    @Test
    void appendedRecordsEqualTheSourceRecordsIncludingTheirAccesses() {
        CommitLog src = source();
        CommitLog dst = new CommitLog(8);
        dst.begin(9, 0x8000_0200, 0x13);
        dst.scalarAccess(0x8000_0300, 4, false, 5);
        dst.end(0x8000_0204);
        dst.appendFrom(src, 1, 2);
        assertThat(dst.size()).isEqualTo(3);
        assertThat(dst.get(1)).usingRecursiveComparison().isEqualTo(src.get(1));
        assertThat(dst.get(2)).usingRecursiveComparison().isEqualTo(src.get(2));
        assertThat(dst.access(1, 0, CommitLog.MEM_ADDR)).isEqualTo(0x8000_0100);
        assertThat(dst.access(0, 0, CommitLog.MEM_ADDR)).isEqualTo(0x8000_0300);
    }

    @Test
    void appendingPastTheCapacityOrTheSourceIsRefused() {
        CommitLog src = source();
        assertThatThrownBy(() -> new CommitLog(2).appendFrom(src, 0, 3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CommitLog(8).appendFrom(src, 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
