package dev.seedverify.golden.numerics.oracle;

import java.math.BigDecimal;

/**
 * Reference OCP FP8 E4M3 written from the format's definition:
 * value = (−1)^S · 2^(e−7) · (1 + m/8) for e &gt; 0, (−1)^S · 2^−6 · m/8 for e = 0, NaN for
 * S.1111.111. Encoding searches the whole non-negative grid (codes 0x00–0x7E plus the
 * extended point 0x7F ↦ 480, the value 1.111·2^8 that the code would have if it were not NaN)
 * for the nearest point, ties to the even code (= even mantissa), then saturates anything that
 * landed on 480.
 */
public final class E4M3Oracle {

    public static final int SAT = 1;
    public static final int NV = 2;

    /** Grid values of codes 0x00..0x7F (0x7F = 480, the extension point) in units of 2^−34. */
    private static final long[] GRID_UNITS_2M34 = new long[128];
    private static final BigDecimal[] GRID = new BigDecimal[128];
    /** Decoded values of all 256 codes (null for the two NaNs), computed once. */
    private static final BigDecimal[] DECODED = new BigDecimal[256];

    static {
        for (int code = 0; code < 128; code++) {
            GRID[code] = magnitude(code);
            GRID_UNITS_2M34[code] = GRID[code].multiply(Pow2.of(34)).longValueExact();
        }
        for (int code = 0; code < 256; code++) {
            if (!isNaN(code)) {
                BigDecimal v = magnitude(code & 0x7F);
                DECODED[code] = (code & 0x80) != 0 ? v.negate() : v;
            }
        }
    }

    /** A code with its flags. */
    public record Result(int code, int flags) {
        @Override
        public String toString() {
            return String.format("0x%02X flags=%d", code, flags);
        }
    }

    private E4M3Oracle() {
    }

    public static boolean isNaN(int code) {
        return (code & 0x7F) == 0x7F;
    }

    private static BigDecimal magnitude(int code) {
        int e = (code >> 3) & 0xF;
        int m = code & 7;
        BigDecimal eighths = BigDecimal.valueOf(m).divide(BigDecimal.valueOf(8));
        return e == 0
                ? Pow2.of(-6).multiply(eighths)
                : Pow2.of(e - 7).multiply(BigDecimal.ONE.add(eighths));
    }

    /** The exact value of a non-NaN code. */
    public static BigDecimal decode(int code) {
        if (isNaN(code)) {
            throw new IllegalArgumentException("NaN code " + code);
        }
        return DECODED[code & 0xFF];
    }

    /** The grid value of a non-negative code 0..0x7F, 0x7F giving the extension point 480. */
    public static BigDecimal gridValue(int code) {
        return GRID[code];
    }

    /** to_e4m3 of spec §2.4 applied to the bits of a binary32 value. */
    public static Result encode(int floatBits) {
        if (Binary32Oracle.isNaN(floatBits)) {
            return new Result(0x7F, NV);
        }
        int sign = floatBits < 0 ? 0x80 : 0;
        if (Binary32Oracle.isInfinite(floatBits)) {
            return new Result(sign | 0x7E, SAT);
        }
        BigDecimal a = Binary32Oracle.exactValue(floatBits).abs();
        int nearest = nearestGridCode(a);
        if (nearest == 0x7F) {
            return new Result(sign | 0x7E, SAT);            // rounded above 448
        }
        return new Result(sign | nearest, 0);
    }

    /**
     * The non-negative code (0..0x7F) whose grid value is nearest to a ≥ 0, ties to the even
     * code. Every grid value is a multiple of 2^−9 ≥ 2^−34 and below 2^10, so for a in
     * [2^−11, 2^10) (where every binary32 is a multiple of 2^−34) the search is done on exact
     * integers in units of 2^−34. Below 2^−11 the nearest point is 0 (the next one, 2^−9, is
     * more than 3·2^−11 away); at or above 2^10 it is the largest one, 480.
     */
    public static int nearestGridCode(BigDecimal a) {
        if (a.compareTo(Pow2.of(-11)) < 0) {
            return 0;
        }
        if (a.compareTo(Pow2.of(10)) >= 0) {
            return 0x7F;
        }
        long x = a.multiply(Pow2.of(34)).longValueExact();
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int code = 0; code < 128; code++) {
            long distance = Math.abs(x - GRID_UNITS_2M34[code]);
            if (distance < bestDistance || (distance == bestDistance && (code & 1) == 0)) {
                best = code;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Same as {@link #nearestGridCode} but with BigDecimal distances and no shortcuts (slow). */
    public static int nearestGridCodeBig(BigDecimal a) {
        int best = -1;
        BigDecimal bestDistance = null;
        for (int code = 0; code < 128; code++) {
            BigDecimal distance = a.subtract(GRID[code]).abs();
            int c = bestDistance == null ? -1 : distance.compareTo(bestDistance);
            if (c < 0 || (c == 0 && (code & 1) == 0)) {
                best = code;
                bestDistance = distance;
            }
        }
        return best;
    }
}
