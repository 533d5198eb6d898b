package dev.seedverify.driver;

import dev.seedverify.golden.device.DeviceTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a LAUNCH runs: a loaded kernel, its argument block (an allocation the driver writes the
 * argument words into; a0 points at it), its stack (sp = the allocation's end, 16-byte aligned)
 * and the buffers it may touch. The launch window is derived: the smallest range covering the
 * kernel, the argument block, the stack, every pointer argument's allocation and every extra
 * buffer. Built with {@link #of} and the wither methods; checked by the device it is launched on.
 */
public final class Launch {
    private final LoadedKernel kernel;
    private DeviceMemory argBlock, stack;
    private final List<Arg> args = new ArrayList<>();
    private final List<DeviceMemory> buffers = new ArrayList<>();
    private long budget = DeviceTable.LAUNCH_DEFAULT_BUDGET;

    private Launch(LoadedKernel kernel) { this.kernel = Objects.requireNonNull(kernel, "kernel"); }

    public static Launch of(LoadedKernel kernel) { return new Launch(kernel); }

    /** The argument block and its words, in order (a0 = the block's address). */
    public Launch args(DeviceMemory block, Arg... words) {
        this.argBlock = Objects.requireNonNull(block, "argument block");
        args.clear();
        args.addAll(List.of(words));
        return this;
    }

    public Launch stack(DeviceMemory stack) {
        this.stack = Objects.requireNonNull(stack, "stack");
        return this;
    }

    /** Buffers the kernel reaches without a pointer argument (they widen the window). */
    public Launch buffers(DeviceMemory... more) {
        buffers.addAll(List.of(more));
        return this;
    }

    /**
     * Instructions the kernel may retire: 1..2^32-1, the descriptor's unsigned 32-bit field (spec
     * §4.2); default 2^24, what the field's 0 means. Large compiled kernels need more than 2^24.
     */
    public Launch budget(long instructions) {
        this.budget = instructions;
        return this;
    }

    public LoadedKernel kernel() { return kernel; }

    public DeviceMemory argBlock() { return argBlock; }

    public DeviceMemory stack() { return stack; }

    public List<Arg> args() { return List.copyOf(args); }

    public List<DeviceMemory> buffers() { return List.copyOf(buffers); }

    public long budget() { return budget; }

    @Override
    public String toString() { return "LAUNCH " + kernel.name() + " args " + args + " budget " + budget; }
}
