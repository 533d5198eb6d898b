package dev.seedverify.conformance.gemm;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Kernel text from the classpath plus a generated data section. */
final class GemmSource {
    private GemmSource() {}

    static String kernel(String resource) {
        try (InputStream in = GemmSource.class.getResourceAsStream("/programs/gemm/" + resource)) {
            if (in == null) throw new IllegalStateException("GEMM kernel /programs/gemm/" + resource + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code label: .byte ...} with 16 bytes per line. */
    static void bytes(StringBuilder s, String label, byte[] data) {
        s.append(label).append(":\n");
        for (int i = 0; i < data.length; i += 16) {
            s.append("        .byte   ");
            for (int k = i; k < Math.min(data.length, i + 16); k++) s.append(k > i ? ", " : "").append(data[k]);
            s.append('\n');
        }
    }

    /** The {@code length} bytes the program left at {@code mat_c}. */
    static byte[] result(Memory memory, ElfImage image, int length) {
        int at = image.symbol("mat_c").orElseThrow(() -> new IllegalArgumentException(image.name() + " has no mat_c symbol")) - Memory.BASE;
        byte[] out = new byte[length];
        memory.read(at, out, 0, length);
        return out;
    }

    static void tail(StringBuilder s, int resultBytes) {
        s.append("        .align  5\nmat_c:  .space  ").append(resultBytes).append('\n');
        s.append("        .align  3\ntohost: .word   0\n        .word   0\n");
    }
}
