package dev.seedverify.kernels.launch;

import dev.seedverify.golden.commit.CommitLog;

import java.util.function.Consumer;

/**
 * Finds, in a launch's commit records, the last instruction that wrote any byte of
 * [{@code address}, {@code address + bytes}): scalar stores and tile rows alike (their byte
 * masks say which bytes they wrote).
 */
public final class StoreWatch implements Consumer<CommitLog> {
    private final int address, bytes;
    private long order = -1;
    private int pc, insn;

    public StoreWatch(int address, int bytes) {
        this.address = address;
        this.bytes = bytes;
    }

    @Override
    public void accept(CommitLog log) {
        for (int i = 0; i < log.size(); i++) {
            if (log.isEvent(i) || log.trap(i)) continue;
            for (int k = 0; k < log.memCount(i); k++) {
                int wmask = log.access(i, k, CommitLog.MEM_WMASK);
                if (wmask == 0) continue;
                int at = log.access(i, k, CommitLog.MEM_ADDR);
                for (int b = 0; b < 32; b++) {
                    if ((wmask & (1 << b)) != 0 && Integer.compareUnsigned(at + b - address, bytes) < 0) {
                        order = log.order(i);
                        pc = log.pc(i);
                        insn = log.insn(i);
                        break;
                    }
                }
            }
        }
    }

    public boolean found() { return order >= 0; }

    /** Record order (instructions since the launch started) of the last writer. */
    public long order() { return order; }

    public int pc() { return pc; }

    public int insn() { return insn; }
}
