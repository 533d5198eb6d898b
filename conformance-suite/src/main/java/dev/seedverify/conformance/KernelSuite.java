package dev.seedverify.conformance;

import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.conformance.gemm.Int8Gemm;
import dev.seedverify.conformance.gemm.Mxfp8Gemm;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The kernels of the campaign, run in lockstep: the GCC-built C programs (each at -O0 and -O2; they
 * check themselves and report through tohost) and the INT8 and MXFP8 GEMMs in assembly, whose
 * result must also equal the exact reference computed in Java. A kernel that cannot be built (no
 * cross-compiler, a compile error) is an ERROR row naming why, never a silent skip.
 */
public final class KernelSuite {
    /** Seeds of the GEMM data the campaign runs. */
    public static final long[] GEMM_SEEDS = {1, 2};

    /**
     * One kernel: {@code build} makes its image in a work folder; {@code mismatch} checks the final
     * memory of a passing run (null: matches; else what differs).
     */
    public record Kernel(String name, Function<Path, ElfImage> build, BiFunction<Memory, ElfImage, String> mismatch) {}

    private KernelSuite() {}

    /** Every kernel, C programs first. */
    public static List<Kernel> kernels() {
        List<Kernel> list = new ArrayList<>();
        for (CProgram p : CProgram.list()) {
            for (String opt : List.of("-O0", "-O2")) {
                list.add(new Kernel("c/" + p.name() + " " + opt, dir -> p.build(dir.resolve(p.name() + opt), opt), (m, i) -> null));
            }
        }
        for (long seed : GEMM_SEEDS) {
            Int8Gemm g = Int8Gemm.random(seed);
            list.add(new Kernel("gemm/int8 32x32x64 seed " + seed, dir -> g.image(), g::mismatch));
        }
        for (long seed : GEMM_SEEDS) {
            Mxfp8Gemm g = Mxfp8Gemm.random(seed);
            list.add(new Kernel("gemm/mxfp8 32x32x64 seed " + seed, dir -> g.image(), g::mismatch));
        }
        return list;
    }

    /** Builds and runs one kernel on {@code target}, building in {@code work}; a build failure is an ERROR outcome. */
    public static ProgramOutcome run(Kernel k, LockstepTarget target, Path work) {
        ElfImage image;
        try {
            image = k.build().apply(work);
        } catch (RuntimeException e) {
            return ProgramOutcome.error(k.name(), "cannot build: " + e.getMessage());
        }
        ProgramOutcome o = target.run(k.name(), image);
        if (!o.passed()) return o;
        String wrong = k.mismatch().apply(target.reference().hart().memory(), image);
        if (wrong == null) return o;
        return new ProgramOutcome(k.name(), ProgramOutcome.Status.FAIL, 0, o.tohost(), o.instret(), o.steps(),
                "golden and DUT agree, but the result differs from the exact reference: " + wrong);
    }
}
