package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.isa.Csr;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Xseed compute instructions (spec §2.2, §2.4): tzero, tmma.i8 against a plain Java matrix
 * product, tadd/tmax/trelu.i32, tadd.f32, tmma.e4m3, tquant.i8, tcvt.e4m3, tget/tput, and that
 * every compute op reads its operands before writing when D, A and B are the same tile.
 */
class XseedComputeTest {

    static final int NAN = 0x7FC00000;
    static final int SAT = 1, NV = 2;

    /** A snippet not yet run, with tiles preloaded. */
    private static Sim withTiles(String code, int[]... tiles) {
        Sim s = Sim.load(code);
        for (int t = 0; t < tiles.length; t++) setTile(s, t, tiles[t]);
        return s;
    }

    static void setTile(Sim s, int t, int[] words) {
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(t, i, words[i]);
    }

    static int[] words(java.util.function.IntUnaryOperator f) {
        int[] w = new int[64];
        for (int i = 0; i < 64; i++) w[i] = f.applyAsInt(i);
        return w;
    }

    static int[] filled(int v) { return words(i -> v); }

    /** Packs bytes (row-major, 32 per row) into the tile's 64 little-endian words. */
    static int[] bytesToWords(byte[] b) {
        int[] w = new int[64];
        for (int i = 0; i < 64; i++) {
            w[i] = (b[4 * i] & 0xFF) | (b[4 * i + 1] & 0xFF) << 8 | (b[4 * i + 2] & 0xFF) << 16 | (b[4 * i + 3] & 0xFF) << 24;
        }
        return w;
    }

    static byte tileByte(Sim s, int t, int index) { return s.hart.tiles().byteAt(t, index); }

    // ------------------------------------------------------------------ tzero, tget, tput

    @Test
    void tzeroClearsAllBytesOfTheTile() {
        Sim s = withTiles("tzero m1", filled(-1), filled(-1), filled(-1)).go();
        assertThat(s.tile(1)).containsOnly(0);
        assertThat(s.tile(0)).containsOnly(-1);
        assertThat(s.tile(2)).containsOnly(-1);
    }

    @Test
    void tilesResetToZero() {
        Sim s = Sim.run("nop");
        for (int t = 0; t < 8; t++) assertThat(s.tile(t)).containsOnly(0);
    }

    @Test
    void tgetReadsTheWordAtXrs2And63() {
        Sim s = withTiles("li a2, 5\ntget a0, m0, a2\nli a2, 69\ntget a1, m0, a2\nli a2, -1\ntget a3, m0, a2\nli a2, 0x40\ntget a4, m0, a2",
                words(i -> 0x100 + i)).go();
        assertThat(s.x("a0")).isEqualTo(0x105);
        assertThat(s.x("a1")).isEqualTo(0x105);
        assertThat(s.x("a3")).isEqualTo(0x13F);
        assertThat(s.x("a4")).isEqualTo(0x100);
    }

    @Test
    void tputWritesTheWordAtXrs2And63AndNothingElse() {
        Sim s = withTiles("li a1, 0xabcd\nli a2, 131\ntput m0, a1, a2\nli a1, 0x1234\nli a2, -64\ntput m0, a1, a2",
                words(i -> i)).go();
        for (int i = 0; i < 64; i++) {
            int expected = i == 3 ? 0xabcd : i == 0 ? 0x1234 : i;
            assertThat(s.tileWord(0, i)).as("word %d", i).isEqualTo(expected);
        }
    }

    @Test
    void tgetIntoX0IsDiscarded() {
        Sim s = withTiles("tget zero, m0, zero", filled(9)).go();
        assertThat(s.hart.x(0)).isZero();
    }

    @Test
    void tileWordsAreLittleEndianRowMajorViews() {
        // i32 element [r][c] is the word at byte 32r + 4c: word index 8r + c; i8 [r][k] is byte 32r + k.
        Sim s = Sim.load("la a1, d\nli a2, 32\ntld m0, (a1), a2\nli a3, 9\ntget a0, m0, a3",
                "d: .byte " + String.join(", ", java.util.stream.IntStream.range(0, 256).mapToObj(Integer::toString).toList()));
        s.go();
        assertThat(s.x("a0")).isEqualTo(0x27262524); // bytes 36..39 = row 1, word 1
        assertThat(tileByte(s, 0, 32 * 3 + 5)).isEqualTo((byte) 101);
    }

    // ------------------------------------------------------------------ tmma.i8

    /** D.i32[i][j] += Σ_k A.i8[i][k]·B.i8[j][k], by the book. */
    static int[] referenceMmaI8(int[] d, byte[] a, byte[] b) {
        int[] out = new int[64];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                int sum = d[8 * i + j];
                for (int k = 0; k < 32; k++) sum += a[32 * i + k] * b[32 * j + k];
                out[8 * i + j] = sum;
            }
        }
        return out;
    }

    @Test
    void tmmaI8MatchesAPlainJavaMatrixProduct() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 5; trial++) {
            byte[] a = new byte[256], b = new byte[256];
            rnd.nextBytes(a);
            rnd.nextBytes(b);
            int[] d = words(i -> rnd.nextInt());
            Sim s = withTiles("tmma.i8 m2, m0, m1", bytesToWords(a), bytesToWords(b), d).go();
            assertThat(s.tile(2)).containsExactly(referenceMmaI8(d, a, b));
            assertThat(s.tile(0)).containsExactly(bytesToWords(a));
            assertThat(s.tile(1)).containsExactly(bytesToWords(b));
        }
    }

    @Test
    void tmmaI8ExtremesMinus128TimesMinus128() {
        byte[] a = new byte[256];
        java.util.Arrays.fill(a, (byte) -128);
        Sim s = withTiles("tmma.i8 m2, m0, m1", bytesToWords(a), bytesToWords(a), filled(0)).go();
        assertThat(s.tile(2)).containsOnly(32 * 16384);
    }

    @Test
    void tmmaI8AccumulatesWithWrappingInt32() {
        byte[] a = new byte[256];
        java.util.Arrays.fill(a, (byte) 1);
        Sim s = withTiles("tmma.i8 m2, m0, m1", bytesToWords(a), bytesToWords(a), filled(Integer.MAX_VALUE)).go();
        assertThat(s.tile(2)).containsOnly(Integer.MAX_VALUE + 32);
    }

    @Test
    void tmmaI8UsesRowJOfBNotColumnJ() {
        // A = identity-like: A[i][k] = 1 iff k == i; B[j][k] = 10·j + k. Then D[i][j] = B[j][i].
        byte[] a = new byte[256], b = new byte[256];
        for (int i = 0; i < 8; i++) a[32 * i + i] = 1;
        for (int j = 0; j < 8; j++) for (int k = 0; k < 32; k++) b[32 * j + k] = (byte) (10 * j + k);
        Sim s = withTiles("tmma.i8 m2, m0, m1", bytesToWords(a), bytesToWords(b), filled(0)).go();
        for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) assertThat(s.tileWord(2, 8 * i + j)).isEqualTo(10 * j + i);
    }

    @Test
    void tmmaI8WithDAndAAndBTheSameTileReadsOperandsFirst() {
        Random rnd = new Random(7);
        byte[] a = new byte[256];
        rnd.nextBytes(a);
        int[] w = bytesToWords(a);
        Sim s = withTiles("tmma.i8 m0, m0, m0", w).go();
        assertThat(s.tile(0)).containsExactly(referenceMmaI8(w, a, a));
    }

    @Test
    void tmmaI8WithDEqualToATilesReadsOperandsFirst() {
        Random rnd = new Random(8);
        byte[] a = new byte[256], b = new byte[256];
        rnd.nextBytes(a);
        rnd.nextBytes(b);
        int[] wa = bytesToWords(a);
        Sim s = withTiles("tmma.i8 m0, m0, m1", wa, bytesToWords(b)).go();
        assertThat(s.tile(0)).containsExactly(referenceMmaI8(wa, a, b));
    }

    // ------------------------------------------------------------------ i32 elementwise

    @Test
    void taddI32WrapsElementwise() {
        Sim s = withTiles("tadd.i32 m2, m0, m1", words(i -> Integer.MAX_VALUE - i), words(i -> i + 1)).go();
        for (int i = 0; i < 64; i++) assertThat(s.tileWord(2, i)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void taddI32WithAllOperandsTheSameTileDoubles() {
        Sim s = withTiles("tadd.i32 m3, m3, m3", filled(0), filled(0), filled(0), words(i -> i - 10)).go();
        for (int i = 0; i < 64; i++) assertThat(s.tileWord(3, i)).isEqualTo(2 * (i - 10));
    }

    @Test
    void tmaxI32IsSignedElementwise() {
        Sim s = withTiles("tmax.i32 m2, m0, m1", words(i -> i % 2 == 0 ? -1 : Integer.MIN_VALUE), words(i -> i % 2 == 0 ? 1 : -5)).go();
        for (int i = 0; i < 64; i++) assertThat(s.tileWord(2, i)).isEqualTo(i % 2 == 0 ? 1 : -5);
    }

    @Test
    void tmaxI32WithAllOperandsTheSameTileIsIdentity() {
        int[] w = words(i -> i * 0x1234567);
        Sim s = withTiles("tmax.i32 m0, m0, m0", w).go();
        assertThat(s.tile(0)).containsExactly(w);
    }

    @Test
    void tmaxI32WithDEqualToBReadsBeforeWriting() {
        Sim s = withTiles("tmax.i32 m1, m0, m1", words(i -> i), words(i -> 63 - i)).go();
        for (int i = 0; i < 64; i++) assertThat(s.tileWord(1, i)).isEqualTo(Math.max(i, 63 - i));
    }

    @Test
    void treluI32ClampsNegativesToZero() {
        Sim s = withTiles("trelu.i32 m1, m0", words(i -> i == 0 ? Integer.MIN_VALUE : i == 1 ? -1 : i == 2 ? 0 : i == 3 ? Integer.MAX_VALUE : i - 32)).go();
        assertThat(s.tileWord(1, 0)).isZero();
        assertThat(s.tileWord(1, 1)).isZero();
        assertThat(s.tileWord(1, 2)).isZero();
        assertThat(s.tileWord(1, 3)).isEqualTo(Integer.MAX_VALUE);
        for (int i = 4; i < 64; i++) assertThat(s.tileWord(1, i)).isEqualTo(Math.max(i - 32, 0));
    }

    @Test
    void treluI32InPlace() {
        Sim s = withTiles("trelu.i32 m0, m0", words(i -> i - 32)).go();
        for (int i = 0; i < 64; i++) assertThat(s.tileWord(0, i)).isEqualTo(Math.max(i - 32, 0));
    }

    @Test
    void integerTileOpsRaiseNoFlags() {
        Sim s = withTiles("tadd.i32 m2, m0, m1\ntmax.i32 m2, m0, m1\ntrelu.i32 m2, m0\ntmma.i8 m2, m0, m1\ntzero m3",
                filled(Integer.MAX_VALUE), filled(Integer.MAX_VALUE)).go();
        assertThat(s.csr(Csr.XSSTAT)).isZero();
    }

    // ------------------------------------------------------------------ tadd.f32

    private static int f(float v) { return Float.floatToRawIntBits(v); }

    private static int addF32(int a, int b) {
        Sim s = withTiles("tadd.f32 m2, m0, m1", filled(a), filled(b)).go();
        return s.tileWord(2, 17);
    }

    @ParameterizedTest(name = "0x{0} + 0x{1} = 0x{2}")
    @CsvSource({
            "3f800000, 40000000, 40400000",   // 1 + 2 = 3
            "3f800000, bf800000, 00000000",   // 1 + -1 = +0
            "80000000, 80000000, 80000000",   // -0 + -0 = -0
            "80000000, 00000000, 00000000",   // -0 + +0 = +0
            "3f800000, 33800000, 3f800000",   // 1 + 2^-24: tie, to even (1.0)
            "3f800001, 33800000, 3f800002",   // (1 + 2^-23) + 2^-24: tie, to even
            "3f800000, 33800001, 3f800001",   // just above the tie: rounds up
            "00000001, 00000001, 00000002",   // subnormals kept
            "00400000, 00400000, 00800000",   // two subnormals make the smallest normal
            "7f7fffff, 7f7fffff, 7f800000",   // overflow to +inf
            "ff7fffff, ff7fffff, ff800000",   // overflow to -inf
            "7f800000, 3f800000, 7f800000",   // inf + 1 = inf
            "80800000, 00000001, 807fffff",   // -min normal + min subnormal
    })
    void taddF32IsIeeeBinary32AdditionWithRoundToNearestEven(String a, String b, String sum) {
        assertThat(addF32(Integer.parseUnsignedInt(a, 16), Integer.parseUnsignedInt(b, 16))).isEqualTo(Integer.parseUnsignedInt(sum, 16));
    }

    @Test
    void taddF32WithoutNaNRaisesNoFlag() {
        Sim s = withTiles("tadd.f32 m2, m0, m1", filled(0x7F7FFFFF), filled(0x7F7FFFFF)).go();
        assertThat(s.csr(Csr.XSSTAT)).isZero();
    }

    @ParameterizedTest(name = "NaN operand 0x{0}")
    @ValueSource(strings = {"7fc00000", "7f800001", "ffffffff", "7fa00000"})
    void taddF32WithANaNOperandGivesTheCanonicalNaNAndSetsNv(String nan) {
        int n = Integer.parseUnsignedInt(nan, 16);
        Sim s = withTiles("tadd.f32 m2, m0, m1", words(i -> i == 9 ? n : f(1f)), words(i -> i == 20 ? n : f(2f))).go();
        assertThat(s.tileWord(2, 9)).isEqualTo(NAN);
        assertThat(s.tileWord(2, 20)).isEqualTo(NAN);
        assertThat(s.tileWord(2, 0)).isEqualTo(f(3f));
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(NV);
    }

    @Test
    void taddF32InfinityMinusInfinityIsTheCanonicalNaNWithNv() {
        Sim s = withTiles("tadd.f32 m2, m0, m1", filled(0x7F800000), filled(0xFF800000)).go();
        assertThat(s.tile(2)).containsOnly(NAN);
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(NV);
    }

    @Test
    void xsstatFlagsAreStickyAcrossLaterInstructions() {
        Sim s = withTiles("tadd.f32 m2, m0, m1\ntadd.f32 m2, m1, m1\ncsrr a0, xsstat\ncsrw xsstat, zero\ncsrr a1, xsstat",
                words(i -> i == 0 ? NAN : 0), filled(0)).go();
        assertThat(s.x("a0")).isEqualTo(NV);
        assertThat(s.x("a1")).isZero();
    }

    @Test
    void aCsrWriteReplacesXsstatBits1To0WhileInstructionsOnlySetThem() {
        // Spec §2.3 (v1.2): software may set a flag no instruction raised and clear one an instruction raised.
        Sim s = withTiles("""
                tadd.f32 m2, m0, m1         # NV
                csrwi xsstat, 1             # {NV} replaced by {SAT}
                csrr a0, xsstat
                tadd.i32 m3, m1, m1         # raises nothing
                csrr a1, xsstat
                tadd.f32 m2, m0, m1         # NV added to the written SAT
                csrr a2, xsstat
                """, words(i -> i == 0 ? NAN : 0), filled(0)).go();
        assertThat(s.x("a0")).isEqualTo(SAT);
        assertThat(s.x("a1")).isEqualTo(SAT);
        assertThat(s.x("a2")).isEqualTo(SAT | NV);
    }

    @Test
    void taddF32InPlaceDoubles() {
        Sim s = withTiles("tadd.f32 m0, m0, m0", words(i -> f(i * 0.5f))).go();
        for (int i = 0; i < 64; i++) assertThat(s.tileWord(0, i)).isEqualTo(f(i * 1.0f));
    }

    // ------------------------------------------------------------------ tcvt.e4m3

    private static Sim cvt(int bits) {
        return withTiles("tcvt.e4m3 m1, m0", words(i -> i == 13 ? bits : 0), filled(-1)).go();
    }

    /** The e4m3 byte for word 13 = element [1][5] at byte 32 + 5. */
    private static int cvtByte(Sim s) { return tileByte(s, 1, 37) & 0xFF; }

    @ParameterizedTest(name = "to_e4m3(0x{0}) = 0x{1} flags {2}")
    @CsvSource({
            "3f800000, 38, 0",  // 1.0
            "c0000000, c0, 0",  // -2.0
            "00000000, 00, 0",  // +0
            "80000000, 80, 0",  // -0 keeps its sign
            "43e00000, 7e, 0",  // 448
            "c3e00000, fe, 0",  // -448
            "43e80000, 7e, 0",  // 464: tie between 448 (even) and 480: 448, no SAT
            "43e80001, 7e, 1",  // just above 464: rounds to 480 > 448: SAT
            "43fa0000, 7e, 1",  // 500
            "47000000, 7e, 1",  // 32768
            "c3fa0000, fe, 1",  // -500
            "7f800000, 7e, 1",  // +inf
            "ff800000, fe, 1",  // -inf
            "7fc00000, 7f, 2",  // NaN
            "ffc00001, 7f, 2",  // negative NaN
            "7f800001, 7f, 2",  // signalling NaN
            "3b000000, 01, 0",  // 2^-9: smallest subnormal
            "3a800000, 00, 0",  // 2^-10: tie between 0 and 2^-9: even (0)
            "ba800000, 80, 0",  // -2^-10: -0
            "3ac00000, 01, 0",  // 1.5 * 2^-10 rounds to 2^-9
            "3a7fffff, 00, 0",  // just below 2^-10
            "3c800000, 08, 0",  // 2^-6: smallest normal (e=1, m=0)
            "3c700000, 08, 0",  // 0.9375 * 2^-6 = 7.5 * 2^-9: tie between 7 (odd) and 8: 8
            "3f880000, 38, 0",  // 1.0625: tie between 1.0 and 1.125: even (1.0)
            "3f980000, 3a, 0",  // 1.1875: tie between 1.125 and 1.25: even (1.25)
            "3f900000, 39, 0",  // 1.125 exact
            "00000001, 00, 0",  // binary32 subnormal: +0
    })
    void tcvtE4m3RoundsToNearestEvenAndSaturatesAt448(String in, String code, int flags) {
        Sim s = cvt(Integer.parseUnsignedInt(in, 16));
        assertThat(cvtByte(s)).isEqualTo(Integer.parseInt(code, 16));
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(flags);
    }

    @Test
    void tcvtE4m3PlacesElementIJAtByte32IPlusJAndZeroesBytes8To31() {
        Sim s = withTiles("tcvt.e4m3 m1, m0", words(i -> f(i % 8 + 1)), filled(-1)).go();
        for (int r = 0; r < 8; r++) {
            for (int j = 0; j < 8; j++) {
                int expected = switch (j + 1) { // 1..8 in E4M3
                    case 1 -> 0x38; case 2 -> 0x40; case 3 -> 0x44; case 4 -> 0x48;
                    case 5 -> 0x4A; case 6 -> 0x4C; case 7 -> 0x4E; default -> 0x50;
                };
                assertThat(tileByte(s, 1, 32 * r + j) & 0xFF).as("[%d][%d]", r, j).isEqualTo(expected);
            }
            for (int k = 8; k < 32; k++) assertThat(tileByte(s, 1, 32 * r + k)).isZero();
        }
    }

    @Test
    void tcvtE4m3InPlaceReadsTheSourceFirst() {
        Sim s = withTiles("tcvt.e4m3 m0, m0", words(i -> f(2f))).go();
        for (int r = 0; r < 8; r++) {
            for (int j = 0; j < 8; j++) assertThat(tileByte(s, 0, 32 * r + j) & 0xFF).isEqualTo(0x40);
            for (int k = 8; k < 32; k++) assertThat(tileByte(s, 0, 32 * r + k)).isZero();
        }
    }

    @Test
    void tcvtE4m3RaisesBothFlagsWhenBothOccur() {
        Sim s = withTiles("tcvt.e4m3 m1, m0", words(i -> i == 0 ? NAN : i == 1 ? 0x7F800000 : 0)).go();
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(SAT | NV);
    }

    // ------------------------------------------------------------------ tquant.i8

    private static Sim quant(int mul, int shift, int zp, int[] a) {
        Sim s = withTiles("tquant.i8 m1, m0", a, filled(-1));
        s.hart.setCsr(Csr.XSQMUL, mul);
        s.hart.setCsr(Csr.XSQSHIFT, shift);
        s.hart.setCsr(Csr.XSQZP, zp);
        return s.go();
    }

    /** D.i8[i][j] for word index w = 8i + j. */
    private static int q(Sim s, int w) { return tileByte(s, 1, 32 * (w / 8) + w % 8); }

    @Test
    void tquantWithHalfMultiplierAndShiftOneIsIdentityPlusZeroPoint() {
        // M = 2^30 (0.5 in Q31), s = 1: v = 2x, SRDHM(2x, 2^30) = x exactly; r = x + z.
        Sim s = quant(0x40000000, 1, 3, words(i -> i - 32));
        for (int w = 0; w < 64; w++) assertThat(q(s, w)).isEqualTo(w - 32 + 3);
        assertThat(s.csr(Csr.XSSTAT)).isZero();
    }

    @Test
    void tquantClampsToInt8AndSetsSat() {
        Sim s = quant(0x40000000, 1, 0, words(i -> i == 0 ? 200 : i == 1 ? -200 : i == 2 ? 127 : i == 3 ? -128 : 0));
        assertThat(q(s, 0)).isEqualTo(127);
        assertThat(q(s, 1)).isEqualTo(-128);
        assertThat(q(s, 2)).isEqualTo(127);
        assertThat(q(s, 3)).isEqualTo(-128);
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(SAT);
    }

    @Test
    void tquantExactlyInRangeRaisesNoSat() {
        Sim s = quant(0x40000000, 1, 0, words(i -> i % 2 == 0 ? 127 : -128));
        assertThat(s.csr(Csr.XSSTAT)).isZero();
    }

    @Test
    void tquantZeroPointPushesOverTheClamp() {
        Sim s = quant(0x40000000, 1, 127, words(i -> i == 5 ? 1 : 0));
        assertThat(q(s, 5)).isEqualTo(127);
        assertThat(q(s, 0)).isEqualTo(127);
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(SAT);
    }

    @ParameterizedTest(name = "requant({0}) with M=2^30, s=-1 = {1}")
    @CsvSource({
            // SRDHM(x, 2^30) = round-half-up of x/2 (away from zero for negative ties by the nudge rule),
            // then RDBPOT(v, 1) = v/2 rounded half away from zero: double rounding.
            "5, 2", "4, 1", "3, 1", "2, 1", "1, 1", "0, 0", "-1, 0", "-2, -1", "-3, -1", "-4, -1", "-5, -1", "6, 2", "7, 2",
    })
    void tquantNegativeShiftUsesDoubleRounding(int x, int expected) {
        Sim s = quant(0x40000000, -1, 0, filled(x));
        assertThat(q(s, 0)).isEqualTo(expected);
    }

    @Test
    void tquantSrdhmOfMinTimesMinSaturates() {
        Sim s = quant(Integer.MIN_VALUE, 0, 0, filled(Integer.MIN_VALUE));
        assertThat(q(s, 0)).isEqualTo(127);
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(SAT);
    }

    @Test
    void tquantLeftShiftWrapsInInt32() {
        // x = 2^30, s = 2: x·4 wraps to 0, so the result is z.
        Sim s = quant(0x40000000, 2, -5, filled(0x40000000));
        assertThat(q(s, 0)).isEqualTo(-5);
        assertThat(s.csr(Csr.XSSTAT)).isZero();
    }

    @Test
    void tquantRightShiftBy31() {
        // M = 2^31 - 1 (~1.0), s = -31: x = 2^31 - 1 → SRDHM ≈ 2^31 - 2, /2^31 rounds to 1.
        Sim s = quant(Integer.MAX_VALUE, -31, 0, words(i -> i == 0 ? Integer.MAX_VALUE : i == 1 ? Integer.MIN_VALUE + 1 : 0));
        assertThat(q(s, 0)).isEqualTo(1);
        assertThat(q(s, 1)).isEqualTo(-1);
    }

    @Test
    void tquantPlacesResultsInBytes0To7AndZeroesTheRestOfEachRow() {
        Sim s = quant(0x40000000, 1, 0, words(i -> i));
        for (int r = 0; r < 8; r++) {
            for (int j = 0; j < 8; j++) assertThat(tileByte(s, 1, 32 * r + j)).isEqualTo((byte) (8 * r + j));
            for (int k = 8; k < 32; k++) assertThat(tileByte(s, 1, 32 * r + k)).isZero();
        }
    }

    @Test
    void tquantInPlaceReadsTheSourceFirst() {
        Sim s = withTiles("tquant.i8 m0, m0", words(i -> i));
        s.hart.setCsr(Csr.XSQMUL, 0x40000000);
        s.hart.setCsr(Csr.XSQSHIFT, 1);
        s.go();
        for (int r = 0; r < 8; r++) {
            for (int j = 0; j < 8; j++) assertThat(tileByte(s, 0, 32 * r + j)).isEqualTo((byte) (8 * r + j));
            for (int k = 8; k < 32; k++) assertThat(tileByte(s, 0, 32 * r + k)).isZero();
        }
    }

    @Test
    void tquantUsesTheCsrsWrittenByInstructions() {
        Sim s = withTiles("li a1, 0x40000000\ncsrw xsqmul, a1\ncsrwi xsqshift, 1\nli a2, -7\ncsrw xsqzp, a2\ntquant.i8 m1, m0",
                filled(10)).go();
        assertThat(q(s, 0)).isEqualTo(3);
    }

    // ------------------------------------------------------------------ tmma.e4m3

    static final int ONE = 0x38, TWO = 0x40, E4M3_NAN = 0x7F;

    static int[] e4m3Tile(int code) {
        byte[] b = new byte[256];
        java.util.Arrays.fill(b, (byte) code);
        return bytesToWords(b);
    }

    private static Sim mmaE4m3(int[] a, int[] b, int[] d, int ascl0, int ascl1, int bscl0, int bscl1) {
        Sim s = withTiles("tmma.e4m3 m2, m0, m1", a, b, d);
        s.hart.setCsr(Csr.XSASCL0, ascl0);
        s.hart.setCsr(Csr.XSASCL1, ascl1);
        s.hart.setCsr(Csr.XSBSCL0, bscl0);
        s.hart.setCsr(Csr.XSBSCL1, bscl1);
        return s.go();
    }

    private static final int UNIT = 0x7F7F7F7F; // every scale byte 127: 2^0

    @Test
    void tmmaE4m3OfOnesWithUnitScalesAdds32() {
        Sim s = mmaE4m3(e4m3Tile(ONE), e4m3Tile(ONE), filled(f(1f)), UNIT, UNIT, UNIT, UNIT);
        assertThat(s.tile(2)).containsOnly(f(33f));
        assertThat(s.csr(Csr.XSSTAT)).isZero();
    }

    @Test
    void tmmaE4m3AppliesTheScaleOfARowIAndBRowJ() {
        // A row i scale 2^i (byte i of xsascl0/1), B row j scale 2^-j: D[i][j] = 32·2^(i-j).
        int ascl0 = 127 | 128 << 8 | 129 << 16 | 130 << 24, ascl1 = 0x86858483; // bytes 127..130 / 131..134
        int bscl0 = 127 | 126 << 8 | 125 << 16 | 124 << 24, bscl1 = 123 | 122 << 8 | 121 << 16 | 120 << 24;
        Sim s = mmaE4m3(e4m3Tile(ONE), e4m3Tile(ONE), filled(0), ascl0, ascl1, bscl0, bscl1);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                assertThat(s.tileWord(2, 8 * i + j)).as("[%d][%d]", i, j).isEqualTo(f((float) (32 * Math.pow(2, i - j))));
            }
        }
    }

    @Test
    void tmmaE4m3NaNScaleMakesTheWholeRowTheCanonicalNaNWithNv() {
        int ascl0 = UNIT & ~(0xFF << 16) | 0xFF << 16; // row 2 NaN
        int bscl1 = UNIT & ~0xFF | 0xFF;              // B row 4 NaN
        Sim s = mmaE4m3(e4m3Tile(ONE), e4m3Tile(ONE), filled(0), ascl0, UNIT, UNIT, bscl1);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                int expected = i == 2 || j == 4 ? NAN : f(32f);
                assertThat(s.tileWord(2, 8 * i + j)).as("[%d][%d]", i, j).isEqualTo(expected);
            }
        }
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(NV);
    }

    @Test
    void tmmaE4m3NaNElementPoisonsItsRowOfAOrB() {
        byte[] a = new byte[256], b = new byte[256];
        java.util.Arrays.fill(a, (byte) ONE);
        java.util.Arrays.fill(b, (byte) ONE);
        a[32 * 3 + 17] = (byte) E4M3_NAN;      // A row 3
        b[32 * 6 + 31] = (byte) 0xFF;          // B row 6 (negative NaN code)
        Sim s = mmaE4m3(bytesToWords(a), bytesToWords(b), filled(0), UNIT, UNIT, UNIT, UNIT);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                assertThat(s.tileWord(2, 8 * i + j)).as("[%d][%d]", i, j).isEqualTo(i == 3 || j == 6 ? NAN : f(32f));
            }
        }
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(NV);
    }

    @Test
    void tmmaE4m3NaNAccumulatorGivesTheCanonicalNaNWithNv() {
        Sim s = mmaE4m3(e4m3Tile(ONE), e4m3Tile(ONE), words(i -> i == 10 ? 0x7F800001 : 0), UNIT, UNIT, UNIT, UNIT);
        assertThat(s.tileWord(2, 10)).isEqualTo(NAN);
        assertThat(s.tileWord(2, 11)).isEqualTo(f(32f));
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(NV);
    }

    @Test
    void tmmaE4m3InfinityMinusInfinityIsNaNWithNv() {
        // Scales 254 + 254: blk = 32·2^(254) overflows to +inf; D = -inf.
        int big = 0xFEFEFEFE;
        Sim s = mmaE4m3(e4m3Tile(ONE), e4m3Tile(ONE), filled(0xFF800000), big, big, big, big);
        assertThat(s.tile(2)).containsOnly(NAN);
        assertThat(s.csr(Csr.XSSTAT)).isEqualTo(NV);
    }

    @Test
    void tmmaE4m3OverflowToInfinityRaisesNoFlag() {
        int big = 0xFEFEFEFE;
        Sim s = mmaE4m3(e4m3Tile(ONE), e4m3Tile(ONE), filled(0), big, big, big, big);
        assertThat(s.tile(2)).containsOnly(0x7F800000);
        assertThat(s.csr(Csr.XSSTAT)).isZero();
    }

    @Test
    void tmmaE4m3ZeroProductGivesPlusZeroSoMinusZeroAccumulatorBecomesPlusZero() {
        Sim s = mmaE4m3(e4m3Tile(0), e4m3Tile(ONE), filled(0x80000000), UNIT, UNIT, UNIT, UNIT);
        assertThat(s.tile(2)).containsOnly(0);
    }

    @Test
    void tmmaE4m3TinyScalesKeepSubnormalBlocks() {
        // 32 · 2^(sa + sb - 254) with sa = sb = 1: 2^5 · 2^-252 = 2^-247 → underflows to +0;
        // with sa = 1, sb = 127: 2^5 · 2^-126 = 2^-121 (normal); sa = 1, sb = 104: 2^-144 (subnormal 0x20).
        Sim s = mmaE4m3(e4m3Tile(ONE), e4m3Tile(ONE), filled(0), 0x01010101, 0x01010101, 0x01017F68, 0x01010101);
        assertThat(s.tileWord(2, 0)).as("sb = 0x68 = 104").isEqualTo(0x00000020);
        assertThat(s.tileWord(2, 1)).as("sb = 127").isEqualTo(f((float) Math.pow(2, -121)));
        assertThat(s.tileWord(2, 2)).as("sb = 1").isZero();
    }

    @Test
    void tmmaE4m3ExactProductSumOfMixedValues() {
        // A row: k even → 2.0, k odd → -1.0; B row all 1.5 (0x3C): P = 16·(2·1.5) + 16·(-1·1.5) = 24.
        byte[] a = new byte[256], b = new byte[256];
        for (int i = 0; i < 256; i++) a[i] = (byte) ((i % 2 == 0) ? TWO : 0xB8);
        java.util.Arrays.fill(b, (byte) 0x3C);
        Sim s = mmaE4m3(bytesToWords(a), bytesToWords(b), filled(f(-4f)), UNIT, UNIT, UNIT, UNIT);
        assertThat(s.tile(2)).containsOnly(f(20f));
    }

    @Test
    void tmmaE4m3WithAllOperandsTheSameTileReadsOperandsFirst() {
        // m0 holds e4m3 ones, which read as f32 words 0x38383838 (≈ 4.4e-5): D += 32 on each.
        Sim s = withTiles("tmma.e4m3 m0, m0, m0", e4m3Tile(ONE));
        s.hart.setCsr(Csr.XSASCL0, UNIT);
        s.hart.setCsr(Csr.XSASCL1, UNIT);
        s.hart.setCsr(Csr.XSBSCL0, UNIT);
        s.hart.setCsr(Csr.XSBSCL1, UNIT);
        s.go();
        assertThat(s.tile(0)).containsOnly(f(Float.intBitsToFloat(0x38383838) + 32f));
    }
}
