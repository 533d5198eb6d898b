package dev.seedverify.conformance.repro;

import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.Backends;
import dev.seedverify.conformance.gen.Program;
import dev.seedverify.conformance.gen.ProgramGenerator;
import dev.seedverify.conformance.gen.ProgramRenderer;
import dev.seedverify.conformance.gen.RenderedProgram;
import dev.seedverify.conformance.gen.Weights;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.conformance.shrink.ProgramShrinker;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.cosim.Divergence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reproducer files: what they contain, that reading one back gives the same bytes, and replay verdicts. */
class ReproducerTest {
    static final String FAULT = "fault:sra-as-srl-when-negative";

    /** Finds, shrinks and writes the reproducer of the first divergence on {@code target}. */
    static Path reproducer(String target, Path dir) throws IOException {
        ProgramGenerator gen = new ProgramGenerator(Weights.DEFAULT);
        try (LockstepRunner runner = new LockstepRunner(() -> Backends.open(target, Memory.DEFAULT_BYTES))) {
            for (long seed = 0; ; seed++) {
                Program p = gen.generate(seed);
                LockstepRunner.Outcome o = runner.run(ProgramRenderer.image(p).image());
                if (!o.diverged()) continue;
                ProgramShrinker.Result r = new ProgramShrinker(ProgramShrinker.Oracle.of(runner)).shrink(p, o.signature());
                RenderedProgram shrunk = ProgramRenderer.render(r.program());
                Divergence d = runner.run(shrunk.image()).divergence();
                Reproducer rep = Reproducer.of(shrunk, d, new Reproducer.Details(seed, Weights.DEFAULT.toString(), target,
                        runner.dut().describe(), Memory.DEFAULT_BYTES, runner.budget(), o.signature(), p.size(), r.program().size(),
                        shrunk.bodyInstructions()));
                return rep.write(dir.resolve(rep.name()));
            }
        }
    }

    @Test
    void aReproducerIsVersionedReadableAndAssemblesBackToTheSameBytes(@TempDir Path dir) throws IOException {
        Path file = reproducer(FAULT, dir);
        String text = Files.readString(file);
        assertThat(text).startsWith("# seedverify-repro v1\n");
        assertThat(text).contains("# seed: ", "# weights: default", "# target: " + FAULT, "# bucket: sra | rd_wdata | -",
                "# image-sha256: ", "#   rd_wdata ", "golden> ", "DUT>    ", "_start:", "# block 0 @ 0x80008000", "handler:");
        Reproducer r = Reproducer.read(file);
        assertThat(r.bucket()).isEqualTo(new BucketSignature("sra", "rd_wdata", "-"));
        assertThat(r.dramBytes()).isEqualTo(Memory.DEFAULT_BYTES);
        assertThat(r.image().tohost()).isPresent(); // assembles and matches the recorded hash
        // Also a plain assembly file: what bin/s1run accepts.
        assertThat(dev.seedverify.golden.exec.BareMetal.run(r.image(), Memory.DEFAULT_BYTES, 100_000).verdict())
                .isEqualTo(dev.seedverify.golden.exec.BareMetal.Verdict.PASS);
    }

    @Test
    void anEditedReproducerIsRejectedRatherThanReplayedWithOtherBytes(@TempDir Path dir) throws IOException {
        Path file = reproducer(FAULT, dir);
        String text = Files.readString(file);
        Path edited = dir.resolve("edited.S");
        Files.writeString(edited, text.replaceFirst("\n    sra ", "\n    srl "));
        assertThatThrownBy(() -> Reproducer.read(edited).image()).hasMessageContaining("not the recorded");
        Path notOne = dir.resolve("plain.S");
        Files.writeString(notOne, "_start: j _start\n");
        assertThatThrownBy(() -> Reproducer.read(notOne)).hasMessageContaining("not a reproducer");
        Path future = dir.resolve("future.S");
        Files.writeString(future, text.replaceFirst("v1", "v9"));
        assertThatThrownBy(() -> Reproducer.read(future)).hasMessageContaining("newer than this tool");
    }

    /** Property: replaying a saved reproducer on the same target gives the same result (bucket and order). */
    @Test
    void replayingOnTheSameTargetGivesTheSameDivergence(@TempDir Path dir) throws IOException {
        for (String fault : List.of(FAULT, "fault:mtval-aligned-on-misaligned-store", "fault:tcvt-inf-to-nan", "fault:load-use-stale-operand")) {
            Path file = reproducer(fault, dir);
            Reproducer r = Reproducer.read(file);
            try (LockstepRunner runner = new LockstepRunner(() -> Backends.open(fault, r.dramBytes()))) {
                for (int again = 0; again < 3; again++) {
                    LockstepRunner.Outcome o = runner.run(r.image());
                    assertThat(o.signature()).as(fault).isEqualTo(r.bucket());
                    assertThat(o.divergence().order()).isEqualTo(Long.parseLong(r.get("divergence-order")));
                }
            }
        }
    }

    @Test
    void aFolderOfReproducersIsARegressionTierThatFailsWhileTheBugIsThere(@TempDir Path dir) throws IOException {
        Path regression = Files.createDirectories(dir.resolve("regression"));
        reproducer(FAULT, regression);
        reproducer("fault:ebreak-mtval-zero", Files.createDirectories(regression.resolve("traps")));
        Files.writeString(regression.resolve("README.txt"), "not a reproducer: ignored when a folder is replayed\n");
        List<Path> files = Replay.collect(List.of(regression));
        assertThat(files).hasSize(2);

        Path sra = files.stream().filter(f -> f.getFileName().toString().startsWith("sra.")).findFirst().orElseThrow();
        Path ebreak = files.stream().filter(f -> f.getFileName().toString().startsWith("trap.trap_tval.breakpoint")).findFirst().orElseThrow();

        // The bug is still in the target: FAIL, in the recorded bucket; exit status 1.
        Replay.Summary broken = Replay.replay(List.of(sra), "fault:sra-as-srl-when-negative", null);
        assertThat(broken.results()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Replay.Verdict.FAIL);
            assertThat(r.ownBug()).isTrue();
            assertThat(r.detail()).startsWith("its own bug is back: sra | rd_wdata | -");
        });
        assertThat(broken.exitCode()).isEqualTo(1);
        // A target without that bug agrees with golden on it: PASS.
        assertThat(Replay.replay(List.of(sra), "fault:ebreak-mtval-zero", null).count(Replay.Verdict.PASS)).isEqualTo(1);
        // Once fixed (golden as the DUT): every reproducer of the folder passes, exit status 0.
        Replay.Summary fixed = Replay.replay(files, Backends.GOLDEN, null);
        assertThat(fixed.count(Replay.Verdict.PASS)).isEqualTo(2);
        assertThat(fixed.exitCode()).isZero();
        Replay.Summary mixed = Replay.replay(List.of(sra, ebreak), "fault:sra-as-srl-when-negative", null);
        assertThat(mixed.text()).contains("FAIL  ", "PASS  ",
                "replayed 2 reproducers on fault:sra-as-srl-when-negative: 1 passed, 1 still diverge (1 with their own bug back, 0 with another bug), 0 errors");
        assertThat(mixed.json()).contains("\"verdict\": \"FAIL\"", "\"match\": \"OWN_BUG\"");
        assertThat(mixed.exitCode()).isEqualTo(1);
    }

    @Test
    void aReplayTellsItsOwnBugFromTheSameBucketElsewhereAndFromAnotherBug(@TempDir Path dir) throws IOException {
        Reproducer r = Reproducer.read(reproducer(FAULT, dir));
        long order = Long.parseLong(r.get("divergence-order"));
        BucketSignature own = r.bucket();
        assertThat(r.match(own, divergenceAt(order, "rd_wdata"))).isEqualTo(Reproducer.Match.OWN_BUG);
        assertThat(r.match(own, divergenceAt(order + 3, "rd_wdata"))).isEqualTo(Reproducer.Match.SAME_BUCKET_ELSEWHERE);
        assertThat(r.match(own, divergenceAt(order, "rd_wdata", "pc_next"))).isEqualTo(Reproducer.Match.SAME_BUCKET_ELSEWHERE);
        assertThat(r.match(new BucketSignature("div", "rd_wdata", "-"), divergenceAt(order, "rd_wdata")))
                .isEqualTo(Reproducer.Match.OTHER_BUCKET);
    }

    static Divergence divergenceAt(long order, String... fields) {
        return new Divergence(Divergence.Kind.MISMATCH, order, "records differ",
                java.util.Arrays.stream(fields).map(f -> new dev.seedverify.cosim.FieldDifference(f, 1, 2)).toList(), null, null,
                List.of(), "golden", "dut", null);
    }

    @Test
    void anUnavailableTargetIsNamedNotTreatedAsAPass(@TempDir Path dir) throws IOException {
        Path file = reproducer(FAULT, dir);
        Replay.Summary s = Replay.replay(List.of(file), "no-such-target", null);
        assertThat(s.unavailable()).contains("no backend named 'no-such-target'");
        assertThat(s.exitCode()).isEqualTo(2);
    }

    @Test
    void aCorruptFileIsAnErrorAndFailsTheRun(@TempDir Path dir) throws IOException {
        Path file = reproducer(FAULT, dir);
        Files.writeString(file, Files.readString(file).replace("_start:", "_start: bogus x1"));
        Replay.Summary s = Replay.replay(List.of(file), Backends.GOLDEN, null);
        assertThat(s.results()).singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(Replay.Verdict.ERROR));
        assertThat(s.exitCode()).isEqualTo(1);
    }
}
