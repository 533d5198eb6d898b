package dev.seedverify.conformance.gen;

import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Gpr;

/**
 * The fixed memory map and register plan of generated programs. Addresses never depend on the
 * code size, so deleting instructions (shrinking) leaves every data address in the program valid.
 *
 * <pre>
 *  0x8000_0000  code: prologue, body, epilogue, trap handler   (must end below DATA_START)
 *  0x8000_8000  data region, 16 blocks of 256 bytes             (t4 = DATA_POINTER, the middle)
 *  0x8000_9000  tohost (8 bytes)
 *  ...          unused
 *  end - 4 KiB  scratch: stores through t3 (= end of DRAM) with a negative offset land here
 *  end          first byte outside DRAM: t3 + offset >= 0 faults
 * </pre>
 *
 * Registers x26..x31 are reserved for the generator's scaffolding and are never written by a
 * generated instruction; x1..x25 are general.
 */
public final class Layout {
    public static final int CODE_BASE = Memory.BASE;
    public static final int DATA_START = Memory.BASE + 0x8000;
    /** Code (prologue to handler) must end at or below this address. */
    public static final int CODE_LIMIT = DATA_START;
    public static final int BLOCK_BYTES = 256;
    public static final int BLOCKS = 16;
    public static final int DATA_BYTES = BLOCK_BYTES * BLOCKS;
    public static final int DATA_END = DATA_START + DATA_BYTES;
    /** The value of {@link #R_DATA}: the middle of the data region, so every 12-bit offset stays inside it. */
    public static final int DATA_POINTER = DATA_START + DATA_BYTES / 2;
    public static final int TOHOST = DATA_END;
    public static final int IMAGE_END = TOHOST + 8;
    /** Bytes at the top of DRAM that stores through {@link #R_BAD} may write. */
    public static final int SCRATCH_BYTES = 4096;
    /** The smallest DRAM that holds the image and the scratch area. */
    public static final int MIN_DRAM = Memory.MIN_BYTES;

    /** Handler scratch (t6). */
    public static final int R_HANDLER = 31;
    /** Loop counter (t5). */
    public static final int R_LOOP = 30;
    /** Data pointer (t4) = {@link #DATA_POINTER}. */
    public static final int R_DATA = 29;
    /** Fault pointer (t3) = the first address past DRAM. */
    public static final int R_BAD = 28;
    /** Address scratch of compound ops (s11): tile addresses, la targets. */
    public static final int R_ADDR = 27;
    /** Stride scratch of tile memory ops (s10). */
    public static final int R_STRIDE = 26;
    /** x1..x25 are general-purpose for generated code. */
    public static final int GENERAL_REGS = 25;
    /** Link register of the fetch-fault op (the handler returns to it). */
    public static final int R_LINK = Gpr.RA;

    private Layout() {}

    public static boolean reserved(int reg) { return reg >= R_STRIDE; }

    /** The first address past DRAM of {@code dramBytes} (the value of {@link #R_BAD}). */
    public static int dramEnd(int dramBytes) { return Memory.BASE + dramBytes; }

    public static int blockAddress(int block) { return DATA_START + block * BLOCK_BYTES; }

    /** Whether [a, a + n) lies in the data region. */
    public static boolean inData(int a, int n) {
        return Integer.compareUnsigned(a, DATA_START) >= 0 && Integer.compareUnsigned(a + n, DATA_END) <= 0
                && Integer.compareUnsigned(a, a + n) <= 0;
    }

    /** Whether [a, a + n) lies in the scratch area at the top of DRAM. */
    public static boolean inScratch(int a, int n, int dramBytes) {
        int end = dramEnd(dramBytes);
        return Integer.compareUnsigned(a, end - SCRATCH_BYTES) >= 0 && Integer.compareUnsigned(a + n, end) <= 0
                && Integer.compareUnsigned(a, a + n) <= 0;
    }

    /** Whether [a, a + n) lies inside DRAM. */
    public static boolean inDram(int a, int n, int dramBytes) {
        long lo = Integer.toUnsignedLong(a);
        return lo >= Integer.toUnsignedLong(Memory.BASE) && lo + n <= Integer.toUnsignedLong(Memory.BASE) + dramBytes;
    }
}
