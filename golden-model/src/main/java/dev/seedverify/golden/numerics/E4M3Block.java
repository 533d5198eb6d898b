package dev.seedverify.golden.numerics;

/**
 * The element computation of {@code tmma.e4m3} (spec §2.4, steps 1–4) on tiles held in one
 * byte array: tile t occupies bytes [256t, 256t + 256) and row r of a tile is the 32 bytes at
 * offset 32r inside it, so a row is addressed by {@code 256·t + 32·r}.
 *
 * <p>For output element D[i][j] the executor passes A's row i, B's row j, the UE8M0 scales
 * sa = scale of A row i and sb = scale of B row j, and the current bits of D[i][j]. Nothing is
 * allocated; the inner loop is a 32-step multiply–accumulate on the E4M3 integer values q.
 */
public final class E4M3Block {

    /** Elements per row (the k extent). */
    public static final int K = 32;

    /** Fixed scaling of P: q values are in units of 2^−9, so a product is in units of 2^−18. */
    private static final int PRODUCT_UNIT_EXP = -18;

    private static final long NAN_RESULT = ((long) XseedFlags.NV << 32) | Binary32.CANONICAL_NAN;

    /** q of every code (toQ; NaN codes hold ±480·2^9 and are never used for a result). */
    private static final int[] Q = new int[256];

    static {
        for (int code = 0; code < 256; code++) {
            Q[code] = E4M3.toQ(code);
        }
    }

    private E4M3Block() {
    }

    /**
     * Step 2: P = Σ_{k<32} q(A[k])·q(B[k]), exact, in units of 2^−18 (|P| &lt; 2^41). Does not
     * look for NaN codes.
     */
    public static long dot(byte[] tiles, int aRowOffset, int bRowOffset) {
        long p = 0;
        for (int k = 0; k < K; k++) {
            p += (long) Q[tiles[aRowOffset + k] & 0xFF] * Q[tiles[bRowOffset + k] & 0xFF];
        }
        return p;
    }

    /**
     * Steps 1–4 for one output element; {@code d} is the current accumulator bits. Returns
     * {@code (long) flags << 32 | resultBits} like {@link Binary32#add}.
     * <ol>
     * <li>sa or sb = 0xFF, any NaN code in the A row or B row, or d NaN: canonical NaN, NV.</li>
     * <li>P exact ({@link #dot}).</li>
     * <li>blk = RNE_f32(P · 2^(sa + sb − 254 − 18)), subnormals kept, overflow to ±∞,
     *     P = 0 gives +0.0 (so a −0 accumulator becomes +0); a non-zero P too small for
     *     binary32 gives a zero of P's sign, as IEEE rounding does.</li>
     * <li>result = {@link Binary32#add}(d, blk): NV only for ∞ − ∞.</li>
     * </ol>
     */
    public static long element(int d, byte[] tiles, int aRowOffset, int bRowOffset,
                               int scaleA, int scaleB) {
        int sa = scaleA & 0xFF;
        int sb = scaleB & 0xFF;
        if (sa == UE8M0.NAN_SCALE || sb == UE8M0.NAN_SCALE || Binary32.isNaN(d)) {
            return NAN_RESULT;
        }
        long p = 0;
        boolean nan = false;
        for (int k = 0; k < K; k++) {
            int a = tiles[aRowOffset + k] & 0xFF;
            int b = tiles[bRowOffset + k] & 0xFF;
            nan |= E4M3.isNaN(a) | E4M3.isNaN(b);
            p += (long) Q[a] * Q[b];
        }
        if (nan) {
            return NAN_RESULT;
        }
        return accumulate(d, p, sa, sb);
    }

    /** Steps 3–4 for a finite P and non-NaN scales and accumulator. */
    static long accumulate(int d, long p, int sa, int sb) {
        int blk = Binary32.roundScaled(p, sa + sb - 2 * UE8M0.BIAS + PRODUCT_UNIT_EXP);
        return Binary32.add(d, blk);
    }

    /**
     * Steps 3–4 from P held in a double, with the JVM's floating point, bit for bit as
     * {@link #accumulate}: Java's float arithmetic is IEEE-754 binary32 with round to nearest
     * even and subnormals (JLS §15.4); P·2^e is exact in a double (|P| &lt; 2^42, e ≥ −272: no
     * rounding, no underflow), so the cast to float is the one rounding of step 3, overflowing to
     * ±∞ and giving a too-small result P's sign, as {@link Binary32#roundScaled} does. Only ∞ − ∞
     * needs the canonical NaN. The integer {@link Binary32} stays the reference
     * ({@link #element}); tests hold this path to it and to the oracle.
     */
    static long accumulateInHardware(int d, double p, int sa, int sb) {
        float blk = (float) Math.scalb(p, sa + sb - 2 * UE8M0.BIAS + PRODUCT_UNIT_EXP);
        float sum = Float.intBitsToFloat(d) + blk;
        if (sum != sum) return NAN_RESULT;
        return Float.floatToRawIntBits(sum) & 0xFFFF_FFFFL;
    }

    /** Working storage for {@link #product}: the rows of A and B, decoded once per instruction. */
    public static final class Rows {
        /** q of every code; every product and partial sum of 32 is an integer below 2^42, exact in a double. */
        private final double[] a = new double[8 * K], b = new double[8 * K];
        private final boolean[] aNaN = new boolean[8], bNaN = new boolean[8];
    }

    /**
     * The whole of {@code tmma.e4m3}: for i, j in 0..7, {@code acc[8i + j]} (the accumulator bits
     * on entry) becomes {@link #element}{@code (acc[8i + j], A row i, B row j, scaleA[i], scaleB[j])}.
     * Each row is decoded once, P is summed exactly in doubles and steps 3–4 use the JVM's
     * floating point ({@link #accumulateInHardware}). Returns the flags of all 64 elements ORed.
     *
     * @param aTile byte offset of tile A in {@code tiles}; rows are 32 bytes apart
     */
    public static int product(byte[] tiles, int aTile, int bTile, int[] acc, int[] scaleA, int[] scaleB, Rows rows) {
        for (int r = 0; r < 8; r++) {
            rows.aNaN[r] = decode(tiles, aTile + K * r, rows.a, K * r);
            rows.bNaN[r] = decode(tiles, bTile + K * r, rows.b, K * r);
        }
        double[] qa = rows.a, qb = rows.b;
        int flags = 0;
        for (int i = 0; i < 8; i++) {
            int sa = scaleA[i] & 0xFF;
            for (int j = 0; j < 8; j++) {
                int sb = scaleB[j] & 0xFF;
                int d = acc[8 * i + j];
                long r;
                if (sa == UE8M0.NAN_SCALE || sb == UE8M0.NAN_SCALE || Binary32.isNaN(d) || rows.aNaN[i] || rows.bNaN[j]) {
                    r = NAN_RESULT;
                } else {
                    double p = 0;
                    for (int k = 0; k < K; k++) p += qa[K * i + k] * qb[K * j + k];
                    r = accumulateInHardware(d, p, sa, sb);
                }
                acc[8 * i + j] = Binary32.result(r);
                flags |= Binary32.flags(r);
            }
        }
        return flags;
    }

    /** Decodes a row's codes into q; returns whether it holds a NaN code. */
    private static boolean decode(byte[] tiles, int row, double[] q, int at) {
        boolean nan = false;
        for (int k = 0; k < K; k++) {
            int code = tiles[row + k] & 0xFF;
            nan |= E4M3.isNaN(code);
            q[at + k] = Q[code];
        }
        return nan;
    }
}
