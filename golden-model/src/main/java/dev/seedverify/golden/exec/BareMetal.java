package dev.seedverify.golden.exec;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;

import java.util.function.Consumer;

/**
 * Runs a program in bare mode (spec §3): reset, load, execute until tohost is written or the
 * instruction budget runs out, and judge the result with the HTIF convention.
 */
public final class BareMetal {
    /** Default instruction budget: generous for directed tests, small enough to end a hung program. */
    public static final long DEFAULT_BUDGET = 10_000_000L;

    private BareMetal() {}

    public enum Verdict { PASS, FAIL, TIMEOUT }

    /**
     * @param tohostValue the word written to tohost (0 on timeout)
     * @param steps       instructions executed, traps included (the budget counts these)
     */
    public record Result(Verdict verdict, int tohostValue, long instret, long steps) {
        /** The failing test number (tohost >> 1) for a FAIL with an odd value, else 0. */
        public int failedTest() { return verdict == Verdict.FAIL && (tohostValue & 1) != 0 ? tohostValue >>> 1 : 0; }

        public String summary() {
            return switch (verdict) {
                case PASS -> "PASS";
                case TIMEOUT -> "TIMEOUT";
                case FAIL -> (tohostValue & 1) != 0
                        ? "FAIL (test " + failedTest() + ")"
                        : String.format("FAIL (tohost = 0x%08x is not an HTIF exit code)", tohostValue);
            } + String.format(" tohost=0x%08x instret=%d", tohostValue, instret);
        }
    }

    /**
     * Resets {@code hart} and loads {@code image} into its memory. The hart starts at the reset pc
     * 0x8000_0000 whatever the ELF entry says (spec §3); see {@link #entryWarning}.
     */
    public static void load(Hart hart, ElfImage image) {
        Memory mem = hart.memory();
        image.requireWithin(Memory.BASE, mem.size());
        mem.clear();
        mem.load(image);
        hart.resetBare();
        if (image.tohost().isPresent()) hart.setTohost(image.tohost().getAsInt());
        else hart.clearTohost();
    }

    /** A warning when the image's entry point is not the bare-mode reset pc, else null. */
    public static String entryWarning(ElfImage image) {
        return image.entry() == Memory.BASE ? null : String.format(
                "%s: entry point 0x%08x is not the reset pc 0x%08x; bare mode starts at 0x%08x (spec §3): put _start first",
                image.name(), image.entry(), Memory.BASE, Memory.BASE);
    }

    /** Runs a loaded hart with no commit log for at most {@code budget} instructions. */
    public static Result run(Hart hart, long budget) {
        if (hart.commitLog() != null) throw new IllegalStateException("the hart records commits: use run(hart, budget, drain)");
        return run(hart, budget, log -> { });
    }

    /**
     * Runs a loaded hart for at most {@code budget} instructions, handing each full commit log
     * (and the last partial one) to {@code drain} before it is cleared, so no record is lost.
     */
    public static Result run(Hart hart, long budget, Consumer<CommitLog> drain) {
        long start = hart.order();
        CommitLog log = hart.commitLog();
        StopReason stop;
        do {
            stop = hart.run(budget - (hart.order() - start));
            if (log != null && (stop == StopReason.LOG_FULL || !log.isEmpty())) {
                drain.accept(log);
                log.clear();
            }
        } while (stop == StopReason.LOG_FULL);
        return judge(hart, stop == StopReason.HALTED);
    }

    /** The verdict of a hart whose run ended (halted or out of budget). */
    public static Result judge(Hart hart, boolean halted) {
        long steps = hart.order();
        if (!halted) return new Result(Verdict.TIMEOUT, 0, hart.instret(), steps);
        int v = hart.tohostValue();
        return new Result(v == 1 ? Verdict.PASS : Verdict.FAIL, v, hart.instret(), steps);
    }

    /** Loads and runs {@code image} on a fresh hart with {@code dramBytes} of DRAM. */
    public static Result run(ElfImage image, int dramBytes, long budget) {
        Hart hart = new Hart(new Memory(dramBytes));
        load(hart, image);
        return run(hart, budget);
    }
}
