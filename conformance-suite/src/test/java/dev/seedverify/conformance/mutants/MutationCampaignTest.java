package dev.seedverify.conformance.mutants;

import dev.seedverify.conformance.mutants.MutationCampaign.Checker;
import dev.seedverify.conformance.mutants.MutationCampaign.Outcome;
import dev.seedverify.conformance.mutants.MutationCampaign.Verdict;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.reports.model.RunResult;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.RtlSimulator;
import dev.seedverify.rtl.RunResult.Status;
import dev.seedverify.rtl.mutant.AutoMutant;
import dev.seedverify.rtl.mutant.MutantModel;
import dev.seedverify.rtl.mutant.MutantModels;
import dev.seedverify.rtl.mutant.MutationEngine;
import dev.seedverify.rtl.mutant.MutationEngine.Candidate;
import dev.seedverify.rtl.mutant.MutationOperator;
import dev.seedverify.rtl.mutant.RtlSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast slice of the mutation campaign (the nightly one is {@code ci/mutate.sh}): one small
 * mutant model (an ALU mutant, a device-only mutant, samples of the CSR file and the requant
 * package), built once, its select, and the campaign's checkers, margin, equivalence check and
 * report model on it, with few programs.
 */
class MutationCampaignTest {
    private static MutantModel model;
    private static MutationCampaign.Config config;
    private static MutationCampaign.Programs programs;
    private static AutoMutant subToAdd, doneCountByTwo;

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

    private static Candidate one(String file, Predicate<Candidate> p) {
        List<Candidate> c = MutationEngine.candidates(file, RtlSources.read(file)).stream().filter(p).toList();
        assertThat(c).as(file).hasSize(1);
        return c.get(0);
    }

    @BeforeAll
    static void build() {
        List<Candidate> chosen = new ArrayList<>();
        chosen.add(one("s1_core.sv", c -> c.operator() == MutationOperator.ARITHMETIC && c.sourceLine().equals("ALU_SUB:  alu_out = alu_a - alu_b;")));
        chosen.add(one("s1_cmdproc.sv", c -> c.operator() == MutationOperator.CONSTANT && c.sourceLine().equals("done_count <= done_count + 32'd1;")
                && c.mutated().equals("32'd2")));
        chosen.addAll(MutantModel.candidates("s1_csr.sv", 5, 3));
        chosen.addAll(MutantModel.candidates("s1_requant_pkg.sv", 5, 3));
        model = MutantModel.build(chosen, MutantModels.cacheRoot(), null);
        subToAdd = model.mutants().get(0);
        doneCountByTwo = model.mutants().get(1);
        config = MutationCampaign.Config.nightly().withPrograms(40, 60).withThreads(2);
        programs = MutationCampaign.Programs.of(config);
    }

    private static int x12After(RtlSimulator sim) {
        sim.loadBare(Assembler.assemble(SUB_PROGRAM, "sub.S"));
        assertThat(sim.run(10_000, null).status()).isEqualTo(Status.HALTED);
        sim.drain(new CommitLog(64));
        return sim.gpr(12);
    }

    @Test
    void everyChosenMutantIsInTheOneModelWithItsOwnId() {
        assertThat(model.unbuildable()).isEmpty();
        assertThat(model.mutants()).hasSize(12).extracting(AutoMutant::id).doesNotHaveDuplicates().allMatch(id -> id > 0);
        assertThat(subToAdd.change()).isEqualTo("`-` -> `+`");
    }

    @Test
    void selectingAMutantChangesWhatTheRtlComputesAndZeroIsTheOriginalDesign() {
        try (RtlSimulator real = RtlSimulator.create(RtlModel.builtIn()); RtlSimulator sim = model.simulator(subToAdd.id())) {
            assertThat(x12After(real)).isEqualTo(5 - 7);
            assertThat(x12After(sim)).isEqualTo(5 + 7);
            sim.selectMutant(0);
            assertThat(x12After(sim)).isEqualTo(5 - 7);
        }
    }

    @Test
    void anAluMutantIsKilledWithMarginByTheDirectedListAndAnotherChecker() {
        Outcome o = MutationCampaign.runOne(model, subToAdd, programs, config);
        assertThat(o.verdict()).isEqualTo(Verdict.KILLED);
        assertThat(o.kills()).containsKey(Checker.DIRECTED);
        assertThat(o.marginMet()).isTrue();
        assertThat(o.bucket()).isNotBlank();
    }

    @Test
    void aMutantOnlyTheHostCanSeeIsKilledByTheDeviceChecker() {
        Outcome o = MutationCampaign.runOne(model, doneCountByTwo, programs, config);
        assertThat(o.verdict()).isEqualTo(Verdict.KILLED);
        assertThat(o.kills()).containsOnlyKeys(Checker.DEVICE);
        assertThat(o.bucket()).contains("DONE_COUNT");
    }

    @Test
    void theOriginalDesignIsKilledByNoCheckerAndFoundEquivalent() {
        AutoMutant none = new AutoMutant(0, "s1_core.sv", 1, MutationOperator.CONSTANT, "x", "x", "(no mutant selected)");
        Outcome o = MutationCampaign.runOne(model, none, programs, config);
        assertThat(o.kills()).isEmpty();
        assertThat(o.verdict()).as(o.note()).isEqualTo(Verdict.PROBABLY_EQUIVALENT);
    }

    @Test
    void theCampaignReportsEveryMutantWithItsVerdictAndTheScore() {
        List<Outcome> outcomes = MutationCampaign.runAll(model, model.mutants(), programs, config, null);
        assertThat(outcomes).hasSize(model.mutants().size());
        MutationCampaign.Result r = new MutationCampaign.Result(config, outcomes, java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 99,
                java.time.Instant.now(), java.time.Instant.now());
        assertThat(r.killed()).isGreaterThanOrEqualTo(2);
        assertThat(r.text()).contains("mutation score").contains("device directed");
        RunResult run = MutationCampaign.toRunResult(r, "test");
        assertThat(run.sections()).hasSize(1);
        assertThat(run.sections().get(0).cases()).hasSize(outcomes.size());
        assertThat(run.mutations()).hasSize((int) r.nonEquivalent() - (int) r.count(Verdict.ERROR));
        assertThat(run.performance()).anySatisfy(p -> assertThat(p.name()).isEqualTo("mutation score"));
        assertThat(run.mutations()).filteredOn(m -> m.mutant().equals(subToAdd.name())).singleElement()
                .satisfies(m -> assertThat(m.killedBy()).contains("directed conformance"));
    }
}
