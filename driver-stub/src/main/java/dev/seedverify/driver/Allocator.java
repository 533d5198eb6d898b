package dev.seedverify.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * First-fit allocator of one address range: blocks are aligned, never overlap, and a freed
 * block merges with free neighbours, so fragmentation lasts only while live blocks separate the
 * holes. Pure bookkeeping (no device access), so the driver checks a request fully before the
 * device sees anything.
 */
final class Allocator {
    private final long base, end;
    /** Free holes: start → end (exclusive), disjoint and never adjacent (adjacent holes merge). */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    /** Live blocks: start → end. */
    private final TreeMap<Long, Long> used = new TreeMap<>();
    private final DriverBug bug;
    /** The start of the block freed last (only {@link DriverBug#FREED_BLOCK_HANDED_OUT_TWICE} uses it). */
    private long lastFreed = -1;

    Allocator(long base, long bytes, DriverBug bug) {
        this.base = base;
        this.end = base + bytes;
        this.bug = bug;
        if (bytes > 0) free.put(base, end);
    }

    /** The start of a new block of {@code bytes} aligned to {@code align} (a power of two), or -1 if no hole fits. */
    long allocate(long bytes, long align) {
        long effectiveAlign = bug == DriverBug.ALIGNMENT_IGNORED ? 4 : align;
        for (Map.Entry<Long, Long> hole : free.entrySet()) {
            long start = (hole.getKey() + effectiveAlign - 1) & -effectiveAlign;
            if (start + bytes <= hole.getValue()) {
                long holeStart = hole.getKey(), holeEnd = hole.getValue();
                if (bug == DriverBug.FREED_BLOCK_HANDED_OUT_TWICE && lastFreed == holeStart && start == holeStart) {
                    // The bug: the block just freed is handed out but its hole stays on the free list.
                    lastFreed = -1;
                    used.put(start, start + bytes);
                    return start;
                }
                free.remove(holeStart);
                if (holeStart < start) free.put(holeStart, start);
                if (start + bytes < holeEnd) free.put(start + bytes, holeEnd);
                used.put(start, start + bytes);
                return start;
            }
        }
        return -1;
    }

    /** Frees the block starting at {@code start} (which the caller knows is live). */
    void release(long start) {
        Long blockEnd = used.remove(start);
        if (blockEnd == null) throw new IllegalStateException(String.format("no live block at 0x%08x", start));
        long s = start, e = blockEnd;
        Map.Entry<Long, Long> before = free.floorEntry(s);
        if (before != null && before.getValue() == s) {
            s = before.getKey();
            free.remove(before.getKey());
        }
        Long after = free.get(e);
        if (after != null) {
            free.remove(e);
            e = after;
        }
        free.put(s, e);
        lastFreed = start;
    }

    /** Bytes in holes. */
    long freeBytes() {
        long n = 0;
        for (Map.Entry<Long, Long> h : free.entrySet()) n += h.getValue() - h.getKey();
        return n;
    }

    /** The largest hole. */
    long largestHole() {
        long n = 0;
        for (Map.Entry<Long, Long> h : free.entrySet()) n = Math.max(n, h.getValue() - h.getKey());
        return n;
    }

    /** The holes as [start, end) pairs, in address order. */
    List<long[]> holes() {
        List<long[]> out = new ArrayList<>();
        for (Map.Entry<Long, Long> h : free.entrySet()) out.add(new long[] {h.getKey(), h.getValue()});
        return out;
    }

    long base() { return base; }

    long end() { return end; }
}
