package dev.seedverify.kernels;

import dev.seedverify.kernels.gate.CompilerGate;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiler gate's command: its verdicts, reports and exit statuses. */
class CompilerGateTest {
    record Run(int status, String out, String err) {}

    static Run gate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = CompilerGate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void twoCorrectBuildsPassWithEqualOutputsAndCounts() {
        Run r = gate("--base", "gcc:-O2", "--candidate", "gcc:-Os", "--threshold", "1000");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("gemm_i8 ").contains("gemm_mxfp8_scalar").contains("tiny_cnn_scalar").doesNotContain("DIFFER")
                .contains("PASS: 22 rows, 0 failing");
    }

    @Test
    void aMiscompiledKernelFailsWithTheFirstDifferingElementAndTheStoresThatWroteIt() {
        Run r = gate("--base", "gcc:-O2", "--candidate", "gcc:-O2", "--candidate-bug", "conv-wrong-stride");
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("conv2d_i8 +DIFFER")
                .contains("first differing element: out[")
                .containsPattern("base +wrote it at record \\d+, pc 0x[0-9a-f]{8} \\(link 0x[0-9a-f]{8}, s1k_conv2d_i8\\+0x[0-9a-f]+\\): \\S+")
                .containsPattern("candidate wrote it at record \\d+, .* s1k/conv2d_i8.c:\\d+")
                .contains("FAIL:");
    }

    @Test
    void aKnownMismatchIsAcceptedButReported() throws Exception {
        java.nio.file.Path known = java.nio.file.Files.createTempFile("known", ".txt");
        java.nio.file.Files.writeString(known, "# accepted\nconv2d_i8\ntiny_cnn\n");
        Run r = gate("--candidate", "gcc:-O2", "--candidate-bug", "conv-wrong-stride", "--known", known.toString(), "--threshold", "1000");
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out()).containsPattern("conv2d_i8 +DIFFER.*known mismatch");
    }

    @Test
    void aSlowerCandidateAboveTheThresholdIsARegression() {
        Run r = gate("--base", "gcc:-O2", "--candidate", "gcc:-O0", "--threshold", "10");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("REGRESSION").doesNotContain("DIFFER");
    }

    @Test
    void badUsageIsExitStatusTwo() {
        assertThat(gate("--frobnicate").status()).isEqualTo(2);
        assertThat(gate("--candidate", "icc:-O2").status()).isEqualTo(2);
        assertThat(gate("--candidate-bug", "no-such-bug").err()).contains("no injected kernel bug named 'no-such-bug'");
    }
}
