package dev.seedverify.cosim;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.elf.ElfImage;
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

    static GoldenBackend loaded() {
        GoldenBackend b = new GoldenBackend(Memory.DEFAULT_BYTES);
        b.loadBare(program());
        return b;
    }

    /** A golden-model DUT that corrupts one field of the record with a given order. */
    static final class Corrupting extends ForwardingBackend {
        final long order;
        final int field;
        final int xor;

        Corrupting(long order, int field, int xor) {
            super(loaded());
            this.order = order;
            this.field = field;
            this.xor = xor;
        }

        @Override
        public String name() { return "corrupting"; }

        @Override
        public Status advance(CommitLog log, int maxRecords) {
            int start = log.size();
            Status s = inner.advance(log, maxRecords);
            for (int i = start; i < log.size(); i++) {
                if (log.order(i) == order) log.setField(i, field, log.field(i, field) ^ xor);
            }
            return s;
        }
    }

    @Test
    void identicalBackendsHaltTogetherAfterComparingEveryRecord() {
        GoldenBackend dut = loaded();
        LockstepResult r = new Lockstep(loaded(), dut, 64).run(1_000_000);
        assertThat(r.outcome()).isEqualTo(LockstepResult.Outcome.HALTED);
        assertThat(r.passed()).isTrue();
        assertThat(r.records()).isEqualTo(dut.hart().order());
    }

    @Test
    void firstDifferingFieldIsNamedWithBothValuesAndTheOrder() {
        LockstepResult r = new Lockstep(loaded(), new Corrupting(300, CommitLog.RD_WDATA, 0x10), 64).run(1_000_000);
        assertThat(r.diverged()).isTrue();
        Divergence d = r.divergence();
        assertThat(d.kind()).isEqualTo(Divergence.Kind.MISMATCH);
        assertThat(d.order()).isEqualTo(300);
        assertThat(d.differences()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("rd_wdata");
            assertThat(f.reference() ^ f.dut()).isEqualTo(0x10);
        });
        assertThat(d.reference().order()).isEqualTo(300);
        assertThat(d.dut().rdWdata()).isEqualTo(d.reference().rdWdata() ^ 0x10);
        assertThat(d.referenceName()).isEqualTo("golden");
        assertThat(d.dutName()).isEqualTo("corrupting");
    }

    @Test
    void historyHoldsTheSixteenRecordsBeforeTheDivergenceAcrossBatchBoundaries() {
        // batch 64: order 70 is index 6 of the second batch, so history spans two batches
        Divergence d = new Lockstep(loaded(), new Corrupting(70, CommitLog.PC_NEXT, 4), 64).run(1_000_000).divergence();
        assertThat(d.history()).hasSize(16);
        assertThat(d.history().get(0).order()).isEqualTo(54);
        assertThat(d.history().get(15).order()).isEqualTo(69);
        assertThat(d.firstField()).isEqualTo("pc_next");
    }

    @Test
    void aReusedLockstepShowsOnlyTheCurrentRunInTheHistory() {
        // One Lockstep over the same backends, as a campaign reuses it: the first run ends with a
        // full previous batch; the second diverges at order 5 of its first batch.
        GoldenBackend reference = loaded();
        Corrupting dut = new Corrupting(5, CommitLog.RD_WDATA, 1);
        Corrupting clean = new Corrupting(-1, CommitLog.RD_WDATA, 1);
        Switchable sw = new Switchable(clean);
        Lockstep lockstep = new Lockstep(reference, sw, 64);
        assertThat(lockstep.run(1_000_000).passed()).isTrue();
        reference.loadBare(program());
        sw.current = dut;
        Divergence d = lockstep.run(1_000_000).divergence();
        assertThat(d.order()).isEqualTo(5);
        assertThat(d.history()).extracting(CommitRecord::order).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    /** A DUT that can be replaced between runs of one Lockstep. */
    static final class Switchable extends ForwardingBackend {
        Backend current;

        Switchable(Backend first) {
            super(first);
            current = first;
        }

        @Override
        public Status advance(CommitLog log, int maxRecords) { return current.advance(log, maxRecords); }

        @Override
        public int tohostValue() { return current.tohostValue(); }
    }

    @Test
    void trapFieldsAreComparedOnTrappingRecords() {
        // record 4 is the first faulting store
        Divergence d = new Lockstep(loaded(), new Corrupting(4 + 2, CommitLog.TVAL, 1), 64).run(1_000_000).divergence();
        assertThat(d.reference().trap()).isTrue();
        assertThat(d.firstField()).isEqualTo("trap_tval");
    }

    @Test
    void dutThatHangsIsReportedAsAHangAfterTheLastEqualRecord() {
        Backend hanging = new ForwardingBackend(loaded()) {
            long produced;

            @Override
            public Status advance(CommitLog log, int max) {
                // Like a simulator: the records produced before the hang are delivered, then it fails.
                int n = (int) Math.min(max, 100 - produced);
                if (n > 0) {
                    inner.advance(log, n);
                    produced += n;
                }
                if (n < max) throw new BackendFailure(BackendFailure.Kind.HANG, "no instruction retired in 10000 cycles");
                return Status.RUNNING;
            }
        };
        LockstepResult r = new Lockstep(loaded(), hanging, 64).run(1_000_000);
        assertThat(r.divergence().kind()).isEqualTo(Divergence.Kind.DUT_HANG);
        assertThat(r.divergence().order()).isEqualTo(100);
        assertThat(r.divergence().message()).contains("10000 cycles");
        assertThat(r.divergence().history()).hasSize(16);
    }

    @Test
    void dutThatStopsEarlyIsReported() {
        Backend early = new ForwardingBackend(loaded()) {
            long produced;

            @Override
            public Status advance(CommitLog log, int max) {
                int before = log.size();
                Status s = inner.advance(log, max);
                produced += log.size() - before;
                return produced >= 50 ? Status.HALTED : s;
            }
        };
        LockstepResult r = new Lockstep(loaded(), early, 50).run(1_000_000);
        assertThat(r.divergence().kind()).isEqualTo(Divergence.Kind.DUT_STOPPED_EARLY);
    }

    @Test
    void implementationDefinedMcycleReadsAreTakenFromTheDut() {
        GoldenBackend dut = loaded();
        dut.setCsr(Csr.MCYCLE.address(), 123_456); // the DUT counts cycles differently
        GoldenBackend reference = loaded();
        LockstepResult r = new Lockstep(reference, dut, 64).run(1_000_000);
        assertThat(r.outcome()).isEqualTo(LockstepResult.Outcome.HALTED);
        assertThat(reference.hart().x(28)).isEqualTo(dut.hart().x(28)).isNotZero(); // t3 = the mcycle value read
    }

    @Test
    void implementationDefinedReadAtTheFirstRecordOfABatchIsSynchronisedToo() {
        ElfImage image = Assembler.assemble("""
                _start:
                    csrr a0, cycle
                    csrr a1, mcycleh
                    li t1, 1
                    la t2, tohost
                    sw t1, 0(t2)
                1:  j 1b
                    .align 3
                tohost: .word 0
                """, "cycle.S");
        GoldenBackend reference = new GoldenBackend(Memory.DEFAULT_BYTES), dut = new GoldenBackend(Memory.DEFAULT_BYTES);
        reference.loadBare(image);
        dut.loadBare(image);
        dut.setCsr(Csr.MCYCLEH.address(), 7);
        dut.setCsr(Csr.MCYCLE.address(), 99);
        LockstepResult r = new Lockstep(reference, dut, 1).run(100);
        assertThat(r.outcome()).isEqualTo(LockstepResult.Outcome.HALTED);
        assertThat(reference.hart().x(10)).isEqualTo(99);
        assertThat(reference.hart().x(11)).isEqualTo(7);
    }

    @Test
    void budgetEndsARunThatIsStillEqual() {
        LockstepResult r = new Lockstep(loaded(), loaded(), 64).run(500);
        assertThat(r.outcome()).isEqualTo(LockstepResult.Outcome.BUDGET);
        assertThat(r.records()).isEqualTo(500);
    }
}
