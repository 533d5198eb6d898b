package dev.seedverify.golden.exec;

import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Tiles;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The architectural state of an S1 hart between two instructions (spec §1, §2.1): the 32 GPRs,
 * the pc of the next instruction, what every CSR of §1.1 and §2.3 reads (by address), the eight
 * tiles and a {@link DramDigest} of all of DRAM. An immutable value; where it comes from (the
 * golden model's {@link Hart}, an RTL simulation's backdoors) and what it is compared with is
 * its users' business.
 */
public final class ArchState {
    private final int[] gprs;
    private final int pc;
    private final SortedMap<Integer, Integer> csrs;
    private final byte[] tiles;
    private final long dramDigest;

    private ArchState(int[] gprs, int pc, SortedMap<Integer, Integer> csrs, byte[] tiles, long dramDigest) {
        this.gprs = gprs;
        this.pc = pc;
        this.csrs = csrs;
        this.tiles = tiles;
        this.dramDigest = dramDigest;
    }

    /** The state of {@code hart} now (CSR values as an instruction would read them next). */
    public static ArchState of(Hart hart) {
        int[] x = new int[32];
        for (int r = 1; r < 32; r++) x[r] = hart.x(r);
        SortedMap<Integer, Integer> csrs = new TreeMap<>();
        for (Csr c : Csr.values()) csrs.put(c.address(), hart.csr(c));
        byte[] tiles = new byte[Tiles.COUNT * Tiles.TILE_BYTES];
        for (int t = 0; t < Tiles.COUNT; t++) System.arraycopy(hart.tiles().tile(t), 0, tiles, t * Tiles.TILE_BYTES, Tiles.TILE_BYTES);
        return new ArchState(x, hart.pc(), Collections.unmodifiableSortedMap(csrs), tiles, hart.memory().digest());
    }

    /**
     * A state from its parts (copied).
     *
     * @param gprs       x0..x31 (x0 must be 0)
     * @param csrs       the value of every CSR of {@link Csr}, by address, and nothing else
     * @param tiles      the eight tiles, 256 bytes each (row r at bytes 32r..32r+31)
     * @param dramDigest {@link DramDigest} of all of DRAM
     * @throws IllegalArgumentException when a part has the wrong shape
     */
    public static ArchState of(int[] gprs, int pc, Map<Integer, Integer> csrs, byte[][] tiles, long dramDigest) {
        Objects.requireNonNull(gprs, "gprs");
        Objects.requireNonNull(csrs, "csrs");
        Objects.requireNonNull(tiles, "tiles");
        if (gprs.length != 32) throw new IllegalArgumentException("32 GPRs expected, got " + gprs.length);
        if (gprs[0] != 0) throw new IllegalArgumentException("x0 reads " + gprs[0] + ", not 0");
        SortedMap<Integer, Integer> c = new TreeMap<>(csrs);
        for (Csr csr : Csr.values()) {
            if (!c.containsKey(csr.address())) throw new IllegalArgumentException("no value for CSR " + csr.mnemonic());
        }
        if (c.size() != Csr.values().length) {
            c.keySet().removeIf(a -> Csr.byAddress(a) != null);
            throw new IllegalArgumentException(String.format("not CSRs of the S1: %s", c.keySet().stream()
                    .map(a -> String.format("0x%03x", a)).toList()));
        }
        if (tiles.length != Tiles.COUNT) throw new IllegalArgumentException(Tiles.COUNT + " tiles expected, got " + tiles.length);
        byte[] t = new byte[Tiles.COUNT * Tiles.TILE_BYTES];
        for (int i = 0; i < Tiles.COUNT; i++) {
            if (tiles[i] == null || tiles[i].length != Tiles.TILE_BYTES) {
                throw new IllegalArgumentException("tile " + i + " must have " + Tiles.TILE_BYTES + " bytes");
            }
            System.arraycopy(tiles[i], 0, t, i * Tiles.TILE_BYTES, Tiles.TILE_BYTES);
        }
        return new ArchState(gprs.clone(), pc, Collections.unmodifiableSortedMap(c), t, dramDigest);
    }

    /** x{@code index}. */
    public int gpr(int index) {
        Objects.checkIndex(index, 32);
        return gprs[index];
    }

    /** The pc of the next instruction. */
    public int pc() { return pc; }

    /** What CSR {@code csr} reads. */
    public int csr(Csr csr) { return csrs.get(csr.address()); }

    /** Every CSR's value by address (unmodifiable). */
    public SortedMap<Integer, Integer> csrs() { return csrs; }

    /** Word {@code word} (0..63, little-endian) of tile {@code tile}. */
    public int tileWord(int tile, int word) {
        Objects.checkIndex(tile, Tiles.COUNT);
        Objects.checkIndex(word, Tiles.WORDS);
        int o = tile * Tiles.TILE_BYTES + 4 * word;
        return (tiles[o] & 0xFF) | (tiles[o + 1] & 0xFF) << 8 | (tiles[o + 2] & 0xFF) << 16 | tiles[o + 3] << 24;
    }

    /** A copy of tile {@code tile}'s 256 bytes. */
    public byte[] tile(int tile) {
        Objects.checkIndex(tile, Tiles.COUNT);
        return Arrays.copyOfRange(tiles, tile * Tiles.TILE_BYTES, (tile + 1) * Tiles.TILE_BYTES);
    }

    public long dramDigest() { return dramDigest; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchState s && pc == s.pc && dramDigest == s.dramDigest && Arrays.equals(gprs, s.gprs)
                && csrs.equals(s.csrs) && Arrays.equals(tiles, s.tiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pc, dramDigest, Arrays.hashCode(gprs), csrs, Arrays.hashCode(tiles));
    }

    @Override
    public String toString() {
        return String.format("ArchState[pc 0x%08x, dram digest 0x%016x]", pc, dramDigest);
    }
}
