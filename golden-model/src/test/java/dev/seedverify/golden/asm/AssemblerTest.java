package dev.seedverify.golden.asm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.elf.ElfImage;
import dev.seedverify.golden.exec.Memory;
import dev.seedverify.golden.isa.Csr;
import dev.seedverify.golden.isa.Decoder;
import dev.seedverify.golden.isa.Disassembler;
import dev.seedverify.golden.isa.Encoder;
import dev.seedverify.golden.isa.Instruction;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the assembler accepts and what it makes of it. */
class AssemblerTest {

    private static final int BASE = Memory.BASE;

    static byte[] bytes(ElfImage image) {
        return image.segments().isEmpty() ? new byte[0] : image.segments().get(0).data();
    }

    static int[] words(ElfImage image) {
        byte[] b = bytes(image);
        int[] w = new int[b.length / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = (b[4 * i] & 0xFF) | (b[4 * i + 1] & 0xFF) << 8 | (b[4 * i + 2] & 0xFF) << 16 | (b[4 * i + 3] & 0xFF) << 24;
        }
        return w;
    }

    static int[] asm(String source) {
        return words(Assembler.assemble(source, "test.S"));
    }

    /** The listing of the program, one disassembled word per line (for readable failures). */
    static String listing(String source) {
        int[] w = asm(source);
        return Arrays.stream(w).mapToObj(x -> Disassembler.disassemble(x, 0, false).replace('\t', ' '))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void laysOutOneSegmentAtTheDramBaseWithEntryAtStart() {
        ElfImage image = Assembler.assemble("nop\n_start: nop\nend:", "p.S");
        assertThat(image.name()).isEqualTo("p.S");
        assertThat(image.segments()).hasSize(1);
        assertThat(image.segments().get(0).address()).isEqualTo(BASE);
        assertThat(image.segments().get(0).memorySize()).isEqualTo(8);
        assertThat(image.entry()).isEqualTo(BASE + 4);
        assertThat(image.symbols()).containsEntry("_start", BASE + 4).containsEntry("end", BASE + 8);
    }

    @Test
    void entryIsTheBaseWithoutStartAndTheBaseCanBeChosen() {
        ElfImage image = Assembler.assemble("loop: j loop", "p.S", 0x1000);
        assertThat(image.entry()).isEqualTo(0x1000);
        assertThat(image.symbols()).containsExactlyEntriesOf(java.util.Map.of("loop", 0x1000));
        assertThat(words(image)).containsExactly(0x0000006f);
        assertThat(Assembler.assemble("", "empty.S").segments()).isEmpty();
    }

    @Test
    void branchesAndJumpsToLabelsBackwardAndForward() {
        int[] w = asm("""
                start:  beq a0, a1, end      # +12
                        bne a0, a1, start    # -4
                        jal ra, start        # -8
                end:    j start              # -12
                """);
        assertThat(w).containsExactly(
                Encoder.encode(Instruction.BEQ, 10, 11, 12),
                Encoder.encode(Instruction.BNE, 10, 11, -4),
                Encoder.encode(Instruction.JAL, 1, -8),
                Encoder.encode(Instruction.JAL, 0, -12));
    }

    @Test
    void branchTargetsMayBeAbsoluteAddressesAndExpressions() {
        int[] w = asm("beq a0, a1, 0x80000010\nj . + 8\nj .\nbltu t0, t1, _x + 4\n_x:");
        assertThat(w).containsExactly(Encoder.encode(Instruction.BEQ, 10, 11, 16), Encoder.encode(Instruction.JAL, 0, 8),
                Encoder.encode(Instruction.JAL, 0, 0), Encoder.encode(Instruction.BLTU, 5, 6, 8));
    }

    @Test
    void numericLocalLabelsReferToTheNearestDefinitionBackwardOrForward() {
        int[] w = asm("""
                1:  j 1f        # -> third word
                    j 1b        # -> first word
                1:  j 1b        # -> itself
                    j 2f
                2:
                """);
        assertThat(w).containsExactly(Encoder.encode(Instruction.JAL, 0, 8), Encoder.encode(Instruction.JAL, 0, -4),
                Encoder.encode(Instruction.JAL, 0, 0), Encoder.encode(Instruction.JAL, 0, 4));
        assertThat(Assembler.assemble("1: j 1b", "t.S").symbols()).isEmpty();
    }

    @Test
    void dataDirectivesEmitLittleEndianValuesAndSymbols() {
        ElfImage image = Assembler.assemble("""
                a:  .word 0x12345678, -1, a, b - a
                    .half 0xBEEF, -2
                    .short 1
                    .byte 1, 2, 255, -128, 'A', '\\n'
                b:  .dword 0x0102030405060708
                    .2byte 3
                    .4byte 4
                    .long 5
                """, "d.S");
        byte[] b = bytes(image);
        assertThat(hex(b)).isEqualTo("78563412" + "ffffffff" + "00000080" + "1c000000"
                + "efbe" + "feff" + "0100" + "0102ff80410a" + "0807060504030201" + "0300" + "04000000" + "05000000");
    }

    @Test
    void stringDirectivesHandleEscapesAndTerminators() {
        byte[] b = bytes(Assembler.assemble("""
                .ascii "ab", "c"
                .asciz "x\\ty"
                .string "\\"q\\\\\\x41\\101\\0"
                """, "s.S"));
        assertThat(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("abc" + "x\ty\0" + "\"q\\AA\0\0");
    }

    @Test
    void alignmentPadsWithZerosToAPowerOfTwo() {
        ElfImage image = Assembler.assemble("""
                .byte 1
                .align 2
                a: .byte 2
                .balign 8
                b: .byte 3
                .p2align 4, 0xAA
                c: .byte 4
                .align 2
                .align 2
                d:
                """, "a.S");
        assertThat(image.symbols()).containsEntry("a", BASE + 4).containsEntry("b", BASE + 8)
                .containsEntry("c", BASE + 16).containsEntry("d", BASE + 20);
        assertThat(hex(bytes(image))).isEqualTo("01000000" + "02000000" + "03aaaaaaaaaaaaaa" + "04000000");
    }

    @Test
    void spaceZeroAndFillReserveBytes() {
        ElfImage image = Assembler.assemble(".space 3\n.zero 2\n.skip 1, 7\n.fill 2, 2, 0x1234\na:", "s.S");
        assertThat(hex(bytes(image))).isEqualTo("000000" + "0000" + "07" + "34123412");
        assertThat(image.symbols()).containsEntry("a", BASE + 10);
    }

    @Test
    void equAndSetDefineConstantsInSourceOrder() {
        ElfImage image = Assembler.assemble("""
                .equ N, 4
                .set M, N * 2 + 1
                K = M - 1
                .word N, M, K, LATER
                .set N, 100
                .word N
                .equ LATER, end - 4
                end:
                """, "e.S");
        assertThat(words(image)).containsExactly(4, 9, 8, BASE + 16, 100);
        assertThat(image.symbols()).containsEntry("N", 100).containsEntry("M", 9).containsEntry("K", 8)
                .containsEntry("LATER", BASE + 16).containsEntry("end", BASE + 20);
    }

    @Test
    void expressionsHaveGasOperatorsAndNumberForms() {
        int[] w = asm("""
                .word 0x10 + 0b101 - 010, -(3 - 5), ~0, 1 << 4 | 1, 7 / 2, 7 % 4, 'a', 2 + 3 * 4, (2 + 3) * 4
                .word 6 & 3 ^ 1, 0xFFFFFFFF, -0x80000000
                """);
        assertThat(w).containsExactly(0x10 + 5 - 8, 2, -1, 17, 3, 3, 'a', 14, 20, (6 & 3) ^ 1, -1, Integer.MIN_VALUE);
    }

    @Test
    void hiAndLoSplitAnAddressWithTheCarryRule() {
        ElfImage image = Assembler.assemble("""
                lui a0, %hi(x)
                addi a0, a0, %lo(x)
                lw a1, %lo(x)(a0)
                1: auipc a2, %pcrel_hi(x)
                addi a2, a2, %pcrel_lo(1b)
                .space 0x7F0
                x: .word 0
                """, "h.S");
        int x = image.symbols().get("x");
        assertThat(x & 0xFFF).as("low part >= 0x800 so %hi carries").isGreaterThanOrEqualTo(0x800);
        int[] w = words(image);
        assertThat(w[0]).isEqualTo(Encoder.encode(Instruction.LUI, 10, ((x + 0x800) >>> 12) & 0xFFFFF));
        assertThat(w[1]).isEqualTo(Encoder.encode(Instruction.ADDI, 10, 10, (x << 20) >> 20));
        assertThat((((x + 0x800) >>> 12) << 12) + ((x << 20) >> 20)).isEqualTo(x);
        assertThat(w[2]).isEqualTo(Encoder.encode(Instruction.LW, 11, 10, (x << 20) >> 20));
        int off = x - (BASE + 12);
        assertThat(w[3]).isEqualTo(Encoder.encode(Instruction.AUIPC, 12, ((off + 0x800) >>> 12) & 0xFFFFF));
        assertThat(w[4]).isEqualTo(Encoder.encode(Instruction.ADDI, 12, 12, (off << 20) >> 20));
    }

    @ParameterizedTest(name = "li a0, {0}")
    @CsvSource(delimiter = ';', value = {
            "0; addi a0,zero,0",
            "-2048; addi a0,zero,-2048",
            "2047; addi a0,zero,2047",
            "2048; lui a0,0x1|addi a0,a0,-2048",
            "0x12345000; lui a0,0x12345",
            "0x12345678; lui a0,0x12345|addi a0,a0,1656",
            "0x12345800; lui a0,0x12346|addi a0,a0,-2048",
            "0x7FFFFFFF; lui a0,0x80000|addi a0,a0,-1",
            "0x80000000; lui a0,0x80000",
            "0xFFFFFFFF; addi a0,zero,-1",
            "-2049; lui a0,0xfffff|addi a0,a0,2047",
            "-0x80000000; lui a0,0x80000",
    })
    void liPicksTheShortestExpansion(String value, String expected) {
        assertThat(listing("li a0, " + value)).isEqualTo(expected.replace('|', '\n'));
    }

    @Test
    void liOfAnAddressOrASymbolNotYetKnownIsAlwaysLuiAndAddi() {
        assertThat(listing("li a0, SMALL\n.equ SMALL, 5")).isEqualTo("lui a0,0x0\naddi a0,a0,5");
        assertThat(listing(".equ SMALL, 5\nli a0, SMALL")).isEqualTo("addi a0,zero,5");
        assertThat(listing(".equ BIG, 0x1000\nli a0, BIG")).isEqualTo("lui a0,0x1");
        assertThat(words(Assembler.assemble("x: li a0, x - 0x80000000", "l.S", 0)))
                .as("an expression with a label is an address: always lui + addi, like GNU as").hasSize(2);
        ElfImage image = Assembler.assemble("li t0, here\nhere: .word here", "l.S");
        assertThat(words(image)).containsExactly(Encoder.encode(Instruction.LUI, 5, 0x80000),
                Encoder.encode(Instruction.ADDI, 5, 5, 8), BASE + 8);
    }

    @Test
    void laCallAndTailArePcRelativePairs() {
        int[] w = asm("""
                la a0, target
                call target
                tail target
                call t2, target
                .space 0x1000
                target:
                """);
        int t = BASE + 32 + 0x1000;
        int[] expected = new int[8];
        int[] auipcRd = {10, 1, 6, 6}; // la a0 / call / tail (t1) / call t2 (t1, as GNU as)
        for (int i = 0; i < 4; i++) {
            int pc = BASE + 8 * i;
            int off = t - pc;
            int hi = ((off + 0x800) >>> 12) & 0xFFFFF;
            int lo = (off << 20) >> 20;
            expected[2 * i] = Encoder.encode(Instruction.AUIPC, auipcRd[i], hi);
            expected[2 * i + 1] = switch (i) {
                case 0 -> Encoder.encode(Instruction.ADDI, 10, 10, lo);
                case 1 -> Encoder.encode(Instruction.JALR, 1, 1, lo);
                case 2 -> Encoder.encode(Instruction.JALR, 0, 6, lo);
                default -> Encoder.encode(Instruction.JALR, 7, 6, lo);
            };
        }
        assertThat(Arrays.copyOf(w, 8)).containsExactly(expected);
        assertThat(listing("la a0, x\nx:")).isEqualTo("auipc a0,0x0\naddi a0,a0,8");
        assertThat(listing("x: lla a0, x")).isEqualTo("auipc a0,0x0\naddi a0,a0,0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nop                    | addi zero,zero,0
            mv a0, a1              | addi a0,a1,0
            not a0, a1             | xori a0,a1,-1
            neg a0, a1             | sub a0,zero,a1
            seqz a0, a1            | sltiu a0,a1,1
            snez a0, a1            | sltu a0,zero,a1
            sltz a0, a1            | slt a0,a1,zero
            sgtz a0, a1            | slt a0,zero,a1
            sgt a0, a1, a2         | slt a0,a2,a1
            sgtu a0, a1, a2        | sltu a0,a2,a1
            zext.b a0, a1          | andi a0,a1,255
            beqz a0, .+8           | beq a0,zero,8
            bnez a0, .+8           | bne a0,zero,8
            blez a0, .+8           | bge zero,a0,8
            bgez a0, .+8           | bge a0,zero,8
            bltz a0, .+8           | blt a0,zero,8
            bgtz a0, .+8           | blt zero,a0,8
            bgt a0, a1, .+8        | blt a1,a0,8
            ble a0, a1, .+8        | bge a1,a0,8
            bgtu a0, a1, .+8       | bltu a1,a0,8
            bleu a0, a1, .+8       | bgeu a1,a0,8
            j .+8                  | jal zero,8
            jal .+8                | jal ra,8
            jr a0                  | jalr zero,0(a0)
            jr 4(a0)               | jalr zero,4(a0)
            jr a0, 4               | jalr zero,4(a0)
            jalr a0                | jalr ra,0(a0)
            jalr 4(a0)             | jalr ra,4(a0)
            jalr a1, a0            | jalr a1,0(a0)
            jalr a1, a0, -4        | jalr a1,-4(a0)
            jalr a1, (a0)          | jalr a1,0(a0)
            ret                    | jalr zero,0(ra)
            lw a0, (sp)            | lw a0,0(sp)
            csrr a0, mstatus       | csrrs a0,mstatus,zero
            csrw mscratch, a0      | csrrw zero,mscratch,a0
            csrs mie, a0           | csrrs zero,mie,a0
            csrc mip, a0           | csrrc zero,mip,a0
            csrwi mtvec, 4         | csrrwi zero,mtvec,4
            csrsi mstatus, 8       | csrrsi zero,mstatus,8
            csrci mstatus, 8       | csrrci zero,mstatus,8
            csrw mstatus, 8        | csrrwi zero,mstatus,8
            csrr a0, 0x7C1         | csrrs a0,xsqmul,zero
            csrr a0, XSQMUL        | csrrs a0,xsqmul,zero
            csrrw a0, mepc, 3      | csrrwi a0,mepc,3
            rdcycle a0             | csrrs a0,cycle,zero
            rdcycleh a0            | csrrs a0,cycleh,zero
            rdinstret a0           | csrrs a0,instret,zero
            rdinstreth a0          | csrrs a0,instreth,zero
            fence                  | fence iorw,iorw
            fence rw, w            | fence rw,w
            fence 0, 0             | fence 0,0
            fence.tso              | fence.tso
            fence rw, rw, 8, 0, 0  | fence.tso
            fence rw,w,0x8,10,1    | fence rw,w,0x8,0xa,0x1
            fence.i                | fence.i
            fence.i 4095, 31, 0    | fence.i 0xfff,0x1f,0x0
            add a0, a1, 5          | addi a0,a1,5
            and a0, a1, 5          | andi a0,a1,5
            sll a0, a1, 5          | slli a0,a1,0x5
            sra a0, a1, 5          | srai a0,a1,0x5
            slt a0, a1, -5         | slti a0,a1,-5
            ADD A0, X1, FP         | add a0,ra,s0
            add x10, x0, x31       | add a0,zero,t6
            tld m1, (a0), a1       | tld m1,(a0),a1
            tst m7,(t0),zero       | tst m7,(t0),zero
            tstn m0, (sp), s11     | tstn m0,(sp),s11
            tzero m3               | tzero m3
            tmma.i8 m2, m0, m1     | tmma.i8 m2,m0,m1
            tmma.e4m3 m2, m0, m1   | tmma.e4m3 m2,m0,m1
            tadd.i32 m2, m0, m1    | tadd.i32 m2,m0,m1
            tmax.i32 m2, m0, m1    | tmax.i32 m2,m0,m1
            trelu.i32 m2, m0       | trelu.i32 m2,m0
            tadd.f32 m2, m0, m1    | tadd.f32 m2,m0,m1
            tquant.i8 m2, m0       | tquant.i8 m2,m0
            tcvt.e4m3 m2, m0       | tcvt.e4m3 m2,m0
            tget a0, m1, a2        | tget a0,m1,a2
            tput m1, a0, a1        | tput m1,a0,a1
            """)
    void pseudoInstructionsAndAliasesExpandToTableInstructions(String source, String raw) {
        int[] w = words(Assembler.assemble(source, "p.S", 0));
        assertThat(w).hasSize(1);
        assertThat(Disassembler.disassemble(w[0], 0, false).replace('\t', ' ')).isEqualTo(raw);
    }

    @Test
    void unimpIsTheIllegalWriteToCycle() {
        int[] w = asm("unimp");
        assertThat(w).containsExactly(0xC0001073);
        assertThat(Decoder.decode(w[0])).as("cycle is read-only on the S1").isNull();
    }

    @Test
    void wordDirectivesPlaceArbitraryIllegalEncodings() {
        int[] w = asm(".word 0x0040100b, 0xc0001073, 0");
        assertThat(w).containsExactly(0x0040100b, 0xc0001073, 0);
        assertThat(Arrays.stream(w).allMatch(x -> Decoder.decode(x) == null)).isTrue();
    }

    @Test
    void commentsAndStatementSeparators() {
        int[] w = asm("""
                # whole-line comment
                nop // trailing comment
                nop ; nop # two statements
                /* block
                   comment */ li a0, '#'  # a '#' in a character literal is not a comment
                .ascii "#;//"
                """);
        assertThat(w).containsExactly(0x13, 0x13, 0x13, Encoder.encode(Instruction.ADDI, 10, 0, '#'), 0x2f2f3b23);
    }

    @Test
    void sectionAndSymbolDirectivesAreAcceptedAndContinueTheImage() {
        ElfImage image = Assembler.assemble("""
                    .section .text.init, "ax", @progbits
                    .globl _start
                    .type _start, @function
                    .option norelax
                    .attribute arch, "rv32im"
                _start:
                    nop
                    .size _start, . - _start
                    .data
                d:  .word 1
                    .bss
                b:  .zero 4
                    .text
                t:  nop
                .L1:
                    .end
                    this is not assembled
                """, "s.S");
        assertThat(image.symbols()).containsOnlyKeys("_start", "d", "b", "t");
        assertThat(words(image)).containsExactly(0x13, 1, 0, 0x13);
    }

    @Test
    void everyCsrCanBeNamedAndEveryTileRegisterWritten() {
        for (Csr c : Csr.values()) {
            int[] w = asm("csrr a0, " + c.mnemonic());
            assertThat(w).containsExactly(Encoder.encode(Instruction.CSRRS, 10, c.address(), 0));
        }
        for (int t = 0; t < 8; t++) {
            assertThat(asm("tzero m" + t)).containsExactly(Encoder.encode(Instruction.TZERO, t));
        }
    }

    @Test
    void assemblesAProgramFromTheClasspath() {
        ElfImage image = Assembler.assembleResource("/elf/bare.S");
        assertThat(image.name()).isEqualTo("/elf/bare.S");
        assertThat(image.entry()).isEqualTo(BASE);
        assertThat(image.symbols()).containsKeys("_start", "trap_handler", "tohost", "fromhost", "begin_signature",
                "end_signature", "scratch");
        int tohost = image.symbols().get("tohost");
        assertThat(tohost % 64).as(".align 6").isZero();
        int sig = image.symbols().get("begin_signature") - BASE;
        byte[] b = bytes(image);
        assertThat(hex(Arrays.copyOfRange(b, sig, sig + 8))).isEqualTo("efbeadde67452301");
        // The program's first instruction is la t0, trap_handler = auipc t0, ...
        assertThat(Decoder.decode(words(image)[0])).isEqualTo(Instruction.AUIPC);
    }

    @Test
    void assembleInstructionGivesTheWordsOfOneStatement() {
        assertThat(Assembler.assembleInstruction("li a0, 0x12345678", 0)).hasSize(2);
        assertThat(Assembler.assembleInstruction("beq a0, a1, 0x80000010", 0x8000_0000))
                .containsExactly(Encoder.encode(Instruction.BEQ, 10, 11, 16));
        assertThat(Assembler.reassemble("beq\ta0,a1,80000010", 0x8000_0000))
                .isEqualTo(Encoder.encode(Instruction.BEQ, 10, 11, 16));
    }

    @Test
    void everyAliasTheDisassemblerKnowsIsAccepted() {
        List<Disassembler.Alias> aliases = Disassembler.aliases();
        for (Disassembler.Alias a : aliases) {
            String source = a.mnemonic() + " " + a.syntax()
                    .replaceAll("\\brd\\b", "a0").replaceAll("\\brs1\\b", "a1").replaceAll("\\brs2\\b", "a2")
                    .replaceAll("\\bimm\\b", "4").replaceAll("\\bshamt\\b", "4").replaceAll("\\bzimm\\b", "4")
                    .replaceAll("\\bcsr\\b", "mscratch").replaceAll("\\boffset\\b", ".+8")
                    .replaceAll("\\bpred\\b", "rw").replaceAll("\\bsucc\\b", "rw");
            int[] w = asm(source);
            assertThat(w).as(source).hasSize(1);
            assertThat(a.matches(w[0])).as(source).isTrue();
            assertThat(Decoder.decode(w[0])).as(source).isEqualTo(a.instruction());
        }
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02x", x & 0xFF));
        return sb.toString();
    }
}
