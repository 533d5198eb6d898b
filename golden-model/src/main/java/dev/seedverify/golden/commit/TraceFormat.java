package dev.seedverify.golden.commit;

import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.golden.isa.TrapCause;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String[] TRAP_NAMES = new String[64];

    static {
        for (TrapCause c : TrapCause.values()) {
            if (c.code() >= 0 && c.code() < TRAP_NAMES.length) TRAP_NAMES[c.code()] = c.name().toLowerCase(Locale.ROOT);
        }
    }

    private TraceFormat() {}

    public static String line(CommitRecord r) {
        if (r.event()) return eventLine(r);
        Text t = new Text(128);
        t.decimal(r.order(), 8);
        render(new RecordView(r), t, ascii(disassembly(r)), 0);
        return t.toString();
    }

    /** A device event record (command mode): kind, descriptor index, address, argument, words. */
    public static String eventLine(CommitRecord r) {
        DeviceEvent e = DeviceEvent.of(r.eventKind());
        String kind = e == null ? "event " + r.eventKind() : e.name().toLowerCase(Locale.ROOT);
        return String.format("%8d %-8s descriptor %d addr=0x%08x %s=%d words %08x %08x %08x %08x", r.order(), kind, r.eventIndex(),
                r.eventAddr(), e == DeviceEvent.DMA_WRITE ? "length" : "written", r.eventArg(), r.eventWord(0), r.eventWord(1),
                r.eventWord(2), r.eventWord(3));
    }

    /** The instruction's text; a fetch fault has no instruction. */
    public static String disassembly(CommitRecord r) {
        return disassembly(r.trap(), r.cause(), r.insn(), r.pc());
    }

    /** The record's effects: trap, rd write, memory accesses, CSR access, tile write. */
    public static String effects(CommitRecord r) {
        Text t = new Text(128);
        effects(new RecordView(r), t);
        return t.toString().strip();
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
        private final Text text = new Text(1 << 16);
        private final int[] cachedPc = new int[CACHE], cachedInsn = new int[CACHE];
        private final byte[][] cachedText = new byte[CACHE][];

        /** Appends the line of record {@code i} of {@code log} and a newline. */
        public void append(CommitLog log, int i, StringBuilder out) {
            int from = text.length;
            line(log, i);
            for (int k = from; k < text.length; k++) out.append((char) text.bytes[k]);
            text.length = from;
        }

        /** Writes the lines of all records in {@code log} (ASCII). */
        public void write(CommitLog log, OutputStream out) throws IOException {
            for (int i = 0; i < log.size(); i++) {
                line(log, i);
                if (text.length > (1 << 15)) flush(out);
            }
            flush(out);
        }

        private void line(CommitLog log, int i) {
            if (log.isEvent(i)) {
                // rare (command mode only): the record's own line
                text.put(ascii(eventLine(log.get(i))));
                text.put('\n');
                return;
            }
            view.at(log, i);
            int start = text.length;
            order.put(log.order(i), text);
            render(view, text, disassembly(log, i), start);
            text.put('\n');
        }

        private final Counter order = new Counter();

        private void flush(OutputStream out) throws IOException {
            out.write(text.bytes, 0, text.length);
            text.length = 0;
        }

        private byte[] disassembly(CommitLog log, int i) {
            int pc = log.pc(i), insn = log.insn(i);
            if (log.trap(i) && log.cause(i) == TrapCause.FETCH_ACCESS.code()) return FETCH_FAULT;
            int slot = (pc >>> 2) & (CACHE - 1);
            byte[] s = cachedText[slot];
            if (s == null || cachedPc[slot] != pc || cachedInsn[slot] != insn) {
                s = ascii(TraceFormat.disassembly(false, 0, insn, pc));
                cachedText[slot] = s;
                cachedPc[slot] = pc;
                cachedInsn[slot] = insn;
            }
            return s;
        }
    }

    private static final byte[] FETCH_FAULT = ascii("(fetch fault)");

    /** The trace is ASCII (mnemonics, names, hex); anything else would print as '?'. */
    private static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int k = 0; k < b.length; k++) {
            char c = s.charAt(k);
            b[k] = c < 128 ? (byte) c : (byte) '?';
        }
        return b;
    }

    /**
     * The order column of a stream: records come in order, so the previous order's digits are
     * incremented in place instead of dividing by ten for every digit of every line.
     */
    private static final class Counter {
        private final byte[] digits = new byte[20];
        private int from = digits.length;
        private long value = -1;

        void put(long v, Text t) {
            if (v == value + 1 && v > 0) {
                increment();
            } else if (v >= 0) {
                from = digits.length;
                long q = v;
                do {
                    digits[--from] = (byte) ('0' + q % 10);
                    q /= 10;
                } while (q != 0);
            } else {
                value = -1;
                t.decimal(v, 8);
                return;
            }
            value = v;
            int n = digits.length - from;
            t.spaces(8 - n);
            t.room(n);
            System.arraycopy(digits, from, t.bytes, t.length, n);
            t.length += n;
        }

        private void increment() {
            for (int k = digits.length - 1; ; k--) {
                if (k < from) {
                    digits[--from] = '1';
                    return;
                }
                if (digits[k] != '9') {
                    digits[k]++;
                    return;
                }
                digits[k] = '0';
            }
        }
    }

    /** A growable ASCII buffer written digit by digit. */
    private static final class Text {
        byte[] bytes;
        int length;

        Text(int capacity) { bytes = new byte[capacity]; }

        void room(int n) {
            if (length + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }

        void put(char c) {
            room(1);
            bytes[length++] = (byte) c;
        }

        void put(String s) {
            room(s.length());
            for (int k = 0; k < s.length(); k++) bytes[length++] = (byte) s.charAt(k);
        }

        void put(byte[] s) {
            room(s.length);
            System.arraycopy(s, 0, bytes, length, s.length);
            length += s.length;
        }

        void spaces(int n) {
            if (n <= 0) return;
            room(n);
            for (int k = 0; k < n; k++) bytes[length++] = ' ';
        }

        void hex8(int v) {
            room(8);
            for (int shift = 28; shift >= 0; shift -= 4) bytes[length++] = HEX[(v >>> shift) & 15];
        }

        /** A decimal number right-aligned in {@code width} (wider numbers take the room they need). */
        void decimal(long v, int width) {
            if (v >= 0 && v < 10 && width <= 1) {
                put((char) ('0' + v));
                return;
            }
            room(21 + width);
            int digits = v < 0 ? 2 : 1;
            for (long q = Math.abs(v / 10); q != 0; q /= 10) digits++;
            spaces(width - digits);
            int end = length + digits;
            long q = v;
            int k = end;
            do {
                bytes[--k] = (byte) ('0' + Math.abs(q % 10));
                q /= 10;
            } while (q != 0);
            if (v < 0) bytes[--k] = '-';
            length = end;
        }

        @Override
        public String toString() { return new String(bytes, 0, length, StandardCharsets.US_ASCII); }
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

    /** The line of {@code r}, its order column already written from {@code start}. */
    private static void render(View r, Text s, byte[] disassembly, int start) {
        s.put(' ');
        s.hex8(r.pc());
        s.put(' ');
        s.hex8(r.insn());
        s.put(' ');
        s.put(' ');
        s.put(disassembly);
        s.spaces(DISASSEMBLY_WIDTH - disassembly.length);
        effects(r, s);
        while (s.length > start && s.bytes[s.length - 1] == ' ') s.length--;
    }

    private static void effects(View r, Text s) {
        if (r.trap()) {
            int cause = r.cause();
            String name = cause >= 0 && cause < TRAP_NAMES.length && TRAP_NAMES[cause] != null ? TRAP_NAMES[cause] : "?";
            s.put(" trap ");
            s.put(name);
            s.put(" (cause ");
            s.decimal(cause, 0);
            s.put(") tval=0x");
            s.hex8(r.tval());
            s.put(" -> ");
            s.hex8(r.pcNext());
            return;
        }
        if (r.rdAddr() != 0) {
            s.put(' ');
            s.put(Gpr.name(r.rdAddr()));
            s.put("=0x");
            s.hex8(r.rdWdata());
        }
        for (int k = 0; k < r.accesses(); k++) {
            boolean w = r.accessWrite(k);
            int mask = r.accessMask(k);
            s.put(w ? " memW[0x" : " memR[0x");
            s.hex8(r.accessAddr(k));
            s.put('/');
            int bytes = Integer.bitCount(mask);
            if (bytes > 4) {
                s.decimal(bytes, 0);
                s.put('B');
            } else {
                // the lanes as four binary digits: the digits of mask | 0x10 after the leading one
                int v = mask | 0x10;
                for (int b = 30 - Integer.numberOfLeadingZeros(v); b >= 0; b--) s.put((v >>> b & 1) != 0 ? '1' : '0');
            }
            s.put("]=");
            for (int word = dataWords(mask) - 1; word >= 0; word--) s.hex8(r.accessWord(k, word) & laneMask(mask, word));
        }
        if (r.csrRead() || r.csrWrite()) {
            Csr c = Csr.byAddress(r.csrAddr());
            String name = c == null ? null : c.mnemonic();
            if (r.csrRead()) {
                csrName(s, name, r.csrAddr());
                s.put("->0x");
                s.hex8(r.csrRdata());
            }
            if (r.csrWrite()) {
                csrName(s, name, r.csrAddr());
                s.put("<-0x");
                s.hex8(r.csrWdata());
            }
        }
        if (r.tileWrite()) {
            s.put(" m");
            s.decimal(r.tileIndex(), 0);
            s.put(" written");
        }
        if (r.pcNext() != r.pc() + 4) {
            s.put(" -> ");
            s.hex8(r.pcNext());
        }
    }

    private static void csrName(Text s, String name, int address) {
        s.put(' ');
        if (name != null) {
            s.put(name);
        } else {
            s.put("0x");
            for (int shift = 8; shift >= 0; shift -= 4) s.put((char) HEX[(address >>> shift) & 15]);
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
