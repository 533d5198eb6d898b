package dev.seedverify.conformance.prop;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.cosim.OperandCause;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.exec.Memory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value read from the register the previous load wrote, as it was before the load, is bucketed
 * as a load-use hazard whichever instruction consumed it ({@link OperandCause}); a bug of the
 * consuming instruction itself keeps that instruction's bucket.
 */
class LoadUseBucketTest {
    static final BucketSignature LOAD_USE = new BucketSignature(OperandCause.LOAD_USE, "operand", "-");

    /** t0 holds {@code before}, then a load gives it {@code loaded}, then {@code consumer} runs. */
    static String program(int before, int loaded, String consumer) {
        return """
                _start: la      t1, data
                        li      t4, 2
                        li      t0, %d
                        lw      t0, 0(t1)
                        %s
                        la      t2, tohost
                        li      t3, 1
                        sw      t3, 0(t2)
                spin:   j       spin
                        .balign 64
                tohost: .word   0, 0
                data:   .word   %d, 0
                """.formatted(before, consumer, loaded);
    }

    static LockstepRunner.Outcome run(FaultyGoldenBackend.Fault fault, String source) {
        try (LockstepRunner runner = new LockstepRunner(() -> new FaultyGoldenBackend(fault, Memory.DEFAULT_BYTES))) {
            return runner.run(Assembler.assemble(source, "load-use.S"));
        }
    }

    @Test
    void aStaleOperandIsOneLoadUseBucketWhicheverInstructionConsumesIt() {
        for (String consumer : new String[] {"add t2, t0, t4", "srai t2, t0, 3", "sw t0, 4(t1)", "rem t2, t0, t4", "bge t0, t4, spin"}) {
            LockstepRunner.Outcome o = run(Faults.LOAD_USE_STALE_OPERAND, program(1000, -7, consumer));
            assertThat(o.diverged()).as(consumer).isTrue();
            assertThat(o.signature()).as(consumer + ": " + o.divergence()).isEqualTo(LOAD_USE);
            assertThat(o.divergence().message()).as(consumer).contains("x5 read as it was before the load");
        }
    }

    @Test
    void aBugOfTheConsumingInstructionKeepsItsOwnBucket() {
        // sra of the loaded negative value computed as srl: the value before the load (16) does not explain it
        LockstepRunner.Outcome o = run(Faults.SRA_AS_SRL_WHEN_NEGATIVE, program(16, -64, "sra t2, t0, t4"));
        assertThat(o.diverged()).isTrue();
        assertThat(o.divergence().cause()).isNull();
        assertThat(o.signature()).isEqualTo(new BucketSignature("sra", "rd_wdata", "-"));
    }

    @Test
    void aConsumerThatIsNotRightAfterTheLoadIsNotALoadUseCandidate() {
        LockstepRunner.Outcome o = run(Faults.SRA_AS_SRL_WHEN_NEGATIVE, program(16, -64, "nop\n sra t2, t0, t4"));
        assertThat(o.diverged()).isTrue();
        assertThat(OperandCause.suspects(o.divergence())).extracting(OperandCause.Suspect::cause).doesNotContain(OperandCause.LOAD_USE);
        assertThat(o.signature().unit()).isEqualTo("sra");
    }
}
