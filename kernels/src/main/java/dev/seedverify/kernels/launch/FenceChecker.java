package dev.seedverify.kernels.launch;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Instruction;

import java.util.function.Consumer;

/**
 * Checks a kernel's run against the memory-ordering contract of {@code xseed.h}: tile loads and
 * stores do not tell the compiler which bytes they touch, so between an ordinary store and a
 * tile load of the same byte, and between a tile store and an ordinary load of the same byte,
 * the code must execute a {@code fence} ({@code xs_fence()}, also a compiler barrier). A run
 * that reads across such a gap is correct only because this compiler, at this level, happened
 * not to move or forward the access; a more aggressive one may. Fed the commit
 * records of one launch; reports the first violation (pc of the reader and of the writer).
 */
public final class FenceChecker implements Consumer<CommitLog> {
    private static final byte NONE = 0, SCALAR = 1, TILE = 2;

    private final int base;
    private final byte[] writer;
    private final int[] epochOf;
    private final int[] writerPc;
    private int epoch;
    private Violation first;

    /** A read across a missing fence. */
    public record Violation(long order, int readerPc, int readerInsn, boolean tileRead, int address, int writerPc) {
        @Override
        public String toString() {
            return String.format("%s at pc 0x%08x reads 0x%08x, written by the %s at pc 0x%08x with no fence between (record %d)",
                    tileRead ? "tile load" : "load", readerPc, address, tileRead ? "store" : "tile store", writerPc, order);
        }
    }

    /** A checker for a window of {@code bytes} bytes at {@code base}. */
    public FenceChecker(int base, int bytes) {
        this.base = base;
        writer = new byte[bytes];
        epochOf = new int[bytes];
        writerPc = new int[bytes];
    }

    /** The first violation, or null. */
    public Violation violation() { return first; }

    @Override
    public void accept(CommitLog log) {
        for (int i = 0; i < log.size() && first == null; i++) {
            if (log.isEvent(i) || log.trap(i)) continue;
            Instruction insn = Decoder.decode(log.insn(i));
            if (insn == null) continue;
            if (insn.category() == Category.FENCE) {
                epoch++;
                continue;
            }
            boolean tile = insn == Instruction.TLD || insn == Instruction.TST || insn == Instruction.TSTN;
            for (int k = 0; k < log.memCount(i); k++) {
                int addr = log.access(i, k, CommitLog.MEM_ADDR);
                int rmask = log.access(i, k, CommitLog.MEM_RMASK), wmask = log.access(i, k, CommitLog.MEM_WMASK);
                for (int b = 0; b < 32; b++) {
                    int bit = 1 << b;
                    if ((rmask & bit) == 0 && (wmask & bit) == 0) continue;
                    int off = addr + b - base;
                    if (off < 0 || off >= writer.length) continue;
                    if ((rmask & bit) != 0 && epochOf[off] == epoch && writer[off] == (tile ? SCALAR : TILE)) {
                        first = new Violation(log.order(i), log.pc(i), log.insn(i), tile, addr + b, writerPc[off]);
                        return;
                    }
                    if ((wmask & bit) != 0) {
                        writer[off] = tile ? TILE : SCALAR;
                        epochOf[off] = epoch;
                        writerPc[off] = log.pc(i);
                    }
                }
            }
        }
    }

    /** Forgets everything (a new launch). */
    public void reset() {
        java.util.Arrays.fill(writer, NONE);
        epoch = 0;
        first = null;
    }
}
