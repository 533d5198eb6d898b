package dev.seedverify.conformance.dut;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.lockstep.CommitSource;
import dev.seedverify.golden.lockstep.GoldenSource;

/**
 * The golden model as a DUT (golden-vs-golden lockstep: the comparator's and the campaign's
 * self-check, and the reference for throughput). One hart is reused: {@link #load} restores the
 * empty-DRAM snapshot (only pages written since are copied back), loads the image and resets.
 */
public final class GoldenDut implements DutTarget {
    private final Hart hart;
    private final Hart.Snapshot empty;
    private final GoldenSource source;

    public GoldenDut(int dramBytes) {
        hart = new Hart(new Memory(dramBytes));
        empty = hart.snapshot();
        source = new GoldenSource(hart);
    }

    /** Resets {@code hart} (built on an empty memory with {@code empty} its snapshot) and loads {@code image}. */
    public static void load(Hart hart, Hart.Snapshot empty, ElfImage image) {
        hart.restore(empty);
        hart.memory().load(image);
        hart.resetBare();
        if (image.tohost().isPresent()) hart.setTohost(image.tohost().getAsInt());
        else hart.clearTohost();
    }

    public Hart hart() { return hart; }

    @Override
    public String name() { return "golden"; }

    @Override
    public String describe() { return "golden model (as DUT)"; }

    @Override
    public int dramBytes() { return hart.memory().size(); }

    @Override
    public void load(ElfImage image) { load(hart, empty, image); }

    @Override
    public CommitSource source() { return source; }

    @Override
    public void close() {}
}
