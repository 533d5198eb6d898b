package dev.seedverify.golden.isa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GNU toolchain as an external oracle for the RV32IM/Zicsr part of the table and for the
 * disassembler (the cross toolchain comes from {@code ci/setup.sh}; without it these tests fail,
 * they never skip).
 *
 * <ol>
 *   <li>A source with every RV32IM/Zicsr/Zifencei/machine instruction at the boundary values of its
 *       operands (written in the plain table syntax, or objdump's spelling where the table folds one
 *       in: {@code fence rw,w}, {@code fence.i}, {@code fence.tso}) is assembled with GNU as and linked
 *       at 0x8000_0000: every word GNU as produced must be the word {@link Encoder} makes.</li>
 *   <li>{@code objdump -d} and {@code objdump -d -M no-aliases} of those words and of ~all legal
 *       random words (as {@code .insn}) must equal {@link Disassembler} with and without aliases.</li>
 *   <li>GNU as's {@code .insn i} puts the unused fields of fences with any values where
 *       {@link Encoder} puts them (spec §1: those words are fences too; binutils has no mnemonic for
 *       them).</li>
 * </ol>
 *
 * <p>Normalisation of objdump's text: whitespace, {@code <symbol>} suffixes and {@code # comments}
 * are dropped, and four known deviations are mapped explicitly (nothing else is):
 * <ul>
 *   <li>a fence with unused fields set (reserved fm, non-zero rs1/rd, fence.i imm) is {@code .4byte}
 *       in objdump, which has no mnemonic for it; we print the table's full form
 *       ({@code fence rw,rw,0x8,0x0,0x1}), and check only that objdump printed the word as data.</li>
 *   <li>objdump does not know the Xseed CSRs and prints {@code 0x7c0}..{@code 0x7c7}; we print their names.</li>
 *   <li>an empty fence set is {@code unknown} in objdump, {@code 0} here (as LLVM prints it; GNU as
 *       cannot write such a fence at all).</li>
 *   <li>binutils 2.40 prefers some assembler-only aliases when printing: {@code add/and/or/xor/sll/srl/sra}
 *       with an immediate operand for {@code addi/andi/ori/xori/slli/srli/srai}, {@code csrrw/csrrs/csrrc}
 *       and {@code csrw/csrs/csrc} with an immediate for the {@code ...i} forms. We print the canonical
 *       mnemonics (what other binutils versions print); a register-form mnemonic whose last operand is a
 *       number is mapped to its immediate form.</li>
 * </ul>
 */
class GnuObjdumpOracleTest {

    private static final Set<Extension> GNU_EXTENSIONS = EnumSet.of(Extension.RV32I, Extension.M, Extension.ZICSR,
            Extension.ZIFENCEI, Extension.MACHINE);
    /** Registers for the cartesian products; each register also appears once in every position. */
    private static final int[] SOME_GPRS = {0, 1, 2, 8, 10, 15, 31};
    private static final Pattern IMMEDIATE_FORM = Pattern.compile(
            "^(add|and|or|xor|sll|srl|sra|csrrw|csrrs|csrrc|csrw|csrs|csrc) (.*,)?(-?[0-9]+|0x[0-9a-f]+)$");
    private static final int RANDOM_WORDS = 40_000;
    private static final Pattern COMMENT = Pattern.compile("\\s+#.*$");
    private static final Pattern SYMBOL = Pattern.compile("\\s*<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern XSEED_CSR = Pattern.compile("\\b0x7c([0-7])\\b");

    @TempDir
    static Path dir;

    private static List<Integer> expected;
    private static List<GnuToolchain.Line> aliased;
    private static List<GnuToolchain.Line> raw;
    private static List<GnuToolchain.Line> randomAliased;
    private static List<GnuToolchain.Line> randomRaw;
    private static int[] randomWords;

    @BeforeAll
    static void runTheGnuToolchain() {
        StringBuilder src = new StringBuilder("  .text\n  .globl _start\n_start:\n");
        expected = new ArrayList<>();
        for (Instruction insn : Instruction.all()) {
            if (!GNU_EXTENSIONS.contains(insn.extension())) continue;
            for (int[] values : oracleCombinations(insn)) {
                int word;
                try {
                    word = Encoder.encode(insn, values);
                } catch (IllegalArgumentException e) {
                    continue; // writes to read-only CSRs: illegal on the S1
                }
                if (!GnuToolchain.assembles(word)) continue; // fences with unused fields set or an empty set
                src.append("  ").append(gasSyntax(insn, values, word)).append('\n');
                expected.add(word);
            }
        }
        // objdump's spellings with every operand fixed (fence.tso: fm = 1000 is not a boundary value).
        for (Disassembler.Alias a : Disassembler.aliases()) {
            if (a.printing() != Disassembler.Printing.ALWAYS || !a.syntax().isEmpty()) continue;
            src.append("  ").append(a.mnemonic()).append('\n');
            expected.add(Encoder.encode(a.instruction(), a.instruction().operands().stream().mapToInt(o -> a.fixed().get(o.name())).toArray()));
        }
        Path elf = GnuToolchain.assembleAndLink(dir, "all", src.toString());
        aliased = GnuToolchain.objdump(dir, elf);
        raw = GnuToolchain.objdump(dir, elf, "-M", "no-aliases");

        // Legal random words of the GNU-known extensions, spread over the whole sample.
        int[] legal = IntStream.of(WordSamples.legalRandomWords())
                .filter(w -> GNU_EXTENSIONS.contains(Decoder.decode(w).extension())).toArray();
        int stride = Math.max(1, legal.length / RANDOM_WORDS);
        randomWords = IntStream.range(0, legal.length / stride).map(i -> legal[i * stride]).toArray();
        StringBuilder insns = new StringBuilder("  .text\n_start:\n");
        for (int w : randomWords) insns.append(String.format("  .insn 0x%08x%n", w));
        Path elf2 = GnuToolchain.assembleAndLink(dir, "random", insns.toString());
        randomAliased = GnuToolchain.objdump(dir, elf2);
        randomRaw = GnuToolchain.objdump(dir, elf2, "-M", "no-aliases");
    }

    @Test
    void gnuAsEncodesEveryBoundaryInstructionAsOurEncoderDoes() {
        assertThat(aliased).hasSize(expected.size());
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            GnuToolchain.Line l = aliased.get(i);
            assertThat(l.address()).isEqualTo(GnuToolchain.TEXT_BASE + 4 * i);
            if (l.word() != expected.get(i) && diffs.size() < 30) {
                diffs.add(String.format("%08x: GNU as %08x (%s), Encoder %08x (%s)", l.address(), l.word(), l.text(),
                        expected.get(i), Disassembler.disassemble(expected.get(i), l.address(), false)));
            }
        }
        assertThat(diffs).isEmpty();
        assertThat(expected.size()).as("instructions in the oracle source").isGreaterThan(10_000);
    }

    @Test
    void everyWordGnuAsProducesIsLegalAndDecodesToTheInstructionObjdumpNames() {
        for (GnuToolchain.Line l : raw) {
            Instruction insn = Decoder.decode(l.word());
            assertThat(insn).as("%08x %s", l.word(), l.text()).isNotNull();
            assertThat(l.text()).as("objdump -M no-aliases of %08x", l.word()).startsWith(insn.mnemonic());
        }
    }

    @Test
    void disassemblyWithAliasesMatchesObjdump() {
        assertThat(mismatches(aliased, true)).isEmpty();
        assertThat(mismatches(randomAliased, true)).isEmpty();
    }

    @Test
    void disassemblyWithoutAliasesMatchesObjdumpNoAliases() {
        assertThat(mismatches(raw, false)).isEmpty();
        assertThat(mismatches(randomRaw, false)).isEmpty();
    }

    @Test
    void gnuAsInsnPutsTheUnusedFenceFieldsWhereOurEncoderPutsThem() {
        StringBuilder src = new StringBuilder("  .text\n_start:\n");
        List<Integer> ours = new ArrayList<>();
        for (Instruction fence : List.of(Instruction.FENCE, Instruction.FENCE_I)) {
            WordSamples.forEachBoundaryCombination(fence, (values, word) -> {
                if (GnuToolchain.spells(word)) return;
                int imm = Field.IMM_I.extract(word); // fm, pred, succ (or fence.i's imm) as GNU's simm12
                int funct3 = fence == Instruction.FENCE ? 0 : 1;
                src.append(String.format("  .insn i 0x0f, %d, x%d, x%d, %d%n", funct3, Field.RD.extract(word), Field.RS1.extract(word), imm));
                ours.add(word);
            });
        }
        List<GnuToolchain.Line> gnu = GnuToolchain.objdump(dir, GnuToolchain.assembleAndLink(dir, "fences", src.toString()));
        assertThat(gnu).hasSameSizeAs(ours);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(gnu.get(i).word()).as("GNU as .insn, our %s", Disassembler.disassemble(ours.get(i), 0)).isEqualTo(ours.get(i));
            assertThat(normalise(gnu.get(i).text(), true)).as("objdump has no mnemonic for %08x", ours.get(i))
                    .isEqualTo(String.format(".4byte 0x%x", ours.get(i)));
        }
        assertThat(ours.size()).isGreaterThan(10_000);
    }

    @Test
    void theRandomWordsReachObjdumpIntact() {
        assertThat(randomAliased).hasSize(randomWords.length);
        for (int i = 0; i < randomWords.length; i++) assertThat(randomAliased.get(i).word()).isEqualTo(randomWords[i]);
        assertThat(randomWords.length).isGreaterThan(RANDOM_WORDS / 2);
    }

    private static List<String> mismatches(List<GnuToolchain.Line> lines, boolean aliases) {
        List<String> out = new ArrayList<>();
        for (GnuToolchain.Line l : lines) {
            String theirs = normalise(l.text(), aliases);
            String ours = Disassembler.disassemble(l.word(), l.address(), aliases).replace('\t', ' ');
            if (!GnuToolchain.spells(l.word())) {
                // A fence with unused fields set: objdump has no mnemonic, so it must print the word as data.
                ours = String.format(".4byte 0x%x", l.word());
            }
            if (!theirs.equals(ours) && out.size() < 40) {
                out.add(String.format("%08x %08x: objdump '%s' (%s), ours '%s'", l.address(), l.word(), theirs, l.text(), ours));
            }
        }
        return out;
    }

    /** objdump's text in our form (see the class comment for the complete list of mappings). */
    static String normalise(String objdump, boolean aliases) {
        String t = COMMENT.matcher(objdump).replaceAll("");
        t = SYMBOL.matcher(t).replaceAll("").strip();
        t = SPACES.matcher(t).replaceAll(" ");
        if (t.startsWith("csr") || t.startsWith("rd")) {
            t = XSEED_CSR.matcher(t).replaceAll(m -> Csr.byAddress(0x7C0 + Integer.parseInt(m.group(1))).mnemonic());
        }
        if (t.startsWith("fence ")) t = t.replace("unknown", "0");
        if (aliases) {
            Matcher m = IMMEDIATE_FORM.matcher(t);
            if (m.matches()) {
                int space = t.indexOf(' ');
                t = t.substring(0, space) + "i" + t.substring(space);
            }
        }
        return t;
    }

    /**
     * The instruction in a form GNU as accepts (targets as {@code .+offset}): objdump's own spelling
     * when one matches ({@code fence rw,w}, {@code fence.i}), else the table syntax.
     */
    private static String gasSyntax(Instruction insn, int[] values, int word) {
        String mnemonic = insn.mnemonic(), syntax = insn.syntax();
        for (Disassembler.Alias a : Disassembler.aliases()) {
            if (a.printing() == Disassembler.Printing.ALWAYS && a.matches(word)) {
                mnemonic = a.mnemonic();
                syntax = a.syntax();
                break;
            }
        }
        StringBuilder sb = new StringBuilder(mnemonic);
        if (!syntax.isEmpty()) sb.append(' ');
        int i = 0;
        while (i < syntax.length()) {
            char c = syntax.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < syntax.length() && Character.isLetterOrDigit(syntax.charAt(j))) j++;
                String name = syntax.substring(i, j);
                int k = 0;
                while (!insn.operands().get(k).name().equals(name)) k++;
                sb.append(gasOperand(insn.operands().get(k), values[k]));
                i = j;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static String gasOperand(Operand o, int v) {
        return switch (o.kind()) {
            case GPR -> "x" + v;
            case CSR -> Csr.byAddress(v).xseed() ? "0x" + Integer.toHexString(v) : Csr.byAddress(v).mnemonic();
            case SIMM, UIMM -> Integer.toString(v);
            case PC_OFFSET -> v >= 0 ? ".+" + v : ".-" + -v;
            case FENCE_SET -> {
                StringBuilder s = new StringBuilder();
                if ((v & 8) != 0) s.append('i');
                if ((v & 4) != 0) s.append('o');
                if ((v & 2) != 0) s.append('r');
                if ((v & 1) != 0) s.append('w');
                yield s.toString();
            }
            case TILE -> throw new IllegalArgumentException("no tiles in GNU as");
            case UNUSED -> throw new IllegalArgumentException("GNU as has no syntax for a fence's unused fields");
        };
    }

    /** Cartesian product of boundary values (GPRs reduced to {@link #SOME_GPRS}), plus every GPR in every position. */
    private static List<int[]> oracleCombinations(Instruction insn) {
        List<Operand> ops = insn.operands();
        int[][] sets = new int[ops.size()][];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = ops.get(i).kind() == OperandKind.GPR ? SOME_GPRS : WordSamples.boundaryValues(ops.get(i));
        }
        List<int[]> out = new ArrayList<>();
        int[] idx = new int[sets.length];
        while (true) {
            int[] v = new int[sets.length];
            for (int i = 0; i < v.length; i++) v[i] = sets[i][idx[i]];
            out.add(v);
            int k = sets.length - 1;
            while (k >= 0 && ++idx[k] == sets[k].length) idx[k--] = 0;
            if (k < 0) break;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).kind() != OperandKind.GPR) continue;
            for (int r = 0; r < Gpr.COUNT; r++) {
                int[] v = new int[sets.length];
                for (int j = 0; j < v.length; j++) v[j] = sets[j][sets[j].length / 2];
                v[i] = r;
                out.add(v);
            }
        }
        return out;
    }
}
