package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.device.DeviceEvent;
import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.TrapCause;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a divergence looks like, for grouping the many failures of one bug into one bucket. It
 * names the cause, not what came after it:
 * <ul>
 *   <li><b>unit</b>: what produced the first wrong value. The diverging instruction's mnemonic
 *       ({@code sra}; table mnemonics, {@code csrrs} not {@code csrr}); for a CSR instruction the
 *       CSR it accessed ({@code csr:minstret}, aliases folded into their counter), because a
 *       wrong CSR shows through whichever of the six CSR instructions read it; {@code trap} when
 *       the first difference is the cause or tval of a trap both sides took (the trap logic, not
 *       the instruction, is wrong); {@code fetch} for a fetch fault, {@code illegal} for an
 *       illegal word, {@code event:<kind>} for a device event, {@code -} without a record.</li>
 *   <li><b>field</b>: the first differing field with indices removed ({@code tile.row[2].word[1]}
 *       becomes {@code tile.row[].word[]}); a jump's or branch's wrong outcome is {@code next-pc}
 *       whether it shows as a different next pc or as a misaligned-target trap on one side.</li>
 *   <li><b>trap</b>: the trap cause when the field is a trap's cause or tval, else {@code -}.</li>
 * </ul>
 * A divergence whose cause was found by replaying the reference ({@link Divergence#cause()}) is
 * bucketed by that cause, not by the instruction that happened to consume the wrong value:
 * {@code load-use | operand | -} when the DUT's record is exactly what the golden model computes
 * with the register the previous load wrote still holding its value from before the load, and
 * {@code stale-rs1 | operand | -} / {@code stale-rs2 | operand | -} likewise for a register one
 * of the two instructions before (not a load right before) wrote ({@link OperandCause}), whichever
 * instruction read it.
 * Written {@code unit | field | trap}.
 */
public record BucketSignature(String unit, String field, String trap) {

    public BucketSignature {
        Objects.requireNonNull(unit);
        Objects.requireNonNull(field);
        Objects.requireNonNull(trap);
    }

    private static final Set<String> TRAP_DETAIL = Set.of("trap_cause", "trap_tval");
    private static final Set<String> CONTROL_OUTCOME = Set.of("pc_next", "trap", "trap_cause", "trap_tval");

    public static BucketSignature of(Divergence d) {
        if (d.cause() != null) return new BucketSignature(d.cause(), "operand", "-");
        return byRecord(d);
    }

    /** The bucket of {@code d}'s first differing record alone, whatever cause a replay found (for comparing the two). */
    public static BucketSignature byRecord(Divergence d) {
        CommitRecord at = d.reference() != null ? d.reference() : d.dut();
        String field = d.firstField().replaceAll("\\[\\d+]", "[]");
        if (at == null) return new BucketSignature("-", field, "-");
        Instruction insn = at.event() || fetchFault(at) ? null : Decoder.decode(at.insn());
        if (insn != null && (insn.category() == Category.BRANCH || insn.category() == Category.JUMP) && CONTROL_OUTCOME.contains(field)) {
            return new BucketSignature(insn.mnemonic(), "next-pc", "-");
        }
        if (TRAP_DETAIL.contains(field) && at.trap()) return new BucketSignature("trap", field, cause(at.cause()));
        return new BucketSignature(unit(at, insn), field, "-");
    }

    private static boolean fetchFault(CommitRecord r) { return r.trap() && r.cause() == TrapCause.FETCH_ACCESS.code(); }

    static String unit(CommitRecord r, Instruction insn) {
        if (r.event()) {
            DeviceEvent e = DeviceEvent.of(r.eventKind());
            return "event:" + (e == null ? Integer.toString(r.eventKind()) : e.name().toLowerCase(Locale.ROOT));
        }
        if (fetchFault(r)) return "fetch";
        if (insn == null) return "illegal";
        if (insn.category() == Category.CSR) {
            Csr c = Csr.byAddress(Field.CSR.extract(r.insn()));
            return c == null ? insn.mnemonic() : "csr:" + counter(c).mnemonic();
        }
        return insn.mnemonic();
    }

    /** A read-only counter alias is its machine counter: a bug in the counter shows through both. */
    private static Csr counter(Csr c) {
        return switch (c) {
            case CYCLE -> Csr.MCYCLE;
            case CYCLEH -> Csr.MCYCLEH;
            case INSTRET -> Csr.MINSTRET;
            case INSTRETH -> Csr.MINSTRETH;
            default -> c;
        };
    }

    static String cause(int code) {
        TrapCause c = TrapCause.of(code);
        return c == null ? "cause" + code : c.name();
    }

    /** Parses {@link #toString()}. */
    public static BucketSignature parse(String text) {
        String[] p = text.split("\\|");
        if (p.length != 3) throw new IllegalArgumentException("bucket signature 'unit | field | cause' expected, got '" + text + "'");
        return new BucketSignature(p[0].strip(), p[1].strip(), p[2].strip());
    }

    /** A file-name-safe form, e.g. {@code sra.rd_wdata}, {@code tst.mem.wdata} or {@code sw.trap_tval.store_misaligned}. */
    public String slug() {
        String s = unit.replace(':', '-') + "." + field.replace("[]", "") + (trap.equals("-") ? "" : "." + trap.toLowerCase(Locale.ROOT));
        return s.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("_+", "_");
    }

    @Override
    public String toString() { return unit + " | " + field + " | " + trap; }
}
