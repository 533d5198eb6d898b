package dev.seedverify.conformance.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.golden.device.Completion;
import dev.seedverify.golden.device.CompletionStatus;
import dev.seedverify.golden.device.DeviceTable;
import dev.seedverify.golden.device.MmioRegister;
import dev.seedverify.golden.exec.Memory;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The host-action script: its text, parsing, and what running it does to a chip. */
class HostScriptTest {
    static final int DRAM = 1 << 20;
    static final String SCRIPT = """
            # a kernel, a FILL, then reads
            reset
            mmio-write CQ_BASE 0x80000000
            mmio-write CQ_ENTRIES 0x00000004
            kernel 0x80010000
                li a0, 5      # the result
                ecall
            end
            descriptor 0x80000000 00010001 80010000 00000000 00000000 80010000 80010800 00000064 80002000
            descriptor 0x80000020 00020003 80040001 00000007 11223344 00000000 00000000 00000000 80002010
            mmio-write CQ_TAIL 0x00000002
            run
            mmio-read DONE_COUNT
            irq
            read 0x80002000 32
            write 0x80040100 0a0b0c
            step 10
            """;

    @Test
    void scriptTextParsesBackToTheSameActions() {
        HostScript s = HostScript.parse(SCRIPT);
        assertThat(s.actions()).hasSize(13);
        assertThat(HostScript.parse(s.text()).text()).isEqualTo(s.text());
        assertThat(s.actions().get(3)).isEqualTo(new HostAction.Kernel(0x8001_0000, List.of("li a0, 5", "ecall")));
    }

    @Test
    void descriptorsAreCommentedInAReadersWords() {
        String text = HostScript.parse(SCRIPT).text();
        assertThat(text).contains("# LAUNCH tag 1 entry=0x80010000").contains("# FILL tag 2 dst=0x80040001 length=0x7 pattern=0x11223344");
    }

    @Test
    void runningAScriptDrivesTheChipAsAHostWould() {
        try (GoldenBackend chip = new GoldenBackend(DRAM)) {
            HostScript.Outcome o = HostScript.parse(SCRIPT).run(chip);
            assertThat(o.completions()).isEqualTo(2);
            assertThat(o.dmaWrites()).isEqualTo(1);
            assertThat(o.instructions()).isEqualTo(2);
            assertThat(Completion.fromBytes(chip.hostRead(Memory.BASE + 0x2000, 16), 0))
                    .isEqualTo(new Completion(CompletionStatus.OK.code(), 1, 5, 0, 1));
            assertThat(chip.hostRead(Memory.BASE + 0x4_0100, 3)).containsExactly(0x0a, 0x0b, 0x0c);
            assertThat(chip.mmioRead(MmioRegister.DONE_COUNT.offset())).isEqualTo(2);
        }
    }

    @Test
    void badLinesAreRefusedWithTheirLineNumber() {
        assertThatThrownBy(() -> HostScript.parse("reset\nmmio-write NOPE 1\n")).isInstanceOf(HostScript.ScriptException.class)
                .hasMessageContaining("line 2").hasMessageContaining("no register NOPE");
        assertThatThrownBy(() -> HostScript.parse("jump 3")).hasMessageContaining("unknown action 'jump'");
        assertThatThrownBy(() -> HostScript.parse("kernel 0x80010000\n nop\n")).hasMessageContaining("without 'end'");
        assertThatThrownBy(() -> HostScript.parse("descriptor 0x80000000 1 2 3")).hasMessageContaining("8 words");
    }

    @Test
    void aScenarioLongerThanItsRingWaitsAndWrapsAround() {
        DeviceCase c = new DeviceCaseGenerator(DRAM, 12).generate(7).withRing(2);
        HostScript s = c.script();
        long runs = s.actions().stream().filter(a -> a instanceof HostAction.Run).count();
        assertThat(runs).isGreaterThanOrEqualTo(c.commands().size());
        try (GoldenBackend chip = new GoldenBackend(DRAM)) {
            assertThat(s.run(chip).completions()).isEqualTo(c.commands().size());
            assertThat(chip.mmioRead(MmioRegister.DONE_COUNT.offset())).isEqualTo(c.commands().size());
            assertThat(chip.mmioRead(MmioRegister.CQ_HEAD.offset())).isEqualTo(c.commands().size() % 2);
        }
    }

    @Test
    void generatedScenariosAreDeterministicAndMixValidAndInvalidCommands() {
        DeviceCaseGenerator gen = new DeviceCaseGenerator(DRAM, 12);
        assertThat(gen.generate(3).script().text()).isEqualTo(gen.generate(3).script().text());
        long bad = 0, launches = 0;
        for (long seed = 1; seed <= 50; seed++) {
            try (GoldenBackend chip = new GoldenBackend(DRAM)) {
                DeviceCase c = gen.generate(seed);
                c.script().run(chip);
                for (int i = 0; i < c.commands().size(); i++) {
                    int addr = DeviceCase.COMPLETIONS + DeviceTable.COMPLETION_BYTES * i;
                    if (c.commands().get(i).descriptor().completionAddress() != addr) continue;
                    int st = Completion.fromBytes(chip.hostRead(addr, 16), 0).status();
                    if (st == CompletionStatus.BAD_COMMAND.code() || st == CompletionStatus.BAD_ADDRESS.code()) bad++;
                }
                launches += c.commands().stream().filter(x -> !x.kernel().isEmpty()).count();
            }
        }
        assertThat(bad).isGreaterThan(20);
        assertThat(launches).isGreaterThan(50);
    }
}
