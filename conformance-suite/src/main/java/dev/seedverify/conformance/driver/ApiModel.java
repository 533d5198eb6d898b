package dev.seedverify.conformance.driver;

import dev.seedverify.golden.exec.Memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain model of what the driver API promises, independent of how the driver does it: the
 * live allocations (no overlap, aligned, inside DRAM, clear of the ring), when an out-of-memory
 * is legitimate (no hole of the map fits), the bytes of DRAM as the API's operations define them,
 * and the result each command must produce. The model takes the addresses the driver chose (the
 * API does not promise placement) once they pass its checks.
 */
final class ApiModel {
    /** A block of the model's map. */
    static final class Block {
        final String label;
        final long address;
        final int bytes;
        boolean live = true;

        Block(String label, long address, int bytes) {
            this.label = label;
            this.address = address;
            this.bytes = bytes;
        }

        long end() { return address + bytes; }
    }

    private final long dramBase = Integer.toUnsignedLong(Memory.BASE), dramEnd;
    private final long reservedStart, reservedEnd;
    private final byte[] dram;
    final Map<String, Block> blocks = new LinkedHashMap<>();

    ApiModel(int dramBytes, long reservedStart, long reservedEnd) {
        this.dramEnd = dramBase + dramBytes;
        this.reservedStart = reservedStart;
        this.reservedEnd = reservedEnd;
        this.dram = new byte[dramBytes];
    }

    Block block(String label) { return blocks.get(label); }

    List<Block> live() {
        List<Block> out = new ArrayList<>();
        for (Block b : blocks.values()) if (b.live) out.add(b);
        return out;
    }

    /** Why an allocation the driver made breaks the API's promises, or null. */
    String checkNewBlock(long address, long bytes, int align) {
        if (address % align != 0) return String.format("0x%08x is not aligned to %d", address, align);
        if (address < dramBase || address + bytes > dramEnd) return String.format("[0x%08x, +%d) is not inside DRAM", address, bytes);
        if (address < reservedEnd && reservedStart < address + bytes) return String.format("[0x%08x, +%d) overlaps the driver's ring", address, bytes);
        for (Block b : live()) {
            if (address < b.end() && b.address < address + bytes) return String.format("[0x%08x, +%d) overlaps live %s [0x%08x, +%d)", address, bytes, b.label, b.address, b.bytes);
        }
        return null;
    }

    /** Whether some hole of the map holds {@code bytes} at a multiple of {@code align} (else out-of-memory is legitimate). */
    boolean fits(long bytes, int align) {
        List<long[]> taken = new ArrayList<>();
        taken.add(new long[] {reservedStart, reservedEnd});
        for (Block b : live()) taken.add(new long[] {b.address, b.end()});
        taken.sort((x, y) -> Long.compare(x[0], y[0]));
        long at = dramBase;
        for (long[] t : taken) {
            long start = (at + align - 1) & -(long) align;
            if (start + bytes <= t[0]) return true;
            at = Math.max(at, t[1]);
        }
        long start = (at + align - 1) & -(long) align;
        return start + bytes <= dramEnd;
    }

    void add(String label, long address, int bytes) { blocks.put(label, new Block(label, address, bytes)); }

    void free(String label) { blocks.get(label).live = false; }

    // ------------------------------------------------------------------ DRAM

    void write(long address, byte[] data) { System.arraycopy(data, 0, dram, (int) (address - dramBase), data.length); }

    byte[] read(long address, int length) {
        byte[] out = new byte[length];
        System.arraycopy(dram, (int) (address - dramBase), out, 0, length);
        return out;
    }

    int word(long address) {
        int o = (int) (address - dramBase);
        return (dram[o] & 0xFF) | (dram[o + 1] & 0xFF) << 8 | (dram[o + 2] & 0xFF) << 16 | dram[o + 3] << 24;
    }

    void writeWord(long address, int v) {
        write(address, new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    /** memmove. */
    void copy(long dst, long src, int length) {
        System.arraycopy(dram, (int) (src - dramBase), dram, (int) (dst - dramBase), length);
    }

    /** The byte at address a gets pattern byte a mod 4. */
    void fill(long dst, int length, int pattern) {
        for (long a = dst; a < dst + length; a++) dram[(int) (a - dramBase)] = (byte) (pattern >>> (8 * (a & 3)));
    }
}
