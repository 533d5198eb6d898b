package dev.seedverify.conformance;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.elf.ElfLoader;
import dev.seedverify.golden.toolchain.CrossCompiler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-checking C program for bare mode (classpath folder {@code /programs/c/}, listed in its
 * INDEX): main returns 0 when its own checks pass. Built at run time with the RISC-V GCC and the
 * S1 runtime, so no binary is committed.
 */
public record CProgram(String name, String description) {
    private static final String ROOT = "/programs/c/";

    /** The programs listed in INDEX. */
    public static List<CProgram> list() {
        List<CProgram> list = new ArrayList<>();
        try (InputStream in = open("INDEX");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] parts = t.split("\\s+", 2);
                list.add(new CProgram(parts[0], parts.length > 1 ? parts[1] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /** Compiles with {@code optimisation} (e.g. {@code -O2}) in {@code workDir} and loads the ELF. */
    public ElfImage build(Path workDir, String optimisation) {
        try {
            Files.createDirectories(workDir);
            Path src = CrossCompiler.extractSource(ROOT + name, workDir);
            Path elf = workDir.resolve(name.replace(".c", optimisation + ".elf"));
            CrossCompiler.compileProgram(List.of(src), elf, List.of(optimisation));
            return ElfLoader.read(elf);
        } catch (IOException e) {
            throw new UncheckedIOException("building " + name, e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = CProgram.class.getResourceAsStream(ROOT + file);
        if (in == null) throw new IllegalStateException("C program resource " + ROOT + file + " is missing");
        return in;
    }
}
