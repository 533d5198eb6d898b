package dev.seedverify.kernels.launch;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.StopReason;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.TrapCause;

import java.util.function.Consumer;

/**
 * LAUNCH on the golden model: {@link Hart#launch} (registers, tiles and Xseed CSRs cleared, pc,
 * sp, a0 and the window set; the first trap stops), run for the budget, and the completion words
 * the command processor would write (spec §4.2): ecall is OK with x10, another trap is TRAP
 * with mcause and mtval, a budget retired without an end is WATCHDOG. The core is reset before
 * each launch, so counters start at 0 as on the RTL.
 */
public final class GoldenDevice implements KernelDevice {
    private static final int BATCH = 4096;

    private final Hart hart;
    private CommitLog log;

    public GoldenDevice(int dramBytes) { hart = new Hart(new Memory(dramBytes)); }

    public GoldenDevice() { this(Memory.DEFAULT_BYTES); }

    public Hart hart() { return hart; }

    @Override
    public String name() { return "golden"; }

    @Override
    public int dramBytes() { return hart.memory().size(); }

    @Override
    public void write(int address, byte[] data) {
        requireDram(address, data.length);
        hart.memory().write(address - Memory.BASE, data, 0, data.length);
    }

    @Override
    public byte[] read(int address, int length) {
        requireDram(address, length);
        byte[] b = new byte[length];
        hart.memory().read(address - Memory.BASE, b, 0, length);
        return b;
    }

    private void requireDram(int address, int length) {
        if (!hart.memory().contains(address, length)) {
            throw new IllegalArgumentException(String.format("[0x%08x, +%d) is not inside the %d-byte DRAM", address, length, dramBytes()));
        }
    }

    @Override
    public LaunchResult launch(LaunchRequest request) { return launch(request, null); }

    /** As {@link #launch(LaunchRequest)}, handing every batch of commit records to {@code sink} (null: records off). */
    public LaunchResult launch(LaunchRequest request, Consumer<CommitLog> sink) {
        CompletionStatus bad = request.check(dramBytes());
        if (bad != null) return new LaunchResult(bad, 0, 0, 0, -1);
        start(request.entry(), request.a0(), request.sp(), request);
        long budget = request.effectiveBudget();
        if (sink != null && log == null) log = new CommitLog(BATCH);
        hart.setCommitLog(sink == null ? null : log);
        StopReason stop;
        try {
            long begin = hart.order();
            do {
                stop = hart.run(budget - (hart.order() - begin));
                if (sink != null) {
                    sink.accept(log);
                    log.clear();
                }
            } while (stop == StopReason.LOG_FULL);
        } finally {
            hart.setCommitLog(null);
        }
        return completion(stop);
    }

    /** Resets the core and applies a launch's register and window state at {@code pc}. */
    void start(int pc, int a0, int sp, LaunchRequest request) {
        hart.resetBare();
        hart.launch(pc, a0, sp, request.windowBase(), request.windowLimit());
    }

    /** The completion of a run that stopped with {@code stop}. */
    LaunchResult completion(StopReason stop) {
        long retired = hart.instret();
        if (stop == StopReason.TRAPPED) {
            int cause = hart.csr(Csr.MCAUSE);
            if (cause == TrapCause.ECALL.code()) return new LaunchResult(CompletionStatus.OK, hart.x(10), 0, retired, -1);
            return new LaunchResult(CompletionStatus.TRAP, cause, hart.csr(Csr.MTVAL), retired, -1);
        }
        if (stop != StopReason.BUDGET) throw new IllegalStateException("the golden hart stopped with " + stop + " during a launch");
        return new LaunchResult(CompletionStatus.WATCHDOG, 0, 0, retired, -1);
    }

    @Override
    public void close() {}
}
