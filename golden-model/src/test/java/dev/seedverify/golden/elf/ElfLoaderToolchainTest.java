package dev.seedverify.golden.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.golden.elf.ElfImage.LoadSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads programs built at test time by the real cross compiler ({@code riscv64-unknown-elf-gcc},
 * from {@code ci/setup.sh}). Without the compiler these tests fail (they do not skip).
 *
 * <p>The expected values come from {@code src/test/resources/elf/bare.ld} and {@code bare.S}.
 */
class ElfLoaderToolchainTest {

    private static final int DRAM = 0x8000_0000;
    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    private ElfImage buildBare(List<String> extraFlags) throws IOException {
        Path elf = CrossCompiler.compileBareMetal(dir, "x.elf", "/elf/bare.ld", extraFlags, "/elf/bare.S");
        return ElfLoader.read(elf);
    }

    @Test
    void loadsBareMetalProgramBuiltByTheCrossCompiler() throws IOException {
        ElfImage image = buildBare(List.of());

        assertThat(image.entry()).isEqualTo(DRAM);
        assertThat(image.symbol("_start")).hasValue(image.entry());
        assertThat(image.flags() & ElfImage.EF_RISCV_RVC).as("rv32im has no RVC flag").isZero();

        assertThat(image.tohost()).hasValue(0x8000_1000);
        assertThat(image.symbol("fromhost")).hasValue(0x8000_1040);
        assertThat(image.beginSignature()).hasValue(0x8000_2000);
        assertThat(image.endSignature()).hasValue(0x8000_2010);
        assertThat(image.symbol("scratch")).hasValue(0x8000_2010);
        assertThat(image.symbol("_end")).hasValue(0x8000_2050);
        assertThat(image.symbol("trap_handler")).isPresent();
        assertThat(image.symbols().keySet()).as("no mapping symbols, no file/section symbols")
                .noneMatch(n -> n.startsWith("$") || n.endsWith(".o") || n.startsWith("."));

        // Text: _start is the first word of DRAM and begins with `la t0, ...` = auipc t0, ...
        LoadSegment text = segmentAt(image, DRAM);
        assertThat(text.address()).isEqualTo(DRAM);
        int first = word(text, 0);
        assertThat(first & 0x7f).as("opcode AUIPC").isEqualTo(0x17);
        assertThat((first >>> 7) & 0x1f).as("rd = t0").isEqualTo(5);

        // Data: the signature words, then the zero-filled .bss up to _end.
        LoadSegment data = segmentAt(image, 0x8000_2000);
        int sig = 0x8000_2000 - data.address();
        assertThat(word(data, sig)).isEqualTo(0xdeadbeef);
        assertThat(word(data, sig + 12)).isEqualTo(0xcafef00d);
        assertThat(data.endAddress()).isEqualTo(0x8000_2050L);
        assertThat(data.memorySize()).isGreaterThan(data.fileSize());
        for (int a = 0x8000_2010; a < 0x8000_2050; a++) {
            assertThat(data.byteAt(a - data.address())).isZero();
        }
        assertThat(segmentAt(image, 0x8000_1000)).as("tohost is loaded").isNotNull();

        assertThatCode(() -> image.requireWithin(DRAM, 64 * 1024)).doesNotThrowAnyException();
        assertThatThrownBy(() -> image.requireWithin(DRAM, 0x2000))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageStartingWith(image.name() + ": segment ")
                .hasMessageEndingWith(", 0x80002050) lies outside DRAM [0x80000000, 0x80002000)");
    }

    @Test
    void acceptsCompressedBuildAndReportsRvcFlag() throws IOException {
        ElfImage image = buildBare(List.of("-march=rv32imc_zicsr")); // the last -march wins
        assertThat(image.flags() & ElfImage.EF_RISCV_RVC).isEqualTo(ElfImage.EF_RISCV_RVC);
        assertThat(image.entry()).isEqualTo(DRAM);
    }

    @Test
    void compilerFailureReportsTheCompilersErrors() {
        assertThatThrownBy(() -> CrossCompiler.compileBareMetal(dir, "broken.elf", "/elf/bare.ld", List.of(),
                "/elf/broken.S"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(CrossCompiler.GCC)
                .hasMessageContaining("failed with exit code")
                .hasMessageContaining("not_an_instruction");
    }

    @Test
    void missingCompilerFailsWithSetupHint() {
        assertThatThrownBy(() -> CrossCompiler.run(dir, List.of("riscv64-seedverify-no-such-gcc", "--version")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("riscv64-seedverify-no-such-gcc")
                .hasMessageContaining("ci/setup.sh");
    }

    private static LoadSegment segmentAt(ElfImage image, int address) {
        return image.segments().stream().filter(s -> s.contains(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no segment holds " + Integer.toHexString(address) + " in " + image));
    }

    private static int word(LoadSegment s, int offset) {
        return (s.byteAt(offset) & 0xff) | (s.byteAt(offset + 1) & 0xff) << 8
                | (s.byteAt(offset + 2) & 0xff) << 16 | (s.byteAt(offset + 3) & 0xff) << 24;
    }
}
