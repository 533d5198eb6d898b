package dev.seedverify.conformance.gemm;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * An INT8 GEMM program ({@code int8_gemm.S}) with seeded data, and its exact reference:
 * C[32x32] = requant(A[32x64] . B[32x64]^T) with TFLite's double rounding (spec §2.4). The
 * reference uses BigInteger/BigDecimal arithmetic, not the golden model's numerics.
 */
public final class Int8Gemm {
    public static final int M = 32, N = 32, K = 64;

    private final long seed;
    private final byte[] a = new byte[M * K], b = new byte[N * K];
    private final int multiplier, shift, zeroPoint;

    private Int8Gemm(long seed) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < a.length; i++) a[i] = element(r);
        for (int i = 0; i < b.length; i++) b[i] = element(r);
        multiplier = 0x4000_0000 + r.nextInt(0x3FFF_FFFF); // a fraction in [0.5, 1): TFLite's normalised form
        shift = -(8 + r.nextInt(6));                         // scales the ±1M accumulators into int8 with some saturation
        zeroPoint = r.nextInt(-20, 21);
    }

    /** Mostly uniform int8, with the saturating extremes -128 and 127 over-represented. */
    private static byte element(SplittableRandom r) {
        int p = r.nextInt(16);
        return (byte) (p == 0 ? -128 : p == 1 ? 127 : r.nextInt(-128, 128));
    }

    public static Int8Gemm random(long seed) { return new Int8Gemm(seed); }

    public String source() {
        StringBuilder s = new StringBuilder(GemmSource.kernel("int8_gemm.S"));
        s.append(String.format("%n# data: seed %d%n        .align  3%nqparams: .word  %d, %d, %d%n        .align  5%n",
                seed, multiplier, shift, zeroPoint));
        GemmSource.bytes(s, "mat_a", a);
        GemmSource.bytes(s, "mat_b", b);
        GemmSource.tail(s, M * N);
        return s.toString();
    }

    public ElfImage image() { return Assembler.assemble(source(), "int8_gemm-seed" + seed + ".S"); }

    /** Bytes of C the program must leave at {@code mat_c}. */
    public byte[] expected() {
        byte[] c = new byte[M * N];
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                long acc = 0;
                for (int k = 0; k < K; k++) acc += (long) a[i * K + k] * b[j * K + k];
                c[i * N + j] = (byte) requant(BigInteger.valueOf(acc));
            }
        }
        return c;
    }

    /** Spec §2.4 requant as exact rational arithmetic. */
    int requant(BigInteger x) {
        int left = Math.max(shift, 0), right = Math.max(-shift, 0);
        BigInteger v = signed32(x.shiftLeft(left));
        BigInteger m = BigInteger.valueOf(multiplier);
        BigInteger min = BigInteger.valueOf(Integer.MIN_VALUE);
        BigInteger high;
        if (v.equals(min) && m.equals(min)) {
            high = BigInteger.valueOf(Integer.MAX_VALUE);
        } else {
            // SRDHM: v * M / 2^31 rounded half up (toward +infinity)
            high = new BigDecimal(v.multiply(m)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(31)))
                    .add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        }
        // RDBPOT: divide by 2^right, rounding half away from zero
        BigInteger down = new BigDecimal(high).divide(new BigDecimal(BigInteger.ONE.shiftLeft(right)))
                .setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        long r = down.longValueExact() + zeroPoint;
        return (int) Math.max(-128, Math.min(127, r));
    }

    private static BigInteger signed32(BigInteger v) {
        BigInteger w = v.mod(BigInteger.ONE.shiftLeft(32));
        return w.testBit(31) ? w.subtract(BigInteger.ONE.shiftLeft(32)) : w;
    }

    public long seed() { return seed; }

    /** C as the program left it in {@code memory} (after a run of {@link #image()}). */
    public byte[] result(Memory memory, ElfImage image) { return GemmSource.result(memory, image, M * N); }

    /** Null when {@code memory} holds the exact reference at {@code mat_c}, else the first differing element. */
    public String mismatch(Memory memory, ElfImage image) {
        byte[] got = result(memory, image), want = expected();
        for (int i = 0; i < got.length; i++) {
            if (got[i] != want[i]) return String.format("C[%d][%d] = %d, the exact reference is %d", i / N, i % N, got[i], want[i]);
        }
        return null;
    }
}
