package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RV32I integer computation (spec §1): LUI, AUIPC, the OP-IMM and OP instructions. */
class Rv32iAluTest {

    private static int rr(String op, int a, int b) {
        return Sim.load(op + " a0, a1, a2").set("a1", a).set("a2", b).go().x("a0");
    }

    private static int ri(String op, int a, int imm) {
        return Sim.load(op + " a0, a1, " + imm).set("a1", a).go().x("a0");
    }

    @Test
    void luiPlacesTheImmediateInBits31To12AndZeroesTheRest() {
        Sim s = Sim.run("li a0, -1\nlui a0, 0xfffff\nlui a1, 0x12345\nlui a2, 0");
        assertThat(s.x("a0")).isEqualTo(0xFFFFF000);
        assertThat(s.x("a1")).isEqualTo(0x12345000);
        assertThat(s.x("a2")).isZero();
    }

    @Test
    void auipcAddsTheUpperImmediateToItsOwnPc() {
        Sim s = Sim.run("nop\nhere: auipc a0, 0x12345\nthere: auipc a1, 0xfffff");
        assertThat(s.x("a0")).isEqualTo(s.sym("here") + 0x12345000);
        assertThat(s.x("a1")).isEqualTo(s.sym("there") - 0x1000);
    }

    @Test
    void addiSignExtendsItsTwelveBitImmediate() {
        assertThat(ri("addi", 5, -2048)).isEqualTo(5 - 2048);
        assertThat(ri("addi", 5, 2047)).isEqualTo(5 + 2047);
        assertThat(ri("addi", 0, -1)).isEqualTo(-1);
    }

    @Test
    void addiWrapsModulo2To32() {
        assertThat(ri("addi", 0x7FFFFFFF, 1)).isEqualTo(0x80000000);
        assertThat(ri("addi", 0x80000000, -1)).isEqualTo(0x7FFFFFFF);
    }

    @Test
    void sltiComparesSigned() {
        assertThat(ri("slti", -1, 0)).isEqualTo(1);
        assertThat(ri("slti", 0, -1)).isEqualTo(0);
        assertThat(ri("slti", 0x80000000, -2048)).isEqualTo(1);
        assertThat(ri("slti", 5, 5)).isEqualTo(0);
    }

    @Test
    void sltiuComparesUnsignedAgainstTheSignExtendedImmediate() {
        // -1 sign-extends to 0xFFFFFFFF, the largest unsigned value.
        assertThat(ri("sltiu", 5, -1)).isEqualTo(1);
        assertThat(ri("sltiu", -1, -1)).isEqualTo(0);
        assertThat(ri("sltiu", -1, 1)).isEqualTo(0);
        assertThat(ri("sltiu", 0, 1)).isEqualTo(1); // seqz
        assertThat(ri("sltiu", 0x80000000, -2048)).isEqualTo(1);
    }

    @Test
    void logicalImmediatesUseTheSignExtendedImmediate() {
        assertThat(ri("xori", 0x12345678, -1)).isEqualTo(~0x12345678);
        assertThat(ri("ori", 0x00F00000, -2048)).isEqualTo(0xFFFFF800);
        assertThat(ri("andi", 0x12345678, -16)).isEqualTo(0x12345670);
        assertThat(ri("andi", 0x12345678, 0x7FF)).isEqualTo(0x678);
        assertThat(ri("xori", 0x0F0F0F0F, 0x0FF)).isEqualTo(0x0F0F0FF0);
        assertThat(ri("ori", 0x10000000, 1)).isEqualTo(0x10000001);
    }

    @Test
    void shiftImmediatesByZeroAndThirtyOne() {
        assertThat(ri("slli", 1, 31)).isEqualTo(0x80000000);
        assertThat(ri("slli", 0x12345678, 0)).isEqualTo(0x12345678);
        assertThat(ri("srli", 0x80000000, 31)).isEqualTo(1);
        assertThat(ri("srli", -1, 0)).isEqualTo(-1);
        assertThat(ri("srai", 0x80000000, 31)).isEqualTo(-1);
        assertThat(ri("srai", 0x80000000, 4)).isEqualTo(0xF8000000);
        assertThat(ri("srai", 0x7FFFFFFF, 30)).isEqualTo(1);
        assertThat(ri("srli", 0xF0000000, 4)).isEqualTo(0x0F000000);
    }

    @Test
    void addAndSubWrapModulo2To32() {
        assertThat(rr("add", 0x7FFFFFFF, 1)).isEqualTo(0x80000000);
        assertThat(rr("add", -1, -1)).isEqualTo(-2);
        assertThat(rr("sub", 0x80000000, 1)).isEqualTo(0x7FFFFFFF);
        assertThat(rr("sub", 0, 1)).isEqualTo(-1);
        assertThat(rr("sub", 5, 7)).isEqualTo(-2);
    }

    @Test
    void sltIsSignedAndSltuIsUnsigned() {
        assertThat(rr("slt", -1, 1)).isEqualTo(1);
        assertThat(rr("sltu", -1, 1)).isEqualTo(0);
        assertThat(rr("slt", 1, -1)).isEqualTo(0);
        assertThat(rr("sltu", 1, -1)).isEqualTo(1);
        assertThat(rr("slt", 0x80000000, 0x7FFFFFFF)).isEqualTo(1);
        assertThat(rr("sltu", 0x80000000, 0x7FFFFFFF)).isEqualTo(0);
        assertThat(rr("slt", 3, 3)).isEqualTo(0);
        assertThat(rr("sltu", 3, 3)).isEqualTo(0);
        assertThat(rr("sltu", 0, 1)).isEqualTo(1); // snez when rs1 = x0
    }

    @Test
    void registerLogicalOperations() {
        assertThat(rr("xor", 0xFF00FF00, 0x0FF00FF0)).isEqualTo(0xF0F0F0F0);
        assertThat(rr("or", 0xFF00FF00, 0x0FF00FF0)).isEqualTo(0xFFF0FFF0);
        assertThat(rr("and", 0xFF00FF00, 0x0FF00FF0)).isEqualTo(0x0F000F00);
    }

    @ParameterizedTest(name = "{0} 0x{1} by x[rs2]={2} = 0x{3}")
    @CsvSource({
            // Register shifts use only x[rs2] & 31.
            "sll, 00000001, 31, 80000000",
            "sll, 00000001, 32, 00000001",
            "sll, 00000001, 33, 00000002",
            "sll, 00000001, -1, 80000000",
            "sll, 12345678, 0, 12345678",
            "srl, 80000000, 31, 00000001",
            "srl, 80000000, 32, 80000000",
            "srl, 80000000, 63, 00000001",
            "srl, ffffffff, 4, 0fffffff",
            "sra, 80000000, 31, ffffffff",
            "sra, 80000000, 32, 80000000",
            "sra, 80000000, -31, c0000000",
            "sra, 7fffffff, 31, 00000000",
            "sra, f0000000, 4, ff000000",
    })
    void registerShiftsUseOnlyTheLowFiveBitsOfRs2(String op, String a, int amount, String expected) {
        assertThat(rr(op, Integer.parseUnsignedInt(a, 16), amount)).isEqualTo(Integer.parseUnsignedInt(expected, 16));
    }

    @Test
    void sourceAndDestinationMayBeTheSameRegister() {
        Sim s = Sim.run("li a0, 3\nadd a0, a0, a0\nli a1, 10\nsub a1, a1, a1\nli a2, 1\nsll a2, a2, a2");
        assertThat(s.x("a0")).isEqualTo(6);
        assertThat(s.x("a1")).isZero();
        assertThat(s.x("a2")).isEqualTo(2);
    }

    @Test
    void writesToX0AreDiscardedAndX0ReadsZero() {
        Sim s = Sim.run("""
                addi zero, zero, 5
                lui zero, 0x12345
                auipc zero, 1
                li a1, 7
                add zero, a1, a1
                add a0, zero, zero
                addi a2, zero, 9
                """);
        assertThat(s.hart.x(0)).isZero();
        assertThat(s.x("a0")).isZero();
        assertThat(s.x("a2")).isEqualTo(9);
    }
}
