package dev.seedverify.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.conformance.engines.EngineDiff;
import dev.seedverify.golden.exec.ExecutionEngine;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.exec.TranslationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program of the sign-off list passes on the golden model, within the lockstep budget, on
 * both engines (the translator translating every entry point at once, so these small programs
 * run as translated code).
 */
class GoldenConformanceTest {

    static final ConformanceList LIST = ConformanceList.load();

    /** Programs run in lockstep against RTL later: keep each well under this. */
    static final long MAX_INSTRUCTIONS = 20_000;

    static final EngineDiff ENGINES = new EngineDiff((int) MAX_INSTRUCTIONS);

    static List<ConformanceProgram> programs() { return LIST.programs(); }

    static Stream<Arguments> programsOnBothEngines() {
        return Stream.of(ExecutionEngine.values()).flatMap(e -> LIST.programs().stream().map(p -> Arguments.of(e.label(), p)));
    }

    static GoldenTarget golden(String engine) {
        return new GoldenTarget(Memory.DEFAULT_BYTES, GoldenTarget.DEFAULT_BUDGET, ExecutionEngine.parse(engine), TranslationPolicy.EAGER);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("programsOnBothEngines")
    void passesOnTheGoldenModel(String engine, ConformanceProgram p) {
        ProgramOutcome o = new ConformanceRunner(golden(engine)).run(p);
        assertThat(o.verdict()).as("%s: %s", p.path(), o).isEqualTo("PASS");
        assertThat(o.tohost()).isEqualTo(1);
        assertThat(o.steps()).as("instructions executed by %s", p.path()).isLessThan(MAX_INSTRUCTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void everyRecordIsTheSameOnBothEngines(ConformanceProgram p) {
        String diff = ENGINES.compare(p.image(), Memory.DEFAULT_BYTES, MAX_INSTRUCTIONS, 257, 61, TranslationPolicy.EAGER);
        assertThat(diff).as(p.path()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void passesWithTheSmallestDram(ConformanceProgram p) {
        // The programs must not depend on the DRAM size (64 KiB to 64 MiB).
        ProgramOutcome small = new GoldenTarget(Memory.MIN_BYTES, GoldenTarget.DEFAULT_BUDGET).run(p);
        assertThat(small.verdict()).as(p.path()).isEqualTo("PASS");
    }

    @Test
    void largestDramAlsoPassesTheTrapAndTileFaultPrograms() {
        GoldenTarget big = new GoldenTarget(Memory.MAX_BYTES, GoldenTarget.DEFAULT_BUDGET);
        List<String> ran = new ArrayList<>();
        for (ConformanceProgram p : LIST.programs()) {
            if (p.group().equals("traps") || p.name().equals("tile_mem_faults")) {
                assertThat(big.run(p).verdict()).as(p.path()).isEqualTo("PASS");
                ran.add(p.path());
            }
        }
        // the filter must find what it is for: the tile fault program and every trap program
        assertThat(ran).contains("xseed/tile_mem_faults.S").hasSize(1 + LIST.groups().get("traps").size());
    }

    @Test
    void theWholeListPassesThroughTheRunnerAndTheSummaryTableSaysSo() {
        ConformanceRunner.Report report = new ConformanceRunner(new GoldenTarget()).runAll(LIST);
        assertThat(report.allPassed()).as(report.summaryTable()).isTrue();
        assertThat(report.summaryTable())
                .contains("golden: " + LIST.size() + " programs, " + LIST.size() + " passed, 0 failed, 0 timed out, 0 diverged, 0 errors");
    }
}
