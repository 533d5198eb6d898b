package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.TrapCause;

import java.util.Locale;
import java.util.Objects;

/**
 * What a divergence looks like, for grouping many failures of one bug: the diverging instruction's
 * mnemonic (table mnemonic: {@code csrrs}, not {@code csrr}; {@code illegal} for an illegal word,
 * {@code fetch} for a fetch fault, {@code -} without a record), the first differing field with
 * indices removed ({@code tile.word[17]} → {@code tile.word[]}, so the same bug in another element
 * is the same bucket), and the trap cause of the record ({@code -} when neither side trapped).
 * Written {@code mnemonic | field | cause}.
 */
public record BucketSignature(String mnemonic, String field, String trap) {

    public BucketSignature {
        Objects.requireNonNull(mnemonic);
        Objects.requireNonNull(field);
        Objects.requireNonNull(trap);
    }

    public static BucketSignature of(Divergence d) {
        CommitRecord at = d.reference() != null ? d.reference() : d.dut();
        String mn = at == null ? "-" : mnemonic(at);
        String field = d.firstField().replaceAll("\\[\\d+]", "[]");
        String trap = "-";
        if (d.reference() != null && d.reference().trap()) trap = cause(d.reference().cause());
        else if (d.dut() != null && d.dut().trap()) trap = cause(d.dut().cause());
        return new BucketSignature(mn, field, trap);
    }

    static String mnemonic(CommitRecord r) {
        if (r.event()) {
            DeviceEvent e = DeviceEvent.of(r.eventKind());
            return "event:" + (e == null ? Integer.toString(r.eventKind()) : e.name().toLowerCase(Locale.ROOT));
        }
        if (r.trap() && r.cause() == TrapCause.FETCH_ACCESS.code()) return "fetch";
        Instruction i = Decoder.decode(r.insn());
        return i == null ? "illegal" : i.mnemonic();
    }

    static String cause(int code) {
        TrapCause c = TrapCause.of(code);
        return c == null ? "cause" + code : c.name();
    }

    /** Parses {@link #toString()}. */
    public static BucketSignature parse(String text) {
        String[] p = text.split("\\|");
        if (p.length != 3) throw new IllegalArgumentException("bucket signature 'mnemonic | field | cause' expected, got '" + text + "'");
        return new BucketSignature(p[0].strip(), p[1].strip(), p[2].strip());
    }

    /** A file-name-safe form, e.g. {@code sra.rd_wdata}, {@code tst.mem.wdata} or {@code sw.trap_tval.store_misaligned}. */
    public String slug() {
        String s = mnemonic + "." + field.replace("[]", "") + (trap.equals("-") ? "" : "." + trap.toLowerCase(Locale.ROOT));
        return s.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("_+", "_");
    }

    @Override
    public String toString() { return mnemonic + " | " + field + " | " + trap; }
}
