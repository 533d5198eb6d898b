package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The M extension (spec §1): products, high halves by signedness, division by zero and overflow,
 * case by case ({@link Rv32mProperties}: against an arbitrary-precision reference).
 */
class Rv32mTest {

    static int rr(String op, int a, int b) {
        return Sim.load(op + " a0, a1, a2").set("a1", a).set("a2", b).go().x("a0");
    }

    private static int hex(String s) {
        return s.startsWith("-") ? Integer.parseInt(s) : Integer.parseUnsignedInt(s, 16);
    }

    @ParameterizedTest(name = "{0} 0x{1}, 0x{2} = 0x{3}")
    @CsvSource({
            "mul, 00000007, 00000006, 0000002a",
            "mul, 7fffffff, 00000002, fffffffe",
            "mul, ffffffff, ffffffff, 00000001",
            "mul, 80000000, ffffffff, 80000000",
            "mul, 12345678, 9abcdef0, 242d2080",
    })
    void mulGivesTheLow32BitsOfTheProduct(String op, String a, String b, String expected) {
        assertThat(rr(op, hex(a), hex(b))).isEqualTo(hex(expected));
    }

    @ParameterizedTest(name = "{0} 0x{1}, 0x{2} = 0x{3}")
    @CsvSource({
            // mulh: signed × signed
            "mulh, ffffffff, ffffffff, 00000000",
            "mulh, ffffffff, 00000001, ffffffff",
            "mulh, 80000000, 80000000, 40000000",
            "mulh, 7fffffff, 7fffffff, 3fffffff",
            "mulh, 80000000, 7fffffff, c0000000",
            "mulh, 00010000, 00010000, 00000001",
            // mulhsu: signed rs1 × unsigned rs2
            "mulhsu, ffffffff, ffffffff, ffffffff",
            "mulhsu, 00000002, 80000000, 00000001",
            "mulhsu, 80000000, ffffffff, 80000000",
            "mulhsu, 7fffffff, ffffffff, 7ffffffe",
            "mulhsu, ffffffff, 00000001, ffffffff",
            // mulhu: unsigned × unsigned
            "mulhu, ffffffff, ffffffff, fffffffe",
            "mulhu, 80000000, 80000000, 40000000",
            "mulhu, ffffffff, 00000001, 00000000",
            "mulhu, 00010000, 00010000, 00000001",
    })
    void highProductsTreatOperandsWithTheirSignedness(String op, String a, String b, String expected) {
        assertThat(rr(op, hex(a), hex(b))).isEqualTo(hex(expected));
    }

    @ParameterizedTest(name = "{0} {1}, {2} = {3}")
    @CsvSource({
            "div, 7, 2, 3", "div, -7, 2, -3", "div, 7, -2, -3", "div, -7, -2, 3",
            "div, 5, 0, -1", "div, -5, 0, -1", "div, 0, 0, -1",
            "div, -2147483648, -1, -2147483648",
            "rem, 7, 2, 1", "rem, -7, 2, -1", "rem, 7, -2, 1", "rem, -7, -2, -1",
            "rem, 5, 0, 5", "rem, -5, 0, -5",
            "rem, -2147483648, -1, 0",
    })
    void signedDivisionTruncatesTowardZeroAndDefinesZeroDivisorAndOverflow(String op, int a, int b, int expected) {
        assertThat(rr(op, a, b)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} 0x{1}, 0x{2} = 0x{3}")
    @CsvSource({
            "divu, 00000007, 00000002, 00000003",
            "divu, fffffffe, 00000002, 7fffffff",
            "divu, 80000000, ffffffff, 00000000",
            "divu, 00000005, 00000000, ffffffff",
            "divu, 00000000, 00000000, ffffffff",
            "remu, ffffffff, 0000000a, 00000005",
            "remu, 00000007, 00000002, 00000001",
            "remu, 80000000, ffffffff, 80000000",
            "remu, 00000005, 00000000, 00000005",
            "remu, fffffffb, 00000000, fffffffb",
    })
    void unsignedDivisionAndRemainder(String op, String a, String b, String expected) {
        assertThat(rr(op, hex(a), hex(b))).isEqualTo(hex(expected));
    }
}
