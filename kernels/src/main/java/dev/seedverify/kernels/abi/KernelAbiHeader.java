package dev.seedverify.kernels.abi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generates {@code s1_kernels.h} from the kernel ABI table ({@link Kernel}, {@link KernelStatus}):
 * one argument-block struct per kernel with compile-time checks of every field offset (so the C
 * compiler and the Java launcher cannot disagree on the layout), the prototypes of both variants,
 * the status codes, and {@code S1K_ENTRY_POINTS(X)}, the list the runtime's {@code crt.S}
 * expands into one LAUNCH entry per kernel and variant.
 */
public final class KernelAbiHeader {
    public static final String FILE_NAME = "s1_kernels.h";

    private KernelAbiHeader() {}

    public static String render() {
        StringBuilder s = new StringBuilder();
        s.append("/* Generated from the SeedVerify kernel ABI table by ").append(KernelAbiHeader.class.getName())
                .append(". Do not edit. */\n");
        s.append("#ifndef S1_KERNELS_H\n#define S1_KERNELS_H\n\n");
        s.append("/* Kernel results (a0 at ecall) */\n");
        for (KernelStatus st : KernelStatus.values()) {
            s.append(String.format("#define %-24s %d /* %s */%n", "S1K_" + st.name(), st.code(), st.meaning()));
        }
        s.append("\n/* LAUNCH entry points, X(name) per kernel and variant (entry symbol s1k_entry_<name>) */\n");
        s.append("#define S1K_ENTRY_POINTS(X)");
        for (Kernel k : Kernel.values()) {
            for (Variant v : Variant.values()) s.append(" \\\n    X(").append(k.cName()).append(v.suffix()).append(')');
        }
        s.append("\n\n#ifndef __ASSEMBLER__\n#include <stdint.h>\n\n");
        for (Kernel k : Kernel.values()) {
            s.append("/* ").append(k.cName()).append(": ").append(k.summary()).append(" */\n");
            s.append(k.argStruct()).append(" {\n");
            for (Arg a : k.args()) {
                String decl = a.type().cType().endsWith("*") ? a.type().cType() + a.name() : a.type().cType() + " " + a.name();
                s.append(String.format("    %-28s /* word %2d%s */%n", decl + ";", k.argIndex(a.name()),
                        a.meaning().isEmpty() ? "" : ": " + a.meaning()));
            }
            s.append("};\n");
            s.append(String.format("_Static_assert(sizeof(%s) == %d, \"%s: argument block size\");%n", k.argStruct(),
                    k.argBlockBytes(), k.cName()));
            for (Arg a : k.args()) {
                s.append(String.format("_Static_assert(__builtin_offsetof(%s, %s) == %d, \"%s.%s\");%n", k.argStruct(), a.name(),
                        4 * k.argIndex(a.name()), k.cName(), a.name()));
            }
            for (Variant v : Variant.values()) {
                s.append("int32_t ").append(k.function(v)).append("(const ").append(k.argStruct()).append(" *args);\n");
            }
            s.append(String.format("#define S1K_ARGS_WORDS_%s %d%n%n", k.cName().toUpperCase(Locale.ROOT), k.args().size()));
        }
        s.append("#endif /* __ASSEMBLER__ */\n#endif /* S1_KERNELS_H */\n");
        return s.toString();
    }

    /** Writes the header to {@code args[0]} (a file path). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: KernelAbiHeader <output .h file>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }
}
