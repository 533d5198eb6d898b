package dev.seedverify.golden.elf;

import static dev.seedverify.golden.elf.TestElfBuilder.DRAM_BASE;
import static dev.seedverify.golden.elf.TestElfBuilder.E_EHSIZE;
import static dev.seedverify.golden.elf.TestElfBuilder.E_PHNUM;
import static dev.seedverify.golden.elf.TestElfBuilder.E_PHOFF;
import static dev.seedverify.golden.elf.TestElfBuilder.E_SHNUM;
import static dev.seedverify.golden.elf.TestElfBuilder.E_SHOFF;
import static dev.seedverify.golden.elf.TestElfBuilder.E_SHSTRNDX;
import static dev.seedverify.golden.elf.TestElfBuilder.P_FILESZ;
import static dev.seedverify.golden.elf.TestElfBuilder.P_MEMSZ;
import static dev.seedverify.golden.elf.TestElfBuilder.P_OFFSET;
import static dev.seedverify.golden.elf.TestElfBuilder.P_TYPE;
import static dev.seedverify.golden.elf.TestElfBuilder.P_VADDR;
import static dev.seedverify.golden.elf.TestElfBuilder.SHN_ABS;
import static dev.seedverify.golden.elf.TestElfBuilder.SHN_AUTO;
import static dev.seedverify.golden.elf.TestElfBuilder.SHN_COMMON;
import static dev.seedverify.golden.elf.TestElfBuilder.SHN_UNDEF;
import static dev.seedverify.golden.elf.TestElfBuilder.SH_ENTSIZE;
import static dev.seedverify.golden.elf.TestElfBuilder.SH_LINK;
import static dev.seedverify.golden.elf.TestElfBuilder.SH_OFFSET;
import static dev.seedverify.golden.elf.TestElfBuilder.SH_SIZE;
import static dev.seedverify.golden.elf.TestElfBuilder.SH_TYPE;
import static dev.seedverify.golden.elf.TestElfBuilder.STB_GLOBAL;
import static dev.seedverify.golden.elf.TestElfBuilder.STB_LOCAL;
import static dev.seedverify.golden.elf.TestElfBuilder.STB_WEAK;
import static dev.seedverify.golden.elf.TestElfBuilder.STT_FILE;
import static dev.seedverify.golden.elf.TestElfBuilder.STT_FUNC;
import static dev.seedverify.golden.elf.TestElfBuilder.STT_NOTYPE;
import static dev.seedverify.golden.elf.TestElfBuilder.STT_OBJECT;
import static dev.seedverify.golden.elf.TestElfBuilder.STT_SECTION;
import static dev.seedverify.golden.elf.TestElfBuilder.ST_NAME;
import static dev.seedverify.golden.elf.TestElfBuilder.putU16;
import static dev.seedverify.golden.elf.TestElfBuilder.putU32;
import static dev.seedverify.golden.elf.TestElfBuilder.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.golden.elf.ElfImage.LoadSegment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfLoaderTest {

    private static final int MIB = 1 << 20;

    /** Parses under the name "prog.elf" and expects an ElfFormatException whose message starts with it. */
    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(byte[] elf) {
        return assertThatThrownBy(() -> ElfLoader.parse(elf, "prog.elf"))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageStartingWith("prog.elf: ");
    }

    private static ElfImage parse(byte[] elf) {
        return ElfLoader.parse(elf, "prog.elf");
    }

    @Nested
    class ValidImages {

        @Test
        void readsEntrySegmentsAndSymbols() {
            ElfImage image = parse(TestElfBuilder.typical().build());

            assertThat(image.name()).isEqualTo("prog.elf");
            assertThat(image.entry()).isEqualTo(DRAM_BASE);
            assertThat(image.flags()).isZero();
            assertThat(image.segments()).hasSize(2);
            LoadSegment text = image.segments().get(0);
            assertThat(text.address()).isEqualTo(DRAM_BASE);
            assertThat(text.data()).isEqualTo(words(0x00000297, 0x00028293, 0x0000006f));
            assertThat(text.memorySize()).isEqualTo(12);
            LoadSegment data = image.segments().get(1);
            assertThat(data.address()).isEqualTo(DRAM_BASE + 0x1000);
            assertThat(data.fileSize()).isEqualTo(16);
            assertThat(data.memorySize()).isEqualTo(0x40);
            assertThat(data.byteAt(8)).isEqualTo((byte) 0xef);
            assertThat(data.byteAt(0x3f)).isZero();
            assertThat(data.endAddress()).isEqualTo(0x8000_1040L);

            assertThat(image.symbols()).containsOnly(
                    Map.entry("_start", DRAM_BASE),
                    Map.entry("tohost", DRAM_BASE + 0x1000),
                    Map.entry("begin_signature", DRAM_BASE + 0x1008),
                    Map.entry("end_signature", DRAM_BASE + 0x1010));
            assertThat(image.tohost()).hasValue(DRAM_BASE + 0x1000);
            assertThat(image.beginSignature()).hasValue(DRAM_BASE + 0x1008);
            assertThat(image.endSignature()).hasValue(DRAM_BASE + 0x1010);
            assertThat(image.symbol("_start")).hasValue(DRAM_BASE);
            assertThat(image.symbol("missing")).isEmpty();
        }

        @Test
        void imageIsImmutable() {
            byte[] elf = TestElfBuilder.typical().build();
            ElfImage image = parse(elf);
            byte[] before = image.segments().get(0).data();

            Arrays.fill(elf, (byte) 0x55);                 // the input is not retained
            image.segments().get(0).data()[0] = 0x11;      // data() hands out copies

            assertThat(image.segments().get(0).data()).isEqualTo(before);
            assertThatThrownBy(() -> image.segments().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> image.symbols().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void unnamedImageIsCalledMemory() {
            ElfImage image = ElfLoader.parse(TestElfBuilder.typical().build(), null);
            assertThat(image.name()).isEqualTo("<memory>");
            assertThatThrownBy(() -> ElfLoader.parse(new byte[] {1, 2, 3, 4}, null))
                    .hasMessageStartingWith("<memory>: not an ELF file");
        }

        @Test
        void ignoresLoadSegmentsWithoutMemoryAndOtherSegmentTypes() {
            byte[] note = "note".getBytes(StandardCharsets.US_ASCII);
            ElfImage image = parse(new TestElfBuilder()
                    .segment(new TestElfBuilder.Segment(TestElfBuilder.PT_RISCV_ATTRIBUTES, 0, 0, note, 0, 4))
                    .load(DRAM_BASE, words(0x13), 4)
                    .load(DRAM_BASE + 0x100, new byte[0], 0)                  // p_memsz 0: nothing to load
                    .segment(new TestElfBuilder.Segment(TestElfBuilder.PT_NOTE, 0, 0, note, 0, 4))
                    .build());

            assertThat(image.segments()).extracting(LoadSegment::address).containsExactly(DRAM_BASE);
        }

        @Test
        void bssOnlySegmentHasNoFileBytes() {
            ElfImage image = parse(new TestElfBuilder()
                    .load(DRAM_BASE, words(0x13), 4)
                    .load(DRAM_BASE + 0x1000, new byte[0], 0x100)
                    .build());

            LoadSegment bss = image.segments().get(1);
            assertThat(bss.data()).isEmpty();
            assertThat(bss.memorySize()).isEqualTo(0x100);
        }

        @Test
        void bssOnlySegmentIgnoresItsFileOffset() {
            TestElfBuilder b = new TestElfBuilder().load(DRAM_BASE, words(0x13), 4).load(DRAM_BASE + 0x1000, new byte[0], 0x100);
            byte[] elf = b.build();
            putU32(elf, b.ph(1) + P_OFFSET, 0xFFFF_FFF0);

            assertThat(parse(elf).segments().get(1).memorySize()).isEqualTo(0x100);
        }

        @Test
        void usesVirtualAddressNotPhysical() {
            ElfImage image = parse(new TestElfBuilder()
                    .segment(new TestElfBuilder.Segment(TestElfBuilder.PT_LOAD, DRAM_BASE, 0x1234, words(0x13), 4, 5))
                    .build());
            assertThat(image.segments().get(0).address()).isEqualTo(DRAM_BASE);
        }

        @Test
        void segmentsAdjacentInMemoryAreAccepted() {
            ElfImage image = parse(new TestElfBuilder()
                    .load(DRAM_BASE + 4, words(2), 4)
                    .load(DRAM_BASE, words(1), 4)
                    .build());
            assertThat(image.segments()).extracting(LoadSegment::address).containsExactly(DRAM_BASE + 4, DRAM_BASE);
        }

        @Test
        void segmentMayEndExactlyAtTopOfAddressSpace() {
            ElfImage image = parse(new TestElfBuilder().load(0xFFFF_FFF0, words(1, 2, 3), 16).build());
            assertThat(image.segments().get(0).endAddress()).isEqualTo(1L << 32);
        }

        @Test
        void acceptsCompressedCodeFlagSilently() {
            ElfImage image = parse(TestElfBuilder.typical().flags(ElfImage.EF_RISCV_RVC).build());
            assertThat(image.flags()).isEqualTo(ElfImage.EF_RISCV_RVC);
        }

        @Test
        void missingSectionHeaderTableMeansNoSymbols() {
            ElfImage image = parse(TestElfBuilder.typical().withoutSectionHeaders().build());
            assertThat(image.symbols()).isEmpty();
            assertThat(image.tohost()).isEmpty();
            assertThat(image.segments()).hasSize(2);
        }

        @Test
        void sectionTableWithoutSymtabMeansNoSymbols() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.sh(b.symtabSection()) + SH_TYPE, 1); // SHT_PROGBITS

            assertThat(parse(elf).symbols()).isEmpty();
        }
    }

    @Nested
    class Symbols {

        @Test
        void keepsDefinedNamedNotypeObjectAndFuncSymbolsOfAnyBinding() {
            ElfImage image = parse(new TestElfBuilder()
                    .load(DRAM_BASE, new byte[16], 16)
                    .symbol("g_notype", DRAM_BASE, STB_GLOBAL, STT_NOTYPE, SHN_AUTO)
                    .symbol("l_object", DRAM_BASE + 4, STB_LOCAL, STT_OBJECT, SHN_AUTO)
                    .symbol("w_func", DRAM_BASE + 8, STB_WEAK, STT_FUNC, SHN_AUTO)
                    .symbol("absolute", 0x1234, STB_GLOBAL, STT_NOTYPE, SHN_ABS)
                    .symbol("undefined", 0, STB_GLOBAL, STT_NOTYPE, SHN_UNDEF)
                    .symbol("common", 4, STB_GLOBAL, STT_OBJECT, SHN_COMMON)
                    .symbol("file.o", 0, STB_LOCAL, STT_FILE, SHN_ABS)
                    .symbol(".text", DRAM_BASE, STB_LOCAL, STT_SECTION, SHN_AUTO)
                    .symbol("$xrv32i2p1_m2p0", DRAM_BASE, STB_LOCAL, STT_NOTYPE, SHN_AUTO)
                    .symbol("$x", DRAM_BASE, STB_LOCAL, STT_NOTYPE, SHN_AUTO)
                    .symbol("$d", DRAM_BASE + 8, STB_LOCAL, STT_NOTYPE, SHN_AUTO)
                    .symbol("", DRAM_BASE, STB_GLOBAL, STT_NOTYPE, SHN_AUTO)
                    .build());

            assertThat(image.symbols()).containsOnly(
                    Map.entry("g_notype", DRAM_BASE),
                    Map.entry("l_object", DRAM_BASE + 4),
                    Map.entry("w_func", DRAM_BASE + 8),
                    Map.entry("absolute", 0x1234));
        }

        @Test
        void globalDefinitionWinsOverLocalAndWeakOnes() {
            ElfImage image = parse(new TestElfBuilder()
                    .load(DRAM_BASE, new byte[32], 32)
                    .symbol("x", DRAM_BASE + 4, STB_LOCAL, STT_OBJECT, SHN_AUTO)
                    .symbol("x", DRAM_BASE + 8, STB_GLOBAL, STT_OBJECT, SHN_AUTO)
                    .symbol("x", DRAM_BASE + 12, STB_LOCAL, STT_OBJECT, SHN_AUTO)
                    .symbol("y", DRAM_BASE + 16, STB_WEAK, STT_OBJECT, SHN_AUTO)
                    .symbol("y", DRAM_BASE + 20, STB_GLOBAL, STT_OBJECT, SHN_AUTO)
                    .symbol("z", DRAM_BASE + 24, STB_LOCAL, STT_OBJECT, SHN_AUTO)
                    .symbol("z", DRAM_BASE + 28, STB_WEAK, STT_OBJECT, SHN_AUTO)
                    .symbol("s", DRAM_BASE + 4, STB_LOCAL, STT_OBJECT, SHN_AUTO)
                    .symbol("s", DRAM_BASE + 8, STB_LOCAL, STT_OBJECT, SHN_AUTO)
                    .build());

            assertThat(image.symbol("x")).hasValue(DRAM_BASE + 8);
            assertThat(image.symbol("y")).hasValue(DRAM_BASE + 20);
            assertThat(image.symbol("z")).hasValue(DRAM_BASE + 28);
            assertThat(image.symbol("s")).as("first of equal rank").hasValue(DRAM_BASE + 4);
        }

        @Test
        void symbolValuesAreUnsigned32Bit() {
            ElfImage image = parse(new TestElfBuilder()
                    .load(DRAM_BASE, new byte[4], 4)
                    .symbol("top", 0xFFFF_FFFC, STB_GLOBAL, STT_NOTYPE, SHN_ABS)
                    .build());
            assertThat(image.symbol("top")).isEqualTo(OptionalInt.of(0xFFFF_FFFC));
        }
    }

    @Nested
    class Identification {

        @Test
        void rejectsEmptyFile() {
            rejects(new byte[0]).hasMessage("prog.elf: not an ELF file (the file is empty)");
        }

        @Test
        void rejectsNonElfMagic() {
            rejects("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII))
                    .hasMessage("prog.elf: not an ELF file (magic 7f 45 4c 46 expected, found 23 21 2f 62)");
        }

        @Test
        void rejectsFileShorterThanMagic() {
            rejects(new byte[] {0x7f, 'E'})
                    .hasMessage("prog.elf: not an ELF file (magic 7f 45 4c 46 expected, found 7f 45; the file has only 2 bytes)");
        }

        @Test
        void rejectsTruncatedIdentification() {
            rejects(Arrays.copyOf(TestElfBuilder.typical().build(), 10))
                    .hasMessage("prog.elf: truncated: ELF identification needs 16 bytes but the file has 0xa bytes");
        }

        @Test
        void rejects64BitElf() {
            rejects(TestElfBuilder.typical().ident(TestElfBuilder.E_IDENT_CLASS, 2).build())
                    .hasMessage("prog.elf: 64-bit ELF (ELFCLASS64); SeedChip S1 loads ELFCLASS32 only");
        }

        @Test
        void rejectsInvalidClass() {
            rejects(TestElfBuilder.typical().ident(TestElfBuilder.E_IDENT_CLASS, 0).build())
                    .hasMessageContaining("invalid EI_CLASS 0 (expected 1, ELFCLASS32)");
        }

        @Test
        void rejectsBigEndianElf() {
            rejects(TestElfBuilder.typical().ident(TestElfBuilder.E_IDENT_DATA, 2).build())
                    .hasMessage("prog.elf: big-endian ELF (ELFDATA2MSB); SeedChip S1 is little-endian");
        }

        @Test
        void rejectsInvalidDataEncoding() {
            rejects(TestElfBuilder.typical().ident(TestElfBuilder.E_IDENT_DATA, 7).build())
                    .hasMessageContaining("invalid EI_DATA 7 (expected 1, ELFDATA2LSB)");
        }

        @Test
        void rejectsUnknownIdentVersion() {
            rejects(TestElfBuilder.typical().ident(TestElfBuilder.E_IDENT_VERSION, 2).build())
                    .hasMessageContaining("unsupported EI_VERSION 2");
        }
    }

    @Nested
    class Header {

        @Test
        void rejectsTruncatedElfHeader() {
            rejects(Arrays.copyOf(TestElfBuilder.typical().build(), 40))
                    .hasMessage("prog.elf: truncated: ELF header needs 52 bytes but the file has 0x28 bytes");
        }

        @Test
        void rejectsRelocatableObject() {
            rejects(TestElfBuilder.typical().type(1).build())
                    .hasMessage("prog.elf: not an executable (e_type 1 ET_REL)");
        }

        @Test
        void rejectsSharedObjectOrPie() {
            rejects(TestElfBuilder.typical().type(3).build())
                    .hasMessageStartingWith("prog.elf: not an executable (e_type 3 ET_DYN)")
                    .hasMessageContaining("-no-pie");
        }

        @Test
        void rejectsCoreFile() {
            rejects(TestElfBuilder.typical().type(4).build()).hasMessageContaining("not an executable (e_type 4 ET_CORE)");
        }

        @Test
        void rejectsNonRiscvMachine() {
            rejects(TestElfBuilder.typical().machine(62).build())
                    .hasMessage("prog.elf: e_machine 62 (x86-64) is not RISC-V (243)");
        }

        @Test
        void rejectsUnknownMachine() {
            rejects(TestElfBuilder.typical().machine(9999).build())
                    .hasMessage("prog.elf: e_machine 9999 is not RISC-V (243)");
        }

        @Test
        void rejectsUnknownElfVersion() {
            rejects(TestElfBuilder.typical().version(0).build())
                    .hasMessage("prog.elf: unsupported e_version 0 (expected 1, EV_CURRENT)");
        }

        @Test
        void rejectsWrongHeaderSize() {
            rejects(TestElfBuilder.typical().ehsize(64).build())
                    .hasMessage("prog.elf: e_ehsize 64 is not the ELF32 header size 52");
        }
    }

    @Nested
    class ProgramHeaders {

        @Test
        void rejectsWrongProgramHeaderEntrySize() {
            rejects(TestElfBuilder.typical().phentsize(56).build())
                    .hasMessage("prog.elf: e_phentsize 56 is not the ELF32 program header size 32");
        }

        @Test
        void rejectsTruncatedProgramHeaders() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU16(elf, E_PHNUM, 3); // a third header would start at 0x74, where the segment data is;
            putU32(elf, E_PHOFF, elf.length - 80); // ...so move the table to the end: header 2 runs off it

            rejects(elf).hasMessage(String.format(
                    "prog.elf: truncated: program header 2 at offset 0x%x needs 32 bytes but the file has 0x%x bytes",
                    elf.length - 80 + 64, elf.length));
        }

        @Test
        void rejectsProgramHeaderTableFarBeyondTheFile() {
            byte[] elf = TestElfBuilder.typical().build();
            putU32(elf, E_PHOFF, 0xFFFF_FFF0); // no int overflow: 0xfffffff0 + 32 > length

            rejects(elf).hasMessageContaining("truncated: program header 0 at offset 0xfffffff0 needs 32 bytes");
        }

        @Test
        void rejectsExtendedProgramHeaderNumbering() {
            byte[] elf = TestElfBuilder.typical().build();
            putU16(elf, E_PHNUM, 0xffff);
            rejects(elf).hasMessageContaining("extended program header numbering (e_phnum 0xffff) is not supported");
        }

        @Test
        void rejectsSegmentDataOutsideFile() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.ph(1) + P_OFFSET, elf.length - 8); // 16 file bytes from 8 before the end

            rejects(elf).hasMessage(String.format(
                    "prog.elf: truncated: segment 1's file range [0x%x, 0x%x) lies outside the file (0x%x bytes)",
                    elf.length - 8, elf.length + 8, elf.length));
        }

        @Test
        void rejectsHugeSegmentOffsetWithoutOverflow() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.ph(0) + P_OFFSET, 0xFFFF_FFFC);

            rejects(elf).hasMessageContaining("segment 0's file range [0xfffffffc, 0x100000008) lies outside the file");
        }

        @Test
        void rejectsHugeFileSize() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.ph(0) + P_FILESZ, 0x7FFF_FFFF);
            putU32(elf, b.ph(0) + P_MEMSZ, 0x7FFF_FFFF);

            rejects(elf).hasMessageContaining("segment 0's file range").hasMessageContaining("lies outside the file");
        }

        @Test
        void rejectsFileSizeLargerThanMemorySize() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.ph(1) + P_MEMSZ, 8);

            rejects(elf).hasMessage("prog.elf: segment 1: p_filesz 0x10 exceeds p_memsz 0x8");
        }

        @Test
        void rejectsMemorySizeBeyond31Bits() {
            TestElfBuilder b = new TestElfBuilder().load(0, words(1), 4);
            byte[] elf = b.build();
            putU32(elf, b.ph(0) + P_MEMSZ, 0x8000_0000);

            rejects(elf).hasMessage("prog.elf: segment 0: p_memsz 0x80000000 is too large (at most 0x7fffffff bytes supported)");
        }

        @Test
        void rejectsSegmentWrappingAddressSpace() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.ph(1) + P_VADDR, 0xFFFF_FFF0);

            rejects(elf).hasMessage("prog.elf: segment 1 [0xfffffff0, 0x100000030) wraps past the end of the 32-bit address space");
        }

        @Test
        void rejectsOverlappingLoadSegments() {
            rejects(new TestElfBuilder()
                    .load(DRAM_BASE, new byte[16], 0x100)
                    .load(DRAM_BASE + 0x200, new byte[16], 16)
                    .load(DRAM_BASE + 0xF0, new byte[16], 16)
                    .build())
                    .hasMessage("prog.elf: overlapping PT_LOAD segments: segment 0 [0x80000000, 0x80000100) "
                            + "and segment 2 [0x800000f0, 0x80000100)");
        }

        @Test
        void rejectsSegmentsAtTheSameAddress() {
            rejects(new TestElfBuilder().load(DRAM_BASE, words(1), 4).load(DRAM_BASE, words(2), 4).build())
                    .hasMessageContaining("overlapping PT_LOAD segments: segment 0 [0x80000000, 0x80000004) "
                            + "and segment 1 [0x80000000, 0x80000004)");
        }

        @Test
        void rejectsExecutableWithoutLoadableSegments() {
            rejects(new TestElfBuilder().load(DRAM_BASE, new byte[0], 0).build())
                    .hasMessage("prog.elf: no loadable segments (no PT_LOAD program header with p_memsz > 0)");
            byte[] noProgramHeaders = TestElfBuilder.typical().build();
            putU16(noProgramHeaders, E_PHNUM, 0);
            rejects(noProgramHeaders).hasMessageContaining("no loadable segments");
        }

        @Test
        void rejectsDynamicallyLinkedExecutable() {
            byte[] interp = "/lib/ld.so\0".getBytes(StandardCharsets.US_ASCII);
            rejects(TestElfBuilder.typical()
                    .segment(new TestElfBuilder.Segment(TestElfBuilder.PT_INTERP, 0, 0, interp, 0, 4))
                    .build())
                    .hasMessage("prog.elf: segment 2 is PT_INTERP: dynamically linked executables are not supported "
                            + "(link with -static)");
            rejects(TestElfBuilder.typical()
                    .segment(new TestElfBuilder.Segment(TestElfBuilder.PT_DYNAMIC, 0, 0, new byte[8], 0, 4))
                    .build())
                    .hasMessageContaining("segment 2 is PT_DYNAMIC");
        }

        @Test
        void rejectsSegmentsSharingMoreFileBytesThanTheFileHas() {
            // Many segments, each mapping the whole file at a different address: without the cap a
            // small file could demand (file size)^2 / 32 bytes of copies.
            TestElfBuilder b = new TestElfBuilder();
            for (int i = 0; i < 8; i++) {
                b.load(DRAM_BASE + i * 0x10000, new byte[64], 64);
            }
            byte[] elf = b.build();
            for (int i = 0; i < 8; i++) {
                putU32(elf, b.ph(i) + P_OFFSET, 0);
                putU32(elf, b.ph(i) + P_FILESZ, elf.length);
                putU32(elf, b.ph(i) + P_MEMSZ, elf.length);
            }
            rejects(elf).hasMessage(String.format(
                    "prog.elf: PT_LOAD segments share file bytes: their p_filesz add up to 0x%x, more than the file's 0x%x bytes",
                    8 * elf.length, elf.length));
        }

        @Test
        void segmentsMaySharefileBytesWithinTheFileSize() {
            TestElfBuilder b = new TestElfBuilder().load(DRAM_BASE, words(1, 2), 8).load(DRAM_BASE + 0x100, words(3), 4);
            byte[] elf = b.build();
            putU32(elf, b.ph(1) + P_OFFSET, b.segmentOffset(0)); // both map the same file word
            assertThat(parse(elf).segments().get(1).data()).isEqualTo(words(1));
        }

        @Test
        void ignoresNullProgramHeaderWithGarbageFields() {
            TestElfBuilder b = new TestElfBuilder().load(DRAM_BASE, words(1), 4).load(DRAM_BASE + 4, words(2), 4);
            byte[] elf = b.build();
            putU32(elf, b.ph(1) + P_TYPE, 0); // PT_NULL
            putU32(elf, b.ph(1) + P_OFFSET, 0xFFFF_FFFF);
            putU32(elf, b.ph(1) + P_FILESZ, 0xFFFF_FFFF);

            assertThat(parse(elf).segments()).hasSize(1);
        }
    }

    @Nested
    class SectionHeaders {

        @Test
        void rejectsWrongSectionHeaderEntrySize() {
            rejects(TestElfBuilder.typical().shentsize(64).build())
                    .hasMessage("prog.elf: e_shentsize 64 is not the ELF32 section header size 40");
        }

        @Test
        void rejectsTruncatedSectionHeaders() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] full = b.build();
            int shnum = 1 + 2 + 3;
            byte[] elf = Arrays.copyOf(full, full.length - 20); // the last header loses 20 bytes

            rejects(elf).hasMessage(String.format(
                    "prog.elf: truncated: section header %d at offset 0x%x needs 40 bytes but the file has 0x%x bytes",
                    shnum - 1, b.sh(shnum - 1), elf.length));
        }

        @Test
        void rejectsSectionHeaderTableFarBeyondTheFile() {
            byte[] elf = TestElfBuilder.typical().build();
            putU32(elf, E_SHOFF, 0xFFFF_FFF0);
            rejects(elf).hasMessageContaining("truncated: section header 0 at offset 0xfffffff0 needs 40 bytes");
        }

        @Test
        void rejectsSectionCountWithoutTable() {
            byte[] elf = TestElfBuilder.typical().build();
            putU32(elf, E_SHOFF, 0);
            rejects(elf).hasMessage("prog.elf: e_shoff is 0 but e_shnum is 6");
        }

        @Test
        void rejectsExtendedSectionNumbering() {
            byte[] elf = TestElfBuilder.typical().build();
            putU16(elf, E_SHNUM, 0);
            rejects(elf).hasMessageContaining("extended section numbering (e_shnum 0 with e_shoff 0x");
        }

        @Test
        void rejectsSectionOutsideFile() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.sh(1) + SH_SIZE, 0x10000);

            rejects(elf).hasMessage(String.format(
                    "prog.elf: truncated: section 1's file range [0x%x, 0x%x) lies outside the file (0x%x bytes)",
                    b.segmentOffset(0), b.segmentOffset(0) + 0x10000, elf.length));
        }

        @Test
        void nobitsSectionsNeedNoFileBytes() {
            TestElfBuilder b = new TestElfBuilder().load(DRAM_BASE, words(1), 4).load(DRAM_BASE + 0x1000, new byte[0], 0x10000);
            byte[] elf = b.build();
            assertThat(TestElfBuilder.getU32(elf, b.sh(2) + SH_TYPE)).isEqualTo(8); // .bss-like: SHT_NOBITS
            assertThat(parse(elf).segments()).hasSize(2);
        }

        @Test
        void rejectsSectionNameTableIndexOutOfRange() {
            byte[] elf = TestElfBuilder.typical().build();
            putU16(elf, E_SHSTRNDX, 6);
            rejects(elf).hasMessage("prog.elf: e_shstrndx 6 is not a section (e_shnum 6)");
        }

        @Test
        void rejectsSectionNameTableThatIsNotAStringTable() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU16(elf, E_SHSTRNDX, b.symtabSection());
            rejects(elf).hasMessage("prog.elf: e_shstrndx 3 names a section of type 2, not SHT_STRTAB (3)");
        }

        @Test
        void rejectsWrongSymbolEntrySize() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.sh(b.symtabSection()) + SH_ENTSIZE, 24);
            rejects(elf).hasMessage("prog.elf: section 3 (.symtab): sh_entsize 24 is not the ELF32 symbol size 16");
        }

        @Test
        void rejectsSymbolTableSizeNotMultipleOfEntrySize() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.sh(b.symtabSection()) + SH_SIZE, 16 * 5 - 4);
            rejects(elf).hasMessage("prog.elf: section 3 (.symtab): sh_size 0x4c is not a multiple of 16");
        }

        @Test
        void rejectsSymbolTableLinkedToNonStringTable() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.sh(b.symtabSection()) + SH_LINK, 1);
            rejects(elf).hasMessage("prog.elf: section 3 (.symtab): sh_link 1 does not name a string table (SHT_STRTAB section)");
            putU32(elf, b.sh(b.symtabSection()) + SH_LINK, 99);
            rejects(elf).hasMessageContaining("sh_link 99 does not name a string table");
        }

        @Test
        void rejectsSymbolNameOutsideStringTable() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU32(elf, b.sym(2) + ST_NAME, 0x1000);
            rejects(elf).hasMessageStartingWith("prog.elf: symbol 2 in section 3 (.symtab): st_name 0x1000 lies outside "
                    + "the string table section 4 (.strtab)");
        }

        @Test
        void rejectsUnterminatedSymbolName() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            int strtabSize = TestElfBuilder.getU32(elf, b.sh(b.strtabSection()) + SH_SIZE);
            putU32(elf, b.sh(b.strtabSection()) + SH_SIZE, strtabSize - 1); // cut the final NUL

            rejects(elf).hasMessageContaining("symbol 4 in section 3 (.symtab): name at 0x")
                    .hasMessageContaining("is not NUL-terminated within the string table section 4 (.strtab)");
        }

        @Test
        void rejectsQuadraticallyOverlappingSymbolNames() {
            // One 4096-byte name and 2048 symbols each starting one byte further into it:
            // decoding would read ~6 MiB from a 4 KiB string table.
            String longName = "n".repeat(4096);
            TestElfBuilder b = new TestElfBuilder().load(DRAM_BASE, words(1), 4);
            for (int i = 0; i < 2048; i++) {
                b.symbol(i == 0 ? longName : "", DRAM_BASE);
            }
            byte[] elf = b.build();
            for (int i = 1; i <= 2048; i++) {
                putU32(elf, b.sym(i) + ST_NAME, i);
            }
            rejects(elf).hasMessageContaining("the symbol names overlap so much that decoding them would read more than");
        }

        @Test
        void messagesWithoutReadableSectionNamesUseNumbersOnly() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            putU16(elf, E_SHSTRNDX, 0);
            putU32(elf, b.sh(b.symtabSection()) + SH_ENTSIZE, 0);
            rejects(elf).hasMessage("prog.elf: section 3: sh_entsize 0 is not the ELF32 symbol size 16");
        }

        @Test
        void symbolTableMaySitAnywhereInsideTheFile() {
            TestElfBuilder b = TestElfBuilder.typical();
            byte[] elf = b.build();
            int symtabOffset = TestElfBuilder.getU32(elf, b.sh(b.symtabSection()) + SH_OFFSET);
            assertThat(symtabOffset).isPositive();
            assertThat(parse(elf).symbols()).hasSize(4);
        }
    }

    @Nested
    class RequireWithin {

        @Test
        void acceptsSegmentsInsideDram() {
            ElfImage image = parse(TestElfBuilder.typical().build());
            assertThatCode(() -> image.requireWithin(DRAM_BASE, MIB)).doesNotThrowAnyException();
            assertThatCode(() -> image.requireWithin(DRAM_BASE, 0x1040)).doesNotThrowAnyException();
        }

        @Test
        void rejectsSegmentOutsideDram() {
            ElfImage image = parse(new TestElfBuilder()
                    .load(DRAM_BASE, words(0x13), 4)
                    .load(DRAM_BASE + 0xFF000, new byte[16], 0x101000)
                    .build());

            assertThatThrownBy(() -> image.requireWithin(DRAM_BASE, MIB))
                    .isInstanceOf(ElfFormatException.class)
                    .hasMessage("prog.elf: segment 1 [0x800ff000, 0x80200000) lies outside DRAM [0x80000000, 0x80100000)");
        }

        @Test
        void zeroFilledTailCountsAgainstDram() {
            ElfImage image = parse(TestElfBuilder.typical().build()); // data segment ends at 0x80001040
            assertThatThrownBy(() -> image.requireWithin(DRAM_BASE, 0x103F))
                    .hasMessage("prog.elf: segment 1 [0x80001000, 0x80001040) lies outside DRAM [0x80000000, 0x8000103f)");
        }

        @Test
        void rejectsSegmentBelowDram() {
            ElfImage image = parse(new TestElfBuilder().load(0x1000, words(1), 4).build());
            assertThatThrownBy(() -> image.requireWithin(DRAM_BASE, 64 * 1024))
                    .hasMessage("prog.elf: segment 0 [0x00001000, 0x00001004) lies outside DRAM [0x80000000, 0x80010000)");
        }

        @Test
        void namesTheFirstOffendingSegmentByProgramHeaderNumber() {
            byte[] note = new byte[4];
            ElfImage image = parse(new TestElfBuilder()
                    .segment(new TestElfBuilder.Segment(TestElfBuilder.PT_NOTE, 0, 0, note, 0, 4))
                    .load(DRAM_BASE, words(1), 4)
                    .load(0x1000, words(2), 4)
                    .load(0x2000, words(3), 4)
                    .build());
            assertThatThrownBy(() -> image.requireWithin(DRAM_BASE, MIB))
                    .hasMessageStartingWith("prog.elf: segment 2 [0x00001000, 0x00001004) lies outside DRAM");
        }

        @Test
        void handlesRegionEndingAtTopOfAddressSpace() {
            ElfImage image = parse(new TestElfBuilder().load(0xFFFF_FFF0, words(1, 2, 3, 4), 16).build());
            assertThatCode(() -> image.requireWithin(0xFFFF_0000, 0x10000)).doesNotThrowAnyException();
            assertThatThrownBy(() -> image.requireWithin(0xFFFF_0000, 0xFFFF))
                    .hasMessage("prog.elf: segment 0 [0xfffffff0, 0x100000000) lies outside DRAM [0xffff0000, 0xffffffff)");
        }

        @Test
        void namesOtherRegions() {
            ElfImage image = parse(TestElfBuilder.typical().build());
            assertThatThrownBy(() -> image.requireWithin(DRAM_BASE + 0x1000, 0x1000, "the launch window"))
                    .hasMessageContaining("segment 0 [0x80000000, 0x8000000c) lies outside the launch window [0x80001000, 0x80002000)");
        }

        @Test
        void everyDramSizeFromSpecWorks() {
            ElfImage image = parse(TestElfBuilder.typical().build());
            for (int size = 64 * 1024; size <= 64 * MIB; size <<= 1) {
                int s = size;
                assertThatCode(() -> image.requireWithin(DRAM_BASE, s)).doesNotThrowAnyException();
            }
        }
    }

    @Nested
    class DirectConstruction {

        @Test
        void programmaticImageNumbersSegmentsByListIndex() {
            ElfImage image = new ElfImage("made", DRAM_BASE, List.of(
                    new LoadSegment(DRAM_BASE, words(1), 4),
                    new LoadSegment(0, words(2), 4)), Map.of("tohost", DRAM_BASE));
            assertThat(image.tohost()).hasValue(DRAM_BASE);
            assertThatThrownBy(() -> image.requireWithin(DRAM_BASE, MIB))
                    .hasMessage("made: segment 1 [0x00000000, 0x00000004) lies outside DRAM [0x80000000, 0x80100000)");
        }

        @Test
        void programmaticImageRejectsOverlap() {
            assertThatThrownBy(() -> new ElfImage(null, 0, List.of(
                    new LoadSegment(DRAM_BASE, words(1, 2), 8),
                    new LoadSegment(DRAM_BASE + 4, words(3), 4)), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overlap");
        }

        @Test
        void loadSegmentValidatesAndCopies() {
            byte[] data = words(7);
            LoadSegment s = new LoadSegment(DRAM_BASE, data, 8);
            data[0] = 0;
            assertThat(s.data()).isEqualTo(words(7));
            assertThat(s).isEqualTo(new LoadSegment(DRAM_BASE, words(7), 8));
            assertThat(s.contains(DRAM_BASE + 7)).isTrue();
            assertThat(s.contains(DRAM_BASE + 8)).isFalse();
            assertThatThrownBy(() -> new LoadSegment(DRAM_BASE, words(1, 2), 4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new LoadSegment(DRAM_BASE, new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new LoadSegment(0xFFFF_FFFC, new byte[0], 8)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ReadingFiles {

        @Test
        void readNamesTheFile(@TempDir Path dir) throws IOException {
            Path good = dir.resolve("good.elf");
            Files.write(good, TestElfBuilder.typical().build());
            assertThat(ElfLoader.read(good).name()).isEqualTo(good.toString());

            Path bad = dir.resolve("bad.elf");
            Files.write(bad, TestElfBuilder.typical().ident(TestElfBuilder.E_IDENT_DATA, 2).build());
            assertThatThrownBy(() -> ElfLoader.read(bad))
                    .isInstanceOf(ElfFormatException.class)
                    .hasMessage(bad + ": big-endian ELF (ELFDATA2MSB); SeedChip S1 is little-endian")
                    .satisfies(e -> {
                        ElfFormatException f = (ElfFormatException) e;
                        assertThat(f.fileName()).isEqualTo(bad.toString());
                        assertThat(f.problem()).isEqualTo("big-endian ELF (ELFDATA2MSB); SeedChip S1 is little-endian");
                    });
        }

        @Test
        void missingFileIsAnIoException(@TempDir Path dir) {
            assertThatThrownBy(() -> ElfLoader.read(dir.resolve("nope.elf"))).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void headerFieldOffsetsMatchTheBuilder() {
        // Guards the builder itself: a field patched at the wrong offset would make other tests vacuous.
        TestElfBuilder b = TestElfBuilder.typical();
        byte[] elf = b.build();
        assertThat(TestElfBuilder.getU32(elf, E_PHOFF)).isEqualTo(b.phOffset()).isEqualTo(52);
        assertThat(TestElfBuilder.getU32(elf, E_SHOFF)).isEqualTo(b.shOffset());
        assertThat(elf[E_EHSIZE]).isEqualTo((byte) 52);
        assertThat(elf[E_SHNUM]).isEqualTo((byte) 6);
        assertThat(TestElfBuilder.getU32(elf, b.ph(1) + P_VADDR)).isEqualTo(DRAM_BASE + 0x1000);
    }
}
