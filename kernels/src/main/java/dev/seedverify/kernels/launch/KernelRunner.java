package dev.seedverify.kernels.launch;

import dev.seedverify.kernels.abi.ArgType;
import dev.seedverify.kernels.abi.KernelStatus;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.cases.KernelCase;
import dev.seedverify.kernels.cases.Tensors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link KernelCase} on a {@link KernelDevice} through its driver: places library,
 * arguments and tensors ({@link KernelPlacement}), launches, reads the allocations back and
 * judges it: the launch must end with ecall and {@link KernelStatus#OK}, every output element
 * must equal the reference bit for bit, and nothing outside the outputs and the stack may have
 * changed.
 */
public final class KernelRunner {
    /** Instruction budget of a case launch (the descriptor's 0, i.e. 2^24, is too small for the largest scalar cases). */
    public static final long DEFAULT_BUDGET = 200_000_000;

    private KernelRunner() {}

    /** One output element that differs from the reference. */
    public record Mismatch(String tensor, int index, String position, long expected, long actual, int elementBytes) {
        @Override
        public String toString() {
            return elementBytes == 4
                    ? String.format("%s%s (element %d): expected 0x%08x, got 0x%08x", tensor, position, index, expected, actual)
                    : String.format("%s%s (element %d): expected %d, got %d", tensor, position, index, expected, actual);
        }
    }

    /** The result of one case. */
    public record Outcome(KernelCase kase, Variant variant, String device, LaunchResult launch, Map<String, byte[]> outputs,
                          List<Mismatch> mismatches, int mismatchCount, List<String> strayWrites, String fenceViolation) {
        public boolean passed() {
            return launch.ok() && launch.result() == KernelStatus.OK.code() && mismatchCount == 0 && strayWrites.isEmpty()
                    && fenceViolation == null;
        }

        /** What went wrong, or "passed". */
        public String verdict() {
            if (!launch.ok()) return "the launch did not end with ecall: " + launch;
            if (launch.result() != KernelStatus.OK.code()) {
                KernelStatus s = KernelStatus.of(launch.result());
                return "the kernel returned " + launch.result() + (s == null ? "" : " (" + s + ": " + s.meaning() + ")");
            }
            List<String> lines = new ArrayList<>();
            if (mismatchCount > 0) {
                lines.add(mismatchCount + " output element(s) differ from the reference; first: " + mismatches.get(0));
                for (int i = 1; i < mismatches.size(); i++) lines.add("  also " + mismatches.get(i));
            }
            for (String s : strayWrites) lines.add("stray write: " + s);
            if (fenceViolation != null) lines.add("xseed.h ordering contract broken: " + fenceViolation);
            return lines.isEmpty() ? "passed" : String.join("\n", lines);
        }

        @Override
        public String toString() {
            return kase.kernel().cName() + variant.suffix() + " on " + device + ": " + verdict() + " (" + launch + ")\n  case: " + kase;
        }
    }

    public static Outcome run(KernelCase c, KernelLibrary library, Variant variant, KernelDevice device) {
        return run(c, library, variant, device, 0, DEFAULT_BUDGET);
    }

    /**
     * Runs the case through the driver: library loaded, buffers allocated and written, launched,
     * outputs read back, everything freed again. {@code filler} bytes allocated first move the
     * placement ({@link KernelPlacement.Builder#on(KernelDevice, int)}). The commit records the
     * backend delivers are checked against xseed.h's ordering contract ({@link FenceChecker}).
     */
    public static Outcome run(KernelCase c, KernelLibrary library, Variant variant, KernelDevice device, int filler, long budget) {
        try (KernelPlacement p = place(c, library, device, filler)) {
            byte[] before = p.contents();
            FenceChecker fences = new FenceChecker(p.base(), p.limit() - p.base());
            LaunchResult launch = device.launch(p.launch("args", variant, budget), fences);
            byte[] after = p.readBack();
            Map<String, byte[]> outputs = new LinkedHashMap<>();
            for (String name : c.outputs().keySet()) outputs.put(name, p.slice(after, name));
            List<Mismatch> mismatches = new ArrayList<>();
            int count = 0;
            if (launch.ok() && launch.result() == KernelStatus.OK.code()) {
                Map<String, byte[]> expected = c.expected();
                for (Map.Entry<String, byte[]> e : outputs.entrySet()) {
                    count += compare(c, e.getKey(), expected.get(e.getKey()), e.getValue(), mismatches);
                }
            }
            List<String> stray = p.strayWrites(before, after, "args");
            String fence = fences.violation() == null ? null : describe(fences.violation(), p);
            return new Outcome(c, variant, device.name(), launch, outputs, List.copyOf(mismatches), count, stray, fence);
        }
    }

    /** The placement of a case: its inputs, its outputs and one argument block named "args". */
    public static KernelPlacement place(KernelCase c, KernelLibrary library, KernelDevice device, int filler) {
        KernelPlacement.Builder b = KernelPlacement.builder(library);
        c.inputs().forEach(b::input);
        for (String name : c.outputs().keySet()) b.output(name, c.outputBytes(name));
        b.args("args", c.kernel(), c.arguments());
        return b.on(device, filler);
    }

    /** Appends up to 4 mismatches of one tensor; returns how many elements differ. */
    static int compare(KernelCase c, String name, byte[] expected, byte[] actual, List<Mismatch> out) {
        ArgType type = c.kernel().args().get(c.kernel().argIndex(name)).type();
        int size = type.elementBytes();
        int[] dims = c.outputs().get(name);
        int differing = 0;
        for (int i = 0; i < expected.length / size; i++) {
            long e = size == 4 ? Tensors.word(expected, i) & 0xFFFF_FFFFL : expected[i];
            long a = size == 4 ? Tensors.word(actual, i) & 0xFFFF_FFFFL : actual[i];
            if (e == a) continue;
            if (out.size() < 4) out.add(new Mismatch(name, i, position(dims, i), e, a, size));
            differing++;
        }
        return differing;
    }

    /** A fence violation with the functions (link addresses) of both accesses. */
    static String describe(FenceChecker.Violation v, KernelPlacement p) {
        KernelLibrary lib = p.library();
        return v + String.format(" [reader %s, writer %s]", lib.describe(p.linkAddress(v.readerPc())), lib.describe(p.linkAddress(v.writerPc())));
    }

    /** {@code [i][j]} of a flat index in a row-major tensor. */
    public static String position(int[] dims, int index) {
        StringBuilder s = new StringBuilder();
        int[] p = new int[dims.length];
        for (int d = dims.length - 1; d >= 0; d--) {
            p[d] = index % dims[d];
            index /= dims[d];
        }
        for (int v : p) s.append('[').append(v).append(']');
        return s.toString();
    }
}
