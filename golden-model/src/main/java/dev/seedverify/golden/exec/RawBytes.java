package dev.seedverify.golden.exec;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * Little-endian words and halves of DRAM's byte array without a bounds check, for translated
 * code only: it has checked the access's alignment and the window (which lies inside DRAM) just
 * before. Why not {@link Memory#loadWord}: HotSpot's C1 inlines a byte-array VarHandle access
 * into hundreds of values, which ran its register allocator out of virtual registers on the
 * larger translations ("COMPILE SKIPPED"), so they ran in the bytecode interpreter until C2 had
 * compiled them; an Unsafe access is one intrinsic for both compilers.
 */
final class RawBytes {
    private static final sun.misc.Unsafe UNSAFE;
    private static final long BASE;
    private static final boolean SWAP = ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN;

    static {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        BASE = UNSAFE.arrayBaseOffset(byte[].class);
    }

    private RawBytes() {}

    static int word(byte[] b, int off) {
        int v = UNSAFE.getInt(b, BASE + off);
        return SWAP ? Integer.reverseBytes(v) : v;
    }

    static int half(byte[] b, int off) {
        short v = UNSAFE.getShort(b, BASE + off);
        return SWAP ? Short.reverseBytes(v) : v;
    }

    static void putWord(byte[] b, int off, int v) { UNSAFE.putInt(b, BASE + off, SWAP ? Integer.reverseBytes(v) : v); }

    static void putHalf(byte[] b, int off, int v) { UNSAFE.putShort(b, BASE + off, SWAP ? Short.reverseBytes((short) v) : (short) v); }
}
