package dev.seedverify.golden.asm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.Format;
import dev.seedverify.golden.isa.GnuToolchain;
import dev.seedverify.golden.isa.Instruction;
import dev.seedverify.golden.isa.WordSamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same RV32IM/Zicsr source, assembled by GNU as (linked at 0x8000_0000, no relaxation) and
 * by our assembler, gives the same bytes. The source is a hand-written program using labels,
 * local labels, every pseudo-instruction, %hi/%lo/%pcrel, .equ and data directives, plus
 * generated lines: the disassembly (with and without aliases) of legal random and boundary words
 * (targets written relative to {@code _start}, Xseed CSRs by number since GNU as does not know
 * their names; fences only in the forms GNU as has: {@code fence pred,succ}, {@code fence.tso},
 * {@code fence.i}). The cross toolchain comes from {@code ci/setup.sh}; without it this test fails.
 * (GNU as rejects {@code li} of a label; ours accepts it, always as lui + addi.)
 */
class GnuAsComparisonTest {

    private static final int BASE = GnuToolchain.TEXT_BASE;
    private static final int GENERATED_WORDS = 15_000;
    private static final Pattern XSEED_CSR = Pattern.compile("\\bxs[a-z0-9]+\\b");

    @TempDir
    Path dir;

    static final String PROGRAM = """
              .equ SIZE, 64
              .equ MASK, 0xFF00
            program:
              li a0, 0
              li a1, -1
              li a2, 2047
              li a3, -2048
              li a4, 2048
              li a5, 0x12345678
              li a6, 0x12345800
              li a7, 0x80000000
              li t0, 0x7fffffff
              li t1, 0xfffff800
              li t2, 0x1000
              li s0, SIZE
              li s1, MASK | 1
              la a0, data
              lla a1, data_end
              call func
              tail func
              call t0, func
              mv a0, a1
              not a0, a1
              neg a0, a1
              seqz a0, a1
              snez a0, a1
              sltz a0, a1
              sgtz a0, a1
              sgt a0, a1, a2
              sgtu a0, a1, a2
              zext.b a0, a1
            loop:
              beqz a0, loop
              bnez a0, forward
              blez a0, loop
              bgez a0, forward
              bltz a0, loop
              bgtz a0, forward
              bgt a0, a1, loop
              ble a0, a1, forward
              bgtu a0, a1, loop
              bleu a0, a1, forward
              beq a0, a1, 1f
            1:
              bne a0, a1, 1b
              j loop
              jal forward
              jal t0, loop
              jr a0
              jr 8(a0)
              jalr a0
              jalr 8(a0)
              jalr t0, a1
              jalr t0, 12(a1)
              ret
              nop
            forward:
              lui a0, %hi(data)
              addi a0, a0, %lo(data)
              lw a1, %lo(data)(a0)
              sw a1, %lo(data + 4)(a0)
            2:
              auipc a2, %pcrel_hi(data_end)
              addi a2, a2, %pcrel_lo(2b)
              csrr a0, mstatus
              csrw mscratch, a0
              csrs mie, a0
              csrc mip, a0
              csrwi mtvec, 4
              csrsi mstatus, 8
              csrci mstatus, 8
              csrrw a0, mepc, a1
              csrrs a0, mcause, zero
              csrrci a0, mtval, 31
              rdcycle a0; rdcycleh a1; rdinstret a2; rdinstreth a3
              csrr a0, minstreth
              csrr a0, 0x7c0
              csrw 0x7c1, a0
              fence
              fence rw, w
              fence.i
              fence.tso
              ecall
              ebreak
              mret
              wfi
              unimp
              mul a0, a1, a2
              mulh a0, a1, a2
              mulhsu a0, a1, a2
              mulhu a0, a1, a2
              div a0, a1, a2
              divu a0, a1, a2
              rem a0, a1, a2
              remu a0, a1, a2
              add a0, a1, a2
              sub s0, s1, s2
              sll s3, s4, s5
              slt s6, s7, s8
              sltu s9, s10, s11
              xor t3, t4, t5
              srl t6, tp, gp
              sra fp, x1, x31
              or a0, zero, ra
              and a0, sp, a7
              addi a0, a1, -7
              slti a0, a1, -2048
              sltiu a0, a1, 2047
              xori a0, a1, 0x7ff
              ori a0, a1, -0x800
              andi a0, a1, 'A'
              slli a0, a1, 13
              srli a0, a1, 31
              srai a0, a1, 0
              lb a0, -12(sp)
              lh a0, 0(sp)
              lw a0, (sp)
              lbu a0, 2047(x5)
              lhu a0, -2048(x31)
              sb a0, 2047(sp)
              sh a0, -1(sp)
              sw a0, 4(sp)
              lui a0, 0xfffff
              auipc a0, 0
            func:
              ret
            data:
              .word 0xdeadbeef, data, data_end - data, program, -1
              .half 0x1234, -1
              .byte 1, 2, 'z', -1
              .ascii "abc\\n"
              .asciz "xyz"
              .string "0123456"
              .4byte 7
              .word SIZE * 2 + MASK
            data_end:
            """;

    @Test
    void assemblesTheSameBytesAsGnuAs() {
        // Generated part first, so that each line's pc is known: BASE + 4 * i after `_start:`.
        StringBuilder src = new StringBuilder("  .text\n  .globl _start\n_start:\n");
        List<String> lines = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        int[] legal = generatedWords();
        for (int i = 0; i < legal.length; i++) {
            int w = legal[i];
            for (boolean aliases : new boolean[] {true, false}) {
                int pc = BASE + 4 * lines.size();
                String line = gasCompatible(w, pc, Disassembler.disassemble(w, pc, aliases));
                lines.add(line);
                expected.add(w);
                src.append("  ").append(line).append('\n');
            }
        }
        src.append(PROGRAM);
        String source = src.toString();

        byte[] gnu = GnuToolchain.textBytes(dir, GnuToolchain.assembleAndLink(dir, "compare", source));
        ElfImage ours = Assembler.assemble(source, "compare.S", BASE);
        byte[] mine = AssemblerTest.bytes(ours);

        int[] gw = words(gnu);
        int[] mw = words(mine);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(mw[i]).as("ours, line '%s'", lines.get(i)).isEqualTo(expected.get(i));
        }
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < Math.min(gw.length, mw.length) && diffs.size() < 20; i++) {
            if (gw[i] != mw[i]) {
                int pc = BASE + 4 * i;
                diffs.add(String.format("%08x: GNU as %08x (%s), ours %08x (%s)", pc, gw[i], Disassembler.disassemble(gw[i], pc),
                        mw[i], Disassembler.disassemble(mw[i], pc)));
            }
        }
        assertThat(diffs).isEmpty();
        assertThat(mine).hasSameSizeAs(gnu);
        assertThat(mine).isEqualTo(gnu);
        assertThat(ours.entry()).isEqualTo(BASE);
        assertThat(lines.size()).isGreaterThan(GENERATED_WORDS);
    }

    /** Legal words of the GNU-known extensions: spread over the random sample and the boundary set. */
    private static int[] generatedWords() {
        int[] random = WordSamples.legalRandomWords();
        int[] boundary = WordSamples.boundaryWords();
        List<Integer> out = new ArrayList<>();
        for (int[] set : new int[][] {random, boundary}) {
            int stride = Math.max(1, set.length / (GENERATED_WORDS / 2));
            for (int i = 0; i < set.length; i += stride) {
                int w = set[i];
                if (!GnuToolchain.assembles(w)) continue; // Xseed; fences with unused fields set or an empty set
                out.add(w);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Our disassembly as GNU as source: targets relative to _start, Xseed CSRs by number. */
    private static String gasCompatible(int w, int pc, String text) {
        Instruction insn = Decoder.decode(w);
        String t = text.replace('\t', ' ');
        if (insn.format() == Format.B || insn.format() == Format.J) {
            int cut = Math.max(t.lastIndexOf(','), t.indexOf(' '));
            long target = Long.parseLong(t.substring(cut + 1), 16);
            long delta = target - Integer.toUnsignedLong(BASE);
            t = t.substring(0, cut + 1) + (delta >= 0 ? "_start+" + delta : "_start-" + -delta);
        }
        Matcher m = XSEED_CSR.matcher(t);
        return m.replaceAll(r -> "0x" + Integer.toHexString(Csr.byName(r.group()).address()));
    }

    private static int[] words(byte[] b) {
        int[] w = new int[b.length / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = (b[4 * i] & 0xFF) | (b[4 * i + 1] & 0xFF) << 8 | (b[4 * i + 2] & 0xFF) << 16 | (b[4 * i + 3] & 0xFF) << 24;
        }
        return w;
    }
}
