package dev.seedverify.conformance.mutants;

import dev.seedverify.rtl.mutant.MutantBackendProvider;
import dev.seedverify.cosim.BucketSignature;
import dev.seedverify.cosim.Backends;
import dev.seedverify.cosim.LockstepRunner;
import dev.seedverify.cosim.OperandCause;
import dev.seedverify.conformance.repro.Replay;
import dev.seedverify.conformance.repro.Reproducer;
import dev.seedverify.golden.commit.CommitRecord;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Field;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.OperandKind;
import dev.seedverify.cosim.Divergence;
import dev.seedverify.rtl.mutant.RtlMutants;
import dev.seedverify.rtl.mutant.RtlMutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default tier's end-to-end self-test of the bug-finding engine on two injected RTL bugs
 * (issue 5, item 8; every other mutant is in the mutants tier, {@link MutantsTierTest}): each is
 * built (about 10–30 s, cached under target/), detected by generated programs of the fixed seed
 * sequence with the default weights, shrunk to at most 6 instructions, and its bucket names the
 * instruction and field the bug is about (or, for a forwarding bug, its cause); the reproducer
 * fails on the mutant and passes on the real RTL. No wall-clock assertions.
 */
class MutantSelfTest {

    static MutantCampaign.Config config(Path out) {
        return MutantCampaign.Config.defaults().withWarmup(0).withSeeds(1, 5_000).withWaveforms(out.resolve("waves"));
    }

    /** Cheap (nothing is built): every mutation of the catalogue still applies exactly once to the current RTL. */
    @Test
    void everyMutationStillAppliesToTheCurrentRtl() {
        assertThat(RtlMutants.all()).hasSizeGreaterThanOrEqualTo(12);
        for (RtlMutation m : RtlMutants.all()) {
            assertThat(m.digest()).as(m.name()).hasSize(64); // applies the edits in memory; throws when one no longer fits
        }
        assertThat(Backends.names()).contains(MutantBackendProvider.PREFIX + "<name>");
    }

    /** A scalar pipeline bug: the MEM->EX forwarding path of rs2 is missing. */
    @Test
    void aMissingRs2ForwardingPathIsDetectedAndShrunkToTheConsumerOfTheValueJustWritten(@TempDir Path out) throws IOException {
        MutantCampaign.MutantResult r = detectAndShrink(RtlMutants.FWD_MEM_RS2_MISSING, out);
        Divergence d = divergenceOnTheMutant(r);
        CommitRecord at = d.reference();
        Instruction insn = Decoder.decode(at.insn());
        assertThat(insn).as("the diverging instruction").isNotNull();
        // bucketed by its cause, whichever instruction consumed the stale value (OperandCause)
        assertThat(r.bucket()).isEqualTo(new BucketSignature(OperandCause.STALE_RS2, "operand", "-"));
        // The diverging instruction reads rs2, and rs2 is what the instruction right before it wrote.
        assertThat(insn.operands()).as(insn.mnemonic() + " reads rs2")
                .anyMatch(o -> o.field() == Field.RS2 && o.kind() == OperandKind.GPR);
        int rs2 = Field.RS2.extract(at.insn());
        assertThat(rs2).isNotZero();
        assertThat(d.history()).isNotEmpty();
        CommitRecord producer = d.history().get(d.history().size() - 1);
        assertThat(producer.rdAddr()).as("the record before the divergence writes rs2 = x" + rs2).isEqualTo(rs2);
        assertThat(producer.order()).isEqualTo(at.order() - 1);
    }

    /** An Xseed numeric bug: the binary32 adder flushes subnormal operands to zero. */
    @Test
    void aBinary32AdderThatFlushesSubnormalsIsDetectedInATileResultAndShrunk(@TempDir Path out) throws IOException {
        MutantCampaign.MutantResult r = detectAndShrink(RtlMutants.FADD_FLUSHES_SUBNORMALS, out);
        // tadd.f32, or the accumulate of tmma.e4m3: both go through the adder; a tile element differs.
        assertThat(r.bucket().unit()).isIn("tadd.f32", "tmma.e4m3");
        assertThat(r.bucket().field()).isEqualTo("tile.row[].word[]");
        assertThat(r.bucket().trap()).isEqualTo("-");
        Divergence d = divergenceOnTheMutant(r);
        assertThat(d.kind()).isEqualTo(Divergence.Kind.MISMATCH);
        // The golden element is a finite number the DUT lost a subnormal addend of: the two differ
        // by at most the largest subnormal plus one rounding step of the bigger of them.
        java.util.regex.Matcher rw = java.util.regex.Pattern.compile("tile\\.row\\[(\\d)]\\.word\\[(\\d)]").matcher(d.firstField());
        assertThat(rw.matches()).as(d.firstField()).isTrue();
        int idx = 8 * Integer.parseInt(rw.group(1)) + Integer.parseInt(rw.group(2));
        float golden = Float.intBitsToFloat(d.reference().tile()[idx]);
        float dut = Float.intBitsToFloat(d.dut().tile()[idx]);
        assertThat(Float.isFinite(golden)).as("golden " + golden).isTrue();
        assertThat((double) Math.abs(golden - dut)).as("golden " + golden + " vs DUT " + dut)
                .isLessThanOrEqualTo(Float.MIN_NORMAL + Math.ulp(Math.max(Math.abs(golden), Math.abs(dut))));
    }

    /** Build, detect, shrink: the checks every mutant must pass, and the reproducer's replay on both models. */
    static MutantCampaign.MutantResult detectAndShrink(RtlMutation m, Path out) throws IOException {
        MutantCampaign.MutantResult r = MutantCampaign.runOne(config(out), m);
        System.out.printf("%s: detected %s after %d programs (%.2f s), shrunk to %d instructions (%d of %d ops) in %.2f s, bucket %s, build %.1f s%n",
                m.name(), r.detected(), r.programsTried(), r.detectSeconds(), r.shrunkInstructions(), r.shrunkOps(), r.originalOps(),
                r.shrinkSeconds(), r.bucket(), r.buildSeconds());
        assertThat(r.error()).as(m.name()).isNull();
        assertThat(r.detected()).as(m.name() + " detected").isTrue();
        assertThat(r.shrunkInstructions()).as(m.name() + " shrunk length").isBetween(1, 6);
        assertThat(r.shrunkOps()).isLessThanOrEqualTo(r.originalOps());
        assertThat(r.realRtlPasses()).as("the shrunk program passes on the real RTL").isTrue();
        assertThat(r.waveform()).as("the waveform of the shrunk failure").isRegularFile();
        assertThat(Files.size(r.waveform())).isPositive();
        Path file = r.reproducer().write(out.resolve(r.reproducer().name()));
        Reproducer repro = Reproducer.read(file);
        assertThat(repro.bucket()).isEqualTo(r.bucket());
        assertThat(repro.target()).isEqualTo(MutantBackendProvider.PREFIX + m.name());
        assertThat(repro.get("shrunk-instructions")).isEqualTo(Integer.toString(r.shrunkInstructions()));
        // The reproducer fails on the mutant, in its bucket, and passes on the real RTL.
        Replay.Summary onMutant = Replay.replay(List.of(file), MutantBackendProvider.PREFIX + m.name(), null);
        assertThat(onMutant.results()).singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Replay.Verdict.FAIL);
            assertThat(f.ownBug()).isTrue();
        });
        assertThat(Replay.replay(List.of(file), "both", null).exitCode()).as("PASS on golden and the real RTL").isZero();
        return r;
    }

    /** The divergence of the reproducer's program on the mutant, from a fresh runner. */
    static Divergence divergenceOnTheMutant(MutantCampaign.MutantResult r) throws IOException {
        Reproducer repro = r.reproducer();
        try (LockstepRunner runner = new LockstepRunner(() -> Backends.open(repro.target(), repro.dramBytes()), repro.budget())) {
            LockstepRunner.Outcome o = runner.run(repro.image());
            assertThat(o.diverged()).isTrue();
            assertThat(o.signature()).isEqualTo(r.bucket());
            assertThat(BucketSignature.of(o.divergence())).isEqualTo(r.bucket());
            return o.divergence();
        }
    }
}
