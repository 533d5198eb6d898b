package dev.seedverify.golden.commit;

import java.util.ArrayList;
import java.util.List;

/**
 * One commit record (spec §5) as an immutable value: for reports, reproducers and tests. The hot
 * paths work on {@link CommitLog} directly.
 *
 * @param tile  the 64 words of the written tile, or null when no tile was written
 * @param event a device event record (command mode): its fields are read through the
 *              {@code event*} accessors, which name the instruction fields they reuse
 *              ({@link CommitLog}'s EV_ fields)
 */
public record CommitRecord(long order, int pc, int pcNext, int insn, boolean trap, int cause, int tval,
                           int rdAddr, int rdWdata, Integer csrAddr, boolean csrRead, int csrRdata, boolean csrWrite,
                           int csrWdata, List<MemoryAccess> memory, int tileIndex, int[] tile, boolean event) {

    /** An instruction record. */
    public CommitRecord(long order, int pc, int pcNext, int insn, boolean trap, int cause, int tval, int rdAddr, int rdWdata,
                        Integer csrAddr, boolean csrRead, int csrRdata, boolean csrWrite, int csrWdata, List<MemoryAccess> memory,
                        int tileIndex, int[] tile) {
        this(order, pc, pcNext, insn, trap, cause, tval, rdAddr, rdWdata, csrAddr, csrRead, csrRdata, csrWrite, csrWdata, memory,
                tileIndex, tile, false);
    }

    /** Event records: the DeviceEvent code. */
    public int eventKind() { return insn; }

    /** Event records: the descriptor's ring index. */
    public int eventIndex() { return pc; }

    /** Event records: the completion address, or the DMA destination. */
    public int eventAddr() { return pcNext; }

    /** Event records: completion written (1/0), or the DMA length. */
    public int eventArg() { return cause; }

    /** Event records: word {@code w} (0..3): the completion words, or opcode and source/pattern of a DMA write. */
    public int eventWord(int w) {
        return switch (w) {
            case 0 -> tval;
            case 1 -> rdAddr;
            case 2 -> rdWdata;
            case 3 -> csrAddr == null ? 0 : csrAddr;
            default -> throw new IndexOutOfBoundsException("event word " + w);
        };
    }

    /** A byte-masked access; data arrays hold the significant words (lanes outside the mask are 0). */
    public record MemoryAccess(int addr, int rmask, int wmask, int[] rdata, int[] wdata) {
        public boolean isWrite() { return wmask != 0; }

        /** Number of bytes covered by the mask. */
        public int bytes() { return Integer.bitCount(rmask | wmask); }
    }

    public boolean tileWrite() { return tile != null; }

    static CommitRecord copyOf(CommitLog log, int i) {
        if (log.isEvent(i)) {
            return new CommitRecord(log.order(i), log.field(i, CommitLog.EV_INDEX), log.field(i, CommitLog.EV_ADDR),
                    log.field(i, CommitLog.EV_KIND), false, log.field(i, CommitLog.EV_ARG), log.field(i, CommitLog.EV_W0),
                    log.field(i, CommitLog.EV_W1), log.field(i, CommitLog.EV_W2), log.field(i, CommitLog.EV_W3), false, 0, false, 0,
                    List.of(), 0, null, true);
        }
        List<MemoryAccess> mem = new ArrayList<>();
        for (int k = 0; k < log.memCount(i); k++) {
            int rmask = log.access(i, k, CommitLog.MEM_RMASK), wmask = log.access(i, k, CommitLog.MEM_WMASK);
            mem.add(new MemoryAccess(log.access(i, k, CommitLog.MEM_ADDR), rmask, wmask,
                    maskedData(log, i, k, CommitLog.MEM_RDATA, rmask), maskedData(log, i, k, CommitLog.MEM_WDATA, wmask)));
        }
        int flags = log.flags(i);
        boolean csrR = (flags & CommitLog.FLAG_CSR_READ) != 0, csrW = (flags & CommitLog.FLAG_CSR_WRITE) != 0;
        boolean tileW = (flags & CommitLog.FLAG_TILE_WRITE) != 0;
        return new CommitRecord(log.order(i), log.pc(i), log.pcNext(i), log.insn(i), log.trap(i), log.cause(i),
                log.tval(i), log.rdAddr(i), log.rdWdata(i), csrR || csrW ? log.csrAddr(i) : null, csrR,
                csrR ? log.csrRdata(i) : 0, csrW, csrW ? log.csrWdata(i) : 0, List.copyOf(mem),
                tileW ? log.tileIndex(i) : 0, tileW ? log.tileCopy(i) : null);
    }

    private static int[] maskedData(CommitLog log, int i, int k, int field, int mask) {
        int words = mask == 0 ? 0 : (32 - Integer.numberOfLeadingZeros(mask) + 3) / 4;
        int[] d = new int[words];
        for (int w = 0; w < words; w++) {
            int laneMask = 0;
            for (int b = 0; b < 4; b++) if ((mask >>> (4 * w + b) & 1) != 0) laneMask |= 0xFF << (8 * b);
            d[w] = log.access(i, k, field + w) & laneMask;
        }
        return d;
    }
}
