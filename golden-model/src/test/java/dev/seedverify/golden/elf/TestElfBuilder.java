package dev.seedverify.golden.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small ELF32 little-endian RISC-V executables in memory, valid by default, with every
 * header field overridable so tests can make malformed ones too. Tests then need no committed
 * binaries.
 *
 * <p>File layout of {@link #build()}:
 * <pre>
 *   0x00                 ELF header (52 bytes)
 *   0x34                 program headers, 32 bytes each, in the order added
 *   ...                  each segment's file bytes, 4-byte aligned
 *   ...                  .strtab, .symtab (16 bytes per symbol, symbol 0 is the null symbol), .shstrtab
 *   ...                  section headers, 40 bytes each: [0] null, [1..n] one per segment
 *                        (PROGBITS for file bytes, NOBITS when p_filesz = 0), then .symtab,
 *                        .strtab, .shstrtab
 * </pre>
 * After {@code build()} the offsets of each part are available ({@link #phOffset()},
 * {@link #shOffset()}, ...), so tests can patch single fields with {@link #putU32} and friends.
 */
final class TestElfBuilder {

    // Field offsets in the ELF header.
    static final int E_IDENT_CLASS = 4;
    static final int E_IDENT_DATA = 5;
    static final int E_IDENT_VERSION = 6;
    static final int E_TYPE = 16;
    static final int E_MACHINE = 18;
    static final int E_VERSION = 20;
    static final int E_ENTRY = 24;
    static final int E_PHOFF = 28;
    static final int E_SHOFF = 32;
    static final int E_FLAGS = 36;
    static final int E_EHSIZE = 40;
    static final int E_PHENTSIZE = 42;
    static final int E_PHNUM = 44;
    static final int E_SHENTSIZE = 46;
    static final int E_SHNUM = 48;
    static final int E_SHSTRNDX = 50;

    // Field offsets in a program header.
    static final int P_TYPE = 0;
    static final int P_OFFSET = 4;
    static final int P_VADDR = 8;
    static final int P_PADDR = 12;
    static final int P_FILESZ = 16;
    static final int P_MEMSZ = 20;
    static final int P_FLAGS = 24;
    static final int P_ALIGN = 28;

    // Field offsets in a section header.
    static final int SH_NAME = 0;
    static final int SH_TYPE = 4;
    static final int SH_OFFSET = 16;
    static final int SH_SIZE = 20;
    static final int SH_LINK = 24;
    static final int SH_ENTSIZE = 36;

    // Field offsets in a symbol.
    static final int ST_NAME = 0;
    static final int ST_VALUE = 4;
    static final int ST_INFO = 12;
    static final int ST_SHNDX = 14;

    static final int PT_LOAD = 1;
    static final int PT_DYNAMIC = 2;
    static final int PT_INTERP = 3;
    static final int PT_NOTE = 4;
    static final int PT_RISCV_ATTRIBUTES = 0x70000003;

    static final int STB_LOCAL = 0;
    static final int STB_GLOBAL = 1;
    static final int STB_WEAK = 2;
    static final int STT_NOTYPE = 0;
    static final int STT_OBJECT = 1;
    static final int STT_FUNC = 2;
    static final int STT_SECTION = 3;
    static final int STT_FILE = 4;
    static final int SHN_UNDEF = 0;
    static final int SHN_ABS = 0xfff1;
    static final int SHN_COMMON = 0xfff2;
    /** Section index that {@link #symbol} resolves to the section of the segment holding the value. */
    static final int SHN_AUTO = -1;

    static final int DRAM_BASE = 0x8000_0000;

    /** A program header; {@code data} is what goes in the file ({@code p_filesz = data.length}). */
    record Segment(int type, int vaddr, int paddr, byte[] data, int memsz, int flags) {
    }

    record Symbol(String name, int value, int bind, int type, int shndx) {
    }

    private final byte[] ident = {0x7f, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private int type = 2;
    private int machine = 243;
    private int version = 1;
    private int entry = DRAM_BASE;
    private int flags = 0;
    private int ehsize = 52;
    private int phentsize = 32;
    private int shentsize = 40;
    private boolean sectionHeaders = true;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Symbol> symbols = new ArrayList<>();

    private int phOffset;
    private int shOffset;
    private int symtabOffset;
    private int strtabOffset;
    private final List<Integer> segmentOffsets = new ArrayList<>();
    private int symtabSection;
    private int strtabSection;
    private int shstrtabSection;

    /** A typical image: text at DRAM base, data + bss, tohost and signature symbols. */
    static TestElfBuilder typical() {
        return new TestElfBuilder()
                .load(DRAM_BASE, words(0x00000297, 0x00028293, 0x0000006f), 12)       // auipc; addi; j .
                .load(DRAM_BASE + 0x1000, words(0, 0, 0xdeadbeef, 0x12345678), 0x40)  // 16 file bytes + bss
                .symbol("_start", DRAM_BASE)
                .symbol("tohost", DRAM_BASE + 0x1000, STB_GLOBAL, STT_OBJECT, SHN_AUTO)
                .symbol("begin_signature", DRAM_BASE + 0x1008)
                .symbol("end_signature", DRAM_BASE + 0x1010);
    }

    static byte[] words(int... ws) {
        ByteBuffer bb = ByteBuffer.allocate(4 * ws.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : ws) {
            bb.putInt(w);
        }
        return bb.array();
    }

    TestElfBuilder ident(int index, int value) {
        ident[index] = (byte) value;
        return this;
    }

    TestElfBuilder type(int t) {
        type = t;
        return this;
    }

    TestElfBuilder machine(int m) {
        machine = m;
        return this;
    }

    TestElfBuilder version(int v) {
        version = v;
        return this;
    }

    TestElfBuilder entry(int e) {
        entry = e;
        return this;
    }

    TestElfBuilder flags(int f) {
        flags = f;
        return this;
    }

    TestElfBuilder ehsize(int s) {
        ehsize = s;
        return this;
    }

    TestElfBuilder phentsize(int s) {
        phentsize = s;
        return this;
    }

    TestElfBuilder shentsize(int s) {
        shentsize = s;
        return this;
    }

    /** No section header table at all ({@code e_shoff = e_shnum = e_shstrndx = 0}), so no symbols. */
    TestElfBuilder withoutSectionHeaders() {
        sectionHeaders = false;
        return this;
    }

    /** A PT_LOAD segment, read/write/execute, {@code p_paddr = p_vaddr}. */
    TestElfBuilder load(int vaddr, byte[] data, int memsz) {
        return segment(new Segment(PT_LOAD, vaddr, vaddr, data.clone(), memsz, 7));
    }

    TestElfBuilder segment(Segment s) {
        segments.add(s);
        return this;
    }

    /** A global NOTYPE symbol in the section of the segment holding {@code value} (else SHN_ABS). */
    TestElfBuilder symbol(String name, int value) {
        return symbol(name, value, STB_GLOBAL, STT_NOTYPE, SHN_AUTO);
    }

    TestElfBuilder symbol(String name, int value, int bind, int type, int shndx) {
        symbols.add(new Symbol(name, value, bind, type, shndx));
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[52]);
        phOffset = 52;
        out.writeBytes(new byte[32 * segments.size()]);
        segmentOffsets.clear();
        for (Segment s : segments) {
            align(out, 4);
            segmentOffsets.add(out.size());
            out.writeBytes(s.data);
        }

        int shnum = 0;
        byte[] strtab = new byte[0];
        byte[] shstrtab = new byte[0];
        int shstrtabOffset = 0;
        List<Integer> sectionNames = new ArrayList<>();
        if (sectionHeaders) {
            // .strtab
            ByteArrayOutputStream str = new ByteArrayOutputStream();
            str.write(0);
            List<Integer> nameOffsets = new ArrayList<>();
            for (Symbol sym : symbols) {
                nameOffsets.add(sym.name.isEmpty() ? 0 : str.size());
                if (!sym.name.isEmpty()) {
                    str.writeBytes(sym.name.getBytes(StandardCharsets.UTF_8));
                    str.write(0);
                }
            }
            strtab = str.toByteArray();
            strtabOffset = out.size();
            out.writeBytes(strtab);

            // .symtab
            align(out, 4);
            symtabOffset = out.size();
            out.writeBytes(new byte[16]); // null symbol
            for (int i = 0; i < symbols.size(); i++) {
                Symbol sym = symbols.get(i);
                int shndx = sym.shndx == SHN_AUTO ? sectionOf(sym.value) : sym.shndx;
                ByteBuffer bb = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                bb.putInt(nameOffsets.get(i)).putInt(sym.value).putInt(0)
                        .put((byte) (sym.bind << 4 | sym.type)).put((byte) 0).putShort((short) shndx);
                out.writeBytes(bb.array());
            }

            // .shstrtab
            ByteArrayOutputStream shs = new ByteArrayOutputStream();
            shs.write(0);
            for (int i = 0; i < segments.size(); i++) {
                sectionNames.add(shs.size());
                shs.writeBytes((".seg" + i).getBytes(StandardCharsets.US_ASCII));
                shs.write(0);
            }
            for (String n : List.of(".symtab", ".strtab", ".shstrtab")) {
                sectionNames.add(shs.size());
                shs.writeBytes(n.getBytes(StandardCharsets.US_ASCII));
                shs.write(0);
            }
            shstrtab = shs.toByteArray();
            shstrtabOffset = out.size();
            out.writeBytes(shstrtab);

            align(out, 4);
            shOffset = out.size();
            shnum = 1 + segments.size() + 3;
            symtabSection = 1 + segments.size();
            strtabSection = symtabSection + 1;
            shstrtabSection = symtabSection + 2;
            out.writeBytes(new byte[40 * shnum]);
        } else {
            shOffset = 0;
            symtabSection = strtabSection = shstrtabSection = 0;
        }

        byte[] f = out.toByteArray();
        System.arraycopy(ident, 0, f, 0, 16);
        putU16(f, E_TYPE, type);
        putU16(f, E_MACHINE, machine);
        putU32(f, E_VERSION, version);
        putU32(f, E_ENTRY, entry);
        putU32(f, E_PHOFF, segments.isEmpty() ? 0 : phOffset);
        putU32(f, E_SHOFF, shOffset);
        putU32(f, E_FLAGS, flags);
        putU16(f, E_EHSIZE, ehsize);
        putU16(f, E_PHENTSIZE, phentsize);
        putU16(f, E_PHNUM, segments.size());
        putU16(f, E_SHENTSIZE, sectionHeaders ? shentsize : 0);
        putU16(f, E_SHNUM, shnum);
        putU16(f, E_SHSTRNDX, sectionHeaders ? shstrtabSection : 0);

        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            int at = phOffset + 32 * i;
            putU32(f, at + P_TYPE, s.type);
            putU32(f, at + P_OFFSET, segmentOffsets.get(i));
            putU32(f, at + P_VADDR, s.vaddr);
            putU32(f, at + P_PADDR, s.paddr);
            putU32(f, at + P_FILESZ, s.data.length);
            putU32(f, at + P_MEMSZ, s.memsz);
            putU32(f, at + P_FLAGS, s.flags);
            putU32(f, at + P_ALIGN, 4);
        }

        if (sectionHeaders) {
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                boolean nobits = s.data.length == 0;
                section(f, 1 + i, sectionNames.get(i), nobits ? 8 : 1, 0x7, s.vaddr, segmentOffsets.get(i),
                        nobits ? s.memsz : s.data.length, 0, 0, 4, 0);
            }
            int n = segments.size();
            section(f, symtabSection, sectionNames.get(n), 2, 0, 0, symtabOffset, 16 * (symbols.size() + 1),
                    strtabSection, 1, 4, 16);
            section(f, strtabSection, sectionNames.get(n + 1), 3, 0, 0, strtabOffset, strtab.length, 0, 0, 1, 0);
            section(f, shstrtabSection, sectionNames.get(n + 2), 3, 0, 0, shstrtabOffset, shstrtab.length,
                    0, 0, 1, 0);
        }
        return f;
    }

    private int sectionOf(int value) {
        long v = Integer.toUnsignedLong(value);
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            long lo = Integer.toUnsignedLong(s.vaddr);
            if (s.type == PT_LOAD && v >= lo && v < lo + Integer.toUnsignedLong(s.memsz)) {
                return 1 + i;
            }
        }
        return SHN_ABS;
    }

    private void section(byte[] f, int index, int name, int type, int flags, int addr, int offset, int size,
                         int link, int info, int align, int entsize) {
        int at = shOffset + 40 * index;
        putU32(f, at, name);
        putU32(f, at + 4, type);
        putU32(f, at + 8, flags);
        putU32(f, at + 12, addr);
        putU32(f, at + 16, offset);
        putU32(f, at + 20, size);
        putU32(f, at + 24, link);
        putU32(f, at + 28, info);
        putU32(f, at + 32, align);
        putU32(f, at + 36, entsize);
    }

    private static void align(ByteArrayOutputStream out, int a) {
        while (out.size() % a != 0) {
            out.write(0);
        }
    }

    // ---- layout of the last build(), for patching ----

    int phOffset() {
        return phOffset;
    }

    /** File offset of program header {@code i}. */
    int ph(int i) {
        return phOffset + 32 * i;
    }

    int shOffset() {
        return shOffset;
    }

    /** File offset of section header {@code i}. */
    int sh(int i) {
        return shOffset + 40 * i;
    }

    int symtabSection() {
        return symtabSection;
    }

    int strtabSection() {
        return strtabSection;
    }

    int shstrtabSection() {
        return shstrtabSection;
    }

    /** File offset of symbol {@code i} in .symtab (symbol 0 is the null symbol; added symbols start at 1). */
    int sym(int i) {
        return symtabOffset + 16 * i;
    }

    int strtabOffset() {
        return strtabOffset;
    }

    int segmentOffset(int i) {
        return segmentOffsets.get(i);
    }

    // ---- little-endian patching ----

    static void putU16(byte[] f, int at, int v) {
        f[at] = (byte) v;
        f[at + 1] = (byte) (v >>> 8);
    }

    static void putU32(byte[] f, int at, int v) {
        f[at] = (byte) v;
        f[at + 1] = (byte) (v >>> 8);
        f[at + 2] = (byte) (v >>> 16);
        f[at + 3] = (byte) (v >>> 24);
    }

    static int getU32(byte[] f, int at) {
        return (f[at] & 0xff) | (f[at + 1] & 0xff) << 8 | (f[at + 2] & 0xff) << 16 | (f[at + 3] & 0xff) << 24;
    }
}
