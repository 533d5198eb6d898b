package dev.seedverify.golden.numerics.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact powers of two as BigDecimal, 2^k for k in [−MAX, MAX]. */
public final class Pow2 {

    public static final int MAX = 600;

    private static final BigDecimal[] TABLE = new BigDecimal[2 * MAX + 1];

    static {
        for (int k = 0; k <= MAX; k++) {
            BigDecimal up = new BigDecimal(BigInteger.ONE.shiftLeft(k));
            TABLE[MAX + k] = up;
            // 1 / 2^k terminates (it is 5^k · 10^−k), so the division is exact.
            TABLE[MAX - k] = BigDecimal.ONE.divide(up);
        }
    }

    private Pow2() {
    }

    /** 2^k exactly. */
    public static BigDecimal of(int k) {
        if (k < -MAX || k > MAX) {
            throw new IllegalArgumentException("2^" + k + " outside the oracle's table");
        }
        return TABLE[MAX + k];
    }
}
