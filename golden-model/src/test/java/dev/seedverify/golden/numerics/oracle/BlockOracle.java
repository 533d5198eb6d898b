package dev.seedverify.golden.numerics.oracle;

import java.math.BigDecimal;

/**
 * Reference {@code tmma.e4m3} element (spec §2.4): NaN rule; then the exact real number
 * Σ decode(A[k])·decode(B[k]) · 2^(sa−127) · 2^(sb−127) (no integer q, no 2^−18 unit), rounded
 * once to binary32 (a zero sum gives +0), then added to d with the oracle's IEEE addition.
 */
public final class BlockOracle {

    private BlockOracle() {
    }

    public static Binary32Oracle.Result element(int d, byte[] a, int aOff, byte[] b, int bOff,
                                                int scaleA, int scaleB) {
        boolean nan = scaleA == 0xFF || scaleB == 0xFF || Binary32Oracle.isNaN(d);
        for (int k = 0; k < 32; k++) {
            nan |= E4M3Oracle.isNaN(a[aOff + k] & 0xFF) || E4M3Oracle.isNaN(b[bOff + k] & 0xFF);
        }
        if (nan) {
            return new Binary32Oracle.Result(Binary32Oracle.CANONICAL_NAN, Binary32Oracle.NV);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < 32; k++) {
            sum = sum.add(E4M3Oracle.decode(a[aOff + k] & 0xFF).multiply(E4M3Oracle.decode(b[bOff + k] & 0xFF)));
        }
        BigDecimal exact = sum.multiply(Pow2.of(scaleA - 127)).multiply(Pow2.of(scaleB - 127));
        int blk = Binary32Oracle.round(exact);     // round(0) = +0
        return Binary32Oracle.add(d, blk);
    }
}
