package dev.seedverify.golden.numerics;

/**
 * IEEE-754 binary32 arithmetic in integer operations only (spec §2.4 {@code tadd.f32} and
 * steps 3–4 of {@code tmma.e4m3}): round to nearest even, subnormals kept on input and output
 * (no flush to zero), overflow to ±∞, every NaN result is {@link #CANONICAL_NAN}.
 *
 * <p>{@link #add} returns a packed long: low 32 bits the result bits, bits 32..33 the xsstat
 * flags ({@code (long) flags << 32}); unpack with {@link #result} and {@link #flags}.
 */
public final class Binary32 {

    /** The only NaN the chip produces. */
    public static final int CANONICAL_NAN = 0x7FC00000;
    /** +∞. */
    public static final int POSITIVE_INFINITY = 0x7F800000;

    private static final int SIGN = 0x80000000;
    private static final int MAGNITUDE = 0x7FFFFFFF;
    private static final int HIDDEN = 1 << 23;
    private static final long NAN_RESULT = ((long) XseedFlags.NV << 32) | CANONICAL_NAN;

    /**
     * Guard bits kept below a significand while aligning operands for an addition. With 32 of
     * them an alignment shift of up to 32 loses nothing. Beyond that the smaller operand is
     * below 2^23 on this grid while the rounding point of the (then necessarily normal, at most
     * 1-bit-cancelled) sum is at bit 31 or higher, so the sum can be neither a tie nor cross a
     * rounding boundary; the bits shifted out are still OR-ed into a sticky bit at position 0,
     * the textbook guard/round/sticky structure an RTL adder will have.
     */
    private static final int GUARD = 32;

    private Binary32() {
    }

    /** −0. */
    public static final int NEGATIVE_ZERO = 0x80000000;

    /** True iff the bits are a subnormal (exponent field zero, fraction not), either sign. */
    public static boolean isSubnormal(int bits) {
        int mag = bits & MAGNITUDE;
        return mag != 0 && mag < HIDDEN;
    }

    /** True iff the bits are a NaN (quiet or signaling, any payload). */
    public static boolean isNaN(int bits) {
        return (bits & MAGNITUDE) > POSITIVE_INFINITY;
    }

    /** The result bits of a packed value from {@link #add} or {@link E4M3Block#element}. */
    public static int result(long packed) {
        return (int) packed;
    }

    /** The xsstat flags of a packed value from {@link #add} or {@link E4M3Block#element}. */
    public static int flags(long packed) {
        return (int) (packed >>> 32);
    }

    /**
     * IEEE-754 binary32 addition a + b, round to nearest even, subnormals kept, overflow to ±∞.
     * An exact zero sum is +0, except (−0) + (−0) = −0. If either operand is a NaN (quiet or
     * signaling) or the operation is ∞ − ∞, the result is {@link #CANONICAL_NAN} and NV is set.
     */
    public static long add(int a, int b) {
        int magA = a & MAGNITUDE;
        int magB = b & MAGNITUDE;

        // Specials: NaN operands, infinities.
        if (magA > POSITIVE_INFINITY || magB > POSITIVE_INFINITY) {
            return NAN_RESULT;
        }
        if (magA == POSITIVE_INFINITY) {
            if (magB == POSITIVE_INFINITY && a != b) {
                return NAN_RESULT;            // +∞ + −∞
            }
            return a & 0xFFFFFFFFL;
        }
        if (magB == POSITIVE_INFINITY) {
            return b & 0xFFFFFFFFL;
        }

        // Zeros: x + ±0 = x exactly; ±0 + ±0 is −0 only if both are −0.
        if (magB == 0) {
            return magA == 0 ? (a & b) & 0xFFFFFFFFL : a & 0xFFFFFFFFL;
        }
        if (magA == 0) {
            return b & 0xFFFFFFFFL;
        }

        // Order by magnitude so that |big| ≥ |small| (bit patterns of finite magnitudes order
        // like their values).
        int big = a;
        int small = b;
        if (magB > magA) {
            big = b;
            small = a;
        }

        // Both non-zero and finite: value = sig · 2^(exp − 150), with exp = 1 for subnormals.
        int expBig = (big >>> 23) & 0xFF;
        int expSmall = (small >>> 23) & 0xFF;
        long sigBig = (big & 0x7FFFFF) | (expBig != 0 ? HIDDEN : 0);
        long sigSmall = (small & 0x7FFFFF) | (expSmall != 0 ? HIDDEN : 0);
        if (expBig == 0) {
            expBig = 1;
        }
        if (expSmall == 0) {
            expSmall = 1;
        }

        // Align on a common grid of 2^(expBig − 150 − GUARD).
        long x = sigBig << GUARD;
        long y = sigSmall << GUARD;
        int distance = expBig - expSmall;
        if (distance > 0) {
            if (distance >= 63) {
                y = 1;                        // entirely below the grid: sticky only
            } else {
                long lost = y & ((1L << distance) - 1);
                y = (y >>> distance) | (lost != 0 ? 1 : 0);
            }
        }

        long magnitude = (big ^ small) < 0 ? x - y : x + y;   // ≥ 0 since |big| ≥ |small|
        if (magnitude == 0) {
            return 0;                         // x + (−x) = +0 under round to nearest
        }
        return roundMagnitude(big & SIGN, magnitude, expBig - 150 - GUARD) & 0xFFFFFFFFL;
    }

    /**
     * Rounds the exact value {@code p · 2^exp2} to binary32 with one round-to-nearest-even step,
     * subnormals kept, overflow to ±∞. p = 0 gives +0.0; a non-zero p whose value rounds to zero
     * gives a zero with the sign of p (IEEE-754 underflow). Valid for |p| &lt; 2^62 and any
     * exp2 (the block path uses |p| &lt; 2^42 and exp2 in [−272, 236]).
     */
    public static int roundScaled(long p, int exp2) {
        if (p == 0) {
            return 0;
        }
        if (p < 0) {
            return roundMagnitude(SIGN, -p, exp2);
        }
        return roundMagnitude(0, p, exp2);
    }

    /**
     * Rounds {@code magnitude · 2^exp2} (magnitude in [1, 2^62]) to binary32, RNE, and puts
     * {@code sign} (0 or 0x80000000) on it.
     */
    private static int roundMagnitude(int sign, long magnitude, int exp2) {
        int top = 63 - Long.numberOfLeadingZeros(magnitude);   // index of the leading 1
        // value in [2^(top+exp2), 2^(top+exp2+1)); compare in long to avoid int overflow.
        long exponent = (long) top + exp2;
        if (exponent > 127) {
            return sign | POSITIVE_INFINITY;
        }

        // Number of low bits of magnitude below the result's ulp: the ulp is 2^(exponent − 23)
        // for normals and 2^−149 for subnormals.
        long ulpExp = exponent >= -126 ? exponent - 23 : -149;
        long drop = ulpExp - exp2;

        long significand;                  // result in units of the ulp, before renormalising
        if (drop <= 0) {
            // Exact: an integer number of ulps; −drop ≤ 23 − top, so no bits are lost.
            significand = magnitude << -drop;
        } else if (drop > top + 1) {
            // Less than half an ulp of the smallest subnormal: rounds to zero.
            return sign;
        } else {
            int d = (int) drop;            // 1..63
            significand = magnitude >>> d;
            long remainder = magnitude & ((1L << d) - 1);   // d = 63: Long.MAX_VALUE mask
            long half = 1L << (d - 1);
            if (remainder > half || (remainder == half && (significand & 1) != 0)) {
                significand++;
            }
        }

        // significand is now in [2^23, 2^24] for normal results, [0, 2^23] for subnormal ones.
        // Packing "(biased exponent − 1) << 23 + significand" lets the hidden bit (and a
        // rounding carry to 2^24) increment the exponent field; for subnormals the field is 0
        // and a carry to 2^23 yields the smallest normal.
        int biasedMinusOne = exponent >= -126 ? (int) exponent + 126 : 0;
        int bits = (biasedMinusOne << 23) + (int) significand;
        if (bits >= POSITIVE_INFINITY) {
            return sign | POSITIVE_INFINITY;   // rounded up past the largest finite value
        }
        return sign | bits;
    }
}
