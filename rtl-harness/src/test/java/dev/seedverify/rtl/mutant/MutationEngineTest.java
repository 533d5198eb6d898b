package dev.seedverify.rtl.mutant;

import dev.seedverify.rtl.mutant.MutationEngine.Candidate;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators of the mutation engine on small pieces of SystemVerilog, and the instrumentation
 * that puts many mutants into one design. Cheap (no build).
 */
class MutationEngineTest {

    private static List<Candidate> of(String sv) { return MutationEngine.candidates("t.sv", sv); }

    private static List<String> changes(List<Candidate> c, MutationOperator op) {
        return c.stream().filter(x -> x.operator() == op).map(x -> x.original() + " -> " + x.mutated()).toList();
    }

    @Test
    void relationalOperatorsAreSwappedWithTheirNeighbours() {
        List<Candidate> c = of("assign y = (a == b) | (c != d) | (e < f) | (g >= h);\n");
        assertThat(changes(c, MutationOperator.RELATIONAL)).containsExactly("== -> !=", "!= -> ==", "< -> <=", ">= -> >");
    }

    @Test
    void aNonBlockingAssignmentIsNotARelationalOperatorButCanBeDropped() {
        List<Candidate> c = of("always_ff @(posedge clk) if (en) q <= d + 32'd1;\n");
        assertThat(changes(c, MutationOperator.RELATIONAL)).isEmpty();
        assertThat(changes(c, MutationOperator.DROPPED_ASSIGNMENT)).containsExactly("q <= d + 32'd1 -> q <= q");
        assertThat(c.stream().filter(x -> x.operator() == MutationOperator.DROPPED_ASSIGNMENT).findFirst().orElseThrow().spanMutated())
                .isEqualTo("q");
    }

    @Test
    void aRelationalLessOrEqualInsideAnExpressionIsMutated() {
        assertThat(changes(of("assign y = a <= b;\n"), MutationOperator.RELATIONAL)).containsExactly("<= -> <");
    }

    @Test
    void binaryArithmeticAndLogicalOperatorsAreSwappedButUnaryOnesAreNot() {
        List<Candidate> c = of("assign y = -a + (b & c) - (~d) ^ e;\nassign z = p && q || r;\n");
        assertThat(changes(c, MutationOperator.ARITHMETIC)).containsExactly("+ -> -", "& -> |", "- -> +", "^ -> |");
        assertThat(changes(c, MutationOperator.LOGICAL)).containsExactly("&& -> ||", "|| -> &&");
    }

    @Test
    void anIfConditionIsInverted() {
        List<Candidate> c = of("always_comb begin\n  if (a && b) y = 1'b1;\n  else y = 1'b0;\nend\n");
        assertThat(changes(c, MutationOperator.CONDITION)).containsExactly("a && b -> !(a && b)");
    }

    @Test
    void aSizedConstantMovesByOneModuloItsWidth() {
        assertThat(MutationEngine.constants("4'd15")).containsExactly("4'd0", "4'd14");
        assertThat(MutationEngine.constants("32'h8000_0000")).containsExactly("32'h80000001", "32'h7FFFFFFF");
        assertThat(MutationEngine.constants("1'b1")).containsExactly("1'b0");
        assertThat(MutationEngine.constants("0")).containsExactly("1");
        assertThat(MutationEngine.constants("'0")).containsExactly("'1");
        assertThat(MutationEngine.constants("4'bx0x1")).isEmpty();
    }

    @Test
    void constantBitSelectsAndPartSelectsMoveOneBitUpAndDown() {
        List<Candidate> c = of("assign y = {a[7], b[15:8], c[0]};\n");
        assertThat(changes(c, MutationOperator.BIT_SELECT)).containsExactly("[7] -> [8]", "[7] -> [6]", "[15:8] -> [16:9]", "[15:8] -> [14:7]",
                "[0] -> [1]");
        assertThat(changes(c, MutationOperator.CONSTANT)).as("indices are bit selects, not constants").isEmpty();
    }

    @Test
    void continuousAndCombinationalTargetsAreStuckAtZeroAndOne() {
        List<Candidate> c = of("assign ready = busy & go;\nalways_comb begin\n  nxt = state;\n  z = '0;\nend\n");
        assertThat(changes(c, MutationOperator.STUCK_AT)).containsExactly("ready = busy & go -> ready = '0", "ready = busy & go -> ready = '1",
                "nxt = state -> nxt = '0", "nxt = state -> nxt = '1", "z = '0 -> z = '1");
    }

    @Test
    void declarationsCastWidthsReplicationCountsAndGenerateConditionsAreLeftAlone() {
        List<Candidate> c = of("localparam int N = 4 + 1;\nlogic [7:0] v = 8'd3;\n"
                + "if (WIDTH == 8) begin : g\nend\nassign y = 32'(x) + {16{s}};\n");
        assertThat(c).allSatisfy(x -> assertThat(x.line()).isEqualTo(5));
        assertThat(changes(c, MutationOperator.CONSTANT)).isEmpty();
        assertThat(changes(c, MutationOperator.CONDITION)).isEmpty();
    }

    @Test
    void commentsAndStringsAreNotMutated() {
        assertThat(of("// assign y = a == b;\n/* x <= y + 1; */\ninitial $display(\"a == b\");\n")).isEmpty();
    }

    @Test
    void instrumentingPutsEveryMutantBehindItsSelectAndKeepsTheLineNumbers() {
        String sv = "module m(input logic [3:0] a, b, output logic y);\n  assign y = a == b; // equal\nendmodule\n";
        List<Candidate> c = of(sv);
        MutationEngine.Instrumented ins = MutationEngine.instrument("t.sv", sv, c, 5);
        assertThat(ins.mutants()).extracting(AutoMutant::id).containsExactly(5, 6, 7);
        assertThat(ins.text().lines().count()).isEqualTo(sv.lines().count());
        assertThat(ins.text()).contains("assign y = ((s1_mut_pkg::mut_sel == 5) ? (a != b) : (s1_mut_pkg::mut_sel == 6) ? ('0) : "
                + "(s1_mut_pkg::mut_sel == 7) ? ('1) : (a == b)); // equal");
        assertThat(ins.mutants().get(0).sourceLine()).isEqualTo("assign y = a == b; // equal");
        assertThat(ins.mutants().get(0).line()).isEqualTo(2);
    }

    @Test
    void functionsOfPackagesReadTheSelectThroughTheDpiCall() {
        String sv = "package p;\n  function automatic int f(int a);\n    return a + 1;\n  endfunction\nendpackage\n";
        String text = MutationEngine.instrument("p.sv", sv, MutationEngine.candidates("p.sv", sv), 1).text();
        assertThat(text).contains("s1_mut_pkg::s1_mut_sel() == 1").doesNotContain("s1_mut_pkg::mut_sel ");
    }

    @Test
    void aSampleIsDeterministicInSourceOrderAndNeverLargerThanAsked() {
        List<Candidate> all = MutationEngine.candidates("s1_csr.sv", RtlSources.read("s1_csr.sv"));
        List<Candidate> a = MutationEngine.sample(all, 25, 7), b = MutationEngine.sample(all, 25, 7);
        assertThat(a).hasSize(25).isEqualTo(b);
        assertThat(a).isSortedAccordingTo(java.util.Comparator.comparingInt(Candidate::spanStart));
        assertThat(MutationEngine.sample(all, 25, 8)).isNotEqualTo(a);
        assertThat(MutationEngine.sample(all, all.size() + 1, 7)).isEqualTo(all);
    }

    @Test
    void everyTargetFileOfTheRealRtlHasMutantsOfEveryOperatorItsCodeAllows() {
        Set<MutationOperator> seen = EnumSet.noneOf(MutationOperator.class);
        int total = 0;
        for (String f : List.of("s1_core.sv", "s1_mdu.sv", "s1_csr.sv", "s1_tile.sv", "s1_fp32_pkg.sv", "s1_e4m3_pkg.sv", "s1_requant_pkg.sv")) {
            String text = RtlSources.read(f);
            List<Candidate> c = MutationEngine.candidates(f, text);
            assertThat(c).as(f).hasSizeGreaterThan(50);
            for (Candidate x : c) {
                seen.add(x.operator());
                assertThat(text.substring(x.spanStart(), x.spanEnd())).as(x.toString()).contains(x.operator() == MutationOperator.DROPPED_ASSIGNMENT
                        || x.operator() == MutationOperator.STUCK_AT || x.operator() == MutationOperator.CONDITION ? "" : x.original());
                assertThat(x.spanMutated()).as(x.toString()).isNotEqualTo(text.substring(x.spanStart(), x.spanEnd()));
            }
            // every file instruments without overlapping spans and keeps its line count
            MutationEngine.Instrumented ins = MutationEngine.instrument(f, text, c, 1);
            assertThat(ins.text().split("\n", -1)).as(f).hasSize(text.split("\n", -1).length);
            total += c.size();
        }
        assertThat(seen).containsAll(EnumSet.allOf(MutationOperator.class));
        assertThat(total).as("candidates over core, MDU, CSR, tile unit and numerics").isGreaterThanOrEqualTo(500);
    }
}
