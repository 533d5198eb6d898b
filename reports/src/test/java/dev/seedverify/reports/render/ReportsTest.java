package dev.seedverify.reports.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {
    @Test
    void everyReportIsWrittenAndNoPartFileIsLeft(@TempDir Path dir) throws IOException {
        Reports.Written w = Reports.writeAll(Samples.failing(), dir);
        assertThat(w.text()).hasFileName("signoff.txt").isRegularFile();
        assertThat(w.json()).isRegularFile();
        assertThat(w.markdown()).isRegularFile();
        assertThat(w.html()).isRegularFile();
        assertThat(w.junit()).isRegularFile();
        assertThat(w.allureResults()).isDirectory();
        try (var all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part") || n.startsWith("."));
        }
    }

    @Test
    void aRunWithNothingInItStillGetsEveryReport(@TempDir Path dir) throws IOException {
        var empty = dev.seedverify.reports.model.RunResult.builder("empty", null).build();
        var s = dev.seedverify.reports.signoff.SignOff.evaluate(empty, java.util.List.of(), Samples.TODAY);
        Reports.Written w = Reports.writeAll(s, dir);
        assertThat(Files.readAllLines(w.text()).get(0)).isEqualTo("INCOMPLETE: no required suites were named, so nothing can sign off");
        assertThat(Files.readString(w.html())).contains("<span id=\"verdict-word\">INCOMPLETE</span>");
    }

    @Test
    void everyReportStartsWithTheVerdict(@TempDir Path dir) throws IOException {
        Reports.Written w = Reports.writeAll(Samples.failing(), dir);
        String headline = Samples.failing().verdict().headline();
        assertThat(Files.readAllLines(w.text()).get(0)).isEqualTo(headline);
        assertThat(Files.readAllLines(w.markdown()).get(0)).isEqualTo("# " + Markdown.text(headline));
        assertThat(Files.readString(w.json())).contains("\"headline\" : \"" + headline + "\"");
    }
}
