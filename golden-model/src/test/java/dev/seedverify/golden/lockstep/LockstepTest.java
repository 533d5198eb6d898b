package dev.seedverify.golden.lockstep;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparator, driven by golden-model DUTs whose behaviour is known exactly. */
class LockstepTest {
    /** 3 + 10 * 3 + ... instructions, ends by writing 1 to tohost. */
    static final String LOOP = """
            _start:
                li a0, 200
                li a1, 0
            loop: add a1, a1, a0
                sw a1, 64(zero)     # faults: a store access trap every iteration
                addi a0, a0, -1
                bnez a0, loop
                csrr t3, mcycle
                li t1, 1
                la t2, tohost
                sw t1, 0(t2)
            1:  j 1b
            handler:
                csrr t0, mepc
                addi t0, t0, 4
                csrw mepc, t0
                mret
                .align 3
            tohost: .word 0
            """;

    static ElfImage program() {
        return Assembler.assemble(LOOP.replace("_start:\n", "_start:\n    la t0, handler\n    csrw mtvec, t0\n"), "loop.S");
    }

    static Hart loaded() {
        Hart h = new Hart(new Memory(Memory.DEFAULT_BYTES));
        BareMetal.load(h, program());
        return h;
    }

    /** A golden-model DUT that corrupts one field of the record with a given order. */
    static final class CorruptingSource implements CommitSource {
        final GoldenSource inner = new GoldenSource(loaded());
        final long order;
        final int field;
        final int xor;

        CorruptingSource(long order, int field, int xor) {
            this.order = order;
            this.field = field;
            this.xor = xor;
        }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            int start = log.size();
            Status s = inner.advance(log, maxRecords);
            for (int i = start; i < log.size(); i++) {
                if (log.order(i) == order) log.setField(i, field, log.field(i, field) ^ xor);
            }
            return s;
        }

        @Override
        public int tohostValue() { return inner.tohostValue(); }

        @Override
        public String describe() { return "corrupting golden"; }
    }

    @Test
    void identicalTargetsHaltTogetherAfterComparingEveryRecord() {
        Hart dutHart = loaded();
        LockstepResult r = new Lockstep(loaded(), new GoldenSource(dutHart), 64).run(1_000_000);
        assertThat(r.outcome()).isEqualTo(LockstepResult.Outcome.HALTED);
        assertThat(r.passed()).isTrue();
        assertThat(r.records()).isEqualTo(dutHart.order());
    }

    @Test
    void firstDifferingFieldIsNamedWithBothValuesAndTheOrder() {
        LockstepResult r = new Lockstep(loaded(), new CorruptingSource(300, CommitLog.RD_WDATA, 0x10), 64).run(1_000_000);
        assertThat(r.diverged()).isTrue();
        Divergence d = r.divergence();
        assertThat(d.kind()).isEqualTo(Divergence.Kind.MISMATCH);
        assertThat(d.order()).isEqualTo(300);
        assertThat(d.differences()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("rd_wdata");
            assertThat(f.golden() ^ f.dut()).isEqualTo(0x10);
        });
        assertThat(d.golden().order()).isEqualTo(300);
        assertThat(d.dut().rdWdata()).isEqualTo(d.golden().rdWdata() ^ 0x10);
    }

    @Test
    void historyHoldsTheSixteenRecordsBeforeTheDivergenceAcrossBatchBoundaries() {
        // batch 64: order 70 is index 6 of the second batch, so history spans two batches
        Divergence d = new Lockstep(loaded(), new CorruptingSource(70, CommitLog.PC_NEXT, 4), 64).run(1_000_000).divergence();
        assertThat(d.history()).hasSize(16);
        assertThat(d.history().get(0).order()).isEqualTo(54);
        assertThat(d.history().get(15).order()).isEqualTo(69);
        assertThat(d.firstField()).isEqualTo("pc_next");
    }

    @Test
    void aReusedLockstepShowsOnlyTheCurrentRunInTheHistory() {
        // One Lockstep over the same hart and DUT log, as a campaign reuses it: the first run ends
        // with a full previous batch; the second diverges at order 5 of its first batch.
        Hart golden = loaded();
        SwitchableSource dut = new SwitchableSource(new GoldenSource(loaded()));
        Lockstep lockstep = new Lockstep(golden, dut, 64);
        assertThat(lockstep.run(1_000_000).passed()).isTrue();
        BareMetal.load(golden, program());
        dut.inner = new CorruptingSource(5, CommitLog.RD_WDATA, 1);
        Divergence d = lockstep.run(1_000_000).divergence();
        assertThat(d.order()).isEqualTo(5);
        assertThat(d.history()).extracting(CommitRecord::order).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    /** A DUT whose source can be replaced between runs of one Lockstep. */
    static final class SwitchableSource implements CommitSource {
        CommitSource inner;

        SwitchableSource(CommitSource inner) { this.inner = inner; }

        @Override
        public Status advance(CommitLog log, int maxRecords) { return inner.advance(log, maxRecords); }

        @Override
        public int tohostValue() { return inner.tohostValue(); }

        @Override
        public String describe() { return "switchable"; }
    }

    @Test
    void trapFieldsAreComparedOnTrappingRecords() {
        // record 4 is the first faulting store
        Divergence d = new Lockstep(loaded(), new CorruptingSource(4 + 2, CommitLog.TVAL, 1), 64).run(1_000_000).divergence();
        assertThat(d.golden().trap()).isTrue();
        assertThat(d.firstField()).isEqualTo("trap_tval");
    }

    @Test
    void dutThatHangsIsReportedAsAHangAfterTheLastEqualRecord() {
        CommitSource hanging = new CommitSource() {
            final GoldenSource inner = new GoldenSource(loaded());

            @Override
            public Status advance(CommitLog log, int max) {
                // Like a simulator: the records produced before the hang are delivered, then it fails.
                int n = (int) Math.min(max, 100 - inner.hart().order());
                if (n > 0) inner.advance(log, n);
                if (n < max) throw new TargetFailure(TargetFailure.Kind.HANG, "no instruction retired in 10000 cycles");
                return Status.RUNNING;
            }

            @Override
            public int tohostValue() { return 0; }

            @Override
            public String describe() { return "hanging"; }
        };
        LockstepResult r = new Lockstep(loaded(), hanging, 64).run(1_000_000);
        assertThat(r.divergence().kind()).isEqualTo(Divergence.Kind.DUT_HANG);
        assertThat(r.divergence().order()).isEqualTo(100);
        assertThat(r.divergence().message()).contains("10000 cycles");
        assertThat(r.divergence().history()).hasSize(16);
    }

    @Test
    void dutThatStopsEarlyIsReported() {
        CommitSource early = new CommitSource() {
            final GoldenSource inner = new GoldenSource(loaded());

            @Override
            public Status advance(CommitLog log, int max) {
                Status s = inner.advance(log, max);
                return inner.hart().order() >= 50 ? Status.HALTED : s;
            }

            @Override
            public int tohostValue() { return 1; }

            @Override
            public String describe() { return "early"; }
        };
        LockstepResult r = new Lockstep(loaded(), early, 50).run(1_000_000);
        assertThat(r.divergence().kind()).isEqualTo(Divergence.Kind.DUT_STOPPED_EARLY);
    }

    @Test
    void implementationDefinedMcycleReadsAreTakenFromTheDut() {
        Hart dutHart = loaded();
        dutHart.setCsr(Csr.MCYCLE, 123_456); // the DUT counts cycles differently
        Hart golden = loaded();
        LockstepResult r = new Lockstep(golden, new GoldenSource(dutHart), 64).run(1_000_000);
        assertThat(r.outcome()).isEqualTo(LockstepResult.Outcome.HALTED);
        assertThat(golden.x(28)).isEqualTo(dutHart.x(28)); // t3 = the mcycle value read
    }

    @Test
    void budgetEndsARunThatIsStillEqual() {
        LockstepResult r = new Lockstep(loaded(), new GoldenSource(loaded()), 64).run(500);
        assertThat(r.outcome()).isEqualTo(LockstepResult.Outcome.BUDGET);
        assertThat(r.records()).isEqualTo(500);
    }
}
