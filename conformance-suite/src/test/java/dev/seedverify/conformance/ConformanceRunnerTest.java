package dev.seedverify.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner works with any target and reports per-program outcomes and a summary table. */
class ConformanceRunnerTest {

    static final ConformanceProgram A = new ConformanceProgram("rv32i", "a", "first", "nop");
    static final ConformanceProgram B = new ConformanceProgram("xseed", "b_longer_name", "second", "nop");
    static final ConformanceProgram C = new ConformanceProgram("traps", "c", "third", "nop");
    static final ConformanceProgram D = new ConformanceProgram("zicsr", "d", "fourth", "nop");

    /** A scripted target: outcomes by program name; one throws. */
    static final class ScriptedTarget implements ProgramTarget {
        @Override
        public String name() { return "scripted"; }

        @Override
        public ProgramOutcome run(ConformanceProgram p) {
            return switch (p.name()) {
                case "a" -> new ProgramOutcome(p.path(), ProgramOutcome.Status.PASS, 0, 1, 100, 101, "");
                case "b_longer_name" -> new ProgramOutcome(p.path(), ProgramOutcome.Status.FAIL, 7, 15, 50, 52, "divergence at order 12");
                case "c" -> new ProgramOutcome(p.path(), ProgramOutcome.Status.TIMEOUT, 0, 0, 900, 1000, "");
                default -> throw new IllegalStateException("simulator crashed");
            };
        }
    }

    @Test
    void reportsEveryOutcomeAndTurnsATargetExceptionIntoAnError() {
        ConformanceRunner.Report r = new ConformanceRunner(new ScriptedTarget()).runAll(List.of(A, B, C, D));
        assertThat(r.target()).isEqualTo("scripted");
        assertThat(r.outcomes()).extracting(ProgramOutcome::verdict).containsExactly("PASS", "FAIL (test 7)", "TIMEOUT", "ERROR");
        assertThat(r.outcomes().get(3).detail()).isEqualTo("IllegalStateException: simulator crashed");
        assertThat(r.allPassed()).isFalse();
        assertThat(r.notPassed()).extracting(ProgramOutcome::program).containsExactly("xseed/b_longer_name.S", "traps/c.S", "zicsr/d.S");
        assertThat(r.totalInstret()).isEqualTo(1050);
    }

    @Test
    void summaryTableHasAHeaderOneAlignedRowPerProgramAndTheCounts() {
        String t = new ConformanceRunner(new ScriptedTarget()).runAll(List.of(A, B, C, D)).summaryTable();
        String[] lines = t.split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("program").contains("verdict").contains("instret").contains("steps").contains("detail");
        assertThat(lines[1]).startsWith("rv32i/a.S ").contains("PASS").contains("100").contains("101");
        assertThat(lines[2]).startsWith("xseed/b_longer_name.S  FAIL (test 7)").endsWith("divergence at order 12");
        assertThat(lines[3]).contains("TIMEOUT");
        assertThat(lines[4]).contains("ERROR").contains("simulator crashed");
        assertThat(lines[1].indexOf("PASS")).isEqualTo(lines[2].indexOf("FAIL"));
        assertThat(lines[5]).isEqualTo("scripted: 4 programs, 1 passed, 1 failed, 1 timed out, 0 diverged, 1 errors");
    }

    @Test
    void goldenTargetReportsFailTimeoutAndErrorsOnTinyPrograms() {
        GoldenTarget g = new GoldenTarget();
        String tail = "\n1: j 1b\n.align 3\ntohost: .word 0, 0\n";
        ProgramOutcome fail = g.run(new ConformanceProgram("t", "f", "f", "_start: la t1, tohost\nli t0, 7\nsw t0, 0(t1)" + tail));
        assertThat(fail.verdict()).isEqualTo("FAIL (test 3)");
        ProgramOutcome pass = g.run(new ConformanceProgram("t", "p", "p", "_start: la t1, tohost\nli t0, 1\nsw t0, 0(t1)" + tail));
        assertThat(pass.verdict()).isEqualTo("PASS");
        assertThat(pass.instret()).isEqualTo(4);
        ProgramOutcome hang = new GoldenTarget(1 << 16, 500).run(new ConformanceProgram("t", "h", "h", "_start: nop" + tail));
        assertThat(hang.verdict()).isEqualTo("TIMEOUT");
        assertThat(hang.steps()).isEqualTo(500);
        ProgramOutcome noTohost = g.run(new ConformanceProgram("t", "n", "n", "_start: j _start"));
        assertThat(noTohost.status()).isEqualTo(ProgramOutcome.Status.ERROR);
        assertThat(noTohost.detail()).contains("tohost");
        ProgramOutcome late = g.run(new ConformanceProgram("t", "e", "e", "nop\n_start: j _start" + tail));
        assertThat(late.status()).isEqualTo(ProgramOutcome.Status.ERROR);
        assertThat(late.detail()).contains("put _start first");
    }

    @Test
    void programKnowsItsPathAndIdAndCanBeCopiedWithAnotherSource() {
        ConformanceProgram p = new ConformanceProgram("rv32m", "div", "d", "nop");
        assertThat(p.path()).isEqualTo("rv32m/div.S");
        assertThat(p.id()).isEqualTo("rv32m/div");
        assertThat(p.toString()).isEqualTo("rv32m/div.S");
        ConformanceProgram q = p.withSource("addi a0, a0, 1");
        assertThat(q.path()).isEqualTo(p.path());
        assertThat(q.source()).isEqualTo("addi a0, a0, 1");
        assertThat(q.image().segments().get(0).data()).hasSize(4);
    }
}
