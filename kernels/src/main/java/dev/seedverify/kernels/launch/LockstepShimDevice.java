package dev.seedverify.kernels.launch;

import dev.seedverify.cosim.ArchStateComparison;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.BackendFailure;
import dev.seedverify.cosim.FieldDifference;
import dev.seedverify.cosim.Lockstep;
import dev.seedverify.cosim.LockstepResult;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.exec.StopReason;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.RtlSimulator;
import dev.seedverify.rtl.RunResult;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * LAUNCH on the golden model and the RTL at once, compared record by record with the
 * co-simulation {@link Lockstep} (the golden model is the reference): both start at the
 * {@link LaunchShim} with the same window and stop at the first trap. Memory is written to both;
 * after the launch the window's bytes must be equal too. A divergence ends the launch with a
 * {@link KernelDivergenceException} carrying the report; so does a difference of the
 * architectural state (registers, CSRs, tiles, DRAM digest) after the launch. Results are the golden model's (equal to
 * the RTL's by then); cycles are the RTL's.
 */
public final class LockstepShimDevice implements KernelDevice {
    private static final int BATCH = 1024;

    private final GoldenDevice golden;
    private final RtlSimulator sim;
    private final Lockstep lockstep;
    private final RtlLaunch rtlLaunch = new RtlLaunch();

    public LockstepShimDevice(RtlSimulator sim) {
        this.sim = sim;
        this.golden = new GoldenDevice(sim.dramBytes());
        this.lockstep = new Lockstep(new GoldenLaunch(), rtlLaunch, BATCH);
    }

    /** A device over a new simulator of the built-in RTL model. */
    public static LockstepShimDevice open() { return new LockstepShimDevice(RtlSimulator.create(RtlModel.builtIn())); }

    public GoldenDevice golden() { return golden; }

    public RtlSimulator simulator() { return sim; }

    @Override
    public String name() { return "lockstep"; }

    @Override
    public int dramBytes() { return sim.dramBytes(); }

    @Override
    public void write(int address, byte[] data) {
        golden.write(address, data);
        sim.writeDram(address, data);
    }

    @Override
    public byte[] read(int address, int length) { return golden.read(address, length); }

    @Override
    public LaunchResult launch(LaunchRequest request) {
        CompletionStatus bad = request.check(dramBytes());
        if (bad != null) return new LaunchResult(bad, 0, 0, 0, -1);
        write(request.shimAddress(), LaunchShim.code(request));
        golden.start(request.shimAddress(), 0, 0, request);
        sim.reset(request.shimAddress(), request.windowBase(), request.windowLimit(), true);
        LockstepResult shim = lockstep.run(LaunchShim.INSTRUCTIONS);
        if (shim.outcome() != LockstepResult.Outcome.BUDGET) throw diverged(shim, request);
        long start = sim.cycles();
        long budget = request.effectiveBudget();
        LockstepResult r = lockstep.run(budget);
        LaunchResult result = switch (r.outcome()) {
            case COMPLETED -> golden.completion(StopReason.TRAPPED);
            case BUDGET -> new LaunchResult(CompletionStatus.WATCHDOG, 0, 0, budget, -1);
            default -> throw diverged(r, request);
        };
        if (r.outcome() == LockstepResult.Outcome.COMPLETED) {
            CommitLog inFlight = new CommitLog(8);
            Optional<ArchState> rtlState = rtlLaunch.finalState(inFlight);
            if (!inFlight.isEmpty()) {
                throw new KernelDivergenceException("the RTL completed " + inFlight.size() + " instruction(s) after the trap that ended " + request, null);
            }
            List<FieldDifference> d = ArchStateComparison.differences(ArchState.of(golden.hart()), rtlState.orElseThrow());
            if (!d.isEmpty()) throw new KernelDivergenceException("golden and RTL records agreed but the state after " + request + " differs: " + d, null);
        }
        int size = request.windowLimit() - request.windowBase();
        byte[] g = golden.read(request.windowBase(), size), d = sim.readDram(request.windowBase(), size);
        if (!Arrays.equals(g, d)) {
            int i = Arrays.mismatch(g, d);
            throw new KernelDivergenceException(String.format("golden and RTL records agreed but memory differs at 0x%08x: golden 0x%02x, rtl 0x%02x",
                    request.windowBase() + i, g[i] & 0xFF, d[i] & 0xFF), null);
        }
        long retired = r.outcome() == LockstepResult.Outcome.BUDGET ? budget : result.retired() - LaunchShim.INSTRUCTIONS;
        return new LaunchResult(result.status(), result.result(), result.tval(), retired, sim.cycles() - start);
    }

    private KernelDivergenceException diverged(LockstepResult r, LaunchRequest request) {
        if (r.divergence() == null) return new KernelDivergenceException("lockstep ended with " + r.outcome() + " for " + request, null);
        String text = new DivergenceReport(r.divergence(), request.toString(), "rtl", "(kernel launch: replay with the same case)").text();
        return new KernelDivergenceException(text, r.divergence());
    }

    @Override
    public void close() { sim.close(); }

    /** The golden hart as the lockstep reference of a launch: a trap stop is the end of the command. */
    private final class GoldenLaunch implements Backend {
        @Override public String name() { return "golden"; }
        @Override public String describe() { return "golden model (launch)"; }
        @Override public int dramBytes() { return golden.dramBytes(); }
        @Override public void loadBare(ElfImage image) { throw new UnsupportedOperationException("launch backend"); }
        @Override public void resetCommand() { throw new UnsupportedOperationException("launch backend"); }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            golden.hart().setCommitLog(log);
            try {
                int target = log.size() + maxRecords;
                while (true) {
                    StopReason s = golden.hart().run(target - log.size());
                    if (s == StopReason.TRAPPED) return Status.COMPLETED;
                    if (log.size() >= target || s == StopReason.LOG_FULL) return Status.RUNNING;
                }
            } finally {
                golden.hart().setCommitLog(null);
            }
        }

        @Override public int tohostValue() { return 0; }
        @Override public int mmioRead(int offset) { throw new UnsupportedOperationException("launch backend"); }
        @Override public void mmioWrite(int offset, int value) { throw new UnsupportedOperationException("launch backend"); }
        @Override public void hostWrite(int address, byte[] data, int offset, int length) { golden.write(address, Arrays.copyOfRange(data, offset, offset + length)); }
        @Override public byte[] hostRead(int address, int length) { return golden.read(address, length); }
        @Override public boolean irq() { return false; }

        @Override
        public void setCsr(int address, int value) {
            Csr c = Csr.byAddress(address);
            if (c == null) throw new IllegalArgumentException(String.format("no CSR at 0x%03x", address));
            golden.hart().setCsr(c, value);
        }

        @Override public Optional<ArchState> finalState(CommitLog inFlight) { return Optional.of(ArchState.of(golden.hart())); }

        @Override public void close() {}
    }

    /** The RTL as the lockstep DUT of a launch. */
    private final class RtlLaunch implements Backend {
        @Override public String name() { return "rtl"; }
        @Override public String describe() { return sim.model().describe() + " (launch through the shim)"; }
        @Override public int dramBytes() { return sim.dramBytes(); }
        @Override public void loadBare(ElfImage image) { throw new UnsupportedOperationException("launch backend"); }
        @Override public void resetCommand() { throw new UnsupportedOperationException("launch backend"); }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            RunResult r = sim.run(maxRecords, log);
            return switch (r.status()) {
                case RECORD_LIMIT -> Status.RUNNING;
                case TRAPPED -> Status.COMPLETED;
                case HANG -> throw new BackendFailure(BackendFailure.Kind.HANG, r.message());
                default -> throw new BackendFailure(BackendFailure.Kind.ERROR, "the RTL stopped with " + r.status() + " during a launch");
            };
        }

        @Override public int tohostValue() { return 0; }
        @Override public int mmioRead(int offset) { throw new UnsupportedOperationException("launch backend"); }
        @Override public void mmioWrite(int offset, int value) { throw new UnsupportedOperationException("launch backend"); }
        @Override public void hostWrite(int address, byte[] data, int offset, int length) { sim.writeDram(address, data, offset, length); }
        @Override public byte[] hostRead(int address, int length) { return sim.readDram(address, length); }
        @Override public boolean irq() { return false; }

        @Override
        public void setCsr(int address, int value) {
            throw new UnsupportedOperationException("the RTL is the lockstep DUT; its CSRs cannot be written from outside");
        }

        @Override
        public Optional<ArchState> finalState(CommitLog inFlight) {
            sim.drain(inFlight);
            return Optional.of(sim.archState());
        }

        @Override public void close() {}
    }
}
