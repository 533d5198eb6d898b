package dev.seedverify.kernels.launch;

import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.exec.Memory;

/**
 * One kernel launch, exactly the fields of a LAUNCH descriptor (spec §4.2): start at
 * {@code entry} with a0 and sp set, every access inside [{@code windowBase}, {@code windowLimit}),
 * at most {@code budget} retired instructions (0 means 2^24).
 *
 * @param shimAddress a 64-byte slot inside the window that a device which cannot set registers
 *                    at launch may fill with a start-up stub (the RTL until its device exists);
 *                    not part of the descriptor, ignored by real LAUNCH
 */
public record LaunchRequest(int entry, int a0, int sp, int windowBase, int windowLimit, int budget, int shimAddress) {

    /** The budget when the descriptor field is 0. */
    public long effectiveBudget() { return budget == 0 ? DeviceTable.LAUNCH_DEFAULT_BUDGET : Integer.toUnsignedLong(budget); }

    /** The LAUNCH descriptor a driver writes into the command ring for this request. */
    public Descriptor descriptor(int tag, int completionAddress) {
        return Descriptor.launch(tag, entry, a0, sp, windowBase, windowLimit, budget, completionAddress);
    }

    /**
     * The command processor's address checks (spec §4.2, device design "Descriptor checks"):
     * BAD_ADDRESS when entry, sp or the window bounds are not multiples of 4, the window is empty
     * or not inside DRAM; null when the launch may start.
     */
    public CompletionStatus check(int dramBytes) {
        int align = DeviceTable.LAUNCH_ALIGN - 1;
        if (((entry | sp | windowBase | windowLimit) & align) != 0) return CompletionStatus.BAD_ADDRESS;
        long base = Integer.toUnsignedLong(windowBase), limit = Integer.toUnsignedLong(windowLimit);
        long dramBase = Integer.toUnsignedLong(Memory.BASE);
        if (base >= limit || base < dramBase || limit > dramBase + dramBytes) return CompletionStatus.BAD_ADDRESS;
        return null;
    }

    @Override
    public String toString() {
        return String.format("LAUNCH entry=0x%08x a0=0x%08x sp=0x%08x window=[0x%08x, 0x%08x) budget=%d", entry, a0, sp, windowBase,
                windowLimit, effectiveBudget());
    }
}
