package dev.seedverify.rtl.jni;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Platform;

import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * JavaCPP binding of {@code src/main/cpp/s1_glue.h}: dlopen of S1 model libraries and calls
 * through their C ABI ({@code s1model.h}). The JNI library ({@code libjniS1Glue.so}) is built by
 * JavaCPP's Builder in the Maven build and does not depend on any model, so one JNI library
 * serves every model library in the JVM.
 *
 * <p>Internal: use {@link dev.seedverify.rtl.RtlModel} and {@link dev.seedverify.rtl.RtlSimulator},
 * which check threads, lifetimes and arguments. Handles are native pointers; a wrong one crashes
 * the JVM.
 */
@Platform(include = "s1_glue.h", compiler = "cpp17")
@Namespace("s1glue")
public final class S1Glue {
    static {
        Loader.load();
    }

    /** Status codes of {@code s1model.h}. */
    public static final int OK = 0, RECORD_LIMIT = 0, CYCLE_LIMIT = 1, HALTED = 2, TRAPPED = 3, HANG = 4, CRASH = 5,
            PROTOCOL = 6, DEAD = 7, BAD_ARGUMENT = 8, UNSUPPORTED = 9, DRAINED = 10, COMPLETED = 11, IDLE = 12;

    /** Reset modes of {@code s1model.h}. */
    public static final int MODE_BARE = 0, MODE_COMMAND = 1;

    /** Indices of the result block of {@link #run}. */
    public static final int R_STATUS = 0, R_CYCLES = 1, R_RECORDS = 2, R_ACCESSES = 3, R_TILE_RECORDS = 4, R_RETIRED = 5,
            R_TOHOST = 6, R_TOTAL_CYCLES = 7, R_TOTAL_RECORDS = 8, R_TOTAL_RETIRED = 9, R_LAST_ORDER = 10, R_LAST_PC = 11,
            R_LAST_PC_NEXT = 12, R_IDLE_CYCLES = 13, R_CORE_PC = 14, R_FIRST_TILE = 15, R_EVENTS = 16,
            R_TOTAL_EVENTS = 17, R_COUNT = 18;

    private S1Glue() {}

    /** Loads the JNI library (idempotent). */
    public static void init() {}

    public static native String error();

    public static native long openLibrary(String path);

    public static native String libraryInfo(long lib);

    public static native int libraryDramBytes(long lib);

    public static native int libraryTrace(long lib);

    public static native long create(long lib);

    public static native void destroy(long sim);

    public static native String simError(long sim);

    public static native String simOutput(long sim);

    public static native void setEcho(long sim, int fd);

    public static native int reset(long sim, int mode, int resetPc, int windowLo, int windowHi, int stopOnTrap, int cycles);

    public static native long mmioRead(long sim, int offset);

    public static native int mmioWrite(long sim, int offset, int value);

    public static native int hostWrite(long sim, int offset, @Cast("const signed char*") byte[] data, int dataOffset,
                                       int length);

    public static native int hostRead(long sim, int offset, @Cast("signed char*") byte[] data, int dataOffset, int length);

    public static native int irq(long sim);

    public static native int dramWrite(long sim, int offset, @Cast("const signed char*") byte[] data, int dataOffset,
                                       int length);

    public static native int dramRead(long sim, int offset, @Cast("signed char*") byte[] data, int dataOffset, int length);

    public static native int dramFill(long sim, int offset, int length, int value);

    public static native long readGpr(long sim, int index);

    public static native long readPc(long sim);

    public static native int setTohost(long sim, int enabled, int address);

    public static native void setHangBudget(long sim, long cycles);

    public static native int setBuffers(long sim, IntBuffer records, IntBuffer accesses, IntBuffer tiles, int capacity);

    public static native int clearBuffers(long sim);

    public static native int run(long sim, long maxCycles, long maxRecords, LongBuffer result);

    public static native int drain(long sim, long maxCycles, LongBuffer result);

    public static native long readCsr(long sim, int address);

    public static native int readTile(long sim, int index, @Cast("signed char*") byte[] data, int dataOffset);

    public static native int dramDigest(long sim, @Cast("jlong*") long[] digest);

    public static native int selectMutant(long sim, int id);

    public static native int traceOpen(long sim, String path);

    public static native int traceFlush(long sim);

    public static native int traceClose(long sim);

    public static native long cycles(long sim);
}
