package dev.seedverify.conformance.dut;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.lockstep.CommitSource;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.RtlSimulator;
import dev.seedverify.rtl.RtlSource;

import java.nio.file.Path;

/**
 * An RTL model (the built-in S1 or a mutant) as a {@link DutTarget}: one simulator, reloaded and
 * reset between programs, never rebuilt. Optionally traces each program into its own FST file.
 * Used on the thread that created it, like its simulator.
 */
public final class RtlDut implements DutTarget {
    private final RtlSimulator sim;
    private final RtlSource source;
    private final String description;
    private Path waveformDir;

    public RtlDut(RtlModel model) {
        this(model, model.dramBytes());
    }

    public RtlDut(RtlModel model, int dramBytes) {
        sim = RtlSimulator.create(model, dramBytes);
        source = new RtlSource(sim);
        description = source.describe();
    }

    /** Traces every following program into {@code dir/<image name>.fst}; null switches tracing off. */
    public RtlDut tracingInto(Path dir) {
        waveformDir = dir;
        return this;
    }

    public RtlSimulator simulator() { return sim; }

    @Override
    public String name() { return DutTargets.RTL; }

    @Override
    public String describe() { return description; }

    @Override
    public int dramBytes() { return sim.dramBytes(); }

    /** Resets, then loads ({@link RtlSimulator#loadBare}): nothing of the previous program can touch the new image. */
    @Override
    public void load(ElfImage image) {
        if (sim.traceFile().isPresent()) sim.traceClose();
        if (waveformDir != null) {
            String file = Path.of(image.name()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            sim.traceOpen(waveformDir.resolve(file + ".fst"));
        }
        sim.loadBare(image);
    }

    @Override
    public CommitSource source() { return source; }

    @Override
    public void close() { sim.close(); }
}
