package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.isa.Csr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSR rules of spec §1.1 and §2.3: each CSR's read value and writable bits, WARL clamps
 * through every CSR instruction form, read-only CSRs (readable; any write illegal), unknown CSRs
 * illegal, and the write/read conditions of the Zicsr forms.
 */
class CsrTest {

    private static final int MIE = 1 << 3, MPIE = 1 << 7, MPP = 3 << 11;

    /** Encodes a CSR instruction directly (the assembler refuses illegal ones). */
    static int csrWord(int funct3, int rd, int csr, int rs1OrZimm) {
        return csr << 20 | rs1OrZimm << 15 | funct3 << 12 | rd << 7 | 0x73;
    }

    /** Writes {@code value} with csrw, reads it back with csrr. */
    private static int writeThenRead(String csr, int value) {
        Sim s = Sim.load("csrw " + csr + ", a1\ncsrr a0, " + csr).set("a1", value).go();
        assertThat(s.trapped()).isFalse();
        return s.x("a0");
    }

    // ------------------------------------------------------------------ machine CSRs

    /** The spec gives no reset value for MIE/MPIE; this pins the golden model's choice (both clear). */
    @Test
    void goldenModelResetsMstatusWithMieAndMpieClear() {
        assertThat(Sim.run("csrr a0, mstatus").x("a0")).isEqualTo(MPP);
    }

    @Test
    void mstatusKeepsOnlyMieAndMpieAndMppAlwaysReads3() {
        assertThat(writeThenRead("mstatus", -1)).isEqualTo(MIE | MPIE | MPP);
        assertThat(writeThenRead("mstatus", 0)).isEqualTo(MPP);
        assertThat(writeThenRead("mstatus", MIE)).isEqualTo(MIE | MPP);
        assertThat(writeThenRead("mstatus", MPIE)).isEqualTo(MPIE | MPP);
        assertThat(writeThenRead("mstatus", ~(MIE | MPIE))).isEqualTo(MPP);
    }

    @Test
    void misaReadsRv32ImxAndWritingItIsIllegal() {
        Sim s = Sim.run("csrr a0, misa");
        assertThat(s.x("a0")).isEqualTo(0x40801100);
        assertThat(s.trapped()).isFalse();
        int word = csrWord(1, 0, 0x301, 11); // csrrw zero, misa, a1
        Sim w = Sim.run("li a1, 0\nbad: .word " + word);
        assertThat(w.trapRecord().cause()).isEqualTo(2);
        assertThat(w.trapRecord().tval()).isEqualTo(word);
        assertThat(w.csr(Csr.MISA)).isEqualTo(0x40801100);
    }

    @Test
    void mieAndMipReadZeroAndIgnoreWrites() {
        assertThat(writeThenRead("mie", -1)).isZero();
        assertThat(writeThenRead("mip", -1)).isZero();
        Sim s = Sim.run("li a1, -1\ncsrrs a0, mie, a1\ncsrrs a2, mip, a1\ncsrr a3, mie");
        assertThat(s.trapped()).isFalse();
        assertThat(s.x("a3")).isZero();
    }

    @Test
    void mtvecIsDirectModeOnlyWithBits1To0ReadingZero() {
        assertThat(writeThenRead("mtvec", 0x80001237)).isEqualTo(0x80001234);
        assertThat(writeThenRead("mtvec", -1)).isEqualTo(0xFFFFFFFC);
    }

    @Test
    void mscratchIsFullyReadWrite() {
        assertThat(writeThenRead("mscratch", 0xDEADBEEF)).isEqualTo(0xDEADBEEF);
        assertThat(writeThenRead("mscratch", 3)).isEqualTo(3);
    }

    @Test
    void mepcBits1To0ReadZero() {
        assertThat(writeThenRead("mepc", 0x80000003)).isEqualTo(0x80000000);
        assertThat(writeThenRead("mepc", 0x12345676)).isEqualTo(0x12345674);
    }

    @Test
    void mcauseAndMtvalAreFullyReadWrite() {
        assertThat(writeThenRead("mcause", 0xFFFFFFFF)).isEqualTo(0xFFFFFFFF);
        assertThat(writeThenRead("mcause", 0x80000007)).isEqualTo(0x80000007);
        assertThat(writeThenRead("mtval", 0x13579BDF)).isEqualTo(0x13579BDF);
    }

    /** The spec gives no reset values for these machine CSRs; this pins the golden model's (zero). */
    @Test
    void goldenModelResetsTheOtherMachineCsrsToZero() {
        Sim s = Sim.load("csrr a0, mscratch\ncsrr a1, mepc\ncsrr a2, mcause\ncsrr a3, mtval\ncsrr a4, mie\ncsrr a5, mip");
        s.go();
        for (String r : new String[] {"a0", "a1", "a2", "a3", "a4", "a5"}) assertThat(s.x(r)).as(r).isZero();
        Hart fresh = new Hart(new Memory(Memory.MIN_BYTES));
        assertThat(fresh.csr(Csr.MTVEC)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mvendorid", "marchid", "mimpid", "mhartid"})
    void identificationCsrsReadZero(String csr) {
        Sim s = Sim.run("li a0, 5\ncsrr a0, " + csr);
        assertThat(s.trapped()).isFalse();
        assertThat(s.x("a0")).isZero();
    }

    @Test
    void mcycleAndMcyclehAreReadableAndWritable() {
        // The value is implementation-defined: only that the accesses do not trap.
        Sim s = Sim.run("csrr a0, mcycle\ncsrr a1, mcycleh\nli a2, 1000\ncsrw mcycle, a2\ncsrw mcycleh, zero\n"
                + "csrrs a3, mcycle, zero\nrdcycle a4\nrdcycleh a5");
        assertThat(s.trapped()).isFalse();
    }

    // ------------------------------------------------------------------ read-only and unknown CSRs

    @ParameterizedTest
    @ValueSource(ints = {0x301, 0xC00, 0xC02, 0xC80, 0xC82, 0xF11, 0xF12, 0xF13, 0xF14})
    void readOnlyCsrsAreReadableWithEveryNonWritingForm(int csr) {
        String code = ".word %d\n.word %d\n.word %d\n.word %d".formatted(
                csrWord(2, 10, csr, 0),   // csrrs a0, csr, zero
                csrWord(3, 11, csr, 0),   // csrrc a1, csr, zero
                csrWord(6, 12, csr, 0),   // csrrsi a2, csr, 0
                csrWord(7, 13, csr, 0));  // csrrci a3, csr, 0
        Sim s = Sim.run(code);
        assertThat(s.trapped()).isFalse();
        assertThat(s.records()).hasSize(4).allSatisfy(r -> assertThat(r.csrWrite()).isFalse());
    }

    @ParameterizedTest(name = "csr 0x{0}, form funct3={1} rs1/zimm={2} rd={3}")
    @CsvSource({
            // every writing form on each read-only CSR, including csrrw with rd = x0 and a zero source value
            "301, 1, 0, 0", "301, 1, 11, 10", "301, 2, 11, 10", "301, 3, 11, 10", "301, 5, 0, 10", "301, 6, 1, 10", "301, 7, 1, 10",
            "c00, 1, 0, 0", "c00, 2, 12, 10", "c00, 6, 31, 0",
            "c02, 1, 11, 10", "c02, 3, 12, 0", "c02, 7, 4, 10",
            "c80, 1, 11, 0", "c80, 2, 12, 10",
            "c82, 5, 3, 10", "c82, 3, 12, 10",
            "f11, 1, 11, 10", "f11, 2, 12, 0",
            "f12, 5, 0, 0", "f12, 6, 2, 10",
            "f13, 1, 0, 10", "f13, 3, 12, 10",
            "f14, 1, 11, 0", "f14, 7, 8, 10",
    })
    void anyWriteToAReadOnlyCsrIsIllegalEvenWithAZeroValue(String csr, int funct3, int src, int rd) {
        int word = csrWord(funct3, rd, Integer.parseInt(csr, 16), src);
        // a2 (x12) holds 0: csrrs/csrrc with a non-zero rs1 FIELD write even when the value is 0.
        Sim s = Sim.run("li a0, 77\nli a1, -1\nli a2, 0\nbad: .word " + word);
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("bad"));
        assertThat(r.cause()).isEqualTo(2);
        assertThat(r.tval()).isEqualTo(word);
        assertThat(s.x("a0")).as("rd unchanged").isEqualTo(77);
    }

    @ParameterizedTest(name = "csr 0x{0}")
    @ValueSource(strings = {"000", "001", "003", "302", "303", "306", "310", "320", "345", "3a0", "7b0", "7c8", "7ff", "b01", "b03", "c01",
            "c03", "c81", "f10", "f15", "fff", "b1f", "800"})
    void unknownCsrNumbersAreIllegalEvenForReads(String csr) {
        int word = csrWord(2, 10, Integer.parseInt(csr, 16), 0); // csrrs a0, csr, zero
        Sim s = Sim.run("li a0, 77\nbad: .word " + word);
        assertThat(s.trapRecord().cause()).isEqualTo(2);
        assertThat(s.trapRecord().tval()).isEqualTo(word);
        assertThat(s.x("a0")).isEqualTo(77);
    }

    // ------------------------------------------------------------------ instruction forms

    @Test
    void csrrwReturnsTheOldValueAndWritesTheNew() {
        Sim s = Sim.run("li a1, 5\ncsrw mscratch, a1\nli a2, 9\ncsrrw a0, mscratch, a2\ncsrr a3, mscratch");
        assertThat(s.x("a0")).isEqualTo(5);
        assertThat(s.x("a3")).isEqualTo(9);
    }

    @Test
    void csrrwWithRdX0DoesNotReadTheCsr() {
        Sim s = Sim.run("li a1, 5\nw: csrrw zero, mscratch, a1");
        CommitRecord r = s.at("w");
        assertThat(r.csrRead()).isFalse();
        assertThat(r.csrWrite()).isTrue();
        assertThat(r.csrWdata()).isEqualTo(5);
    }

    @Test
    void csrrwWithSourceX0WritesZero() {
        Sim s = Sim.run("li a1, 5\ncsrw mscratch, a1\nw: csrrw a0, mscratch, zero\ncsrr a2, mscratch");
        assertThat(s.at("w").csrWrite()).isTrue();
        assertThat(s.x("a0")).isEqualTo(5);
        assertThat(s.x("a2")).isZero();
    }

    @Test
    void csrrsSetsTheBitsOfRs1AndReturnsTheOldValue() {
        Sim s = Sim.run("li a1, 0x0f\ncsrw mscratch, a1\nli a2, 0xf0\ncsrrs a0, mscratch, a2\ncsrr a3, mscratch");
        assertThat(s.x("a0")).isEqualTo(0x0f);
        assertThat(s.x("a3")).isEqualTo(0xff);
    }

    @Test
    void csrrcClearsTheBitsOfRs1AndReturnsTheOldValue() {
        Sim s = Sim.run("li a1, 0xff\ncsrw mscratch, a1\nli a2, 0x0f\ncsrrc a0, mscratch, a2\ncsrr a3, mscratch");
        assertThat(s.x("a0")).isEqualTo(0xff);
        assertThat(s.x("a3")).isEqualTo(0xf0);
    }

    @Test
    void csrrsAndCsrrcWithRs1X0ReadButDoNotWrite() {
        Sim s = Sim.run("li a1, 0x33\ncsrw mscratch, a1\nr1: csrrs a0, mscratch, zero\nr2: csrrc a2, mscratch, zero");
        assertThat(s.at("r1").csrRead()).isTrue();
        assertThat(s.at("r1").csrWrite()).isFalse();
        assertThat(s.at("r2").csrWrite()).isFalse();
        assertThat(s.x("a0")).isEqualTo(0x33);
        assertThat(s.x("a2")).isEqualTo(0x33);
    }

    @Test
    void csrrsWithANonZeroRs1FieldHoldingZeroStillWrites() {
        Sim s = Sim.run("li a1, 0\nw: csrrs a0, mscratch, a1");
        assertThat(s.at("w").csrWrite()).isTrue();
        assertThat(s.at("w").csrWdata()).isZero();
    }

    @Test
    void immediateFormsUseTheZeroExtendedFiveBitImmediate() {
        Sim s = Sim.run("""
                csrrwi a0, mscratch, 31
                csrrsi a1, mscratch, 0
                csrrci a2, mscratch, 5
                csrrsi a3, mscratch, 0x10
                csrr a4, mscratch
                """);
        assertThat(s.x("a0")).isZero();
        assertThat(s.x("a1")).isEqualTo(31);
        assertThat(s.x("a2")).isEqualTo(31);
        assertThat(s.x("a3")).isEqualTo(26);
        assertThat(s.x("a4")).isEqualTo(26);
    }

    @Test
    void csrrsiAndCsrrciWithZeroImmediateDoNotWrite() {
        Sim s = Sim.run("s: csrrsi a0, mscratch, 0\nc: csrrci a1, mscratch, 0\nw: csrrwi a2, mscratch, 0");
        assertThat(s.at("s").csrWrite()).isFalse();
        assertThat(s.at("c").csrWrite()).isFalse();
        assertThat(s.at("w").csrWrite()).as("csrrwi always writes").isTrue();
    }

    @Test
    void csrrwiWithRdX0DoesNotRead() {
        Sim s = Sim.run("w: csrrwi zero, mscratch, 7");
        assertThat(s.at("w").csrRead()).isFalse();
        assertThat(s.csr(Csr.MSCRATCH)).isEqualTo(7);
    }

    @Test
    void csrInstructionWithRdX0DiscardsTheReadValue() {
        Sim s = Sim.run("li a1, 5\ncsrw mscratch, a1\nr: csrrs zero, mscratch, zero");
        assertThat(s.at("r").rdAddr()).isZero();
        assertThat(s.at("r").rdWdata()).isZero();
        assertThat(s.hart.x(0)).isZero();
    }

    // ------------------------------------------------------------------ Xseed CSRs (§2.3)

    @ParameterizedTest
    @EnumSource(value = Csr.class, names = {"XSSTAT", "XSQMUL", "XSQSHIFT", "XSQZP", "XSASCL0", "XSASCL1", "XSBSCL0", "XSBSCL1"})
    void xseedCsrsResetToZero(Csr csr) {
        Sim s = Sim.run("li a0, 5\ncsrr a0, " + csr.mnemonic());
        assertThat(s.x("a0")).isZero();
    }

    @Test
    void xsstatKeepsOnlySatAndNv() {
        assertThat(writeThenRead("xsstat", -1)).isEqualTo(3);
        assertThat(writeThenRead("xsstat", 0xFC)).isZero();
        assertThat(writeThenRead("xsstat", 2)).isEqualTo(2);
        Sim s = Sim.run("csrsi xsstat, 1\ncsrr a0, xsstat\ncsrsi xsstat, 6\ncsrr a1, xsstat\ncsrci xsstat, 1\ncsrr a2, xsstat");
        assertThat(s.x("a0")).isEqualTo(1);
        assertThat(s.x("a1")).isEqualTo(3);
        assertThat(s.x("a2")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xsqmul", "xsascl0", "xsascl1", "xsbscl0", "xsbscl1"})
    void xseedMultiplierAndScaleCsrsHoldAll32Bits(String csr) {
        assertThat(writeThenRead(csr, 0x80FF7F01)).isEqualTo(0x80FF7F01);
        assertThat(writeThenRead(csr, -1)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "xsqshift <- {0} reads {1}")
    @CsvSource({"0, 0", "30, 30", "31, 30", "100, 30", "2147483647, 30", "-31, -31", "-32, -31", "-2147483648, -31",
            "-1, -1", "7, 7", "-17, -17"})
    void xsqshiftWriteIsClampedToMinus31Through30(int written, int read) {
        assertThat(writeThenRead("xsqshift", written)).isEqualTo(read);
    }

    @ParameterizedTest(name = "xsqzp <- {0} reads {1}")
    @CsvSource({"0, 0", "127, 127", "128, 127", "255, 127", "2147483647, 127", "-128, -128", "-129, -128",
            "-2147483648, -128", "-1, -1", "100, 100"})
    void xsqzpWriteIsClampedToMinus128Through127(int written, int read) {
        assertThat(writeThenRead("xsqzp", written)).isEqualTo(read);
    }

    @Test
    void warlClampsApplyToTheValueComputedBySetAndClearForms() {
        Sim s = Sim.run("""
                li a1, 5
                csrw xsqshift, a1
                li a2, 0x80000000
                csrrs a0, xsqshift, a2      # 0x80000005 is negative: clamps to -31
                csrr a3, xsqshift           # -31 = 0xffffffe1
                li a4, 0xffffff00
                csrrc zero, xsqshift, a4    # 0xffffffe1 & 0xff = 0xe1 = 225: clamps to 30
                csrr a5, xsqshift
                csrrwi zero, xsqzp, 31
                csrrsi zero, xsqzp, 0x10    # 31 | 16 = 31
                csrr a6, xsqzp
                li t0, 0x7fffff00
                csrrs zero, xsqzp, t0       # 0x7fffff1f: clamps to 127
                csrr a7, xsqzp
                csrrci zero, xsqzp, 31      # 127 & ~31 = 96
                csrr s2, xsqzp
                csrrwi zero, xsqshift, 31   # 31: clamps to 30
                csrr s3, xsqshift
                """);
        assertThat(s.x("a0")).isEqualTo(5);
        assertThat(s.x("a3")).isEqualTo(-31);
        assertThat(s.x("a5")).isEqualTo(30);
        assertThat(s.x("a6")).isEqualTo(31);
        assertThat(s.x("a7")).isEqualTo(127);
        assertThat(s.x("s2")).isEqualTo(96);
        assertThat(s.x("s3")).isEqualTo(30);
    }

    @Test
    void csrWriteRecordCarriesTheValueTheCsrNowReads() {
        Sim s = Sim.run("li a1, 1000\nw: csrw xsqshift, a1\nli a2, 0x80001237\nv: csrw mtvec, a2\nm: csrwi mstatus, 8");
        assertThat(s.at("w").csrWdata()).isEqualTo(30);
        assertThat(s.at("v").csrWdata()).isEqualTo(0x80001234);
        assertThat(s.at("m").csrWdata()).isEqualTo(MIE | MPP);
    }
}
