package dev.seedverify.conformance.laws;

import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.StopReason;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.Tiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laws the golden model's Xseed instructions must obey, checked through the executor (one
 * instruction on a hart whose tiles and CSRs are set directly): an independent statement of what
 * the spec means, so a wrong golden model cannot hide behind its own output.
 */
class GoldenModelLaws {

    /** Executes one instruction word at the reset pc with the given tiles and Xseed CSRs. */
    static Hart execute(int word, byte[][] tiles, int mul, int shift, int zp) {
        Hart h = new Hart(new Memory(Memory.MIN_BYTES));
        h.memory().storeWord(0, word);
        for (int t = 0; t < tiles.length; t++) if (tiles[t] != null) h.tiles().setTile(t, tiles[t]);
        h.setCsr(Csr.XSQMUL, mul);
        h.setCsr(Csr.XSQSHIFT, shift);
        h.setCsr(Csr.XSQZP, zp);
        assertThat(h.run(1)).isEqualTo(StopReason.BUDGET);
        assertThat(h.pc()).as("no trap").isEqualTo(Memory.BASE + 4);
        return h;
    }

    @Provide
    Arbitrary<byte[]> tiles() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(Tiles.TILE_BYTES),
                Arbitraries.of((byte) 0, (byte) 1, (byte) -1, (byte) 127, (byte) -128).array(byte[].class).ofSize(Tiles.TILE_BYTES));
    }

    /** tmma.i8 is a plain int matrix product D += A·Bᵀ (wrapping int32), aliasing included. */
    @Property(tries = 200, seed = "1")
    void tmmaI8IsAPlainIntMatrixProduct(@ForAll("tiles") byte[] a, @ForAll("tiles") byte[] b, @ForAll("tiles") byte[] d,
                                        @ForAll @IntRange(max = 2) int aliasing) {
        int md = 2, ma = aliasing == 1 ? 2 : 0, mb = aliasing == 2 ? 0 : 1;
        byte[][] tiles = new byte[3][];
        tiles[0] = a;
        tiles[1] = b;
        tiles[2] = d;
        byte[] A = tiles[ma], B = tiles[mb];
        int[] expected = new int[64];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                int sum = word(tiles[md], 8 * i + j);
                for (int k = 0; k < 32; k++) sum += A[32 * i + k] * B[32 * j + k];
                expected[8 * i + j] = sum;
            }
        }
        Hart h = execute(Encoder.encode(Instruction.TMMA_I8, md, ma, mb), tiles, 0, 0, 0);
        for (int w = 0; w < 64; w++) assertThat(h.tiles().word(md, w)).as("word %d", w).isEqualTo(expected[w]);
    }

    /** tquant is monotonic in x: non-decreasing for M >= 0, non-increasing for M < 0 (without a left shift, which wraps). */
    @Property(tries = 300, seed = "2")
    void tquantIsMonotonicInX(@ForAll int x1, @ForAll int x2, @ForAll int mul, @ForAll @IntRange(min = -31, max = 0) int shift,
                              @ForAll @IntRange(min = -128, max = 127) int zp) {
        int lo = Math.min(x1, x2), hi = Math.max(x1, x2);
        byte[] a = new byte[Tiles.TILE_BYTES];
        setWord(a, 0, lo);
        setWord(a, 1, hi);
        Hart h = execute(Encoder.encode(Instruction.TQUANT_I8, 1, 0), new byte[][] {a}, mul, shift, zp);
        int qLo = h.tiles().byteAt(1, 0), qHi = h.tiles().byteAt(1, 1);
        if (mul >= 0) assertThat(qLo).isLessThanOrEqualTo(qHi);
        else assertThat(qLo).isGreaterThanOrEqualTo(qHi);
    }

    /** tquant with M = 2^31 - 1 (just below 1.0), no shift and z = 0 saturates exactly outside [-128, 127]. */
    @Property(tries = 200, seed = "3")
    void tquantOfIdentityScaleClampsToInt8(@ForAll @IntRange(min = -100_000, max = 100_000) int x) {
        byte[] a = new byte[Tiles.TILE_BYTES];
        setWord(a, 0, x);
        Hart h = execute(Encoder.encode(Instruction.TQUANT_I8, 1, 0), new byte[][] {a}, Integer.MAX_VALUE, 0, 0);
        assertThat((int) h.tiles().byteAt(1, 0)).isEqualTo(Math.max(-128, Math.min(127, x)));
        assertThat(h.csr(Csr.XSSTAT) & 1).isEqualTo(x < -128 || x > 127 ? 1 : 0);
    }

    /** tadd.i32 and tmax.i32 commute; tmax is idempotent; trelu is max with zero. */
    @Property(tries = 100, seed = "4")
    void elementwiseI32Laws(@ForAll("tiles") byte[] a, @ForAll("tiles") byte[] b) {
        byte[][] t = {a, b};
        Hart ab = execute(Encoder.encode(Instruction.TADD_I32, 2, 0, 1), t, 0, 0, 0);
        Hart ba = execute(Encoder.encode(Instruction.TADD_I32, 2, 1, 0), t, 0, 0, 0);
        Hart max = execute(Encoder.encode(Instruction.TMAX_I32, 2, 0, 0), t, 0, 0, 0);
        Hart relu = execute(Encoder.encode(Instruction.TRELU_I32, 2, 0), t, 0, 0, 0);
        for (int w = 0; w < 64; w++) {
            assertThat(ab.tiles().word(2, w)).isEqualTo(ba.tiles().word(2, w)).isEqualTo(word(a, w) + word(b, w));
            assertThat(max.tiles().word(2, w)).isEqualTo(word(a, w));
            assertThat(relu.tiles().word(2, w)).isEqualTo(Math.max(word(a, w), 0));
        }
    }

    /** tcvt.e4m3 is monotonic on ordered (non-NaN) inputs: x <= y implies value(e4m3(x)) <= value(e4m3(y)). */
    @Property(tries = 300, seed = "5")
    void tcvtIsMonotonic(@ForAll float x, @ForAll float y) {
        Assume.that(!Float.isNaN(x) && !Float.isNaN(y));
        float lo = Math.min(x, y), hi = Math.max(x, y);
        byte[] a = new byte[Tiles.TILE_BYTES];
        setWord(a, 0, Float.floatToRawIntBits(lo));
        setWord(a, 1, Float.floatToRawIntBits(hi));
        Hart h = execute(Encoder.encode(Instruction.TCVT_E4M3, 1, 0), new byte[][] {a}, 0, 0, 0);
        int qLo = dev.seedverify.golden.numerics.E4M3.toQ(h.tiles().byteAt(1, 0) & 0xFF);
        int qHi = dev.seedverify.golden.numerics.E4M3.toQ(h.tiles().byteAt(1, 1) & 0xFF);
        assertThat(qLo).isLessThanOrEqualTo(qHi);
    }

    static int word(byte[] t, int w) {
        return (t[4 * w] & 0xFF) | (t[4 * w + 1] & 0xFF) << 8 | (t[4 * w + 2] & 0xFF) << 16 | t[4 * w + 3] << 24;
    }

    static void setWord(byte[] t, int w, int v) {
        t[4 * w] = (byte) v;
        t[4 * w + 1] = (byte) (v >>> 8);
        t[4 * w + 2] = (byte) (v >>> 16);
        t[4 * w + 3] = (byte) (v >>> 24);
    }
}
