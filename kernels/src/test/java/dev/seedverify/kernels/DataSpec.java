package dev.seedverify.kernels;

import java.util.SplittableRandom;

/**
 * How a case's tensors are filled, as two shrinkable numbers: a flavour, ordered from the
 * simplest to the richest, and a seed. Shrinking moves to a simpler flavour (all zeros, small
 * values, one non-zero element) and a smaller seed while the failure stays, without regenerating
 * shapes: the data are a function of (flavour, seed, tensor size, stream).
 */
public record DataSpec(Flavour flavour, long seed) {
    public enum Flavour {
        /** Every element 0 (E4M3 +0, UE8M0 1.0). */
        ZERO,
        /** Values in -2..2. */
        SMALL,
        /** Zeros except one element, an extreme. */
        ONE_HOT,
        /** Uniform over the whole range. */
        UNIFORM,
        /** Uniform, with the extremes over-represented (int8 -128/127, E4M3 NaN/+-448/subnormals, scales 0/254/0xFF). */
        EXTREMES
    }

    private SplittableRandom random(int stream) { return new SplittableRandom(seed * 1_000_003L + stream); }

    public byte[] int8(int n, int stream) {
        SplittableRandom r = random(stream);
        byte[] b = new byte[n];
        switch (flavour) {
            case ZERO -> { }
            case SMALL -> { for (int i = 0; i < n; i++) b[i] = (byte) r.nextInt(-2, 3); }
            case ONE_HOT -> { if (n > 0) b[r.nextInt(n)] = r.nextBoolean() ? (byte) -128 : (byte) 127; }
            case UNIFORM -> { for (int i = 0; i < n; i++) b[i] = (byte) r.nextInt(-128, 128); }
            case EXTREMES -> {
                for (int i = 0; i < n; i++) {
                    int p = r.nextInt(8);
                    b[i] = (byte) (p == 0 ? -128 : p == 1 ? 127 : p == 2 ? -1 : r.nextInt(-128, 128));
                }
            }
        }
        return b;
    }

    public int[] int32(int n, int bound, int stream) {
        SplittableRandom r = random(stream);
        int[] v = new int[n];
        switch (flavour) {
            case ZERO -> { }
            case SMALL -> { for (int i = 0; i < n; i++) v[i] = r.nextInt(-2, 3); }
            case ONE_HOT -> { if (n > 0) v[r.nextInt(n)] = bound; }
            case UNIFORM -> { for (int i = 0; i < n; i++) v[i] = r.nextInt(-bound, bound + 1); }
            case EXTREMES -> { for (int i = 0; i < n; i++) v[i] = r.nextInt(4) == 0 ? (r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE) : r.nextInt(-bound, bound + 1); }
        }
        return v;
    }

    private static final byte[] SPECIAL_CODES = {0x7F, (byte) 0xFF, 0x7E, (byte) 0xFE, 0x01, (byte) 0x81, 0x08, 0x00, 0x07, (byte) 0x87};

    /** E4M3 codes. */
    public byte[] codes(int n, int stream) {
        SplittableRandom r = random(stream);
        byte[] b = new byte[n];
        switch (flavour) {
            case ZERO -> { }
            case SMALL -> { for (int i = 0; i < n; i++) b[i] = (byte) (0x30 + r.nextInt(16) | (r.nextBoolean() ? 0x80 : 0)); }
            case ONE_HOT -> { if (n > 0) b[r.nextInt(n)] = SPECIAL_CODES[r.nextInt(SPECIAL_CODES.length)]; }
            case UNIFORM -> {
                for (int i = 0; i < n; i++) {
                    int c = r.nextInt(256);
                    b[i] = (byte) ((c & 0x7F) == 0x7F ? c & 0xFE : c);
                }
            }
            case EXTREMES -> { for (int i = 0; i < n; i++) b[i] = r.nextInt(6) == 0 ? SPECIAL_CODES[r.nextInt(SPECIAL_CODES.length)] : (byte) r.nextInt(256); }
        }
        return b;
    }

    private static final int[] SPECIAL_SCALES = {0, 1, 127, 200, 254, 0xFF};

    /** UE8M0 scales. */
    public byte[] scales(int n, int stream) {
        SplittableRandom r = random(stream);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) switch (flavour) {
                case ZERO, ONE_HOT -> 127;
                case SMALL -> 127 + r.nextInt(-2, 3);
                case UNIFORM -> 127 + r.nextInt(-8, 9);
                case EXTREMES -> r.nextInt(8) == 0 ? SPECIAL_SCALES[r.nextInt(SPECIAL_SCALES.length)] : 127 + r.nextInt(-8, 9);
            };
        }
        return b;
    }
}
