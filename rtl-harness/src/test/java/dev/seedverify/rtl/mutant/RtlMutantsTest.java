package dev.seedverify.rtl.mutant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bug catalogue still fits the current RTL: every edit's text occurs exactly once and the
 * mutation changes only the files it names. Cheap (no build), so it runs with every build of the
 * harness: whoever edits the RTL learns here that a mutation needs updating. (That each mutant
 * builds and is caught is the conformance suite's mutants tier.)
 */
class RtlMutantsTest {

    static java.util.List<RtlMutation> both() {
        java.util.List<RtlMutation> all = new java.util.ArrayList<>(RtlMutants.all());
        all.addAll(RtlMutants.device());
        return all;
    }

    @Test
    void theCatalogueHasAtLeastTwelveDistinctDescribedBugs() {
        assertThat(RtlMutants.all()).hasSizeGreaterThanOrEqualTo(12);
        Set<String> names = new HashSet<>();
        for (RtlMutation m : both()) {
            assertThat(names.add(m.name())).as("duplicate name " + m.name()).isTrue();
            assertThat(m.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(m.description()).as(m.name()).hasSizeGreaterThan(40);
            assertThat(m.edits()).as(m.name()).isNotEmpty();
            assertThat(RtlMutants.byName(m.name())).isSameAs(m);
        }
    }

    @Test
    void everyMutationAppliesExactlyOnceToTheCurrentRtlAndChangesOnlyItsFiles() {
        Map<String, String> real = new RtlMutation("none", "the real RTL", java.util.List.of()).sources();
        Set<String> digests = new HashSet<>();
        for (RtlMutation m : both()) {
            Map<String, String> mutated = m.sources(); // throws when a text is missing or ambiguous
            assertThat(mutated.keySet()).isEqualTo(real.keySet());
            Set<String> edited = new HashSet<>();
            for (RtlMutation.Edit e : m.edits()) {
                edited.add(e.file());
                assertThat(e.find()).as(m.name()).isNotEqualTo(e.replace());
            }
            for (String f : real.keySet()) {
                if (edited.contains(f)) assertThat(mutated.get(f)).as(m.name() + " edits " + f).isNotEqualTo(real.get(f));
                else assertThat(mutated.get(f)).as(m.name() + " leaves " + f + " alone").isEqualTo(real.get(f));
            }
            assertThat(digests.add(m.digest())).as("two mutations give the same RTL: " + m.name()).isTrue();
        }
    }

    @Test
    void theDeviceCatalogueHasAtLeastTenBugsOfTheCommandProcessorDmaWindowAndBudget() {
        assertThat(RtlMutants.device()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(RtlMutants.device()).flatExtracting(RtlMutation::edits).extracting(RtlMutation.Edit::file)
                .contains("s1_cmdproc.sv", "s1_dma.sv", "s1_core.sv", "s1_tile.sv");
        assertThat(RtlMutants.deviceNames()).doesNotContainAnyElementsOf(RtlMutants.names());
    }

    @Test
    void aMutationWhoseTextIsGoneOrAmbiguousFailsLoudly() {
        RtlMutation gone = RtlMutation.of("gone", "text that is not in the RTL", "s1_core.sv", "no such text in the core", "x");
        assertThatThrownBy(gone::sources).hasMessageContaining("occurs nowhere in s1_core.sv");
        RtlMutation twice = RtlMutation.of("twice", "text that occurs many times", "s1_core.sv", "logic", "bit");
        assertThatThrownBy(twice::sources).hasMessageContaining("more than once");
    }

    @Test
    void applyingWritesTheMutatedCopyAndTheFileList(@TempDir Path dir) throws IOException {
        RtlMutation m = RtlMutants.SRA_AS_SRL;
        m.applyTo(dir);
        assertThat(dir.resolve(RtlSources.FILE_LIST)).exists();
        for (String f : RtlSources.files()) assertThat(dir.resolve(f)).exists();
        String core = Files.readString(dir.resolve("s1_core.sv"));
        assertThat(core).contains("(alu_a >> alu_b[4:0])").doesNotContain("$signed(alu_a) >>>");
        // Applying again over the same folder is a no-op.
        long before = Files.getLastModifiedTime(dir.resolve("s1_core.sv")).toMillis();
        m.applyTo(dir);
        assertThat(Files.getLastModifiedTime(dir.resolve("s1_core.sv")).toMillis()).isEqualTo(before);
    }
}
