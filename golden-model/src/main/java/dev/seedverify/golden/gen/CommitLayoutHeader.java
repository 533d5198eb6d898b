package dev.seedverify.golden.gen;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Tiles;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generates {@code s1_commit_layout.h}: the commit record layout of {@link CommitLog} (every
 * {@code public static final int} of that class) plus the DRAM and tile geometry, as C
 * preprocessor constants for the RTL harness's native code, which writes records in exactly
 * that layout. The RTL build runs this so no layout number is copied into C++ by hand.
 *
 * <p>Names are {@code S1_CL_<field>} for {@link CommitLog} constants, {@code S1_TILES_<field>}
 * for {@link Tiles} and {@code S1_DRAM_*} for {@link Memory}.
 */
public final class CommitLayoutHeader {
    public static final String FILE_NAME = "s1_commit_layout.h";

    private CommitLayoutHeader() {}

    public static String render() {
        StringBuilder s = new StringBuilder();
        s.append("/* Generated from the SeedVerify golden model by ").append(CommitLayoutHeader.class.getName())
                .append(". Do not edit. */\n");
        s.append("#ifndef S1_COMMIT_LAYOUT_H\n#define S1_COMMIT_LAYOUT_H\n\n");
        s.append("/* dev.seedverify.golden.commit.CommitLog: records, memory accesses and tiles are int32 arrays. */\n");
        constants(s, CommitLog.class, "S1_CL_");
        s.append("\n/* dev.seedverify.golden.isa.Tiles */\n");
        constants(s, Tiles.class, "S1_TILES_");
        s.append("\n/* dev.seedverify.golden.exec.Memory */\n");
        define(s, "S1_DRAM_BASE", String.format("0x%08xu", Memory.BASE));
        define(s, "S1_DRAM_DEFAULT_BYTES", Integer.toString(Memory.DEFAULT_BYTES));
        define(s, "S1_DRAM_MIN_BYTES", Integer.toString(Memory.MIN_BYTES));
        define(s, "S1_DRAM_MAX_BYTES", Integer.toString(Memory.MAX_BYTES));
        s.append("\n#endif /* S1_COMMIT_LAYOUT_H */\n");
        return s.toString();
    }

    /** Every public static final int field of {@code type}, sorted by name (stable output). */
    private static void constants(StringBuilder s, Class<?> type, String prefix) {
        List<Field> fields = new ArrayList<>();
        for (Field f : type.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class) fields.add(f);
        }
        fields.sort(Comparator.comparing(Field::getName));
        for (Field f : fields) {
            try {
                define(s, prefix + f.getName(), Integer.toString(f.getInt(null)));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void define(StringBuilder s, String name, String value) {
        s.append("#define ").append(name).append(' ').append(value).append('\n');
    }

    /** Writes the header to {@code args[0]} (a file path). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CommitLayoutHeader <output .h file>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        String text = render();
        // Leave an identical file untouched so make-style builds see no change.
        if (Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).equals(text)) return;
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }
}
