package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.cosim.ForwardingBackend;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.StopReason;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;

/**
 * A deliberately wrong DUT for the property engine's self-tests: the golden model stepped one
 * instruction at a time, with a {@link Fault} that sees each instruction's pre-state (pc, word,
 * source values) and may corrupt the record it produced and the hart's state afterwards, like a
 * real RTL bug. Test code only: the golden model itself is untouched.
 */
final class FaultyGoldenBackend extends ForwardingBackend {

    /** The state before one instruction. */
    static final class Step {
        int pc, word, rd, rs1, rs2, rs1v, rs2v, rdOld;
        Instruction insn;
        /** Scratch for faults that need the operands of the tile unit. */
        int[] tileA, tileB;
        int xsqmul, xsqshift, xsqzp;
        /** Fault state carried from one instruction to the next (per DUT: faults are shared, stateless objects). */
        int pendingReg, pendingOld, pendingNew;
        boolean stale;
    }

    /** A bug: {@link #before} may change the hart's state, {@link #after} the record {@code i} of {@code log} and the state. */
    interface Fault {
        String name();

        default void before(Hart h, Step s) {}

        void after(Hart h, Step s, CommitLog log, int i);

        /** Called at each program load, with this DUT's step (whose carried state it should clear). */
        default void reset(Step s) {}
    }

    private final Fault fault;
    private final Hart hart;
    private final Step step = new Step();

    FaultyGoldenBackend(Fault fault, int dramBytes) {
        super(new GoldenBackend(dramBytes));
        this.fault = fault;
        hart = ((GoldenBackend) inner).hart();
    }

    @Override
    public Status advance(CommitLog log, int maxRecords) {
        hart.setCommitLog(log);
        try {
            for (int n = 0; n < maxRecords; n++) {
                capture();
                fault.before(hart, step);
                int i = log.size();
                StopReason r = hart.run(1);
                if (log.size() > i) fault.after(hart, step, log, i);
                if (r == StopReason.HALTED) return Status.HALTED;
            }
            return Status.RUNNING;
        } finally {
            hart.setCommitLog(null);
        }
    }

    private void capture() {
        Step s = step;
        s.pc = hart.pc();
        boolean fetchable = (s.pc & 3) == 0 && hart.memory().contains(s.pc, 4);
        s.word = fetchable ? hart.memory().loadWord(s.pc - Memory.BASE) : 0;
        s.insn = fetchable ? Decoder.decode(s.word) : null;
        s.rd = Field.RD.extract(s.word);
        s.rs1 = Field.RS1.extract(s.word);
        s.rs2 = Field.RS2.extract(s.word);
        s.rs1v = hart.x(s.rs1);
        s.rs2v = hart.x(s.rs2);
        s.rdOld = hart.x(s.rd);
    }

    @Override
    public String name() { return "fault:" + fault.name(); }

    @Override
    public String describe() { return "golden model with fault " + fault.name(); }

    @Override
    public void loadBare(ElfImage image) {
        inner.loadBare(image);
        fault.reset(step);
    }
}
