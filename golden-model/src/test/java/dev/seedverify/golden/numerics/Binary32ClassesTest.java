package dev.seedverify.golden.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** binary32 operand classes agree with Java's float. */
class Binary32ClassesTest {

    @Test
    void subnormalsAreTheNonZeroValuesBelowTheSmallestNormal() {
        Random r = new Random(14);
        int[] edges = {0, Binary32.NEGATIVE_ZERO, 1, 0x007FFFFF, 0x00800000, 0x807FFFFF, 0x80800000, Binary32.POSITIVE_INFINITY, Binary32.CANONICAL_NAN};
        for (int k = 0; k < edges.length + 100_000; k++) {
            int bits = k < edges.length ? edges[k] : r.nextInt() >>> (r.nextInt(32)) | (r.nextBoolean() ? Binary32.NEGATIVE_ZERO : 0);
            float f = Float.intBitsToFloat(bits);
            boolean expected = f != 0 && !Float.isNaN(f) && Math.abs(f) < Float.MIN_NORMAL;
            assertThat(Binary32.isSubnormal(bits)).as("0x%08x", bits).isEqualTo(expected);
        }
        assertThat(Float.intBitsToFloat(Binary32.NEGATIVE_ZERO)).isEqualTo(-0.0f);
    }
}
