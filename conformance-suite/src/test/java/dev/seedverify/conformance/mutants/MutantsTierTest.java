package dev.seedverify.conformance.mutants;

import dev.seedverify.cosim.OperandCause;
import dev.seedverify.rtl.mutant.MutantModels;
import dev.seedverify.conformance.Tier;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mutants tier ({@code -Dseedverify.tier=mutants}, {@code SEEDVERIFY_TIER=mutants ci/test.sh}):
 * every injected RTL bug of {@link RtlMutants} builds (the mutated RTL lints and compiles), and the
 * mutant campaign detects and shrinks every one of them, meeting the targets of issue 5, item 8:
 * 100 % detected, median time to detect under 30 s, median shrunk length at most 6 instructions;
 * each shrunk program passes on the real RTL and its bucket names what the bug is about. The table
 * is written to {@code target/mutants-report/mutants.txt} (and {@code .json}).
 */
@EnabledIfSystemProperty(named = Tier.PROPERTY, matches = "mutants")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MutantsTierTest {

    /** The units (instructions, CSRs, trap logic, a load-use cause) each bug's bucket may name; empty: any (forwarding and memory data-flow bugs). */
    static final Map<String, Set<String>> EXPECTED_UNITS = Map.ofEntries(
            Map.entry("fwd-mem-rs2-missing", Set.of()),
            Map.entry("fwd-wrong-stage", Set.of()),
            Map.entry("load-use-rs2", Set.of(OperandCause.LOAD_USE)),
            Map.entry("sra-as-srl", Set.of("sra", "srai")),
            Map.entry("lh-sign-bit", Set.of("lh")),
            Map.entry("mulh-rs2-unsigned", Set.of("mulh")),
            Map.entry("rem-by-zero", Set.of("rem", "remu")),
            Map.entry("div-by-zero-signed", Set.of("div")),
            Map.entry("mepc-plus-4", Set.of("csr:mepc", "mret")),
            Map.entry("store-mtval-word", Set.of("trap", "csr:mtval")),
            Map.entry("minstret-counts-traps", Set.of("csr:minstret", "csr:minstreth")),
            Map.entry("xsqshift-clamp-missing", Set.of("csr:xsqshift", "tquant.i8")),
            Map.entry("tile-store-before-fault", Set.of("tst", "tstn")),
            Map.entry("tile-fault-mtval-row-start", Set.of("trap", "tld", "tst", "tstn")),
            Map.entry("tstn-full-row", Set.of()),
            Map.entry("tquant-ties-up", Set.of("tquant.i8")),
            Map.entry("e4m3-subnormal-decode", Set.of("tmma.e4m3")),
            Map.entry("fadd-flushes-subnormals", Set.of("tadd.f32", "tmma.e4m3")));

    @Test
    @Order(1)
    void everyMutantBuildsIntoItsOwnLibrary() throws java.io.IOException {
        for (RtlMutation m : RtlMutants.all()) {
            MutantModels.Built b = MutantModels.build(m);
            System.out.printf("%-27s built in %.1f s%s: %s%n", m.name(), b.buildTime().toNanos() / 1e9, b.cached() ? " (cached)" : "", b.dir());
            assertThat(b.model().library()).isNotEqualTo(RtlModel.builtIn().library());
            assertThat(b.model().dramBytes()).isEqualTo(RtlModel.builtIn().dramBytes());
            assertThat(Files.readString(b.dir().resolve("rtl").resolve(m.edits().get(0).file()))).contains(m.edits().get(0).replace());
        }
    }

    @Test
    @Order(2)
    void theEngineDetectsAndShrinksEveryInjectedBugWithinTheTargets() throws Exception {
        assertThat(EXPECTED_UNITS.keySet()).containsExactlyInAnyOrderElementsOf(RtlMutants.names());
        Path out = Path.of("target", "mutants-report");
        MutantCampaign.Result r = MutantCampaign.run(MutantCampaign.Config.defaults().withWaveforms(out.resolve("waves")), System.out::println);
        System.out.print(r.text());
        assertThat(r.mutants()).as("one result per mutant of the catalogue").hasSize(RtlMutants.all().size());
        for (MutantCampaign.MutantResult m : r.mutants()) {
            assertThat(m.error()).as(m.name()).isNull();
            assertThat(m.detected()).as(m.name() + " detected").isTrue();
            assertThat(m.realRtlPasses()).as(m.name() + ": the shrunk program passes on the real RTL").isTrue();
            assertThat(m.shrunkInstructions()).as(m.name()).isPositive();
            Set<String> expected = EXPECTED_UNITS.get(m.name());
            // an end-of-program state difference has no instruction unit ("-"): its field names the CSR
            String named = m.bucket().unit().equals("-") ? "csr:" + m.bucket().field() : m.bucket().unit();
            if (!expected.isEmpty()) assertThat(named).as(m.name() + " bucket " + m.bucket()).isIn(expected);
        }
        assertThat(r.detectedPercent()).isEqualTo(100.0);
        assertThat(r.medianDetectSeconds()).as("median time to detect").isLessThan(MutantCampaign.TARGET_MEDIAN_DETECT_SECONDS);
        assertThat(r.medianShrunkInstructions()).as("median shrunk length").isLessThanOrEqualTo(MutantCampaign.TARGET_MEDIAN_SHRUNK_INSTRUCTIONS);
        assertThat(r.allTargetsMet()).isTrue();
        assertThat(r.mutations()).as("every mutant killed in the run's result").allMatch(x -> x.killed());
        for (MutantCampaign.MutantResult m : r.mutants()) {
            assertThat(m.waveform()).as(m.name() + ": the waveform of its shrunk failure").isNotNull().isRegularFile();
        }
    }
}
