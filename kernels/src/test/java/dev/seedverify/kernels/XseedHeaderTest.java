package dev.seedverify.kernels;

import dev.seedverify.golden.gen.XseedHeader;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Extension;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.toolchain.CrossCompiler;
import dev.seedverify.golden.toolchain.ToolchainException;
import dev.seedverify.kernels.build.Toolchain;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated xseed.h assembles, with a stock GCC and a stock Clang, every Xseed instruction
 * to exactly the word the golden model's encoder makes from the ISA table: the C macros
 * (operands pinned to registers) and the assembly macros alike.
 */
class XseedHeaderTest {
    @TempDir
    Path dir;

    static List<Toolchain> toolchains() { return List.of(Toolchain.gcc(), Toolchain.clang()); }

    /** Operands per instruction: tiles 1..7 by position, GPR a0 (x10) and a1 (x11). */
    record Probe(Instruction insn, String c, String asm, int[] operands) {}

    static List<Probe> probes() {
        List<Probe> list = new ArrayList<>();
        int t = 1;
        for (Instruction i : Instruction.all()) {
            if (i.extension() != Extension.XSEED) continue;
            String c = "xs_" + i.mnemonic().replace('.', '_'), a = i.name();
            int x = t % 8, y = (t + 1) % 8, z = (t + 2) % 8;
            t++;
            list.add(switch (i.format()) {
                case TILE_MEMORY -> new Probe(i, c + "(" + x + ", a0_, a1_);", a + "(" + x + ", a0, a1)", new int[] {x, 10, 11});
                case TILE_D -> new Probe(i, c + "(" + x + ");", a + "(" + x + ")", new int[] {x});
                case TILE_DA -> new Probe(i, c + "(" + x + ", " + y + ");", a + "(" + x + ", " + y + ")", new int[] {x, y});
                case TILE_DAB -> new Probe(i, c + "(" + x + ", " + y + ", " + z + ");", a + "(" + x + ", " + y + ", " + z + ")", new int[] {x, y, z});
                case TILE_GET -> new Probe(i, "sink_ = " + c + "(" + x + ", a1_);", a + "(a2, " + x + ", a1)", new int[] {12, x, 11});
                case TILE_PUT -> new Probe(i, c + "(" + x + ", a0_, a1_);", a + "(" + x + ", a0, a1)", new int[] {x, 10, 11});
                default -> throw new IllegalStateException(i.format().toString());
            });
        }
        return list;
    }

    private List<Integer> xseedWords(Toolchain tc, String source, String name, String opt) throws IOException {
        Files.writeString(dir.resolve("xseed.h"), XseedHeader.render());
        Path src = dir.resolve(name), obj = dir.resolve(name + ".o"), bin = dir.resolve(name + ".bin");
        Files.writeString(src, source);
        List<String> cmd = new ArrayList<>(List.of(tc.compiler()));
        cmd.addAll(tc.target());
        cmd.addAll(List.of("-ffreestanding", opt, "-I", dir.toString(), "-c", src.toString(), "-o", obj.toString()));
        CrossCompiler.run(dir, cmd);
        CrossCompiler.run(dir, List.of(CrossCompiler.PREFIX + "objcopy", "-O", "binary", "-j", ".text", obj.toString(), bin.toString()));
        byte[] b = Files.readAllBytes(bin);
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i + 4 <= b.length; i += 4) {
            int w = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24;
            if ((w & 0x7F) == Instruction.Xseed.OPCODE) words.add(w);
        }
        return words;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolchains")
    void theCMacrosAssembleToTheEncodersWords(Toolchain tc) throws IOException {
        StringBuilder s = new StringBuilder("#include \"xseed.h\"\nvolatile uint32_t sink_;\nvoid probe(uint32_t x, uint32_t y) {\n");
        s.append("    register uint32_t a0_ __asm__(\"a0\") = x;\n    register uint32_t a1_ __asm__(\"a1\") = y;\n");
        for (Probe p : probes()) s.append("    ").append(p.c()).append('\n');
        s.append("}\n");
        for (String opt : List.of("-O0", "-O2")) {
            List<Integer> words = xseedWords(tc, s.toString(), "probe.c", opt);
            List<Probe> probes = probes();
            assertThat(words).as("%s %s: one Xseed word per macro", tc.name(), opt).hasSize(probes.size());
            for (int i = 0; i < probes.size(); i++) {
                Probe p = probes.get(i);
                int w = words.get(i);
                if (p.insn() == Instruction.TGET) {
                    // the compiler picks tget's destination register: compare everything else
                    assertThat(Decoder.decode(w)).isEqualTo(Instruction.TGET);
                    w = (w & ~Field.RD.bits()) | Field.RD.encode(12);
                }
                assertThat(w).as("%s %s: %s", tc.name(), opt, p.c()).isEqualTo(Encoder.encode(p.insn(), p.operands()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolchains")
    void theAssemblyMacrosAssembleToTheEncodersWords(Toolchain tc) throws IOException {
        StringBuilder s = new StringBuilder("#include \"xseed.h\"\n        .text\nprobe:\n");
        for (Probe p : probes()) s.append("        ").append(p.asm()).append('\n');
        List<Integer> words = xseedWords(tc, s.toString(), "probe.S", "-O0");
        List<Probe> probes = probes();
        assertThat(words).hasSize(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            assertThat(words.get(i)).as("%s: %s", tc.name(), probes.get(i).asm()).isEqualTo(Encoder.encode(probes.get(i).insn(), probes.get(i).operands()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolchains")
    void aTileOperandAboveSevenDoesNotCompile(Toolchain tc) {
        String source = "#include \"xseed.h\"\nvoid probe(void) { xs_tzero(8); }\n";
        assertThatThrownBy(() -> xseedWords(tc, source, "bad.c", "-O2")).isInstanceOf(ToolchainException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolchains")
    void aScalarSourceCannotIncludeTheHeader(Toolchain tc) {
        String source = "#define S1K_NO_XSEED 1\n#include \"xseed.h\"\n";
        assertThatThrownBy(() -> xseedWords(tc, source, "scalar.c", "-O2")).isInstanceOf(ToolchainException.class)
                .hasMessageContaining("must not use Xseed instructions");
    }
}
