package dev.seedverify.kernels;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.cases.AddCase;
import dev.seedverify.kernels.cases.ClampCase;
import dev.seedverify.kernels.cases.ConvCase;
import dev.seedverify.kernels.cases.GemmI8Case;
import dev.seedverify.kernels.cases.GemmMxfp8Case;
import dev.seedverify.kernels.cases.PoolCase;
import dev.seedverify.kernels.cases.SoftmaxCase;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Every kernel, both variants, on the golden model with the standard build: each output element
 * equals the exact Java reference, over shapes (tile edges and larger), strides, padding,
 * dilation, quantisation parameters and data, at an arbitrary place in device memory (the image is
 * position independent). Fixed seeds in the default tier; the soak tier runs more tries.
 */
class KernelPropertiesTest {
    static final String SEED = "1100110";

    @Property(seed = SEED, tries = 60)
    void gemmI8MatchesItsReference(@ForAll("gemmI8") GemmI8Case c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Property(seed = SEED, tries = 40)
    void gemmMxfp8MatchesItsReference(@ForAll("gemmMxfp8") GemmMxfp8Case c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Property(seed = SEED, tries = 50)
    void conv2dMatchesItsReference(@ForAll("conv2d") ConvCase c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Property(seed = SEED, tries = 50)
    void depthwiseConv2dMatchesItsReference(@ForAll("depthwise") ConvCase c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Property(seed = SEED, tries = 40)
    void reluMatchesItsReference(@ForAll("relu") ClampCase c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Property(seed = SEED, tries = 40)
    void relu6MatchesItsReference(@ForAll("relu6") ClampCase c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Property(seed = SEED, tries = 50)
    void maxpoolMatchesItsReference(@ForAll("maxpool") PoolCase c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Property(seed = SEED, tries = 50)
    void avgpoolMatchesItsReference(@ForAll("avgpool") PoolCase c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Property(seed = SEED, tries = 60)
    void addMatchesItsReference(@ForAll("add") AddCase c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Property(seed = SEED, tries = 60)
    void softmaxMatchesItsReference(@ForAll("softmax") SoftmaxCase c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    /** The soak tier: 500 more tries of every kernel, other seeds. */
    @Property(tries = 500)
    @AddLifecycleHook(Tier.SoakOnly.class)
    void everyKernelMatchesItsReferenceSoak(@ForAll("anyKernel") dev.seedverify.kernels.cases.KernelCase c, @ForAll("filler") int filler) {
        KernelChecks.checkBoth(KernelChecks.standard(), c, KernelChecks.golden(), filler);
    }

    @Provide Arbitrary<GemmI8Case> gemmI8() { return KernelArbitraries.gemmI8(); }
    @Provide Arbitrary<GemmMxfp8Case> gemmMxfp8() { return KernelArbitraries.gemmMxfp8(); }
    @Provide Arbitrary<ConvCase> conv2d() { return KernelArbitraries.conv(false); }
    @Provide Arbitrary<ConvCase> depthwise() { return KernelArbitraries.conv(true); }
    @Provide Arbitrary<ClampCase> relu() { return KernelArbitraries.clamp(false); }
    @Provide Arbitrary<ClampCase> relu6() { return KernelArbitraries.clamp(true); }
    @Provide Arbitrary<PoolCase> maxpool() { return KernelArbitraries.pool(false); }
    @Provide Arbitrary<PoolCase> avgpool() { return KernelArbitraries.pool(true); }
    @Provide Arbitrary<AddCase> add() { return KernelArbitraries.add(); }
    @Provide Arbitrary<SoftmaxCase> softmax() { return KernelArbitraries.softmax(); }
    @Provide Arbitrary<Integer> filler() { return KernelArbitraries.filler(); }

    @Provide
    Arbitrary<dev.seedverify.kernels.cases.KernelCase> anyKernel() {
        return net.jqwik.api.Arbitraries.of(Kernel.values()).flatMap(k -> KernelArbitraries.of(k).map(c -> (dev.seedverify.kernels.cases.KernelCase) c));
    }
}
