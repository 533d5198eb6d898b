package dev.seedverify.kernels;

import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.DescriptorField;
import dev.seedverify.golden.device.Descriptor;
import dev.seedverify.golden.device.Opcode;
import dev.seedverify.golden.isa.TrapCause;
import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.KernelStatus;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.cases.GemmI8Case;
import dev.seedverify.kernels.launch.GoldenDevice;
import dev.seedverify.kernels.launch.KernelDevice;
import dev.seedverify.kernels.launch.KernelPlacement;
import dev.seedverify.kernels.launch.KernelRunner;
import dev.seedverify.kernels.launch.LaunchRequest;
import dev.seedverify.kernels.launch.LaunchResult;
import dev.seedverify.kernels.launch.LockstepShimDevice;
import dev.seedverify.kernels.launch.RtlShimDevice;
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
 * The launch ABI as the devices implement it (spec §4.2 and the device design): entry with a0
 * and sp, the window, ecall ends with a0, other traps end with mcause/mtval, the budget ends with
 * WATCHDOG, bad descriptors with BAD_ADDRESS; and the placement that builds the launches. The
 * golden, RTL and lockstep devices must agree on every one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaunchTest {
    private KernelLibrary lib;
    private GoldenDevice golden;
    private RtlShimDevice rtl;
    private LockstepShimDevice lockstep;
    private final GemmI8Case gemm = GemmI8Case.random(new SplittableRandom(9), 9, 9, 40);

    @BeforeAll
    void open() {
        lib = KernelChecks.standard();
        golden = new GoldenDevice();
        rtl = RtlShimDevice.open();
        lockstep = LockstepShimDevice.open();
    }

    @AfterAll
    void close() {
        rtl.close();
        lockstep.close();
    }

    private List<KernelDevice> devices() { return List.of(golden, rtl, lockstep); }

    /** Places {@code gemm} with argument {@code name} replaced by {@code value}. */
    private KernelPlacement gemmWith(String name, Object value) {
        KernelPlacement.Builder b = KernelPlacement.builder(lib);
        gemm.inputs().forEach(b::input);
        b.output("c", gemm.outputBytes("c"));
        Map<String, Object> args = new HashMap<>(gemm.arguments());
        if (name != null) args.put(name, value);
        return b.args("args", Kernel.GEMM_I8, args).at(KernelRunner.DEFAULT_BASE);
    }

    private LaunchResult launch(KernelDevice d, KernelPlacement p, LaunchRequest r) {
        d.write(p.base(), p.contents());
        return d.launch(r);
    }

    @Test
    void aKernelEndsAtEcallWithItsResultAndTheRetiredCount() {
        KernelPlacement p = gemmWith(null, null);
        for (KernelDevice d : devices()) {
            LaunchResult r = launch(d, p, p.request("args", Variant.XSEED, 0));
            assertThat(r.status()).as(d.name()).isEqualTo(CompletionStatus.OK);
            assertThat(r.result()).as(d.name()).isEqualTo(KernelStatus.OK.code());
        }
        long g = launch(golden, p, p.request("args", Variant.XSEED, 0)).retired();
        assertThat(launch(rtl, p, p.request("args", Variant.XSEED, 0)).retired()).isEqualTo(g);
        assertThat(launch(lockstep, p, p.request("args", Variant.XSEED, 0)).retired()).isEqualTo(g);
    }

    @Test
    void aLoadOutsideTheWindowEndsWithAnAccessFault() {
        int outside = KernelRunner.DEFAULT_BASE - 4096; // in DRAM, below the allocation
        KernelPlacement p = gemmWith("a", outside);
        for (KernelDevice d : devices()) {
            LaunchResult r = launch(d, p, p.request("args", Variant.SCALAR, 0));
            assertThat(r.status()).as(d.name()).isEqualTo(CompletionStatus.TRAP);
            assertThat(r.result()).as(d.name()).isEqualTo(TrapCause.LOAD_ACCESS.code());
            assertThat(r.tval()).as(d.name()).isEqualTo(outside);
        }
    }

    @Test
    void aTileLoadOutsideTheWindowEndsWithAnAccessFault() {
        int outside = KernelRunner.DEFAULT_BASE - 4096;
        KernelPlacement p = gemmWith("b", outside);
        for (KernelDevice d : devices()) {
            LaunchResult r = launch(d, p, p.request("args", Variant.XSEED, 0));
            assertThat(r.status()).as(d.name()).isEqualTo(CompletionStatus.TRAP);
            assertThat(r.result()).as(d.name()).isEqualTo(TrapCause.LOAD_ACCESS.code());
        }
    }

    @Test
    void theBudgetCountsRetiredInstructionsAndEndsWithWatchdog() {
        KernelPlacement p = gemmWith(null, null);
        long retired = launch(golden, p, p.request("args", Variant.SCALAR, 0)).retired();
        for (KernelDevice d : devices()) {
            // retired instructions and then ecall: the ecall is record retired + 1
            assertThat(launch(d, p, p.request("args", Variant.SCALAR, (int) retired + 1)).status()).as(d.name()).isEqualTo(CompletionStatus.OK);
            LaunchResult w = launch(d, p, p.request("args", Variant.SCALAR, (int) retired));
            assertThat(w.status()).as(d.name()).isEqualTo(CompletionStatus.WATCHDOG);
            assertThat(w.retired()).as(d.name()).isEqualTo(retired);
        }
    }

    @Test
    void argumentsOutOfRangeAreRefusedWithoutWritingAnything() {
        KernelPlacement p = gemmWith("q_shift", 31);
        for (KernelDevice d : devices()) {
            for (Variant v : Variant.values()) {
                byte[] before = p.contents();
                LaunchResult r = launch(d, p, p.request("args", v, 0));
                assertThat(r.result()).as("%s %s", d.name(), v).isEqualTo(KernelStatus.BAD_ARGUMENTS.code());
                assertThat(p.slice(d.read(p.base(), p.bytes()), "c")).as("%s %s", d.name(), v).isEqualTo(p.slice(before, "c"));
            }
        }
    }

    @Test
    void aMisalignedOrEmptyWindowIsABadAddress() {
        KernelPlacement p = gemmWith(null, null);
        LaunchRequest ok = p.request("args", Variant.XSEED, 0);
        List<LaunchRequest> bad = List.of(
                new LaunchRequest(ok.entry(), ok.a0(), ok.sp(), ok.windowBase() + 2, ok.windowLimit(), 0, ok.shimAddress()),
                new LaunchRequest(ok.entry(), ok.a0(), ok.sp(), ok.windowLimit(), ok.windowBase(), 0, ok.shimAddress()),
                new LaunchRequest(ok.entry() + 1, ok.a0(), ok.sp(), ok.windowBase(), ok.windowLimit(), 0, ok.shimAddress()),
                new LaunchRequest(ok.entry(), ok.a0(), ok.sp(), ok.windowBase(), 0x8000_0000 + (4 << 20), 0, ok.shimAddress()));
        for (KernelDevice d : devices()) {
            for (LaunchRequest r : bad) assertThat(d.launch(r).status()).as("%s %s", d.name(), r).isEqualTo(CompletionStatus.BAD_ADDRESS);
        }
    }

    @Test
    void theArgumentBlockFollowsTheAbiTable() {
        KernelPlacement p = gemmWith(null, null);
        byte[] c = p.contents();
        KernelPlacement.Region args = p.region("args");
        assertThat(args.bytes()).isEqualTo(Kernel.GEMM_I8.argBlockBytes());
        int[] expected = {p.region("a").address(), p.region("b").address(), p.region("bias").address(), p.region("c").address(), gemm.m(),
                gemm.n(), gemm.k(), gemm.aZp(), gemm.mul(), gemm.shift(), gemm.zp()};
        for (int i = 0; i < expected.length; i++) {
            int o = args.address() - p.base() + 4 * i;
            int word = (c[o] & 0xFF) | (c[o + 1] & 0xFF) << 8 | (c[o + 2] & 0xFF) << 16 | c[o + 3] << 24;
            assertThat(word).as("word %d (%s)", i, Kernel.GEMM_I8.args().get(i).name()).isEqualTo(expected[i]);
        }
    }

    @Test
    void theLaunchCoversEverythingItNeedsAndRelocatesTheEntry() {
        KernelPlacement p = gemmWith(null, null);
        LaunchRequest r = p.request("args", Variant.XSEED, 0);
        assertThat(r.windowBase()).isEqualTo(p.base());
        assertThat(r.windowLimit()).isEqualTo(p.limit());
        for (KernelPlacement.Region region : p.regions().values()) {
            assertThat(region.address()).isBetween(p.base(), p.limit());
            assertThat(region.end()).isLessThanOrEqualTo(p.limit());
        }
        assertThat(r.sp() % 16).isZero();
        assertThat(r.sp()).isEqualTo(p.region("stack").end());
        assertThat(r.entry()).isEqualTo(p.imageBase() + lib.entry(Kernel.GEMM_I8, Variant.XSEED) - lib.linkBase());
        assertThat(r.a0()).isEqualTo(p.region("args").address());
    }

    @Test
    void theRequestIsTheLaunchDescriptorADriverWrites() {
        KernelPlacement p = gemmWith(null, null);
        LaunchRequest r = p.request("args", Variant.XSEED, 1000);
        Descriptor d = r.descriptor(7, 0x8000_0100);
        assertThat(d.opcode()).isEqualTo(Opcode.LAUNCH);
        assertThat(d.tag()).isEqualTo(7);
        assertThat(d.get(DescriptorField.LAUNCH_ENTRY)).isEqualTo(r.entry());
        assertThat(d.get(DescriptorField.LAUNCH_A0)).isEqualTo(r.a0());
        assertThat(d.get(DescriptorField.LAUNCH_SP)).isEqualTo(r.sp());
        assertThat(d.get(DescriptorField.LAUNCH_WINDOW_BASE)).isEqualTo(r.windowBase());
        assertThat(d.get(DescriptorField.LAUNCH_WINDOW_LIMIT)).isEqualTo(r.windowLimit());
        assertThat(d.get(DescriptorField.LAUNCH_BUDGET)).isEqualTo(1000);
    }

    @Test
    void anAllocationMustKeepThePlacementAlignment() {
        assertThatThrownBy(() -> KernelPlacement.builder(lib).at(KernelRunner.DEFAULT_BASE + 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 64");
    }

    @Test
    void everyArgumentNeedsAValue() {
        assertThatThrownBy(() -> KernelPlacement.builder(lib).args("args", Kernel.RELU_I8, Map.of("in", 0, "out", 0, "n", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lo' has no value");
    }
}
