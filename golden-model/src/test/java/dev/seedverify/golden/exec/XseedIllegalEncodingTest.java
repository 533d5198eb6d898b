package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.commit.CommitRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Xseed illegal encodings (spec §1, §2.2): a tile operand ≥ 8, a reserved field that is not
 * zero, or an undefined funct3/funct7 in custom-0 is an illegal instruction: cause 2, mtval =
 * the word, nothing changes.
 */
class XseedIllegalEncodingTest {

    static int xseed(int funct7, int rs2, int rs1, int funct3, int rd) {
        return funct7 << 25 | rs2 << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | 0b0001011;
    }

    static List<Arguments> illegalWords() {
        List<Arguments> l = new ArrayList<>();
        // tile operand >= 8
        l.add(Arguments.of("tld with tile 8", xseed(0, 12, 11, 0, 8)));
        l.add(Arguments.of("tst with tile 31", xseed(1, 12, 11, 0, 31)));
        l.add(Arguments.of("tstn with tile 9", xseed(2, 12, 11, 0, 9)));
        l.add(Arguments.of("tzero m8", xseed(0, 0, 0, 1, 8)));
        l.add(Arguments.of("tmma.i8 D=8", xseed(1, 1, 0, 1, 8)));
        l.add(Arguments.of("tmma.i8 A=8", xseed(1, 1, 8, 1, 2)));
        l.add(Arguments.of("tmma.i8 B=8", xseed(1, 8, 0, 1, 2)));
        l.add(Arguments.of("tmma.e4m3 B=16", xseed(2, 16, 0, 1, 2)));
        l.add(Arguments.of("tadd.i32 A=15", xseed(3, 1, 15, 1, 2)));
        l.add(Arguments.of("tmax.i32 D=12", xseed(4, 1, 0, 1, 12)));
        l.add(Arguments.of("trelu.i32 A=8", xseed(5, 0, 8, 1, 1)));
        l.add(Arguments.of("tadd.f32 B=31", xseed(6, 31, 0, 1, 1)));
        l.add(Arguments.of("tquant.i8 D=8", xseed(0, 0, 0, 2, 8)));
        l.add(Arguments.of("tcvt.e4m3 A=8", xseed(1, 0, 8, 2, 1)));
        l.add(Arguments.of("tget A=8", xseed(0, 12, 8, 3, 10)));
        l.add(Arguments.of("tput D=8", xseed(1, 12, 11, 3, 8)));
        // reserved fields not zero
        l.add(Arguments.of("tzero with rs1 = 1", xseed(0, 0, 1, 1, 0)));
        l.add(Arguments.of("tzero with rs2 = 1", xseed(0, 1, 0, 1, 0)));
        l.add(Arguments.of("trelu.i32 with rs2 = 1", xseed(5, 1, 0, 1, 1)));
        l.add(Arguments.of("tquant.i8 with rs2 = 2", xseed(0, 2, 0, 2, 1)));
        l.add(Arguments.of("tcvt.e4m3 with rs2 = 4", xseed(1, 4, 0, 2, 1)));
        // undefined funct7 / funct3
        l.add(Arguments.of("funct3 000 funct7 0000011", xseed(3, 12, 11, 0, 1)));
        l.add(Arguments.of("funct3 000 funct7 1000000", xseed(0x40, 12, 11, 0, 1)));
        l.add(Arguments.of("funct3 001 funct7 0000111", xseed(7, 1, 0, 1, 2)));
        l.add(Arguments.of("funct3 001 funct7 1111111", xseed(0x7F, 1, 0, 1, 2)));
        l.add(Arguments.of("funct3 010 funct7 0000010", xseed(2, 0, 0, 2, 1)));
        l.add(Arguments.of("funct3 011 funct7 0000010", xseed(2, 12, 0, 3, 1)));
        for (int f3 = 4; f3 < 8; f3++) l.add(Arguments.of("funct3 " + f3, xseed(0, 0, 0, f3, 0)));
        return l;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegalWords")
    void illegalXseedEncodingTrapsWithCause2AndTvalTheWordAndChangesNothing(String what, int word) {
        Sim s = Sim.load("li a0, 5\nla a1, d\nli a2, 32\nbad: .word " + word + "\nli a0, 6", "d: .space 256");
        for (int t = 0; t < 8; t++) for (int i = 0; i < 64; i++) s.hart.tiles().setWord(t, i, 0x100 * t + i);
        byte[] mem = Rv32iLoadStoreTest.dram(s);
        s.go();
        CommitRecord r = s.at("bad");
        assertThat(r.trap()).isTrue();
        assertThat(r.cause()).isEqualTo(2);
        assertThat(r.tval()).isEqualTo(word);
        assertThat(r.insn()).isEqualTo(word);
        assertThat(r.tileWrite()).isFalse();
        assertThat(s.x("a0")).isEqualTo(5);
        for (int t = 0; t < 8; t++) for (int i = 0; i < 64; i++) assertThat(s.tileWord(t, i)).isEqualTo(0x100 * t + i);
        assertThat(Rv32iLoadStoreTest.dram(s)).isEqualTo(mem);
    }

    static List<Arguments> legalWords() {
        List<Arguments> l = new ArrayList<>();
        l.add(Arguments.of("tld m7", xseed(0, 12, 11, 0, 7)));
        l.add(Arguments.of("tzero m7", xseed(0, 0, 0, 1, 7)));
        l.add(Arguments.of("tmma.i8 m7, m7, m7", xseed(1, 7, 7, 1, 7)));
        l.add(Arguments.of("tget x31, m7, x31", xseed(0, 31, 7, 3, 31)));
        l.add(Arguments.of("tput m7, x31, x31", xseed(1, 31, 31, 3, 7)));
        return l;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legalWords")
    void boundaryXseedEncodingsAreLegal(String what, int word) {
        Sim s = Sim.load("la a1, d\nli a2, 32\nli t6, 3\n.word " + word, "d: .space 256").go();
        assertThat(s.trapped()).isFalse();
    }
}
