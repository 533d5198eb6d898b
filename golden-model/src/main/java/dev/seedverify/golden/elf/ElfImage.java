package dev.seedverify.golden.elf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A validated, immutable RV32 executable: what {@link ElfLoader} makes of an ELF file.
 *
 * <ul>
 *   <li>{@link #segments()}: the {@code PT_LOAD} program headers with {@code p_memsz > 0}, in
 *       program-header order, at their {@code p_vaddr}. (Bare-metal RISC-V link maps have
 *       {@code p_vaddr == p_paddr}; SeedChip S1 has no MMU, so the loader uses {@code p_vaddr}
 *       and ignores {@code p_paddr}.) Their memory ranges never overlap.</li>
 *   <li>{@link #symbols()}: the defined, named {@code NOTYPE}/{@code OBJECT}/{@code FUNC}
 *       symbols of {@code .symtab}; see {@link ElfLoader} for the exact rules.</li>
 *   <li>{@link #entry()}: {@code e_entry}. Note that in bare mode the core starts at
 *       {@code 0x8000_0000} whatever the entry (spec §3); the loader does not check that the
 *       entry lies in a segment.</li>
 * </ul>
 *
 * <p>Nothing here knows the DRAM size: the memory model calls {@link #requireWithin(int, int)}
 * with its own bounds before it copies any byte, so an image that does not fit is rejected
 * whole, never half-loaded.
 */
public final class ElfImage {

    /** {@link #name()} of an image parsed from bytes without a name. */
    public static final String UNNAMED = "<memory>";

    /** {@code e_flags} bit: the code may contain compressed (C extension) instructions. */
    public static final int EF_RISCV_RVC = 0x1;

    private final String name;
    private final int entry;
    private final int flags;
    private final List<LoadSegment> segments;
    /** For each segment, the number used for it in messages (its program header index). */
    private final int[] segmentNumbers;
    private final Map<String, Integer> symbols;

    /**
     * An image built directly (for tests and tools that do not start from an ELF file). Segment
     * numbers in messages are the indices in {@code segments}; {@link #flags()} is 0.
     *
     * @throws IllegalArgumentException if two segments overlap in memory
     */
    public ElfImage(String name, int entry, List<LoadSegment> segments, Map<String, Integer> symbols) {
        this(name, entry, 0, segments, indices(segments.size()), symbols);
        checkNoOverlap(this.segments, this.segmentNumbers);
    }

    /** Used by the loader, which has already validated everything. */
    ElfImage(String name, int entry, int flags, List<LoadSegment> segments, int[] segmentNumbers,
             Map<String, Integer> symbols) {
        this.name = ElfFormatException.label(name);
        this.entry = entry;
        this.flags = flags;
        this.segments = List.copyOf(segments);
        if (segmentNumbers.length != this.segments.size()) {
            throw new IllegalArgumentException("one segment number per segment expected");
        }
        this.segmentNumbers = segmentNumbers.clone();
        this.symbols = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(symbols, "symbols")));
        for (Map.Entry<String, Integer> e : this.symbols.entrySet()) {
            Objects.requireNonNull(e.getValue(), () -> "symbol " + e.getKey() + " has no value");
        }
    }

    /** The file name given to the loader (the path as passed to {@link ElfLoader#read}), or {@code "<memory>"}. */
    public String name() {
        return name;
    }

    /** {@code e_entry}, an unsigned 32-bit address. */
    public int entry() {
        return entry;
    }

    /** {@code e_flags} (e.g. {@link #EF_RISCV_RVC}); accepted as found, never interpreted by the loader. */
    public int flags() {
        return flags;
    }

    /** The loadable segments (immutable list, program-header order). */
    public List<LoadSegment> segments() {
        return segments;
    }

    /** Symbol name to unsigned 32-bit value, sorted by name (immutable). */
    public Map<String, Integer> symbols() {
        return symbols;
    }

    /** The value of the symbol {@code name}, if the image defines it. */
    public OptionalInt symbol(String name) {
        Integer v = symbols.get(name);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** Address of {@code tohost} (HTIF: a non-zero store there ends a bare-mode run, spec §3). */
    public OptionalInt tohost() {
        return symbol("tohost");
    }

    /** Address of {@code begin_signature} (start of an architectural-test signature region). */
    public OptionalInt beginSignature() {
        return symbol("begin_signature");
    }

    /** Address of {@code end_signature} (exclusive end of the signature region). */
    public OptionalInt endSignature() {
        return symbol("end_signature");
    }

    /**
     * Checks that every segment lies entirely inside the DRAM range {@code [base, base + sizeBytes)}.
     * Same as {@code requireWithin(base, sizeBytes, "DRAM")}.
     */
    public void requireWithin(int base, int sizeBytes) {
        requireWithin(base, sizeBytes, "DRAM");
    }

    /**
     * Checks that every segment (including its zero-filled tail) lies entirely inside
     * {@code [base, base + sizeBytes)}, where {@code base} and {@code sizeBytes} are unsigned and
     * the end may be 2<sup>32</sup>.
     *
     * @param region what the range is, for the message (e.g. {@code "DRAM"}, {@code "the launch window"})
     * @throws ElfFormatException naming the first segment (in {@link #segments()} order) that is
     *         not inside, e.g. {@code "prog.elf: segment 1 [0x80000000, 0x80200000) lies outside DRAM
     *         [0x80000000, 0x80100000)"}
     */
    public void requireWithin(int base, int sizeBytes, String region) {
        long lo = Integer.toUnsignedLong(base);
        long hi = lo + Integer.toUnsignedLong(sizeBytes);
        for (int i = 0; i < segments.size(); i++) {
            LoadSegment s = segments.get(i);
            if (s.startAddress() < lo || s.endAddress() > hi) {
                throw new ElfFormatException(name, String.format(
                        "segment %d [%s, %s) lies outside %s [%s, %s)",
                        segmentNumbers[i], hex(s.startAddress()), hex(s.endAddress()), region, hex(lo), hex(hi)));
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ElfImage[").append(name).append(", entry ").append(hex(entry & 0xFFFF_FFFFL));
        for (int i = 0; i < segments.size(); i++) {
            LoadSegment s = segments.get(i);
            sb.append(String.format(", segment %d [%s, %s) file 0x%x", segmentNumbers[i],
                    hex(s.startAddress()), hex(s.endAddress()), s.fileSize()));
        }
        return sb.append(", ").append(symbols.size()).append(" symbols]").toString();
    }

    /** {@code 0x%08x} for an unsigned value (9 digits for 2<sup>32</sup>). */
    static String hex(long v) {
        return String.format("0x%08x", v);
    }

    private static int[] indices(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void checkNoOverlap(List<LoadSegment> segments, int[] numbers) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> segments.get(i).startAddress()));
        for (int k = 1; k < order.size(); k++) {
            LoadSegment a = segments.get(order.get(k - 1));
            LoadSegment b = segments.get(order.get(k));
            if (a.endAddress() > b.startAddress()) {
                throw new IllegalArgumentException(String.format(
                        "segments %d [%s, %s) and %d [%s, %s) overlap",
                        numbers[order.get(k - 1)], hex(a.startAddress()), hex(a.endAddress()),
                        numbers[order.get(k)], hex(b.startAddress()), hex(b.endAddress())));
            }
        }
    }

    /**
     * One loadable segment of an {@link ElfImage}: {@code memorySize} bytes at {@code address}, of
     * which the first {@code data.length} come from the file and the rest are zero ({@code .bss}).
     *
     * <p>Immutable: {@code data} is copied on construction and {@link #data()} returns a copy.
     * Addresses are unsigned 32-bit values held in an {@code int}; {@link #endAddress()} is the
     * exclusive end as an unsigned {@code long} (it may be exactly 2<sup>32</sup>).
     *
     * @param address    first byte's address (the ELF {@code p_vaddr}), unsigned
     * @param data       the bytes from the file ({@code p_filesz} of them)
     * @param memorySize bytes occupied in memory ({@code p_memsz}), {@code > 0} and {@code >= data.length}
     */
    public record LoadSegment(int address, byte[] data, int memorySize) {

        public LoadSegment {
            Objects.requireNonNull(data, "data");
            if (memorySize <= 0) {
                throw new IllegalArgumentException("memorySize must be positive, was " + memorySize);
            }
            if (data.length > memorySize) {
                throw new IllegalArgumentException(
                        "data (" + data.length + " bytes) is longer than memorySize " + memorySize);
            }
            if (Integer.toUnsignedLong(address) + memorySize > (1L << 32)) {
                throw new IllegalArgumentException(String.format(
                        "segment [0x%08x, 0x%x) wraps past the end of the 32-bit address space",
                        address, Integer.toUnsignedLong(address) + memorySize));
            }
            data = data.clone();
        }

        /** A copy of the bytes that come from the file; bytes {@code data().length .. memorySize-1} are zero. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        /** Number of bytes that come from the file ({@code p_filesz}). */
        public int fileSize() {
            return data.length;
        }

        /** The file byte at {@code offset} from {@link #address()}, or 0 in the zero-filled tail. */
        public byte byteAt(int offset) {
            Objects.checkIndex(offset, memorySize);
            return offset < data.length ? data[offset] : 0;
        }

        /** Unsigned start address as a {@code long}. */
        public long startAddress() {
            return Integer.toUnsignedLong(address);
        }

        /** Exclusive end address ({@code address + memorySize}) as an unsigned {@code long}; at most 2<sup>32</sup>. */
        public long endAddress() {
            return Integer.toUnsignedLong(address) + memorySize;
        }

        /** Whether the unsigned address {@code a} lies in {@code [address, address + memorySize)}. */
        public boolean contains(int a) {
            long u = Integer.toUnsignedLong(a);
            return u >= startAddress() && u < endAddress();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LoadSegment s
                    && s.address == address
                    && s.memorySize == memorySize
                    && Arrays.equals(s.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * address + memorySize) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("LoadSegment[0x%08x, 0x%x) file 0x%x bytes", address, endAddress(), data.length);
        }
    }
}
