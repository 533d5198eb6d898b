package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.lockstep.CommitSource;
import dev.seedverify.golden.lockstep.TargetFailure;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The RTL simulation as a {@link CommitSource} for the lockstep comparator. {@link #advance} runs
 * natively until {@code maxRecords} records, the tohost halt, a trap stop or a hang, and
 * bulk-appends the records to the log. A hang becomes {@code TargetFailure(HANG, "no instruction
 * retired in N cycles after order X at pc ...")}; a model crash becomes an
 * {@link RtlSimulationException} (a {@code TargetFailure} of kind CRASH) after the records produced
 * before it were appended.
 *
 * <p>Like its simulator, a source is used on the thread that created the simulator.
 */
public final class RtlSource implements CommitSource {
    private final RtlSimulator sim;
    private final boolean owned;

    /** A source over a simulator that the caller has loaded and reset (and closes). */
    public RtlSource(RtlSimulator sim) {
        this(sim, false);
    }

    private RtlSource(RtlSimulator sim, boolean owned) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.owned = owned;
    }

    /** A new simulator of {@code model} with {@code image} loaded and reset in bare mode; closed with the source. */
    public static RtlSource bare(RtlModel model, ElfImage image) {
        return bare(model, image, null);
    }

    /** As {@link #bare(RtlModel, ElfImage)}, tracing the whole run into {@code waveform} when it is not null. */
    public static RtlSource bare(RtlModel model, ElfImage image, Path waveform) {
        RtlSimulator sim = RtlSimulator.create(model);
        try {
            if (waveform != null) sim.traceOpen(waveform);
            sim.loadBare(image);
            return new RtlSource(sim, true);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    public RtlSimulator simulator() { return sim; }

    @Override
    public Status advance(CommitLog log, int maxRecords) {
        RunResult r;
        try {
            r = sim.run(Long.MAX_VALUE, maxRecords, log);
        } catch (IllegalStateException e) {
            if (!sim.isAlive() && !sim.isClosed()) throw new TargetFailure(TargetFailure.Kind.CRASH, e.getMessage(), e);
            throw e;
        }
        return switch (r.status()) {
            case RECORD_LIMIT -> Status.RUNNING;
            case HALTED -> Status.HALTED;
            case TRAPPED -> Status.TRAPPED;
            case HANG -> throw new TargetFailure(TargetFailure.Kind.HANG, r.message());
            case CYCLE_LIMIT -> throw new TargetFailure(TargetFailure.Kind.ERROR, "cycle limit reached");
        };
    }

    @Override
    public int tohostValue() { return sim.tohostValue(); }

    /** Drains the pipeline (its records into {@code inFlight}), then reads the state through the backdoors. */
    @Override
    public Optional<ArchState> finalState(CommitLog inFlight) {
        sim.drain(inFlight);
        return Optional.of(sim.archState());
    }

    @Override
    public String describe() { return sim.model().describe(); }

    /** The trace file when tracing is or was on (flushed, so what is there so far is readable). */
    @Override
    public Optional<Path> waveform() {
        Optional<Path> f = sim.traceFile();
        if (f.isPresent() && sim.isAlive()) {
            try {
                sim.traceFlush();
            } catch (RuntimeException e) {
                // best effort: the file is completed by close()
            }
        }
        return f;
    }

    /** Closes the simulator (and so completes the waveform) when this source created it. */
    @Override
    public void close() {
        if (owned) sim.close();
    }
}
