package dev.seedverify.golden.lockstep;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.StopReason;

import java.util.Optional;

/** The golden model as a {@link CommitSource}: for golden-only replay and comparator self-tests. */
public final class GoldenSource implements CommitSource {
    private final Hart hart;

    /** {@code hart} is loaded and reset by the caller. */
    public GoldenSource(Hart hart) { this.hart = hart; }

    public Hart hart() { return hart; }

    @Override
    public Status advance(CommitLog log, int maxRecords) {
        CommitLog previous = hart.commitLog();
        hart.setCommitLog(log);
        try {
            int target = log.size() + maxRecords;
            while (true) {
                StopReason stop = hart.run(target - log.size());
                switch (stop) {
                    case HALTED: return Status.HALTED;
                    case TRAPPED: return Status.TRAPPED;
                    case BUDGET: if (log.size() >= target) return Status.RUNNING; break;
                    case LOG_FULL: return Status.RUNNING;
                    default: throw new AssertionError(stop);
                }
            }
        } finally {
            hart.setCommitLog(previous);
        }
    }

    @Override
    public int tohostValue() { return hart.tohostValue(); }

    @Override
    public String describe() { return "golden model"; }

    /** The hart's state: it executes one instruction at a time, so nothing is ever in flight. */
    @Override
    public Optional<ArchState> finalState(CommitLog inFlight) { return Optional.of(ArchState.of(hart)); }
}
