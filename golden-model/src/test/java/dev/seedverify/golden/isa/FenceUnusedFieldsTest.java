package dev.seedverify.golden.isa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedverify.golden.asm.Assembler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec §1 (v1.2): as RV32I and Zifencei prescribe, every MISC-MEM word (opcode 0001111) with funct3
 * 000 is {@code fence} whatever its fm, pred, succ, rs1 and rd, and every one with funct3 001 is
 * {@code fence.i} whatever its imm, rs1 and rd. The unused fields are operands of the table, so
 * decode, encode, disassembly and assembly lose no bit; objdump's spellings ({@code fence},
 * {@code fence rw,rw}, {@code fence.tso}, {@code fence.i}) are aliases of the words whose unused
 * fields are zero. Each word space is checked exhaustively (2^22 words each).
 */
class FenceUnusedFieldsTest {

    private static final int MISC_MEM = 0b0001111;
    private static final int PC = 0x8000_0000;

    /** Every word of {@code funct3}: bits 31:15 and 11:7 take all values. */
    private static List<String> checkEveryWord(int funct3, Instruction expected) {
        List<String> failures = new ArrayList<>();
        for (int free = 0; free < 1 << 22; free++) {
            int w = (free >>> 5) << 15 | funct3 << 12 | (free & 31) << 7 | MISC_MEM;
            Instruction insn = Decoder.decode(w);
            if (insn != expected) {
                failures.add(String.format("%08x decodes as %s", w, insn));
            } else if (Encoder.encode(insn, insn.operandValues(w)) != w) {
                failures.add(String.format("%08x re-encodes as %08x", w, Encoder.encode(insn, insn.operandValues(w))));
            } else if (!expected.mnemonic().equals(ReferenceDecoder.decode(w))) {
                failures.add(String.format("%08x: the reference decoder says %s", w, ReferenceDecoder.decode(w)));
            }
            if (failures.size() > 20) break;
        }
        return failures;
    }

    @Test
    void everyMiscMemWordWithFunct3ZeroIsAFenceWhateverItsFmSetsRs1AndRd() {
        assertThat(checkEveryWord(0, Instruction.FENCE)).isEmpty();
    }

    @Test
    void everyMiscMemWordWithFunct3OneIsFenceIWhateverItsImmRs1AndRd() {
        assertThat(checkEveryWord(1, Instruction.FENCE_I)).isEmpty();
    }

    @Test
    void theUnusedFieldsAreOperandsSoEveryBitOfTheWordIsKept() {
        // fm (31:28), pred (27:24), succ (23:20), rs1 (19:15), rd (11:7): everything but funct3 and opcode.
        assertThat(Instruction.FENCE.mask()).isEqualTo(0x0000707F);
        assertThat(Instruction.FENCE_I.mask()).isEqualTo(0x0000707F);
        assertThat(Instruction.FENCE.operands()).extracting(Operand::name).containsExactly("pred", "succ", "fm", "rs1", "rd");
        assertThat(Instruction.FENCE_I.operands()).extracting(Operand::name).containsExactly("imm", "rs1", "rd");
        assertThat(Instruction.FENCE.operandValues(0x8335008F)).containsExactly(0b0011, 0b0011, 0b1000, 10, 1);
        assertThat(Instruction.FENCE_I.operandValues(0xFFF5108F)).containsExactly(0xFFF, 10, 1);
    }

    @Test
    void theRs1AndRdFieldsOfAFenceNameNoRegister() {
        // Neither fence reads x[rs1] nor writes x[rd]; the generated RTL package derives its
        // register-file use from these facts (reads_rs1, writes_gpr).
        for (Instruction fence : List.of(Instruction.FENCE, Instruction.FENCE_I)) {
            assertThat(fence.writesGpr()).as(fence.mnemonic()).isFalse();
            assertThat(fence.operands()).as(fence.mnemonic()).noneMatch(o -> o.kind() == OperandKind.GPR);
        }
    }

    @Test
    void fenceTsoIsTheFenceWithFm1000AndRwSets() {
        int tso = Encoder.encode(Instruction.FENCE, 0b0011, 0b0011, 0b1000, 0, 0);
        assertThat(tso).isEqualTo(0x8330000F);
        assertThat(Disassembler.disassemble(tso, PC)).isEqualTo("fence.tso");
        assertThat(Disassembler.disassemble(tso, PC, false)).as("objdump -M no-aliases spells it so too").isEqualTo("fence.tso");
        assertThat(Assembler.assembleInstruction("fence.tso", PC)).containsExactly(tso);
    }

    @Test
    void reservedFmValuesAndOtherSetsWithFm1000AreFences() {
        for (int fm = 1; fm < 16; fm++) {
            for (int sets = 0; sets < 256; sets++) {
                int w = fm << 28 | sets << 20 | MISC_MEM;
                assertThat(Decoder.decode(w)).as("%08x", w).isEqualTo(Instruction.FENCE);
                String text = Disassembler.disassemble(w, PC);
                if (w != 0x8330000F) assertThat(text).as("%08x", w).endsWith(String.format(",0x%x,0x0,0x0", fm));
                assertThat(Assembler.reassemble(text, PC)).as(text).isEqualTo(w);
            }
        }
    }

    @Test
    void emptyPredecessorOrSuccessorSetsAreFences() {
        for (int s = 0; s < 16; s++) {
            assertThat(Decoder.decode(s << 20 | MISC_MEM)).isEqualTo(Instruction.FENCE);
            assertThat(Decoder.decode(s << 24 | MISC_MEM)).isEqualTo(Instruction.FENCE);
        }
        assertThat(Disassembler.disassemble(0x0000000F, PC)).isEqualTo("fence\t0,0");
        assertThat(Disassembler.disassemble(0x0010000F, PC)).isEqualTo("fence\t0,w");
    }

    @Test
    void nonZeroRs1AndRdFieldsAreKeptInTheDisassemblyAndReassembleExactly() {
        for (int r = 1; r < 32; r++) {
            for (int w : new int[] {0x0FF0000F | r << 15, 0x0FF0000F | r << 7, 0x0000100F | r << 15, 0x0000100F | r << 7}) {
                String text = Disassembler.disassemble(w, PC);
                assertThat(text).as("%08x", w).contains(String.format("0x%x", r));
                assertThat(Assembler.reassemble(text, PC)).as(text).isEqualTo(w);
                assertThat(Assembler.reassemble(Disassembler.disassemble(w, PC, false), PC)).isEqualTo(w);
            }
        }
    }

    @Test
    void fenceIWithANonZeroImmIsKeptInTheDisassembly() {
        for (int imm : new int[] {1, 0x7FF, 0x800, 0xFFF}) {
            int w = imm << 20 | 0x0000100F;
            assertThat(Disassembler.disassemble(w, PC)).isEqualTo(String.format("fence.i\t0x%x,0x0,0x0", imm));
            assertThat(Assembler.reassemble(Disassembler.disassemble(w, PC), PC)).isEqualTo(w);
        }
    }

    @Test
    void theAssemblerAcceptsTheFormsGnuAsAccepts() {
        assertThat(Assembler.assembleInstruction("fence", PC)).containsExactly(0x0FF0000F);
        assertThat(Assembler.assembleInstruction("fence rw, w", PC)).containsExactly(0x0310000F);
        assertThat(Assembler.assembleInstruction("fence iorw,iorw", PC)).containsExactly(0x0FF0000F);
        assertThat(Assembler.assembleInstruction("fence.tso", PC)).containsExactly(0x8330000F);
        assertThat(Assembler.assembleInstruction("fence.i", PC)).containsExactly(0x0000100F);
    }
}
