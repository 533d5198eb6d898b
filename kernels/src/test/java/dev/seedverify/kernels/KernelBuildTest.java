package dev.seedverify.kernels;

import dev.seedverify.kernels.abi.Kernel;
import dev.seedverify.kernels.abi.KernelAbiHeader;
import dev.seedverify.kernels.abi.Variant;
import dev.seedverify.kernels.build.BuildConfig;
import dev.seedverify.kernels.build.KernelBuildException;
import dev.seedverify.kernels.build.KernelBuilder;
import dev.seedverify.kernels.build.KernelLibrary;
import dev.seedverify.kernels.build.SourcePatch;
import dev.seedverify.kernels.build.Toolchain;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the library build guarantees, and that each guarantee is checked (a patched source that breaks it fails the build, named). */
class KernelBuildTest {
    private static final BuildConfig GCC = BuildConfig.standard();

    @Test
    void theLibraryHasAnEntryForEveryKernelAndVariant() {
        KernelLibrary lib = KernelChecks.standard();
        for (Kernel k : Kernel.values()) {
            for (Variant v : Variant.values()) assertThat(lib.entry(k, v) - lib.linkBase()).as(k.entrySymbol(v)).isBetween(0, lib.size());
        }
    }

    @Test
    void theArgumentBlocksOfTheHeaderAreTheTables() {
        String h = KernelAbiHeader.render();
        for (Kernel k : Kernel.values()) {
            assertThat(h).contains(String.format("_Static_assert(sizeof(%s) == %d", k.argStruct(), k.argBlockBytes()));
            for (int i = 0; i < k.args().size(); i++) {
                assertThat(h).contains(String.format("__builtin_offsetof(%s, %s) == %d", k.argStruct(), k.args().get(i).name(), 4 * i));
            }
            for (Variant v : Variant.values()) assertThat(h).contains("X(" + k.cName() + v.suffix() + ")");
        }
    }

    @Test
    void anAbsoluteAddressInTheImageIsRefusedAsNotPositionIndependent() {
        // a table of function addresses in read-only data: absolute relocations, so the bytes depend on the link base
        SourcePatch table = new SourcePatch("relu_i8_scalar.c", "int32_t s1k_relu_i8_scalar(",
                "int32_t s1k_relu6_i8_scalar(const struct s1k_relu6_i8_args *p);\n"
                        + "int32_t (*const volatile s1k_table[])(const struct s1k_relu6_i8_args *) = {s1k_relu6_i8_scalar};\n"
                        + "int32_t s1k_relu_i8_scalar(");
        assertThatThrownBy(() -> KernelBuilder.build(GCC, List.of(table))).isInstanceOf(KernelBuildException.class)
                .hasMessageContaining("not position independent").hasMessageContaining("s1k_table");
    }

    @Test
    void anXseedInstructionInAScalarVariantIsRefused() {
        SourcePatch tile = new SourcePatch("relu_i8_scalar.c", "if (p->n == 0 || !s1k_zp_ok(p->lo)) return S1K_BAD_ARGUMENTS;\n    for",
                "if (p->n == 0 || !s1k_zp_ok(p->lo)) return S1K_BAD_ARGUMENTS;\n    __asm__ volatile(\".insn r 0x0b, 1, 0, x1, x0, x0\");\n    for");
        assertThatThrownBy(() -> KernelBuilder.build(GCC, List.of(tile))).isInstanceOf(KernelBuildException.class)
                .hasMessageMatching("(?s).*scalar variant contains the Xseed instruction tzero\\s+m1.*").hasMessageContaining("s1k_relu_i8_scalar");
    }

    @Test
    void aHelperCallTheCompilerWantsIsALinkErrorNamingIt() {
        SourcePatch division = new SourcePatch("add_i8_scalar.c", "p->out[i] = s1k_requant(",
                "p->out[i] = (int8_t)((int64_t)p->n / (int64_t)(i + 1)) + s1k_requant(");
        assertThatThrownBy(() -> KernelBuilder.build(GCC, List.of(division))).isInstanceOf(KernelBuildException.class)
                .hasMessageContaining("__divdi3");
    }

    @Test
    void aPatchThatNoLongerMatchesItsSourceFailsTheBuild() {
        assertThatThrownBy(() -> KernelBuilder.build(GCC, List.of(new SourcePatch("gemm_i8.c", "no such text", "x"))))
                .isInstanceOf(KernelBuildException.class).hasMessageContaining("does not apply");
    }

    @Test
    void aMissingCompilerIsNamed() {
        BuildConfig missing = BuildConfig.of(Toolchain.clang("/nonexistent/clang"), "-O2");
        assertThatThrownBy(() -> KernelBuilder.build(missing)).isInstanceOf(KernelBuildException.class)
                .hasMessageContaining("/nonexistent/clang").hasMessageContaining("cannot be run");
    }

    @Test
    void configurationsParseAndPrintBack() {
        assertThat(BuildConfig.parse("clang:-Os -funroll-loops").label()).isEqualTo("clang -Os -funroll-loops");
        assertThat(BuildConfig.parse("gcc").label()).isEqualTo("gcc -O2");
        assertThat(BuildConfig.parse("gcc@/opt/x/bin/gcc:-O3").toolchain().compiler()).isEqualTo("/opt/x/bin/gcc");
        assertThatThrownBy(() -> BuildConfig.parse("icc:-O2")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown toolchain");
    }
}
