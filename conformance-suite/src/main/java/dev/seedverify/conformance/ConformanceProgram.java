package dev.seedverify.conformance;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;

import java.util.Objects;

/**
 * One self-checking conformance program: {@code group/name.S} with its INDEX description and
 * assembly source. The image is assembled once, on first use (the list assembles every program
 * when it loads, so a broken program fails there, with its path in the message).
 */
public final class ConformanceProgram {
    private final String group;
    private final String name;
    private final String description;
    private final String source;
    private volatile ElfImage image;

    public ConformanceProgram(String group, String name, String description, String source) {
        this.group = Objects.requireNonNull(group, "group");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.source = Objects.requireNonNull(source, "source");
    }

    public String group() { return group; }

    /** The file name without {@code .S}, e.g. {@code add_sub}. */
    public String name() { return name; }

    public String description() { return description; }

    public String source() { return source; }

    /** {@code group/name.S}, as listed in INDEX. */
    public String path() { return group + "/" + name + ".S"; }

    /** {@code group/name}: the key of {@link ConformanceList#byName()}. */
    public String id() { return group + "/" + name; }

    /** The assembled program (entry and tohost symbols included). */
    public ElfImage image() {
        ElfImage i = image;
        if (i == null) {
            i = Assembler.assemble(source, path());
            image = i;
        }
        return i;
    }

    /** The same program with another source (e.g. a deliberately corrupted copy for a mutation test). */
    public ConformanceProgram withSource(String newSource) {
        return new ConformanceProgram(group, name, description, newSource);
    }

    @Override
    public String toString() { return path(); }
}
