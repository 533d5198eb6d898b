package dev.seedverify.golden.commit;

import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.golden.isa.TrapCause;

import java.util.Locale;

/**
 * Objdump-like text for commit records: {@code order pc insn disassembly effects}. Used by the
 * command-line trace and by divergence reports, so both read the same.
 */
public final class TraceFormat {
    private TraceFormat() {}

    public static String line(CommitRecord r) {
        if (r.event()) return eventLine(r);
        StringBuilder s = new StringBuilder();
        s.append(String.format("%8d %08x %08x  %-28s", r.order(), r.pc(), r.insn(), disassembly(r)));
        effects(s, r);
        return s.toString().stripTrailing();
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
        if (r.trap() && r.cause() == TrapCause.FETCH_ACCESS.code()) return "(fetch fault)";
        return Disassembler.disassemble(r.insn(), r.pc()).replace('\t', ' ');
    }

    /** The record's effects: trap, rd write, memory accesses, CSR access, tile write. */
    public static String effects(CommitRecord r) {
        StringBuilder s = new StringBuilder();
        effects(s, r);
        return s.toString().strip();
    }

    private static void effects(StringBuilder s, CommitRecord r) {
        if (r.trap()) {
            TrapCause c = TrapCause.of(r.cause());
            s.append(String.format(" trap %s (cause %d) tval=0x%08x -> %08x",
                    c == null ? "?" : c.name().toLowerCase(Locale.ROOT), r.cause(), r.tval(), r.pcNext()));
            return;
        }
        if (r.rdAddr() != 0) s.append(String.format(" %s=0x%08x", Gpr.name(r.rdAddr()), r.rdWdata()));
        for (CommitRecord.MemoryAccess a : r.memory()) {
            boolean w = a.isWrite();
            int[] data = w ? a.wdata() : a.rdata();
            s.append(String.format(" mem%s[0x%08x/%s]=", w ? "W" : "R", a.addr(), maskText(w ? a.wmask() : a.rmask())));
            for (int i = data.length - 1; i >= 0; i--) s.append(String.format("%08x", data[i]));
        }
        if (r.csrAddr() != null) {
            Csr c = Csr.byAddress(r.csrAddr());
            String name = c == null ? String.format("0x%03x", r.csrAddr()) : c.mnemonic();
            if (r.csrRead()) s.append(String.format(" %s->0x%08x", name, r.csrRdata()));
            if (r.csrWrite()) s.append(String.format(" %s<-0x%08x", name, r.csrWdata()));
        }
        if (r.tileWrite()) s.append(" m").append(r.tileIndex()).append(" written");
        if (r.pcNext() != r.pc() + 4) s.append(String.format(" -> %08x", r.pcNext()));
    }

    private static String maskText(int mask) {
        return Integer.bitCount(mask) > 4 ? Integer.bitCount(mask) + "B" : Integer.toBinaryString(mask | 0x10).substring(1);
    }
}
