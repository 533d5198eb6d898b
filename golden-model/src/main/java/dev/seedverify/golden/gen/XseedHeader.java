package dev.seedverify.golden.gen;

import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Extension;
import dev.seedverify.golden.isa.Format;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Tiles;
import dev.seedverify.golden.numerics.XseedFlags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generates {@code xseed.h}: the Xseed instructions of the ISA table (spec §2.2) and the CSR
 * numbers of the CSR table (§1.1, §2.3) for C and assembly built by a stock RISC-V toolchain.
 * Every instruction is written with the GNU {@code .insn r} directive (opcode, funct3, funct7,
 * rd, rs1, rs2), which both GNU as and LLVM's integrated assembler accept, so no assembler patch
 * is needed; funct3 and funct7 come from each instruction's match bits.
 *
 * <ul>
 *   <li>C ({@code !__ASSEMBLER__}): one macro per instruction, {@code xs_tld(md, base, stride)},
 *       {@code xs_tmma_i8(md, ma, mb)}, {@code xs_tget(ma, index)} (a value), ... Tile operands
 *       must be integer constant expressions (they are register fields, checked to be below
 *       {@code XS_TILE_COUNT} at compile time), which is why these are macros and not inline
 *       functions: at -O0 a function parameter is not a constant. CSR accessors by number.</li>
 *   <li>Assembly ({@code __ASSEMBLER__}): {@code TLD(1, a0, a1)} = {@code tld m1, (a0), a1},
 *       {@code TGET(a0, 3, a1)}, ... and the Xseed CSR names as numbers.</li>
 * </ul>
 *
 * <p>Memory ordering: the tile load and store macros tell the compiler only their address
 * operands, not which bytes they read or write (a row set is strided and 256 bytes wide). Between
 * ordinary C accesses and tile accesses of the same memory the code must put {@code xs_fence()}
 * (a {@code fence rw, rw} that is also a compiler memory barrier); without it an optimising
 * compiler may delete, sink or forward the C accesses across the tile instruction. This keeps
 * values in registers across tile operations in inner loops, and is the contract the kernel
 * library follows.
 */
public final class XseedHeader {
    public static final String FILE_NAME = "xseed.h";

    private XseedHeader() {}

    public static String render() {
        StringBuilder s = new StringBuilder();
        s.append("/* Generated from the SeedVerify golden model's ISA and CSR tables by ").append(XseedHeader.class.getName())
                .append(". Do not edit. */\n");
        s.append("#ifndef S1_XSEED_H\n#define S1_XSEED_H\n\n");
        s.append("#ifdef S1K_NO_XSEED\n#error \"xseed.h included by a source that must not use Xseed instructions (S1K_NO_XSEED)\"\n#endif\n\n");

        s.append("/* Tile registers (spec §2.1) */\n");
        define(s, "XS_TILE_COUNT", Tiles.COUNT);
        define(s, "XS_TILE_ROWS", Tiles.ROWS);
        define(s, "XS_TILE_ROW_BYTES", Tiles.ROW_BYTES);
        define(s, "XS_TILE_BYTES", Tiles.TILE_BYTES);
        define(s, "XS_TILE_WORDS", Tiles.WORDS);
        define(s, "XS_TILE_NARROW_ROW_BYTES", Tiles.NARROW_ROW_BYTES);
        s.append("\n/* Encodings (spec §2.2): custom-0 R-type, funct3/funct7 per instruction */\n");
        s.append(String.format("#define %-28s 0x%02x%n", "XS_OPCODE", Instruction.Xseed.OPCODE));
        for (Instruction i : Instruction.all()) {
            if (i.extension() != Extension.XSEED) continue;
            s.append(String.format("#define %-28s %d%n", "XS_F3_" + id(i), funct3(i)));
            s.append(String.format("#define %-28s %d%n", "XS_F7_" + id(i), funct7(i)));
        }

        s.append("\n/* CSR numbers (spec §1.1, §2.3) */\n");
        for (Csr c : Csr.values()) s.append(String.format("#define %-28s 0x%03x%n", "S1_CSR_" + c.name(), c.address()));
        s.append("\n/* xsstat flags and the WARL ranges of the requant CSRs (spec §2.3) */\n");
        define(s, "XS_XSSTAT_SAT", XseedFlags.SAT);
        define(s, "XS_XSSTAT_NV", XseedFlags.NV);
        define(s, "XS_XSQSHIFT_MIN", Csr.XSQSHIFT_MIN);
        define(s, "XS_XSQSHIFT_MAX", Csr.XSQSHIFT_MAX);
        define(s, "XS_XSQZP_MIN", Csr.XSQZP_MIN);
        define(s, "XS_XSQZP_MAX", Csr.XSQZP_MAX);

        s.append("\n#ifdef __ASSEMBLER__\n\n");
        s.append("/* Tile operands are numbers 0..7 (written into the register field as x0..x7), GPR operands\n"
                + "   register names: TLD(1, a0, a1) = tld m1, (a0), a1; TGET(a0, 3, a1) = tget a0, m3, a1. */\n");
        s.append("#define XS_R(f3, f7, rd, rs1, rs2) .insn r XS_OPCODE, f3, f7, rd, rs1, rs2\n");
        for (Instruction i : Instruction.all()) {
            if (i.extension() != Extension.XSEED) continue;
            String f = "XS_F3_" + id(i) + ", XS_F7_" + id(i);
            String line = switch (i.format()) {
                case TILE_MEMORY -> String.format("#define %s(md, rs1, rs2) XS_R(%s, x##md, rs1, rs2)", id(i), f);
                case TILE_D -> String.format("#define %s(md) XS_R(%s, x##md, x0, x0)", id(i), f);
                case TILE_DA -> String.format("#define %s(md, ma) XS_R(%s, x##md, x##ma, x0)", id(i), f);
                case TILE_DAB -> String.format("#define %s(md, ma, mb) XS_R(%s, x##md, x##ma, x##mb)", id(i), f);
                case TILE_GET -> String.format("#define %s(rd, ma, rs2) XS_R(%s, rd, x##ma, rs2)", id(i), f);
                case TILE_PUT -> String.format("#define %s(md, rs1, rs2) XS_R(%s, x##md, rs1, rs2)", id(i), f);
                default -> throw new IllegalStateException(i + ": no assembly form for format " + i.format());
            };
            s.append(line).append("   /* ").append(i.mnemonic()).append(' ').append(i.syntax()).append(" */\n");
        }
        s.append("\n/* Xseed CSR names for csrr/csrw */\n");
        for (Csr c : Csr.values()) if (c.xseed()) s.append(String.format("#define %-10s 0x%03x%n", c.mnemonic(), c.address()));

        s.append("\n#else /* C */\n\n#include <stdint.h>\n\n");
        s.append("/* Compile-time check that a tile operand is a constant register number below XS_TILE_COUNT. */\n");
        s.append("#define XS_TILE_CHECK(t) ((void)sizeof(char[((t) >= 0 && (t) < XS_TILE_COUNT) ? 1 : -1]))\n");
        s.append("#define XS_STR_(x) #x\n#define XS_STR(x) XS_STR_(x)\n");
        s.append("#define XS_INSN(f3, f7) \".insn r \" XS_STR(XS_OPCODE) \", \" XS_STR(f3) \", \" XS_STR(f7) \", \"\n\n");
        s.append("/* Orders ordinary C memory accesses against tile loads and stores (see the header comment of\n"
                + "   XseedHeader): a fence rw, rw that is also a compiler memory barrier. */\n");
        s.append("#define xs_fence() __asm__ volatile(\"fence rw, rw\" ::: \"memory\")\n\n");
        for (Instruction i : Instruction.all()) {
            if (i.extension() != Extension.XSEED) continue;
            String n = "xs_" + i.mnemonic().replace('.', '_');
            String insn = "XS_INSN(XS_F3_" + id(i) + ", XS_F7_" + id(i) + ")";
            s.append("/* ").append(i.mnemonic()).append(' ').append(i.syntax()).append(" */\n");
            String line = switch (i.format()) {
                case TILE_MEMORY -> String.format("#define %s(md, base, stride) do { XS_TILE_CHECK(md); __asm__ volatile(%s \"x%%0, %%1, %%2\" "
                        + ":: \"n\"(md), \"r\"(base), \"r\"(stride)); } while (0)", n, insn);
                case TILE_D -> String.format("#define %s(md) do { XS_TILE_CHECK(md); __asm__ volatile(%s \"x%%0, x0, x0\" :: \"n\"(md)); } while (0)",
                        n, insn);
                case TILE_DA -> String.format("#define %s(md, ma) do { XS_TILE_CHECK(md); XS_TILE_CHECK(ma); __asm__ volatile(%s \"x%%0, x%%1, x0\" "
                        + ":: \"n\"(md), \"n\"(ma)); } while (0)", n, insn);
                case TILE_DAB -> String.format("#define %s(md, ma, mb) do { XS_TILE_CHECK(md); XS_TILE_CHECK(ma); XS_TILE_CHECK(mb); "
                        + "__asm__ volatile(%s \"x%%0, x%%1, x%%2\" :: \"n\"(md), \"n\"(ma), \"n\"(mb)); } while (0)", n, insn);
                case TILE_GET -> String.format("#define %s(ma, index) __extension__({ uint32_t xs_r_; XS_TILE_CHECK(ma); "
                        + "__asm__ volatile(%s \"%%0, x%%1, %%2\" : \"=r\"(xs_r_) : \"n\"(ma), \"r\"(index)); xs_r_; })", n, insn);
                case TILE_PUT -> String.format("#define %s(md, value, index) do { XS_TILE_CHECK(md); __asm__ volatile(%s \"x%%0, %%1, %%2\" "
                        + ":: \"n\"(md), \"r\"(value), \"r\"(index)); } while (0)", n, insn);
                default -> throw new IllegalStateException(i + ": no C form for format " + i.format());
            };
            s.append(line).append('\n');
        }
        s.append("\n/* CSR accessors by number (csr: an integer constant such as S1_CSR_XSQMUL) */\n");
        s.append("#define s1_csr_read(csr) __extension__({ uint32_t s1_v_; __asm__ volatile(\"csrr %0, %1\" : \"=r\"(s1_v_) : \"i\"(csr)); s1_v_; })\n");
        s.append("#define s1_csr_write(csr, value) __asm__ volatile(\"csrw %0, %1\" :: \"i\"(csr), \"r\"((uint32_t)(value)))\n");
        for (Csr c : Csr.values()) {
            if (!c.xseed()) continue;
            s.append(String.format("#define xs_read_%s() s1_csr_read(S1_CSR_%s)%n", c.mnemonic(), c.name()));
            s.append(String.format("#define xs_write_%s(value) s1_csr_write(S1_CSR_%s, value)%n", c.mnemonic(), c.name()));
        }
        s.append("\n#endif /* __ASSEMBLER__ */\n#endif /* S1_XSEED_H */\n");
        return s.toString();
    }

    /** funct3 of an R-type instruction, from its match bits. */
    public static int funct3(Instruction i) { return (i.match() >>> 12) & 7; }

    /** funct7 of an R-type instruction, from its match bits. */
    public static int funct7(Instruction i) { return i.match() >>> 25; }

    private static String id(Instruction i) { return i.name().toUpperCase(Locale.ROOT); }

    private static void define(StringBuilder s, String name, int value) {
        s.append(String.format("#define %-28s %s%n", name, value < 0 ? "(" + value + ")" : Integer.toString(value)));
    }

    /** Writes the header to {@code args[0]} (a file path). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: XseedHeader <output .h file>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }

    static {
        // Every Xseed instruction must be an R-type word in custom-0 with a format handled above.
        for (Instruction i : Instruction.all()) {
            if (i.extension() == Extension.XSEED && (i.match() & 0x7F) != Instruction.Xseed.OPCODE) {
                throw new ExceptionInInitializerError(i + " is not in custom-0");
            }
            if (i.extension() == Extension.XSEED && i.format() == Format.R) throw new ExceptionInInitializerError(i + ": unexpected format");
        }
    }
}
