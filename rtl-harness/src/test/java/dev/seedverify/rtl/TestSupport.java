package dev.seedverify.rtl;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Shared fixtures: folders, the real RTL, the throwaway test top and small programs. */
final class TestSupport {
    private TestSupport() {}

    private static RtlModel testTop;

    /** Where tests build models (target/rtl-test under Maven). */
    static Path testOut() {
        return Path.of(System.getProperty("seedverify.rtl.testOut", "target/rtl-test")).toAbsolutePath();
    }

    /** The real RTL folder (src/main/rtl under Maven). */
    static Path rtlSources() {
        return Path.of(System.getProperty("seedverify.rtl.sources", "src/main/rtl")).toAbsolutePath();
    }

    /** The multi-mode test top (see {@link TestTop}), built once per JVM. */
    static synchronized RtlModel testTop() {
        if (testTop == null) {
            Path src = testOut().resolve("test-top-src");
            TestTop.write(src);
            testTop = RtlModel.build(src, testOut().resolve("test-top"));
        }
        return testTop;
    }

    /** A simulator of the test top running {@code mode}, reset and ready. */
    static RtlSimulator testTopSim(int mode) {
        RtlSimulator sim = RtlSimulator.create(testTop());
        sim.setEcho(0);
        sim.writeWord(RtlSimulator.DRAM_BASE, mode);
        sim.resetBare();
        return sim;
    }

    /** Assembles with the golden model's assembler at the DRAM base. */
    static ElfImage assemble(String name, String source) {
        return Assembler.assemble(source, name);
    }

    /**
     * A small bare-mode program: ALU, word/byte stores and loads, a CSR access, an illegal
     * instruction trap handled by a handler, then tohost = 1. Uses a2 (x12) for the add result.
     */
    static final String SMALL_PROGRAM = """
            _start:
                    la      t0, handler
                    csrw    mtvec, t0
                    li      a0, 5
                    li      a1, 7
                    add     a2, a0, a1
                    la      t0, data
                    sw      a2, 0(t0)
                    lw      a3, 0(t0)
                    sb      a0, 5(t0)
                    lbu     a4, 5(t0)
                    lw      a5, 4(t0)
                    .word   0xffffffff
                    li      t1, 1
                    la      t2, tohost
                    sw      t1, 0(t2)
            spin:   j       spin
            handler:
                    csrr    t3, mepc
                    addi    t3, t3, 4
                    csrw    mepc, t3
                    mret
                    .balign 64
            tohost: .word   0, 0
            data:   .word   0x11223344, 0x55667788
            """;

    static ElfImage smallProgram() {
        return assemble("small.S", SMALL_PROGRAM);
    }

    /** A loop of {@code iterations} x 4 instructions, then tohost = 1. */
    static ElfImage loopProgram(int iterations) {
        return assemble("loop.S", """
                _start:
                        li      s0, %d
                        li      a0, 0
                loop:   addi    a0, a0, 3
                        xori    a1, a0, 0x55
                        addi    s0, s0, -1
                        bnez    s0, loop
                        li      t1, 1
                        la      t2, tohost
                        sw      t1, 0(t2)
                spin:   j       spin
                        .balign 64
                tohost: .word   0, 0
                """.formatted(iterations));
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dst = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dst);
                else Files.copy(p, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
