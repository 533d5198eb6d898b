package dev.seedverify.conformance.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A generated bare-mode program as a structure (not text): the initial values of the general
 * registers (the prologue), the body ops, and the data region's contents; the epilogue (tohost =
 * 1) and the trap handler are fixed. Immutable; the {@code with...} methods and {@link #delete}
 * make modified copies (the shrinker's moves). {@link ProgramRenderer} turns it into assembly and
 * an executable image.
 *
 * @see Layout for the memory map and the reserved registers
 */
public final class Program {
    private final long seed;
    private final Weights weights;
    private final int dramBytes;
    private final int[] init;
    private final List<Op> body;
    private final byte[] data;
    private final String[] blockNotes;

    /**
     * @param init       32 initial register values; only x1..x25 are used (the rest are fixed scaffolding)
     * @param data       {@link Layout#DATA_BYTES} bytes
     * @param blockNotes a description of each data block's contents ({@link Layout#BLOCKS} entries)
     */
    public Program(long seed, Weights weights, int dramBytes, int[] init, List<Op> body, byte[] data, String[] blockNotes) {
        if (init.length != 32) throw new IllegalArgumentException("init needs 32 values, got " + init.length);
        if (data.length != Layout.DATA_BYTES) throw new IllegalArgumentException("data region has " + Layout.DATA_BYTES + " bytes, got " + data.length);
        if (blockNotes.length != Layout.BLOCKS) throw new IllegalArgumentException("one note per block expected");
        this.seed = seed;
        this.weights = Objects.requireNonNull(weights);
        this.dramBytes = dramBytes;
        this.init = init.clone();
        for (int r = 0; r < 32; r++) if (r == 0 || Layout.reserved(r)) this.init[r] = 0;
        this.body = List.copyOf(body);
        this.data = data.clone();
        this.blockNotes = blockNotes.clone();
    }

    public long seed() { return seed; }

    public Weights weights() { return weights; }

    public int dramBytes() { return dramBytes; }

    /** Initial value of register {@code reg} (0 for x0 and the reserved registers). */
    public int init(int reg) { return init[reg]; }

    public int[] inits() { return init.clone(); }

    public List<Op> body() { return body; }

    public int size() { return body.size(); }

    public Op op(int i) { return body.get(i); }

    public byte[] data() { return data.clone(); }

    public int dataByte(int i) { return data[i] & 0xFF; }

    public String blockNote(int block) { return blockNotes[block]; }

    /** Non-zero initial register values (each is one or two prologue instructions). */
    public int nonZeroInits() {
        int n = 0;
        for (int v : init) if (v != 0) n++;
        return n;
    }

    /** Non-zero 32-bit words of the data region. */
    public int nonZeroDataWords() {
        int n = 0;
        for (int i = 0; i < data.length; i += 4) {
            if ((data[i] | data[i + 1] | data[i + 2] | data[i + 3]) != 0) n++;
        }
        return n;
    }

    public Program withInit(int reg, int value) {
        int[] i = init.clone();
        i[reg] = value;
        return new Program(seed, weights, dramBytes, i, body, data, blockNotes);
    }

    public Program withOp(int index, Op op) {
        List<Op> b = new ArrayList<>(body);
        b.set(index, op);
        return new Program(seed, weights, dramBytes, init, b, data, blockNotes);
    }

    public Program withBody(List<Op> newBody) {
        return new Program(seed, weights, dramBytes, init, newBody, data, blockNotes);
    }

    /** A copy with bytes [from, to) of the data region set to zero. */
    public Program withDataZeroed(int from, int to) {
        byte[] d = data.clone();
        Arrays.fill(d, from, to, (byte) 0);
        String[] notes = blockNotes.clone();
        for (int b = 0; b < Layout.BLOCKS; b++) {
            int lo = b * Layout.BLOCK_BYTES, hi = lo + Layout.BLOCK_BYTES;
            if (from <= lo && to >= hi) notes[b] = "zero";
            else if (from < hi && to > lo && !notes[b].endsWith("(partly zeroed)")) notes[b] = notes[b] + " (partly zeroed)";
        }
        return new Program(seed, weights, dramBytes, init, body, d, notes);
    }

    /**
     * A copy without ops [from, to). Targets are remapped so that each still names the first
     * surviving op at or after its old target (so forward stays forward, and a jump to a deleted
     * op lands where that op was).
     */
    public Program delete(int from, int to) {
        if (from < 0 || to > body.size() || from > to) throw new IndexOutOfBoundsException("delete [" + from + ", " + to + ") of " + body.size());
        int removed = to - from;
        List<Op> b = new ArrayList<>(body.size() - removed);
        for (int i = 0; i < body.size(); i++) {
            if (i >= from && i < to) continue;
            Op op = body.get(i);
            int t = op.target();
            if (t >= 0) {
                int nt = t < from ? t : t < to ? from : t - removed;
                if (nt != t) op = op.withTarget(nt);
            }
            b.add(op);
        }
        return new Program(seed, weights, dramBytes, init, b, data, blockNotes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Program p && p.seed == seed && p.weights.equals(weights) && p.dramBytes == dramBytes
                && Arrays.equals(p.init, init) && p.body.equals(body) && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() { return Objects.hash(seed, body.size(), Arrays.hashCode(init)); }

    @Override
    public String toString() {
        return "Program[seed=" + seed + ", " + body.size() + " ops, " + nonZeroInits() + " register inits, "
                + nonZeroDataWords() + " data words]";
    }
}
