package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.commit.CommitRecord;
import org.junit.jupiter.api.Test;

/**
 * Spec §1 (v1.2): a MISC-MEM word with funct3 000 executes as {@code fence} whatever its fm, pred,
 * succ, rs1 and rd, one with funct3 001 as {@code fence.i} whatever its imm, rs1 and rd: ordering
 * only, it retires, reads and writes no register (a non-zero rd field is not a destination), and
 * {@code fence.i} still makes earlier stores to code visible to fetch.
 */
class FenceUnusedFieldsExecutionTest {

    /** The records of a fence: retired, pc + 4, no register, memory, CSR or tile effect. */
    private static void assertOrderingOnly(CommitRecord r) {
        assertThat(r.trap()).isFalse();
        assertThat(r.pcNext()).isEqualTo(r.pc() + 4);
        assertThat(r.rdAddr()).isZero();
        assertThat(r.rdWdata()).isZero();
        assertThat(r.memory()).isEmpty();
        assertThat(r.csrAddr()).isNull();
        assertThat(r.tileWrite()).isFalse();
    }

    @Test
    void fencesWithReservedFmPredAndSuccValuesRetireAsFences() {
        Sim s = Sim.run("""
                    li a0, 7
                f1: fence iorw,iorw,0x1,0,0      # fm 0001: reserved
                f2: fence rw,rw,0xf,0,0          # fm 1111: reserved
                f3: fence iorw,iorw,0x8,0,0      # fm 1000 (TSO) with sets other than rw,rw
                f4: fence 0,0                    # empty predecessor and successor sets
                f5: fence 0,iorw,0x7,0,0
                    addi a0, a0, 1
                """);
        assertThat(s.trapped()).isFalse();
        assertThat(s.x("a0")).isEqualTo(8);
        for (String f : new String[] {"f1", "f2", "f3", "f4", "f5"}) assertOrderingOnly(s.at(f));
        assertThat(s.instret()).isEqualTo(7);
    }

    @Test
    void aFenceWithANonZeroRdFieldWritesNoRegister() {
        Sim s = Sim.run("""
                    li a0, 5
                    li ra, 6
                f1: fence iorw,iorw,0x0,0x0,0xa  # rd = a0
                f2: fence.i 0x0,0x0,0x1          # rd = ra
                """);
        assertThat(s.x("a0")).isEqualTo(5);
        assertThat(s.x("ra")).isEqualTo(6);
        assertOrderingOnly(s.at("f1"));
        assertOrderingOnly(s.at("f2"));
    }

    @Test
    void aFenceWithANonZeroRs1FieldReadsNothingAndCannotFault() {
        // rs1 names a register holding an address outside DRAM: a fence has no address, so no fault.
        Sim s = Sim.run("""
                    li t0, 0x1000
                f1: fence rw,rw,0x8,0x5,0x0      # rs1 = t0
                f2: fence.i 0x7ff,0x5,0x0        # rs1 = t0
                """);
        assertThat(s.trapped()).isFalse();
        assertOrderingOnly(s.at("f1"));
        assertOrderingOnly(s.at("f2"));
    }

    @Test
    void fenceIWithNonZeroUnusedFieldsStillMakesAStoreToCodeVisible() {
        Sim s = Sim.run("""
                    li a0, 0
                    la t0, patch
                    li t1, 0x02a00513       # addi a0, zero, 42
                    sw t1, 0(t0)
                    fence.i 0xfff,0x1f,0x1f
                patch:
                    addi a0, zero, 1
                """);
        assertThat(s.x("a0")).isEqualTo(42);
    }

    @Test
    void aFenceWrittenAsAWordExecutesLikeItsAssemblySpelling() {
        // What compiled code from another toolchain could hold: the raw words.
        Sim s = Sim.run("""
                    li a0, 1
                w1: .word 0x8ff5008f             # fence iorw,iorw,0x8,0xa,0x1
                w2: .word 0xfff5108f             # fence.i 0xfff,0xa,0x1
                w3: .word 0x0000000f             # fence 0,0
                    addi a0, a0, 1
                """);
        assertThat(s.x("a0")).isEqualTo(2);
        assertOrderingOnly(s.at("w1"));
        assertOrderingOnly(s.at("w2"));
        assertOrderingOnly(s.at("w3"));
    }
}
