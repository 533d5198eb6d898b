package dev.seedverify.conformance.driver;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.TrapCause;

/**
 * The kernels the driver properties launch: one that computes, one that traps, one that loops
 * past the watchdog and one that tries to leave its window. Each is position-independent and
 * ends with its last word in use, and {@link #SUM} touches the last word of every allocation its
 * window is derived from, so a window one word short always shows.
 */
public enum DriverKernels {
    /**
     * Arguments: input pointer, word count n, pointer to the output's last word. Stores n at
     * sp - 4 (the stack's top word), sums the n input words, stores the sum through the output
     * pointer and returns it.
     */
    SUM(3, """
                lw   t0, 0(a0)
                lw   t1, 4(a0)
                lw   t3, 8(a0)
                sw   t1, -4(sp)
                li   a0, 0
            loop:
                beqz t1, done
                lw   t2, 0(t0)
                add  a0, a0, t2
                addi t0, t0, 4
                addi t1, t1, -1
                j    loop
            done:
                sw   a0, 0(t3)
                ecall
            """, null, -1),
    /** ebreak at the entry: TRAP, mcause 3, mtval = pc. */
    TRAP(0, """
                ebreak
            """, TrapCause.BREAKPOINT, 0),
    /** Loops until the watchdog ends it. */
    LOOP(0, """
            spin:
                j    spin
            """, null, -1),
    /** Loads the first word of DRAM, which holds the driver's ring and is never in a window: TRAP, mcause 5. */
    ESCAPE(0, """
                lui  t0, 0x80000
                lw   t1, 0(t0)
                ecall
            """, TrapCause.LOAD_ACCESS, 4);

    private final int argWords;
    private final String source;
    private final TrapCause trap;
    private final int trapOffset;
    private ElfImage image;

    DriverKernels(int argWords, String source, TrapCause trap, int trapOffset) {
        this.argWords = argWords;
        this.source = source;
        this.trap = trap;
        this.trapOffset = trapOffset;
    }

    /** Words of its argument block. */
    public int argWords() { return argWords; }

    public String source() { return source; }

    /** The cause it traps with, or null (SUM ends with ecall, LOOP with the watchdog). */
    public TrapCause trap() { return trap; }

    /** Byte offset of the trapping instruction from the entry. */
    public int trapOffset() { return trapOffset; }

    /** Its image, assembled at the base of DRAM (the driver relocates it). */
    public synchronized ElfImage image() {
        if (image == null) image = Assembler.assemble(source, name().toLowerCase(java.util.Locale.ROOT) + ".S", Memory.BASE);
        return image;
    }

    /** Bytes of its image. */
    public int bytes() {
        long lo = Long.MAX_VALUE, hi = 0;
        for (ElfImage.LoadSegment s : image().segments()) {
            lo = Math.min(lo, s.startAddress());
            hi = Math.max(hi, s.endAddress());
        }
        return (int) (hi - lo);
    }

    /** Instructions SUM retires for n words (ecall excluded: traps are not retirements). */
    public static int sumRetired(int n) { return 5 + 6 * n + 2; }
}
