package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.isa.Csr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loads and stores (spec §1): little-endian lanes, sign/zero extension, no misaligned emulation
 * (cause 4/6, mtval = the address, misaligned beats access fault), access faults outside DRAM
 * (cause 5/7, mtval = the address) and a faulting store writes nothing.
 */
class Rv32iLoadStoreTest {

    private static final String DATA = """
            d:  .word 0x44332211
            d4: .word 0x88776655
            d8: .word 0xaaaaaaaa
            """;

    private static int load(String insn) {
        Sim s = Sim.run("la a1, d\n" + insn, DATA);
        assertThat(s.trapped()).isFalse();
        return s.x("a0");
    }

    @ParameterizedTest(name = "{0} = 0x{1}")
    @CsvSource({
            "'lb a0, 0(a1)', 00000011", "'lb a0, 1(a1)', 00000022", "'lb a0, 2(a1)', 00000033", "'lb a0, 3(a1)', 00000044",
            "'lb a0, 4(a1)', 00000055", "'lb a0, 7(a1)', ffffff88", "'lb a0, 6(a1)', 00000077",
            "'lbu a0, 7(a1)', 00000088", "'lbu a0, 0(a1)', 00000011",
            "'lh a0, 0(a1)', 00002211", "'lh a0, 2(a1)', 00004433", "'lh a0, 6(a1)', ffff8877", "'lh a0, 4(a1)', 00006655",
            "'lhu a0, 6(a1)', 00008877", "'lhu a0, 2(a1)', 00004433",
            "'lw a0, 0(a1)', 44332211", "'lw a0, 4(a1)', 88776655",
    })
    void loadsReadLittleEndianLanes(String insn, String expected) {
        assertThat(load(insn)).isEqualTo(Integer.parseUnsignedInt(expected, 16));
    }

    @Test
    void lbSignExtendsAndLbuZeroExtends() {
        Sim s = Sim.run("la a1, b\nlb a0, 0(a1)\nlbu a2, 0(a1)\nlb a3, 1(a1)", "b: .byte 0x80, 0x7f");
        assertThat(s.x("a0")).isEqualTo(-128);
        assertThat(s.x("a2")).isEqualTo(128);
        assertThat(s.x("a3")).isEqualTo(127);
    }

    @Test
    void lhSignExtendsAndLhuZeroExtends() {
        Sim s = Sim.run("la a1, h\nlh a0, 0(a1)\nlhu a2, 0(a1)\nlh a3, 2(a1)", "h: .half 0x8000, 0x7fff");
        assertThat(s.x("a0")).isEqualTo(-32768);
        assertThat(s.x("a2")).isEqualTo(32768);
        assertThat(s.x("a3")).isEqualTo(32767);
    }

    @Test
    void loadsAndStoresUseNegativeOffsets() {
        Sim s = Sim.run("la a1, d8\nlw a0, -8(a1)\nli a2, 0x5a5a5a5a\nsw a2, -4(a1)", DATA);
        assertThat(s.x("a0")).isEqualTo(0x44332211);
        assertThat(s.word("d4")).isEqualTo(0x5a5a5a5a);
    }

    @ParameterizedTest(name = "{0} into 0xaaaaaaaa gives 0x{1}")
    @CsvSource({
            "'sb a2, 0(a1)', aaaaaa78", "'sb a2, 1(a1)', aaaa78aa", "'sb a2, 2(a1)', aa78aaaa", "'sb a2, 3(a1)', 78aaaaaa",
            "'sh a2, 0(a1)', aaaa5678", "'sh a2, 2(a1)', 5678aaaa",
            "'sw a2, 0(a1)', 12345678",
    })
    void storesWriteOnlyTheirLanesWithTheLowBitsOfRs2(String insn, String expected) {
        Sim s = Sim.run("la a1, d8\nli a2, 0x12345678\n" + insn, DATA);
        assertThat(s.word("d8")).isEqualTo(Integer.parseUnsignedInt(expected, 16));
        assertThat(s.word("d4")).as("neighbour untouched").isEqualTo(0x88776655);
        assertThat(s.word("d")).as("neighbour untouched").isEqualTo(0x44332211);
    }

    @Test
    void byteAccessesAtOddAddressesAreFine() {
        Sim s = Sim.run("la a1, d\nlb a0, 3(a1)\nli a2, 0x5a\nsb a2, 1(a1)\nlbu a3, 5(a1)", DATA);
        assertThat(s.trapped()).isFalse();
        assertThat(s.x("a0")).isEqualTo(0x44);
        assertThat(s.word("d")).isEqualTo(0x44335a11);
        assertThat(s.x("a3")).isEqualTo(0x66);
    }

    @Test
    void loadIntoX0IsDiscarded() {
        Sim s = Sim.run("la a1, d\nlw zero, 0(a1)\nmv a0, zero", DATA);
        assertThat(s.x("a0")).isZero();
        assertThat(s.hart.x(0)).isZero();
    }

    // ------------------------------------------------------------------ misaligned

    @ParameterizedTest(name = "{0} at d+{1} traps with cause 4")
    @CsvSource({"lh, 1", "lh, 3", "lhu, 1", "lhu, 3", "lw, 1", "lw, 2", "lw, 3"})
    void misalignedLoadTrapsWithCause4AndTvalTheAddress(String op, int offset) {
        Sim s = Sim.run("la a1, d\nli a0, 77\nld: " + op + " a0, " + offset + "(a1)", DATA);
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("ld"));
        assertThat(r.cause()).isEqualTo(4);
        assertThat(r.tval()).isEqualTo(s.sym("d") + offset);
        assertThat(s.csr(Csr.MCAUSE)).isEqualTo(4);
        assertThat(s.csr(Csr.MTVAL)).isEqualTo(s.sym("d") + offset);
        assertThat(s.csr(Csr.MEPC)).isEqualTo(s.sym("ld"));
        assertThat(s.x("a0")).as("rd unchanged").isEqualTo(77);
        assertThat(r.memory()).isEmpty();
    }

    @ParameterizedTest(name = "{0} at d8+{1} traps with cause 6")
    @CsvSource({"sh, 1", "sh, 3", "sw, 1", "sw, 2", "sw, 3"})
    void misalignedStoreTrapsWithCause6AndWritesNothing(String op, int offset) {
        Sim s = Sim.run("la a1, d8\nli a2, 0x12345678\nst: " + op + " a2, " + offset + "(a1)", DATA);
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("st"));
        assertThat(r.cause()).isEqualTo(6);
        assertThat(r.tval()).isEqualTo(s.sym("d8") + offset);
        assertThat(s.word("d8")).isEqualTo(0xaaaaaaaa);
        assertThat(s.word("d8", 4)).isZero();
        assertThat(r.memory()).isEmpty();
    }

    @Test
    void misalignedBeatsAccessFaultForALoadOutsideDram() {
        Sim s = Sim.run("li a1, 0x00000002\nlw a0, 0(a1)");
        assertThat(s.trapRecord().cause()).isEqualTo(4);
        assertThat(s.trapRecord().tval()).isEqualTo(2);
    }

    @Test
    void misalignedBeatsAccessFaultForAStoreOutsideDram() {
        Sim s = Sim.run("li a1, 0x7fffffff\nsh a0, 0(a1)");
        assertThat(s.trapRecord().cause()).isEqualTo(6);
        assertThat(s.trapRecord().tval()).isEqualTo(0x7FFFFFFF);
    }

    // ------------------------------------------------------------------ access faults

    @ParameterizedTest(name = "{0} at 0x{1} faults with cause 5")
    @CsvSource({"lw, 7ffffffc", "lb, 7fffffff", "lhu, 7ffffffe", "lw, 00000000", "lw, 80010000", "lbu, 80010000", "lw, fffffffc"})
    void loadOutsideDramFaultsWithCause5AndTvalTheAddress(String op, String address) {
        int a = Integer.parseUnsignedInt(address, 16);
        Sim s = Sim.load("li a0, 77\nld: " + op + " a0, 0(a1)").set("a1", a).go();
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("ld"));
        assertThat(r.cause()).isEqualTo(5);
        assertThat(r.tval()).isEqualTo(a);
        assertThat(s.csr(Csr.MTVAL)).isEqualTo(a);
        assertThat(s.x("a0")).isEqualTo(77);
    }

    @ParameterizedTest(name = "{0} at 0x{1} faults with cause 7")
    @CsvSource({"sw, 7ffffffc", "sb, 7fffffff", "sh, 80010000", "sw, 80010000", "sb, 00000000"})
    void storeOutsideDramFaultsWithCause7AndTvalTheAddress(String op, String address) {
        int a = Integer.parseUnsignedInt(address, 16);
        Sim s = Sim.load("li a2, -1\nst: " + op + " a2, 0(a1)").set("a1", a).go();
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("st"));
        assertThat(r.cause()).isEqualTo(7);
        assertThat(r.tval()).isEqualTo(a);
    }

    @Test
    void faultingStoreWritesNothing() {
        Sim s = Sim.load("li a2, -1\nsw a2, 0(a1)\nsb a2, 0(a3)");
        byte[] before = dram(s);
        s.set("a1", 0x80010000).set("a3", 0x7fffffff).go();
        assertThat(s.records().stream().filter(CommitRecord::trap).count()).isEqualTo(1);
        assertThat(dram(s)).isEqualTo(before);
    }

    @Test
    void lastBytesOfDramAreAccessible() {
        int end = Sim.BASE + Sim.DEFAULT_DRAM;
        Sim s = Sim.load("li a2, 0x12345678\nsw a2, -4(a1)\nlw a0, -4(a1)\nlbu a3, -1(a1)\nsh a2, -2(a1)").set("a1", end).go();
        assertThat(s.trapped()).isFalse();
        assertThat(s.x("a0")).isEqualTo(0x12345678);
        assertThat(s.x("a3")).isEqualTo(0x12);
        assertThat(s.word(end - 4)).isEqualTo(0x56785678);
    }

    @Test
    void wordJustPastDramEndFaults() {
        int end = Sim.BASE + Sim.DEFAULT_DRAM;
        Sim s = Sim.load("lw a0, 0(a1)").set("a1", end).go();
        assertThat(s.trapRecord().cause()).isEqualTo(5);
        assertThat(s.trapRecord().tval()).isEqualTo(end);
    }

    static byte[] dram(Sim s) {
        byte[] b = new byte[s.hart.memory().size()];
        s.hart.memory().read(0, b, 0, b.length);
        return b;
    }
}
