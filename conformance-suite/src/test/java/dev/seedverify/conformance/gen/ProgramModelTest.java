package dev.seedverify.conformance.gen;

import dev.seedverify.golden.isa.Gpr;
import dev.seedverify.golden.isa.Instruction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The structured model: deletion keeps targets forward and meaningful; the validator's rules. */
class ProgramModelTest {

    static Program program(List<Op> body) {
        Program p = new ProgramGenerator(Weights.DEFAULT).generate(1);
        return p.withBody(body);
    }

    static Op add(int rd) { return new Op.Insn(Instruction.ADD, new int[] {rd, 1, 2}, -1, 0, ""); }

    static Op beq(int target) { return new Op.Insn(Instruction.BEQ, new int[] {1, 2, 0}, target, 0, ""); }

    @Test
    void deletingOpsRemapsTargetsToTheFirstSurvivingOpAtOrAfterThem() {
        List<Op> body = new ArrayList<>(List.of(beq(3), add(5), add(6), add(7), beq(6), add(8)));
        Program p = program(body);
        Program d = p.delete(1, 3); // remove ops 1 and 2
        assertThat(d.op(0).target()).isEqualTo(1); // was 3, now at index 1
        assertThat(d.op(2).target()).isEqualTo(4); // was 6 (the end), now the end
        Program e = p.delete(3, 4); // remove the target of op 0
        assertThat(e.op(0).target()).isEqualTo(3); // lands where op 3 was
        assertThat(ProgramValidator.problems(d)).isEmpty();
        assertThat(ProgramValidator.problems(e)).isEmpty();
    }

    @Test
    void theValidatorRejectsEverythingThatCouldMakeGoldenAndRtlLegitimatelyDiffer() {
        assertThat(ProgramValidator.problems(program(List.of(new Op.Insn(Instruction.SW, new int[] {5, 0, 6}, -1, 0, "")))))
                .anyMatch(s -> s.contains("base must be t4 or t3"));
        assertThat(ProgramValidator.problems(program(List.of(new Op.Insn(Instruction.ADD, new int[] {Layout.R_DATA, 1, 2}, -1, 0, "")))))
                .anyMatch(s -> s.contains("scaffolding register"));
        assertThat(ProgramValidator.problems(program(List.of(new Op.Insn(Instruction.CSRRW,
                new int[] {0, dev.seedverify.golden.isa.Csr.MTVEC.address(), 5}, -1, 0, ""))))).anyMatch(s -> s.contains("writes mtvec"));
        assertThat(ProgramValidator.problems(program(List.of(add(1), beq(0))))).anyMatch(s -> s.contains("not forward"));
        assertThat(ProgramValidator.problems(program(List.of(new Op.TileMem(Instruction.TST, 0, Layout.CODE_BASE, 32, "")))))
                .anyMatch(s -> s.contains("may write outside"));
        assertThat(ProgramValidator.problems(program(List.of(new Op.TileMem(Instruction.TST, 0, Layout.DATA_START, 32, ""))))).isEmpty();
        assertThat(ProgramValidator.problems(program(List.of(new Op.Illegal(0x00000013, ""))))).anyMatch(s -> s.contains("legal instruction"));
        assertThat(ProgramValidator.problems(program(List.of(new Op.Insn(Instruction.JALR, new int[] {1, 2, 0}, -1, 0, "")))))
                .anyMatch(s -> s.contains("compound"));
        // A jump from outside a loop into its body.
        assertThat(ProgramValidator.problems(program(List.of(beq(3), new Op.LoopHead(0, 2, ""), add(1), add(2), new Op.LoopTail(0, "")))))
                .anyMatch(s -> s.contains("into the body of loop 0"));
        assertThat(ProgramValidator.problems(program(List.of(beq(1), new Op.LoopHead(0, 2, ""), add(1), add(2), new Op.LoopTail(0, ""))))).isEmpty();
    }

    @Test
    void aLoopWhoseHeadOrTailIsDeletedRendersAsStraightLineCode() {
        Program p = program(List.of(new Op.LoopHead(0, 3, ""), add(Gpr.A0), new Op.LoopTail(0, "")));
        assertThat(ProgramRenderer.render(p).bodyInstructions()).isEqualTo(4);
        assertThat(ProgramRenderer.render(p.delete(0, 1)).bodyInstructions()).isEqualTo(1);
        assertThat(ProgramRenderer.render(p.delete(2, 3)).bodyInstructions()).isEqualTo(1);
    }
}
