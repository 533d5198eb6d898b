package dev.seedverify.golden.elf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import dev.seedverify.golden.toolchain.ToolchainException;

/**
 * Runs the RISC-V cross toolchain from tests: builds bare-metal RV32IM executables from test
 * resources at test time, so no binaries are committed.
 *
 * <p>The toolchain is {@code riscv64-unknown-elf-gcc} (Debian package
 * {@code gcc-riscv64-unknown-elf}, installed by {@code ci/setup.sh}); the system property
 * {@code seedverify.riscv.prefix} changes the prefix (default {@code riscv64-unknown-elf-}).
 * A missing toolchain is a test <em>failure</em> telling you to run {@code ci/setup.sh}, never a
 * skip: CI always has it, and a silently skipped toolchain test proves nothing.
 */
final class CrossCompiler {

    static final String PREFIX = System.getProperty("seedverify.riscv.prefix", "riscv64-unknown-elf-");
    static final String GCC = PREFIX + "gcc";

    /** Flags for a bare-mode SeedChip S1 program: RV32IM + Zicsr, no C library, no start files. */
    static final List<String> BARE_METAL_FLAGS = List.of(
            "-march=rv32im_zicsr", "-mabi=ilp32", "-nostdlib", "-nostartfiles", "-static");

    private static final long TIMEOUT_SECONDS = 120;

    private CrossCompiler() {
    }

    /**
     * Copies the classpath resource {@code resource} (e.g. {@code "/elf/bare.S"}) into {@code dir}
     * under its own file name and returns the copy.
     */
    static Path copyResource(String resource, Path dir) {
        try (InputStream in = CrossCompiler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("test resource " + resource + " not found on the classpath");
            }
            Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("copying test resource " + resource + " to " + dir, e);
        }
    }

    /**
     * Compiles and links {@code sources} (classpath resources such as {@code "/elf/bare.S"}) with
     * the linker script {@code linkerScript} (also a resource) into {@code workDir/output}, using
     * {@link #BARE_METAL_FLAGS} plus {@code extraFlags}.
     *
     * @return the executable
     * @throws AssertionError if the compiler is missing (says to run {@code ci/setup.sh}) or fails
     *                        (with its command line, exit code and output)
     */
    static Path compileBareMetal(Path workDir, String output, String linkerScript, List<String> extraFlags,
                                 String... sources) {
        Path ld = copyResource(linkerScript, workDir);
        Path out = workDir.resolve(output);
        List<String> cmd = new ArrayList<>();
        cmd.add(GCC);
        cmd.addAll(BARE_METAL_FLAGS);
        cmd.addAll(extraFlags);
        cmd.add("-T");
        cmd.add(ld.toString());
        cmd.add("-o");
        cmd.add(out.toString());
        for (String s : sources) {
            cmd.add(copyResource(s, workDir).toString());
        }
        run(workDir, cmd);
        if (!Files.isRegularFile(out)) {
            throw new AssertionError(String.join(" ", cmd) + " exited 0 but did not write " + out);
        }
        return out;
    }

    /**
     * Runs a toolchain command in {@code workDir} and returns its standard output; a missing,
     * failing or hung toolchain is a test failure with the production runner's message.
     */
    static String run(Path workDir, List<String> cmd) {
        try {
            return dev.seedverify.golden.toolchain.CrossCompiler.run(workDir, cmd);
        } catch (ToolchainException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
