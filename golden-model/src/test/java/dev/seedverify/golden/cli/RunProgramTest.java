package dev.seedverify.golden.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunProgramTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RunProgram.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static final String SUM_TO_TEN = """
            _start:
                li a0, 10
                li a1, 0
            loop: add a1, a1, a0
                addi a0, a0, -1
                bnez a0, loop
                li t0, EXPECTED
                li t1, 1
                beq a1, t0, done
                li t1, 7            # fail, test 3
            done:
                la t2, tohost
                sw t1, 0(t2)
            1:  j 1b
                .align 3
            tohost: .word 0
            """;

    @Test
    void assembledProgramThatWritesOneToTohostPassesWithExitZero() throws IOException {
        int status = run(file("sum.S", SUM_TO_TEN.replace("EXPECTED", "55")).toString());
        assertThat(status).isZero();
        assertThat(out()).startsWith("PASS tohost=0x00000001 instret=");
    }

    @Test
    void oddTohostValueFailsWithItsTestNumberAndExitOne() throws IOException {
        int status = run(file("sum.S", SUM_TO_TEN.replace("EXPECTED", "56")).toString());
        assertThat(status).isEqualTo(1);
        assertThat(out()).startsWith("FAIL (test 3) tohost=0x00000007");
    }

    @Test
    void programThatNeverWritesTohostTimesOutAtTheBudgetWithExitTwo() throws IOException {
        int status = run("--budget", "1000", file("spin.S", "_start: j _start\n.align 3\ntohost: .word 0\n").toString());
        assertThat(status).isEqualTo(2);
        assertThat(out()).startsWith("TIMEOUT").contains("instret=1000");
    }

    @Test
    void bothEnginesGiveTheSameVerdictAndTrace() throws IOException {
        Path sum = file("sum.S", SUM_TO_TEN.replace("EXPECTED", "55"));
        assertThat(run("--engine", "interpreter", "--trace", sum.toString())).isZero();
        String interpreted = out();
        out.reset();
        assertThat(run("--engine", "translator", "--trace", sum.toString())).isZero();
        assertThat(out()).isEqualTo(interpreted).contains("PASS tohost=0x00000001");
    }

    @Test
    void anUnknownEngineIsBadUsage() throws IOException {
        assertThat(run("--engine", "jit", file("sum.S", SUM_TO_TEN.replace("EXPECTED", "55")).toString())).isEqualTo(3);
        assertThat(err()).contains("unknown execution engine 'jit'");
    }

    @Test
    void traceListsOrderPcInsnDisassemblyAndEffects() throws IOException {
        run("--trace", file("sum.S", SUM_TO_TEN.replace("EXPECTED", "55")).toString());
        String[] lines = out().split("\n");
        assertThat(lines[0]).matches("\\s+0 80000000 00a00513  li a0,10\\s+a0=0x0000000a");
        assertThat(out()).contains("sw t1,0(t2)").contains("memW[0x");
        assertThat(lines[lines.length - 1]).startsWith("PASS");
    }

    @Test
    void traceGoesToAFileWhenOneIsNamed() throws IOException {
        Path trace = dir.resolve("trace.txt");
        run("--trace", trace.toString(), file("sum.S", SUM_TO_TEN.replace("EXPECTED", "55")).toString());
        assertThat(Files.readString(trace)).startsWith("       0 80000000");
        assertThat(out()).startsWith("PASS");
    }

    @Test
    void cProgramIsBuiltWithTheS1RuntimeAndMainsReturnValueIsTheVerdict() throws IOException {
        Path ok = file("ok.c", "static int f(int n){return n<2?n:f(n-1)+f(n-2);}\nint main(void){volatile int d=7; return f(12)/d==20 && f(12)%d==4 ? 0 : 9;}\n");
        assertThat(run(ok.toString())).isZero();
        Path bad = file("bad.c", "int main(void){ return 9; }\n");
        assertThat(run(bad.toString())).isEqualTo(1);
        assertThat(out()).contains("FAIL (test 9)");
    }

    @Test
    void trapInACProgramFailsWithTest4096PlusMcause() throws IOException {
        Path crash = file("crash.c", "int main(void){ return *(volatile int *)0x10; }\n");
        assertThat(run(crash.toString())).isEqualTo(1);
        assertThat(out()).contains("FAIL (test " + (4096 + 5) + ")");
    }

    @Test
    void aFileThatIsNeitherElfNorAssemblyExitsThreeWithTheAssemblersMessage() throws IOException {
        int status = run(file("junk.S", "this is not assembly\n").toString());
        assertThat(status).isEqualTo(3);
        assertThat(err()).contains("junk.S").contains("line 1");
    }

    @Test
    void truncatedElfExitsThreeNamingTheProblem() throws IOException {
        byte[] header = {0x7F, 'E', 'L', 'F', 1, 1, 1, 0};
        Path elf = dir.resolve("short.elf");
        Files.write(elf, header);
        assertThat(run(elf.toString())).isEqualTo(3);
        assertThat(err()).contains("short.elf").contains("truncated");
    }

    @Test
    void missingFileExitsThree() {
        assertThat(run(dir.resolve("nope.elf").toString())).isEqualTo(3);
        assertThat(err()).contains("no such file");
    }

    @Test
    void dramSizeMustBeAPowerOfTwoInRange() throws IOException {
        assertThat(run("--dram", "3M", file("a.S", "_start: j _start\n").toString())).isEqualTo(3);
        assertThat(err()).contains("power of two");
    }

    @Test
    void programWithoutTohostSymbolIsWarnedAbout() throws IOException {
        run("--budget", "10", file("a.S", "_start: j _start\n").toString());
        assertThat(err()).contains("no 'tohost' symbol");
    }
}
