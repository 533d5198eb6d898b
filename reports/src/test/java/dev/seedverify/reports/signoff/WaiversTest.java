package dev.seedverify.reports.signoff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaiversTest {
    static final String GOOD = """
            # known RTL issues
            waivers:
              - id: W-1
                bucket: "mulh | rd_wdata | -"
                reason: RTL issue 41, fixed in RTL 1.3
                owner: alice@example.com
                expires: 2027-01-31
              - id: W-2
                rule: "tquant | * | *"
                reason: rounding mode under review
                owner: bob
                expires: 2026-12-31
            """;

    static List<String> problems(String yaml) {
        try {
            Waivers.parse(yaml, "waivers.yaml");
        } catch (WaiverFileException e) {
            return e.problems();
        }
        throw new AssertionError("expected the waiver file to be refused");
    }

    @Test
    void readsEveryWaiverWithItsFields() {
        List<Waiver> ws = Waivers.parse(GOOD, "waivers.yaml");
        assertThat(ws).containsExactly(
                new Waiver("W-1", "mulh | rd_wdata | -", null, "RTL issue 41, fixed in RTL 1.3", "alice@example.com", LocalDate.parse("2027-01-31"), "waivers.yaml:3"),
                new Waiver("W-2", null, "tquant | * | *", "rounding mode under review", "bob", LocalDate.parse("2026-12-31"), "waivers.yaml:8"));
    }

    @Test
    void readsTheSameWaiversWrittenAsJson() {
        String json = """
                {"waivers": [{"id": "W-1", "bucket": "mulh | rd_wdata | -", "reason": "RTL issue 41", "owner": "alice", "expires": "2027-01-31"}]}
                """;
        assertThat(Waivers.parse(json, "waivers.json")).extracting(Waiver::id, Waiver::expires).containsExactly(
                org.assertj.core.groups.Tuple.tuple("W-1", LocalDate.parse("2027-01-31")));
    }

    @Test
    void anEmptyListIsNoWaivers() {
        assertThat(Waivers.parse("waivers: []\n", "w.yaml")).isEmpty();
    }

    @Test
    void aMissingFieldIsNamedWithFileLineAndWaiver() {
        assertThat(problems("""
                waivers:
                  - id: W-1
                    bucket: "mulh | rd_wdata | -"
                    reason: r
                    expires: 2027-01-31
                """)).containsExactly("waivers.yaml:2: waiver 'W-1': missing 'owner'");
    }

    @Test
    void aBadDateIsNamedWithItsLineAndValue() {
        assertThat(problems("""
                waivers:
                  - id: W-1
                    bucket: b
                    reason: r
                    owner: o
                    expires: 2027-13-01
                """)).containsExactly("waivers.yaml:6: waiver 'W-1': 'expires' must be a date YYYY-MM-DD, got '2027-13-01'");
    }

    @Test
    void bucketAndRuleTogetherAreRefused() {
        assertThat(problems("""
                waivers:
                  - {id: W-1, bucket: b, rule: "*", reason: r, owner: o, expires: 2027-01-01}
                """)).containsExactly("waivers.yaml:2: waiver 'W-1': give 'bucket' or 'rule', not both");
    }

    @Test
    void neitherBucketNorRuleIsRefused() {
        assertThat(problems("""
                waivers:
                  - {id: W-1, reason: r, owner: o, expires: 2027-01-01}
                """)).containsExactly("waivers.yaml:2: waiver 'W-1': needs 'bucket' (a signature) or 'rule' (a glob)");
    }

    @Test
    void anIdUsedTwiceIsRefusedNamingBothPlaces() {
        assertThat(problems("""
                waivers:
                  - {id: W-1, bucket: a, reason: r, owner: o, expires: 2027-01-01}
                  - {id: W-1, bucket: b, reason: r, owner: o, expires: 2027-01-01}
                """)).containsExactly("waivers.yaml:3: waiver 'W-1': id already used at waivers.yaml:2");
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertThat(problems("""
                waivers:
                  - {id: W-1, bucket: a, reason: r, owner: o, expires: 2027-01-01, expiry: 2027-02-01}
                """)).containsExactly("waivers.yaml:2: waiver 1: unknown field 'expiry' (fields: id, bucket, rule, reason, owner, expires)");
    }

    @Test
    void anEmptyReasonIsRefused() {
        assertThat(problems("""
                waivers:
                  - id: W-1
                    bucket: a
                    reason: ""
                    owner: o
                    expires: 2027-01-01
                """)).containsExactly("waivers.yaml:4: waiver 'W-1': 'reason' is empty");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problems("""
                waivers:
                  - {id: W-1, bucket: a, owner: o, expires: 2027-01-01}
                  - {id: W-2, bucket: a, reason: r, owner: o, expires: soon}
                """)).hasSize(2);
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThat(problems("waivers:\n  - id: W-1\n    bucket: [unclosed\n")).singleElement().asString()
                .startsWith("waivers.yaml:4: not valid YAML");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(problems("")).containsExactly("waivers.yaml: empty; expected a 'waivers' list (may be empty: 'waivers: []')");
    }

    @Test
    void aFileWithoutTheWaiversListIsRefused() {
        assertThat(problems("waiver:\n  - id: W-1\n")).containsExactly("waivers.yaml:1: unknown key 'waiver' (only 'waivers')", "waivers.yaml: no 'waivers' list");
    }

    @Test
    void aMissingFileIsRefusedByName(@TempDir Path dir) {
        Path missing = dir.resolve("waivers.yaml");
        assertThatThrownBy(() -> Waivers.load(missing)).isInstanceOf(WaiverFileException.class).hasMessage(missing + ": no such waiver file");
    }

    @Test
    void aFileOnDiskIsNamedInItsMessages(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("w.yaml"), "waivers:\n  - {id: W-1, bucket: a, reason: r, owner: o}\n");
        assertThatThrownBy(() -> Waivers.load(f)).hasMessage(f + ":2: waiver 'W-1': missing 'expires'");
    }

    @Test
    void signaturesMatchWhateverTheSpacing() {
        Waiver w = new Waiver("W-1", "mulh|rd_wdata |  -", null, "r", "o", LocalDate.MAX, null);
        assertThat(w.matches("mulh | rd_wdata | -")).isFalse();
        assertThat(new Waiver("W-1", "mulh  |  rd_wdata | -", null, "r", "o", LocalDate.MAX, null).matches("mulh | rd_wdata | -")).isTrue();
    }
}
