package dev.seedverify.cosim;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.golden.exec.Hart;
import dev.seedverify.golden.exec.Memory;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-of-program check on golden-model DUTs whose state is changed in known ways behind the
 * records' back, and one that, like a pipelined core, still has instructions in flight at the halt.
 */
class FinalStateCheckTest {
    static final String PROGRAM = """
            _start:
                li a0, 7
                la t0, data
                sw a0, 0(t0)
                csrr a1, mcycle
                li t1, 1
                la t2, tohost
                sw t1, 0(t2)
                addi a2, zero, 3
                csrr a3, mcycle
            1:  j 1b
                .align 3
            tohost: .word 0, 0
            data: .word 0, 0
            """;

    static ElfImage program() { return Assembler.assemble(PROGRAM, "final.S"); }

    static GoldenBackend loaded() {
        GoldenBackend b = new GoldenBackend(Memory.MIN_BYTES);
        b.loadBare(program());
        return b;
    }

    /** A golden-model DUT: {@code tamper} changes its hart after the halt; it may run {@code inFlight} records past it. */
    static class Dut extends ForwardingBackend {
        final Consumer<Hart> tamper;
        final int inFlight;

        Dut(Consumer<Hart> tamper, int inFlight) {
            super(loaded());
            this.tamper = tamper;
            this.inFlight = inFlight;
        }

        @Override
        public String name() { return "tampered golden"; }

        @Override
        public Optional<ArchState> finalState(CommitLog log) {
            if (inFlight > 0) inner.advance(log, inFlight);
            tamper.accept(((GoldenBackend) inner).hart());
            return inner.finalState(log);
        }
    }

    static LockstepResult check(Dut dut) {
        GoldenBackend golden = loaded();
        LockstepResult halted = new Lockstep(golden, dut, 16).run(10_000);
        assertThat(halted.passed()).as("%s", halted).isTrue();
        return FinalStateCheck.afterHalt(golden, dut, halted);
    }

    @Test
    void equalStatesLeaveTheHaltAsItWas() {
        GoldenBackend golden = loaded();
        Dut dut = new Dut(h -> { }, 0);
        LockstepResult halted = new Lockstep(golden, dut, 16).run(10_000);
        assertThat(FinalStateCheck.afterHalt(golden, dut, halted)).isSameAs(halted);
    }

    @Test
    void aMemoryWriteNoRecordShowsIsAFinalStateDivergence() {
        int data = program().symbols().get("data");
        LockstepResult r = check(new Dut(h -> h.memory().storeWord(data + 4 - Memory.BASE, 1), 0));
        assertThat(r.diverged()).isTrue();
        Divergence d = r.divergence();
        assertThat(d.kind()).isEqualTo(Divergence.Kind.FINAL_STATE);
        assertThat(d.firstField()).isEqualTo("dram_digest");
        assertThat(d.message()).startsWith("every record agreed but the state after the last one differs: dram_digest");
        assertThat(d.reference()).isNull();
        assertThat(d.dut()).isNull();
    }

    @Test
    void registerCsrAndTileChangesAreNamed() {
        LockstepResult r = check(new Dut(h -> {
            h.setX(9, 1);
            h.setCsr(dev.seedverify.golden.isa.Csr.MSCRATCH, 5);
            h.tiles().setWord(3, 17, 1);
        }, 0));
        assertThat(r.divergence().differences()).extracting(FieldDifference::field).containsExactly("x9", "mscratch", "tile[3].word[17]");
    }

    @Test
    void instructionsInFlightAtTheHaltAreExecutedOnBothSidesAndCompared() {
        // the DUT completes addi a2 and csrr a3, mcycle after the halt: the golden model catches up,
        // reading mcycle as the DUT did, and the states agree
        GoldenBackend golden = loaded();
        Dut dut = new Dut(h -> { }, 2);
        LockstepResult halted = new Lockstep(golden, dut, 16).run(10_000);
        long order = golden.hart().order();
        assertThat(FinalStateCheck.afterHalt(golden, dut, halted)).isSameAs(halted);
        assertThat(golden.hart().order()).isEqualTo(order + 2);
        assertThat(golden.hart().x(12)).isEqualTo(3);

        // an in-flight record that differs is a record mismatch, reported at its order
        GoldenBackend golden2 = loaded();
        Dut bad = new Dut(h -> { }, 1) {
            @Override
            public Optional<ArchState> finalState(CommitLog log) {
                Optional<ArchState> s = super.finalState(log);
                log.setField(0, CommitLog.RD_WDATA, 4);
                return s;
            }
        };
        LockstepResult halted2 = new Lockstep(golden2, bad, 16).run(10_000);
        LockstepResult r = FinalStateCheck.afterHalt(golden2, bad, halted2);
        assertThat(r.divergence().kind()).isEqualTo(Divergence.Kind.MISMATCH);
        assertThat(r.divergence().firstField()).isEqualTo("rd_wdata");
        assertThat(r.divergence().order()).isEqualTo(halted2.records());
    }

    @Test
    void runsThatDidNotHaltOrDutsThatCannotReportTheirStateAreLeftAlone() {
        LockstepResult budget = new LockstepResult(LockstepResult.Outcome.BUDGET, 5, 0, null);
        assertThat(FinalStateCheck.afterHalt(loaded(), new Dut(h -> h.setX(1, 1), 0), budget)).isSameAs(budget);
        GoldenBackend golden = LockstepTest.loaded();
        Backend noState = new ForwardingBackend(LockstepTest.loaded()) {
            @Override
            public Optional<ArchState> finalState(CommitLog inFlight) { return Optional.empty(); }
        };
        LockstepResult halted = new Lockstep(golden, noState, 16).run(10_000);
        assertThat(halted.passed()).isTrue();
        assertThat(FinalStateCheck.afterHalt(golden, noState, halted)).isSameAs(halted);
    }
}
