package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every M instruction against the RISC-V semantics written with arbitrary-precision integers, for
 * random and boundary operands (jqwik; the directed cases are {@link Rv32mTest}: one test engine
 * per class, so each engine's report counts its own tests).
 */
class Rv32mProperties {

    private static final BigInteger TWO32 = BigInteger.ONE.shiftLeft(32);

    private static BigInteger signed(int v) { return BigInteger.valueOf(v); }

    private static BigInteger unsigned(int v) { return BigInteger.valueOf(v & 0xFFFF_FFFFL); }

    private static int low(BigInteger v) { return v.mod(TWO32).intValue(); }

    private static int high(BigInteger v) { return low(v.shiftRight(32)); }

    /** The RISC-V M semantics written with arbitrary-precision integers. */
    static int reference(String op, int a, int b) {
        return switch (op) {
            case "mul" -> low(signed(a).multiply(signed(b)));
            case "mulh" -> high(signed(a).multiply(signed(b)));
            case "mulhsu" -> high(signed(a).multiply(unsigned(b)));
            case "mulhu" -> high(unsigned(a).multiply(unsigned(b)));
            case "div" -> b == 0 ? -1 : low(signed(a).divide(signed(b)));
            case "divu" -> b == 0 ? -1 : low(unsigned(a).divide(unsigned(b)));
            case "rem" -> b == 0 ? a : low(signed(a).remainder(signed(b)));
            case "remu" -> b == 0 ? a : low(unsigned(a).remainder(unsigned(b)));
            default -> throw new IllegalArgumentException(op);
        };
    }

    @Provide
    Arbitrary<Integer> operand() {
        return Arbitraries.oneOf(Arbitraries.integers(),
                Arbitraries.of(0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x80000001, 0xFFFF, 0x10000));
    }

    @Provide
    Arbitrary<String> mOp() {
        return Arbitraries.of("mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu");
    }

    @Property(tries = 400)
    void everyMInstructionMatchesTheArbitraryPrecisionDefinition(@ForAll("mOp") String op, @ForAll("operand") int a,
                                                                  @ForAll("operand") int b) {
        assertThat(Rv32mTest.rr(op, a, b)).isEqualTo(reference(op, a, b));
    }
}
