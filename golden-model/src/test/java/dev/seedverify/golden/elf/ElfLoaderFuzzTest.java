package dev.seedverify.golden.elf;

import static dev.seedverify.golden.elf.TestElfBuilder.DRAM_BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.elf.ElfImage.LoadSegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Robustness: whatever bytes it is given, {@link ElfLoader#parse} returns a consistent image or
 * throws {@link ElfFormatException} — never an ArrayIndexOutOfBounds, NegativeArraySize,
 * OutOfMemory or any other exception. Inputs are a valid image with random bytes, random header /
 * program header / section header / symbol fields set to boundary values, and random truncations.
 */
class ElfLoaderFuzzTest {

    /** A valid image with a little of everything: non-load segments, bss, symbols of all kinds. */
    private static final TestElfBuilder BUILDER = new TestElfBuilder()
            .segment(new TestElfBuilder.Segment(TestElfBuilder.PT_RISCV_ATTRIBUTES, 0, 0,
                    "Ariscv\0".getBytes(StandardCharsets.US_ASCII), 0, 4))
            .load(DRAM_BASE, TestElfBuilder.words(0x00000297, 0x00028293, 0x0000006f, 0x13, 0x13), 20)
            .load(DRAM_BASE + 0x1000, TestElfBuilder.words(0, 0, 0xdeadbeef, 0x12345678), 0x80)
            .load(DRAM_BASE + 0x2000, new byte[0], 0x100)
            .symbol("_start", DRAM_BASE)
            .symbol("tohost", DRAM_BASE + 0x1000, TestElfBuilder.STB_GLOBAL, TestElfBuilder.STT_OBJECT, TestElfBuilder.SHN_AUTO)
            .symbol("local", DRAM_BASE + 4, TestElfBuilder.STB_LOCAL, TestElfBuilder.STT_FUNC, TestElfBuilder.SHN_AUTO)
            .symbol("weak", DRAM_BASE + 8, TestElfBuilder.STB_WEAK, TestElfBuilder.STT_NOTYPE, TestElfBuilder.SHN_AUTO)
            .symbol("undef", 0, TestElfBuilder.STB_GLOBAL, TestElfBuilder.STT_NOTYPE, TestElfBuilder.SHN_UNDEF)
            .symbol("begin_signature", DRAM_BASE + 0x1008)
            .symbol("end_signature", DRAM_BASE + 0x1010);
    private static final byte[] BASE = BUILDER.build();

    /** Offsets of every multi-byte field the loader reads (value: field width 2 or 4). */
    private static final Map<Integer, Integer> FIELDS = fields();

    private static final int[] INTERESTING = {
            0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 39, 40, 52, 64, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000,
            0xfff1, 0xfff2, 0xfffe, 0xffff, 0x10000, 0x7fff_ffff, 0x8000_0000, 0x8000_0001, 0xffff_fff0,
            0xffff_fffc, 0xffff_ffff, DRAM_BASE + 0x1000,
            BASE.length - 1, BASE.length, BASE.length + 1, BASE.length / 2, BASE.length - 32, BASE.length - 40};

    sealed interface Mutation permits SetByte, SetField, Truncate {
        void apply(byte[][] elf);
    }

    record SetByte(int offset, byte value) implements Mutation {
        public void apply(byte[][] elf) {
            if (offset < elf[0].length) {
                elf[0][offset] = value;
            }
        }
    }

    record SetField(int offset, int width, int value) implements Mutation {
        public void apply(byte[][] elf) {
            for (int i = 0; i < width && offset + i < elf[0].length; i++) {
                elf[0][offset + i] = (byte) (value >>> (8 * i));
            }
        }
    }

    record Truncate(int length) implements Mutation {
        public void apply(byte[][] elf) {
            elf[0] = Arrays.copyOf(elf[0], Math.min(length, elf[0].length));
        }
    }

    @Property(tries = 3000)
    void parseOfMutatedImageReturnsImageOrThrowsElfFormatException(@ForAll("mutationLists") List<Mutation> mutations) {
        byte[][] elf = {BASE.clone()};
        for (Mutation m : mutations) {
            m.apply(elf);
        }
        parseOrReject(elf[0]);
    }

    @Property(tries = 1000)
    void parseOfRandomBytesAfterAValidHeaderPrefixReturnsImageOrThrowsElfFormatException(
            @ForAll("garbageAfterHeader") byte[] elf) {
        parseOrReject(elf);
    }

    @Property(tries = 500)
    void parseOfArbitraryBytesThrowsOnlyElfFormatException(@ForAll byte[] bytes) {
        parseOrReject(bytes);
    }

    /** Valid images built from random segments and symbols come back exactly as built. */
    @Property(tries = 300)
    void validImagesRoundTrip(@ForAll("segmentLists") List<LoadSegment> segments,
                              @ForAll("symbolMaps") Map<String, Integer> symbols) {
        TestElfBuilder b = new TestElfBuilder().entry(DRAM_BASE + 4);
        for (LoadSegment s : segments) {
            b.load(s.address(), s.data(), s.memorySize());
        }
        symbols.forEach((name, value) -> b.symbol(name, value, TestElfBuilder.STB_GLOBAL,
                TestElfBuilder.STT_OBJECT, TestElfBuilder.SHN_ABS));

        ElfImage image = ElfLoader.parse(b.build(), "rt.elf");

        assertThat(image.entry()).isEqualTo(DRAM_BASE + 4);
        assertThat(image.segments()).containsExactlyElementsOf(segments);
        assertThat(image.symbols()).isEqualTo(symbols);
    }

    private static void parseOrReject(byte[] elf) {
        ElfImage image;
        try {
            image = ElfLoader.parse(elf, "fuzz.elf");
        } catch (ElfFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.elf: ");
            assertThat(e.problem()).isNotBlank();
            return;
        }
        // Accepted: the image must be internally consistent.
        assertThat(image.segments()).isNotEmpty();
        List<LoadSegment> sorted = new ArrayList<>(image.segments());
        sorted.sort(Comparator.comparingLong(LoadSegment::startAddress));
        long totalFile = 0;
        for (int i = 0; i < sorted.size(); i++) {
            LoadSegment s = sorted.get(i);
            assertThat(s.fileSize()).isLessThanOrEqualTo(s.memorySize());
            assertThat(s.endAddress()).isLessThanOrEqualTo(1L << 32);
            if (i > 0) {
                assertThat(sorted.get(i - 1).endAddress()).isLessThanOrEqualTo(s.startAddress());
            }
            totalFile += s.fileSize();
        }
        assertThat(totalFile).isLessThanOrEqualTo(elf.length);
        try {
            image.requireWithin(DRAM_BASE, 1 << 20);
        } catch (ElfFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.elf: segment ").contains(" lies outside DRAM ");
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutationLists() {
        Arbitrary<Mutation> setByte = Combinators.combine(
                        Arbitraries.integers().between(0, BASE.length - 1), Arbitraries.bytes())
                .as(SetByte::new);
        List<Integer> offsets = new ArrayList<>(FIELDS.keySet());
        Arbitrary<Integer> values = Arbitraries.oneOf(
                Arbitraries.of(Arrays.stream(INTERESTING).boxed().toList()), Arbitraries.integers());
        Arbitrary<Mutation> setField = Combinators.combine(Arbitraries.of(offsets), values)
                .as((off, v) -> new SetField(off, FIELDS.get(off), v));
        Arbitrary<Mutation> truncate = Arbitraries.integers().between(0, BASE.length).map(Truncate::new);
        Arbitrary<Mutation> any = Arbitraries.frequencyOf(
                Tuple.of(4, setField), Tuple.of(3, setByte), Tuple.of(1, truncate));
        return any.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<byte[]> garbageAfterHeader() {
        // Keep a valid identification, e_type, e_machine and e_version so parsing goes deep.
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(600).map(tail -> {
            byte[] elf = Arrays.copyOf(BASE, 24 + tail.length);
            System.arraycopy(tail, 0, elf, 24, tail.length);
            return elf;
        });
    }

    @Provide
    Arbitrary<List<LoadSegment>> segmentLists() {
        // Segment i lives in its own 64 KiB slot, so segments never overlap.
        Arbitrary<LoadSegment> seg = Combinators.combine(
                Arbitraries.integers().between(0, 0x8000),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                Arbitraries.integers().between(0, 64))
                .as((off, data, extra) -> new LoadSegment(off, data, Math.max(1, data.length + extra)));
        return seg.list().ofMinSize(1).ofMaxSize(5).map(list -> {
            List<LoadSegment> placed = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                LoadSegment s = list.get(i);
                placed.add(new LoadSegment(DRAM_BASE + i * 0x10000 + s.address(), s.data(), s.memorySize()));
            }
            return placed;
        });
    }

    @Provide
    Arbitrary<Map<String, Integer>> symbolMaps() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(12);
        return Arbitraries.maps(names, Arbitraries.integers()).ofMaxSize(10).map(LinkedHashMap::new);
    }

    private static Map<Integer, Integer> fields() {
        Map<Integer, Integer> f = new LinkedHashMap<>();
        for (int off : new int[] {TestElfBuilder.E_TYPE, TestElfBuilder.E_MACHINE, TestElfBuilder.E_EHSIZE,
                TestElfBuilder.E_PHENTSIZE, TestElfBuilder.E_PHNUM, TestElfBuilder.E_SHENTSIZE,
                TestElfBuilder.E_SHNUM, TestElfBuilder.E_SHSTRNDX}) {
            f.put(off, 2);
        }
        for (int off : new int[] {TestElfBuilder.E_VERSION, TestElfBuilder.E_ENTRY, TestElfBuilder.E_PHOFF,
                TestElfBuilder.E_SHOFF, TestElfBuilder.E_FLAGS}) {
            f.put(off, 4);
        }
        for (int i = 0; i < 4; i++) {
            for (int field = 0; field < 32; field += 4) {
                f.put(BUILDER.ph(i) + field, 4);
            }
        }
        int shnum = TestElfBuilder.getU32(BASE, TestElfBuilder.E_SHNUM) & 0xffff;
        for (int i = 0; i < shnum; i++) {
            for (int field = 0; field < 40; field += 4) {
                f.put(BUILDER.sh(i) + field, 4);
            }
        }
        for (int i = 0; i <= 7; i++) {
            f.put(BUILDER.sym(i) + TestElfBuilder.ST_NAME, 4);
            f.put(BUILDER.sym(i) + TestElfBuilder.ST_VALUE, 4);
            f.put(BUILDER.sym(i) + TestElfBuilder.ST_INFO, 1);
            f.put(BUILDER.sym(i) + TestElfBuilder.ST_SHNDX, 2);
        }
        return f;
    }
}
