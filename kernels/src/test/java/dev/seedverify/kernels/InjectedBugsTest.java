package dev.seedverify.kernels;

import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.bugs.KernelBug;
import dev.seedverify.kernels.bugs.KernelBugs;
import dev.seedverify.kernels.build.BuildConfig;
import dev.seedverify.kernels.build.KernelBuilder;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.cases.AddCase;
import dev.seedverify.kernels.cases.ConvCase;
import dev.seedverify.kernels.cases.GemmI8Case;
import dev.seedverify.kernels.cases.GemmMxfp8Case;
import dev.seedverify.kernels.cases.KernelCase;
import dev.seedverify.kernels.cases.PoolCase;
import dev.seedverify.kernels.cases.SoftmaxCase;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;

import java.util.List;

/**
 * Each injected kernel bug (KernelBugs) is caught by the same property that passes on the real
 * library, and jqwik shrinks the failing case: every property here runs the kernel property
 * against the patched build and passes only when that property fails with a shrunk sample no
 * larger than the first failing one (the samples are printed).
 */
class InjectedBugsTest {
    static final String SEED = "4242";

    /** Inverts a property: it must fail, and its shrunk sample must be at most as large as the original. */
    public static final class CaughtAndShrunk implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            PropertyExecutionResult r = property.execute();
            String name = context.extendedLabel();
            if (r.status() != PropertyExecutionResult.Status.FAILED) {
                return r.mapToFailed(name + ": the injected bug was not caught in " + r.countTries() + " tries");
            }
            if (r.originalSample().isEmpty()) return r.mapToFailed(name + ": the failure has no sample");
            ShrunkFalsifiedSample shrunk = r.shrunkSample().orElse(null);
            KernelCase original = (KernelCase) r.originalSample().get().parameters().get(0);
            KernelCase small = shrunk == null ? original : (KernelCase) shrunk.parameters().get(0);
            long before = size(original), after = size(small);
            System.out.printf("%s: caught after %d tries; shrunk in %d steps from %d to %d input elements:%n  %s%n  because: %s%n", name,
                    r.countTries(), shrunk == null ? 0 : shrunk.countShrinkingSteps(), before, after, small,
                    (shrunk == null ? r.originalSample().get() : shrunk).falsifyingError().map(Throwable::getMessage).orElse("?").lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
            if (after > before) return r.mapToFailed(name + ": the shrunk sample is larger than the original");
            return r.mapToSuccessful();
        }
    }

    /** Input elements of a case: the measure shrinking reduces. */
    static long size(KernelCase c) { return c.inputs().values().stream().mapToLong(b -> b.length).sum(); }

    private static KernelLibrary buggy(KernelBug bug) { return KernelBuilder.build(BuildConfig.standard(), bug.patches()); }

    private static void check(KernelBug bug, KernelCase c) {
        KernelChecks.check(buggy(bug), c, bug.variant(), KernelChecks.golden(), 0);
    }

    @Property(seed = SEED, tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
    @AddLifecycleHook(CaughtAndShrunk.class)
    void requantTiesUpIsCaught(@ForAll("add") AddCase c) { check(KernelBugs.REQUANT_TIES_UP, c); }

    @Property(seed = SEED, tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
    @AddLifecycleHook(CaughtAndShrunk.class)
    void tileEdgeOffByOneIsCaught(@ForAll("gemmI8") GemmI8Case c) { check(KernelBugs.TILE_EDGE_OFF_BY_ONE, c); }

    @Property(seed = SEED, tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
    @AddLifecycleHook(CaughtAndShrunk.class)
    void convWrongStrideIsCaught(@ForAll("conv2d") ConvCase c) { check(KernelBugs.CONV_WRONG_STRIDE, c); }

    @Property(seed = SEED, tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
    @AddLifecycleHook(CaughtAndShrunk.class)
    void mxfp8MissedScaleIsCaught(@ForAll("gemmMxfp8") GemmMxfp8Case c) { check(KernelBugs.MXFP8_MISSED_SCALE, c); }

    @Property(seed = SEED, tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
    @AddLifecycleHook(CaughtAndShrunk.class)
    void poolUnsignedLoadIsCaught(@ForAll("maxpool") PoolCase c) { check(KernelBugs.POOL_UNSIGNED_LOAD, c); }

    @Property(seed = SEED, tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
    @AddLifecycleHook(CaughtAndShrunk.class)
    void misplacedFenceIsCaught(@ForAll("gemmI8") GemmI8Case c) { check(KernelBugs.MISPLACED_FENCE, c); }

    @Property(seed = SEED, tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
    @AddLifecycleHook(CaughtAndShrunk.class)
    void softmaxBoundaryIsCaught(@ForAll("softmax") SoftmaxCase c) { check(KernelBugs.SOFTMAX_BOUNDARY, c); }

    /** Every bug of the catalogue has a property above (a new bug needs one). */
    @net.jqwik.api.Example
    void everyBugOfTheCatalogueIsTested() {
        List<String> tested = List.of("requant-ties-up", "tile-edge-off-by-one", "conv-wrong-stride", "mxfp8-missed-scale", "pool-unsigned-load",
                "misplaced-fence", "softmax-boundary");
        org.assertj.core.api.Assertions.assertThat(KernelBugs.all().stream().map(KernelBug::name).toList()).containsExactlyElementsOf(tested);
    }

    /** The real library passes the exact cases the bugs were shrunk from would need: a control, so the inversion above means something. */
    @net.jqwik.api.Example
    void theRealLibraryPassesWhereTheBugsFail() {
        KernelLibrary lib = KernelChecks.standard();
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        KernelChecks.checkBoth(lib, GemmI8Case.random(r, 7, 8, 1), KernelChecks.golden(), 0);
        KernelChecks.check(lib, GemmI8Case.random(r, 15, 16, 33), Variant.XSEED, KernelChecks.golden(), 0);
    }

    @Provide Arbitrary<AddCase> add() { return KernelArbitraries.add(); }
    @Provide Arbitrary<GemmI8Case> gemmI8() { return KernelArbitraries.gemmI8(); }
    @Provide Arbitrary<ConvCase> conv2d() { return KernelArbitraries.conv(false); }
    @Provide Arbitrary<GemmMxfp8Case> gemmMxfp8() { return KernelArbitraries.gemmMxfp8(); }
    @Provide Arbitrary<PoolCase> maxpool() { return KernelArbitraries.pool(false); }
    @Provide Arbitrary<SoftmaxCase> softmax() { return KernelArbitraries.softmax(); }
}
