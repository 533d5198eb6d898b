package dev.seedverify.conformance.coverage;

import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.TrapCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {
    static final CoverageModel M = CoverageModel.standard();

    /** The default tier's budget: seeds 1..1000 with the default weights (about 2 s on the 2-core machine). */
    static final int DEFAULT_TIER_PROGRAMS = 1000;

    @Test
    void theBinsComeFromTheIsaTable() {
        for (Instruction i : Instruction.all()) assertThat(M.id(i.name() + ".executed")).isNotNegative();
        for (TrapCause c : TrapCause.values()) assertThat(M.id("trap." + c.name())).isNotNegative();
        for (Csr c : Csr.values()) assertThat(M.id("csr." + c.mnemonic() + ".read")).isNotNegative();
        for (String name : new String[] {"ADD.rs1=rs2", "ADD.rd=rs", "ADD.rs1=min", "SRAI.shamt=max", "ADDI.imm=min", "BEQ.taken",
            "BGEU.not-taken", "LW.misaligned", "TST.access", "SB.ok", "hazard.load-use.d1", "hazard.tile.d4", "hazard.store-load.d2",
            "csr.xsqshift.write", "csr.misa.write-illegal", "TMMA_I8.md=ma", "TMMA_E4M3.ma=mb", "TLD.rs2=neg", "TGET.rs2=zero",
            "trap.ILLEGAL_INSTRUCTION.xseed-tile-index", "trap.FETCH_MISALIGNED.jalr", "xseed.tquant.saturate-hi", "xseed.tmma_e4m3.nan-scale",
            "xseed.tcvt.subnormal", "xseed.tadd_f32.overflow-inf", "xseed.xsqzp.warl-clamp"}) {
            assertThat(M.id(name)).as(name).isNotNegative();
        }
        assertThat(M.id("SB.misaligned")).as("a byte store cannot be misaligned").isNegative();
        assertThat(M.size()).isGreaterThan(600);
    }

    @Test
    void binsAreHitByTheRecordsThatShowThem() {
        String program = """
                _start:
                    la   t0, handler
                    csrw mtvec, t0
                    li   a0, -2147483648
                    add  a1, a0, a0          # rs1 = rs2, rs1 = min
                    la   a2, data
                    lw   a3, 0(a2)           # load ...
                    addi a4, a3, 1           # ... use at distance 1
                    beq  a4, a4, 1f          # taken
                1:  lw   a5, 2(a2)           # misaligned
                    li   t1, 127
                    csrw xsqmul, t1
                    li   t1, 0x40000000
                    csrw xsqmul, t1
                    csrwi xsqshift, 31       # clamped to 30
                    csrwi xsqshift, 1        # x * 2 * 0.5 = 1000: saturates high
                    tld  m1, (a2), zero
                    tquant.i8 m2, m1
                    li   t1, 1
                    la   t2, tohost
                    sw   t1, 0(t2)
                2:  j 2b
                handler:
                    csrr t0, mepc
                    addi t0, t0, 4
                    csrw mepc, t0
                    mret
                    .align 4
                data: .word 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000
                tohost: .word 0
                """;
        CoverageCollector c = new CoverageCollector();
        try (LockstepRunner r = new LockstepRunner(() -> new GoldenBackend(Memory.DEFAULT_BYTES))) {
            c.beginProgram();
            r.runReference(Assembler.assemble(program, "bins.S"), c);
        }
        CoverageReport rep = c.report();
        for (String bin : new String[] {"ADD.rs1=rs2", "ADD.rs1=min", "ADD.rs2=neg", "hazard.load-use.d1", "BEQ.taken", "BEQ.rs1=rs2",
            "LW.misaligned", "LW.ok", "trap.LOAD_MISALIGNED", "csr.xsqmul.write", "csr.mtvec.write", "csr.mepc.read",
            "xseed.xsqshift.warl-clamp", "xseed.tquant.saturate-hi", "xseed.tquant.left-shift", "TQUANT_I8.executed", "hazard.tile.d1"}) {
            assertThat(rep.hits(bin)).as(bin).isPositive();
        }
        assertThat(rep.hits("BEQ.not-taken")).isZero();
        assertThat(rep.hits("trap.ECALL")).isZero();
    }

    @Test
    void theDefaultWeightsCoverAtLeast95PercentOfTheBinsWithinTheDefaultTierBudget() {
        ProgramGenerator gen = new ProgramGenerator(Weights.DEFAULT);
        CoverageCollector c = new CoverageCollector();
        long t0 = System.nanoTime();
        try (LockstepRunner r = new LockstepRunner(() -> new GoldenBackend(Memory.DEFAULT_BYTES))) {
            for (long seed = 1; seed <= DEFAULT_TIER_PROGRAMS; seed++) {
                c.beginProgram();
                r.runReference(ProgramRenderer.image(gen.generate(seed)).image(), c);
            }
        }
        CoverageReport rep = c.report();
        System.out.printf("default weights, %d programs in %.1f s:%n%s", DEFAULT_TIER_PROGRAMS, (System.nanoTime() - t0) / 1e9, rep.text());
        assertThat(rep.percent()).isGreaterThanOrEqualTo(95.0);
        for (var g : rep.groups().entrySet()) {
            assertThat(100.0 * g.getValue()[0] / g.getValue()[1]).as(g.getKey()).isGreaterThanOrEqualTo(90.0);
        }
        dev.seedverify.reports.model.Coverage model = rep.toModel(95, 10);
        assertThat(model.total()).isEqualTo(rep.total());
        assertThat(model.covered()).isEqualTo(rep.covered());
        assertThat(model.uncovered()).isEqualTo(rep.uncovered());
        assertThat(model.met()).isTrue();
    }
}
