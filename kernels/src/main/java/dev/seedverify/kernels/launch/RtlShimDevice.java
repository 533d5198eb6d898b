package dev.seedverify.kernels.launch;

import dev.seedverify.cosim.BackendFailure;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.isa.TrapCause;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.RtlSimulator;
import dev.seedverify.rtl.RunResult;

import java.util.Objects;

/**
 * LAUNCH on the RTL before its command processor exists: the RTL can be reset to a pc with a
 * window and stop-on-trap ({@link RtlSimulator#reset}) but not with a0 and sp set, so the
 * request's {@link LaunchShim} is written into the shim slot and the core reset to it. The
 * kernel's cycles are counted from the end of the stub (the cycle the stub's last record
 * retired) to the record that ends the kernel.
 */
public final class RtlShimDevice implements KernelDevice {
    private static final int BATCH = 1024;

    private final RtlSimulator sim;
    private final CommitLog log = new CommitLog(BATCH);

    public RtlShimDevice(RtlSimulator sim) { this.sim = Objects.requireNonNull(sim, "sim"); }

    /** A device over a new simulator of the built-in RTL model. */
    public static RtlShimDevice open() { return new RtlShimDevice(RtlSimulator.create(RtlModel.builtIn())); }

    public RtlSimulator simulator() { return sim; }

    @Override
    public String name() { return "rtl"; }

    @Override
    public int dramBytes() { return sim.dramBytes(); }

    @Override
    public void write(int address, byte[] data) { sim.writeDram(address, data); }

    @Override
    public byte[] read(int address, int length) { return sim.readDram(address, length); }

    @Override
    public LaunchResult launch(LaunchRequest request) {
        CompletionStatus bad = request.check(dramBytes());
        if (bad != null) return new LaunchResult(bad, 0, 0, 0, -1);
        sim.writeDram(request.shimAddress(), LaunchShim.code(request));
        sim.reset(request.shimAddress(), request.windowBase(), request.windowLimit(), true);
        log.clear();
        RunResult shim = sim.run(LaunchShim.INSTRUCTIONS, log);
        if (shim.status() != RunResult.Status.RECORD_LIMIT || log.size() != LaunchShim.INSTRUCTIONS || log.trap(log.size() - 1)
                || log.pcNext(log.size() - 1) != request.entry()) {
            throw new BackendFailure(BackendFailure.Kind.ERROR, "the RTL did not run the launch shim to the entry: " + shim);
        }
        long start = sim.cycles();
        long budget = request.effectiveBudget(), records = 0;
        while (records < budget) {
            log.clear();
            RunResult r = sim.run((int) Math.min(BATCH, budget - records), log);
            records += r.records();
            switch (r.status()) {
                case RECORD_LIMIT -> { }
                case TRAPPED -> {
                    int last = log.size() - 1;
                    long cycles = sim.cycles() - start;
                    if (log.cause(last) == TrapCause.ECALL.code()) {
                        return new LaunchResult(CompletionStatus.OK, sim.gpr(10), 0, records - 1, cycles);
                    }
                    return new LaunchResult(CompletionStatus.TRAP, log.cause(last), log.tval(last), records - 1, cycles);
                }
                case HANG -> throw new BackendFailure(BackendFailure.Kind.HANG, r.message());
                default -> throw new BackendFailure(BackendFailure.Kind.ERROR, "the RTL stopped with " + r.status() + " during a launch");
            }
        }
        return new LaunchResult(CompletionStatus.WATCHDOG, 0, 0, records, sim.cycles() - start);
    }

    @Override
    public void close() { sim.close(); }
}
