package dev.seedverify.kernels.bugs;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.SourcePatch;

import java.util.List;

/**
 * An injected kernel or compiler-style bug: patches of the library sources that the build
 * compiles like any other variant, and the kernel and variant whose properties must catch it.
 */
public record KernelBug(String name, String description, List<SourcePatch> patches, Kernel kernel, Variant variant) {
    public KernelBug {
        patches = List.copyOf(patches);
    }

    @Override
    public String toString() { return name; }
}
