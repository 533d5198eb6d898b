package dev.seedverify.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seedverify run} and {@code trace}: one program on the golden model, the RTL, or both in lockstep; the exit codes. */
class RunCommandTest {
    static final String PASSING_C = "int main(void) { volatile int s = 0; for (int i = 1; i <= 10; i++) s += i; return s == 55 ? 0 : 1; }\n";
    static final String FAILING_C = "int main(void) { volatile int s = 3; return s == 4 ? 0 : 1; }\n";

    @Test
    void aCFileRunsOnTheRtlInLockstepWithOneCommand(@TempDir Path dir) throws IOException {
        Path c = Files.writeString(dir.resolve("sum.c"), PASSING_C);
        Cli r = Cli.run("run", c.toString(), "--on", "lockstep");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("PASS tohost=0x00000001 instret=").contains("on golden == rtl").contains("records equal");
    }

    @Test
    void aProgramThatFailsItsOwnCheckExitsWithOneOnEveryTarget(@TempDir Path dir) throws IOException {
        Path c = Files.writeString(dir.resolve("bad.c"), FAILING_C);
        for (String on : new String[] {"golden", "rtl", "lockstep"}) {
            Cli r = Cli.run("run", c.toString(), "--on", on);
            assertThat(r.exit()).as(on + ": " + r).isEqualTo(ExitCodes.FAIL);
            assertThat(r.out()).as(on).startsWith("FAIL");
        }
    }

    @Test
    void aDivergencePrintsItsReportAndExitsWithOne(@TempDir Path dir) throws IOException {
        Path s = Files.writeString(dir.resolve("sra.S"), """
                .globl _start
                _start:
                    li t0, -8
                    li t1, 1
                    sra t2, t0, t1
                    li t3, 1
                    la t4, tohost
                    sw t3, 0(t4)
                1:  j 1b
                .data
                .globl tohost
                tohost: .word 0
                """);
        Cli r = Cli.run("run", s.toString(), "--on", "lockstep", "--against", "fault:sra-as-srl-when-negative");
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.FAIL);
        assertThat(r.out()).contains("DIVERGENCE").contains("golden>").contains("DIVERGED at order").contains("sra | rd_wdata");
    }

    @Test
    void badInputExitsWithThreeAndSaysWhy(@TempDir Path dir) throws IOException {
        Path asm = Files.writeString(dir.resolve("typo.S"), "_start:\n    addx a0, a0, a0\n");
        Cli r = Cli.run("run", asm.toString(), "--on", "golden");
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("addx");

        Path notElf = Files.write(dir.resolve("junk.elf"), new byte[] {0x7f, 'E', 'L', 'F', 9, 9, 9, 9});
        assertThat(Cli.run("run", notElf.toString()).exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Cli.run("run", dir.resolve("missing.S").toString()).err()).contains("no such file");

        Path brokenC = Files.writeString(dir.resolve("broken.c"), "int main(void) { return undeclared; }\n");
        assertThat(Cli.run("run", brokenC.toString(), "--on", "golden").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void badUsageExitsWithTwo(@TempDir Path dir) throws IOException {
        Path c = Files.writeString(dir.resolve("sum.c"), PASSING_C);
        assertThat(Cli.run("run").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("run", c.toString(), "--frobnicate").exit()).isEqualTo(ExitCodes.USAGE);
        Cli unknown = Cli.run("run", c.toString(), "--on", "no-such-backend");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no backend named 'no-such-backend'");
        assertThat(Cli.run("no-such-command").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"run", "trace", "campaign", "replay", "mutants", "report", "gate", "bench", "completion"}) {
            Cli r = Cli.run(c, "--help");
            assertThat(r.exit()).as(c).isZero();
            assertThat(r.out()).as(c).startsWith("Usage: seedverify " + c);
        }
        assertThat(Cli.run("report", "merge", "--help").out()).startsWith("Usage: seedverify report merge");
    }

    @Test
    void traceShowsEveryRetiredInstructionThenTheVerdict(@TempDir Path dir) throws IOException {
        Path c = Files.writeString(dir.resolve("sum.c"), PASSING_C);
        Cli r = Cli.run("trace", c.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).matches("\\s+0 80000000 [0-9a-f]{8}  .*");
        assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("PASS tohost=0x00000001 records=");
        Cli onRtl = Cli.run("trace", c.toString(), "--on", "rtl");
        assertThat(onRtl.exit()).isZero();
        assertThat(onRtl.out().lines().count()).isEqualTo(r.out().lines().count());
    }

    @Test
    void completionIsABashScriptForEveryCommand() {
        Cli r = Cli.run("completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("campaign").contains("replay").contains("--resume");
    }
}
