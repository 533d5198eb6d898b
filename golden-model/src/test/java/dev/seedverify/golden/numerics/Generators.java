package dev.seedverify.golden.numerics;

import java.util.SplittableRandom;

/** Biased random operands for the oracle tests. All use caller-supplied, fixed-seed RNGs. */
final class Generators {

    private Generators() {
    }

    /** An int32 biased to the interesting places of requant: small, near 2^k, extremes. */
    static int biasedInt(SplittableRandom rnd) {
        switch (rnd.nextInt(8)) {
            case 0:
            case 1:
                return rnd.nextInt();
            case 2:
                return rnd.nextInt(-300, 301);
            case 3: {
                int k = rnd.nextInt(31);
                int sign = rnd.nextBoolean() ? 1 : -1;
                return sign * (1 << k) + rnd.nextInt(-3, 4);
            }
            case 4:
                return rnd.nextBoolean() ? Integer.MIN_VALUE + rnd.nextInt(3) : Integer.MAX_VALUE - rnd.nextInt(3);
            case 5:
                // a value with few significant bits: creates exact rounding ties downstream
                return (rnd.nextInt(-16, 17)) << rnd.nextInt(28);
            case 6:
                return rnd.nextInt() >> rnd.nextInt(32);
            default:
                return rnd.nextInt(1 << 20) - (1 << 19);
        }
    }

    /** A requant multiplier: mostly TFLite-style [2^30, 2^31), also anything else. */
    static int biasedMultiplier(SplittableRandom rnd) {
        switch (rnd.nextInt(4)) {
            case 0:
                return (1 << 30) + rnd.nextInt(1 << 30);
            case 1:
                return -((1 << 30) + rnd.nextInt(1 << 30));
            default:
                return biasedInt(rnd);
        }
    }

    /** Binary32 bits biased to special values, subnormals, binade edges and short mantissas. */
    static int biasedFloat(SplittableRandom rnd) {
        int sign = rnd.nextBoolean() ? 0x80000000 : 0;
        switch (rnd.nextInt(12)) {
            case 0:
            case 1:
            case 2:
                return rnd.nextInt();
            case 3: // subnormal, sometimes tiny
                return sign | (rnd.nextBoolean() ? rnd.nextInt(1, 1 << 23) : rnd.nextInt(1, 16));
            case 4: // zeros and infinities
                return sign | (rnd.nextBoolean() ? 0 : 0x7F800000);
            case 5: // NaN: quiet or signaling, any payload
                return sign | 0x7F800000 | (rnd.nextBoolean() ? 0x400000 | rnd.nextInt(1 << 22) : rnd.nextInt(1, 1 << 22));
            case 6: // near the top and bottom of the normal range
                return sign | ((rnd.nextBoolean() ? rnd.nextInt(252, 255) : rnd.nextInt(0, 3)) << 23)
                        | (rnd.nextBoolean() ? 0x7FFFFF - rnd.nextInt(4) : rnd.nextInt(1 << 23));
            case 7: // few mantissa bits → exact ties when added
                return sign | (rnd.nextInt(1, 255) << 23) | (rnd.nextInt(16) << 19) | (rnd.nextBoolean() ? 0 : 1);
            default: // moderate exponents
                return sign | (rnd.nextInt(100, 155) << 23) | rnd.nextInt(1 << 23);
        }
    }

    /** A second addend related to a, to provoke cancellation, ties and alignment cases. */
    static int partner(SplittableRandom rnd, int a) {
        int exp = (a >>> 23) & 0xFF;
        switch (rnd.nextInt(8)) {
            case 0:
                return a ^ 0x80000000;                           // exact cancellation
            case 1:
                return (a ^ 0x80000000) + rnd.nextInt(-3, 4);      // near cancellation
            case 2: { // half an ulp of a (exact tie), either sign, maybe ± a few ulps of itself
                int e = exp - 24;
                if (e < 1) {
                    return biasedFloat(rnd);
                }
                int half = (e << 23) | (rnd.nextBoolean() ? 0 : rnd.nextInt(-1, 2) & 0x7FFFFF);
                return (rnd.nextBoolean() ? 0x80000000 : 0) | half;
            }
            case 3: { // random alignment distance 0..40
                int e = exp - rnd.nextInt(41);
                if (e < 0 || exp == 0xFF) {
                    return biasedFloat(rnd);
                }
                return (rnd.nextBoolean() ? 0x80000000 : 0) | (e << 23) | rnd.nextInt(1 << 23);
            }
            case 4:
                return a + rnd.nextInt(-2, 3);                       // nearly equal, same sign
            default:
                return biasedFloat(rnd);
        }
    }

    /** A non-NaN E4M3 code biased to ±max, zeros and subnormals (NaNs are injected per row). */
    static int biasedE4m3(SplittableRandom rnd) {
        int sign = rnd.nextBoolean() ? 0x80 : 0;
        switch (rnd.nextInt(10)) {
            case 0:
            case 1:
                return sign | 0x7E;                                  // ±448
            case 2:
            case 3:
                return sign | rnd.nextInt(8);                        // zero / subnormal
            default:
                return sign | rnd.nextInt(0x7F);                     // any finite code
        }
    }
}
