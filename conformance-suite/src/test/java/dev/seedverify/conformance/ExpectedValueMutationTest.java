package dev.seedverify.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The programs can fail: corrupting the expected value of sub-test N (the first {@code li t2, E}
 * or {@code li s2, E} after {@code li gp, N}, patched to {@code (E) ^ 1} in the source before
 * assembling) makes the program report FAIL with test number N. A representative set per group
 * is named explicitly; a sweep does it for every sub-test of every program.
 */
class ExpectedValueMutationTest {

    static final ConformanceList LIST = ConformanceList.load();
    static final GoldenTarget GOLDEN = new GoldenTarget();

    private static final Pattern EXPECTED = Pattern.compile("^(\\s*(?:[0-9A-Za-z_]+:)?\\s*li\\s+(?:t2|s2),\\s*)([^#\\n]*?)(\\s*(?:#.*)?)$");

    private static boolean isTestStart(String line) { return line.strip().matches("li\\s+gp,\\s*\\d+"); }

    private static int testNumber(String line) { return Integer.parseInt(line.strip().replaceAll("\\D+", " ").strip()); }

    /**
     * The source with the first expected value of sub-test {@code test} flipped in bit 0, or null
     * if that sub-test loads no expected value with li t2/s2.
     */
    static String corruptExpected(String source, int test) {
        String[] lines = source.split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (isTestStart(lines[i]) && testNumber(lines[i]) == test) {
                start = i;
                break;
            }
        }
        if (start < 0) throw new IllegalArgumentException("no sub-test " + test);
        for (int i = start + 1; i < lines.length && !isTestStart(lines[i]) && !lines[i].startsWith("pass:"); i++) {
            Matcher m = EXPECTED.matcher(lines[i]);
            if (m.matches()) {
                lines[i] = m.group(1) + "(" + m.group(2).strip() + ") ^ 1" + m.group(3);
                return String.join("\n", lines);
            }
        }
        return null;
    }

    static List<Integer> subTests(String source) {
        List<Integer> l = new ArrayList<>();
        for (String line : source.split("\n")) if (isTestStart(line) && testNumber(line) > 0) l.add(testNumber(line));
        return l;
    }

    private static ProgramOutcome runCorrupted(ConformanceProgram p, int test) {
        String bad = corruptExpected(p.source(), test);
        assertThat(bad).as("%s test %d loads an expected value", p.path(), test).isNotNull();
        return GOLDEN.run(p.withSource(bad));
    }

    @ParameterizedTest(name = "{0} test {1}")
    @CsvSource({
            "rv32i/add_sub, 4", "rv32i/shift_reg, 7", "rv32i/bltu_bgeu, 5", "rv32i/load_byte, 8", "rv32i/store, 3", "rv32i/jalr, 4",
            "rv32m/div, 8", "rv32m/rem, 15", "rv32m/mulh, 20",
            "zicsr/minstret, 4", "zicsr/readonly_csrs, 12", "zicsr/mstatus, 1", "zicsr/csrrs_csrrc, 6",
            "traps/ecall, 2", "traps/fetch_misaligned, 1", "traps/load_access, 3", "traps/trap_entry, 1",
            "machine/mret, 2", "machine/fence_i, 1", "machine/nested_trap, 1",
            "xseed/tmma_i8, 6", "xseed/tmma_e4m3, 3", "xseed/tquant_i8, 4", "xseed/tcvt_e4m3, 8", "xseed/tile_mem_faults, 9",
            "xseed/tld, 4", "xseed/tstn, 4", "xseed/xseed_csrs, 20",
    })
    void corruptingAnExpectedValueMakesTheProgramFailWithThatTestNumber(String program, int test) {
        ConformanceProgram p = LIST.get(program);
        assertThat(GOLDEN.run(p).verdict()).isEqualTo("PASS");
        ProgramOutcome o = runCorrupted(p, test);
        assertThat(o.status()).as(o.toString()).isEqualTo(ProgramOutcome.Status.FAIL);
        assertThat(o.failedTest()).isEqualTo(test);
    }

    @Test
    void theMutatorPatchesOnlyTheFirstExpectedValueOfTheNamedSubTest() {
        String src = """
                        li      gp, 1
                        li      t2, 5
                        bne     a0, t2, fail
                        li      gp, 2
                        li      a1, 7
                1:      li      s2, 0x10                # expected mcause
                        li      t2, 9
                pass:
                """;
        assertThat(corruptExpected(src, 1)).contains("li      t2, (5) ^ 1\n").contains("li      t2, 9\n");
        assertThat(corruptExpected(src, 2)).contains("1:      li      s2, (0x10) ^ 1                # expected mcause")
                .contains("li      t2, 5\n");
        assertThat(corruptExpected("        li      gp, 3\n        nop\n", 3)).isNull();
    }

    @TestFactory
    Stream<DynamicTest> sweepEverySubTestOfEveryProgram() {
        return LIST.programs().stream().map(p -> DynamicTest.dynamicTest(p.path(), () -> {
            int mutated = 0;
            List<String> survivors = new ArrayList<>();
            for (int test : subTests(p.source())) {
                String bad = corruptExpected(p.source(), test);
                if (bad == null) continue;
                mutated++;
                ProgramOutcome o = GOLDEN.run(p.withSource(bad));
                if (o.status() != ProgramOutcome.Status.FAIL || o.failedTest() != test) survivors.add("test " + test + ": " + o.verdict());
            }
            assertThat(survivors).as("%s: corrupted expected values that did not fail their own sub-test", p.path()).isEmpty();
            assertThat(mutated).as("%s: sub-tests with an expected value", p.path()).isEqualTo(subTests(p.source()).size());
        }));
    }
}
