package dev.seedverify.kernels.cases;

import dev.seedverify.kernels.abi.Arg;
import dev.seedverify.kernels.abi.Kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of one kernel: its tensors and scalar arguments, and the exact expected outputs from
 * the Java reference. Tensors are named after the argument that points at them.
 */
public interface KernelCase {
    Kernel kernel();

    /** The scalar arguments by name. */
    Map<String, Integer> scalars();

    /** The input tensors (little-endian bytes) by argument name. */
    Map<String, byte[]> inputs();

    /** The dimensions of each output tensor by argument name (row-major). */
    Map<String, int[]> outputs();

    /** The reference's outputs, as bytes, by argument name. */
    Map<String, byte[]> expected();

    /** The argument values for a placement: buffer names for pointers, scalars as ints. */
    default Map<String, Object> arguments() {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> s = scalars();
        for (Arg a : kernel().args()) {
            if (a.type().pointer()) {
                values.put(a.name(), a.name());
            } else {
                Integer v = s.get(a.name());
                if (v == null) throw new IllegalStateException(kernel().cName() + " case has no value for " + a.name());
                values.put(a.name(), v);
            }
        }
        return values;
    }

    /** Bytes of output {@code name}. */
    default int outputBytes(String name) {
        int n = kernel().args().get(kernel().argIndex(name)).type().elementBytes();
        for (int d : outputs().get(name)) n *= d;
        return n;
    }

    /** Multiply-accumulates of the case (for rates), 0 where it means nothing. */
    default long macs() { return 0; }
}
