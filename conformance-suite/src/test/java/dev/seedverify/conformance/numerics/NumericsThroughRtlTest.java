package dev.seedverify.conformance.numerics;

import dev.seedverify.conformance.ProgramOutcome;
import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.rtl.RtlModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RTL's Xseed arithmetic against the golden numerics (themselves checked against exact
 * oracles), element by element: each program runs in lockstep, which compares every written
 * tile and every flag update, so a passing program means zero mismatching elements.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumericsThroughRtlTest {
    private LockstepTarget lockstep;

    @BeforeAll
    void open() {
        lockstep = new LockstepTarget("rtl", () -> new RtlBackend(RtlModel.builtIn(), "rtl"), 50_000_000);
    }

    @AfterAll
    void close() {
        if (lockstep != null) lockstep.close();
    }

    /** Runs every program in lockstep; returns the elements compared. */
    private long sweep(List<ElfImage> programs, int elementsPerProgramBlock, NumericSweep.Op op) {
        long elements = 0;
        for (ElfImage p : programs) {
            ProgramOutcome o = lockstep.run(p.name(), p);
            assertThat(o.status()).as(() -> lockstep.lastReport() == null ? o.detail() : lockstep.lastReport().text())
                    .isEqualTo(ProgramOutcome.Status.PASS);
            long data = p.segments().get(p.segments().size() - 1).memorySize();
            elements += data / (4L * op.wordsPerBlock()) * elementsPerProgramBlock;
        }
        return elements;
    }

    private static Map<Csr, Integer> scales(int a, int b) {
        Map<Csr, Integer> m = new LinkedHashMap<>();
        int sa = a * 0x0101_0101, sb = b * 0x0101_0101;
        m.put(Csr.XSASCL0, sa);
        m.put(Csr.XSASCL1, sa);
        m.put(Csr.XSBSCL0, sb);
        m.put(Csr.XSBSCL1, sb);
        return m;
    }

    @Test
    void everyE4m3ProductThroughTheBlockPathMatchesUnderNormalTinyHugeAndNanScales() {
        int[] pairs = NumericCases.allE4m3Pairs();
        long elements = 0;
        // 2^0, full underflow, the subnormal range, overflow to infinity, and the NaN scale
        int[][] settings = {{127, 127}, {0, 0}, {60, 45}, {254, 254}, {255, 127}};
        for (int[] s : settings) {
            elements += sweep(NumericSweep.programs("e4m3-pairs-" + s[0] + "-" + s[1], NumericSweep.Op.TMMA_E4M3, pairs,
                    scales(s[0], s[1])), 64, NumericSweep.Op.TMMA_E4M3);
        }
        assertThat(elements).isEqualTo(5L * 65_536);
        System.out.println("block path: " + elements + " E4M3 products compared, 0 mismatches");
    }

    @Test
    void toE4m3MatchesAtEveryBoundary() {
        int[] values = NumericCases.toE4m3Boundaries();
        long elements = sweep(NumericSweep.programs("to-e4m3", NumericSweep.Op.TCVT_E4M3, values, Map.of()), 64,
                NumericSweep.Op.TCVT_E4M3);
        assertThat(elements).isEqualTo(values.length);
        System.out.println("to_e4m3: " + elements + " boundary conversions compared, 0 mismatches");
    }

    @Test
    void aMillionRandomBinary32AdditionsMatch() {
        int[] words = NumericCases.binary32Additions(1_000_000, 20261122L);
        long elements = sweep(NumericSweep.programs("fp32-add", NumericSweep.Op.TADD_F32, words, Map.of()), 64,
                NumericSweep.Op.TADD_F32);
        assertThat(elements).isEqualTo(words.length / 2).isGreaterThanOrEqualTo(1_000_000);
        System.out.println("binary32 add: " + elements + " additions compared, 0 mismatches");
    }

    @Test
    void requantMatchesOverExtremeParameters() {
        int[] inputs = NumericCases.requantInputs(64 * 512, 7);
        int[][] params = {{0x4000_0000, 0, 0}, {Integer.MAX_VALUE, -31, 127}, {Integer.MIN_VALUE, 30, -128}, {0x5A82_7999, -12, -3}};
        long elements = 0;
        for (int[] p : params) {
            Map<Csr, Integer> csrs = new LinkedHashMap<>();
            csrs.put(Csr.XSQMUL, p[0]);
            csrs.put(Csr.XSQSHIFT, p[1]);
            csrs.put(Csr.XSQZP, p[2]);
            elements += sweep(NumericSweep.programs("requant", NumericSweep.Op.TQUANT_I8, inputs, csrs), 64,
                    NumericSweep.Op.TQUANT_I8);
        }
        assertThat(elements).as("one conversion per input and parameter set").isEqualTo((long) params.length * inputs.length);
        System.out.println("requant: " + elements + " conversions compared, 0 mismatches");
    }
}
