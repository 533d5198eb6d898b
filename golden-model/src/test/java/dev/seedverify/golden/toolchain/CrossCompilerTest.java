package dev.seedverify.golden.toolchain;

import dev.seedverify.golden.elf.ElfLoader;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Memory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Building a C program with the S1 runtime. */
class CrossCompilerTest {

    @Test
    void aRelativeOutputPathIsTakenFromTheCallersWorkingDirectory() throws IOException {
        // GCC runs in the output's folder: a relative -o would otherwise point below that folder.
        Path dir = Path.of("target", "cross-compiler-test");
        Files.createDirectories(dir);
        Path src = dir.resolve("main.c");
        Files.writeString(src, "int main(void) { volatile int a = 6, b = 7; return a * b == 42 ? 0 : 1; }\n");
        Path elf = Path.of("target", "cross-compiler-test", "relative.elf");
        assertThat(elf.isAbsolute()).isFalse();
        Path built = CrossCompiler.compileProgram(List.of(src), elf, List.of("-O1"));
        assertThat(built).isRegularFile();
        assertThat(Files.isSameFile(built, elf)).isTrue();
        assertThat(BareMetal.run(ElfLoader.read(elf), Memory.DEFAULT_BYTES, 100_000).verdict()).isEqualTo(BareMetal.Verdict.PASS);
    }

    @Test
    void aSourceFromTheClasspathBringsTheHeadersItIncludesAlong() throws IOException {
        Path dir = Path.of("target", "cross-compiler-test", "extracted");
        Path src = CrossCompiler.extractSource("/toolchain-test/answer.c", dir);
        assertThat(src).isEqualTo(dir.resolve("answer.c"));
        assertThat(dir.resolve("answer.h")).isRegularFile();
        Path elf = CrossCompiler.compileProgram(List.of(src), dir.resolve("answer.elf"), List.of("-O1"));
        assertThat(BareMetal.run(ElfLoader.read(elf), Memory.DEFAULT_BYTES, 100_000).verdict()).isEqualTo(BareMetal.Verdict.PASS);
    }
}
