package dev.seedverify.golden.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.isa.Csr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Traps and mret (spec §1.1): mepc = pc, mcause, mtval per cause, MPIE = MIE, MIE = 0,
 * pc = mtvec; a trap retires nothing and changes no GPR or memory; mret: pc = mepc,
 * MIE = MPIE, MPIE = 1.
 */
class TrapTest {

    private static final int MIE = 1 << 3, MPIE = 1 << 7, MPP = 3 << 11;

    @Test
    void ecallTrapsWithCause11AndTvalZero() {
        Sim s = Sim.run("li a0, 0x55\ncsrw mtval, a0\ne: ecall");
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("e"));
        assertThat(r.cause()).isEqualTo(11);
        assertThat(r.tval()).isZero();
        assertThat(s.csr(Csr.MCAUSE)).isEqualTo(11);
        assertThat(s.csr(Csr.MTVAL)).isZero();
        assertThat(s.csr(Csr.MEPC)).isEqualTo(s.sym("e"));
    }

    @Test
    void ebreakTrapsWithCause3AndTvalThePc() {
        Sim s = Sim.run("nop\nb: ebreak");
        CommitRecord r = s.trapRecord();
        assertThat(r.cause()).isEqualTo(3);
        assertThat(r.tval()).isEqualTo(s.sym("b"));
        assertThat(s.csr(Csr.MCAUSE)).isEqualTo(3);
        assertThat(s.csr(Csr.MTVAL)).isEqualTo(s.sym("b"));
        assertThat(s.csr(Csr.MEPC)).isEqualTo(s.sym("b"));
    }

    @ParameterizedTest(name = "word 0x{0}")
    @ValueSource(strings = {
            "00000000",  // all zeros
            "ffffffff",  // all ones
            "0000007f",  // unused major opcode
            "0000002b",  // custom-1
            "02051513",  // slli a0, a0, 32: shamt bit 5 set on RV32
            "40051513",  // slli with funct7 = 0100000
            "04b50533",  // R-type funct7 = 0000010
            "00002073",  // csrrs zero, ustatus(0x000), zero: no CSR 0x000
            "30101073",  // csrrw zero, misa, zero: write to a read-only CSR
            "c0001073",  // csrrw zero, cycle, zero (the assembler's unimp)
            "00003003",  // ld (RV64 load, funct3 = 3)
            "00007003",  // funct3 = 7 load
            "00003023",  // sd (funct3 = 3 store)
            "00002063",  // branch funct3 = 2
            "00001067",  // jalr funct3 = 1
            "00200073",  // uret-like: SYSTEM funct3 = 0 with imm = 2
            "10200073",  // sret: no S-mode
            "00004073",  // SYSTEM funct3 = 4
    })
    void illegalInstructionTrapsWithCause2AndTvalTheInstructionWord(String hex) {
        int word = Integer.parseUnsignedInt(hex, 16);
        Sim s = Sim.run("li a0, 5\nbad: .word 0x" + hex + "\nli a0, 6");
        CommitRecord r = s.trapRecord();
        assertThat(r.pc()).isEqualTo(s.sym("bad"));
        assertThat(r.insn()).isEqualTo(word);
        assertThat(r.cause()).isEqualTo(2);
        assertThat(r.tval()).isEqualTo(word);
        assertThat(s.csr(Csr.MTVAL)).isEqualTo(word);
        assertThat(s.csr(Csr.MEPC)).isEqualTo(s.sym("bad"));
        assertThat(s.x("a0")).isEqualTo(5);
    }

    @Test
    void trapJumpsToMtvec() {
        Sim s = Sim.run("""
                    la a1, handler
                    csrw mtvec, a1
                e:  ecall
                    li a0, 1
                    j _end
                handler:
                    li a0, 2
                """);
        assertThat(s.at("e").pcNext()).isEqualTo(s.sym("handler"));
        assertThat(s.x("a0")).isEqualTo(2);
    }

    @Test
    void trapWithMieSetCopiesItToMpieAndClearsMie() {
        Sim s = Sim.run("csrsi mstatus, 8\necall");
        assertThat(s.csr(Csr.MSTATUS)).isEqualTo(MPIE | MPP);
    }

    @Test
    void trapWithMieClearClearsMpie() {
        Sim s = Sim.run("li a1, 0x80\ncsrw mstatus, a1\necall");
        assertThat(s.csr(Csr.MSTATUS)).isEqualTo(MPP);
    }

    @Test
    void trappingInstructionDoesNotRetire() {
        Sim s = Sim.run("nop\nnop\nebreak");
        assertThat(s.records()).hasSize(4); // nop, nop, ebreak (trap), j _end at _trap
        assertThat(s.instret()).isEqualTo(3);
    }

    @Test
    void trapChangesNoGprAndNoMemory() {
        String code = """
                la a1, d
                li a2, 0x1234
            ld: lw a3, 1(a1)
                sw a2, 2(a1)
                lh a4, 3(a1)
                """;
        Sim s = Sim.load(code, "d: .word 0xcafef00d");
        int[] before = new int[32];
        s.runTo("ld");
        for (int i = 0; i < 32; i++) before[i] = s.hart.x(i);
        byte[] mem = Rv32iLoadStoreTest.dram(s);
        s.step(1);
        assertThat(s.trapRecord().cause()).isEqualTo(4);
        for (int i = 0; i < 32; i++) assertThat(s.hart.x(i)).as("x%d", i).isEqualTo(before[i]);
        assertThat(Rv32iLoadStoreTest.dram(s)).isEqualTo(mem);
    }

    @Test
    void mretJumpsToMepcAndSetsMieFromMpieAndMpieToOne() {
        Sim s = Sim.run("""
                    la a1, back
                    csrw mepc, a1
                    li a2, 0x80
                    csrw mstatus, a2
                m:  mret
                    li a0, 1
                    j _end
                back:
                    csrr a3, mstatus
                """);
        assertThat(s.at("m").pcNext()).isEqualTo(s.sym("back"));
        assertThat(s.x("a0")).isZero();
        assertThat(s.x("a3")).isEqualTo(MIE | MPIE | MPP);
    }

    @Test
    void mretWithMpieClearClearsMieAndSetsMpie() {
        Sim s = Sim.run("""
                    la a1, back
                    csrw mepc, a1
                    li a2, 0x08
                    csrw mstatus, a2
                    mret
                back:
                    csrr a3, mstatus
                """);
        assertThat(s.x("a3")).isEqualTo(MPIE | MPP);
    }

    @Test
    void mretRetiresAndIsCounted() {
        Sim s = Sim.run("""
                    la a1, back
                    csrw mepc, a1
                    mret
                back:
                    nop
                """);
        assertThat(s.instret()).isEqualTo(5); // auipc, addi, csrw, mret, nop
        assertThat(s.trapped()).isFalse();
    }

    @Test
    void handlerCanSkipTheTrappingInstructionWithMepcPlus4AndMret() {
        Sim s = Sim.run("""
                    la a1, handler
                    csrw mtvec, a1
                    csrsi mstatus, 8
                    li a0, 0
                e:  ebreak
                    addi a0, a0, 1
                    j _end
                handler:
                    csrr t0, mepc
                    addi t0, t0, 4
                    csrw mepc, t0
                    addi a0, a0, 10
                    mret
                """);
        assertThat(s.x("a0")).isEqualTo(11);
        assertThat(s.csr(Csr.MSTATUS)).as("MIE restored from MPIE").isEqualTo(MIE | MPIE | MPP);
    }

    @Test
    void trapInsideAHandlerOverwritesMepcAndMpie() {
        Sim s = Sim.run("""
                    la a1, handler
                    csrw mtvec, a1
                    csrsi mstatus, 8
                e1: ecall
                    j _end
                handler:
                    csrr a2, mcause
                    csrr a3, mstatus
                    li a4, 1
                    bne a4, a5, first
                    j _end
                first:
                    mv a5, a4
                e2: ebreak
                """);
        assertThat(s.x("a2")).isEqualTo(3);
        assertThat(s.csr(Csr.MEPC)).isEqualTo(s.sym("e2"));
        assertThat(s.x("a3")).as("second trap: MPIE = MIE (0)").isEqualTo(MPP);
    }

    @Test
    void mtvecLowBitsReadZeroAndTheTrapGoesToTheAlignedAddress() {
        Sim s = Sim.run("""
                    la a1, handler
                    ori a1, a1, 3
                    csrw mtvec, a1
                    csrr a2, mtvec
                e:  ecall
                    nop
                handler:
                    nop
                """);
        assertThat(s.x("a2")).isEqualTo(s.sym("handler"));
        assertThat(s.at("e").pcNext()).isEqualTo(s.sym("handler"));
    }

    @Test
    void wfiFenceAndFenceIAreNoOps() {
        Sim s = Sim.run("li a0, 3\nw: wfi\nfence\nfence rw, rw\nfence.i\nfence.tso\naddi a0, a0, 1");
        assertThat(s.trapped()).isFalse();
        assertThat(s.x("a0")).isEqualTo(4);
        assertThat(s.at("w").pcNext()).isEqualTo(s.sym("w") + 4);
    }

    @Test
    void trapRecordCarriesCauseTvalAndPcNextMtvecButNoEffects() {
        Sim s = Sim.run("la a1, d\nli a0, 9\nld: lw a0, 2(a1)", "d: .word 1");
        CommitRecord r = s.at("ld");
        assertThat(r.trap()).isTrue();
        assertThat(r.pcNext()).isEqualTo(s.sym("_trap"));
        assertThat(r.rdAddr()).isZero();
        assertThat(r.rdWdata()).isZero();
        assertThat(r.memory()).isEmpty();
        assertThat(r.csrAddr()).isNull();
        assertThat(r.tileWrite()).isFalse();
    }

    @Test
    void everyCauseTheSpecListsCanBeRaised() {
        // 0 fetch misaligned, 1 fetch access, 2 illegal, 3 breakpoint, 4 load misaligned,
        // 5 load access, 6 store misaligned, 7 store access, 11 ecall.
        String[] snippets = {
                "j . + 2", "li a1, 0x100\njr a1", ".word 0", "ebreak", "la a1, _end\nlw a0, 1(a1)",
                "li a1, 0x100\nlw a0, 0(a1)", "la a1, _end\nsw a0, 2(a1)", "li a1, 0x100\nsw a0, 0(a1)", "ecall",
        };
        int[] causes = {0, 1, 2, 3, 4, 5, 6, 7, 11};
        for (int i = 0; i < causes.length; i++) {
            Sim s = Sim.run(snippets[i]);
            assertThat(s.trapRecord().cause()).as(snippets[i]).isEqualTo(causes[i]);
            assertThat(s.csr(Csr.MCAUSE)).isEqualTo(causes[i]);
        }
    }
}
