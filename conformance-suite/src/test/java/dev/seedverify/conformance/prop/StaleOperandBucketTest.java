package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.cosim.OperandCause;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value read as rs2 from the register the instruction right before wrote, as it was before that
 * write (a forwarding path missing), is bucketed by its cause, {@code stale-rs2}, whichever
 * instruction consumed it ({@link OperandCause}); a bug of the consuming instruction keeps its own.
 */
class StaleOperandBucketTest {
    static final BucketSignature STALE_RS2 = new BucketSignature(OperandCause.STALE_RS2, "operand", "-");

    /** t4 holds {@code t4}, t0 holds 1000, then {@code writer} gives t0 another value, then {@code consumer} runs. */
    static String program(int t4, String writer, String consumer) {
        return """
                _start: la      t1, data
                        li      t4, %d
                        li      t0, 1000
                        %s
                        %s
                        la      t2, tohost
                        li      t3, 1
                        sw      t3, 0(t2)
                spin:   j       spin
                        .balign 64
                tohost: .word   0, 0
                data:   .word   0, 0
                """.formatted(t4, writer, consumer);
    }

    static LockstepRunner.Outcome run(FaultyGoldenBackend.Fault fault, String source) {
        try (LockstepRunner runner = new LockstepRunner(() -> new FaultyGoldenBackend(fault, Memory.DEFAULT_BYTES))) {
            return runner.run(Assembler.assemble(source, "stale-operand.S"));
        }
    }

    @Test
    void aStaleRs2IsOneBucketWhicheverInstructionConsumesIt() {
        for (String consumer : new String[] {"add t2, t4, t0", "sub t2, t4, t0", "sw t0, 4(t1)", "mul t2, t4, t0", "blt t4, t0, spin", "sll t2, t4, t0"}) {
            LockstepRunner.Outcome o = run(Faults.RS2_FORWARD_MISSING, program(1050, "addi t0, t0, 77", consumer));
            assertThat(o.diverged()).as(consumer).isTrue();
            assertThat(o.signature()).as(consumer + ": " + o.divergence()).isEqualTo(STALE_RS2);
            assertThat(o.divergence().message()).as(consumer).contains("x5 read as it was before the addi 1 before");
        }
    }

    @Test
    void aStaleRs2AfterALoadIsTheLoadUseBucket() {
        // the same stale read after a load is a missing stall, not a missing forwarding path
        LockstepRunner.Outcome o = LoadUseBucketTest.run(Faults.LOAD_USE_STALE_OPERAND, LoadUseBucketTest.program(1000, -7, "add t2, t4, t0"));
        assertThat(o.signature().unit()).isEqualTo(OperandCause.LOAD_USE);
    }

    @Test
    void aBugOfTheConsumingInstructionWithAFreshOperandKeepsItsOwnBucket() {
        // sra of a negative rs1 computed as srl, rs2 just written: the rs2 before the write does not explain it
        LockstepRunner.Outcome o = run(Faults.SRA_AS_SRL_WHEN_NEGATIVE, program(-24, "addi t0, zero, 3", "sra t2, t4, t0"));
        assertThat(o.diverged()).isTrue();
        assertThat(OperandCause.suspects(o.divergence())).extracting(OperandCause.Suspect::cause).contains(OperandCause.STALE_RS2);
        assertThat(o.divergence().cause()).isNull();
        assertThat(o.signature()).isEqualTo(new BucketSignature("sra", "rd_wdata", "-"));
    }

    @Test
    void aLinkRegisterStoredRightAfterTheCallIsAStaleRs2() {
        // the callee's first instruction stores ra: the experiment moves the jal (as lui+addi of
        // its link value and a jump to the callee) out of line
        String source = """
                _start: la      t1, data
                        li      ra, 1000
                        jal     ra, callee
                        la      t2, tohost
                        li      t3, 1
                        sw      t3, 0(t2)
                spin:   j       spin
                callee: sw      ra, 4(t1)
                        ret
                        .balign 64
                tohost: .word   0, 0
                data:   .word   0, 0
                """;
        LockstepRunner.Outcome o = run(Faults.RS2_FORWARD_MISSING, source);
        assertThat(o.signature()).as(o.divergence().toString()).isEqualTo(STALE_RS2);
        assertThat(o.divergence().message()).contains("before the jal 1 before");
    }

    @Test
    void aBranchBugThatAStaleOperandWouldAlsoExplainKeepsItsOwnBucket() {
        // bltu compared signed: 1050 <u -5 is taken, 1050 <s -5 is not; the old t0 (1000) would
        // also make it not taken, but with the writer moved away the DUT still gets it wrong
        LockstepRunner.Outcome o = run(Faults.BLTU_COMPARES_SIGNED, program(1050, "addi t0, zero, -5", "bltu t4, t0, spin"));
        assertThat(o.diverged()).isTrue();
        assertThat(o.divergence().cause()).isNull();
        assertThat(o.signature()).isEqualTo(new BucketSignature("bltu", "next-pc", "-"));
    }

    @Test
    void theProgramWithItsWriterOutOfLineComputesTheSame() {
        ElfImage image = Assembler.assemble(program(1050, "addi t0, t0, 77", "add t2, t4, t0"), "stale-operand.S");
        GoldenBackend golden = new GoldenBackend(Memory.DEFAULT_BYTES);
        golden.loadBare(image);
        CommitLog log = new CommitLog(64);
        golden.advance(log, 5);
        CommitRecord writer = log.get(4);
        assertThat(writer.rdWdata()).isEqualTo(1077);
        ElfImage moved = OperandCause.withWriterOutOfLine(image, writer, Memory.DEFAULT_BYTES);
        assertThat(moved).isNotNull();
        int[] original = finalRegisters(golden, image), outOfLine = finalRegisters(golden, moved);
        assertThat(outOfLine).isEqualTo(original);
    }

    private static int[] finalRegisters(GoldenBackend golden, ElfImage image) {
        golden.loadBare(image);
        CommitLog log = new CommitLog(64);
        assertThat(golden.advance(log, 64)).isEqualTo(dev.seedverify.cosim.Backend.Status.HALTED);
        int[] x = new int[32];
        for (int r = 0; r < 32; r++) x[r] = golden.hart().x(r);
        return x;
    }
}
