package dev.seedverify.conformance.driver;

import dev.seedverify.driver.WaitMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws random driver actions from what exists so far (labels of allocations, kernels and
 * submissions): valid calls mostly, invalid ones (size 0, a bad alignment, double free, use after
 * free, out of range, a foreign handle, a pointer past its allocation) among them, kernels that
 * compute, trap, loop past the watchdog or try to leave their window, synchronous and
 * asynchronous commands, brief waits that time out. The same generator feeds the jqwik action
 * chains ({@code DriverStateProperties}) and the driver bug campaign.
 */
public final class ActionGenerator {
    static final int[] RINGS = {2, 2, 4, 8, 16, 64, 1024};
    static final int[] POLLS = {1, 8, 64, 256};
    static final int[] ALIGNS = {1, 4, 16, 16, 64, 256, 4096};

    private final List<String> mems = new ArrayList<>(), live = new ArrayList<>(), freed = new ArrayList<>(), kernels = new ArrayList<>(), sums = new ArrayList<>(),
            subs = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private int nextMem = 1, nextKernel = 1, nextSub = 1;

    /** The open line's options of a script. */
    public static DriverScript opening(Random r) {
        return new DriverScript(RINGS[r.nextInt(RINGS.length)], r.nextInt(3) == 0 ? WaitMode.IRQ : WaitMode.POLL, POLLS[r.nextInt(POLLS.length)],
                List.of(), null);
    }

    /** A whole script of up to {@code maxActions} actions from {@code seed}. */
    public static DriverScript script(long seed, int maxActions) {
        Random r = new Random(seed);
        DriverScript open = opening(r);
        ActionGenerator g = new ActionGenerator();
        int n = 1 + r.nextInt(maxActions);
        List<DriverAction> actions = new ArrayList<>();
        for (int i = 0; i < n; i++) actions.add(g.next(r));
        return open.withActions(actions);
    }

    /** The next action. */
    public DriverAction next(Random r) {
        int w = r.nextInt(100);
        if (w < 18 || mems.isEmpty()) return alloc(r);
        if (w < 24) return free(r);
        if (w < 34) return write(r);
        if (w < 42) {
            int i = any(r);
            int[] ol = range(r, sizes.get(i));
            return new DriverAction.Read(mems.get(i), ol[0], ol[1]);
        }
        if (w < 52) {
            int i = any(r), j = any(r);
            int len = 1 + r.nextInt(Math.max(1, Math.min(sizes.get(i), sizes.get(j))));
            int so = r.nextInt(Math.max(1, sizes.get(i) - len + 1)), d0 = r.nextInt(Math.max(1, sizes.get(j) - len + 1));
            if (r.nextInt(12) == 0) len += 64;
            return new DriverAction.Copy(mems.get(j), d0, mems.get(i), so, len, async(r));
        }
        if (w < 61) {
            int i = any(r);
            int[] ol = range(r, sizes.get(i));
            return new DriverAction.Fill(mems.get(i), ol[0], ol[1], r.nextInt(), async(r));
        }
        if (w < 66) return new DriverAction.Nop(async(r));
        if (w < 72 || kernels.isEmpty()) {
            DriverKernels k = DriverKernels.values()[r.nextInt(3) == 0 ? 0 : r.nextInt(DriverKernels.values().length)];
            String label = "k" + nextKernel++;
            kernels.add(label);
            if (k == DriverKernels.SUM) sums.add(label);
            return new DriverAction.Load(label, k, r.nextBoolean() ? 64 : 256);
        }
        if (w < 84) return launch(r);
        if (w < 94 && !subs.isEmpty()) return new DriverAction.Wait(subs.get(r.nextInt(subs.size())), r.nextInt(3) == 0);
        if (w < 97) return new DriverAction.Finish();
        return new DriverAction.Foreign();
    }

    private DriverAction alloc(Random r) {
        String label = "m" + nextMem++;
        long bytes;
        int kind = r.nextInt(40);
        if (kind == 0) bytes = 0;
        else if (kind < 3) bytes = (64 << 10) + r.nextInt(512 << 10);
        else if (kind == 3) bytes = (512 << 10) + r.nextInt(1 << 20);
        else if (kind < 20) bytes = 4 * (1 + r.nextInt(r.nextBoolean() ? 16 : 128));
        else bytes = 1 + r.nextInt(r.nextBoolean() ? 64 : 512);
        int align = r.nextInt(30) == 0 ? 3 + 2 * r.nextInt(3) : ALIGNS[r.nextInt(ALIGNS.length)];
        mems.add(label);
        live.add(label);
        sizes.add((int) Math.max(1, Math.min(bytes, 4096)));
        return new DriverAction.Alloc(label, bytes, align);
    }

    private DriverAction write(Random r) {
        int i = any(r);
        int[] ol = range(r, sizes.get(i));
        return new DriverAction.Write(mems.get(i), ol[0], ol[1], r.nextInt(1000));
    }

    private DriverAction launch(Random r) {
        String k = kernels.get(r.nextInt(kernels.size()));
        String as = async(r);
        if (sums.contains(k)) {
            String in = mems.get(any(r)), out = mems.get(any(r));
            int n = sizes.get(mems.indexOf(in)) / 4; // about: the runner starts at the first aligned word
            int retired = DriverKernels.sumRetired(n);
            int budget = r.nextInt(4) == 0 ? Math.max(1, retired - 1 + r.nextInt(3)) : retired + 1 + r.nextInt(1000);
            return new DriverAction.Launch(k, in, out, budget, r.nextInt(20) == 0, as);
        }
        return new DriverAction.Launch(k, null, null, 1 + r.nextInt(300), false, as);
    }

    private String async(Random r) {
        if (r.nextInt(5) < 3) return null;
        String s = "s" + nextSub++;
        subs.add(s);
        return s;
    }

    /** Offset and length inside a block of {@code size} bytes (sometimes outside or empty). */
    private static int[] range(Random r, int size) {
        int len = 1 + r.nextInt(size);
        int off = r.nextInt(size - len + 1);
        int odd = r.nextInt(25);
        if (odd == 0) len = 0;
        else if (odd == 1) off = size - len + 1;
        return new int[] {off, len};
    }

    /** Frees a live allocation, or (sometimes) one already freed. */
    private DriverAction free(Random r) {
        if (live.isEmpty() || (!freed.isEmpty() && r.nextInt(8) == 0)) return new DriverAction.Free(freed.isEmpty() ? mems.get(0) : freed.get(r.nextInt(freed.size())));
        String l = live.remove(r.nextInt(live.size()));
        freed.add(l);
        return new DriverAction.Free(l);
    }

    /** An index into {@link #mems}: a live allocation mostly, any (perhaps freed) one sometimes. */
    private int any(Random r) {
        if (live.isEmpty() || r.nextInt(10) == 0) return r.nextInt(mems.size());
        return mems.indexOf(live.get(r.nextInt(live.size())));
    }
}
