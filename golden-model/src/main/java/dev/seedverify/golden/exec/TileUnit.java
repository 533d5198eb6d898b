package dev.seedverify.golden.exec;

import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Tiles;
import dev.seedverify.golden.numerics.Binary32;
import dev.seedverify.golden.numerics.E4M3;
import dev.seedverify.golden.numerics.E4M3Block;
import dev.seedverify.golden.numerics.Requant;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Xseed tile unit (spec §2): eight 256-byte tiles, the Xseed CSRs and the tile arithmetic.
 * Compute methods return the xsstat flags they raise; the hart makes them sticky. Each result is
 * computed into scratch before the destination is written, so operands may alias it.
 */
public final class TileUnit {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Tile t occupies bytes [256t, 256t + 256). */
    final byte[] tiles = new byte[Tiles.COUNT * Tiles.TILE_BYTES];
    private final int[] scratch = new int[Tiles.WORDS];
    private final int[] widenA = new int[Tiles.TILE_BYTES];
    private final int[] widenB = new int[Tiles.TILE_BYTES];
    private final int[] scaleA = new int[Tiles.ROWS], scaleB = new int[Tiles.ROWS];
    private final E4M3Block.Rows e4m3Rows = new E4M3Block.Rows();

    int xsstat, xsqmul, xsqshift, xsqzp, xsascl0, xsascl1, xsbscl0, xsbscl1;

    /** Tiles and Xseed CSRs to zero (reset; command mode: each LAUNCH). */
    public void reset() {
        Arrays.fill(tiles, (byte) 0);
        xsstat = xsqmul = xsqshift = xsqzp = xsascl0 = xsascl1 = xsbscl0 = xsbscl1 = 0;
    }

    static int offset(int tile) { return tile * Tiles.TILE_BYTES; }

    public int word(int tile, int index) { return (int) INT.get(tiles, offset(tile) + 4 * index); }

    public void setWord(int tile, int index, int value) { INT.set(tiles, offset(tile) + 4 * index, value); }

    public byte byteAt(int tile, int index) { return tiles[offset(tile) + index]; }

    /** A copy of tile {@code tile}'s 256 bytes. */
    public byte[] tile(int tile) { return Arrays.copyOfRange(tiles, offset(tile), offset(tile) + Tiles.TILE_BYTES); }

    public void setTile(int tile, byte[] bytes) {
        if (bytes.length != Tiles.TILE_BYTES) throw new IllegalArgumentException("a tile has 256 bytes, got " + bytes.length);
        System.arraycopy(bytes, 0, tiles, offset(tile), Tiles.TILE_BYTES);
    }

    void zero(int d) { Arrays.fill(tiles, offset(d), offset(d) + Tiles.TILE_BYTES, (byte) 0); }

    /** {@code D.i32[i][j] += Σ_k A.i8[i][k]·B.i8[j][k]}, wrapping. */
    void mmaI8(int d, int a, int b) {
        int ao = offset(a), bo = offset(b);
        // Widen once so the 2048 MACs run as a plain int dot product the JIT vectorises.
        for (int k = 0; k < Tiles.TILE_BYTES; k++) {
            widenA[k] = tiles[ao + k];
            widenB[k] = tiles[bo + k];
        }
        int dOff = offset(d);
        for (int i = 0; i < Tiles.ROWS; i++) {
            for (int j = 0; j < 8; j++) {
                int sum = 0;
                int ar = i * Tiles.ROW_BYTES, br = j * Tiles.ROW_BYTES;
                for (int k = 0; k < Tiles.ROW_BYTES; k++) sum += widenA[ar + k] * widenB[br + k];
                scratch[8 * i + j] = (int) INT.get(tiles, dOff + 4 * (8 * i + j)) + sum;
            }
        }
        storeScratch(d);
    }

    int mmaE4m3(int d, int a, int b) {
        int dOff = offset(d);
        for (int w = 0; w < Tiles.WORDS; w++) scratch[w] = (int) INT.get(tiles, dOff + 4 * w);
        for (int r = 0; r < Tiles.ROWS; r++) {
            scaleA[r] = scale(xsascl0, xsascl1, r);
            scaleB[r] = scale(xsbscl0, xsbscl1, r);
        }
        int flags = E4M3Block.product(tiles, offset(a), offset(b), scratch, scaleA, scaleB, e4m3Rows);
        storeScratch(d);
        return flags;
    }

    void addI32(int d, int a, int b) {
        for (int w = 0; w < Tiles.WORDS; w++) scratch[w] = word(a, w) + word(b, w);
        storeScratch(d);
    }

    void maxI32(int d, int a, int b) {
        for (int w = 0; w < Tiles.WORDS; w++) scratch[w] = Math.max(word(a, w), word(b, w));
        storeScratch(d);
    }

    void reluI32(int d, int a) {
        for (int w = 0; w < Tiles.WORDS; w++) scratch[w] = Math.max(word(a, w), 0);
        storeScratch(d);
    }

    int addF32(int d, int a, int b) {
        int flags = 0;
        for (int w = 0; w < Tiles.WORDS; w++) {
            long r = Binary32.add(word(a, w), word(b, w));
            scratch[w] = Binary32.result(r);
            flags |= Binary32.flags(r);
        }
        storeScratch(d);
        return flags;
    }

    /** {@code D.i8[i][j] = requant(A.i32[i][j])} for j < 8; the rest of each row is zero. */
    int quantI8(int d, int a) {
        int flags = 0;
        for (int w = 0; w < Tiles.WORDS; w++) {
            int packed = Requant.requant(word(a, w), xsqmul, xsqshift, xsqzp);
            scratch[w] = packed & 0xFF;
            flags |= Requant.flags(packed);
        }
        storeNarrowed(d);
        return flags;
    }

    /** {@code D.e4m3[i][j] = to_e4m3(A.f32[i][j])} for j < 8; the rest of each row is zero. */
    int cvtE4m3(int d, int a) {
        int flags = 0;
        for (int w = 0; w < Tiles.WORDS; w++) {
            int packed = E4M3.fromBinary32(word(a, w));
            scratch[w] = packed & 0xFF;
            flags |= packed >>> 8;
        }
        storeNarrowed(d);
        return flags;
    }

    /** UE8M0 scale of row {@code row}: byte (row mod 4) of the low or high CSR. */
    static int scale(int low, int high, int row) {
        return ((row < 4 ? low : high) >>> (8 * (row & 3))) & 0xFF;
    }

    private void storeScratch(int d) {
        int dOff = offset(d);
        for (int w = 0; w < Tiles.WORDS; w++) INT.set(tiles, dOff + 4 * w, scratch[w]);
    }

    /** Writes scratch[8r + j] (bytes) to D.byte[32r + j], j < 8, zeroing bytes 8..31. */
    private void storeNarrowed(int d) {
        int dOff = offset(d);
        Arrays.fill(tiles, dOff, dOff + Tiles.TILE_BYTES, (byte) 0);
        for (int r = 0; r < Tiles.ROWS; r++) {
            for (int j = 0; j < 8; j++) tiles[dOff + r * Tiles.ROW_BYTES + j] = (byte) scratch[8 * r + j];
        }
    }

    // --- Xseed CSRs (spec §2.3) ---

    int readCsr(Csr csr) {
        return switch (csr) {
            case XSSTAT -> xsstat;
            case XSQMUL -> xsqmul;
            case XSQSHIFT -> xsqshift;
            case XSQZP -> xsqzp;
            case XSASCL0 -> xsascl0;
            case XSASCL1 -> xsascl1;
            case XSBSCL0 -> xsbscl0;
            case XSBSCL1 -> xsbscl1;
            default -> throw new IllegalArgumentException(csr + " is not an Xseed CSR");
        };
    }

    /** Writes with the WARL rules; returns the value the CSR now reads. */
    int writeCsr(Csr csr, int v) {
        switch (csr) {
            case XSSTAT -> xsstat = v & Csr.XSSTAT_MASK;
            case XSQMUL -> xsqmul = v;
            case XSQSHIFT -> xsqshift = Math.max(Csr.XSQSHIFT_MIN, Math.min(Csr.XSQSHIFT_MAX, v));
            case XSQZP -> xsqzp = Math.max(Csr.XSQZP_MIN, Math.min(Csr.XSQZP_MAX, v));
            case XSASCL0 -> xsascl0 = v;
            case XSASCL1 -> xsascl1 = v;
            case XSBSCL0 -> xsbscl0 = v;
            case XSBSCL1 -> xsbscl1 = v;
            default -> throw new IllegalArgumentException(csr + " is not an Xseed CSR");
        }
        return readCsr(csr);
    }

    /** State copy for snapshots. */
    record State(byte[] tiles, int[] csrs) {}

    State save() {
        return new State(tiles.clone(), new int[] {xsstat, xsqmul, xsqshift, xsqzp, xsascl0, xsascl1, xsbscl0, xsbscl1});
    }

    void restore(State s) {
        System.arraycopy(s.tiles, 0, tiles, 0, tiles.length);
        int[] c = s.csrs;
        xsstat = c[0]; xsqmul = c[1]; xsqshift = c[2]; xsqzp = c[3];
        xsascl0 = c[4]; xsascl1 = c[5]; xsbscl0 = c[6]; xsbscl1 = c[7];
    }
}
