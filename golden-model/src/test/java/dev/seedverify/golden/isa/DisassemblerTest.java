package dev.seedverify.golden.isa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden disassembly strings (the RV32IM/Zicsr ones as GNU objdump prints them). */
class DisassemblerTest {

    private static final int PC = 0x8000_0000;

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            00500513 | li a0,5                  | addi a0,zero,5
            00000013 | nop                      | addi zero,zero,0
            00058513 | mv a0,a1                 | addi a0,a1,0
            00000513 | li a0,0                  | addi a0,zero,0
            00050013 | mv zero,a0               | addi zero,a0,0
            80050513 | addi a0,a0,-2048         | addi a0,a0,-2048
            fff5c513 | not a0,a1                | xori a0,a1,-1
            0ff5f513 | zext.b a0,a1             | andi a0,a1,255
            40b00533 | neg a0,a1                | sub a0,zero,a1
            0015b513 | seqz a0,a1               | sltiu a0,a1,1
            00b03533 | snez a0,a1               | sltu a0,zero,a1
            0005a533 | sltz a0,a1               | slt a0,a1,zero
            00b02533 | sgtz a0,a1               | slt a0,zero,a1
            40c58533 | sub a0,a1,a2             | sub a0,a1,a2
            02c5c533 | div a0,a1,a2             | div a0,a1,a2
            01f59513 | slli a0,a1,0x1f          | slli a0,a1,0x1f
            4035d513 | srai a0,a1,0x3           | srai a0,a1,0x3
            12345537 | lui a0,0x12345           | lui a0,0x12345
            fffff517 | auipc a0,0xfffff         | auipc a0,0xfffff
            ffc12503 | lw a0,-4(sp)             | lw a0,-4(sp)
            7ea12fa3 | sw a0,2047(sp)           | sw a0,2047(sp)
            00b50863 | beq a0,a1,80000010       | beq a0,a1,80000010
            fe050ee3 | beqz a0,7ffffffc         | beq a0,zero,7ffffffc
            00051463 | bnez a0,80000008         | bne a0,zero,80000008
            00a05463 | blez a0,80000008         | bge zero,a0,80000008
            00055463 | bgez a0,80000008         | bge a0,zero,80000008
            00054463 | bltz a0,80000008         | blt a0,zero,80000008
            00a04463 | bgtz a0,80000008         | blt zero,a0,80000008
            00005063 | blez zero,80000000       | bge zero,zero,80000000
            0080006f | j 80000008               | jal zero,80000008
            008000ef | jal 80000008             | jal ra,80000008
            0080056f | jal a0,80000008          | jal a0,80000008
            80000fe3 | beqz zero,7ffff81e       | beq zero,zero,7ffff81e
            00008067 | ret                      | jalr zero,0(ra)
            00050067 | jr a0                    | jalr zero,0(a0)
            00458067 | jr 4(a1)                 | jalr zero,4(a1)
            000500e7 | jalr a0                  | jalr ra,0(a0)
            004580e7 | jalr 4(a1)               | jalr ra,4(a1)
            80058567 | jalr a0,-2048(a1)        | jalr a0,-2048(a1)
            00058567 | jalr a0,a1               | jalr a0,0(a1)
            30002573 | csrr a0,mstatus          | csrrs a0,mstatus,zero
            30051073 | csrw mstatus,a0          | csrrw zero,mstatus,a0
            30052073 | csrs mstatus,a0          | csrrs zero,mstatus,a0
            30053073 | csrc mstatus,a0          | csrrc zero,mstatus,a0
            3002d073 | csrwi mstatus,5          | csrrwi zero,mstatus,5
            3002e073 | csrsi mstatus,5          | csrrsi zero,mstatus,5
            3002f073 | csrci mstatus,5          | csrrci zero,mstatus,5
            30059573 | csrrw a0,mstatus,a1      | csrrw a0,mstatus,a1
            300fd573 | csrrwi a0,mstatus,31     | csrrwi a0,mstatus,31
            c0002573 | rdcycle a0               | csrrs a0,cycle,zero
            c8202573 | rdinstreth a0            | csrrs a0,instreth,zero
            f1402573 | csrr a0,mhartid          | csrrs a0,mhartid,zero
            7c2025f3 | csrr a1,xsqshift         | csrrs a1,xsqshift,zero
            0ff0000f | fence                    | fence iorw,iorw
            0310000f | fence rw,w               | fence rw,w
            0000000f | fence 0,0                | fence 0,0
            8330000f | fence.tso                | fence.tso
            0330000f | fence rw,rw              | fence rw,rw
            8ff0000f | fence iorw,iorw,0x8,0x0,0x0 | fence iorw,iorw,0x8,0x0,0x0
            8320000f | fence rw,r,0x8,0x0,0x0   | fence rw,r,0x8,0x0,0x0
            f000000f | fence 0,0,0xf,0x0,0x0    | fence 0,0,0xf,0x0,0x0
            0ff5000f | fence iorw,iorw,0x0,0xa,0x0 | fence iorw,iorw,0x0,0xa,0x0
            0ff0008f | fence iorw,iorw,0x0,0x0,0x1 | fence iorw,iorw,0x0,0x0,0x1
            0000100f | fence.i                  | fence.i
            fff5108f | fence.i 0xfff,0xa,0x1    | fence.i 0xfff,0xa,0x1
            0010100f | fence.i 0x1,0x0,0x0      | fence.i 0x1,0x0,0x0
            00000073 | ecall                    | ecall
            00100073 | ebreak                   | ebreak
            30200073 | mret                     | mret
            10500073 | wfi                      | wfi
            00b5008b | tld m1,(a0),a1           | tld m1,(a0),a1
            02b5008b | tst m1,(a0),a1           | tst m1,(a0),a1
            04b5008b | tstn m1,(a0),a1          | tstn m1,(a0),a1
            0000100b | tzero m0                 | tzero m0
            0210110b | tmma.i8 m2,m0,m1         | tmma.i8 m2,m0,m1
            0471938b | tmma.e4m3 m7,m3,m7       | tmma.e4m3 m7,m3,m7
            0a01110b | trelu.i32 m2,m2          | trelu.i32 m2,m2
            0001a28b | tquant.i8 m5,m3          | tquant.i8 m5,m3
            00c0b50b | tget a0,m1,a2            | tget a0,m1,a2
            02b5308b | tput m1,a0,a1            | tput m1,a0,a1
            c0001073 | .word 0xc0001073         | .word 0xc0001073
            00000000 | .word 0x00000000         | .word 0x00000000
            ffffffff | .word 0xffffffff         | .word 0xffffffff
            0040100b | .word 0x0040100b         | .word 0x0040100b
            0000140b | .word 0x0000140b         | .word 0x0000140b
            """)
    void disassemblesLikeObjdumpWithAndWithoutAliases(String hex, String aliased, String raw) {
        int word = (int) Long.parseLong(hex, 16);
        assertThat(Disassembler.disassemble(word, PC).replace('\t', ' ')).isEqualTo(aliased);
        assertThat(Disassembler.disassemble(word, PC, false).replace('\t', ' ')).isEqualTo(raw);
    }

    @Test
    void separatesMnemonicAndOperandsByOneTabAndOperandsByBareCommas() {
        assertThat(Disassembler.disassemble(0x00b50863, PC)).isEqualTo("beq\ta0,a1,80000010");
        assertThat(Disassembler.disassemble(0x00008067, PC)).isEqualTo("ret");
        assertThat(Disassembler.disassemble(0x00000013, PC, false)).isEqualTo("addi\tzero,zero,0");
    }

    @Test
    void targetsAreAbsoluteAndWrapAroundTheAddressSpace() {
        assertThat(Disassembler.disassemble(0x8000006f, 0x10)).isEqualTo("j\tfff00010");
        assertThat(Disassembler.disassemble(0x0080006f, 0xFFFF_FFFC)).isEqualTo("j\t4");
    }

    @Test
    void namesTargetsWithKnownSymbolsLikeObjdump() {
        Map<Integer, String> symbols = Map.of(0x8000_0010, "loop");
        assertThat(Disassembler.disassemble(0x00b50863, PC, symbols::get)).isEqualTo("beq\ta0,a1,80000010 <loop>");
        assertThat(Disassembler.disassemble(0x0080006f, PC, symbols::get)).isEqualTo("j\t80000008");
        assertThat(Disassembler.disassemble(0x00b50863, PC, false, symbols::get)).isEqualTo("beq\ta0,a1,80000010 <loop>");
    }

    @Test
    void explainsWhyAWordIsIllegal() {
        assertThat(Disassembler.disassembleExplained(0xc0001073, PC))
                .isEqualTo(".word\t0xc0001073\t# csrrw: write to read-only CSR cycle");
        assertThat(Disassembler.disassembleExplained(0x0040100b, PC)).startsWith(".word\t0x0040100b\t# ");
        assertThat(Disassembler.disassembleExplained(0x0000148b, PC))
                .isEqualTo(".word\t0x0000148b\t# tzero: tile operand md = 9 is not < 8");
        assertThat(Disassembler.disassembleExplained(0x00500513, PC)).isEqualTo("li\ta0,5");
    }

    @Test
    void everyLegalWordDisassemblesToItsMnemonicOrAnAliasAndEveryIllegalWordToData() {
        for (int w : WordSamples.randomWords()) {
            String text = Disassembler.disassemble(w, PC, false);
            Instruction insn = Decoder.decode(w);
            if (insn == null) {
                boolean data = text.length() == 16 && text.startsWith(".word\t0x") && Integer.parseUnsignedInt(text.substring(8), 16) == w;
                if (!data) throw new AssertionError(String.format("%08x: '%s'", w, text));
            } else if (!text.equals(insn.mnemonic()) && !text.startsWith(insn.mnemonic() + "\t")) {
                throw new AssertionError(String.format("%08x: raw disassembly '%s' does not start with %s", w, text, insn.mnemonic()));
            }
        }
    }

    @Test
    void aliasTableIsConsistentWithTheInstructionTable() {
        for (Disassembler.Alias a : Disassembler.aliases()) {
            int[] values = new int[a.instruction().operands().size()];
            for (int i = 0; i < values.length; i++) {
                Operand o = a.instruction().operands().get(i);
                Integer fixed = a.fixed().get(o.name());
                values[i] = fixed != null ? fixed : o.kind() == OperandKind.CSR ? Csr.MSCRATCH.address() : o.kind() == OperandKind.TILE ? 1 : 2;
            }
            int word = Encoder.encode(a.instruction(), values);
            assertThat(a.matches(word)).as(a.toString()).isTrue();
            if (a.disassembles()) {
                assertThat(Disassembler.disassemble(word, PC)).as(a.toString()).startsWith(a.mnemonic());
            }
        }
    }
}
