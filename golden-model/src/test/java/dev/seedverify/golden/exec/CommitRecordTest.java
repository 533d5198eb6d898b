package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.commit.CommitRecord.MemoryAccess;
import dev.seedverify.golden.isa.Csr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Commit record contents (spec §5, RVFI-like): order, pc, pc_next, insn, rd (rd_wdata = 0 for
 * x0), byte-masked memory accesses with word-aligned addresses and data in their lanes, CSR read
 * and write fields, trap fields, and for Xseed the written tile and one access per tile row.
 */
class CommitRecordTest {

    @Test
    void recordsAreNumberedInOrderIncludingTraps() {
        Sim s = Sim.run("nop\necall");
        List<CommitRecord> r = s.records();
        for (int i = 0; i < r.size(); i++) assertThat(r.get(i).order()).isEqualTo(i);
        assertThat(r.get(1).trap()).isTrue();
    }

    @Test
    void aluRecordHasPcInsnPcNextAndRd() {
        Sim s = Sim.run("li a1, 3\nadd: addi a0, a1, 4");
        CommitRecord r = s.at("add");
        assertThat(r.pc()).isEqualTo(s.sym("add"));
        assertThat(r.pcNext()).isEqualTo(s.sym("add") + 4);
        assertThat(r.insn()).isEqualTo(0x00458513); // addi a0, a1, 4
        assertThat(r.rdAddr()).isEqualTo(10);
        assertThat(r.rdWdata()).isEqualTo(7);
        assertThat(r.trap()).isFalse();
        assertThat(r.memory()).isEmpty();
        assertThat(r.csrAddr()).isNull();
        assertThat(r.tileWrite()).isFalse();
    }

    @Test
    void writeToX0IsRecordedWithRdAddr0AndWdata0() {
        Sim s = Sim.run("li a1, 3\na: addi zero, a1, 4\nl: lui zero, 0x12345\nj: jal zero, next\nnext: nop");
        for (String label : new String[] {"a", "l", "j"}) {
            assertThat(s.at(label).rdAddr()).as(label).isZero();
            assertThat(s.at(label).rdWdata()).as(label).isZero();
        }
    }

    @Test
    void branchRecordHasNoRdAndPcNextTheTarget() {
        Sim s = Sim.run("b: beq zero, zero, t\nnop\nt: nop");
        assertThat(s.at("b").rdAddr()).isZero();
        assertThat(s.at("b").pcNext()).isEqualTo(s.sym("t"));
    }

    @Test
    void jalRecordHasTheLinkInRd() {
        Sim s = Sim.run("j1: jal ra, t\nnop\nt: nop");
        assertThat(s.at("j1").rdAddr()).isEqualTo(1);
        assertThat(s.at("j1").rdWdata()).isEqualTo(s.sym("j1") + 4);
    }

    private static final String DATA = "d: .word 0x44332211\nd4: .word 0xa0b0c0d0";

    @ParameterizedTest(name = "{0}: rmask {1} rdata 0x{2}")
    @CsvSource({
            "'lw a0, 0(a1)', 1111, 44332211, 44332211",
            "'lb a0, 0(a1)', 0001, 00000011, 00000011",
            "'lb a0, 1(a1)', 0010, 00002200, 00000022",
            "'lb a0, 2(a1)', 0100, 00330000, 00000033",
            "'lbu a0, 3(a1)', 1000, 44000000, 00000044",
            "'lb a0, 7(a1)', 1000, a0000000, ffffffa0",
            "'lh a0, 0(a1)', 0011, 00002211, 00002211",
            "'lh a0, 6(a1)', 1100, a0b00000, ffffa0b0",
            "'lhu a0, 2(a1)', 1100, 44330000, 00004433",
    })
    void loadRecordHasWordAlignedAddressLaneMaskAndDataInItsLanes(String insn, String mask, String rdata, String rd) {
        Sim s = Sim.run("la a1, d\nld: " + insn, DATA);
        CommitRecord r = s.at("ld");
        int offset = Integer.parseInt(insn.replaceAll(".*, (\\d)\\(a1\\)", "$1"));
        assertThat(r.memory()).hasSize(1);
        MemoryAccess m = r.memory().get(0);
        assertThat(m.addr()).isEqualTo((s.sym("d") + offset) & ~3);
        assertThat(m.rmask()).isEqualTo(Integer.parseInt(mask, 2));
        assertThat(m.wmask()).isZero();
        assertThat(m.rdata()).containsExactly(Integer.parseUnsignedInt(rdata, 16));
        assertThat(r.rdAddr()).isEqualTo(10);
        assertThat(r.rdWdata()).isEqualTo(Integer.parseUnsignedInt(rd, 16));
    }

    @ParameterizedTest(name = "{0}: wmask {1} wdata 0x{2}")
    @CsvSource({
            "'sw a2, 0(a1)', 1111, 12345678",
            "'sb a2, 0(a1)', 0001, 00000078",
            "'sb a2, 1(a1)', 0010, 00007800",
            "'sb a2, 2(a1)', 0100, 00780000",
            "'sb a2, 3(a1)', 1000, 78000000",
            "'sh a2, 0(a1)', 0011, 00005678",
            "'sh a2, 2(a1)', 1100, 56780000",
            "'sh a2, 6(a1)', 1100, 56780000",
    })
    void storeRecordHasWordAlignedAddressLaneMaskAndDataInItsLanes(String insn, String mask, String wdata) {
        Sim s = Sim.run("la a1, d\nli a2, 0x12345678\nst: " + insn, DATA);
        CommitRecord r = s.at("st");
        int offset = Integer.parseInt(insn.replaceAll(".*, (\\d)\\(a1\\)", "$1"));
        assertThat(r.memory()).hasSize(1);
        MemoryAccess m = r.memory().get(0);
        assertThat(m.addr()).isEqualTo((s.sym("d") + offset) & ~3);
        assertThat(m.wmask()).isEqualTo(Integer.parseInt(mask, 2));
        assertThat(m.rmask()).isZero();
        assertThat(m.wdata()).containsExactly(Integer.parseUnsignedInt(wdata, 16));
        assertThat(r.rdAddr()).isZero();
    }

    @Test
    void csrrwRecordHasReadAndWriteFields() {
        Sim s = Sim.run("li a1, 5\ncsrw mscratch, a1\nli a2, 9\nw: csrrw a0, mscratch, a2");
        CommitRecord r = s.at("w");
        assertThat(r.csrAddr()).isEqualTo(Csr.MSCRATCH.address());
        assertThat(r.csrRead()).isTrue();
        assertThat(r.csrRdata()).isEqualTo(5);
        assertThat(r.csrWrite()).isTrue();
        assertThat(r.csrWdata()).isEqualTo(9);
        assertThat(r.rdAddr()).isEqualTo(10);
        assertThat(r.rdWdata()).isEqualTo(5);
    }

    @Test
    void csrReadOnlyRecordHasNoWrite() {
        Sim s = Sim.run("r: csrr a0, misa");
        CommitRecord r = s.at("r");
        assertThat(r.csrAddr()).isEqualTo(0x301);
        assertThat(r.csrRead()).isTrue();
        assertThat(r.csrRdata()).isEqualTo(0x40801100);
        assertThat(r.csrWrite()).isFalse();
    }

    @Test
    void minstretReadRecordCarriesTheCountBeforeTheInstruction() {
        Sim s = Sim.run("nop\nnop\nr: csrr a0, minstret");
        assertThat(s.at("r").csrRdata()).isEqualTo(2);
        assertThat(s.at("r").rdWdata()).isEqualTo(2);
    }

    @Test
    void illegalInstructionRecordHasTheWordAndTrapFields() {
        Sim s = Sim.run("bad: .word 0xffffffff");
        CommitRecord r = s.at("bad");
        assertThat(r.insn()).isEqualTo(0xffffffff);
        assertThat(r.trap()).isTrue();
        assertThat(r.cause()).isEqualTo(2);
        assertThat(r.tval()).isEqualTo(0xffffffff);
        assertThat(r.pcNext()).isEqualTo(s.sym("_trap"));
    }

    @Test
    void mretRecordHasPcNextMepcAndNoRd() {
        Sim s = Sim.run("la a1, back\ncsrw mepc, a1\nm: mret\nnop\nback: nop");
        CommitRecord r = s.at("m");
        assertThat(r.pcNext()).isEqualTo(s.sym("back"));
        assertThat(r.trap()).isFalse();
        assertThat(r.rdAddr()).isZero();
        assertThat(r.insn()).isEqualTo(0x30200073);
    }

    @Test
    void ecallAndEbreakRecordsAreTrapsWithTheirTval() {
        Sim s = Sim.run("la a1, h\ncsrw mtvec, a1\ne: ecall\nb: ebreak\nj _end\nh: csrr t0, mepc\naddi t0, t0, 4\ncsrw mepc, t0\nmret");
        assertThat(s.at("e").trap()).isTrue();
        assertThat(s.at("e").cause()).isEqualTo(11);
        assertThat(s.at("e").tval()).isZero();
        assertThat(s.at("e").pcNext()).isEqualTo(s.sym("h"));
        assertThat(s.at("b").cause()).isEqualTo(3);
        assertThat(s.at("b").tval()).isEqualTo(s.sym("b"));
    }

    @Test
    void misalignedJumpRecordIsATrapWithoutTheLink() {
        Sim s = Sim.run("j1: jal ra, . + 6\nnop\nnop");
        CommitRecord r = s.at("j1");
        assertThat(r.trap()).isTrue();
        assertThat(r.cause()).isZero();
        assertThat(r.tval()).isEqualTo(s.sym("j1") + 6);
        assertThat(r.rdAddr()).isZero();
        assertThat(r.rdWdata()).isZero();
    }

    @Test
    void fetchFaultRecordHasInsnZero() {
        Sim s = Sim.run("li a1, 0x20\njr a1");
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(0x20);
        assertThat(r.insn()).isZero();
        assertThat(r.cause()).isEqualTo(1);
        assertThat(r.tval()).isEqualTo(0x20);
    }

    // ------------------------------------------------------------------ Xseed

    @Test
    void tileLoadRecordHasOneAccessPerRowWith32ByteMasksAndTheWholeWrittenTile() {
        Sim s = Sim.load("la a1, rows\nli a2, 64\nt: tld m3, (a1), a2", XseedMemoryTest.PATTERN).go();
        CommitRecord r = s.at("t");
        int base = s.sym("rows");
        assertThat(r.memory()).hasSize(8);
        for (int row = 0; row < 8; row++) {
            MemoryAccess m = r.memory().get(row);
            assertThat(m.addr()).isEqualTo(base + 64 * row);
            assertThat(m.rmask()).isEqualTo(-1);
            assertThat(m.wmask()).isZero();
            assertThat(m.rdata()).hasSize(8);
            for (int w = 0; w < 8; w++) assertThat(m.rdata()[w]).isEqualTo(s.word(base + 64 * row + 4 * w));
        }
        assertThat(r.tileWrite()).isTrue();
        assertThat(r.tileIndex()).isEqualTo(3);
        assertThat(r.tile()).hasSize(64).containsExactly(s.tile(3));
        assertThat(r.rdAddr()).isZero();
    }

    @Test
    void tileStoreRecordHasOneWriteAccessPerRowAndNoTileWrite() {
        Sim s = Sim.load("la a1, out\nli a2, 32\nt: tst m1, (a1), a2", "out: .space 256");
        int[] words = new int[64];
        for (int i = 0; i < 64; i++) {
            words[i] = 0x01010101 * i;
            s.hart.tiles().setWord(1, i, words[i]);
        }
        s.go();
        CommitRecord r = s.at("t");
        assertThat(r.tileWrite()).isFalse();
        assertThat(r.memory()).hasSize(8);
        for (int row = 0; row < 8; row++) {
            MemoryAccess m = r.memory().get(row);
            assertThat(m.addr()).isEqualTo(s.sym("out") + 32 * row);
            assertThat(m.wmask()).isEqualTo(-1);
            assertThat(m.rmask()).isZero();
            for (int w = 0; w < 8; w++) assertThat(m.wdata()[w]).isEqualTo(words[8 * row + w]);
        }
    }

    @Test
    void narrowTileStoreRecordHas8ByteMasks() {
        Sim s = Sim.load("la a1, out\nli a2, 8\nt: tstn m2, (a1), a2", "out: .space 64");
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(2, i, 0x11111111 * (i % 8) + i);
        s.go();
        CommitRecord r = s.at("t");
        assertThat(r.memory()).hasSize(8);
        for (int row = 0; row < 8; row++) {
            MemoryAccess m = r.memory().get(row);
            assertThat(m.addr()).isEqualTo(s.sym("out") + 8 * row);
            assertThat(m.wmask()).isEqualTo(0xFF);
            assertThat(m.bytes()).isEqualTo(8);
            assertThat(m.wdata()).containsExactly(s.tileWord(2, 8 * row), s.tileWord(2, 8 * row + 1));
        }
    }

    @Test
    void tileComputeRecordsTheIndexAndAll256BytesOfTheWrittenTile() {
        Sim s = Sim.load("t: tadd.i32 m5, m1, m2");
        for (int i = 0; i < 64; i++) {
            s.hart.tiles().setWord(1, i, i);
            s.hart.tiles().setWord(2, i, 1000 * i);
            s.hart.tiles().setWord(5, i, -1);
        }
        s.go();
        CommitRecord r = s.at("t");
        assertThat(r.tileWrite()).isTrue();
        assertThat(r.tileIndex()).isEqualTo(5);
        for (int i = 0; i < 64; i++) assertThat(r.tile()[i]).isEqualTo(1001 * i);
        assertThat(r.memory()).isEmpty();
        assertThat(r.csrAddr()).isNull();
    }

    @Test
    void tputRecordsTheWholeTileAndTgetRecordsRd() {
        Sim s = Sim.run("li a1, 0x1234\nli a2, 5\np: tput m6, a1, a2\ng: tget a0, m6, a2");
        CommitRecord p = s.at("p");
        assertThat(p.tileIndex()).isEqualTo(6);
        assertThat(p.tile()[5]).isEqualTo(0x1234);
        assertThat(p.rdAddr()).isZero();
        CommitRecord g = s.at("g");
        assertThat(g.tileWrite()).isFalse();
        assertThat(g.rdAddr()).isEqualTo(10);
        assertThat(g.rdWdata()).isEqualTo(0x1234);
    }

    @Test
    void tzeroRecordsTheZeroedTile() {
        Sim s = Sim.load("t: tzero m7");
        for (int i = 0; i < 64; i++) s.hart.tiles().setWord(7, i, i + 1);
        s.go();
        assertThat(s.at("t").tileIndex()).isEqualTo(7);
        assertThat(s.at("t").tile()).containsOnly(0);
    }

    @Test
    void xseedInstructionRaisingAFlagRecordsACsrWriteOfXsstat() {
        Sim s = Sim.load("t: tadd.f32 m0, m1, m2\nu: tadd.f32 m0, m1, m2\nv: tadd.f32 m3, m2, m2");
        s.hart.tiles().setWord(1, 10, 0x7FC00000); // NaN operand: NV
        s.go();
        assertThat(s.at("t").csrWrite()).isTrue();
        assertThat(s.at("t").csrAddr()).isEqualTo(0x7C0);
        assertThat(s.at("t").csrWdata()).isEqualTo(2);
        assertThat(s.at("t").csrRead()).isFalse();
        assertThat(s.at("u").csrWrite()).as("raised again while already set: still recorded").isTrue();
        assertThat(s.at("v").csrWrite()).as("no flag raised").isFalse();
        assertThat(s.at("v").csrAddr()).isNull();
    }

    @Test
    void faultingTileLoadRecordHasTrapFieldsAndNoAccessesOrTile() {
        Sim s = Sim.run("li a1, 0x7fffff00\nli a2, 32\nt: tld m0, (a1), a2");
        CommitRecord r = s.at("t");
        assertThat(r.trap()).isTrue();
        assertThat(r.memory()).isEmpty();
        assertThat(r.tileWrite()).isFalse();
    }
}
