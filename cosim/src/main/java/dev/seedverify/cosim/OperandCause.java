package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.isa.OperandKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a stale operand behind a bare-mode divergence. A DUT that reads a register before an
 * instruction right ahead has written it (a load-use interlock or a forwarding path missing, a
 * value forwarded from the wrong stage) gets the wrong value into whatever instruction consumes
 * it: an add, a store, a branch, a tile put. Bucketed by that instruction, one such bug falls into
 * dozens of buckets (and into the buckets of real ALU bugs). Records carry no operand values, so
 * the cause is checked by replay instead: the golden model runs the program again to the
 * consumer, once as it is and once with the register put back to its value from before the last
 * write to it (by the record right before, or the one before that); the divergence has that cause
 * only when the second run's record differs from the first exactly as the DUT's differs from the
 * reference's (every differing field, both values). An ALU bug that happens to consume a freshly
 * written value does not reproduce that way and keeps its instruction's bucket.
 *
 * <p>The causes: {@link #LOAD_USE} when the writer is a load right before (a stall, not a
 * forwarding path, is missing), else {@link #STALE_RS1} / {@link #STALE_RS2} by the operand that
 * was stale (each operand has its own forwarding mux). Only for a divergence whose consumer reads a
 * register one of the two records before it wrote; each suspect costs one golden run of the
 * program up to the divergence. Implementation-defined reads (mcycle) the lockstep gave the
 * reference from the DUT are not replayed, so a program that used them before the hazard may not
 * be attributed (it then keeps its instruction's bucket: a miss, never a wrong merge).
 */
public final class OperandCause {
    /** The cause named in the bucket: an operand read before the previous load had written it. */
    public static final String LOAD_USE = "load-use";
    /** An rs1 / rs2 operand read before one of the two instructions ahead (not a load right ahead) had written it. */
    public static final String STALE_RS1 = "stale-rs1", STALE_RS2 = "stale-rs2";
    /** How many records back a writer may be (a five-stage pipeline forwards from two stages). */
    static final int WRITERS_BACK = 2;

    private OperandCause() {}

    /** Whether a bucket unit is one of these causes rather than an instruction. */
    public static boolean isCause(String unit) {
        return unit.equals(LOAD_USE) || unit.equals(STALE_RS1) || unit.equals(STALE_RS2);
    }

    /**
     * A register the diverging instruction reads as {@code operand} ({@link Field#RS1} or
     * {@link Field#RS2}) and that the record {@code back} records before it last wrote.
     */
    public record Suspect(int register, Field operand, int back, String writer, String cause) {}

    /**
     * The suspects of {@code d}, most recent writer first: none unless the diverging instruction
     * reads (as rs1 or rs2) a register that one of the {@link #WRITERS_BACK} records before it wrote.
     */
    public static List<Suspect> suspects(Divergence d) {
        if (d.kind() != Divergence.Kind.MISMATCH || d.reference() == null || d.dut() == null || d.history().isEmpty()) return List.of();
        CommitRecord at = d.reference();
        Instruction c = at.event() ? null : Decoder.decode(at.insn());
        if (c == null) return List.of();
        List<Suspect> out = new ArrayList<>(2);
        List<CommitRecord> h = d.history();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int back = 1; back <= WRITERS_BACK && back <= h.size(); back++) {
            CommitRecord w = h.get(h.size() - back);
            if (w.event() || w.order() != d.order() - back) break; // not the instruction stream right ahead
            if (w.trap() || w.rdAddr() == 0 || !seen.add(w.rdAddr())) continue; // no write, or not the last one
            Instruction wi = Decoder.decode(w.insn());
            List<Operand> ops = c.operands();
            for (int k = 0; k < ops.size(); k++) {
                Operand op = ops.get(k);
                if (op.kind() != OperandKind.GPR || (op.field() != Field.RS1 && op.field() != Field.RS2) || c.operand(at.insn(), k) != w.rdAddr()) continue;
                boolean load = back == 1 && wi != null && wi.category() == Category.LOAD;
                String cause = load ? LOAD_USE : op.field() == Field.RS1 ? STALE_RS1 : STALE_RS2;
                out.add(new Suspect(w.rdAddr(), op.field(), back, wi == null ? "instruction" : wi.mnemonic(), cause));
                break; // rs1 == rs2: one replay covers both
            }
        }
        return out;
    }

    /**
     * {@code d} attributed to the cause of the first of its {@link #suspects} that a replay on
     * {@code golden} (a scratch golden backend, reloaded here) of {@code image} explains and, for
     * the forwarding causes, whose divergence the DUT no longer shows with the writer moved away
     * from the consumer ({@code dutRun}); else {@code d} itself.
     */
    public static Divergence attribute(Divergence d, ElfImage image, GoldenBackend golden, DutRun dutRun) {
        for (Suspect s : suspects(d)) {
            try {
                Divergence explained = replay(d, image, golden, s);
                if (explained == null) continue;
                if (s.cause().equals(LOAD_USE) || vanishesWithoutTheHazard(d, image, golden, s, dutRun)) return explained;
            } catch (RuntimeException e) {
                // an attribution that cannot be made leaves the divergence as the comparison found it
            }
        }
        return d;
    }

    /** The divergence with {@code s}'s cause when the replay reproduces the DUT's record, else null. */
    private static Divergence replay(Divergence d, ElfImage image, GoldenBackend golden, Suspect s) {
        golden.loadBare(image);
        int reg = s.register();
        if (!advance(golden, d.order() - s.back())) return null;
        Hart h = golden.hart();
        int before = h.x(reg);
        if (!advance(golden, s.back())) return null;
        Hart.Snapshot atConsumer = h.snapshot();
        CommitLog asIs = new CommitLog(1), stale = new CommitLog(1);
        golden.advance(asIs, 1);
        h.restore(atConsumer);
        h.setX(reg, before);
        golden.advance(stale, 1);
        if (asIs.size() != 1 || stale.size() != 1 || asIs.order(0) != d.order() || asIs.pc(0) != d.reference().pc()) return null;
        List<FieldDifference> replayed = RecordComparator.differences(asIs, 0, stale, 0);
        if (replayed.isEmpty() || !replayed.equals(d.differences())) return null;
        CommitRecord writer = d.history().get(d.history().size() - s.back());
        String what = s.cause().equals(LOAD_USE) ? "the load" : "the " + s.writer() + " " + s.back() + " before";
        return d.withCause(s.cause(), String.format("cause: x%d read as it was before %s at order %d wrote it (0x%08x, not 0x%08x)",
                reg, what, writer.order(), before, writer.rdWdata()));
    }

    /**
     * Runs a bare-mode image in lockstep on the DUT under attribution (against a reference of its
     * own, from a fresh load) for up to {@code maxRecords} records.
     */
    @FunctionalInterface
    public interface DutRun {
        LockstepResult run(ElfImage image, long maxRecords);
    }

    /**
     * The experiment on the DUT itself: the same program with the writer moved out of line (its
     * word becomes a jump to a trampoline that runs it, two nops and a jump on), so its result
     * is in the register file three instructions before the consumer reads it and no forwarding or
     * interlock is involved. The cause is the hazard only if the consumer's same execution then
     * agrees with the reference. A value that many operand values explain (a branch outcome, a
     * divide by a larger value giving 0) would otherwise put other instructions' bugs into the
     * forwarding bucket: the generator makes nearly every instruction read a register written one
     * or two before. False (no attribution) whenever the experiment cannot be made or says nothing:
     * no room for the trampoline, a program that runs differently once moved (one that reads
     * minstret after the writer, say).
     */
    private static boolean vanishesWithoutTheHazard(Divergence d, ElfImage image, GoldenBackend golden, Suspect s, DutRun dutRun) {
        CommitRecord writer = d.history().get(d.history().size() - s.back()), consumer = d.reference();
        ElfImage moved = withWriterOutOfLine(image, writer, golden.dramBytes());
        if (moved == null) return false;
        CommitLog original = new CommitLog(1);
        long instance = executions(golden, image, consumer.pc(), d.order(), original);
        long at = orderOfExecution(golden, moved, consumer.pc(), instance, original);
        if (at < 0) return false;
        LockstepResult r = dutRun.run(moved, at + 1);
        return r.diverged() ? r.divergence().order() > at : r.records() > at;
    }

    /**
     * {@code image} with the writer's word replaced by a jump to a trampoline after the image's
     * end: the writer (or, when its result depends on its pc, {@code lui}+{@code addi} of the value it
     * wrote), two nops, and the jump on (back after the writer, or a jump's own target); null when
     * it cannot be built (the word is not in the image's file data, no room in DRAM or in reach of
     * a jal: the encoder refuses the offset, a {@code jalr} that writes its own base register).
     */
    public static ElfImage withWriterOutOfLine(ElfImage image, CommitRecord writer, int dramBytes) {
        try {
            return outOfLine(image, writer, dramBytes);
        } catch (IllegalArgumentException e) {
            return null; // a jump the encoder cannot reach
        }
    }

    private static ElfImage outOfLine(ElfImage image, CommitRecord writer, int dramBytes) {
        int pc = writer.pc(), word = writer.insn();
        Instruction w = Decoder.decode(word);
        if (w == null) return null;
        long end = Integer.toUnsignedLong(Memory.BASE);
        ElfImage.LoadSegment home = null;
        for (ElfImage.LoadSegment seg : image.segments()) {
            end = Math.max(end, seg.endAddress());
            long off = Integer.toUnsignedLong(pc) - Integer.toUnsignedLong(seg.address());
            if (off >= 0 && off + 4 <= seg.fileSize()) home = seg;
        }
        int t = (int) ((end + 64 + 15) & ~15L);
        List<Integer> words = new ArrayList<>();
        int nop = Encoder.encode(Instruction.ADDI, 0, 0, 0);
        // the writer, position-independent
        if (w == Instruction.AUIPC || w == Instruction.JAL || w == Instruction.JALR) {
            if (w == Instruction.JALR && Field.RS1.extract(word) == writer.rdAddr()) return null;
            int v = writer.rdWdata(), hi = ((v + 0x800) >>> 12) & 0xFFFFF, lo = v - (hi << 12);
            words.add(Encoder.encode(Instruction.LUI, writer.rdAddr(), hi));
            words.add(Encoder.encode(Instruction.ADDI, writer.rdAddr(), writer.rdAddr(), lo));
        } else {
            words.add(word);
        }
        words.add(nop);
        words.add(nop);
        // and on: where the writer went on
        int last = t + 4 * words.size();
        if (w == Instruction.JALR) words.add(withoutRd(w, word));
        else words.add(Encoder.encode(Instruction.JAL, 0, (w == Instruction.JAL ? writer.pcNext() : pc + 4) - last));
        byte[] code = new byte[4 * words.size()];
        for (int k = 0; k < words.size(); k++) putWord(code, 4 * k, words.get(k));
        if (home == null || Integer.toUnsignedLong(t) + code.length > Integer.toUnsignedLong(Memory.BASE) + dramBytes) return null;
        List<ElfImage.LoadSegment> segments = new ArrayList<>();
        for (ElfImage.LoadSegment seg : image.segments()) {
            if (seg != home) {
                segments.add(seg);
                continue;
            }
            byte[] data = seg.data();
            putWord(data, pc - seg.address(), Encoder.encode(Instruction.JAL, 0, t - pc));
            segments.add(new ElfImage.LoadSegment(seg.address(), data, seg.memorySize()));
        }
        segments.add(new ElfImage.LoadSegment(t, code, code.length));
        return new ElfImage(image.name() + " (writer at 0x" + Integer.toHexString(pc) + " out of line)", image.entry(), segments, image.symbols());
    }

    /** {@code word} (of {@code insn}) writing x0 instead of its rd. */
    private static int withoutRd(Instruction insn, int word) {
        List<Operand> ops = insn.operands();
        int[] values = new int[ops.size()];
        for (int k = 0; k < values.length; k++) values[k] = ops.get(k).field() == Field.RD ? 0 : insn.operand(word, k);
        return Encoder.encode(insn, values);
    }

    private static void putWord(byte[] b, int off, int v) {
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(off, v);
    }

    /**
     * How many records at {@code pc} the golden model's run of {@code image} has up to and
     * including {@code order}; the record at {@code order} is copied into {@code at}.
     */
    private static long executions(GoldenBackend golden, ElfImage image, int pc, long order, CommitLog at) {
        golden.loadBare(image);
        long[] seen = {0};
        scan(golden, order + 1, (log, i) -> {
            if (log.pc(i) == pc) seen[0]++;
            if (log.order(i) == order) at.appendFrom(log, i, 1);
            return true;
        });
        return seen[0];
    }

    /**
     * The order of the {@code n}-th record at {@code pc} in the golden model's run of {@code image},
     * or -1 when there is none within reach or it differs from {@code expected}'s record in more
     * than its order (the moved program took another path: the experiment would say nothing).
     */
    private static long orderOfExecution(GoldenBackend golden, ElfImage image, int pc, long n, CommitLog expected) {
        if (expected.size() != 1) return -1;
        golden.loadBare(image);
        long[] seen = {0}, found = {-1};
        long limit = (expected.order(0) + 1) * 6; // each pass through a trampoline adds up to 5 records
        scan(golden, limit, (log, i) -> {
            if (log.pc(i) != pc || ++seen[0] < n) return true;
            boolean same = RecordComparator.differences(expected, 0, log, i).stream().allMatch(f -> f.field().startsWith("order"));
            if (same) found[0] = log.order(i);
            return false;
        });
        return found[0];
    }

    /** Runs {@code n} records; false when the program stopped before. */
    private static boolean advance(GoldenBackend golden, long n) {
        return scan(golden, n, (log, i) -> true) == n;
    }

    /** Sees one record of a {@link #scan}; false stops it. */
    private interface RecordVisitor {
        boolean visit(CommitLog log, int i);
    }

    /** Runs up to {@code n} records on {@code golden} in batches, showing each to {@code v}; returns how many ran. */
    private static long scan(GoldenBackend golden, long n, RecordVisitor v) {
        CommitLog log = new CommitLog(LockstepRunner.BATCH);
        long done = 0;
        while (done < n) {
            log.clear();
            Backend.Status s = golden.advance(log, (int) Math.min(log.capacity(), n - done));
            for (int i = 0; i < log.size(); i++) if (!v.visit(log, i)) return done + i + 1;
            done += log.size();
            if (s != Backend.Status.RUNNING) break;
        }
        return done;
    }
}
