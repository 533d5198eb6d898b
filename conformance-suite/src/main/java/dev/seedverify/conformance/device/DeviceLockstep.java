package dev.seedverify.conformance.device;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.cosim.DivergenceException;
import dev.seedverify.cosim.LockstepBackendProvider;

/**
 * Runs host-action scripts on the golden model and a DUT in lockstep ({@code lockstep:golden,DUT}),
 * one after another on one pair (each script starts with a reset). After a DUT crash (an RTL model
 * is dead afterwards) the pair is opened again. Bound to the thread that created it.
 */
public final class DeviceLockstep implements AutoCloseable {
    private final String dut;
    private final int dramBytes;
    private final java.util.function.Supplier<Backend> factory;
    private Backend pair;
    private long scripts;

    /** What one script did: it ran through with both sides equal, or diverged. */
    public record Result(HostScript.Outcome outcome, Divergence divergence) {
        public boolean diverged() { return divergence != null; }

        public BucketSignature signature() { return divergence == null ? null : BucketSignature.of(divergence); }
    }

    /** The golden model against backend {@code dut} ({@code rtl}, {@code mutant:NAME}, ...). */
    public DeviceLockstep(String dut, int dramBytes) {
        this(dut, dramBytes, () -> Backends.open(LockstepBackendProvider.PREFIX + Backends.GOLDEN + "," + dut, dramBytes));
    }

    /** Pairs from {@code factory} (a lockstep backend whose DUT is called {@code dut}). */
    public DeviceLockstep(String dut, int dramBytes, java.util.function.Supplier<Backend> factory) {
        this.dut = dut;
        this.dramBytes = dramBytes;
        this.factory = factory;
        pair = factory.get();
    }

    private Backend open() { return factory.get(); }

    public String dut() { return dut; }

    public int dramBytes() { return dramBytes; }

    /** The pair's description, for reproducers. */
    public String describe() { return pair.describe(); }

    public long scripts() { return scripts; }

    public Result run(DeviceCase c) { return run(c.script()); }

    public Result run(HostScript script) {
        scripts++;
        try {
            return new Result(script.run(pair), null);
        } catch (DivergenceException e) {
            Divergence d = e.divergence();
            if (d.kind() == Divergence.Kind.DUT_CRASH) reopen();
            return new Result(null, d);
        }
    }

    private void reopen() {
        try {
            pair.close();
        } catch (RuntimeException e) {
            // a dead model may refuse to close; the new pair is what matters
        }
        pair = open();
    }

    @Override
    public void close() { pair.close(); }
}
