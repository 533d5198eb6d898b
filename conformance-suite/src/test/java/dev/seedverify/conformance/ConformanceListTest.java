package dev.seedverify.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** INDEX and the program folder agree; the list loads, groups and fails clearly. */
class ConformanceListTest {

    static final List<String> GROUPS = List.of("rv32i", "rv32m", "zicsr", "traps", "machine", "xseed");

    @Test
    void theShippedListHasEveryGroupAndTheAgreedSize() {
        ConformanceList list = ConformanceList.load();
        assertThat(list.groups().keySet()).containsExactlyElementsOf(GROUPS);
        assertThat(list.size()).isBetween(40, 60);
        list.groups().forEach((g, ps) -> assertThat(ps).as(g).isNotEmpty());
        assertThat(list.groups().get("xseed")).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void indexAndTheFolderInTheSourceTreeAgree() throws IOException {
        Path root = Paths.get("src/main/resources/conformance");
        Set<String> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("INDEX")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = ConformanceList.load().programs().stream().map(ConformanceProgram::path)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(files).isEqualTo(listed);
    }

    @Test
    void everyProgramHasADescriptionStartAtTheResetPcAndATohostWordOfItsOwn() {
        for (ConformanceProgram p : ConformanceList.load().programs()) {
            assertThat(p.description()).as(p.path()).isNotBlank();
            assertThat(p.image().entry()).as(p.path()).isEqualTo(0x80000000);
            int tohost = p.image().tohost().orElseThrow();
            assertThat(tohost % 8).as("%s: tohost is 8-byte aligned", p.path()).isZero();
            assertThat(p.source()).as(p.path()).contains("tohost: .word   0, 0");
            assertThat(p.source()).as(p.path()).startsWith("# " + p.path() + ": ");
        }
    }

    @Test
    void byNameAndGetFindPrograms() {
        ConformanceList list = ConformanceList.load();
        assertThat(list.byName()).containsKey("rv32m/div");
        assertThat(list.get("rv32m/div.S")).isSameAs(list.byName().get("rv32m/div"));
        assertThat(list.get("xseed/tld").group()).isEqualTo("xseed");
        assertThatThrownBy(() -> list.get("rv32i/nope")).hasMessageContaining("no conformance program rv32i/nope");
    }

    @Test
    void programsAreNumberedFromOneWithoutGaps() {
        java.util.regex.Pattern gp = java.util.regex.Pattern.compile("(?m)^\\s*li\\s+gp,\\s*(\\d+)\\s*$");
        for (ConformanceProgram p : ConformanceList.load().programs()) {
            java.util.regex.Matcher m = gp.matcher(p.source());
            int expected = 0;
            while (m.find()) {
                assertThat(Integer.parseInt(m.group(1))).as(p.path()).isEqualTo(expected);
                expected++;
            }
            assertThat(expected).as("%s has sub-tests", p.path()).isGreaterThan(1);
        }
    }

    // ------------------------------------------------------------------ broken lists (test fixtures)

    @Test
    void aListedFileThatDoesNotExistIsReported() {
        assertThatThrownBy(() -> ConformanceList.load("fixtures/missing"))
                .isInstanceOf(ConformanceList.InvalidListException.class)
                .hasMessageContaining("rv32i/ghost.S is listed but fixtures/missing/rv32i/ghost.S does not exist");
    }

    @Test
    void aFileThatIsNotListedIsReported() {
        assertThatThrownBy(() -> ConformanceList.load("fixtures/unlisted"))
                .isInstanceOf(ConformanceList.InvalidListException.class)
                .hasMessageContaining("fixtures/unlisted/rv32i/extra.S exists but is not listed in INDEX");
    }

    @Test
    void anAssemblyErrorIsReportedWithThePathAndLine() {
        assertThatThrownBy(() -> ConformanceList.load("fixtures/broken"))
                .isInstanceOf(ConformanceList.InvalidListException.class)
                .hasMessageContaining("rv32i/bad.S does not assemble")
                .hasMessageContaining("rv32i/bad.S: line 4")
                .hasMessageContaining("frobnicate");
    }

    @Test
    void duplicatesMalformedLinesAndAllProblemsAreReportedTogether() {
        ConformanceList.InvalidListException e = org.junit.jupiter.api.Assertions.assertThrows(
                ConformanceList.InvalidListException.class, () -> ConformanceList.load("fixtures/messy"));
        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).contains("rv32i/ok.S is listed twice").contains("INDEX line 4: expected 'group/name.S  description'")
                .contains("rv32i/nodesc.S");
    }

    @Test
    void aMissingIndexIsReported() {
        assertThatThrownBy(() -> ConformanceList.load("fixtures/nothing-here"))
                .hasMessageContaining("fixtures/nothing-here/INDEX not found on the classpath");
    }

    @Test
    void aValidFixtureListLoads() {
        ConformanceList list = ConformanceList.load("fixtures/good");
        assertThat(list.programs()).extracting(ConformanceProgram::path).containsExactly("rv32i/ok.S", "xseed/ok2.S");
        assertThat(list.get("rv32i/ok").description()).isEqualTo("a tiny passing program");
    }
}
