package dev.seedverify.rtl.mutant;

import dev.seedverify.rtl.RtlModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberate bug in a copy of the real RTL, as one or more exact text replacements: the shipped
 * RTL has no bug switches, and a replacement whose text no longer occurs exactly once fails loudly
 * instead of silently building the unmutated design.
 *
 * @param name        short identifier, e.g. {@code sra-as-srl}
 * @param description what the bug is, in a designer's words
 */
public record RtlMutation(String name, String description, List<Edit> edits) {

    /** Replace {@code find}, which must occur exactly once in {@code file}, by {@code replace}. */
    public record Edit(String file, String find, String replace) {}

    public static RtlMutation of(String name, String description, String file, String find, String replace) {
        return new RtlMutation(name, description, List.of(new Edit(file, find, replace)));
    }

    /**
     * The mutated sources in memory: every file of the real RTL (compile order, file list last) with
     * the edits applied, only the edited files differing from the real ones.
     *
     * @throws IllegalStateException when an edit's text does not occur exactly once in its file
     */
    public Map<String, String> sources() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : RtlSources.files()) files.put(name, RtlSources.read(name));
        files.put(RtlSources.FILE_LIST, RtlSources.read(RtlSources.FILE_LIST));
        for (Edit e : edits) {
            String text = files.get(e.file());
            if (text == null) throw new IllegalStateException("mutation " + name + ": no RTL file " + e.file() + " (files: " + files.keySet() + ")");
            int at = text.indexOf(e.find());
            if (at < 0 || text.indexOf(e.find(), at + 1) >= 0) {
                throw new IllegalStateException("mutation " + name + ": the text to replace occurs "
                        + (at < 0 ? "nowhere" : "more than once") + " in " + e.file() + ": " + e.find());
            }
            files.put(e.file(), text.substring(0, at) + e.replace() + text.substring(at + e.find().length()));
        }
        return files;
    }

    /**
     * SHA-256 (hex) of the mutated sources: changes when the mutation or the real RTL changes, so it
     * keys caches of built mutants.
     */
    public String digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> f : sources().entrySet()) {
                md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(f.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the real RTL into {@code dir} and applies the edits; returns {@code dir}. */
    public Path applyTo(Path dir) {
        Map<String, String> files = sources();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path out = dir.resolve(f.getKey());
                byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
                // Unchanged files keep their time stamps, so an incremental build sees no change.
                if (Files.isRegularFile(out) && java.util.Arrays.equals(Files.readAllBytes(out), bytes)) continue;
                Files.write(out, bytes);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the mutated RTL into " + dir, ex);
        }
        return dir;
    }

    /** Applies the mutation under {@code workDir} and builds its model library there. */
    public RtlModel build(Path workDir) {
        Path rtl = applyTo(workDir.resolve("rtl"));
        return RtlModel.build(rtl, workDir.resolve("model"));
    }
}
