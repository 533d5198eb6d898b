package dev.seedverify.kernels.launch;

import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Instruction;

/**
 * The start-up stub for a core that can only be reset to a pc (the RTL, until its command
 * processor exists): {@code lui/addi sp}, {@code lui/addi a0}, {@code jal x0, entry}. After it,
 * the registers are exactly a LAUNCH's (every GPR zero but sp and a0), so the kernel runs as if
 * launched; the stub's {@value #INSTRUCTIONS} records precede the kernel's.
 */
public final class LaunchShim {
    public static final int INSTRUCTIONS = 5;

    private LaunchShim() {}

    /** The stub's bytes, to be placed at {@code request.shimAddress()}. */
    public static byte[] code(LaunchRequest r) {
        int at = r.shimAddress();
        int[] w = new int[INSTRUCTIONS];
        load(w, 0, 2, r.sp());
        load(w, 2, 10, r.a0());
        int offset = r.entry() - (at + 16);
        if (offset < -(1 << 20) || offset >= (1 << 20)) {
            throw new IllegalArgumentException(String.format("entry 0x%08x is out of jal range of the shim at 0x%08x", r.entry(), at));
        }
        w[4] = Encoder.encode(Instruction.JAL, 0, offset);
        byte[] b = new byte[4 * INSTRUCTIONS];
        for (int i = 0; i < w.length; i++) {
            b[4 * i] = (byte) w[i];
            b[4 * i + 1] = (byte) (w[i] >>> 8);
            b[4 * i + 2] = (byte) (w[i] >>> 16);
            b[4 * i + 3] = (byte) (w[i] >>> 24);
        }
        return b;
    }

    /** lui rd, hi; addi rd, rd, lo with hi * 4096 + lo = value. */
    private static void load(int[] w, int i, int rd, int value) {
        int lo = (value << 20) >> 20;
        int hi = (value - lo) >>> 12;
        w[i] = Encoder.encode(Instruction.LUI, rd, hi);
        w[i + 1] = Encoder.encode(Instruction.ADDI, rd, rd, lo);
    }
}
