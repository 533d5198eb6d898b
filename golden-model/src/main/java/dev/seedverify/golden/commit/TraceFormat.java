package dev.seedverify.golden.commit;

import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.golden.isa.TrapCause;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Objdump-like text for commit records: {@code order pc insn disassembly effects}. Used by the
 * command-line trace and by divergence reports, so both read the same.
 *
 * <p>One renderer writes both: from a {@link CommitRecord} (reports) and, through a
 * {@link Stream}, straight from a {@link CommitLog} (the trace of a whole run): numbers are
 * written digit by digit and disassembly is cached per pc, so a trace costs no formatting
 * machinery per field.
 */
public final class TraceFormat {
    /** Width the disassembly is padded to. */
    static final int DISASSEMBLY_WIDTH = 28;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String[] TRAP_NAMES = new String[64];

    static {
        for (TrapCause c : TrapCause.values()) {
            if (c.code() >= 0 && c.code() < TRAP_NAMES.length) TRAP_NAMES[c.code()] = c.name().toLowerCase(Locale.ROOT);
        }
    }

    private TraceFormat() {}

    public static String line(CommitRecord r) {
        StringBuilder s = new StringBuilder(96);
        render(new RecordView(r), s, disassembly(r));
        return s.toString();
    }

    /** The instruction's text; a fetch fault has no instruction. */
    public static String disassembly(CommitRecord r) {
        return disassembly(r.trap(), r.cause(), r.insn(), r.pc());
    }

    /** The record's effects: trap, rd write, memory accesses, CSR access, tile write. */
    public static String effects(CommitRecord r) {
        StringBuilder s = new StringBuilder();
        effects(new RecordView(r), s);
        return s.toString().strip();
    }

    private static String disassembly(boolean trap, int cause, int insn, int pc) {
        if (trap && cause == TrapCause.FETCH_ACCESS.code()) return "(fetch fault)";
        return Disassembler.disassemble(insn, pc).replace('\t', ' ');
    }

    /**
     * Writes the trace lines of records as they come from a run, reusing its buffers: one per
     * thread or trace.
     */
    public static final class Stream {
        private static final int CACHE = 1 << 12;
        private final LogView view = new LogView();
        private final StringBuilder text = new StringBuilder(1 << 16);
        private final int[] cachedPc = new int[CACHE], cachedInsn = new int[CACHE];
        private final String[] cachedText = new String[CACHE];

        /** Appends the line of record {@code i} of {@code log} and a newline. */
        public void append(CommitLog log, int i, StringBuilder out) {
            view.at(log, i);
            render(view, out, disassembly(log, i));
            out.append('\n');
        }

        /** Writes the lines of all records in {@code log}. */
        public void write(CommitLog log, Writer out) throws IOException {
            for (int i = 0; i < log.size(); i++) {
                append(log, i, text);
                if (text.length() > (1 << 15)) flush(out);
            }
            flush(out);
        }

        private void flush(Writer out) throws IOException {
            out.append(text);
            text.setLength(0);
        }

        private String disassembly(CommitLog log, int i) {
            int pc = log.pc(i), insn = log.insn(i);
            boolean trap = log.trap(i);
            int cause = log.cause(i);
            if (trap && cause == TrapCause.FETCH_ACCESS.code()) return "(fetch fault)";
            int slot = (pc >>> 2) & (CACHE - 1);
            String s = cachedText[slot];
            if (s == null || cachedPc[slot] != pc || cachedInsn[slot] != insn) {
                s = TraceFormat.disassembly(false, 0, insn, pc);
                cachedText[slot] = s;
                cachedPc[slot] = pc;
                cachedInsn[slot] = insn;
            }
            return s;
        }
    }

    // ------------------------------------------------------------------ the renderer

    /** What the renderer reads from a record. */
    private interface View {
        long order();
        int pc();
        int pcNext();
        int insn();
        boolean trap();
        int cause();
        int tval();
        int rdAddr();
        int rdWdata();
        boolean csrRead();
        boolean csrWrite();
        int csrAddr();
        int csrRdata();
        int csrWdata();
        boolean tileWrite();
        int tileIndex();
        int accesses();
        int accessAddr(int k);
        int accessMask(int k);
        boolean accessWrite(int k);
        /** Word {@code w} of access {@code k}'s data (the written or the read data). */
        int accessWord(int k, int w);
    }

    private static void render(View r, StringBuilder s, String disassembly) {
        int start = s.length();
        long order = r.order();
        int digits = order < 0 ? 2 : 1;
        for (long v = Math.abs(order / 10); v != 0; v /= 10) digits++;
        for (int k = digits; k < 8; k++) s.append(' ');
        s.append(r.order()).append(' ');
        hex8(s, r.pc());
        s.append(' ');
        hex8(s, r.insn());
        s.append("  ").append(disassembly);
        for (int k = disassembly.length(); k < DISASSEMBLY_WIDTH; k++) s.append(' ');
        effects(r, s);
        int end = s.length();
        while (end > start && s.charAt(end - 1) == ' ') end--;
        s.setLength(end);
    }

    private static void effects(View r, StringBuilder s) {
        if (r.trap()) {
            int cause = r.cause();
            String name = cause >= 0 && cause < TRAP_NAMES.length && TRAP_NAMES[cause] != null ? TRAP_NAMES[cause] : "?";
            s.append(" trap ").append(name).append(" (cause ").append(cause).append(") tval=0x");
            hex8(s, r.tval());
            s.append(" -> ");
            hex8(s, r.pcNext());
            return;
        }
        if (r.rdAddr() != 0) {
            s.append(' ').append(Gpr.name(r.rdAddr())).append("=0x");
            hex8(s, r.rdWdata());
        }
        for (int k = 0; k < r.accesses(); k++) {
            boolean w = r.accessWrite(k);
            int mask = r.accessMask(k);
            s.append(w ? " memW[0x" : " memR[0x");
            hex8(s, r.accessAddr(k));
            s.append('/');
            int bytes = Integer.bitCount(mask);
            if (bytes > 4) {
                s.append(bytes).append('B');
            } else {
                // the lanes as four binary digits: the digits of mask | 0x10 after the leading one
                int v = mask | 0x10;
                for (int b = 30 - Integer.numberOfLeadingZeros(v); b >= 0; b--) s.append((v >>> b & 1) != 0 ? '1' : '0');
            }
            s.append("]=");
            for (int word = dataWords(mask) - 1; word >= 0; word--) hex8(s, r.accessWord(k, word) & laneMask(mask, word));
        }
        if (r.csrRead() || r.csrWrite()) {
            Csr c = Csr.byAddress(r.csrAddr());
            String name = c == null ? null : c.mnemonic();
            if (r.csrRead()) {
                csrName(s, name, r.csrAddr());
                s.append("->0x");
                hex8(s, r.csrRdata());
            }
            if (r.csrWrite()) {
                csrName(s, name, r.csrAddr());
                s.append("<-0x");
                hex8(s, r.csrWdata());
            }
        }
        if (r.tileWrite()) s.append(" m").append(r.tileIndex()).append(" written");
        if (r.pcNext() != r.pc() + 4) {
            s.append(" -> ");
            hex8(s, r.pcNext());
        }
    }

    private static void csrName(StringBuilder s, String name, int address) {
        s.append(' ');
        if (name != null) {
            s.append(name);
        } else {
            s.append("0x");
            for (int shift = 8; shift >= 0; shift -= 4) s.append(HEX[(address >>> shift) & 15]);
        }
    }

    /** Words of data an access carries: up to its highest masked byte. */
    private static int dataWords(int mask) {
        return mask == 0 ? 0 : (32 - Integer.numberOfLeadingZeros(mask) + 3) / 4;
    }

    /** The significant bits of data word {@code w} under a byte mask. */
    private static int laneMask(int mask, int w) {
        int m = 0;
        for (int b = 0; b < 4; b++) if ((mask >>> (4 * w + b) & 1) != 0) m |= 0xFF << (8 * b);
        return m;
    }

    private static void hex8(StringBuilder s, int v) {
        for (int shift = 28; shift >= 0; shift -= 4) s.append(HEX[(v >>> shift) & 15]);
    }

    // ------------------------------------------------------------------ views

    private static final class RecordView implements View {
        private final CommitRecord r;
        private final List<CommitRecord.MemoryAccess> mem;

        RecordView(CommitRecord r) {
            this.r = r;
            this.mem = r.memory();
        }

        @Override public long order() { return r.order(); }
        @Override public int pc() { return r.pc(); }
        @Override public int pcNext() { return r.pcNext(); }
        @Override public int insn() { return r.insn(); }
        @Override public boolean trap() { return r.trap(); }
        @Override public int cause() { return r.cause(); }
        @Override public int tval() { return r.tval(); }
        @Override public int rdAddr() { return r.rdAddr(); }
        @Override public int rdWdata() { return r.rdWdata(); }
        @Override public boolean csrRead() { return r.csrRead(); }
        @Override public boolean csrWrite() { return r.csrWrite(); }
        @Override public int csrAddr() { return r.csrAddr() == null ? 0 : r.csrAddr(); }
        @Override public int csrRdata() { return r.csrRdata(); }
        @Override public int csrWdata() { return r.csrWdata(); }
        @Override public boolean tileWrite() { return r.tileWrite(); }
        @Override public int tileIndex() { return r.tileIndex(); }
        @Override public int accesses() { return mem.size(); }
        @Override public int accessAddr(int k) { return mem.get(k).addr(); }
        @Override public int accessMask(int k) { return mem.get(k).isWrite() ? mem.get(k).wmask() : mem.get(k).rmask(); }
        @Override public boolean accessWrite(int k) { return mem.get(k).isWrite(); }

        @Override
        public int accessWord(int k, int w) {
            int[] d = mem.get(k).isWrite() ? mem.get(k).wdata() : mem.get(k).rdata();
            return w < d.length ? d[w] : 0;
        }
    }

    /** A cursor over one record of a log (reused: no allocation per record). */
    private static final class LogView implements View {
        private CommitLog log;
        private int i;

        void at(CommitLog log, int i) {
            this.log = log;
            this.i = i;
        }

        @Override public long order() { return log.order(i); }
        @Override public int pc() { return log.pc(i); }
        @Override public int pcNext() { return log.pcNext(i); }
        @Override public int insn() { return log.insn(i); }
        @Override public boolean trap() { return log.trap(i); }
        @Override public int cause() { return log.cause(i); }
        @Override public int tval() { return log.tval(i); }
        @Override public int rdAddr() { return log.rdAddr(i); }
        @Override public int rdWdata() { return log.rdWdata(i); }
        @Override public boolean csrRead() { return (log.flags(i) & CommitLog.FLAG_CSR_READ) != 0; }
        @Override public boolean csrWrite() { return (log.flags(i) & CommitLog.FLAG_CSR_WRITE) != 0; }
        @Override public int csrAddr() { return log.csrAddr(i); }
        @Override public int csrRdata() { return log.csrRdata(i); }
        @Override public int csrWdata() { return log.csrWdata(i); }
        @Override public boolean tileWrite() { return (log.flags(i) & CommitLog.FLAG_TILE_WRITE) != 0; }
        @Override public int tileIndex() { return log.tileIndex(i); }
        @Override public int accesses() { return log.memCount(i); }
        @Override public int accessAddr(int k) { return log.access(i, k, CommitLog.MEM_ADDR); }
        @Override public boolean accessWrite(int k) { return log.access(i, k, CommitLog.MEM_WMASK) != 0; }

        @Override
        public int accessMask(int k) {
            int w = log.access(i, k, CommitLog.MEM_WMASK);
            return w != 0 ? w : log.access(i, k, CommitLog.MEM_RMASK);
        }

        @Override
        public int accessWord(int k, int w) {
            return log.access(i, k, (accessWrite(k) ? CommitLog.MEM_WDATA : CommitLog.MEM_RDATA) + w);
        }
    }
}
