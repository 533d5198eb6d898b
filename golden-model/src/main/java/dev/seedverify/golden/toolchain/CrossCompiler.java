package dev.seedverify.golden.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds bare-mode S1 executables with the RISC-V GCC cross-compiler ({@code
 * riscv64-unknown-elf-gcc}, Debian package {@code gcc-riscv64-unknown-elf}, installed by
 * {@code ci/setup.sh}). C programs get the S1 runtime ({@code crt0.S}, {@code s1.ld}): main's
 * return value becomes the tohost verdict. The prefix can be changed with the system property
 * {@code seedverify.riscv.prefix}.
 */
public final class CrossCompiler {
    public static final String PREFIX = System.getProperty("seedverify.riscv.prefix", "riscv64-unknown-elf-");
    /** RV32IM + Zicsr, no C library: the S1 control core. */
    public static final List<String> S1_FLAGS = List.of("-march=rv32im_zicsr", "-mabi=ilp32", "-static",
            "-nostdlib", "-nostartfiles", "-ffreestanding", "-fno-builtin");
    private static final long TIMEOUT_SECONDS = 120;

    private CrossCompiler() {}

    /**
     * Compiles C and assembly {@code sources} with the S1 runtime into {@code output}.
     *
     * @param extraFlags e.g. {@code -O2}
     */
    public static Path compileProgram(List<Path> sources, Path output, List<String> extraFlags) {
        // GCC runs in the output's folder, so a relative output path would resolve against it.
        output = output.toAbsolutePath();
        Path work = output.getParent();
        Path crt0 = extractRuntime("crt0.S", work);
        Path ld = extractRuntime("s1.ld", work);
        List<String> cmd = new ArrayList<>();
        cmd.add(PREFIX + "gcc");
        cmd.addAll(S1_FLAGS);
        cmd.addAll(extraFlags);
        cmd.add("-T");
        cmd.add(ld.toString());
        cmd.add("-o");
        cmd.add(output.toString());
        cmd.add(crt0.toString());
        for (Path s : sources) cmd.add(s.toAbsolutePath().toString());
        cmd.add(libgcc(work)); // 64-bit division and friends; after the objects that need them
        run(work, cmd);
        if (!Files.isRegularFile(output)) throw new ToolchainException(String.join(" ", cmd) + " wrote no " + output);
        return output;
    }

    private static String libgcc;

    /**
     * The rv32im/ilp32 libgcc. GCC's multilib matching does not understand "_zicsr" in -march and
     * would hand the linker the 64-bit default library, so ask for it with the plain ISA string.
     */
    static synchronized String libgcc(Path work) {
        if (libgcc == null) {
            libgcc = run(work, List.of(PREFIX + "gcc", "-march=rv32im", "-mabi=ilp32", "-print-libgcc-file-name")).strip();
        }
        return libgcc;
    }

    /** A quoted include, {@code #include "name.h"}: a file of the source's own folder. */
    private static final Pattern QUOTED_INCLUDE = Pattern.compile("\\s*#\\s*include\\s+\"([^\"/]+)\".*");

    /**
     * Copies the C source at classpath {@code resource} (e.g. {@code /workloads/crc32.c}) into
     * {@code dir}, with the files its quoted {@code #include}s name (one level) from the same
     * classpath folder, where GCC looks for them: next to the source. Returns the copied source.
     */
    public static Path extractSource(String resource, Path dir) {
        String folder = resource.substring(0, resource.lastIndexOf('/') + 1);
        try {
            Path src = copyResource(resource, dir);
            for (String line : Files.readAllLines(src, StandardCharsets.UTF_8)) {
                Matcher m = QUOTED_INCLUDE.matcher(line);
                if (m.matches()) copyResource(folder + m.group(1), dir);
            }
            return src;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + resource + " into " + dir, e);
        }
    }

    private static Path copyResource(String resource, Path dir) throws IOException {
        try (InputStream in = CrossCompiler.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("source " + resource + " missing from the classpath");
            Files.createDirectories(dir);
            Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }

    /** Copies a runtime file ({@code crt0.S}, {@code s1.ld}) into {@code dir}. */
    public static Path extractRuntime(String name, Path dir) {
        try (InputStream in = CrossCompiler.class.getResourceAsStream("/toolchain/" + name)) {
            if (in == null) throw new IllegalStateException("runtime file /toolchain/" + name + " missing from the classpath");
            Files.createDirectories(dir);
            Path target = dir.resolve("s1-" + name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the S1 runtime into " + dir, e);
        }
    }

    /**
     * Runs a toolchain command in {@code workDir}; returns its standard output.
     *
     * @throws ToolchainException when the tool is missing (run ci/setup.sh), fails (with its
     *                            standard error) or times out
     */
    public static String run(Path workDir, List<String> cmd) {
        String commandLine = String.join(" ", cmd);
        Path out, err;
        Process p;
        try {
            out = Files.createTempFile("s1-tool", ".out");
            err = Files.createTempFile("s1-tool", ".err");
            p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new ToolchainException("cannot run " + cmd.get(0) + " (" + e.getMessage() + "): the RISC-V cross "
                    + "toolchain is not installed or not on PATH; run ci/setup.sh (Debian package gcc-riscv64-unknown-elf)", e);
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ToolchainException(commandLine + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new ToolchainException(commandLine + " failed with exit code " + p.exitValue()
                        + (stderr.isBlank() ? "" : ":\n" + stderr.strip()));
            }
            return stdout;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ToolchainException("interrupted while running " + commandLine, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of " + commandLine, e);
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // temporary files only
            }
        }
    }
}
