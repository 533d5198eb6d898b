package dev.seedverify.golden.numerics;

/**
 * OCP FP8 E4M3 (spec §2.4): 1 sign, 4 exponent (bias 7), 3 mantissa bits; no infinities;
 * the only NaNs are S.1111.111 (0x7F, 0xFF); largest magnitude 448 (S.1111.110).
 * Only the low 8 bits of a code argument are used.
 *
 * <p>Decoding is to an integer {@code q} in units of 2^−9 ({@link #toQ}); encoding from
 * binary32 is {@code to_e4m3} of {@code tcvt.e4m3} ({@link #fromBinary32}), done with integer
 * shifts only.
 */
public final class E4M3 {

    /** Code of +448, the largest finite magnitude. */
    public static final int MAX_CODE = 0x7E;
    /** Code of the positive NaN (the one {@code to_e4m3} produces). */
    public static final int NAN_CODE = 0x7F;
    /** The exponent bias. */
    public static final int BIAS = 7;

    private static final int SIGN = 0x80;

    private E4M3() {
    }

    /** True iff the code is S.0000.mmm with m != 0 (exponent field zero, not a zero). */
    public static boolean isSubnormal(int code) {
        return (code & 0x78) == 0 && (code & 7) != 0;
    }

    /** True iff the code is S.1111.111. */
    public static boolean isNaN(int code) {
        return (code & 0x7F) == NAN_CODE;
    }

    /**
     * The value of the code as an integer q in units of 2^−9 (spec §2.4): e = 0 → q = m;
     * e &gt; 0 → q = (8 + m)·2^(e−1); negated if S. |q| ≤ 229376 (= 448·2^9) for finite codes.
     * NaN codes are not numbers: for them this returns ±245760 (what the formula gives) and never
     * throws; callers test {@link #isNaN} first.
     */
    public static int toQ(int code) {
        int e = (code >>> 3) & 0xF;
        int m = code & 0x7;
        int q = e == 0 ? m : (8 + m) << (e - 1);
        return (code & SIGN) != 0 ? -q : q;
    }

    /**
     * {@code to_e4m3(f)} of spec §2.4 on the bits of a binary32 value. Returns
     * {@code (flags << 8) | code}.
     * <ul>
     * <li>NaN (any payload, any sign) → 0x7F, NV.</li>
     * <li>±∞ → ±448 (0x7E / 0xFE), SAT.</li>
     * <li>finite: round to nearest, ties to even mantissa, onto the E4M3 grid continued past 448
     *     (the next grid point is 480 = 1.111·2^8); subnormal step 2^−9; a magnitude ≤ 2^−10
     *     becomes ±0 keeping the sign (2^−10 itself is a tie and goes to the even code 0);
     *     binary32 zeros and subnormals become ±0. A rounded magnitude above 448 (480 or more)
     *     becomes ±448 with SAT; note 464 is a tie between 448 (even) and 480 (odd) and gives
     *     448 without SAT.</li>
     * </ul>
     */
    public static int fromBinary32(int floatBits) {
        int sign = (floatBits >>> 24) & SIGN;
        int biasedExp = (floatBits >>> 23) & 0xFF;
        int fraction = floatBits & 0x7FFFFF;

        if (biasedExp == 0xFF) {
            if (fraction != 0) {
                return (XseedFlags.NV << 8) | NAN_CODE;
            }
            return (XseedFlags.SAT << 8) | sign | MAX_CODE;
        }
        if (biasedExp == 0) {
            // ±0 and binary32 subnormals (< 2^-126, far below 2^-10) round to ±0.
            return sign;
        }

        int unbiased = biasedExp - 127;           // value = 1.fraction · 2^unbiased
        if (unbiased > 8) {
            // ≥ 512: beyond 480 already, saturates whatever the rounding.
            return (XseedFlags.SAT << 8) | sign | MAX_CODE;
        }
        int significand = fraction | (1 << 23);   // 24 bits, value = significand · 2^(unbiased − 23)

        // Truncated code and the number of low significand bits that are dropped.
        int truncated;
        int dropped;
        if (unbiased >= 1 - BIAS) {
            // Normal E4M3: keep 1 hidden + 3 mantissa bits; code = e:mmm with e = unbiased + 7.
            dropped = 20;
            truncated = ((unbiased + BIAS) << 3) | ((significand >>> 20) & 0x7);
        } else {
            // Subnormal E4M3: code = q = value · 2^9 = significand · 2^(unbiased − 14).
            dropped = 14 - unbiased;              // ≥ 21 here
            if (dropped > 24) {
                // value < 2^-10 (dropped = 25 is [2^-11, 2^-10)): below half a step → ±0.
                return sign;
            }
            truncated = significand >>> dropped;
        }
        int remainder = significand & ((1 << dropped) - 1);
        int half = 1 << (dropped - 1);
        int code = truncated;
        if (remainder > half || (remainder == half && (truncated & 1) != 0)) {
            code++;                               // a carry out of mmm bumps the exponent: still right
        }
        if (code > MAX_CODE) {
            // Rounded to 480 (0x7F) or to 512 (0x80): above 448.
            return (XseedFlags.SAT << 8) | sign | MAX_CODE;
        }
        return sign | code;
    }

    /** The code of a packed {@link #fromBinary32} value. */
    public static int code(int packed) {
        return packed & 0xFF;
    }

    /** The xsstat flags of a packed {@link #fromBinary32} value. */
    public static int flags(int packed) {
        return packed >>> 8;
    }
}
