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
import dev.seedverify.reports.model.Section;
import dev.seedverify.reports.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
        assertThat(text).startsWith("# seedverify-repro v2\n");
        assertThat(text).contains("# seed: ", "# weights: default", "# target: " + FAULT, "# bucket: sra | rd_wdata | -",
                "# image-sha256: ", "# content-sha256: ", "# Replay: seedverify replay <this file> --target " + FAULT, "#   rd_wdata ", "golden> ", "DUT>    ", "_start:", "# block 0 @ 0x80008000", "handler:");
        Reproducer r = Reproducer.read(file);
        assertThat(r.bucket()).isEqualTo(new BucketSignature("sra", "rd_wdata", "-"));
        assertThat(r.dramBytes()).isEqualTo(Memory.DEFAULT_BYTES);
        assertThat(r.image().tohost()).isPresent(); // assembles and matches the recorded hash
        // Also a plain assembly file: what seedverify run accepts.
        assertThat(dev.seedverify.golden.exec.BareMetal.run(r.image(), Memory.DEFAULT_BYTES, 100_000).verdict())
                .isEqualTo(dev.seedverify.golden.exec.BareMetal.Verdict.PASS);
    }

    @Test
    void anEditedReproducerIsRejectedRatherThanReplayedWithOtherBytes(@TempDir Path dir) throws IOException {
        Path file = reproducer(FAULT, dir);
        String text = Files.readString(file);
        Path edited = dir.resolve("edited.S");
        Files.writeString(edited, text.replaceFirst("\n    sra ", "\n    srl "));
        assertThatThrownBy(() -> Reproducer.read(edited).image()).hasMessageContaining("edited after it was written");
        Path notOne = dir.resolve("plain.S");
        Files.writeString(notOne, "_start: j _start\n");
        assertThatThrownBy(() -> Reproducer.read(notOne)).hasMessageContaining("not a reproducer");
        Path future = dir.resolve("future.S");
        Files.writeString(future, text.replaceFirst("v2", "v9"));
        assertThatThrownBy(() -> Reproducer.read(future)).hasMessageContaining("newer than this tool");
    }

    @Test
    void anEditedHeaderIsRejectedBecauseTheContentHashCoversIt(@TempDir Path dir) throws IOException {
        String text = Files.readString(reproducer(FAULT, dir));
        Path edited = dir.resolve("edited-header.S");
        Files.writeString(edited, text.replace("# bucket: sra | rd_wdata | -", "# bucket: srl | rd_wdata | -"));
        assertThatThrownBy(() -> Reproducer.read(edited)).hasMessageContaining("edited after it was written");
        Path seed = dir.resolve("edited-seed.S");
        Files.writeString(seed, text.replaceFirst("# seed: \\d+", "# seed: 99999"));
        assertThatThrownBy(() -> Reproducer.read(seed)).hasMessageContaining("edited after it was written");
    }

    @Test
    void aFileCutInsideItsHeaderOrBinaryIsRejectedWithWhatIsWrong(@TempDir Path dir) throws IOException {
        String text = Files.readString(reproducer(FAULT, dir));
        Path cut = dir.resolve("cut.S");
        Files.writeString(cut, text.substring(0, text.indexOf("# image-sha256")));
        assertThatThrownBy(() -> Reproducer.read(cut)).hasMessageContaining("cut short inside its header");
        Path binary = dir.resolve("binary.S");
        Files.write(binary, new byte[] {'#', ' ', 's', 'e', (byte) 0xC3, (byte) 0x28, 0, 1, 2});
        assertThatThrownBy(() -> Reproducer.read(binary)).hasMessageContaining("not UTF-8 text");
        Path nul = dir.resolve("nul.S");
        Files.writeString(nul, text.replace("_start:", "_start:\0"));
        assertThatThrownBy(() -> Reproducer.read(nul)).hasMessageContaining("NUL bytes");
    }

    @Test
    void versionOneFilesOfTheRegressionFolderAreStillRead() throws IOException {
        Path v1 = Path.of("src/test/resources/regressions/mutants/sra-as-srl.S");
        assertThat(Files.readString(v1)).startsWith("# seedverify-repro v1\n");
        Reproducer r = Reproducer.read(v1);
        assertThat(r.bucket()).isEqualTo(new BucketSignature("sra", "rd_wdata", "-"));
        assertThat(r.image().tohost()).isPresent();
    }

    @Test
    void aMalformedFileInAFolderIsAnErrorLineAndTheOthersStillRun(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("regression"));
        Path good = reproducer(FAULT, folder);
        String text = Files.readString(good);
        Files.writeString(folder.resolve("a-cut.S"), text.substring(0, 200));
        Files.write(folder.resolve("b-binary.S"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, (byte) 0xff});
        Files.writeString(folder.resolve("c-edited.S"), text.replace("# bucket: sra", "# bucket: srl"));
        Files.writeString(folder.resolve("notes.txt"), "not a reproducer: ignored\n");
        List<Path> files = Replay.collect(List.of(folder));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("a-cut.S", "b-binary.S", "c-edited.S", good.getFileName().toString());
        Replay.Summary s = Replay.replay(files, Backends.GOLDEN, null);
        assertThat(s.results()).extracting(Replay.FileResult::verdict)
                .containsExactly(Replay.Verdict.ERROR, Replay.Verdict.ERROR, Replay.Verdict.ERROR, Replay.Verdict.PASS);
        assertThat(s.malformed()).isEqualTo(3);
        assertThat(s.exitCode()).as("bad input, nothing failed").isEqualTo(3);
        assertThat(s.text()).contains("ERROR " + folder.resolve("a-cut.S"), "cut short", "not UTF-8", "edited after it was written",
                "1 passed", "3 errors (3 malformed files)");
    }

    @Test
    void anEmptyFolderIsAnErrorNotAPass(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.txt"), "nothing here\n");
        assertThatThrownBy(() -> Replay.collect(List.of(empty))).isInstanceOf(IOException.class).hasMessageContaining("holds no reproducer files");
        assertThatThrownBy(() -> Replay.collect(List.of(dir.resolve("missing")))).hasMessageContaining("no such file or folder");
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
        Section section = mixed.section("regressions", Target.of("fault:sra-as-srl-when-negative"), regression, Instant.now());
        assertThat(section.counts().passed()).isEqualTo(1);
        assertThat(section.counts().diverged()).isEqualTo(1);
        assertThat(section.cases()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(regression.relativize(sra).toString());
            assertThat(c.bucket()).isEqualTo("sra | rd_wdata | -");
            assertThat(c.divergence().replay()).isEqualTo("seedverify replay " + sra + " --target fault:sra-as-srl-when-negative");
        });
        assertThat(mixed.buckets().toModel()).singleElement().satisfies(b -> assertThat(b.signature()).isEqualTo("sra | rd_wdata | -"));
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
    void aCorruptFileIsAnErrorOfBadInput(@TempDir Path dir) throws IOException {
        Path file = reproducer(FAULT, dir);
        Files.writeString(file, Files.readString(file).replace("_start:", "_start: bogus x1"));
        Replay.Summary s = Replay.replay(List.of(file), Backends.GOLDEN, null);
        assertThat(s.results()).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Replay.Verdict.ERROR);
            assertThat(r.badInput()).isTrue();
        });
        assertThat(s.exitCode()).isEqualTo(3);
    }
}
