package dev.seedverify.conformance.driver;

import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.driver.Arg;
import dev.seedverify.driver.Command;
import dev.seedverify.driver.CommandFailedException;
import dev.seedverify.driver.CommandResult;
import dev.seedverify.driver.DeviceMemory;
import dev.seedverify.driver.DeviceOptions;
import dev.seedverify.driver.DeviceTimeoutException;
import dev.seedverify.driver.DriverBug;
import dev.seedverify.driver.InvalidRequestException;
import dev.seedverify.driver.KernelTrapException;
import dev.seedverify.driver.Launch;
import dev.seedverify.driver.LoadedKernel;
import dev.seedverify.driver.OutOfDeviceMemoryException;
import dev.seedverify.driver.ProtocolViolationException;
import dev.seedverify.driver.S1Device;
import dev.seedverify.driver.Submission;
import dev.seedverify.driver.WatchdogException;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Runs a {@link DriverScript} against the real driver on a backend and, step by step, against
 * the {@link ApiModel}: each API call's outcome must be one the model allows (a value, an
 * exception of the right type and reason), the allocation map must equal the model's, a refused
 * request must leave the driver and the device's registers unchanged, reads must return the
 * model's bytes, and at the end every live allocation must hold the model's bytes. The driver
 * runs with its strict bus monitor, so a protocol violation fails the step that caused it; on a
 * lockstep backend a golden/RTL divergence fails it too.
 *
 * <p>One runner reuses its backend for many scripts (each opens the driver, which resets the device).
 */
public final class ScriptRunner implements AutoCloseable {
    /** Timeout of a brief wait, in device records. */
    static final long BRIEF_RECORDS = 1;

    private final Backend backend;
    private GoldenBackend foreignBackend;
    private S1Device foreignDevice;
    private DeviceMemory foreignMemory;

    public ScriptRunner(Backend backend) { this.backend = backend; }

    /** What a run found: the steps as run, and the first failure (null if none). */
    public record Report(DriverScript script, List<String> steps, int failedStep, String failure, Set<String> coverage) {
        public boolean passed() { return failure == null; }

        public String text() {
            StringBuilder s = new StringBuilder();
            s.append(script.openLine()).append('\n');
            for (String l : steps) s.append(l).append('\n');
            if (failure != null) s.append("FAILED at step ").append(failedStep + 1).append(": ").append(failure).append('\n');
            return s.toString();
        }
    }

    /** A step's failure: the driver's outcome is not one the model allows, or a check after it failed. */
    public static final class StepFailure extends AssertionError {
        StepFailure(String message) { super(message); }
    }

    public Report run(DriverScript script, DriverBug bug) {
        List<String> steps = new ArrayList<>();
        Set<String> coverage = new TreeSet<>();
        Session run;
        try {
            run = start(script, bug, coverage);
        } catch (RuntimeException e) {
            return new Report(script, steps, -1, "open failed: " + describe(e), coverage);
        }
        int i = 0;
        try {
            for (; i < script.actions().size(); i++) {
                DriverAction a = script.actions().get(i);
                steps.add(run.step(a));
            }
            steps.add(run.end());
            return new Report(script, steps, -1, null, coverage);
        } catch (StepFailure f) {
            return new Report(script, steps, i, f.getMessage(), coverage);
        } catch (RuntimeException | AssertionError e) {
            return new Report(script, steps, i, "unexpected " + describe(e), coverage);
        } finally {
            run.close();
        }
    }

    /**
     * Opens the driver as {@code opening} says (its actions are ignored) for running actions one by
     * one; {@link Session#step} throws {@link StepFailure} (or the unexpected exception) at a failure.
     */
    public Session start(DriverScript opening, DriverBug bug, Set<String> coverage) {
        DeviceOptions options = DeviceOptions.defaults().withDramBytes(backend.dramBytes()).withRingEntries(opening.ringEntries())
                .withWaitMode(opening.waitMode()).withPollRecords(opening.pollRecords()).withBug(bug);
        return new Session(S1Device.open(backend, options), coverage);
    }

    private DeviceMemory foreignMemory() {
        if (foreignDevice == null) {
            foreignBackend = new GoldenBackend(backend.dramBytes());
            foreignDevice = S1Device.open(foreignBackend, DeviceOptions.defaults().withDramBytes(backend.dramBytes()));
            foreignMemory = foreignDevice.alloc(64);
        }
        return foreignMemory;
    }

    @Override
    public void close() {
        if (foreignDevice != null) foreignDevice.close();
        if (foreignBackend != null) foreignBackend.close();
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** One run of one script: the driver, the model and the labels. */
    public final class Session implements AutoCloseable {
        final S1Device dev;
        final ApiModel model;
        final Set<String> coverage;
        final Map<String, DeviceMemory> mems = new HashMap<>();
        final Map<String, LoadedKernel> kernels = new HashMap<>();
        final Map<String, DriverKernels> kinds = new HashMap<>();
        final Map<String, Submission> subs = new HashMap<>();
        final Map<Submission, String> subLabels = new HashMap<>();
        final Map<String, String> expected = new HashMap<>();
        final List<String> unclaimed = new ArrayList<>();

        Session(S1Device dev, Set<String> coverage) {
            this.dev = dev;
            this.coverage = coverage;
            long ring = Integer.toUnsignedLong(dev.ringBase());
            long reservedEnd = ring + (long) (DeviceTable.DESCRIPTOR_BYTES + DeviceTable.COMPLETION_BYTES) * dev.ringEntries();
            this.model = new ApiModel(backend.dramBytes(), ring, reservedEnd);
        }

        /** Runs {@code a} on the driver and the model; the step as run ("line -> outcome"). */
        public String step(DriverAction a) {
            String skip = missingLabel(a);
            if (skip != null) return "# skipped (" + skip + " does not exist): " + a.line();
            State before = state();
            Outcome o = execute(a);
            String verb = a.line().split(" ")[0];
            coverage.add(verb + ": " + kind(o.actual));
            if (!o.allowed.contains(o.actual)) {
                throw new StepFailure(a.line() + "\n    expected: " + String.join(" | ", o.allowed) + "\n    actual:   " + o.actual);
            }
            if (o.actual.startsWith("invalid")) {
                State after = state();
                if (!after.equals(before)) throw new StepFailure(a.line() + ": refused (" + o.actual + ") but the state changed:\n    before " + before + "\n    after  " + after);
            }
            checkMap(a);
            return a.line() + "   -> " + o.actual;
        }

        /** Collects every command and compares every live allocation with the model. */
        public String end() {
            List<Submission> rest;
            try {
                rest = dev.finish();
            } catch (RuntimeException e) {
                throw new StepFailure("finish at the end: " + describe(e));
            }
            for (Submission s : rest) {
                String label = subLabels.get(s);
                String actual = waitOutcome(s, false);
                String want = expected.get(label);
                if (!want.equals(actual)) throw new StepFailure("at the end, wait " + label + "\n    expected: " + want + "\n    actual:   " + actual);
            }
            for (ApiModel.Block b : model.live()) {
                byte[] got = dev.read(mems.get(b.label), 0, b.bytes);
                byte[] want = model.read(b.address, b.bytes);
                if (!Arrays.equals(got, want)) throw new StepFailure("at the end, " + b.label + " holds " + diff(want, got));
            }
            return "# end: every command collected, every live allocation holds the model's bytes";
        }

        @Override
        public void close() { dev.close(); }

        // ------------------------------------------------------------------ actions

        private Outcome execute(DriverAction a) {
            if (a instanceof DriverAction.Alloc x) {
                List<String> allowed = new ArrayList<>();
                if (x.bytes() == 0) allowed.add("invalid ZERO_SIZE");
                else if (x.bytes() < 0) allowed.add("invalid NEGATIVE_SIZE");
                else if (x.align() <= 0 || Integer.bitCount(x.align()) != 1) allowed.add("invalid BAD_ALIGNMENT");
                else allowed.add("ok");
                String actual = allocInto(x.label(), () -> dev.alloc(x.bytes(), x.align()), x.bytes(), x.align(), allowed);
                return new Outcome(allowed, actual);
            }
            if (a instanceof DriverAction.Free x) {
                ApiModel.Block b = model.block(x.label());
                String want = b.live ? "ok" : "invalid DOUBLE_FREE";
                String actual = run(() -> dev.free(mems.get(x.label())));
                if (actual.equals("ok")) model.free(x.label());
                return new Outcome(List.of(want), actual);
            }
            if (a instanceof DriverAction.Write x) {
                byte[] data = DriverAction.data(x.len(), x.seed());
                String want = rangeCheck(x.label(), x.offset(), x.len());
                String actual = run(() -> dev.write(mems.get(x.label()), x.offset(), data));
                if (actual.equals("ok")) model.write(model.block(x.label()).address + x.offset(), data);
                return new Outcome(List.of(want), actual);
            }
            if (a instanceof DriverAction.Read x) {
                String want = rangeCheck(x.label(), x.offset(), x.len());
                byte[][] got = new byte[1][];
                String actual = run(() -> got[0] = dev.read(mems.get(x.label()), x.offset(), x.len()));
                if (actual.equals("ok")) {
                    byte[] m = model.read(model.block(x.label()).address + x.offset(), x.len());
                    if (!Arrays.equals(m, got[0])) actual = "ok but the bytes differ: " + diff(m, got[0]);
                }
                return new Outcome(List.of(want), actual);
            }
            if (a instanceof DriverAction.Foreign) {
                return new Outcome(List.of("invalid FOREIGN_HANDLE"), run(() -> dev.write(foreignMemory(), 0, new byte[] {1})));
            }
            if (a instanceof DriverAction.Load x) return load(x);
            if (a instanceof DriverAction.Wait x) {
                Submission s = subs.get(x.label());
                String want = expected.get(x.label());
                String actual = waitOutcome(s, x.brief());
                List<String> allowed = x.brief() ? List.of(want, "timeout") : List.of(want);
                if (!actual.equals("timeout")) unclaimed.remove(x.label());
                return new Outcome(allowed, actual);
            }
            if (a instanceof DriverAction.Finish) {
                List<Submission> rest = new ArrayList<>();
                String actual = run(() -> rest.addAll(dev.finish()));
                StringBuilder want = new StringBuilder("ok"), got = new StringBuilder(actual);
                for (String l : unclaimed) want.append("; ").append(l).append(": ").append(expected.get(l));
                if (actual.equals("ok")) {
                    for (Submission s : rest) got.append("; ").append(subLabels.get(s)).append(": ").append(waitOutcome(s, false));
                }
                unclaimed.clear();
                return new Outcome(List.of(want.toString()), got.toString());
            }
            return command(a);
        }

        /** COPY, FILL, NOP, LAUNCH: synchronous, or submitted as a labelled submission. */
        private Outcome command(DriverAction a) {
            String as;
            String want;
            Supplier<Command> make;
            Runnable effect = () -> { };
            if (a instanceof DriverAction.Copy x) {
                as = x.as();
                want = rangeCheck(x.src(), x.srcOff(), x.len());
                if (want.equals("ok")) want = rangeCheck(x.dst(), x.dstOff(), x.len());
                if (want.equals("ok")) {
                    long dst = model.block(x.dst()).address + x.dstOff(), src = model.block(x.src()).address + x.srcOff();
                    effect = () -> model.copy(dst, src, x.len());
                    want = "ok value=0 retired=0";
                }
                make = () -> Command.copy(mems.get(x.dst()), x.dstOff(), mems.get(x.src()), x.srcOff(), x.len());
            } else if (a instanceof DriverAction.Fill x) {
                as = x.as();
                want = rangeCheck(x.dst(), x.off(), x.len());
                if (want.equals("ok")) {
                    long dst = model.block(x.dst()).address + x.off();
                    effect = () -> model.fill(dst, x.len(), x.pattern());
                    want = "ok value=0 retired=0";
                }
                make = () -> Command.fill(mems.get(x.dst()), x.off(), x.len(), x.pattern());
            } else if (a instanceof DriverAction.Nop x) {
                as = x.as();
                want = "ok value=0 retired=0";
                make = Command::nop;
            } else {
                DriverAction.Launch x = (DriverAction.Launch) a;
                as = x.as();
                LaunchPlan p = planLaunch(x);
                want = p.want;
                effect = p.effect;
                make = () -> Command.launch(p.launch);
            }
            boolean refused = want.startsWith("invalid");
            if (as == null) {
                String actual = commandOutcome(() -> dev.wait(dev.submit(make.get())));
                if (!refused && !actual.startsWith("invalid")) effect.run();
                return new Outcome(List.of(want), actual);
            }
            Submission[] made = new Submission[1];
            String actual = run(() -> made[0] = dev.submit(make.get()));
            if (actual.equals("ok")) {
                actual = "submitted";
                subs.put(as, made[0]);
                subLabels.put(made[0], as);
                unclaimed.add(as);
                expected.put(as, want);
                effect.run();
            }
            return new Outcome(List.of(refused ? want : "submitted"), actual);
        }

        /**
         * SUM's pointers: the input from its first word-aligned byte (n = the whole words after it),
         * the output's last word-aligned word ({@code badPointer}: one past the allocation); offsets
         * and n as {in offset, n, out offset} (a negative out offset: the output holds no aligned word).
         */
        private int[] sumPointers(DeviceMemory in, DeviceMemory out, boolean badPointer) {
            int inOff = (-in.address()) & 3;
            int n = inOff >= in.bytes() ? 0 : (in.bytes() - inOff) / 4;
            if (n == 0) inOff = 0;
            int outOff = (int) (((Integer.toUnsignedLong(out.address()) + out.bytes() - 4) & -4L) - Integer.toUnsignedLong(out.address()));
            return new int[] {inOff, n, badPointer ? out.bytes() : outOff};
        }

        private record LaunchPlan(Launch launch, String want, Runnable effect) {}

        private LaunchPlan planLaunch(DriverAction.Launch x) {
            DriverKernels kind = kinds.get(x.kernel());
            LoadedKernel k = kernels.get(x.kernel());
            DeviceMemory args = mems.get(x.kernel() + ".args"), stack = mems.get(x.kernel() + ".stack");
            List<String> used = new ArrayList<>(List.of(x.kernel(), x.kernel() + ".args", x.kernel() + ".stack"));
            Launch l = Launch.of(k).stack(stack).budget(x.budget());
            DeviceMemory in = null, out = null;
            if (kind == DriverKernels.SUM) {
                in = mems.get(x.in());
                out = mems.get(x.out());
                used.add(x.in());
                used.add(x.out());
                int[] io = sumPointers(in, out, x.badPointer());
                l.args(args, Arg.ptr(in, io[0]), Arg.word(io[1]), Arg.ptr(out, io[2]));
            } else {
                l.args(args);
            }
            for (String u : used) if (!model.block(u).live) return new LaunchPlan(l, "invalid USE_AFTER_FREE", () -> { });
            if (kind == DriverKernels.SUM && (x.badPointer() || sumPointers(in, out, false)[2] < 0)) return new LaunchPlan(l, "invalid OUT_OF_RANGE", () -> { });
            if (x.budget() < 1) return new LaunchPlan(l, "invalid BAD_ARGUMENT", () -> { });
            long entry = model.block(x.kernel()).address;
            int budget = x.budget();
            switch (kind) {
                case SUM: {
                    ApiModel.Block bi = model.block(x.in()), bo = model.block(x.out()), bs = model.block(x.kernel() + ".stack"),
                            ba = model.block(x.kernel() + ".args");
                    int[] io = sumPointers(in, out, false);
                    int n = io[1];
                    int retired = DriverKernels.sumRetired(n);
                    long inFirst = bi.address + io[0], outLast = bo.address + io[2], sp = bs.end() & -16L;
                    int s = 0;
                    for (int i = 0; i < n; i++) s += model.word(inFirst + 4L * i);
                    int sum = s;
                    Runnable effect = () -> {
                        model.writeWord(ba.address, (int) inFirst);
                        model.writeWord(ba.address + 4, n);
                        model.writeWord(ba.address + 8, (int) outLast);
                        if (budget >= 4) model.writeWord(sp - 4, n);
                        if (budget >= retired) model.writeWord(outLast, sum);
                    };
                    String want = budget <= retired ? "watchdog retired=" + budget : String.format("ok value=%d retired=%d", sum, retired);
                    return new LaunchPlan(l, want, effect);
                }
                case TRAP:
                    return new LaunchPlan(l, trap(3, (int) entry, (int) entry), () -> { });
                case ESCAPE:
                    if (budget == 1) return new LaunchPlan(l, "watchdog retired=1", () -> { });
                    return new LaunchPlan(l, trap(5, Memory.BASE, (int) entry + 4), () -> { });
                default:
                    return new LaunchPlan(l, "watchdog retired=" + budget, () -> { });
            }
        }

        private Outcome load(DriverAction.Load x) {
            DriverKernels kind = x.kernel();
            ElfImage image = kind.image();
            List<String> allowed = new ArrayList<>(List.of("ok"));
            String actual = allocInto(x.label(), () -> {
                lastKernel = dev.load(image);
                return lastKernel.memory();
            }, kind.bytes(), 64, allowed);
            if (!actual.equals("ok")) return new Outcome(allowed, actual);
            kernels.put(x.label(), lastKernel);
            kinds.put(x.label(), kind);
            model.write(model.block(x.label()).address, image.segments().get(0).data());
            actual = allocInto(x.label() + ".args", () -> dev.alloc(Math.max(4, 4 * kind.argWords()), 16), Math.max(4, 4 * kind.argWords()), 16, allowed);
            if (!actual.equals("ok")) return new Outcome(allowed, actual);
            actual = allocInto(x.label() + ".stack", () -> dev.alloc(x.stack(), 16), x.stack(), 16, allowed);
            return new Outcome(allowed, actual);
        }

        private LoadedKernel lastKernel;

        /** Runs one allocation (alloc or load) and checks it against the model; "ok", "out of memory" or the refusal. */
        private String allocInto(String label, Supplier<DeviceMemory> call, long bytes, int align, List<String> allowed) {
            boolean valid = bytes > 0 && align > 0 && Integer.bitCount(align) == 1;
            if (valid && !model.fits(bytes, align)) {
                allowed.remove("ok");
                allowed.add("out of memory");
            }
            DeviceMemory[] m = new DeviceMemory[1];
            String actual = run(() -> m[0] = call.get());
            if (actual.equals("ok")) {
                String problem = model.checkNewBlock(Integer.toUnsignedLong(m[0].address()), bytes, align);
                if (problem != null) throw new StepFailure("the driver allocated " + label + " at " + m[0] + ": " + problem);
                if (m[0].bytes() != bytes) throw new StepFailure("the driver allocated " + m[0].bytes() + " bytes for " + label + ", not " + bytes);
                model.add(label, Integer.toUnsignedLong(m[0].address()), (int) bytes);
                mems.put(label, m[0]);
            }
            return actual;
        }

        private String rangeCheck(String label, int offset, int len) {
            ApiModel.Block b = model.block(label);
            if (!b.live) return "invalid USE_AFTER_FREE";
            if (len == 0) return "invalid ZERO_SIZE";
            if (len < 0 || offset < 0 || (long) offset + len > b.bytes) return "invalid OUT_OF_RANGE";
            return "ok";
        }

        // ------------------------------------------------------------------ outcomes

        private String run(Runnable r) {
            try {
                r.run();
                return "ok";
            } catch (RuntimeException e) {
                return failureOutcome(e);
            }
        }

        private String commandOutcome(Supplier<CommandResult> r) {
            try {
                CommandResult c = r.get();
                return String.format("ok value=%d retired=%d", c.value(), c.retired());
            } catch (RuntimeException e) {
                return failureOutcome(e);
            }
        }

        private String waitOutcome(Submission s, boolean brief) {
            return commandOutcome(() -> brief ? dev.wait(s, BRIEF_RECORDS) : dev.wait(s));
        }

        private String failureOutcome(RuntimeException e) {
            if (e instanceof InvalidRequestException i) return "invalid " + i.reason();
            if (e instanceof OutOfDeviceMemoryException) return "out of memory";
            if (e instanceof KernelTrapException t) return trap(t.mcause(), t.mtval(), t.pc());
            if (e instanceof WatchdogException w) return "watchdog retired=" + w.completion().retired();
            if (e instanceof DeviceTimeoutException) return "timeout";
            if (e instanceof CommandFailedException c) return c.completion().statusEnum() + " " + c.completion();
            if (e instanceof ProtocolViolationException p) return "protocol violation: " + p.violation();
            return describe(e);
        }

        private String trap(int mcause, int mtval, int pc) { return String.format("trap mcause=%d mtval=0x%08x pc=0x%08x", mcause, mtval, pc); }

        // ------------------------------------------------------------------ checks

        private String missingLabel(DriverAction a) {
            List<String> need = new ArrayList<>();
            if (a instanceof DriverAction.Free x) need.add(x.label());
            else if (a instanceof DriverAction.Write x) need.add(x.label());
            else if (a instanceof DriverAction.Read x) need.add(x.label());
            else if (a instanceof DriverAction.Copy x) { need.add(x.src()); need.add(x.dst()); }
            else if (a instanceof DriverAction.Fill x) need.add(x.dst());
            else if (a instanceof DriverAction.Wait x) {
                if (!subs.containsKey(x.label())) return x.label();
            } else if (a instanceof DriverAction.Launch x) {
                need.add(x.kernel());
                need.add(x.kernel() + ".args");
                need.add(x.kernel() + ".stack");
                if (kinds.get(x.kernel()) == DriverKernels.SUM) {
                    if (x.in() == null || x.out() == null) return "in/out of " + x.kernel();
                    need.add(x.in());
                    need.add(x.out());
                }
            }
            for (String l : need) if (l == null || !mems.containsKey(l)) return String.valueOf(l);
            String created = a instanceof DriverAction.Alloc x ? x.label() : a instanceof DriverAction.Load x ? x.label() : null;
            if (created != null && mems.containsKey(created)) return "a fresh " + created;
            String as = a instanceof DriverAction.Copy x ? x.as() : a instanceof DriverAction.Fill x ? x.as() : a instanceof DriverAction.Nop x ? x.as()
                    : a instanceof DriverAction.Launch x ? x.as() : null;
            if (as != null && subs.containsKey(as)) return "a fresh " + as;
            return null;
        }

        private void checkMap(DriverAction a) {
            Set<String> driver = new LinkedHashSet<>(), want = new LinkedHashSet<>();
            for (DeviceMemory m : dev.allocations()) driver.add(String.format("0x%08x+%d", m.address(), m.bytes()));
            for (ApiModel.Block b : model.live()) want.add(String.format("0x%08x+%d", b.address, b.bytes));
            if (!driver.equals(want)) throw new StepFailure("after " + a.line() + " the driver's allocations " + driver + " are not the model's " + want);
        }

        private State state() {
            List<String> allocs = new ArrayList<>();
            for (DeviceMemory m : dev.allocations()) allocs.add(m.toString());
            // CQ_TAIL moves only by the host; HEAD and DONE_COUNT may move on an RTL device while the host reads.
            return new State(allocs, dev.outstanding().size(), backend.mmioRead(MmioRegister.CQ_TAIL.offset()));
        }
    }

    private record State(List<String> allocations, int outstanding, int cqTail) {}

    private record Outcome(List<String> allowed, String actual) {}

    private static String kind(String outcome) {
        if (outcome.startsWith("ok")) return "ok";
        if (outcome.startsWith("trap")) return "trap mcause=" + outcome.substring(12, outcome.indexOf(' ', 12));
        if (outcome.startsWith("watchdog")) return "watchdog";
        return outcome.length() > 40 ? outcome.substring(0, 40) : outcome;
    }

    private static String diff(byte[] want, byte[] got) {
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            if (want[i] != got[i]) return String.format("0x%02x at +%d where the model has 0x%02x", got[i] & 0xFF, i, want[i] & 0xFF);
        }
        return "bytes of another length";
    }
}
