package dev.seedverify.conformance.device;

import dev.seedverify.cosim.BucketSignature;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a diverging {@link DeviceCase} to the fewest commands, kernel instructions and waits
 * (then the smallest ring and no interrupt enable) that still diverge in the same bucket: greedy
 * removal of ever smaller chunks, as delta debugging does, each candidate run in lockstep.
 */
public final class DeviceShrinker {
    private final DeviceLockstep runner;
    private int runs;

    public DeviceShrinker(DeviceLockstep runner) { this.runner = runner; }

    /** Candidates run so far. */
    public int runs() { return runs; }

    /** A shrunk case and its divergence. */
    public record Shrunk(DeviceCase deviceCase, DeviceLockstep.Result result) {}

    /** The smallest case found that diverges in the bucket of {@code failed}, the result of running {@code c}. */
    public Shrunk shrink(DeviceCase c, DeviceLockstep.Result failed) {
        if (!failed.diverged()) throw new IllegalArgumentException("only a diverging case shrinks");
        BucketSignature bucket = failed.signature();
        DeviceLockstep.Result last = failed;
        boolean progress = true;
        while (progress) {
            progress = false;
            // whole commands, in chunks of half, a quarter, ... one
            for (int chunk = Math.max(1, c.commands().size() / 2); chunk >= 1; chunk /= 2) {
                for (int at = 0; at + chunk <= c.commands().size(); ) {
                    List<DeviceCase.Command> cmds = new ArrayList<>(c.commands());
                    cmds.subList(at, at + chunk).clear();
                    if (cmds.isEmpty()) { at += chunk; continue; }
                    DeviceLockstep.Result r = attempt(c.withCommands(cmds), bucket);
                    if (r != null) {
                        c = c.withCommands(cmds);
                        last = r;
                        progress = true;
                    } else {
                        at += chunk;
                    }
                }
            }
            // kernel instructions, one at a time from the end (the first ones set up the data pointer)
            for (int i = 0; i < c.commands().size(); i++) {
                DeviceCase.Command cmd = c.commands().get(i);
                for (int k = cmd.kernel().size() - 1; k >= 0; k--) {
                    List<String> lines = new ArrayList<>(cmd.kernel());
                    lines.remove(k);
                    DeviceCase cand = replace(c, i, cmd.withKernel(lines));
                    DeviceLockstep.Result r = lines.isEmpty() ? null : attempt(cand, bucket);
                    if (r != null) {
                        c = cand;
                        cmd = c.commands().get(i);
                        last = r;
                        progress = true;
                    }
                }
                if (cmd.waitAfter()) {
                    DeviceCase cand = replace(c, i, cmd.withWaitAfter(false));
                    DeviceLockstep.Result r = attempt(cand, bucket);
                    if (r != null) {
                        c = cand;
                        last = r;
                        progress = true;
                    }
                }
            }
            for (int entries = 2; entries < c.ringEntries(); entries *= 2) {
                DeviceLockstep.Result r = attempt(c.withRing(entries), bucket);
                if (r != null) {
                    c = c.withRing(entries);
                    last = r;
                    progress = true;
                    break;
                }
            }
            if (c.irqEnable() != 0) {
                DeviceLockstep.Result r = attempt(c.withIrqEnable(0), bucket);
                if (r != null) {
                    c = c.withIrqEnable(0);
                    last = r;
                    progress = true;
                }
            }
        }
        return new Shrunk(c, last);
    }

    private static DeviceCase replace(DeviceCase c, int i, DeviceCase.Command cmd) {
        List<DeviceCase.Command> cmds = new ArrayList<>(c.commands());
        cmds.set(i, cmd);
        return c.withCommands(cmds);
    }

    private DeviceLockstep.Result attempt(DeviceCase c, BucketSignature bucket) {
        runs++;
        DeviceLockstep.Result r;
        try {
            r = runner.run(c);
        } catch (HostScript.ScriptException e) {
            return null; // e.g. a kernel that no longer assembles (a label removed)
        }
        return r.diverged() && bucket.equals(r.signature()) ? r : null;
    }
}
