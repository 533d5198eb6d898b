package dev.seedverify.kernels;

import dev.seedverify.driver.InvalidRequestException;
import dev.seedverify.driver.Launch;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.TrapCause;
import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.KernelStatus;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.cases.GemmI8Case;
import dev.seedverify.kernels.launch.KernelDevice;
import dev.seedverify.kernels.launch.KernelPlacement;
import dev.seedverify.kernels.launch.LaunchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launch ABI through the driver on the golden, RTL and lockstep backends (spec §4.2): entry
 * with a0 and sp, the window, ecall ends with a0, other traps end with mcause/mtval (the driver's
 * trap exception), the budget ends with WATCHDOG; a launch the driver refuses never reaches the
 * device; and the placement that builds the launches. The three backends must agree on every one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaunchTest {
    /** In DRAM, above every allocation of these tests, so outside every launch window. */
    private static final int OUTSIDE = Memory.BASE + Memory.DEFAULT_BYTES - 4096;

    private KernelLibrary lib;
    private KernelDevice golden, rtl, lockstep;
    private final GemmI8Case gemm = GemmI8Case.random(new SplittableRandom(9), 9, 9, 40);

    @BeforeAll
    void open() {
        lib = KernelChecks.standard();
        golden = KernelDevice.open("golden");
        rtl = KernelDevice.open("rtl");
        lockstep = KernelDevice.open("lockstep");
    }

    @AfterAll
    void close() {
        golden.close();
        rtl.close();
        lockstep.close();
    }

    private List<KernelDevice> devices() { return List.of(golden, rtl, lockstep); }

    /** Places {@code gemm} on {@code d} with argument {@code name} replaced by {@code value}. */
    private KernelPlacement gemmWith(KernelDevice d, String name, Object value) {
        KernelPlacement.Builder b = KernelPlacement.builder(lib);
        gemm.inputs().forEach(b::input);
        b.output("c", gemm.outputBytes("c"));
        Map<String, Object> args = new HashMap<>(gemm.arguments());
        if (name != null) args.put(name, value);
        return b.args("args", Kernel.GEMM_I8, args).on(d);
    }

    private LaunchResult launch(KernelDevice d, String name, Object value, Variant v, long budget) {
        try (KernelPlacement p = gemmWith(d, name, value)) {
            return d.launch(p.launch("args", v, budget));
        }
    }

    @Test
    void aKernelEndsAtEcallWithItsResultAndTheRetiredCount() {
        long g = launch(golden, null, null, Variant.XSEED, 1 << 24).retired();
        for (KernelDevice d : devices()) {
            LaunchResult r = launch(d, null, null, Variant.XSEED, 1 << 24);
            assertThat(r.status()).as(d.name()).isEqualTo(CompletionStatus.OK);
            assertThat(r.result()).as(d.name()).isEqualTo(KernelStatus.OK.code());
            assertThat(r.retired()).as(d.name()).isEqualTo(g);
        }
    }

    @Test
    void onlyLaunchesWithAnRtlBelowReportCycles() {
        assertThat(launch(golden, null, null, Variant.XSEED, 1 << 24).cycles()).isEqualTo(-1);
        for (KernelDevice d : List.of(rtl, lockstep)) {
            LaunchResult r = launch(d, null, null, Variant.XSEED, 1 << 24);
            assertThat(r.cycles()).as(d.name()).isGreaterThan(r.retired());
        }
    }

    @Test
    void aLoadOutsideTheWindowEndsWithAnAccessFault() {
        for (KernelDevice d : devices()) {
            LaunchResult r = launch(d, "a", OUTSIDE, Variant.SCALAR, 1 << 24);
            assertThat(r.status()).as(d.name()).isEqualTo(CompletionStatus.TRAP);
            assertThat(r.result()).as(d.name()).isEqualTo(TrapCause.LOAD_ACCESS.code());
            assertThat(r.tval()).as(d.name()).isEqualTo(OUTSIDE);
            assertThat(r.trapAt()).as(d.name()).matches("pc 0x[0-9a-f]{8}: l.*");
        }
    }

    @Test
    void aTileLoadOutsideTheWindowEndsWithAnAccessFault() {
        for (KernelDevice d : devices()) {
            LaunchResult r = launch(d, "b", OUTSIDE, Variant.XSEED, 1 << 24);
            assertThat(r.status()).as(d.name()).isEqualTo(CompletionStatus.TRAP);
            assertThat(r.result()).as(d.name()).isEqualTo(TrapCause.LOAD_ACCESS.code());
        }
    }

    @Test
    void theBudgetCountsRetiredInstructionsAndEndsWithWatchdog() {
        long retired = launch(golden, null, null, Variant.SCALAR, 1 << 24).retired();
        for (KernelDevice d : devices()) {
            // retired instructions and then ecall: the ecall is record retired + 1
            assertThat(launch(d, null, null, Variant.SCALAR, retired + 1).status()).as(d.name()).isEqualTo(CompletionStatus.OK);
            LaunchResult w = launch(d, null, null, Variant.SCALAR, retired);
            assertThat(w.status()).as(d.name()).isEqualTo(CompletionStatus.WATCHDOG);
            assertThat(w.retired()).as(d.name()).isEqualTo(retired);
        }
    }

    @Test
    void argumentsOutOfRangeAreRefusedWithoutWritingAnything() {
        for (KernelDevice d : devices()) {
            for (Variant v : Variant.values()) {
                try (KernelPlacement p = gemmWith(d, "q_shift", 31)) {
                    LaunchResult r = d.launch(p.launch("args", v, 1 << 24));
                    assertThat(r.result()).as("%s %s", d.name(), v).isEqualTo(KernelStatus.BAD_ARGUMENTS.code());
                    assertThat(p.slice(p.readBack(), "c")).as("%s %s", d.name(), v).isEqualTo(p.slice(p.contents(), "c"));
                }
            }
        }
    }

    @Test
    void aLaunchTheDriverRefusesNeverReachesTheDevice() {
        for (KernelDevice d : devices()) {
            try (KernelPlacement p = gemmWith(d, null, null)) {
                Launch zero = p.launch("args", Variant.XSEED, 0);
                int outstanding = d.driver().outstanding().size();
                assertThatThrownBy(() -> d.launch(zero)).as(d.name()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("budget 0");
                assertThat(d.driver().outstanding()).hasSize(outstanding);
                byte[] now = p.readBack(), before = p.contents();
                for (KernelPlacement.Region r : p.regions().values()) {
                    if (r.kind() == KernelPlacement.Kind.STACK) continue; // not part of the snapshot before: earlier launches' leftovers
                    assertThat(java.util.Arrays.equals(p.slice(now, r.name()), p.slice(before, r.name()))).as("%s: %s unchanged", d.name(), r.name()).isTrue();
                }
            }
        }
    }

    @Test
    void theArgumentBlockFollowsTheAbiTableAndTheDriverWritesExactlyIt() {
        try (KernelPlacement p = gemmWith(golden, null, null)) {
            KernelPlacement.Region args = p.region("args");
            assertThat(args.bytes()).isEqualTo(Kernel.GEMM_I8.argBlockBytes());
            int[] expected = {p.region("a").address(), p.region("b").address(), p.region("bias").address(), p.region("c").address(), gemm.m(),
                    gemm.n(), gemm.k(), gemm.aZp(), gemm.mul(), gemm.shift(), gemm.zp()};
            golden.launch(p.launch("args", Variant.XSEED, 1 << 24));
            byte[] c = p.contents(), after = p.readBack();
            for (int i = 0; i < expected.length; i++) {
                int o = args.offset() + 4 * i;
                int word = (c[o] & 0xFF) | (c[o + 1] & 0xFF) << 8 | (c[o + 2] & 0xFF) << 16 | c[o + 3] << 24;
                assertThat(word).as("word %d (%s)", i, Kernel.GEMM_I8.args().get(i).name()).isEqualTo(expected[i]);
            }
            assertThat(p.slice(after, "args")).as("the block the driver wrote at launch").isEqualTo(p.slice(c, "args"));
        }
    }

    @Test
    void theLaunchStartsAtTheRelocatedEntryWithItsBlockAndStack() {
        try (KernelPlacement p = gemmWith(golden, null, null)) {
            Launch l = p.launch("args", Variant.XSEED, 1000);
            assertThat(l.kernel().entry()).isEqualTo(p.relocate(lib.entry(Kernel.GEMM_I8, Variant.XSEED)));
            assertThat(l.kernel().memory()).isSameAs(p.image().memory());
            assertThat(l.argBlock()).isSameAs(p.memory("args"));
            assertThat(l.stack()).isSameAs(p.memory("stack"));
            assertThat(l.budget()).isEqualTo(1000);
            assertThat(p.stackTop() % 16).isZero();
            for (KernelPlacement.Region region : p.regions().values()) {
                assertThat(region.address()).isBetween(p.base(), p.limit());
                assertThat(region.end()).isLessThanOrEqualTo(p.limit());
            }
        }
    }

    @Test
    void aFillerMovesThePlacementAndClosingFreesEverything() {
        int base;
        try (KernelPlacement p = gemmWith(golden, null, null)) {
            base = p.base();
        }
        assertThat(golden.driver().allocations()).isEmpty();
        try (KernelPlacement p = KernelPlacement.builder(lib).input("x", new byte[8]).output("y", 8)
                .args("args", Kernel.RELU_I8, Map.of("in", "x", "out", "y", "n", 8, "lo", 0)).on(golden, 640)) {
            assertThat(p.base()).isEqualTo(base + 640);
        }
        assertThat(golden.driver().allocations()).isEmpty();
    }

    @Test
    void aFillerMustKeepThePlacementAlignment() {
        assertThatThrownBy(() -> KernelPlacement.builder(lib).on(golden, 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 64");
    }

    @Test
    void everyArgumentNeedsAValue() {
        assertThatThrownBy(() -> KernelPlacement.builder(lib).args("args", Kernel.RELU_I8, Map.of("in", 0, "out", 0, "n", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lo' has no value");
    }
}
