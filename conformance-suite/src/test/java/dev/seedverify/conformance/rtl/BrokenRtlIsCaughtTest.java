package dev.seedverify.conformance.rtl;

import dev.seedverify.conformance.ConformanceList;
import dev.seedverify.conformance.ConformanceProgram;
import dev.seedverify.conformance.ProgramOutcome;
import dev.seedverify.conformance.LockstepTarget;
import dev.seedverify.cosim.ForwardingBackend;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.rtl.RtlBackend;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.rtl.RtlModel;
import dev.seedverify.rtl.mutant.RtlMutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparator catches a real RTL bug: a copy of the RTL with SRA shifting in zeros (as SRL
 * does), patched at test time so the shipped RTL has no bug switch, fails with a report naming
 * the instruction and the field.
 */
class BrokenRtlIsCaughtTest {
    static final RtlMutation SRA_AS_SRL = RtlMutation.of("sra-as-srl", "SRA shifts in zeros, like SRL",
            "s1_core.sv", "$unsigned($signed(alu_a) >>> alu_b[4:0])", "(alu_a >> alu_b[4:0])");

    @Test
    void sraActingAsSrlIsReportedAtTheFirstSraWithANegativeOperand(@TempDir Path dir) {
        ConformanceProgram program = ConformanceList.load().get("rv32i/shift_reg.S");
        RtlModel broken = SRA_AS_SRL.build(dir);
        try (LockstepTarget shipped = new LockstepTarget("rtl", () -> new RtlBackend(RtlModel.builtIn(), "rtl"), 1_000_000);
             LockstepTarget mutant = new LockstepTarget("sra-as-srl", () -> new ForwardingBackend(new RtlBackend(broken, "sra-as-srl")) {
                 @Override
                 public void loadBare(ElfImage image) {
                     inner.traceInto(dir.resolve(Path.of(image.name()).getFileName() + ".fst"));
                     inner.loadBare(image);
                 }
             }, 1_000_000)) {
            assertThat(shipped.run(program).status()).isEqualTo(ProgramOutcome.Status.PASS);

            ProgramOutcome outcome = mutant.run(program);
            assertThat(outcome.status()).isEqualTo(ProgramOutcome.Status.DIVERGED);
            Divergence d = mutant.lastOutcome().divergence();
            assertThat(d.kind()).isEqualTo(Divergence.Kind.MISMATCH);
            assertThat(dev.seedverify.golden.commit.TraceFormat.disassembly(d.reference())).startsWith("sra ");
            assertThat(d.firstField()).isEqualTo("rd_wdata");
            assertThat(d.waveform()).exists();

            String report = mutant.lastReport().text();
            assertThat(report).contains("DIVERGENCE MISMATCH").contains("sra ").contains("rd_wdata").contains("waveform:");
            System.out.println(report);
        }
    }
}
