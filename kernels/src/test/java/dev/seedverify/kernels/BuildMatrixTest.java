package dev.seedverify.kernels;

import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.BuildConfig;
import dev.seedverify.kernels.build.KernelBuilder;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.cases.TinyCnn;
import dev.seedverify.kernels.gate.GateSuite;
import dev.seedverify.kernels.launch.KernelRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build matrix: GCC and Clang at -O0, -O2 and -Os build the library (position independent,
 * no libgcc, scalar variants free of Xseed), and every build gives the same outputs, bit for
 * bit equal to the reference, for every kernel in both variants and for the tiny CNN.
 */
class BuildMatrixTest {
    /** Output bytes of every row of the first build, to compare the others with. */
    private static final Map<String, byte[]> FIRST = new HashMap<>();

    static List<BuildConfig> configs() { return BuildConfig.matrix(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyBuildGivesTheReferenceOutputs(BuildConfig config) {
        KernelLibrary lib = KernelBuilder.build(config);
        for (GateSuite.Row row : GateSuite.rows(1)) {
            KernelRunner.Outcome o = KernelRunner.run(row.kase(), lib, row.variant(), KernelChecks.golden());
            assertThat(o.passed()).as("%s %s", config, o).isTrue();
            byte[] out = o.outputs().values().iterator().next();
            synchronized (FIRST) {
                byte[] first = FIRST.putIfAbsent(row.name(), out);
                if (first != null) assertThat(out).as("%s: %s output against the first build's", config, row.name()).isEqualTo(first);
            }
        }
        for (Variant v : Variant.values()) {
            TinyCnn.Outcome net = TinyCnn.seeded(3).run(lib, v, KernelChecks.golden(), KernelRunner.DEFAULT_BUDGET);
            assertThat(net.passed()).as("%s tiny CNN %s:%n%s", config, v, net).isTrue();
        }
    }
}
