package dev.seedverify.kernels.launch;

import dev.seedverify.driver.DeviceMemory;
import dev.seedverify.driver.Launch;
import dev.seedverify.driver.LoadedKernel;
import dev.seedverify.driver.S1Device;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.kernels.abi.Arg;
import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.KernelLibrary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One or more kernel launches placed in device memory through the driver, and the launch ABI:
 * the one place that knows the argument block layout (from the ABI table {@link Kernel}). The
 * driver loads the library image into its allocation ({@link S1Device#load}); every argument
 * block, buffer and the stack is an allocation of its own ({@link S1Device#alloc}, 64-byte
 * aligned), written through the host memory port; {@link #launch} is the driver's LAUNCH of one
 * block (the driver writes the block's words, sets a0 and sp and derives the window from the
 * kernel, the block, the stack and the pointed-to buffers). Closing frees everything.
 *
 * <p>Each buffer's allocation ends in a 64-byte guard (inside the launch window), so a write past
 * a buffer lands there. Outputs are filled with {@link #OUTPUT_FILL} and guards with
 * {@link #GUARD_FILL} before a launch, so an element a kernel forgot to write and a write past a
 * buffer both show up in {@link #strayWrites}. A <em>snapshot</em> is every allocation's bytes,
 * concatenated in allocation order ({@link #contents()} before any launch, {@link #readBack()}
 * afterwards); a {@link Region} knows its offset in it. Bytes between allocations (alignment
 * padding) are not in it.
 */
public final class KernelPlacement implements AutoCloseable {
    public static final int ALIGN = KernelLibrary.PLACEMENT_ALIGN;
    public static final int GUARD_BYTES = 64;
    public static final int DEFAULT_STACK_BYTES = 16 << 10;
    public static final byte OUTPUT_FILL = (byte) 0xA5;
    public static final byte GUARD_FILL = (byte) 0x5A;

    public enum Kind { IMAGE, ARGS, INPUT, OUTPUT, GUARD, STACK }

    /** A named range of device memory; {@code offset} is where its bytes lie in a snapshot. */
    public record Region(String name, Kind kind, int address, int bytes, int offset) {
        public int end() { return address + bytes; }
    }

    /** An argument block: which kernel, its allocation, and the words the launch writes there. */
    public record ArgBlock(String name, Kernel kernel, Region region, int[] words, List<String> outputs) {}

    private final KernelDevice device;
    private final KernelLibrary library;
    private final LoadedKernel image;
    private final int shift;
    private final List<DeviceMemory> allocations;
    private final Map<String, DeviceMemory> memories;
    private final Map<String, Region> regions;
    private final Map<String, ArgBlock> argBlocks;
    private final Map<String, dev.seedverify.driver.Arg[]> launchArgs;
    private final byte[] contents;
    private final int base, limit, stackTop;

    private KernelPlacement(KernelDevice device, KernelLibrary library, LoadedKernel image, int shift, List<DeviceMemory> allocations,
                            Map<String, DeviceMemory> memories, Map<String, Region> regions, Map<String, ArgBlock> argBlocks,
                            Map<String, dev.seedverify.driver.Arg[]> launchArgs, byte[] contents) {
        this.device = device;
        this.library = library;
        this.image = image;
        this.shift = shift;
        this.allocations = allocations;
        this.memories = memories;
        this.regions = regions;
        this.argBlocks = argBlocks;
        this.launchArgs = launchArgs;
        this.contents = contents;
        long lo = Long.MAX_VALUE, hi = 0;
        for (DeviceMemory m : allocations) {
            lo = Math.min(lo, Integer.toUnsignedLong(m.address()));
            hi = Math.max(hi, m.end());
        }
        this.base = (int) lo;
        this.limit = (int) hi;
        DeviceMemory stack = memories.get("stack");
        this.stackTop = (int) (stack.end() & -16L);
    }

    public static Builder builder(KernelLibrary library) { return new Builder(library); }

    /** The lowest address of the placement's allocations. */
    public int base() { return base; }

    /** One past the highest address of the placement's allocations. */
    public int limit() { return limit; }

    /** Bytes of a snapshot (all allocations). */
    public int snapshotBytes() { return contents.length; }

    public KernelLibrary library() { return library; }

    /** The library image as the driver loaded it. */
    public LoadedKernel image() { return image; }

    /** Run-time address of a link-time address of the image. */
    public int relocate(int linkAddress) { return linkAddress + shift; }

    /** Link-time address of a run-time address inside the image. */
    public int linkAddress(int runAddress) { return runAddress - shift; }

    /** sp at launch: the stack allocation's 16-byte-aligned top. */
    public int stackTop() { return stackTop; }

    public Region region(String name) {
        Region r = regions.get(name);
        if (r == null) throw new IllegalArgumentException("no region '" + name + "' in this placement; regions: " + regions.keySet());
        return r;
    }

    public Map<String, Region> regions() { return Collections.unmodifiableMap(regions); }

    public ArgBlock argBlock(String name) {
        ArgBlock a = argBlocks.get(name);
        if (a == null) throw new IllegalArgumentException("no argument block '" + name + "'; blocks: " + argBlocks.keySet());
        return a;
    }

    /** The driver allocation of a buffer, argument block or the stack ({@code "stack"}). */
    public DeviceMemory memory(String name) {
        DeviceMemory m = memories.get(name);
        if (m == null) throw new IllegalArgumentException("no allocation '" + name + "' in this placement; allocations: " + memories.keySet());
        return m;
    }

    /** The snapshot before any launch: the image, argument blocks, inputs, fills (as written). */
    public byte[] contents() { return contents.clone(); }

    /** The snapshot now: every allocation read back through the driver. */
    public byte[] readBack() {
        byte[] out = new byte[contents.length];
        int at = 0;
        for (DeviceMemory m : allocations) {
            System.arraycopy(device.driver().read(m, 0, m.bytes()), 0, out, at, m.bytes());
            at += m.bytes();
        }
        return out;
    }

    /** The driver's LAUNCH of argument block {@code args}' kernel in {@code variant}, with an instruction budget. */
    public Launch launch(String args, Variant variant, long budget) {
        ArgBlock a = argBlock(args);
        LoadedKernel entry = image.entryAt(a.kernel().entrySymbol(variant));
        return Launch.of(entry).args(memory(args), launchArgs.get(args)).stack(memory("stack")).budget(budget);
    }

    /** The bytes of region {@code name} in a snapshot. */
    public byte[] slice(byte[] snapshot, String name) {
        Region r = region(name);
        return Arrays.copyOfRange(snapshot, r.offset(), r.offset() + r.bytes());
    }

    /**
     * What a launch of {@code args} changed outside what it may write (its output buffers and the
     * stack), one line per region with the first changed byte; empty if nothing.
     */
    public List<String> strayWrites(byte[] before, byte[] after, String args) {
        List<String> writable = argBlock(args).outputs();
        List<String> out = new ArrayList<>();
        for (Region r : regions.values()) {
            if (r.kind() == Kind.STACK || writable.contains(r.name())) continue;
            int i = Arrays.mismatch(before, r.offset(), r.offset() + r.bytes(), after, r.offset(), r.offset() + r.bytes());
            if (i < 0) continue;
            int o = r.offset() + i;
            out.add(String.format("%s %s changed: first at 0x%08x (+%d) from 0x%02x to 0x%02x", r.kind().name().toLowerCase(), r.name(), r.address() + i, i,
                    before[o] & 0xFF, after[o] & 0xFF));
            if (out.size() == 8) break;
        }
        return out;
    }

    /** The region holding {@code address}, or null (outside every allocation, or alignment padding). */
    public Region regionAt(int address) {
        for (Region r : regions.values()) if (address - r.address() >= 0 && address - r.address() < r.bytes()) return r;
        return null;
    }

    /** Frees every allocation of the placement (the image too). */
    @Override
    public void close() {
        S1Device d = device.driver();
        for (DeviceMemory m : allocations) d.free(m);
    }

    /** Builds a placement. */
    public static final class Builder {
        private final KernelLibrary library;
        private final Map<String, byte[]> inputs = new LinkedHashMap<>();
        private final Map<String, Integer> outputs = new LinkedHashMap<>();
        private final Map<String, Kernel> argKernels = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> argValues = new LinkedHashMap<>();
        private int stackBytes = DEFAULT_STACK_BYTES;

        private Builder(KernelLibrary library) { this.library = Objects.requireNonNull(library, "library"); }

        /** A buffer the host fills before the launch. */
        public Builder input(String name, byte[] data) {
            checkName(name);
            inputs.put(name, data.clone());
            return this;
        }

        /** A buffer a launch writes (also usable as the input of a later launch). */
        public Builder output(String name, int bytes) {
            checkName(name);
            if (bytes < 0) throw new IllegalArgumentException("buffer " + name + ": negative size");
            outputs.put(name, bytes);
            return this;
        }

        /**
         * An argument block for {@code kernel}: every argument of the ABI table needs a value,
         * an Integer (a scalar, or a raw address) or a String naming a buffer of this placement.
         */
        public Builder args(String name, Kernel kernel, Map<String, ?> values) {
            checkName(name);
            for (String k : values.keySet()) kernel.argIndex(k);
            for (Arg a : kernel.args()) {
                if (!values.containsKey(a.name())) throw new IllegalArgumentException(kernel.cName() + " argument '" + a.name() + "' has no value");
            }
            argKernels.put(name, kernel);
            argValues.put(name, new LinkedHashMap<>(values));
            return this;
        }

        public Builder stack(int bytes) {
            if (bytes < 256 || bytes % 16 != 0) throw new IllegalArgumentException("stack must be a multiple of 16 bytes, at least 256: " + bytes);
            stackBytes = bytes;
            return this;
        }

        private void checkName(String name) {
            if (inputs.containsKey(name) || outputs.containsKey(name) || argKernels.containsKey(name) || name.equals("image") || name.equals("stack")) {
                throw new IllegalArgumentException("placement name '" + name + "' is used twice");
            }
        }

        /** Places everything on {@code device} (see {@link #on(KernelDevice, int)}) with no filler. */
        public KernelPlacement on(KernelDevice device) { return on(device, 0); }

        /**
         * Loads the library and allocates and writes the argument blocks, buffers and stack through
         * the driver. {@code filler} bytes (a multiple of {@link #ALIGN}; 0 for none) are allocated
         * first and freed at the end, so the driver's first-fit allocator places everything that
         * much higher: the properties move the kernel image on every try.
         */
        public KernelPlacement on(KernelDevice device, int filler) {
            if (filler < 0 || filler % ALIGN != 0) throw new IllegalArgumentException("filler of " + filler + " bytes is not a multiple of " + ALIGN);
            S1Device d = device.driver();
            List<DeviceMemory> allocations = new ArrayList<>();
            DeviceMemory pad = filler == 0 ? null : d.alloc(filler, ALIGN);
            boolean done = false;
            try {
                LoadedKernel image = d.load(library.image());
                allocations.add(image.memory());
                long low = Long.MAX_VALUE;
                for (ElfImage.LoadSegment s : library.image().segments()) low = Math.min(low, s.startAddress());
                int shift = (int) (image.memory().address() - low);
                byte[] imageBytes = new byte[image.memory().bytes()];
                for (ElfImage.LoadSegment s : library.image().segments()) {
                    System.arraycopy(s.data(), 0, imageBytes, (int) (s.startAddress() - low), s.data().length);
                }
                Map<String, DeviceMemory> memories = new LinkedHashMap<>();
                Map<String, Region> regions = new LinkedHashMap<>();
                Map<String, byte[]> bytes = new LinkedHashMap<>();
                int[] offset = {0};
                regions.put("image", new Region("image", Kind.IMAGE, image.memory().address(), imageBytes.length, 0));
                bytes.put("image", imageBytes);
                offset[0] = imageBytes.length;
                Map<String, DeviceMemory> argMemories = new LinkedHashMap<>();
                for (Map.Entry<String, Kernel> e : argKernels.entrySet()) {
                    DeviceMemory m = d.alloc(e.getValue().argBlockBytes(), ALIGN);
                    allocations.add(m);
                    argMemories.put(e.getKey(), m);
                    memories.put(e.getKey(), m);
                    regions.put(e.getKey(), new Region(e.getKey(), Kind.ARGS, m.address(), m.bytes(), offset[0]));
                    offset[0] += m.bytes();
                }
                for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
                    byte[] b = buffer(d, allocations, memories, regions, e.getKey(), Kind.INPUT, e.getValue().length, offset);
                    System.arraycopy(e.getValue(), 0, b, 0, e.getValue().length);
                    bytes.put(e.getKey(), b);
                }
                for (Map.Entry<String, Integer> e : outputs.entrySet()) {
                    byte[] b = buffer(d, allocations, memories, regions, e.getKey(), Kind.OUTPUT, e.getValue(), offset);
                    Arrays.fill(b, 0, e.getValue(), OUTPUT_FILL);
                    bytes.put(e.getKey(), b);
                }
                DeviceMemory stack = d.alloc(stackBytes, ALIGN);
                allocations.add(stack);
                memories.put("stack", stack);
                regions.put("stack", new Region("stack", Kind.STACK, stack.address(), stackBytes, offset[0]));
                offset[0] += stackBytes;

                Map<String, ArgBlock> blocks = new LinkedHashMap<>();
                Map<String, dev.seedverify.driver.Arg[]> launchArgs = new LinkedHashMap<>();
                for (Map.Entry<String, Kernel> e : argKernels.entrySet()) {
                    Kernel k = e.getValue();
                    Map<String, Object> values = argValues.get(e.getKey());
                    int[] words = new int[k.args().size()];
                    dev.seedverify.driver.Arg[] la = new dev.seedverify.driver.Arg[words.length];
                    List<String> outs = new ArrayList<>();
                    for (int i = 0; i < words.length; i++) {
                        Arg a = k.args().get(i);
                        Object v = values.get(a.name());
                        if (v instanceof String buffer) {
                            Region r = regions.get(buffer);
                            if (r == null || (r.kind() != Kind.INPUT && r.kind() != Kind.OUTPUT)) {
                                throw new IllegalArgumentException(k.cName() + " argument " + a.name() + " names '" + buffer + "', which is not a buffer");
                            }
                            if (!a.type().pointer()) throw new IllegalArgumentException(k.cName() + " argument " + a.name() + " is a scalar, not a buffer");
                            if (a.type().output()) outs.add(buffer);
                            words[i] = r.address();
                            la[i] = dev.seedverify.driver.Arg.ptr(memories.get(buffer));
                        } else if (v instanceof Integer n) {
                            words[i] = n;
                            la[i] = dev.seedverify.driver.Arg.word(n);
                        } else {
                            throw new IllegalArgumentException(k.cName() + " argument " + a.name() + ": " + v + " is neither an int nor a buffer name");
                        }
                    }
                    byte[] b = new byte[argMemories.get(e.getKey()).bytes()];
                    for (int i = 0; i < words.length; i++) for (int j = 0; j < 4; j++) b[4 * i + j] = (byte) (words[i] >>> (8 * j));
                    bytes.put(e.getKey(), b);
                    blocks.put(e.getKey(), new ArgBlock(e.getKey(), k, regions.get(e.getKey()), words, List.copyOf(outs)));
                    launchArgs.put(e.getKey(), la);
                }
                // The snapshot: each allocation's bytes at its region's offset (the stack's stay zero: it is never compared).
                byte[] contents = new byte[offset[0]];
                for (Map.Entry<String, byte[]> e : bytes.entrySet()) {
                    System.arraycopy(e.getValue(), 0, contents, regions.get(e.getKey()).offset(), e.getValue().length);
                    if (!e.getKey().equals("image")) d.write(memories.get(e.getKey()), 0, e.getValue());
                }
                done = true;
                return new KernelPlacement(device, library, image, shift, allocations, memories, regions, blocks, launchArgs, contents);
            } finally {
                if (pad != null) d.free(pad);
                if (!done) for (DeviceMemory m : allocations) d.free(m);
            }
        }

        /** A buffer's allocation (the buffer, then its guard); returns its bytes as written, guard filled. */
        private static byte[] buffer(S1Device d, List<DeviceMemory> allocations, Map<String, DeviceMemory> memories, Map<String, Region> regions,
                                     String name, Kind kind, int bytes, int[] offset) {
            DeviceMemory m = d.alloc(bytes + GUARD_BYTES, ALIGN);
            allocations.add(m);
            memories.put(name, m);
            regions.put(name, new Region(name, kind, m.address(), bytes, offset[0]));
            regions.put("guard after " + name, new Region("guard after " + name, Kind.GUARD, m.address() + bytes, GUARD_BYTES, offset[0] + bytes));
            offset[0] += m.bytes();
            byte[] b = new byte[m.bytes()];
            Arrays.fill(b, bytes, b.length, GUARD_FILL);
            return b;
        }
    }
}
