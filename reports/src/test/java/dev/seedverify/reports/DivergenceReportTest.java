package dev.seedverify.reports;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.commit.CommitLog;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.cosim.Backend;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.cosim.ForwardingBackend;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.Lockstep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DivergenceReportTest {
    static final String PROGRAM = """
            _start:
                li a0, 30
            loop: addi a1, a1, 3
                addi a0, a0, -1
                bnez a0, loop
                li t1, 1
                la t2, tohost
                sw t1, 0(t2)
            1:  j 1b
                .align 3
            tohost: .word 0
            """;

    static GoldenBackend loaded() {
        GoldenBackend b = new GoldenBackend(Memory.DEFAULT_BYTES);
        b.loadBare(Assembler.assemble(PROGRAM, "p.S"));
        return b;
    }

    /** Golden model as DUT with record 40's rd value off by one. */
    static Divergence divergence() {
        Backend broken = new ForwardingBackend(loaded()) {
            @Override
            public String name() { return "broken"; }

            @Override
            public Status advance(CommitLog log, int max) {
                int start = log.size();
                Status s = inner.advance(log, max);
                for (int i = start; i < log.size(); i++) {
                    if (log.order(i) == 40) log.setField(i, CommitLog.RD_WDATA, log.rdWdata(i) + 1);
                }
                return s;
            }
        };
        return new Lockstep(loaded(), broken, 32).run(10_000).divergence();
    }

    @Test
    void textNamesTheInstructionTheFieldAndBothValues() {
        String text = new DivergenceReport(divergence(), "p.S", "broken golden", "s1replay p.repro").text();
        assertThat(text).contains("DIVERGENCE MISMATCH at order 40")
                .containsPattern("field\\s+golden\\s+broken")
                .contains("addi a1,a1,3")
                .containsPattern("rd_wdata\\s+0x[0-9a-f]{8}\\s+0x[0-9a-f]{8}")
                .contains("last 16 instructions")
                .contains("replay:   s1replay p.repro");
    }

    @Test
    void jsonCarriesTheSameFacts() {
        String json = new DivergenceReport(divergence(), "p.S", "broken golden", null).json();
        assertThat(json).contains("\"kind\": \"MISMATCH\"").contains("\"order\": 40").contains("\"field\": \"rd_wdata\"")
                .contains("\"firstField\": \"rd_wdata\"");
    }

    @Test
    void reportFilesAreWrittenCompletelyOrNotAtAll(@TempDir Path dir) throws IOException {
        new DivergenceReport(divergence(), "p.S", "broken", null).writeTo(dir, "div-1");
        assertThat(dir.resolve("div-1.txt")).exists();
        assertThat(dir.resolve("div-1.json")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("div-1.txt", "div-1.json");
        }
    }

    @Test
    void theModelCarriesEveryDifferingFieldTheRecordsAndTheHistory() {
        Divergence d = divergence();
        dev.seedverify.reports.model.Divergence m = new DivergenceReport(d, "p.S", "broken", "s1replay p.repro").toModel();
        assertThat(m.kind()).isEqualTo("MISMATCH");
        assertThat(m.order()).isEqualTo(40);
        assertThat(m.firstField()).isEqualTo("rd_wdata");
        assertThat(m.fields()).hasSize(d.differences().size()).first().satisfies(f -> {
            assertThat(f.field()).isEqualTo("rd_wdata");
            assertThat(f.golden()).matches("0x[0-9a-f]{8}");
        });
        assertThat(m.history()).hasSize(d.history().size());
        assertThat(m.goldenRecord()).contains("addi a1,a1,3");
        assertThat(m.replay()).isEqualTo("s1replay p.repro");
        assertThat(m.bucket()).isNull();
    }
}
