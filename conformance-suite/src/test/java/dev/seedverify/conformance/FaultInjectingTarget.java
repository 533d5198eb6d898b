package dev.seedverify.conformance;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.StopReason;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A deliberately wrong golden model: the golden hart, stepped one instruction at a time, with a
 * fault injected into the architectural state right after every instruction that matches
 * {@code when} (e.g. "flip bit 0 of every DIV result", "corrupt mcause after every ecall"). A
 * conformance program for that area must then FAIL. Test code only: the golden model itself is
 * untouched.
 */
final class FaultInjectingTarget implements ProgramTarget {
    private final String name;
    private final Predicate<CommitRecord> when;
    private final BiConsumer<Hart, CommitRecord> fault;
    private final long budget;
    private int injections;

    FaultInjectingTarget(String name, Predicate<CommitRecord> when, BiConsumer<Hart, CommitRecord> fault) {
        this.name = name;
        this.when = when;
        this.fault = fault;
        this.budget = GoldenTarget.DEFAULT_BUDGET;
    }

    @Override
    public String name() { return "golden with fault: " + name; }

    /** How many times the fault was injected in the last run. */
    int injections() { return injections; }

    @Override
    public ProgramOutcome run(ConformanceProgram p) {
        injections = 0;
        Hart hart = new Hart(new Memory(Memory.DEFAULT_BYTES));
        BareMetal.load(hart, p.image());
        CommitLog log = new CommitLog(1);
        hart.setCommitLog(log);
        boolean halted = false;
        for (long i = 0; i < budget && !halted; i++) {
            StopReason r = hart.run(1);
            if (log.size() == 1) {
                CommitRecord rec = log.get(0);
                log.clear();
                if (when.test(rec)) {
                    fault.accept(hart, rec);
                    injections++;
                }
            }
            halted = r == StopReason.HALTED;
        }
        BareMetal.Result res = BareMetal.judge(hart, halted);
        ProgramOutcome.Status s = switch (res.verdict()) {
            case PASS -> ProgramOutcome.Status.PASS;
            case FAIL -> ProgramOutcome.Status.FAIL;
            case TIMEOUT -> ProgramOutcome.Status.TIMEOUT;
        };
        return new ProgramOutcome(p.path(), s, res.failedTest(), res.tohostValue(), res.instret(), res.steps(),
                injections + " injections");
    }
}
