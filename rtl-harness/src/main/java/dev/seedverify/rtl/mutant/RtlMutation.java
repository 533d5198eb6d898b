package dev.seedverify.rtl.mutant;

import dev.seedverify.rtl.RtlModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** Copies the real RTL into {@code dir} and applies the edits; returns {@code dir}. */
    public Path applyTo(Path dir) {
        RtlSources.extractTo(dir);
        for (Edit e : edits) {
            Path f = dir.resolve(e.file());
            try {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                int at = text.indexOf(e.find());
                if (at < 0 || text.indexOf(e.find(), at + 1) >= 0) {
                    throw new IllegalStateException("mutation " + name + ": the text to replace occurs "
                            + (at < 0 ? "nowhere" : "more than once") + " in " + e.file() + ": " + e.find());
                }
                Files.writeString(f, text.substring(0, at) + e.replace() + text.substring(at + e.find().length()),
                        StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return dir;
    }

    /** Applies the mutation under {@code workDir} and builds its model library there. */
    public RtlModel build(Path workDir) {
        Path rtl = applyTo(workDir.resolve("rtl"));
        return RtlModel.build(rtl, workDir.resolve("model"));
    }
}
