package dev.seedverify.golden.isa;

import dev.seedverify.golden.toolchain.CrossCompiler;
import dev.seedverify.golden.toolchain.ToolchainException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs GNU as, ld, objcopy and objdump of the RISC-V cross toolchain ({@code riscv64-unknown-elf-},
 * Debian package {@code gcc-riscv64-unknown-elf}, installed by {@code ci/setup.sh}; the system
 * property {@code seedverify.riscv.prefix} changes the prefix). A missing toolchain is a test
 * failure telling you to run {@code ci/setup.sh}, never a skip.
 */
public final class GnuToolchain {

    public static final String PREFIX = System.getProperty("seedverify.riscv.prefix", "riscv64-unknown-elf-");
    /** RV32IM + Zicsr + Zifencei: everything of the S1 that GNU as knows. */
    public static final String MARCH = "-march=rv32im_zicsr_zifencei";
    public static final int TEXT_BASE = 0x8000_0000;

    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern OBJDUMP_LINE = Pattern.compile("^\\s*([0-9a-f]+):\\s+([0-9a-f]{8})\\s+(.*)$");

    /** One instruction line of objdump output. */
    public record Line(int address, int word, String text) {}

    private GnuToolchain() {}

    /**
     * Whether binutils 2.40 has a mnemonic for {@code word}, a legal S1 word: every RV32IM, Zicsr and
     * machine word, but of the fences (spec §1) only those whose unused fields are zero
     * ({@code fence pred,succ} with fm = rs1 = rd = 0, {@code fence.tso}, {@code fence.i} with
     * imm = rs1 = rd = 0); objdump prints the others as {@code .4byte}. None of Xseed.
     */
    public static boolean spells(int word) {
        Instruction insn = Decoder.decode(word);
        if (insn == null || insn.extension() == Extension.XSEED) return false;
        if (insn == Instruction.FENCE) return word == 0x8330000F || (word & 0xF00F8F80) == 0; // fm, rs1, rd
        if (insn == Instruction.FENCE_I) return word == 0x0000100F;
        return true;
    }

    /**
     * Whether GNU as can write {@code word} with a mnemonic: what objdump {@linkplain #spells spells},
     * except fences with an empty set (objdump prints {@code unknown}, which GNU as does not accept).
     */
    public static boolean assembles(int word) {
        if (!spells(word)) return false;
        return Decoder.decode(word) != Instruction.FENCE || (Field.PRED.extract(word) != 0 && Field.SUCC.extract(word) != 0);
    }

    /**
     * Assembles {@code source} with GNU as (no relaxation) and links it at {@link #TEXT_BASE};
     * returns the executable.
     */
    public static Path assembleAndLink(Path dir, String name, String source) {
        try {
            Path s = dir.resolve(name + ".S");
            Files.writeString(s, source, StandardCharsets.UTF_8);
            Path o = dir.resolve(name + ".o");
            Path elf = dir.resolve(name + ".elf");
            run(dir, List.of(PREFIX + "as", MARCH, "-mabi=ilp32", "-mno-relax", "-o", o.toString(), s.toString()));
            run(dir, List.of(PREFIX + "ld", "-m", "elf32lriscv", "--no-relax", "-nostdlib",
                    "-Ttext=0x" + Integer.toHexString(TEXT_BASE), "-e", "0x" + Integer.toHexString(TEXT_BASE),
                    "-o", elf.toString(), o.toString()));
            return elf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the executable's {@code .text} ({@code objcopy -O binary -j .text}). */
    public static byte[] textBytes(Path dir, Path elf) {
        Path bin = dir.resolve(elf.getFileName() + ".bin");
        run(dir, List.of(PREFIX + "objcopy", "-O", "binary", "-j", ".text", elf.toString(), bin.toString()));
        try {
            return Files.readAllBytes(bin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code objdump -d} of the executable, with extra options (e.g. {@code -M no-aliases}). */
    public static List<Line> objdump(Path dir, Path elf, String... options) {
        List<String> cmd = new ArrayList<>(List.of(PREFIX + "objdump", "-d", "-w"));
        cmd.addAll(List.of(options));
        cmd.add(elf.toString());
        List<Line> lines = new ArrayList<>();
        for (String l : run(dir, cmd).split("\n")) {
            Matcher m = OBJDUMP_LINE.matcher(l);
            if (m.matches()) {
                lines.add(new Line((int) Long.parseLong(m.group(1), 16), (int) Long.parseLong(m.group(2), 16), m.group(3)));
            }
        }
        return lines;
    }

    /** Runs a toolchain command in {@code dir} and returns its standard output. */
    public static String run(Path dir, List<String> cmd) {
        try {
            return CrossCompiler.run(dir, cmd);
        } catch (ToolchainException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
