package dev.seedverify.golden.exec;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DRAM digest: defined word by word (so the RTL harness's native copy can be checked against
 * it, see rtl-harness ArchStateBackdoorTest), zero for zeroed memory, sensitive to every word's
 * value and position.
 */
class DramDigestTest {

    /** The definition, one word at a time. */
    private static long reference(byte[] b) {
        long sum = 0;
        for (int i = 0; i < b.length / 4; i++) {
            long w = (b[4 * i] & 0xFF) | (b[4 * i + 1] & 0xFF) << 8 | (b[4 * i + 2] & 0xFF) << 16 | (long) (b[4 * i + 3] & 0xFF) << 24;
            if (w != 0) sum += DramDigest.mix64((long) i << 32 | w);
        }
        return sum;
    }

    @Test
    void isTheSumOfTheMixedNonZeroWordsWithTheirIndex() {
        Random r = new Random(5);
        for (int len : new int[] {4, 8, 12, 64, 4100}) {
            byte[] b = new byte[len];
            r.nextBytes(b);
            for (int i = 0; i < len; i += 12) b[i] = b[i + 1] = b[i + 2] = b[i + 3] = 0;   // some zero words
            assertThat(DramDigest.of(b, 0, len)).as("%d bytes", len).isEqualTo(reference(b));
        }
    }

    @Test
    void zeroedMemoryDigestsToZero() {
        assertThat(new Memory(Memory.MIN_BYTES).digest()).isZero();
    }

    @Test
    void everyWordValueAndPositionCounts() {
        Memory m = new Memory(Memory.MIN_BYTES);
        m.storeWord(8, 0x1234);
        long a = m.digest();
        assertThat(a).isNotZero();
        m.storeWord(8, 0);
        m.storeWord(12, 0x1234);
        assertThat(m.digest()).as("same word, next position").isNotEqualTo(a).isNotZero();
        m.storeWord(12, 0);
        m.storeByte(8, 0x34);
        m.storeByte(9, 0x12);
        assertThat(m.digest()).as("the same bytes written another way").isEqualTo(a);
        m.storeByte(Memory.MIN_BYTES - 1, 1);
        assertThat(m.digest()).as("the last byte of DRAM").isNotEqualTo(a);
    }

    /** Memory recomputes only the pages written since the last digest: every write path must mark its pages. */
    @Test
    void memoryDigestFollowsEveryWritePath() {
        Memory m = new Memory(Memory.MIN_BYTES);
        byte[] copy = new byte[Memory.MIN_BYTES];
        java.util.function.Supplier<Long> whole = () -> {
            m.read(0, copy, 0, copy.length);
            return DramDigest.of(copy, 0, copy.length);
        };
        Memory.Image empty = m.snapshot();
        assertThat(m.digest()).isEqualTo(whole.get());
        m.storeWord(4096 + 8, 5);
        assertThat(m.digest()).isEqualTo(whole.get()).isNotZero();
        m.storeHalf(2 * 4096 + 2, 7);
        assertThat(m.digest()).isEqualTo(whole.get());
        m.storeByte(3 * 4096 + 3, 9);
        assertThat(m.digest()).isEqualTo(whole.get());
        m.write(5000, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, 9);
        assertThat(m.digest()).isEqualTo(whole.get());
        m.fill(10_000, 9000, (byte) 3);
        assertThat(m.digest()).isEqualTo(whole.get());
        m.move(10_000, 40_000, 6000);
        assertThat(m.digest()).isEqualTo(whole.get());
        m.restore(empty);
        assertThat(m.digest()).isEqualTo(whole.get()).isZero();
        m.fill(0, 64, (byte) 1);
        m.clear();
        assertThat(m.digest()).isZero();
    }

    @Test
    void anOffsetSliceIsDigestedFromItsOwnWordZero() {
        byte[] b = new byte[16];
        b[4] = 7;
        assertThat(DramDigest.of(b, 4, 12)).isEqualTo(DramDigest.of(new byte[] {7, 0, 0, 0}, 0, 4));
        assertThatThrownBy(() -> DramDigest.of(b, 0, 6)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole words");
    }
}
