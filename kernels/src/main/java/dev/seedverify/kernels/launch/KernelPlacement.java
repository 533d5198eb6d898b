package dev.seedverify.kernels.launch;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.kernels.abi.Arg;
import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.KernelLibrary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where everything of one or more kernel launches lies in one device allocation, and the launch
 * ABI: the one place that knows the argument block layout (from the ABI table {@link Kernel}),
 * buffer placement and the launch window. A driver allocates {@link #bytes()} bytes aligned to
 * {@link #ALIGN}, writes {@link #contents()} there (or the parts it needs) and launches
 * {@link #request}; today's devices do the same through their memory ports.
 *
 * <p>Layout from the allocation base, every region aligned to {@link #ALIGN}: a 64-byte launch
 * shim slot (see {@link LaunchRequest#shimAddress}), the kernel image (its segments at their
 * offsets from the link base, zero-initialised bytes written as zeros), the argument blocks,
 * the buffers each followed by a 64-byte guard, and the stack (sp = its top, 16-byte aligned).
 * The window is the whole allocation: code, data, stack, arguments and tensors.
 *
 * <p>Outputs are filled with {@link #OUTPUT_FILL} and guards with {@link #GUARD_FILL} before a
 * launch, so an element a kernel forgot to write and a write past a buffer both show up in
 * {@link #strayWrites}.
 */
public final class KernelPlacement {
    public static final int ALIGN = KernelLibrary.PLACEMENT_ALIGN;
    public static final int SHIM_BYTES = 64;
    public static final int GUARD_BYTES = 64;
    public static final int DEFAULT_STACK_BYTES = 16 << 10;
    public static final byte OUTPUT_FILL = (byte) 0xA5;
    public static final byte GUARD_FILL = (byte) 0x5A;

    public enum Kind { SHIM, IMAGE, ARGS, INPUT, OUTPUT, GUARD, STACK }

    /** A named range of the allocation. */
    public record Region(String name, Kind kind, int address, int bytes) {
        public int end() { return address + bytes; }
    }

    /** An argument block: which kernel, where, and the words written there. */
    public record ArgBlock(String name, Kernel kernel, Region region, int[] words, List<String> outputs) {}

    private final KernelLibrary library;
    private final int base, bytes, imageBase, stackTop;
    private final Map<String, Region> regions;
    private final Map<String, ArgBlock> argBlocks;
    private final byte[] contents;

    private KernelPlacement(KernelLibrary library, int base, int bytes, int imageBase, int stackTop, Map<String, Region> regions,
                            Map<String, ArgBlock> argBlocks, byte[] contents) {
        this.library = library;
        this.base = base;
        this.bytes = bytes;
        this.imageBase = imageBase;
        this.stackTop = stackTop;
        this.regions = regions;
        this.argBlocks = argBlocks;
        this.contents = contents;
    }

    public static Builder builder(KernelLibrary library) { return new Builder(library); }

    /** First byte of the allocation (the window base). */
    public int base() { return base; }

    /** Size of the allocation (the window is [base, base + bytes)). */
    public int bytes() { return bytes; }

    public int limit() { return base + bytes; }

    public KernelLibrary library() { return library; }

    /** Where the image starts: link address a runs at a + imageBase - linkBase. */
    public int imageBase() { return imageBase; }

    /** Run-time address of a link-time address of the image. */
    public int relocate(int linkAddress) { return linkAddress - library.linkBase() + imageBase; }

    /** Link-time address of a run-time address inside the image. */
    public int linkAddress(int runAddress) { return runAddress - imageBase + library.linkBase(); }

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

    /** The allocation's bytes before any launch: the image, argument blocks, inputs, fills. */
    public byte[] contents() { return contents.clone(); }

    /** The LAUNCH of argument block {@code args}' kernel in {@code variant}. */
    public LaunchRequest request(String args, Variant variant, int budget) {
        ArgBlock a = argBlock(args);
        return new LaunchRequest(relocate(library.entry(a.kernel(), variant)), a.region().address(), stackTop, base, limit(), budget,
                region("shim").address());
    }

    /** The bytes of region {@code name} in a read-back of the whole allocation. */
    public byte[] slice(byte[] allocation, String name) {
        Region r = region(name);
        byte[] out = new byte[r.bytes()];
        System.arraycopy(allocation, r.address() - base, out, 0, r.bytes());
        return out;
    }

    /**
     * What a launch of {@code args} changed outside what it may write (its output buffers, the
     * stack and the shim slot), one line per region with the first changed byte; empty if nothing.
     */
    public List<String> strayWrites(byte[] before, byte[] after, String args) {
        List<String> writable = argBlock(args).outputs();
        boolean[] may = new boolean[bytes];
        for (Region r : regions.values()) {
            if (r.kind() == Kind.STACK || r.kind() == Kind.SHIM || writable.contains(r.name())) {
                java.util.Arrays.fill(may, r.address() - base, r.end() - base, true);
            }
        }
        List<String> out = new ArrayList<>();
        String last = null;
        for (int i = 0; i < bytes && out.size() < 8; i++) {
            if (may[i] || before[i] == after[i]) continue;
            Region r = regionAt(base + i);
            String where = r == null ? "alignment padding" : r.kind().name().toLowerCase() + " " + r.name();
            if (where.equals(last)) continue;
            last = where;
            out.add(String.format("%s changed: first at 0x%08x%s from 0x%02x to 0x%02x", where, base + i,
                    r == null ? "" : " (+" + (base + i - r.address()) + ")", before[i] & 0xFF, after[i] & 0xFF));
        }
        return out;
    }

    /** The region holding {@code address}, or null (padding between regions). */
    public Region regionAt(int address) {
        for (Region r : regions.values()) if (address - r.address() >= 0 && address - r.address() < r.bytes()) return r;
        return null;
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
            if (inputs.containsKey(name) || outputs.containsKey(name) || argKernels.containsKey(name) || name.equals("shim")
                    || name.equals("image") || name.equals("stack")) {
                throw new IllegalArgumentException("placement name '" + name + "' is used twice");
            }
        }

        /** Places everything in an allocation starting at {@code base} (a multiple of {@link #ALIGN}). */
        public KernelPlacement at(int base) {
            if ((base & (ALIGN - 1)) != 0) throw new IllegalArgumentException(String.format("allocation base 0x%08x is not a multiple of %d", base, ALIGN));
            Map<String, Region> regions = new LinkedHashMap<>();
            int at = base;
            regions.put("shim", new Region("shim", Kind.SHIM, at, SHIM_BYTES));
            at += SHIM_BYTES;
            int imageBase = at;
            regions.put("image", new Region("image", Kind.IMAGE, at, library.size()));
            at += library.size();
            Map<String, Region> argRegions = new LinkedHashMap<>();
            for (Map.Entry<String, Kernel> e : argKernels.entrySet()) {
                Region r = new Region(e.getKey(), Kind.ARGS, at, e.getValue().argBlockBytes());
                argRegions.put(e.getKey(), r);
                regions.put(e.getKey(), r);
                at = align(at + r.bytes());
            }
            int guards = 0;
            for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
                at = buffer(regions, e.getKey(), Kind.INPUT, at, e.getValue().length, guards++);
            }
            for (Map.Entry<String, Integer> e : outputs.entrySet()) {
                at = buffer(regions, e.getKey(), Kind.OUTPUT, at, e.getValue(), guards++);
            }
            Region stack = new Region("stack", Kind.STACK, at, stackBytes);
            regions.put("stack", stack);
            at += stackBytes;
            int bytes = at - base;

            byte[] c = new byte[bytes];
            for (ElfImage.LoadSegment s : library.image().segments()) {
                System.arraycopy(s.data(), 0, c, imageBase - base + s.address() - library.linkBase(), s.data().length);
            }
            for (Region r : regions.values()) {
                if (r.kind() == Kind.GUARD) java.util.Arrays.fill(c, r.address() - base, r.end() - base, GUARD_FILL);
                if (r.kind() == Kind.OUTPUT) java.util.Arrays.fill(c, r.address() - base, r.end() - base, OUTPUT_FILL);
                if (r.kind() == Kind.INPUT) System.arraycopy(inputs.get(r.name()), 0, c, r.address() - base, r.bytes());
            }
            Map<String, ArgBlock> blocks = new LinkedHashMap<>();
            for (Map.Entry<String, Kernel> e : argKernels.entrySet()) {
                Kernel k = e.getValue();
                Map<String, Object> values = argValues.get(e.getKey());
                int[] words = new int[k.args().size()];
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
                    } else if (v instanceof Integer n) {
                        words[i] = n;
                    } else {
                        throw new IllegalArgumentException(k.cName() + " argument " + a.name() + ": " + v + " is neither an int nor a buffer name");
                    }
                }
                Region r = argRegions.get(e.getKey());
                for (int i = 0; i < words.length; i++) {
                    int o = r.address() - base + 4 * i;
                    c[o] = (byte) words[i];
                    c[o + 1] = (byte) (words[i] >>> 8);
                    c[o + 2] = (byte) (words[i] >>> 16);
                    c[o + 3] = (byte) (words[i] >>> 24);
                }
                blocks.put(e.getKey(), new ArgBlock(e.getKey(), k, r, words, List.copyOf(outs)));
            }
            return new KernelPlacement(library, base, bytes, imageBase, stack.end(), regions, blocks, c);
        }

        private static int buffer(Map<String, Region> regions, String name, Kind kind, int at, int bytes, int index) {
            regions.put(name, new Region(name, kind, at, bytes));
            at += bytes;
            regions.put("guard" + index + ":" + name, new Region("guard after " + name, Kind.GUARD, at, GUARD_BYTES));
            return align(at + GUARD_BYTES);
        }

        private static int align(int a) { return (a + ALIGN - 1) & -ALIGN; }
    }
}
