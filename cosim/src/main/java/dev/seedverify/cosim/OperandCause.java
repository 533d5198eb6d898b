package dev.seedverify.cosim;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Operand;
import dev.seedverify.golden.isa.OperandKind;

import java.util.List;

/**
 * Finds a load-use hazard behind a bare-mode divergence. A DUT that reads a register before the
 * load right ahead has written it gets the wrong value into whatever instruction consumes it: an
 * add, a store, a branch, a tile put. Bucketed by that instruction, one such bug falls into dozens
 * of buckets (and into the buckets of real ALU bugs). Records carry no operand values, so the
 * cause is checked by replay instead: the golden model runs the program again to the consumer,
 * once as it is and once with the loaded register put back to its value from before the load; the
 * divergence is a load-use one only when the second run's record differs from the first exactly as
 * the DUT's differs from the reference's (every differing field, both values). An ALU bug that
 * happens to consume a loaded value does not reproduce that way and keeps its instruction's bucket.
 *
 * <p>Only for a divergence whose previous record is a load that wrote a register the diverging
 * instruction reads; the replay costs one golden run of the program up to the divergence.
 * Implementation-defined reads (mcycle) the lockstep gave the reference from the DUT are not
 * replayed, so a program that used them before the hazard may not be attributed (it then keeps
 * its instruction's bucket: a miss, never a wrong merge).
 */
public final class OperandCause {
    /** The cause named in the bucket: an operand read before the previous load had written it. */
    public static final String LOAD_USE = "load-use";

    private OperandCause() {}

    /**
     * The register ({@code 1..31}) that the record before {@code d}'s, a load, wrote and that
     * {@code d}'s instruction reads as rs1 or rs2; 0 when {@code d} does not have that shape.
     */
    public static int loadUseRegister(Divergence d) {
        if (d.kind() != Divergence.Kind.MISMATCH || d.reference() == null || d.dut() == null || d.history().isEmpty()) return 0;
        CommitRecord load = d.history().get(d.history().size() - 1), at = d.reference();
        if (load.event() || at.event() || load.trap() || load.rdAddr() == 0 || load.order() != d.order() - 1) return 0;
        Instruction l = Decoder.decode(load.insn()), c = Decoder.decode(at.insn());
        if (l == null || l.category() != Category.LOAD || c == null) return 0;
        List<Operand> ops = c.operands();
        for (int k = 0; k < ops.size(); k++) {
            Operand op = ops.get(k);
            if (op.kind() == OperandKind.GPR && (op.field() == Field.RS1 || op.field() == Field.RS2) && c.operand(at.insn(), k) == load.rdAddr()) {
                return load.rdAddr();
            }
        }
        return 0;
    }

    /**
     * {@code d} attributed to {@link #LOAD_USE} when the replay on {@code golden} (a scratch golden
     * backend, reloaded here) of {@code image} explains it, else {@code d} itself.
     */
    public static Divergence attribute(Divergence d, ElfImage image, GoldenBackend golden) {
        int reg = loadUseRegister(d);
        if (reg == 0) return d;
        try {
            return replay(d, image, golden, reg);
        } catch (RuntimeException e) {
            return d; // an attribution that cannot be made leaves the divergence as the comparison found it
        }
    }

    private static Divergence replay(Divergence d, ElfImage image, GoldenBackend golden, int reg) {
        CommitLog log = new CommitLog(LockstepRunner.BATCH);
        golden.loadBare(image);
        if (!advance(golden, log, d.order() - 1)) return d;
        Hart h = golden.hart();
        int before = h.x(reg);
        if (!advance(golden, log, 1)) return d;
        Hart.Snapshot atConsumer = h.snapshot();
        CommitLog asIs = new CommitLog(1), stale = new CommitLog(1);
        golden.advance(asIs, 1);
        h.restore(atConsumer);
        h.setX(reg, before);
        golden.advance(stale, 1);
        if (asIs.size() != 1 || stale.size() != 1 || asIs.order(0) != d.order() || asIs.pc(0) != d.reference().pc()) return d;
        List<FieldDifference> replayed = RecordComparator.differences(asIs, 0, stale, 0);
        if (replayed.isEmpty() || !replayed.equals(d.differences())) return d;
        return d.withCause(LOAD_USE, String.format("cause: x%d read as it was before the load at order %d wrote it (0x%08x, not 0x%08x)",
                reg, d.order() - 1, before, d.history().get(d.history().size() - 1).rdWdata()));
    }

    /** Runs {@code n} records; false when the program stopped before. */
    private static boolean advance(GoldenBackend golden, CommitLog log, long n) {
        long done = 0;
        while (done < n) {
            log.clear();
            Backend.Status s = golden.advance(log, (int) Math.min(log.capacity(), n - done));
            done += log.size();
            if (done < n && s != Backend.Status.RUNNING) return false;
        }
        return true;
    }
}
