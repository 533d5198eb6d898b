package dev.seedverify.golden.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads little-endian ELF32 RISC-V executables ({@code ET_EXEC}, {@code EM_RISCV}) into an
 * {@link ElfImage}.
 *
 * <p>Everything is validated before anything is built, and every offset and size is checked with
 * {@code long} arithmetic against the file length before it is used, so for any input whatsoever
 * {@link #parse(byte[], String)} either returns an image or throws {@link ElfFormatException} with
 * a message naming the file and the problem.
 *
 * <h2>What is checked</h2>
 * <ul>
 *   <li>Identification: magic, {@code EI_CLASS = ELFCLASS32}, {@code EI_DATA = ELFDATA2LSB},
 *       {@code EI_VERSION = 1}; header: {@code e_type = ET_EXEC}, {@code e_machine = EM_RISCV},
 *       {@code e_version = 1}, {@code e_ehsize = 52}. {@code EI_OSABI} and {@code e_flags} are
 *       not checked ({@link ElfImage#EF_RISCV_RVC} is accepted silently: the executor traps on
 *       compressed code, the loader does not judge it).</li>
 *   <li>Program headers: {@code e_phentsize = 32}, every header inside the file, every
 *       non-{@code PT_NULL} segment's file range inside the file. No {@code PT_INTERP} or
 *       {@code PT_DYNAMIC} (static executables only). For {@code PT_LOAD}: {@code p_filesz <=
 *       p_memsz}, {@code p_memsz <= 0x7fffffff}, {@code p_vaddr + p_memsz <= 2^32}; the memory
 *       ranges of the {@code PT_LOAD} segments with {@code p_memsz > 0} do not overlap and there is
 *       at least one. Their {@code p_filesz} add up to at most the file size (segments may share
 *       file bytes only within that bound; this stops a small file from asking for gigabytes of
 *       copies). {@code p_paddr}, {@code p_flags} and {@code p_align} are ignored.</li>
 *   <li>Section headers: optional ({@code e_shoff = 0} and {@code e_shnum = 0} means none, and
 *       then there are no symbols). Otherwise {@code e_shentsize = 40}, every header inside the
 *       file, every section except {@code SHT_NULL}/{@code SHT_NOBITS} inside the file,
 *       {@code e_shstrndx} 0 or a {@code SHT_STRTAB}. Extended numbering ({@code e_phnum =
 *       0xffff}, {@code e_shnum = 0} with a table, {@code e_shstrndx = 0xffff}) is rejected.</li>
 *   <li>Symbols (first {@code SHT_SYMTAB}): {@code sh_entsize = 16}, size a multiple of 16,
 *       {@code sh_link} a {@code SHT_STRTAB}, every non-zero {@code st_name} inside it and
 *       NUL-terminated. Decoding the distinct names may read at most 16 times the string table
 *       size plus 1 MiB (real tables need about 1 times); beyond that the names are rejected, so
 *       that crafted overlapping names cannot cost quadratic time or memory.</li>
 * </ul>
 *
 * <h2>Which symbols are kept</h2>
 * Named symbols of type {@code STT_NOTYPE}, {@code STT_OBJECT} or {@code STT_FUNC}, binding
 * {@code STB_LOCAL}, {@code STB_GLOBAL} or {@code STB_WEAK}, that are defined ({@code st_shndx}
 * neither {@code SHN_UNDEF} nor {@code SHN_COMMON}; {@code SHN_ABS} counts as defined). RISC-V
 * mapping symbols ({@code $d}, {@code $x}, {@code $x<isa>}) are dropped. When a name occurs more
 * than once, a global definition wins over a weak one, a weak one over a local one, and among
 * equals the first in the table wins.
 *
 * <h2>Numbering in messages</h2>
 * "segment N" and "program header N" are 0-based program-header indices, "section N" a 0-based
 * section index, "symbol N" a 0-based index in {@code .symtab} — the numbers
 * {@code riscv64-unknown-elf-readelf -l -S -s} shows (it numbers segments in the same order).
 */
public final class ElfLoader {

    /** {@code e_machine} of RISC-V. */
    public static final int EM_RISCV = 243;

    static final int EI_NIDENT = 16;
    static final int EHDR_SIZE = 52;
    static final int PHDR_SIZE = 32;
    static final int SHDR_SIZE = 40;
    static final int SYM_SIZE = 16;

    static final int ET_EXEC = 2;

    static final int PT_NULL = 0;
    static final int PT_LOAD = 1;
    static final int PT_DYNAMIC = 2;
    static final int PT_INTERP = 3;

    static final int SHT_NULL = 0;
    static final int SHT_SYMTAB = 2;
    static final int SHT_STRTAB = 3;
    static final int SHT_NOBITS = 8;

    static final int SHN_UNDEF = 0;
    static final int SHN_COMMON = 0xfff2;
    static final int SHN_XINDEX = 0xffff;
    static final int PN_XNUM = 0xffff;

    static final int STB_LOCAL = 0;
    static final int STB_GLOBAL = 1;
    static final int STB_WEAK = 2;
    static final int STT_NOTYPE = 0;
    static final int STT_OBJECT = 1;
    static final int STT_FUNC = 2;

    private static final long MAX_MEMSZ = Integer.MAX_VALUE;
    private static final long ADDRESS_SPACE = 1L << 32;
    /** Largest byte array the JVM reliably allocates. */
    private static final long MAX_FILE_SIZE = Integer.MAX_VALUE - 8;

    private ElfLoader() {
    }

    /**
     * Reads and parses {@code file}. The image's {@link ElfImage#name()} and every message use
     * {@code file.toString()} (the path as given).
     *
     * @throws IOException         if the file cannot be read (declared, not wrapped: a missing file
     *                             is not a malformed one)
     * @throws ElfFormatException  if the file is not a loadable RV32 executable (including a file
     *                             too large to hold in memory)
     */
    public static ElfImage read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        long size = Files.size(file);
        if (size > MAX_FILE_SIZE) {
            throw new ElfFormatException(name, String.format(
                    "file of 0x%x bytes is too large to load (at most 0x%x bytes)", size, MAX_FILE_SIZE));
        }
        return parse(Files.readAllBytes(file), name);
    }

    /**
     * Parses an ELF file held in memory. {@code bytes} is not modified or retained.
     *
     * @param name for {@link ElfImage#name()} and messages; {@code null} means {@code "<memory>"}
     * @throws ElfFormatException  for any malformed or unsupported input, and nothing else
     * @throws NullPointerException if {@code bytes} is null
     */
    public static ElfImage parse(byte[] bytes, String name) {
        Objects.requireNonNull(bytes, "bytes");
        return new Parser(bytes, ElfFormatException.label(name)).parse();
    }

    /** One parse; all offsets and sizes are unsigned values held in {@code long}s. */
    private static final class Parser {
        private final byte[] b;
        private final long length;
        private final String name;

        /** Section headers and the section name table, once validated (for messages only). */
        private Shdr[] sections = new Shdr[0];
        private Shdr shstrtab;

        Parser(byte[] bytes, String name) {
            this.b = bytes;
            this.length = bytes.length;
            this.name = name;
        }

        ElfImage parse() {
            checkIdent();
            if (length < EHDR_SIZE) {
                throw fail("truncated: ELF header needs %d bytes but the file has 0x%x bytes", EHDR_SIZE, length);
            }
            int type = u16(16);
            if (type != ET_EXEC) {
                throw fail("not an executable (e_type %d %s)%s", type, typeName(type),
                        type == 3 ? ": shared object or position-independent executable; link with -static -no-pie" : "");
            }
            int machine = u16(18);
            if (machine != EM_RISCV) {
                String m = machineName(machine);
                throw fail("e_machine %d%s is not RISC-V (%d)", machine, m == null ? "" : " (" + m + ")", EM_RISCV);
            }
            long version = u32(20);
            if (version != 1) {
                throw fail("unsupported e_version %d (expected 1, EV_CURRENT)", version);
            }
            long entry = u32(24);
            long phoff = u32(28);
            long shoff = u32(32);
            long flags = u32(36);
            int ehsize = u16(40);
            int phentsize = u16(42);
            int phnum = u16(44);
            int shentsize = u16(46);
            int shnum = u16(48);
            int shstrndx = u16(50);
            if (ehsize != EHDR_SIZE) {
                throw fail("e_ehsize %d is not the ELF32 header size %d", ehsize, EHDR_SIZE);
            }

            List<Phdr> loads = readProgramHeaders(phoff, phentsize, phnum);
            Map<String, Integer> symbols = readSections(shoff, shentsize, shnum, shstrndx);

            List<ElfImage.LoadSegment> segments = new ArrayList<>(loads.size());
            int[] numbers = new int[loads.size()];
            for (int i = 0; i < loads.size(); i++) {
                Phdr p = loads.get(i);
                // p_offset of a segment without file bytes is meaningless (and unchecked).
                byte[] data = p.filesz == 0 ? new byte[0]
                        : Arrays.copyOfRange(b, (int) p.offset, (int) (p.offset + p.filesz));
                segments.add(new ElfImage.LoadSegment((int) p.vaddr, data, (int) p.memsz));
                numbers[i] = p.index;
            }
            return new ElfImage(name, (int) entry, (int) flags, segments, numbers, symbols);
        }

        private void checkIdent() {
            if (length == 0) {
                throw fail("not an ELF file (the file is empty)");
            }
            boolean magic = length >= 4 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
            if (!magic) {
                StringBuilder found = new StringBuilder();
                for (int i = 0; i < Math.min(4, b.length); i++) {
                    found.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
                }
                throw fail("not an ELF file (magic 7f 45 4c 46 expected, found %s%s)", found,
                        length < 4 ? "; the file has only " + length + " bytes" : "");
            }
            if (length < EI_NIDENT) {
                throw fail("truncated: ELF identification needs %d bytes but the file has 0x%x bytes", EI_NIDENT, length);
            }
            int cls = b[4] & 0xff;
            if (cls == 2) {
                throw fail("64-bit ELF (ELFCLASS64); SeedChip S1 loads ELFCLASS32 only");
            } else if (cls != 1) {
                throw fail("invalid EI_CLASS %d (expected 1, ELFCLASS32)", cls);
            }
            int data = b[5] & 0xff;
            if (data == 2) {
                throw fail("big-endian ELF (ELFDATA2MSB); SeedChip S1 is little-endian");
            } else if (data != 1) {
                throw fail("invalid EI_DATA %d (expected 1, ELFDATA2LSB)", data);
            }
            int version = b[6] & 0xff;
            if (version != 1) {
                throw fail("unsupported EI_VERSION %d (expected 1, EV_CURRENT)", version);
            }
        }

        private record Phdr(int index, long type, long offset, long vaddr, long filesz, long memsz) {
            long end() {
                return vaddr + memsz;
            }
        }

        private List<Phdr> readProgramHeaders(long phoff, int phentsize, int phnum) {
            if (phnum == PN_XNUM) {
                throw fail("extended program header numbering (e_phnum 0x%x) is not supported", phnum);
            }
            if (phnum > 0 && phentsize != PHDR_SIZE) {
                throw fail("e_phentsize %d is not the ELF32 program header size %d", phentsize, PHDR_SIZE);
            }
            List<Phdr> loads = new ArrayList<>();
            long totalFile = 0;
            for (int i = 0; i < phnum; i++) {
                long at = phoff + (long) i * PHDR_SIZE;
                if (at + PHDR_SIZE > length) {
                    throw fail("truncated: program header %d at offset 0x%x needs %d bytes but the file has 0x%x bytes",
                            i, at, PHDR_SIZE, length);
                }
            }
            for (int i = 0; i < phnum; i++) {
                long at = phoff + (long) i * PHDR_SIZE;
                long type = u32(at);
                long offset = u32(at + 4);
                long vaddr = u32(at + 8);
                long filesz = u32(at + 16);
                long memsz = u32(at + 20);
                if (type == PT_NULL) {
                    continue;
                }
                if (filesz > 0 && offset + filesz > length) {
                    throw fail("truncated: segment %d's file range [0x%x, 0x%x) lies outside the file (0x%x bytes)",
                            i, offset, offset + filesz, length);
                }
                if (type == PT_INTERP || type == PT_DYNAMIC) {
                    throw fail("segment %d is %s: dynamically linked executables are not supported (link with -static)",
                            i, type == PT_INTERP ? "PT_INTERP" : "PT_DYNAMIC");
                }
                if (type != PT_LOAD) {
                    continue;
                }
                if (filesz > memsz) {
                    throw fail("segment %d: p_filesz 0x%x exceeds p_memsz 0x%x", i, filesz, memsz);
                }
                if (memsz == 0) {
                    continue;
                }
                if (memsz > MAX_MEMSZ) {
                    throw fail("segment %d: p_memsz 0x%x is too large (at most 0x%x bytes supported)", i, memsz, MAX_MEMSZ);
                }
                if (vaddr + memsz > ADDRESS_SPACE) {
                    throw fail("segment %d [0x%08x, 0x%x) wraps past the end of the 32-bit address space",
                            i, vaddr, vaddr + memsz);
                }
                totalFile += filesz;
                loads.add(new Phdr(i, type, offset, vaddr, filesz, memsz));
            }
            if (loads.isEmpty()) {
                throw fail("no loadable segments (no PT_LOAD program header with p_memsz > 0)");
            }
            if (totalFile > length) {
                throw fail("PT_LOAD segments share file bytes: their p_filesz add up to 0x%x, more than the file's 0x%x bytes",
                        totalFile, length);
            }
            List<Phdr> byAddress = new ArrayList<>(loads);
            byAddress.sort(Comparator.comparingLong(Phdr::vaddr));
            for (int k = 1; k < byAddress.size(); k++) {
                Phdr a = byAddress.get(k - 1);
                Phdr c = byAddress.get(k);
                if (a.end() > c.vaddr) {
                    Phdr first = a.index < c.index ? a : c;
                    Phdr second = a.index < c.index ? c : a;
                    throw fail("overlapping PT_LOAD segments: segment %d [0x%08x, 0x%08x) and segment %d [0x%08x, 0x%08x)",
                            first.index, first.vaddr, first.end(), second.index, second.vaddr, second.end());
                }
            }
            return loads;
        }

        private record Shdr(int index, long nameOff, long type, long offset, long size, long link, long entsize) {
        }

        private Map<String, Integer> readSections(long shoff, int shentsize, int shnum, int shstrndx) {
            if (shoff == 0) {
                if (shnum != 0) {
                    throw fail("e_shoff is 0 but e_shnum is %d", shnum);
                }
                return Map.of();
            }
            if (shnum == 0) {
                throw fail("extended section numbering (e_shnum 0 with e_shoff 0x%x) is not supported", shoff);
            }
            if (shentsize != SHDR_SIZE) {
                throw fail("e_shentsize %d is not the ELF32 section header size %d", shentsize, SHDR_SIZE);
            }
            Shdr[] sh = new Shdr[shnum];
            for (int i = 0; i < shnum; i++) {
                long at = shoff + (long) i * SHDR_SIZE;
                if (at + SHDR_SIZE > length) {
                    throw fail("truncated: section header %d at offset 0x%x needs %d bytes but the file has 0x%x bytes",
                            i, at, SHDR_SIZE, length);
                }
                sh[i] = new Shdr(i, u32(at), u32(at + 4), u32(at + 16), u32(at + 20), u32(at + 24), u32(at + 36));
            }
            for (Shdr s : sh) {
                if (s.type != SHT_NULL && s.type != SHT_NOBITS && s.size > 0 && s.offset + s.size > length) {
                    throw fail("truncated: section %d's file range [0x%x, 0x%x) lies outside the file (0x%x bytes)",
                            s.index, s.offset, s.offset + s.size, length);
                }
            }
            if (shstrndx == SHN_XINDEX) {
                throw fail("extended section numbering (e_shstrndx 0x%x) is not supported", shstrndx);
            }
            if (shstrndx != 0) {
                if (shstrndx >= shnum) {
                    throw fail("e_shstrndx %d is not a section (e_shnum %d)", shstrndx, shnum);
                }
                if (sh[shstrndx].type != SHT_STRTAB) {
                    throw fail("e_shstrndx %d names a section of type %d, not SHT_STRTAB (3)", shstrndx, sh[shstrndx].type);
                }
                sections = sh;
                shstrtab = sh[shstrndx];
            }

            Shdr symtab = null;
            for (Shdr s : sh) {
                if (s.type == SHT_SYMTAB) {
                    symtab = s;
                    break;
                }
            }
            return symtab == null ? Map.of() : readSymbols(symtab, sh);
        }

        private Map<String, Integer> readSymbols(Shdr symtab, Shdr[] sh) {
            String what = section(symtab.index);
            if (symtab.entsize != SYM_SIZE) {
                throw fail("%s: sh_entsize %d is not the ELF32 symbol size %d", what, symtab.entsize, SYM_SIZE);
            }
            if (symtab.size % SYM_SIZE != 0) {
                throw fail("%s: sh_size 0x%x is not a multiple of %d", what, symtab.size, SYM_SIZE);
            }
            if (symtab.link >= sh.length || sh[(int) symtab.link].type != SHT_STRTAB) {
                throw fail("%s: sh_link %d does not name a string table (SHT_STRTAB section)", what, symtab.link);
            }
            Shdr strtab = sh[(int) symtab.link];
            long count = symtab.size / SYM_SIZE;
            Map<String, Integer> values = new HashMap<>();
            Map<String, Integer> ranks = new HashMap<>();
            // Names are decoded once per distinct st_name. Real string tables share only short
            // suffixes, so the bytes scanned stay near the table size; the budget stops a crafted
            // file (thousands of names starting inside one long string) from costing quadratic
            // time and memory.
            Map<Long, String> names = new HashMap<>();
            long scanBudget = 16 * strtab.size + (1 << 20);
            long scanned = 0;
            for (long i = 0; i < count; i++) {
                long at = symtab.offset + i * SYM_SIZE;
                long nameOff = u32(at);
                long value = u32(at + 4);
                int info = u8(at + 12);
                int shndx = u16(at + 14);
                if (nameOff == 0) {
                    continue;
                }
                if (nameOff >= strtab.size) {
                    throw fail("symbol %d in %s: st_name 0x%x lies outside the string table %s (0x%x bytes)",
                            i, what, nameOff, section(strtab.index), strtab.size);
                }
                String symbolName = names.get(nameOff);
                if (symbolName == null) {
                    int nul = cStringEnd(strtab, nameOff);
                    if (nul < 0) {
                        throw fail("symbol %d in %s: name at 0x%x is not NUL-terminated within the string table %s",
                                i, what, nameOff, section(strtab.index));
                    }
                    long start = strtab.offset + nameOff;
                    scanned += nul - start + 1;
                    if (scanned > scanBudget) {
                        throw fail("symbol %d in %s: the symbol names overlap so much that decoding them would read "
                                        + "more than 0x%x bytes of the 0x%x-byte string table %s",
                                i, what, scanBudget, strtab.size, section(strtab.index));
                    }
                    symbolName = new String(b, (int) start, (int) (nul - start), StandardCharsets.UTF_8);
                    names.put(nameOff, symbolName);
                }
                int bind = info >>> 4;
                int type = info & 0xf;
                boolean wantedType = type == STT_NOTYPE || type == STT_OBJECT || type == STT_FUNC;
                int rank = bind == STB_GLOBAL ? 2 : bind == STB_WEAK ? 1 : bind == STB_LOCAL ? 0 : -1;
                if (!wantedType || rank < 0 || shndx == SHN_UNDEF || shndx == SHN_COMMON
                        || symbolName.isEmpty() || isMappingSymbol(symbolName)) {
                    continue;
                }
                Integer old = ranks.get(symbolName);
                if (old == null || rank > old) {
                    ranks.put(symbolName, rank);
                    values.put(symbolName, (int) value);
                }
            }
            return values;
        }

        private static boolean isMappingSymbol(String s) {
            return s.equals("$d") || s.startsWith("$x");
        }

        /** The NUL-terminated string at {@code off} in {@code strtab}, or null if it runs off the end. */
        private String cString(Shdr strtab, long off) {
            int end = cStringEnd(strtab, off);
            long start = strtab.offset + off;
            return end < 0 ? null : new String(b, (int) start, (int) (end - start), StandardCharsets.UTF_8);
        }

        /** File offset of the NUL ending the string at {@code off} in {@code strtab}, or -1. */
        private int cStringEnd(Shdr strtab, long off) {
            long start = strtab.offset + off;
            long end = strtab.offset + strtab.size; // validated to be inside the file
            for (long p = start; p < end; p++) {
                if (b[(int) p] == 0) {
                    return (int) p;
                }
            }
            return -1;
        }

        /** "section 7 (.symtab)", or "section 7" when the name cannot be read (names only decorate messages). */
        private String section(int index) {
            String n = null;
            if (shstrtab != null && index < sections.length && sections[index].nameOff < shstrtab.size) {
                n = cString(shstrtab, sections[index].nameOff);
            }
            return n == null || n.isEmpty() ? "section " + index : "section " + index + " (" + n + ")";
        }

        private int u8(long off) {
            check(off, 1);
            return b[(int) off] & 0xff;
        }

        private int u16(long off) {
            check(off, 2);
            int o = (int) off;
            return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8;
        }

        private long u32(long off) {
            check(off, 4);
            int o = (int) off;
            return ((b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24)
                    & 0xFFFF_FFFFL;
        }

        /** Every caller has validated its range already; this is the net under the net. */
        private void check(long off, int n) {
            if (off < 0 || off + n > length) {
                throw fail("truncated: %d bytes needed at offset 0x%x but the file has 0x%x bytes", n, off, length);
            }
        }

        private ElfFormatException fail(String format, Object... args) {
            return new ElfFormatException(name, String.format(format, args));
        }

        private static String typeName(int type) {
            return switch (type) {
                case 0 -> "ET_NONE";
                case 1 -> "ET_REL";
                case 2 -> "ET_EXEC";
                case 3 -> "ET_DYN";
                case 4 -> "ET_CORE";
                default -> type >= 0xfe00 ? "OS/processor-specific" : "unknown";
            };
        }

        private static String machineName(int machine) {
            return switch (machine) {
                case 0 -> "EM_NONE";
                case 3 -> "x86";
                case 8 -> "MIPS";
                case 20 -> "PowerPC";
                case 21 -> "PowerPC64";
                case 40 -> "ARM";
                case 62 -> "x86-64";
                case 183 -> "AArch64";
                case 258 -> "LoongArch";
                default -> null;
            };
        }
    }
}
