package dev.seedverify.rtl.mutant;

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

/** The real S1 RTL sources, packaged on the classpath with the harness. */
public final class RtlSources {
    private static final String ROOT = "/dev/seedverify/rtl/source/";
    public static final String FILE_LIST = "s1_files.f";

    private RtlSources() {}

    /** The RTL files in compile order (as {@code s1_files.f} lists them). */
    public static List<String> files() {
        List<String> files = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(FILE_LIST), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("//") && !t.startsWith("#")) files.add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Writes the RTL (and its file list) into {@code dir}; returns {@code dir}. */
    public static Path extractTo(Path dir) {
        try {
            Files.createDirectories(dir);
            List<String> names = new ArrayList<>(files());
            names.add(FILE_LIST);
            for (String name : names) {
                try (InputStream in = open(name)) {
                    Files.write(dir.resolve(name), in.readAllBytes());
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the RTL into " + dir, e);
        }
    }

    /** The text of source file {@code name} (one of {@link #files()}, or {@value #FILE_LIST}). */
    public static String read(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read RTL source " + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = RtlSources.class.getResourceAsStream(ROOT + name);
        if (in == null) throw new IllegalStateException("RTL source " + name + " is not on the classpath (" + ROOT + ")");
        return in;
    }
}
