package dev.seedverify.golden.exec;

import dev.seedverify.golden.elf.ElfImage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The S1's DRAM (spec §1): little-endian bytes at {@link #BASE}, a power of two from 64 KiB to
 * 64 MiB. It also keeps the executor's decode cache so that every write path (stores, host
 * port, DMA, ELF loading, restore) invalidates stale decoded instructions in one place, and
 * tracks pages written since the last snapshot so restoring one is cheap.
 *
 * <p>Words that translated code was made from carry {@link #TRANSLATED} in their decode entry.
 * Losing such an entry (any write to the word, any drop of its page's entries) advances the
 * page's {@linkplain #codeEpoch code epoch}, which makes every translation made from that page
 * stale, and raises {@link #codeWritten} so a running translation stops after the write.
 *
 * <p>Addresses here are byte offsets from {@link #BASE}; callers check bounds and windows.
 */
public final class Memory {
    public static final int BASE = 0x8000_0000;
    public static final int DEFAULT_BYTES = 1 << 20;
    public static final int MIN_BYTES = 64 << 10;
    public static final int MAX_BYTES = 64 << 20;

    static final int PAGE_SHIFT = 12;
    static final int PAGE_BYTES = 1 << PAGE_SHIFT;
    /** Decode-entry flag (outside every field of the packed entry): translated code was made from this word. */
    static final long TRANSLATED = 1L << 31;
    private static final int WORDS_PER_PAGE_SHIFT = PAGE_SHIFT - 2;
    private static final int WORDS_PER_PAGE_MASK = (1 << WORDS_PER_PAGE_SHIFT) - 1;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    final byte[] bytes;
    /** Decoded instruction per word, by page; null page = nothing decoded there; 0 = not decoded. */
    private final long[][] decoded;
    /** Pages written since the last {@link #snapshot()}. */
    private final boolean[] dirty;
    /** Each page's share of {@link #digest()}, valid unless the page was written since it was computed. */
    private final long[] pageDigest;
    private final boolean[] pageDigestStale;
    private Image baseline;
    /** Per page: some decode entry on it carries {@link #TRANSLATED}. */
    private final boolean[] translatedPage;
    /** Per page: advanced whenever translated code made from the page may be stale. */
    final int[] codeEpoch;
    /** Advanced with every page's epoch: translations check their pages only when it moved. */
    int codeEpochSum;
    /** Set when a write made translated code stale; the translating engine polls and clears it. */
    boolean codeWritten;

    public Memory(int sizeBytes) {
        if (sizeBytes < MIN_BYTES || sizeBytes > MAX_BYTES || Integer.bitCount(sizeBytes) != 1) {
            throw new IllegalArgumentException("DRAM size must be a power of two from 64 KiB to 64 MiB, got " + sizeBytes);
        }
        bytes = new byte[sizeBytes];
        decoded = new long[sizeBytes >>> PAGE_SHIFT][];
        dirty = new boolean[sizeBytes >>> PAGE_SHIFT];
        translatedPage = new boolean[sizeBytes >>> PAGE_SHIFT];
        codeEpoch = new int[sizeBytes >>> PAGE_SHIFT];
        pageDigest = new long[sizeBytes >>> PAGE_SHIFT];
        pageDigestStale = new boolean[sizeBytes >>> PAGE_SHIFT];
        Arrays.fill(pageDigestStale, true);
    }

    public int size() { return bytes.length; }

    /** Exclusive end address (as an unsigned 32-bit value). */
    public long end() { return (BASE & 0xFFFF_FFFFL) + bytes.length; }

    /** Whether [address, address + length) lies inside DRAM (unsigned address arithmetic). */
    public boolean contains(int address, int length) {
        long off = (address & 0xFFFF_FFFFL) - (BASE & 0xFFFF_FFFFL);
        return off >= 0 && length >= 0 && off + length <= bytes.length;
    }

    // --- loads: offsets are in range and aligned (the executor checked) ---

    public int loadWord(int off) { return (int) INT.get(bytes, off); }

    public int loadHalf(int off) { return (short) SHORT.get(bytes, off); }

    public int loadByte(int off) { return bytes[off]; }

    // --- stores ---

    public void storeWord(int off, int value) {
        INT.set(bytes, off, value);
        touched(off);
    }

    public void storeHalf(int off, int value) {
        SHORT.set(bytes, off, (short) value);
        touched(off);
    }

    public void storeByte(int off, int value) {
        bytes[off] = (byte) value;
        touched(off);
    }

    /** Copies {@code length} bytes out (tile loads, host reads). */
    public void read(int off, byte[] dst, int dstOff, int length) {
        System.arraycopy(bytes, off, dst, dstOff, length);
    }

    /** Copies {@code length} bytes in (tile stores, host writes, loading); invalidates decoded code. */
    public void write(int off, byte[] src, int srcOff, int length) {
        System.arraycopy(src, srcOff, bytes, off, length);
        touched(off, length);
    }

    /** Sets {@code length} bytes at {@code off} to {@code value}. */
    public void fill(int off, int length, byte value) {
        Arrays.fill(bytes, off, off + length, value);
        touched(off, length);
    }

    /** memmove within DRAM. */
    public void move(int srcOff, int dstOff, int length) {
        System.arraycopy(bytes, srcOff, bytes, dstOff, length);
        touched(dstOff, length);
    }

    /** The {@link DramDigest} of all of DRAM (pages not written since the last call are not read again). */
    public long digest() {
        long sum = 0;
        for (int p = 0; p < pageDigest.length; p++) {
            if (pageDigestStale[p]) {
                pageDigest[p] = DramDigest.part(bytes, p << PAGE_SHIFT, 1 << PAGE_SHIFT, (long) p << WORDS_PER_PAGE_SHIFT);
                pageDigestStale[p] = false;
            }
            sum += pageDigest[p];
        }
        return sum;
    }

    /** Reads a byte as an unsigned value, with no bounds knowledge needed by the caller. */
    public int byteAt(int off) { return bytes[off] & 0xFF; }

    /**
     * Loads an ELF executable. Every segment is checked against DRAM before any byte is written,
     * so a bad image leaves memory untouched.
     */
    public void load(ElfImage image) {
        image.requireWithin(BASE, bytes.length);
        for (ElfImage.LoadSegment s : image.segments()) {
            int off = s.address() - BASE;
            write(off, s.data(), 0, s.data().length);
            fill(off + s.data().length, s.memorySize() - s.data().length, (byte) 0);
        }
    }

    /** Zeroes all of DRAM. */
    public void clear() {
        Arrays.fill(bytes, (byte) 0);
        dropDecodeCache();
        Arrays.fill(dirty, true);
        Arrays.fill(pageDigestStale, true);
    }

    // --- decode cache (owned by the executor's format; memory only invalidates it) ---

    /** Forgets every decoded instruction (the accessible window narrowed), and so every translation. */
    void dropDecodeCache() {
        for (int p = 0; p < decoded.length; p++) dropPage(p);
    }

    /** Forgets page {@code p}'s decoded instructions; translations made from it become stale. */
    private void dropPage(int p) {
        if (translatedPage[p]) codeChanged(p);
        decoded[p] = null;
    }

    /** Flags the (decoded) word at {@code off} as the source of translated code. */
    void markTranslated(int off) {
        int p = off >>> PAGE_SHIFT;
        decoded[p][(off >>> 2) & WORDS_PER_PAGE_MASK] |= TRANSLATED;
        translatedPage[p] = true;
    }

    /**
     * Translated code made from page {@code p} may be stale: advance its epoch, tell a running
     * translation, and clear the page's flags (every translation from it is now stale, so a later
     * write to one of those words need not count again).
     */
    private void codeChanged(int p) {
        codeEpoch[p]++;
        codeEpochSum++;
        codeWritten = true;
        translatedPage[p] = false;
        long[] page = decoded[p];
        if (page != null) for (int w = 0; w < page.length; w++) page[w] &= ~TRANSLATED;
    }

    /** The decode cache's pages (for the executor's loop, which reads them without a call). */
    long[][] decodedPages() { return decoded; }

    static int pageOf(int off) { return off >>> PAGE_SHIFT; }

    static int wordInPage(int off) { return (off >>> 2) & WORDS_PER_PAGE_MASK; }

    long decodedAt(int off) {
        long[] page = decoded[off >>> PAGE_SHIFT];
        return page == null ? 0 : page[(off >>> 2) & WORDS_PER_PAGE_MASK];
    }

    void cacheDecoded(int off, long entry) {
        long[] page = decoded[off >>> PAGE_SHIFT];
        if (page == null) page = decoded[off >>> PAGE_SHIFT] = new long[1 << WORDS_PER_PAGE_SHIFT];
        page[(off >>> 2) & WORDS_PER_PAGE_MASK] = entry;
    }

    /** Marks the word at {@code off} written by translated code (which stored it with {@link RawBytes}). */
    void stored(int off) { touched(off); }

    private void touched(int off) {
        int p = off >>> PAGE_SHIFT;
        dirty[p] = true;
        pageDigestStale[p] = true;
        long[] page = decoded[p];
        if (page != null) {
            int w = (off >>> 2) & WORDS_PER_PAGE_MASK;
            long entry = page[w];
            page[w] = 0;
            if ((entry & TRANSLATED) != 0) codeChanged(p);
        }
    }

    /**
     * Marks [off, off + length) written: a page written whole loses its decode cache, a page
     * written in part loses only the decoded words it touched (a tile store next to running code
     * must not force the code page to be decoded again).
     */
    private void touched(int off, int length) {
        if (length <= 0) return;
        int end = off + length;
        int first = off >>> PAGE_SHIFT, last = (end - 1) >>> PAGE_SHIFT;
        for (int p = first; p <= last; p++) {
            dirty[p] = true;
            pageDigestStale[p] = true;
            long[] page = decoded[p];
            if (page == null) continue;
            int pageStart = p << PAGE_SHIFT;
            int from = Math.max(off, pageStart), to = Math.min(end, pageStart + (1 << PAGE_SHIFT));
            if (from == pageStart && to == pageStart + (1 << PAGE_SHIFT)) {
                dropPage(p);
            } else {
                int fromWord = (from >>> 2) & WORDS_PER_PAGE_MASK, toWord = ((to - 1) >>> 2 & WORDS_PER_PAGE_MASK) + 1;
                if (translatedPage[p]) {
                    for (int w = fromWord; w < toWord; w++) {
                        if ((page[w] & TRANSLATED) != 0) {
                            codeChanged(p);
                            break;
                        }
                    }
                }
                Arrays.fill(page, fromWord, toWord, 0L);
            }
        }
    }

    // --- snapshots ---

    /** An immutable copy of DRAM. */
    public static final class Image {
        final byte[] bytes;

        private Image(byte[] bytes) { this.bytes = bytes; }

        public int size() { return bytes.length; }
    }

    /** Copies DRAM; later writes are tracked by page so restoring this image copies only those. */
    public Image snapshot() {
        Image img = new Image(bytes.clone());
        Arrays.fill(dirty, false);
        baseline = img;
        return img;
    }

    /** Restores DRAM to {@code image}. */
    public void restore(Image image) {
        if (image.bytes.length != bytes.length) {
            throw new IllegalArgumentException("snapshot of " + image.bytes.length + " bytes cannot restore a DRAM of " + bytes.length);
        }
        if (image == baseline) {
            int pageBytes = 1 << PAGE_SHIFT;
            for (int p = 0; p < dirty.length; p++) {
                if (dirty[p]) {
                    System.arraycopy(image.bytes, p << PAGE_SHIFT, bytes, p << PAGE_SHIFT, pageBytes);
                    dropPage(p);
                    dirty[p] = false;
                    pageDigestStale[p] = true;
                }
            }
        } else {
            System.arraycopy(image.bytes, 0, bytes, 0, bytes.length);
            dropDecodeCache();
            Arrays.fill(dirty, false);
            Arrays.fill(pageDigestStale, true);
            baseline = image;
        }
    }
}
