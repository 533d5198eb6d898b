package dev.seedverify.conformance;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Memory;

/** The golden model alone, in bare mode (spec §3), via {@link BareMetal}. */
public final class GoldenTarget implements ProgramTarget {
    /** Far above what any program needs (each stays under ~20k instructions) but ends a hang quickly. */
    public static final long DEFAULT_BUDGET = 1_000_000;

    private final int dramBytes;
    private final long budget;

    public GoldenTarget() { this(Memory.DEFAULT_BYTES, DEFAULT_BUDGET); }

    public GoldenTarget(int dramBytes, long budget) {
        if (budget <= 0) throw new IllegalArgumentException("budget must be positive: " + budget);
        new Memory(dramBytes); // validates the size
        this.dramBytes = dramBytes;
        this.budget = budget;
    }

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
        BareMetal.Result r = BareMetal.run(image, dramBytes, budget);
        ProgramOutcome.Status status = switch (r.verdict()) {
            case PASS -> ProgramOutcome.Status.PASS;
            case FAIL -> ProgramOutcome.Status.FAIL;
            case TIMEOUT -> ProgramOutcome.Status.TIMEOUT;
        };
        return new ProgramOutcome(program.path(), status, r.failedTest(), r.tohostValue(), r.instret(), r.steps(),
                status == ProgramOutcome.Status.TIMEOUT ? "budget of " + budget + " instructions ran out" : "");
    }
}
