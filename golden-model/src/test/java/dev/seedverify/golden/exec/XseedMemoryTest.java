package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.isa.Csr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * tld / tst / tstn (spec §2.2): row r at x[rs1] + r·x[rs2] for positive, zero and negative
 * strides and overlapping rows; base and stride must be multiples of 4 (cause 4 / 6, mtval =
 * x[rs1]); all rows are checked before any byte moves (a fault changes neither memory nor the
 * tile) with mtval = the first faulting byte in row order.
 */
class XseedMemoryTest {

    /** 512 words: the word at rows + 4k holds 0x1000 + k. Then 2 KiB of free space labelled out. */
    static final String PATTERN;

    static {
        StringBuilder b = new StringBuilder("rows:\n");
        for (int k = 0; k < 512; k += 8) {
            b.append("    .word ");
            for (int j = 0; j < 8; j++) b.append(j == 0 ? "" : ", ").append(0x1000 + k + j);
            b.append('\n');
        }
        b.append("out: .space 2048\nafter: .word 0\n");
        PATTERN = b.toString();
    }

    /** The value the pattern holds at byte offset {@code off} from rows (a multiple of 4). */
    private static int pattern(int off) { return 0x1000 + off / 4; }

    private static Sim tld(int baseOffset, int stride) {
        Sim s = Sim.load("la a1, rows\naddi a1, a1, " + baseOffset + "\nli a2, " + stride + "\nt: tld m2, (a1), a2", PATTERN);
        return s.go();
    }

    @ParameterizedTest(name = "base rows+{0}, stride {1}")
    @CsvSource({"0, 32", "0, 64", "64, 36", "0, 0", "1024, -32", "1024, -100", "0, 4", "0, 16", "480, -64", "0, 8"})
    void tldLoadsRowRFromBasePlusRTimesStride(int baseOffset, int stride) {
        Sim s = tld(baseOffset, stride);
        assertThat(s.trapped()).isFalse();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                assertThat(s.tileWord(2, 8 * r + c)).as("row %d word %d", r, c)
                        .isEqualTo(pattern(baseOffset + r * stride + 4 * c));
            }
        }
    }

    @Test
    void tldWithZeroStrideLoadsTheSameRowEightTimes() {
        Sim s = tld(0, 0);
        for (int r = 1; r < 8; r++) {
            for (int c = 0; c < 8; c++) assertThat(s.tileWord(2, 8 * r + c)).isEqualTo(s.tileWord(2, c));
        }
    }

    @Test
    void tstStoresRowRToBasePlusRTimesStride() {
        Sim s = Sim.load("la a1, out\nli a2, 48\ntst m4, (a1), a2", PATTERN);
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(4, i, 0xA0000000 + i);
        s.go();
        int out = s.sym("out");
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) assertThat(s.word(out + 48 * r + 4 * c)).isEqualTo(0xA0000000 + 8 * r + c);
            if (r < 7) for (int c = 8; c < 12; c++) assertThat(s.word(out + 48 * r + 4 * c)).as("gap").isZero();
        }
    }

    @Test
    void tstWithNegativeStrideStoresRowsDownwards() {
        Sim s = Sim.load("la a1, out\naddi a1, a1, 1024\nli a2, -64\ntst m0, (a1), a2", PATTERN);
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(0, i, i * 3 + 1);
        s.go();
        int base = s.sym("out") + 1024;
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) assertThat(s.word(base - 64 * r + 4 * c)).isEqualTo((8 * r + c) * 3 + 1);
        }
    }

    @Test
    void tstWithOverlappingRowsWritesInRowOrderSoLaterRowsWin() {
        Sim s = Sim.load("la a1, out\nli a2, 16\ntst m1, (a1), a2\nla a3, out2\ntst m1, (a3), zero",
                PATTERN + "out2: .space 64\n");
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(1, i, 0x100 * (i / 8) + i % 8);
        s.go();
        int out = s.sym("out");
        // Row r covers words [4r, 4r + 8); row r + 1 overwrites words 4r + 4 .. 4r + 7.
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 4; c++) assertThat(s.word(out + 16 * r + 4 * c)).isEqualTo(0x100 * r + c);
        }
        for (int c = 0; c < 8; c++) assertThat(s.word(out + 16 * 7 + 4 * c)).isEqualTo(0x700 + c);
        // Stride 0: row 7 is what remains.
        for (int c = 0; c < 8; c++) assertThat(s.word(s.sym("out2") + 4 * c)).isEqualTo(0x700 + c);
    }

    @Test
    void tstnWritesOnlyBytes0To7OfEachRow() {
        Sim s = Sim.load("la a1, out\nli a3, -1\nli a4, 512\nfill: sw a3, 0(a1)\naddi a1, a1, 4\naddi a4, a4, -1\nbnez a4, fill\n"
                + "la a1, out\nli a2, 32\ntstn m5, (a1), a2", PATTERN);
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(5, i, 0x5000 + i);
        s.go();
        int out = s.sym("out");
        for (int r = 0; r < 8; r++) {
            assertThat(s.word(out + 32 * r)).isEqualTo(0x5000 + 8 * r);
            assertThat(s.word(out + 32 * r + 4)).isEqualTo(0x5000 + 8 * r + 1);
            for (int c = 2; c < 8; c++) assertThat(s.word(out + 32 * r + 4 * c)).as("row %d word %d untouched", r, c).isEqualTo(-1);
        }
    }

    @Test
    void tstnWithStride8PacksRowsContiguously() {
        Sim s = Sim.load("la a1, out\nli a2, 8\ntstn m5, (a1), a2", PATTERN);
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(5, i, i);
        s.go();
        for (int r = 0; r < 8; r++) {
            assertThat(s.word("out", 8 * r)).isEqualTo(8 * r);
            assertThat(s.word("out", 8 * r + 4)).isEqualTo(8 * r + 1);
        }
        assertThat(s.word("out", 64)).isZero();
    }

    @Test
    void tldThenTstRoundTripsMemory() {
        Sim s = Sim.run("la a1, rows\nli a2, 32\ntld m6, (a1), a2\nla a3, out\ntst m6, (a3), a2", PATTERN);
        for (int i = 0; i < 64; i++) assertThat(s.word("out", 4 * i)).isEqualTo(0x1000 + i);
    }

    // ------------------------------------------------------------------ alignment

    @ParameterizedTest(name = "{0} base+{1} stride {2}")
    @CsvSource({"tld, 1, 32, 4", "tld, 2, 32, 4", "tld, 0, 33, 4", "tld, 0, 2, 4", "tld, 3, -1, 4",
            "tst, 2, 32, 6", "tst, 0, 30, 6", "tstn, 1, 8, 6", "tstn, 0, 9, 6"})
    void misalignedBaseOrStrideTrapsWithTvalTheBase(String op, int baseOffset, int stride, int cause) {
        Sim s = Sim.load("la a1, out\naddi a1, a1, " + baseOffset + "\nli a2, " + stride + "\nt: " + op + " m1, (a1), a2", PATTERN);
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(1, i, 0x7777 + i);
        s.go();
        CommitRecord r = s.at("t");
        assertThat(r.trap()).isTrue();
        assertThat(r.cause()).isEqualTo(cause);
        assertThat(r.tval()).isEqualTo(s.sym("out") + baseOffset);
        assertThat(s.csr(Csr.MEPC)).isEqualTo(s.sym("t"));
        for (int i = 0; i < 64; i++) assertThat(s.tileWord(1, i)).isEqualTo(0x7777 + i);
        for (int i = 0; i < 512; i++) assertThat(s.word("out", 4 * i)).isZero();
    }

    @Test
    void misalignedBeatsAccessFaultForTileAccesses() {
        Sim s = Sim.run("li a1, 0x100\nli a2, 2\ntld m0, (a1), a2");
        assertThat(s.trapRecord().cause()).isEqualTo(4);
        assertThat(s.trapRecord().tval()).isEqualTo(0x100);
    }

    // ------------------------------------------------------------------ precise faults

    private static final int DRAM_END = Sim.BASE + Sim.DEFAULT_DRAM;

    @Test
    void faultingTldLeavesTheTileUnchanged() {
        // Rows 0..6 inside DRAM, row 7 straddles the end: nothing is loaded.
        Sim s = Sim.load("t: tld m3, (a1), a2").set("a1", DRAM_END - 7 * 32 - 16).set("a2", 32);
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(3, i, 0x3300 + i);
        s.go();
        CommitRecord r = s.at("t");
        assertThat(r.cause()).isEqualTo(5);
        assertThat(r.tval()).as("first faulting byte: the DRAM end").isEqualTo(DRAM_END);
        for (int i = 0; i < 64; i++) assertThat(s.tileWord(3, i)).isEqualTo(0x3300 + i);
    }

    @Test
    void faultingTstWritesNoMemory() {
        Sim s = Sim.load("t: tst m3, (a1), a2").set("a1", DRAM_END - 7 * 64 - 16).set("a2", 64);
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(3, i, 0x3300 + i);
        byte[] before = Rv32iLoadStoreTest.dram(s);
        s.go();
        CommitRecord r = s.at("t");
        assertThat(r.cause()).isEqualTo(7);
        assertThat(r.tval()).isEqualTo(DRAM_END);
        assertThat(r.memory()).isEmpty();
        assertThat(Rv32iLoadStoreTest.dram(s)).isEqualTo(before);
    }

    @Test
    void faultingTstnWritesNoMemoryAndReportsTheDramEnd() {
        Sim s = Sim.load("t: tstn m3, (a1), a2").set("a1", DRAM_END - 7 * 8 - 4).set("a2", 8);
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(3, i, -1);
        byte[] before = Rv32iLoadStoreTest.dram(s);
        s.go();
        assertThat(s.at("t").cause()).isEqualTo(7);
        assertThat(s.at("t").tval()).isEqualTo(DRAM_END);
        assertThat(Rv32iLoadStoreTest.dram(s)).isEqualTo(before);
    }

    @Test
    void tstnRowEndingExactlyAtDramEndIsFine() {
        Sim s = Sim.load("t: tstn m3, (a1), a2").set("a1", DRAM_END - 8 * 8).set("a2", 8);
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(3, i, i);
        s.go();
        assertThat(s.trapped()).isFalse();
        assertThat(s.word(DRAM_END - 8)).isEqualTo(56);
        assertThat(s.word(DRAM_END - 4)).isEqualTo(57);
    }

    @Test
    void tldOfAWholeRowPastDramEndReportsTheRowStart() {
        Sim s = Sim.load("t: tld m0, (a1), a2").set("a1", DRAM_END - 3 * 64).set("a2", 64).go();
        assertThat(s.at("t").tval()).isEqualTo(DRAM_END); // row 3 starts exactly at the end
        Sim t = Sim.load("t: tld m0, (a1), a2").set("a1", DRAM_END - 2 * 96 + 32).set("a2", 96).go();
        assertThat(t.at("t").tval()).as("row 2 starts 32 bytes past the end").isEqualTo(DRAM_END + 32);
    }

    @Test
    void negativeStrideBelowDramFaultsAtTheFirstFaultingRowInRowOrder() {
        Sim s = Sim.load("t: tld m0, (a1), a2").set("a1", Sim.BASE + 64).set("a2", -32).go();
        // Rows 0..2 are at BASE + 64, + 32, + 0; row 3 at BASE - 32 is the first outside.
        assertThat(s.at("t").cause()).isEqualTo(5);
        assertThat(s.at("t").tval()).isEqualTo(Sim.BASE - 32);
    }

    @Test
    void baseOutsideDramFaultsAtTheBase() {
        Sim s = Sim.load("t: tst m0, (a1), a2").set("a1", 0x40000000).set("a2", 32).go();
        assertThat(s.at("t").cause()).isEqualTo(7);
        assertThat(s.at("t").tval()).isEqualTo(0x40000000);
    }

    @Test
    void strideWrappingTheAddressSpaceFaultsInRowOrder() {
        // Row 1 = base + 0x80000000 wraps to below DRAM.
        Sim s = Sim.load("t: tld m0, (a1), a2").set("a1", Sim.BASE + 0x100).set("a2", 0x80000000).go();
        assertThat(s.at("t").cause()).isEqualTo(5);
        assertThat(s.at("t").tval()).isEqualTo(0x100);
    }

    @Test
    void lastRowOfDramIsLoadable() {
        Sim s = Sim.load("t: tld m0, (a1), a2").set("a1", DRAM_END - 8 * 32).set("a2", 32).go();
        assertThat(s.trapped()).isFalse();
    }
}
