package dev.seedverify.rtl;

import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.rtl.mutant.AutoMutant;
import dev.seedverify.rtl.mutant.MutantModel;
import dev.seedverify.rtl.mutant.MutationEngine;
import dev.seedverify.rtl.mutant.MutationEngine.Candidate;
import dev.seedverify.rtl.mutant.MutationOperator;
import dev.seedverify.rtl.mutant.RtlSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A small model of the mutation engine, built once: the ALU's subtract turned into an add, and
 * every mutant of the requant package (functions of a package,
 * which read the select through the DPI call). Selecting 0 is the original design; selecting a
 * mutant changes what the program computes; the real RTL has no mutant select.
 */
class MutantModelTest {
    private static MutantModel model;
    private static AutoMutant subToAdd;

    static final String SUB_PROGRAM = """
            _start:
                    li      a0, 5
                    li      a1, 7
                    sub     a2, a0, a1
                    la      t2, tohost
                    li      t1, 1
                    sw      t1, 0(t2)
            spin:   j       spin
                    .balign 64
            tohost: .word   0, 0
            """;

    @BeforeAll
    static void build() {
        List<Candidate> chosen = new ArrayList<>();
        String core = RtlSources.read("s1_core.sv");
        for (Candidate c : MutationEngine.candidates("s1_core.sv", core)) {
            if (c.operator() == MutationOperator.ARITHMETIC && c.sourceLine().equals("ALU_SUB:  alu_out = alu_a - alu_b;")) chosen.add(c);
        }
        assertThat(chosen).as("the ALU's subtract is a candidate").hasSize(1);
        chosen.addAll(MutationEngine.candidates("s1_requant_pkg.sv", RtlSources.read("s1_requant_pkg.sv")));
        model = MutantModel.build(chosen, TestSupport.testOut().resolve("mutant-models"), null);
        subToAdd = model.mutants().get(0);
    }

    /** x12 after the program (5 - 7 with the real ALU); the program must halt. */
    private static int x12After(RtlSimulator sim) {
        ElfImage image = TestSupport.assemble("sub.S", SUB_PROGRAM);
        sim.loadBare(image);
        RunResult r = sim.run(10_000, null);
        assertThat(r.status()).isEqualTo(RunResult.Status.HALTED);
        sim.drain(new CommitLog(64));
        return sim.gpr(12);
    }

    @Test
    void everyChosenMutantIsBuiltIntoTheOneModelWithItsOwnId() {
        assertThat(model.unbuildable()).isEmpty();
        assertThat(model.mutants()).hasSizeGreaterThan(50);
        assertThat(model.mutants()).extracting(AutoMutant::id).doesNotHaveDuplicates().allMatch(id -> id > 0);
        assertThat(subToAdd.file()).isEqualTo("s1_core.sv");
        assertThat(subToAdd.change()).isEqualTo("`-` -> `+`");
    }

    @Test
    void withNoMutantSelectedTheModelComputesWhatTheRealRtlComputes() {
        try (RtlSimulator real = RtlSimulator.create(RtlModel.builtIn()); RtlSimulator original = model.simulator(0)) {
            assertThat(x12After(original)).isEqualTo(x12After(real)).isEqualTo(5 - 7);
        }
    }

    @Test
    void theSelectedMutantChangesTheResultAndSelectingZeroAgainRestoresIt() {
        try (RtlSimulator sim = model.simulator(subToAdd.id())) {
            assertThat(x12After(sim)).isEqualTo(5 + 7);
            sim.selectMutant(0);
            assertThat(x12After(sim)).isEqualTo(5 - 7);
        }
    }

    @Test
    void theRealRtlHasNoMutantSelect() {
        try (RtlSimulator real = RtlSimulator.create(RtlModel.builtIn())) {
            assertThatThrownBy(() -> real.selectMutant(1)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void aSecondBuildOfTheSameMutantsIsFoundInTheCache() {
        List<Candidate> again = new ArrayList<>();
        for (Candidate c : MutationEngine.candidates("s1_core.sv", RtlSources.read("s1_core.sv"))) {
            if (c.operator() == MutationOperator.ARITHMETIC && c.sourceLine().equals("ALU_SUB:  alu_out = alu_a - alu_b;")) again.add(c);
        }
        again.addAll(MutationEngine.candidates("s1_requant_pkg.sv", RtlSources.read("s1_requant_pkg.sv")));
        MutantModel cached = MutantModel.build(again, TestSupport.testOut().resolve("mutant-models"), null);
        assertThat(cached.model()).isSameAs(model.model());
        assertThat(cached.mutants()).isEqualTo(model.mutants());
    }
}
