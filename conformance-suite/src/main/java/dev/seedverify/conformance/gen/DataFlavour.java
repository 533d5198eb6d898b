package dev.seedverify.conformance.gen;

import dev.seedverify.golden.numerics.E4M3;

import java.util.SplittableRandom;

/**
 * What a 256-byte data block holds: interesting values for one view of a tile (spec §2.1), so
 * that tile loads feed the Xseed units saturating, NaN, subnormal and overflowing inputs.
 */
public enum DataFlavour {
    I8_EDGE("i8 edge values (0, +-1, 127, -128) and random bytes"),
    I32_EDGE("i32 edge values (0, +-1, INT_MAX, INT_MIN, 2^30, ...) and random words"),
    F32_SPECIAL("binary32 specials (+-0, NaNs with payloads, +-inf, max, subnormals, E4M3 rounding points)"),
    E4M3_SPECIAL("E4M3 codes (NaN 0x7f/0xff in some rows, +-448, subnormals, +-0, 1.0)"),
    I32_SMALL("small i32 values (requant rounding ties)"),
    RANDOM("random bytes");

    /** Flavour of each block of the data region (fixed, so shrinking keeps addresses meaningful). */
    static final DataFlavour[] BLOCK = {
        I8_EDGE, I32_EDGE, F32_SPECIAL, E4M3_SPECIAL, I32_SMALL, RANDOM,
        I8_EDGE, I32_EDGE, F32_SPECIAL, E4M3_SPECIAL, I32_SMALL, RANDOM,
        I8_EDGE, F32_SPECIAL, E4M3_SPECIAL, I32_EDGE
    };

    static final int[] I8 = {0, 1, -1, 127, -128, 2, -2, 64, -64, 126, -127};
    static final int[] I32 = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x40000000, 0x3FFFFFFF, 0xC0000000, 0x10000,
        -0x10000, 255, -256, 0x7FFF0000, 0x00FFFFFF, 127, -128, 128, -129};
    static final int[] F32 = {
        0x00000000, 0x80000000, 0x3F800000, 0xBF800000, // +-0, +-1
        0x7FC00000, 0x7F800001, 0xFFC00000, 0x7FFFFFFF, 0xFF800123, // NaNs: canonical, signaling, negative, payloads
        0x7F800000, 0xFF800000, // +-inf
        0x7F7FFFFF, 0xFF7FFFFF, 0x7F000000, 0xFF000000, // near max: sums overflow to inf
        0x00000001, 0x80000001, 0x007FFFFF, 0x00400000, 0x00800000, 0x80800000, // subnormals, min normal
        0x43E00000, 0x43E80000, 0x43F00000, 0xC3F00000, 0x43E40000, // 448, 464 (tie), 480, -480, 456
        0x3A800000, 0x3B000000, 0x3AC00000, 0x3B400000, 0x3A000000, 0xBA800000, // around E4M3's subnormal step 2^-9
        0x3F400000, 0x41100000, 0x3F880000 // 0.75, 9.0, 1.0625 (ties on the E4M3 grid)
    };
    static final int[] E4M3_CODES = {0x00, 0x80, E4M3.MAX_CODE, 0xFE, 0x01, 0x81, 0x07, 0x87, 0x08, 0x88, 0x38, 0xB8, 0x40, 0x70, 0xF0};

    private final String description;

    DataFlavour(String description) { this.description = description; }

    public String description() { return description; }

    /** Fills bytes [off, off + 256) of {@code d}. */
    void fill(byte[] d, int off, SplittableRandom r) {
        switch (this) {
            case I8_EDGE -> {
                for (int i = 0; i < Layout.BLOCK_BYTES; i++) d[off + i] = (byte) (r.nextInt(2) == 0 ? pick(I8, r) : r.nextInt(256));
            }
            case I32_EDGE -> {
                for (int i = 0; i < Layout.BLOCK_BYTES; i += 4) {
                    int k = r.nextInt(10);
                    word(d, off + i, k < 5 ? pick(I32, r) : k < 7 ? r.nextInt() : r.nextInt(-1000, 1001));
                }
            }
            case F32_SPECIAL -> {
                for (int i = 0; i < Layout.BLOCK_BYTES; i += 4) {
                    int v;
                    if (r.nextInt(10) < 6) {
                        v = pick(F32, r);
                    } else {
                        // A normal number of moderate magnitude (exponent 2^-30..2^20), random significand.
                        v = (r.nextInt(2) << 31) | ((97 + r.nextInt(51)) << 23) | r.nextInt(1 << 23);
                    }
                    word(d, off + i, v);
                }
            }
            case E4M3_SPECIAL -> {
                for (int row = 0; row < 8; row++) {
                    int base = off + row * 32;
                    for (int k = 0; k < 32; k++) {
                        int code;
                        do {
                            code = r.nextInt(2) == 0 ? pick(E4M3_CODES, r) : r.nextInt(256);
                        } while (E4M3.isNaN(code));
                        d[base + k] = (byte) code;
                    }
                    if (r.nextInt(10) < 2) d[base + r.nextInt(32)] = (byte) (r.nextBoolean() ? 0x7F : 0xFF);
                }
            }
            case I32_SMALL -> {
                for (int i = 0; i < Layout.BLOCK_BYTES; i += 4) word(d, off + i, r.nextInt(-300, 301));
            }
            case RANDOM -> {
                for (int i = 0; i < Layout.BLOCK_BYTES; i++) d[off + i] = (byte) r.nextInt(256);
            }
        }
    }

    static int pick(int[] values, SplittableRandom r) { return values[r.nextInt(values.length)]; }

    private static void word(byte[] d, int o, int v) {
        d[o] = (byte) v;
        d[o + 1] = (byte) (v >>> 8);
        d[o + 2] = (byte) (v >>> 16);
        d[o + 3] = (byte) (v >>> 24);
    }
}
