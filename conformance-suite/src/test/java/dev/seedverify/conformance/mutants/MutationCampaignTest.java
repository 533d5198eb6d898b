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
    private static AutoMutant subToAdd, doneCountByTwo, mcycleByTwo, jumpSignFromBit30;

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

    /** Loops as many times as the low bits of the mcycle it read: another mcycle, another path and cycle count. */
    static final String MCYCLE_STEERED = """
            _start:
                    csrr    t0, mcycle
                    andi    t0, t0, 31
                    addi    t0, t0, 4
            loop:   addi    t0, t0, -1
                    bnez    t0, loop
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
        chosen.add(one("s1_csr.sv", c -> c.operator() == MutationOperator.CONSTANT && c.sourceLine().equals("mcycle <= mcycle + 64'd1;")
                && c.mutated().equals("64'd2")));
        // JAL offsets sign-extended from bit 30 instead of 31: only jumps of 1 KiB and more see it
        chosen.add(MutationEngine.candidates("s1_core.sv", RtlSources.read("s1_core.sv")).stream()
                .filter(c -> c.operator() == MutationOperator.BIT_SELECT && c.sourceLine().startsWith("assign imm_j") && c.mutated().equals("[30]"))
                .min(java.util.Comparator.comparingInt(Candidate::spanStart)).orElseThrow());
        chosen.addAll(MutantModel.candidates("s1_csr.sv", 5, 3));
        chosen.addAll(MutantModel.candidates("s1_requant_pkg.sv", 5, 3));
        model = MutantModel.build(chosen, MutantModels.cacheRoot(), null);
        subToAdd = model.mutants().get(0);
        doneCountByTwo = model.mutants().get(1);
        mcycleByTwo = model.mutants().get(2);
        jumpSignFromBit30 = model.mutants().get(3);
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
        assertThat(model.mutants()).hasSize(14).extracting(AutoMutant::id).doesNotHaveDuplicates().allMatch(id -> id > 0);
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
    void aMutantOnlyTheHostCanSeeIsKilledWithMarginByTheDirectedAndTheRandomDeviceCheckers() {
        Outcome o = MutationCampaign.runOne(model, doneCountByTwo, programs, config);
        assertThat(o.verdict()).isEqualTo(Verdict.KILLED);
        assertThat(o.kills()).containsOnlyKeys(Checker.DEVICE, Checker.DEVICE_RANDOM);
        assertThat(o.marginMet()).isTrue();
        assertThat(o.bucket()).contains("DONE_COUNT");
    }

    @Test
    void theRandomDeviceCheckerFindsACommandModeMutantAndPassesTheOriginalDesign() {
        int[] ran = {0};
        assertThat(MutationCampaign.randomDevice(model, doneCountByTwo, programs.device(), ran)).contains("DONE_COUNT");
        assertThat(ran[0]).isBetween(1, programs.device().size());
        AutoMutant none = new AutoMutant(0, "s1_core.sv", 1, MutationOperator.CONSTANT, "x", "x", "(no mutant selected)");
        ran[0] = 0;
        assertThat(MutationCampaign.randomDevice(model, none, programs.device(), ran)).isNull();
        assertThat(ran[0]).isEqualTo(programs.device().size());
    }

    @Test
    void aJumpOffsetMutantThatOnlyFarJumpsRevealIsKilledWithMarginByTheCompiledPrograms() {
        int[] ran = {0};
        assertThat(MutationCampaign.compiled(model, jumpSignFromBit30, programs.compiled(), ran)).isNotNull();
        Outcome o = MutationCampaign.runOne(model, jumpSignFromBit30, programs, config);
        assertThat(o.verdict()).isEqualTo(Verdict.KILLED);
        assertThat(o.kills()).containsKeys(Checker.DIRECTED, Checker.COMPILED);
        assertThat(o.marginMet()).isTrue();
    }

    @Test
    void theOriginalDesignPassesEveryCompiledProgram() {
        AutoMutant none = new AutoMutant(0, "s1_core.sv", 1, MutationOperator.CONSTANT, "x", "x", "(no mutant selected)");
        int[] ran = {0};
        assertThat(MutationCampaign.compiled(model, none, programs.compiled(), ran)).isNull();
        assertThat(ran[0]).isEqualTo(programs.compiled().size()).isPositive();
    }

    @Test
    void anMcycleMutantWhoseReadsSteerAProgramElsewhereChangesOnlyImplementationDefinedValuesNotTiming() {
        List<MutationCampaign.Prog> steered = List.of(new MutationCampaign.Prog("mcycle-steered", Assembler.assemble(MCYCLE_STEERED, "steered.S")));
        try (RtlSimulator mutant = model.simulator(mcycleByTwo.id()); RtlSimulator original = model.simulator(0)) {
            MutationCampaign.Comparison c = MutationCampaign.compareWithOriginal(mutant, original, steered, config.budget());
            assertThat(c.verdict()).as(c.note()).isEqualTo(Verdict.IMPLEMENTATION_DEFINED);
            assertThat(c.note()).contains("mcycle");
        }
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
        assertThat(r.text()).contains("mutation score").contains("device directed").contains("device random").contains("compiled C");
        RunResult run = MutationCampaign.toRunResult(r, "test");
        assertThat(run.sections()).hasSize(1);
        assertThat(run.sections().get(0).cases()).hasSize(outcomes.size());
        assertThat(run.mutations()).hasSize((int) r.nonEquivalent() - (int) r.count(Verdict.ERROR));
        assertThat(run.performance()).anySatisfy(p -> assertThat(p.name()).isEqualTo("mutation score"));
        assertThat(run.mutations()).filteredOn(m -> m.mutant().equals(subToAdd.name())).singleElement()
                .satisfies(m -> assertThat(m.killedBy()).contains("directed conformance"));
    }
}
