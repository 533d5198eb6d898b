package dev.seedverify.conformance;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.ExecutionEngine;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.TranslationPolicy;

/** The golden model alone, in bare mode (spec §3), via {@link BareMetal}, on either engine. */
public final class GoldenTarget implements ProgramTarget {
    /** Far above what any program needs (each stays under ~20k instructions) but ends a hang quickly. */
    public static final long DEFAULT_BUDGET = 1_000_000;

    private final int dramBytes;
    private final long budget;
    private final ExecutionEngine engine;
    private final TranslationPolicy policy;

    public GoldenTarget() { this(Memory.DEFAULT_BYTES, DEFAULT_BUDGET); }

    public GoldenTarget(int dramBytes, long budget) {
        this(dramBytes, budget, ExecutionEngine.defaultEngine(), TranslationPolicy.fromProperties());
    }

    /** The golden model on {@code engine}; {@code policy} says when the translator translates. */
    public GoldenTarget(int dramBytes, long budget, ExecutionEngine engine, TranslationPolicy policy) {
        if (budget <= 0) throw new IllegalArgumentException("budget must be positive: " + budget);
        new Memory(dramBytes); // validates the size
        this.dramBytes = dramBytes;
        this.budget = budget;
        this.engine = engine;
        this.policy = policy;
    }

    public ExecutionEngine engine() { return engine; }

    @Override
    public String name() { return "golden"; }

    public int dramBytes() { return dramBytes; }

    public long budget() { return budget; }

    @Override
    public ProgramOutcome run(ConformanceProgram program) {
        ElfImage image = program.image();
        String warning = BareMetal.entryWarning(image);
        if (warning != null) return ProgramOutcome.error(program.path(), warning);
        if (image.tohost().isEmpty()) return ProgramOutcome.error(program.path(), "no tohost symbol");
        Hart hart = new Hart(new Memory(dramBytes), engine);
        hart.setEngine(engine, policy);
        BareMetal.load(hart, image);
        BareMetal.Result r = BareMetal.run(hart, budget);
        ProgramOutcome.Status status = switch (r.verdict()) {
            case PASS -> ProgramOutcome.Status.PASS;
            case FAIL -> ProgramOutcome.Status.FAIL;
            case TIMEOUT -> ProgramOutcome.Status.TIMEOUT;
        };
        return new ProgramOutcome(program.path(), status, r.failedTest(), r.tohostValue(), r.instret(), r.steps(),
                status == ProgramOutcome.Status.TIMEOUT ? "budget of " + budget + " instructions ran out" : "");
    }
}
