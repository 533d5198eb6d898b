package dev.seedverify.conformance.rtl;

import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.ForwardingBackend;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.ArchState;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.reports.DivergenceReport;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.RtlSimulator;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lockstep runs (conformance list, property campaigns, kernels: all through
 * {@link LockstepRunner}) compare the state at the end of every program that halts, so a write
 * that no commit record shows is caught: here one DRAM word written through the backdoor between
 * the halt and the comparison.
 */
class EndOfProgramStateTest {

    /** The RTL, with one DRAM word written behind the records' back once a program halts (when armed). */
    static final class PokedRtl extends ForwardingBackend {
        int pokeAddress;
        boolean armed;

        PokedRtl() { super(new RtlBackend(RtlModel.builtIn(), "rtl")); }

        @Override
        public String name() { return "poked-rtl"; }

        @Override
        public String describe() { return "RTL with a backdoor write after the halt"; }

        @Override
        public Optional<ArchState> finalState(CommitLog inFlight) {
            if (armed) {
                RtlSimulator sim = ((RtlBackend) inner).simulator();
                sim.writeWord(pokeAddress, sim.readWord(pokeAddress) ^ 0x100);
            }
            return inner.finalState(inFlight);
        }
    }

    @Test
    void aDramWordWrittenBehindTheRecordsIsAFinalStateDivergenceAndTheNextProgramIsClean() {
        ProgramGenerator gen = new ProgramGenerator(Weights.DEFAULT);
        PokedRtl dut = new PokedRtl();
        try (LockstepRunner runner = new LockstepRunner(() -> dut)) {
            ElfImage program = dev.seedverify.conformance.gen.ProgramRenderer.image(gen.generate(7)).image();
            assertThat(runner.run(program).passed()).as("unpoked").isTrue();

            dut.armed = true;
            dut.pokeAddress = RtlSimulator.DRAM_BASE + dut.dramBytes() - 64;   // a word no program here touches
            LockstepRunner.Outcome o = runner.run(program);
            assertThat(o.diverged()).isTrue();
            Divergence d = o.divergence();
            assertThat(d.kind()).isEqualTo(Divergence.Kind.FINAL_STATE);
            assertThat(d.firstField()).isEqualTo("dram_digest");
            assertThat(o.signature()).isEqualTo(new BucketSignature("-", "dram_digest", "-"));
            String report = new DivergenceReport(d, "generated seed 7", dut.describe(), null).text();
            assertThat(report).contains("DIVERGENCE FINAL_STATE").contains("dram_digest");
            System.out.println(report);

            dut.armed = false;
            assertThat(runner.run(program).passed()).as("the next program on the same simulator").isTrue();
        }
    }
}
