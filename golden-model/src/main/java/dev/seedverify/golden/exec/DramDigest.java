package dev.seedverify.golden.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The digest of DRAM contents used to compare a whole memory cheaply (the end-of-program state,
 * {@link ArchState}): the sum (mod 2^64) over every non-zero little-endian 32-bit word {@code w}
 * at word index {@code i} of {@code mix64((i << 32) | w)}, where {@code mix64} is the SplitMix64
 * finaliser, a bijection of 64-bit values. Zero words contribute nothing, so a scan skips them at
 * memory speed, and any single changed word changes the digest.
 *
 * <p>The RTL harness computes the same function natively over its DRAM backdoor
 * ({@code rtl-harness/src/main/cpp/s1_digest.h}); a test checks that both give the same value on
 * the same bytes.
 */
public final class DramDigest {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private DramDigest() {}

    /** The digest of {@code bytes[offset, offset + length)}, word 0 at {@code offset}; {@code length} a multiple of 4. */
    public static long of(byte[] bytes, int offset, int length) {
        return part(bytes, offset, length, 0);
    }

    /**
     * The share of {@code bytes[offset, offset + length)} in the digest of a memory where the word at
     * {@code offset} has index {@code firstWord}: the digest is a sum over words, so a memory's
     * digest is the sum of its parts' (which lets {@link Memory} recompute only the pages written).
     */
    public static long part(byte[] bytes, int offset, int length, long firstWord) {
        if ((length & 3) != 0) throw new IllegalArgumentException("DRAM digest over whole words: length " + length);
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        long sum = 0;
        int pairs = length & ~7;
        for (int off = 0; off < pairs; off += 8) {
            long v = (long) LONG.get(bytes, offset + off);
            if (v == 0) continue;
            long index = firstWord + (off >>> 2);
            int lo = (int) v, hi = (int) (v >>> 32);
            if (lo != 0) sum += mix64(index << 32 | (lo & 0xFFFF_FFFFL));
            if (hi != 0) sum += mix64((index + 1) << 32 | (hi & 0xFFFF_FFFFL));
        }
        if (pairs != length) {
            int w = (int) INT.get(bytes, offset + pairs);
            if (w != 0) sum += mix64((firstWord + (pairs >>> 2)) << 32 | (w & 0xFFFF_FFFFL));
        }
        return sum;
    }

    /** SplitMix64's finaliser (Steele, Lea, Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
