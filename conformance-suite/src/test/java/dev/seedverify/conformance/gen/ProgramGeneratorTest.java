package dev.seedverify.conformance.gen;

import dev.seedverify.golden.asm.Assembler;
import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.BareMetal;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Category;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.OperandKind;
import dev.seedverify.conformance.coverage.CoverageCollector;
import dev.seedverify.conformance.coverage.CoverageModel;
import dev.seedverify.conformance.coverage.CoverageReport;
import dev.seedverify.cosim.GoldenBackend;
import dev.seedverify.cosim.LockstepRunner;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator: deterministic, table-driven, always valid, assembles back to itself, always ends. */
class ProgramGeneratorTest {
    static final ProgramGenerator GEN = new ProgramGenerator(Weights.DEFAULT);

    @Test
    void aProgramIsAPureFunctionOfSeedWeightsAndDramSize() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            Program a = GEN.generate(seed), b = new ProgramGenerator(Weights.DEFAULT).generate(seed);
            assertThat(a).isEqualTo(b);
            assertThat(ProgramRenderer.render(a).assembly()).isEqualTo(ProgramRenderer.render(b).assembly());
            assertThat(ProgramRenderer.image(a).memoryBytes()).isEqualTo(ProgramRenderer.image(b).memoryBytes());
        }
        assertThat(GEN.generate(1)).isNotEqualTo(GEN.generate(2));
        assertThat(new ProgramGenerator(Weights.DEFAULT.with("alu", 30)).generate(1)).isNotEqualTo(GEN.generate(1));
    }

    @Test
    void neighbouringSeedsGiveUnrelatedPrograms() {
        // Regression: seeds s and s+1 once gave the same random stream shifted by one value.
        for (long s = 0; s < 20; s++) {
            List<Op> a = GEN.generate(s).body(), b = GEN.generate(s + 1).body();
            int common = 0;
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) if (a.get(i).equals(b.get(i))) common++;
            for (int i = 0; i + 1 < Math.min(a.size(), b.size()); i++) if (a.get(i + 1).equals(b.get(i))) common++;
            assertThat(common).as("seeds %d and %d", s, s + 1).isLessThan(5);
        }
    }

    @Test
    void everyGeneratedProgramSatisfiesTheSafetyRules() {
        for (long seed = 0; seed < 3000; seed++) {
            assertThat(ProgramValidator.problems(GEN.generate(seed))).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void theAssemblyAssemblesToExactlyTheImagesBytes() {
        for (long seed = 0; seed < 150; seed++) {
            RenderedProgram r = ProgramRenderer.render(GEN.generate(seed));
            ElfImage assembled = Assembler.assemble(r.assembly(), "seed" + seed + ".S");
            assertThat(RenderedProgram.memoryBytes(assembled)).as("seed %d", seed).isEqualTo(r.memoryBytes());
            assertThat(assembled.tohost()).isEqualTo(r.image().tohost());
            assertThat(assembled.symbols().get("handler")).isEqualTo(r.image().symbols().get("handler"));
        }
    }

    @Test
    void everyProgramHaltsWithTohostOneOnTheGoldenModelWellWithinTheBudget() {
        long maxSteps = 0;
        for (long seed = 0; seed < 3000; seed++) {
            BareMetal.Result res = BareMetal.run(ProgramRenderer.image(GEN.generate(seed)).image(), Memory.DEFAULT_BYTES, 100_000);
            assertThat(res.verdict()).as("seed %d: %s", seed, res.summary()).isEqualTo(BareMetal.Verdict.PASS);
            maxSteps = Math.max(maxSteps, res.steps());
        }
        assertThat(maxSteps).isLessThan(5_000);
    }

    @Test
    void programsRunOnEveryDramSizeTheyFit() {
        for (int dram : new int[] {Memory.MIN_BYTES, 1 << 20, 16 << 20}) {
            ProgramGenerator g = new ProgramGenerator(Weights.DEFAULT, dram);
            for (long seed = 0; seed < 200; seed++) {
                Program p = g.generate(seed);
                assertThat(ProgramValidator.problems(p)).isEmpty();
                assertThat(BareMetal.run(ProgramRenderer.image(p).image(), dram, 100_000).verdict()).isEqualTo(BareMetal.Verdict.PASS);
            }
        }
    }

    /** Driven by the ISA table: every instruction of every category with a weight shows up, none is listed by hand. */
    @Test
    void everyInstructionOfTheTableIsGenerated() {
        Set<Instruction> seen = EnumSet.noneOf(Instruction.class);
        for (long seed = 0; seed < 500; seed++) {
            for (int w : words(GEN.generate(seed))) {
                Instruction i = Decoder.decode(w);
                if (i != null) seen.add(i);
            }
        }
        assertThat(EnumSet.complementOf(EnumSet.copyOf(seen))).isEmpty();
    }

    /** The spec-rule templates (issue 13) alone: valid, assembling to the image, passing on the golden model, every family's bins hit. */
    @Test
    void theSpecRuleTemplatesMakeValidProgramsThatHitEverySpecRuleBin() {
        StringBuilder only = new StringBuilder("spec_rules=10");
        for (Category c : Category.values()) only.append(',').append(Weights.key(c)).append("=1");
        ProgramGenerator g = new ProgramGenerator(Weights.parse(only + ",xseq=0,loop=0,illegal=0,fetch_fault=0,li=0"));
        CoverageCollector cov = new CoverageCollector(Memory.DEFAULT_BYTES);
        try (LockstepRunner runner = new LockstepRunner(() -> new GoldenBackend(Memory.DEFAULT_BYTES))) {
            for (long seed = 0; seed < 400; seed++) {
                Program p = g.generate(seed);
                assertThat(ProgramValidator.problems(p)).as("seed %d", seed).isEmpty();
                RenderedProgram r = ProgramRenderer.render(p);
                if (seed < 50) assertThat(RenderedProgram.memoryBytes(Assembler.assemble(r.assembly(), "s.S"))).as("seed %d", seed).isEqualTo(r.memoryBytes());
                cov.beginProgram();
                LockstepRunner.ReferenceRun run = runner.runReference(r.image(), cov);
                assertThat(run.tohostValue()).as("seed %d", seed).isEqualTo(1);
            }
        }
        CoverageReport rep = cov.report();
        for (String group : List.of(CoverageModel.CSR_VALUES, CoverageModel.COUNTERS, CoverageModel.DRAM, CoverageModel.SMC, CoverageModel.NUMERIC)) {
            int[] c = rep.groups().get(group);
            assertThat(c[0]).as(group + ": " + rep.uncovered()).isEqualTo(c[1]);
        }
    }

    @Test
    void withTheSpecRuleWeightZeroNoTemplateOpIsGenerated() {
        ProgramGenerator g = new ProgramGenerator(Weights.parse("spec_rules=0"));
        for (long seed = 0; seed < 300; seed++) {
            for (Op op : g.generate(seed).body()) assertThat(op).isNotInstanceOfAny(Op.MtvecWrite.class, Op.StoreAt.class, Op.Smc.class);
        }
    }

    @Test
    void aStoreOverTheBodyIsInvalid() {
        Program p = GEN.generate(1);
        Program over = p.withOp(0, new Op.StoreAt(Instruction.SW, 5, Layout.CODE_BASE + 4096, ""));
        assertThat(ProgramValidator.problems(over)).anyMatch(s -> s.contains("may write outside the data, the scratch area and the prologue"));
        assertThat(ProgramValidator.problems(p.withOp(0, new Op.StoreAt(Instruction.SW, 5, Layout.CODE_BASE, "")))).isEmpty();
        assertThat(ProgramValidator.problems(p.withOp(0, new Op.Smc(5, 0, 1, 2, false, 0, "")))).anyMatch(s -> s.contains("must store the word that is there"));
    }

    @Test
    void aCategoryWithWeightZeroIsNeverGenerated() {
        ProgramGenerator g = new ProgramGenerator(Weights.parse("mul_div=0,xseq=0,tile_compute=0"));
        for (long seed = 0; seed < 300; seed++) {
            for (Op op : g.generate(seed).body()) {
                if (op instanceof Op.Insn in) {
                    assertThat(in.insn().category()).isNotIn(Category.MUL_DIV, Category.TILE_COMPUTE);
                }
            }
        }
    }

    @Test
    void weightsParseAndPrintOnlyWhatDiffersFromTheDefaults() {
        Weights w = Weights.parse("alu=20, load=0,max_len=200");
        assertThat(w.get(Category.ALU)).isEqualTo(20);
        assertThat(w.get("max_len")).isEqualTo(200);
        assertThat(Weights.parse(w.toString())).isEqualTo(w);
        assertThat(Weights.DEFAULT.toString()).isEqualTo("default");
        assertThat(Weights.parse("default")).isEqualTo(Weights.DEFAULT);
        assertThat(Weights.parse(Weights.DEFAULT.toFullString())).isEqualTo(Weights.DEFAULT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Weights.parse("nonsense=1")).hasMessageContaining("no weight named 'nonsense'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Weights.parse("min_len=90,max_len=10")).hasMessageContaining("min_len");
    }

    @Test
    void programsContainTheIntendedTrapsLoopsAndHazards() {
        int loops = 0, illegal = 0, fetchFaults = 0, mrets = 0, jalrs = 0, misalignedTargets = 0;
        for (long seed = 0; seed < 300; seed++) {
            for (Op op : GEN.generate(seed).body()) {
                if (op instanceof Op.LoopHead) loops++;
                if (op instanceof Op.Illegal) illegal++;
                if (op instanceof Op.FetchFault) fetchFaults++;
                if (op instanceof Op.Mret) mrets++;
                if (op instanceof Op.JumpReg) jalrs++;
                if (op instanceof Op.Insn in && in.skew() != 0) misalignedTargets++;
            }
        }
        assertThat(List.of(loops, illegal, fetchFaults, mrets, jalrs, misalignedTargets)).allMatch(n -> n > 10);
    }

    @Test
    void theIllegalOpNeverEmitsAFenceWord() {
        // Spec §1 (v1.2): every MISC-MEM word with funct3 000 or 001 is a fence or fence.i, whatever
        // its other fields; only the other funct3 values of MISC-MEM are illegal.
        int illegal = 0, miscMem = 0;
        for (long seed = 0; seed < 3000; seed++) {
            for (Op op : GEN.generate(seed).body()) {
                if (!(op instanceof Op.Illegal il)) continue;
                illegal++;
                int w = il.word();
                assertThat(Decoder.decode(w)).as("seed %d: %08x", seed, w).isNull();
                if ((w & 0x7F) == 0b0001111) {
                    miscMem++;
                    assertThat((w >>> 12) & 7).as("seed %d: %08x is a fence", seed, w).isGreaterThan(1);
                }
            }
        }
        assertThat(illegal).isGreaterThan(1000);
        assertThat(miscMem).as("illegal MISC-MEM words (flipped funct3 bits)").isPositive();
    }

    @Test
    void fencesAreGeneratedWithTheirUnusedFieldsBothZeroAndSet() {
        int plain = 0, unusedSet = 0;
        for (long seed = 0; seed < 2000; seed++) {
            for (Op op : GEN.generate(seed).body()) {
                if (!(op instanceof Op.Insn in) || in.insn().category() != Category.FENCE) continue;
                boolean set = false;
                for (int k = 0; k < in.insn().operands().size(); k++) {
                    if (in.insn().operands().get(k).kind() == OperandKind.UNUSED && in.operand(k) != 0) set = true;
                }
                String text = ProgramRenderer.format(in.insn(), in.operands(), "", 0);
                if (set) {
                    unusedSet++;
                    assertThat(text).as("the full form").contains("0x");
                } else {
                    plain++;
                    assertThat(text).as("objdump's spelling").doesNotContain("0x");
                }
            }
        }
        assertThat(plain).isGreaterThan(50);
        assertThat(unusedSet).isGreaterThan(50);
    }

    static int[] words(Program p) {
        byte[] b = ProgramRenderer.image(p).image().segments().get(0).data();
        int[] w = new int[b.length / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = (b[4 * i] & 0xFF) | (b[4 * i + 1] & 0xFF) << 8 | (b[4 * i + 2] & 0xFF) << 16 | b[4 * i + 3] << 24;
        }
        return w;
    }
}
