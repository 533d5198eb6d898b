package dev.seedverify.conformance.coverage;

import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Instruction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec-rule bins (issue 13), one test per family: a program that hits every bin of the
 * family, and a program a step away from each rule that hits none of them.
 */
class SpecRuleCoverageTest {
    static final CoverageModel M = CoverageModel.standard();

    /** Bare-mode scaffolding: a handler that skips the trapping instruction (returns to ra after a fetch access fault), tohost = 1. */
    static String program(String body) {
        return """
                _start:
                    nop                      # eight words that never run again: stores at the first bytes of DRAM land here
                    nop
                    nop
                    nop
                    nop
                    nop
                    nop
                    nop
                    la   t6, handler
                    csrw mtvec, t6
                """ + body + """
                    li   t6, 1
                    la   t5, tohost
                    sw   t6, 0(t5)
                9:  j 9b
                    .align 2
                handler:
                    csrr t6, mcause
                    addi t6, t6, -1
                    bnez t6, 8f
                    csrw mepc, ra
                    mret
                8:  csrr t6, mepc
                    addi t6, t6, 4
                    csrw mepc, t6
                    mret
                    .align 4
                data: .zero 64
                tohost: .word 0
                """;
    }

    static CoverageReport run(String body) {
        CoverageCollector c = new CoverageCollector(Memory.DEFAULT_BYTES);
        try (LockstepRunner r = new LockstepRunner(() -> new GoldenBackend(Memory.DEFAULT_BYTES))) {
            c.beginProgram();
            LockstepRunner.ReferenceRun run = r.runReference(Assembler.assemble(program(body), "spec-rules.S"), c);
            assertThat(run.halted()).as("the program halts").isTrue();
            assertThat(run.tohostValue()).as("the program passes").isEqualTo(1);
        }
        return c.report();
    }

    static List<String> group(String g) {
        List<String> out = new ArrayList<>();
        for (CoverageModel.Bin b : M.bins()) if (b.group().equals(g)) out.add(b.name());
        return out;
    }

    static void assertAllHit(CoverageReport rep, String g) {
        List<String> bins = group(g);
        assertThat(bins).isNotEmpty();
        for (String b : bins) assertThat(rep.hits(b)).as(b).isPositive();
    }

    static void assertNoneHit(CoverageReport rep, String g) {
        for (String b : group(g)) assertThat(rep.hits(b)).as(b).isZero();
    }

    @Test
    void theSpecRuleBinsComeFromTheTables() {
        // Learnt from the golden model's write rule: the CSRs whose rule can change a value, and the clamps among them.
        assertThat(group(CoverageModel.CSR_VALUES)).contains("csrv.mtvec.warl", "csrv.mepc.warl", "csrv.mstatus.kept", "csrv.mie.warl",
                "csrv.xsstat.warl", "csrv.xsqshift.below-min", "csrv.xsqzp.above-max").doesNotContain("csrv.mscratch.warl", "csrv.mtvec.at-min");
        assertThat(group(CoverageModel.COUNTERS)).containsExactly("counter.mcycle.carry", "counter.mcycle.carry-then-high-read",
                "counter.mcycle.high-write-at-carry", "counter.minstret.carry", "counter.minstret.carry-then-high-read", "counter.minstret.high-write-at-carry");
        assertThat(group(CoverageModel.DRAM)).contains("dram.first-byte.load.w1", "dram.last-byte.store.w8", "dram.last-byte.load.w32",
                "dram.past-end.fetch").doesNotContain("dram.first-byte.load.w8");
        assertThat(group(CoverageModel.NUMERIC)).hasSize(25 * 4).contains("numeric.tquant.shift-min.d1", "numeric.tadd_f32.in-max-finite.d4");
    }

    @Test
    void csrValueClassesAreKeptOrChangedByTheWarlRuleAndAtOrBeyondAClampsLimits() {
        CoverageReport hit = run("""
                    addi t1, t6, 1
                    csrw mtvec, t1           # bits 1:0 read 0: warl (the prologue's write was kept)
                    li   t1, 0x1888
                    csrw mstatus, t1         # MIE, MPIE, MPP: kept
                    csrw mstatus, zero       # MPP reads 3: warl
                    li   t1, 8
                    csrw mie, zero
                    csrw mie, t1
                    csrw mip, zero
                    csrw mip, t1
                    csrw mepc, t6
                    addi t1, t6, 2
                    csrw mepc, t1
                    csrwi xsstat, 3
                    csrwi xsstat, 4
                    csrwi xsqshift, 0
                    li   t1, -31
                    csrw xsqshift, t1
                    li   t1, 30
                    csrw xsqshift, t1
                    li   t1, -32
                    csrw xsqshift, t1
                    li   t1, 31
                    csrw xsqshift, t1
                    li   t1, -128
                    csrw xsqzp, t1
                    li   t1, 127
                    csrw xsqzp, t1
                    li   t1, -129
                    csrw xsqzp, t1
                    csrs xsqzp, t1           # csrs requests old | rs1 = -128 | -129 = -1: kept
                    li   t1, 128
                    csrw xsqzp, t1
                """);
        assertAllHit(hit, CoverageModel.CSR_VALUES);
        assertThat(hit.hits("csrv.xsqzp.kept")).isPositive();

        // Reads, and writes of CSRs without a value rule, are no value class.
        CoverageReport miss = run("""
                    csrr t1, mtvec
                    csrr t1, mstatus
                    csrr t1, xsqshift
                    csrw mscratch, t1
                    csrw xsqmul, t1
                """);
        for (String b : group(CoverageModel.CSR_VALUES)) {
            if (!b.equals("csrv.mtvec.kept")) assertThat(miss.hits(b)).as(b).isZero(); // the scaffolding's own mtvec write
        }
    }

    @Test
    void aCounterCarryIsSeenWhenTheLowWordReadsBelowItsLastValueAndAHighWriteAtAllOnesReplacesIt() {
        CoverageReport hit = run("""
                    li   t1, -1
                    csrw minstret, t1        # the write replaces the increment: all ones
                    csrr a0, minstret
                    csrr a1, instret         # wrapped: a carry
                    csrr a2, minstreth       # the carried high word
                    csrw minstret, t1
                    csrw minstreth, zero     # the high word written instead of the carry
                    li   t1, -3
                    csrw mcycle, t1
                    csrr a0, cycle
                    csrr a0, mcycle
                    csrr a0, cycle
                    csrr a0, mcycle
                    csrr a2, cycleh
                    li   t1, -1
                    csrw mcycle, t1
                    csrw mcycleh, zero
                """);
        assertAllHit(hit, CoverageModel.COUNTERS);

        CoverageReport miss = run("""
                    li   t1, -16
                    csrw minstret, t1        # far below the carry
                    csrr a0, minstret
                    csrr a1, minstret
                    csrr a2, minstreth
                    li   t1, -1
                    csrw mcycle, t1
                    nop
                    csrw mcycleh, zero       # not the next instruction
                """);
        assertNoneHit(miss, CoverageModel.COUNTERS);
    }

    private static final Object[] DRAM_EDGES = {hex(Memory.BASE), hex(Memory.BASE + Memory.DEFAULT_BYTES),
            hex(Memory.BASE + Memory.DEFAULT_BYTES - 8 * 32), hex(Memory.BASE + Memory.DEFAULT_BYTES - 7 * 32 - 8)};

    private static String hex(int address) { return String.format("0x%08x", address); }

    @Test
    void dramEdgesAreTheFirstAndLastBytesByWidthAndFaultsJustOutside() {
        // %1$s the first byte of DRAM, %2$s the first past it, %3$s / %4$s where 8 rows of 32 / of 8 bytes (stride 32) end at the last byte

        CoverageReport hit = run("""
                    li   s0, %1$s      # the first byte of DRAM
                    li   t3, %2$s      # the first byte past it (1 MiB)
                    lb   a0, 0(s0)
                    lh   a0, 0(s0)
                    lw   a0, 0(s0)
                    tld  m1, (s0), zero
                    sb   a0, 0(s0)           # over the leading nops, which never run again
                    sh   a0, 0(s0)
                    sw   a0, 0(s0)
                    tstn m1, (s0), zero
                    tst  m1, (s0), zero
                    lbu  a0, -1(t3)
                    lh   a0, -2(t3)
                    lw   a0, -4(t3)
                    sb   a0, -1(t3)
                    sh   a0, -2(t3)
                    sw   a0, -4(t3)
                    li   s1, %3$s
                    li   s2, 32
                    tld  m2, (s1), s2        # row 7 ends at the last byte
                    tst  m2, (s1), s2
                    li   s1, %4$s
                    tstn m2, (s1), s2        # row 7's 8 bytes end at the last byte
                    lw   a0, 0(t3)           # access faults at the first byte past DRAM
                    sw   a0, 0(t3)
                    jalr ra, 0(t3)           # fetch access fault: the handler returns to ra
                    lw   a0, -4(s0)          # just below DRAM
                    sb   a0, -1(s0)
                """.formatted(DRAM_EDGES));
        assertAllHit(hit, CoverageModel.DRAM);

        CoverageReport miss = run("""
                    li   s0, %1$s
                    li   t3, %2$s
                    lw   a0, 4(s0)
                    sw   a0, 4(s0)
                    lw   a0, -8(t3)
                    sb   a0, -2(t3)
                    lw   a0, 4(t3)           # faults, but not at the first byte past DRAM
                    lw   a0, -64(s0)         # faults, but not just below DRAM
                """.formatted(DRAM_EDGES));
        assertNoneHit(miss, CoverageModel.DRAM);
    }

    @Test
    void theLastBytesOfDramAreThoseOfTheRunsDramSize() {
        ProgramGenerator gen = new ProgramGenerator(Weights.parse("spec_rules=40"), Memory.MIN_BYTES);
        CoverageCollector small = new CoverageCollector(Memory.MIN_BYTES), large = new CoverageCollector(Memory.DEFAULT_BYTES);
        try (LockstepRunner r = new LockstepRunner(() -> new GoldenBackend(Memory.MIN_BYTES))) {
            for (long seed = 1; seed <= 100; seed++) {
                var image = ProgramRenderer.image(gen.generate(seed)).image();
                small.beginProgram();
                large.beginProgram();
                r.runReference(image, log -> {
                    small.accept(log);
                    large.accept(log);
                });
            }
        }
        assertThat(small.report().hits("dram.last-byte.store.w4")).isPositive();
        assertThat(small.report().hits("dram.past-end.load")).isPositive();
        assertThat(large.report().hits("dram.last-byte.store.w4")).isZero();
        assertThat(large.report().hits("dram.past-end.load")).isZero();
    }

    /** Stores {@code addi a0, zero, 5} over {@code addi a0, zero, 1}, {@code gap} no-ops after a fence.i, and checks the new word ran. */
    static String fenced(int n, int gap) {
        StringBuilder s = new StringBuilder();
        s.append("    la   s11, slot").append(n).append('\n')
                .append("    li   s10, ").append(Encoder.encode(Instruction.ADDI, 10, 0, 5)).append('\n')
                .append("    sw   s10, 0(s11)\n")
                .append("    fence.i\n");
        for (int k = 0; k < gap; k++) s.append("    nop\n");
        s.append("slot").append(n).append(": addi a0, zero, 1\n")
                .append("    li   t1, 5\n")
                .append("    bne  a0, t1, fail\n");
        return s.toString();
    }

    @Test
    void selfModifiedCodeCountsByDistanceFromTheFenceIAndUnfencedOnlyForTheSameWord() {
        StringBuilder body = new StringBuilder();
        for (int gap = 0; gap <= 4; gap++) body.append(fenced(gap, gap));
        body.append("""
                    la   s11, same
                    lw   s10, 0(s11)
                    sw   s10, 0(s11)         # the word that is there: either fetch view runs the same instruction
                same: addi a1, zero, 7
                    j    ok
                fail:
                    ebreak
                ok:
                """);
        CoverageReport hit = run(body.toString());
        assertAllHit(hit, CoverageModel.SMC);
        assertThat(hit.hits("trap.BREAKPOINT")).as("every slot ran its new word").isZero();

        CoverageReport miss = run("""
                    la   s11, data
                    sw   zero, 0(s11)        # a store to data, then fence.i
                    fence.i
                    la   s11, _start
                    sw   zero, 0(s11)        # over code that never runs again
                    fence.i
                    nop
                """);
        assertNoneHit(miss, CoverageModel.SMC);
    }

    /** Producer (a tile word or CSR set to a limit), {@code gap} no-ops, then the consumer: the classes' distance is gap + 1. */
    static String numeric(int gap) {
        String nops = "    nop\n".repeat(gap);
        String[][] cases = {
            // {producer, consumer}
            {"li a0, 0x80000000\n    tput m1, a0, zero", "tquant.i8 m2, m1"},
            {"li a0, 0x7fffffff\n    tput m1, a0, zero", "tquant.i8 m2, m1"},
            {"li a0, 0x80000000\n    csrw xsqmul, a0", "tquant.i8 m2, m3"},
            {"li a0, 0x7fffffff\n    csrw xsqmul, a0", "tquant.i8 m2, m3"},
            {"li a0, -31\n    csrw xsqshift, a0", "tquant.i8 m2, m3"},
            {"li a0, 30\n    csrw xsqshift, a0", "tquant.i8 m2, m3"},
            {"li a0, -128\n    csrw xsqzp, a0", "tquant.i8 m2, m3"},
            {"li a0, 127\n    csrw xsqzp, a0", "tquant.i8 m2, m3"},
            {"li a0, 0x7fc00000\n    tput m1, a0, zero", "tcvt.e4m3 m2, m1"},
            {"li a0, 0xff800000\n    tput m1, a0, zero", "tcvt.e4m3 m2, m1"},
            {"li a0, 0x43e00000\n    tput m1, a0, zero", "tcvt.e4m3 m2, m1"},
            {"li a0, 0x43f00000\n    tput m1, a0, zero", "tcvt.e4m3 m2, m1"},
            {"li a0, 1\n    tput m1, a0, zero", "tcvt.e4m3 m2, m1"},
            {"li a0, 0x80000000\n    tput m1, a0, zero", "tcvt.e4m3 m2, m1"},
            {"li a0, 0x7f\n    tput m1, a0, zero", "tmma.e4m3 m2, m1, m3"},
            {"li a0, 0xfe00\n    tput m1, a0, zero", "tmma.e4m3 m2, m1, m3"},
            {"li a0, 0x01\n    tput m1, a0, zero", "tmma.e4m3 m2, m1, m3"},
            {"li a0, 0x7f7f7fff\n    csrw xsascl0, a0", "tmma.e4m3 m2, m3, m4"},
            {"li a0, 0x7f7f7f00\n    csrw xsbscl1, a0", "tmma.e4m3 m2, m3, m4"},
            {"li a0, 0xfe7f7f7f\n    csrw xsascl1, a0", "tmma.e4m3 m2, m3, m4"},
            {"li a0, 0x7f800001\n    tput m1, a0, zero", "tadd.f32 m2, m1, m3"},
            {"li a0, 0x7f800000\n    tput m1, a0, zero", "tadd.f32 m2, m3, m1"},
            {"li a0, 0x807fffff\n    tput m1, a0, zero", "tadd.f32 m2, m1, m3"},
            {"li a0, 0x80000000\n    tput m1, a0, zero", "tadd.f32 m2, m1, m3"},
            {"li a0, 0x7f7fffff\n    tput m1, a0, zero", "tadd.f32 m2, m1, m3"},
        };
        StringBuilder s = new StringBuilder();
        for (String[] c : cases) {
            // Back to plain values, far from the next case's consumer.
            s.append("    tzero m1\n    li a0, 0x3f800000\n    tput m1, a0, zero\n    csrwi xsqshift, 0\n    csrwi xsqzp, 0\n    csrwi xsqmul, 1\n")
                    .append("    li a0, 0x7f7f7f7f\n    csrw xsascl0, a0\n    csrw xsascl1, a0\n    csrw xsbscl0, a0\n    csrw xsbscl1, a0\n")
                    .append("    nop\n    nop\n    nop\n    nop\n");
            s.append("    ").append(c[0]).append('\n').append(nops).append("    ").append(c[1]).append('\n');
        }
        return s.toString();
    }

    @Test
    void numericLimitsCountByTheDistanceFromTheirProducerUpToFour() {
        StringBuilder body = new StringBuilder();
        for (int gap = 0; gap < 4; gap++) body.append(numeric(gap));
        assertAllHit(run(body.toString()), CoverageModel.NUMERIC);

        // Five instructions after the producer is no hazard any more.
        assertNoneHit(run(numeric(4)), CoverageModel.NUMERIC);
    }
}
